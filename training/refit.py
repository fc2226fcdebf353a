"""Refit a trained model's label head on its frozen encoder (``haven refit``).

Why: in joint training the hard cases and the public sample pull the same linear head, and the
head ends where the last steps of a decaying learning rate left it, with every hard case
counted like a public row. The encoder has by then already learnt what the hard cases teach, so
the head can give them less weight without the model unlearning them. Measured on 0.2.1's
encoder (docs/hardcases.md, "Head refits"): a head refitted with the hard cases at weight 0.5
raised public validation ROC-AUC on hate (+0.009), offensive and self_harm (+0.018) with the
suites' pair unchanged, but lowered BPSN fairness on identity-tagged public rows, so it was not
shipped. It moves a model along that trade-off for one pass of the encoder over the training rows
(about 6 minutes on 2 CPU cores) and seconds of fitting, against 50 minutes for a training run.

Only the label head changes. The adapter, the target head and the inference settings are the
model's own, so the result scores exactly as fast. Its thresholds are F1-optimal on the
validation split, as after training; run ``haven eval calibrate`` on it before shipping.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from models.artifact import (
    CALIBRATION_FILE,
    CARD_FILE,
    CONFIG_FILE,
    HEADS_FILE,
    METRICS_FILE,
    THRESHOLDS_FILE,
    ArtifactError,
    ModelConfig,
    WindowConfig,
    read_config,
    write_json,
)
from models.classifier import load_network
from models.encoding import collate, encode_head_tail, length_sorted_batches
from models.examples import Example
from models.network import HavenNetwork, load_tokenizer, pooled_size
from models.onnx_backend import ONNX_DIR, adapter_files, base_weights_identity
from models.taxonomy import LABELS
from training.trainer import label_matrix, masked_bce, positive_weights, presume_negatives


class RefitError(ValueError):
    """Bad arguments or an unusable model directory: the CLI prints it and exits 2."""


@dataclasses.dataclass(frozen=True)
class RefitSettings:
    #: Weight of the rows appended by ``data.oversample_files`` (hard cases, mined rows) in the
    #: loss; the public sample has weight 1. 0 fits the public rows only.
    hard_weight: float = 0.5
    epochs: int = 20
    batch_size: int = 256
    lr: float = 2e-3
    weight_decay: float = 0.01
    dropout: float = 0.1
    pos_weight_max: float = 8.0
    seed: int = 13
    #: ``train.presumed_negative_*`` of the config (``training.trainer.presume_negatives``).
    presumed_labels: tuple[str, ...] = ()
    presumed_sources: tuple[str, ...] = ()
    presumed_weight: float = 0.2

    def check(self) -> None:
        if not 0.0 <= self.hard_weight <= 10.0:
            raise RefitError(f"hard weight must be between 0 and 10, not {self.hard_weight}")
        if self.epochs < 1:
            raise RefitError(f"epochs must be at least 1, not {self.epochs}")


@torch.inference_mode()
def pooled_features(network: HavenNetwork, tokenizer, examples: Sequence[Example],
                    windows: WindowConfig, batch_size: int = 64) -> np.ndarray:
    """The vector the heads read for each example, from the head+tail window the trainer uses."""
    encoded = encode_head_tail(tokenizer, [e.text for e in examples],
                               [e.text_pair for e in examples], windows)
    width = pooled_size(network.pooling, network.encoder.config.hidden_size)
    out = np.zeros((len(encoded), width), dtype=np.float32)
    for batch in length_sorted_batches(encoded, batch_size):
        inputs = collate([encoded[i] for i in batch], tokenizer.pad_token_id)
        out[batch] = network.pooled(**inputs).float().numpy()
    return out


def features_key(model_dir: Path, config: ModelConfig, examples: Sequence[Example]) -> str:
    """What the pooled features depend on: the encoder (base weights, adapter, pooling,
    windows) and every input text, not the label head. So a refit of a refit reads its
    parent's features from the cache. ``config.pooling`` is the pooling the features are for."""
    digest = hashlib.sha256()
    digest.update(json.dumps({"base_model": config.base_model, "pooling": config.pooling,
                              "windows": dataclasses.asdict(config.windows)},
                             sort_keys=True).encode())
    digest.update(base_weights_identity(config.base_model).encode())
    for path in adapter_files(model_dir):
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for e in examples:
        digest.update(e.text.encode())
        digest.update(b"\x00" + (e.text_pair or "").encode() + b"\x01")
    return digest.hexdigest()[:24]


def cached_features(model_dir: Path, config: ModelConfig, examples: Sequence[Example],
                    cache_dir: Path | None) -> np.ndarray:
    """``pooled_features`` of ``model_dir``'s encoder, read from ``cache_dir`` when the same
    encoder already saw the same rows; the encoder is only loaded when they must be computed.
    Sweeping head settings then costs seconds per refit instead of the encoder pass (about
    6 minutes on 2 cores). The cache holds vectors, not text, but they are derived from posts:
    keep it where the training data may live (it defaults to off)."""
    path = (None if cache_dir is None
            else Path(cache_dir) / f"features-{features_key(model_dir, config, examples)}.npy")
    if path is not None and path.is_file():
        features = np.load(path)
        if len(features) == len(examples):
            return features
    network = load_network(model_dir, config.base_model)
    network.pooling = config.pooling  # a widened pooling (``refit(pooling=...)``); heads unused
    features = pooled_features(network, load_tokenizer(config.base_model), examples,
                               config.windows)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial.npy")
        np.save(partial, features)
        partial.replace(path)  # never leave a truncated file under the real name
    return features


def fit_label_head(features: np.ndarray, labels: np.ndarray, row_weights: np.ndarray,
                   pos_weight: np.ndarray, settings: RefitSettings) -> nn.Linear:
    """A linear head fitted with the trainer's masked, class-weighted BCE, rows (or cells)
    weighted."""
    generator = torch.Generator().manual_seed(settings.seed)
    torch.manual_seed(settings.seed)
    head = nn.Linear(features.shape[1], labels.shape[1])
    dropout = nn.Dropout(settings.dropout)
    x = torch.from_numpy(features)
    gold = torch.from_numpy(labels.astype(np.float32))
    rows = torch.from_numpy(row_weights.astype(np.float32))
    pw = torch.from_numpy(pos_weight.astype(np.float32))
    optimizer = torch.optim.AdamW(head.parameters(), lr=settings.lr,
                                  weight_decay=settings.weight_decay)
    steps = settings.epochs * -(-len(x) // settings.batch_size)
    warmup = max(1, steps // 40)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, 1 - s / steps))
    head.train()
    for _ in range(settings.epochs):
        for batch in torch.randperm(len(x), generator=generator).split(settings.batch_size):
            if not rows[batch].any():  # only hard rows at weight 0: nothing to learn from
                continue
            loss = masked_bce(head(dropout(x[batch])), gold[batch], pw, rows[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()
    return head.eval()


def refit(model_dir: Path, train: Sequence[Example], oversampled: int, out_dir: Path,
          settings: RefitSettings, *, version: str | None = None,
          labels: Sequence[str] | None = None,
          feature_cache: Path | None = None, pooling: str | None = None) -> ModelConfig:
    """Write ``model_dir`` with its label head refitted on ``train`` to ``out_dir``.

    The last ``oversampled`` rows of ``train`` are the hard cases (``training.cli.oversample``
    appends them); they get ``settings.hard_weight`` and are left out of the class weights, as
    with the trainer's ``class_weights_from: sampled``. ``labels`` (default: all) are the
    outputs replaced; the others keep the model's own weights. The head is linear, so each
    output is fitted independently of the others (its own row of weights, its own masked loss
    term): replacing some outputs is the same as refitting only those.

    ``pooling="text_max"`` on a ``text`` model adds the per-token maximum to the vector the
    refitted outputs read. The other outputs and the target head get zero weights on the
    added half, so they score exactly as before: the average the model was trained on is the
    first half of the new vector. Why: a linear head on the average of a long post's window
    cannot single out its last sentence (docs/hardcases.md, "Long posts").
    """
    from safetensors.torch import load_file, save_file

    settings.check()
    chosen = list(LABELS) if labels is None else list(labels)
    unknown = sorted(set(chosen) - set(LABELS))
    if unknown or not chosen:
        raise RefitError(f"labels to refit must be some of {', '.join(LABELS)}; got "
                         f"{', '.join(chosen) or 'none'}")
    model_dir, out_dir = Path(model_dir), Path(out_dir)
    if out_dir.resolve() == model_dir.resolve():
        raise RefitError("--out must be a new directory, not the model being refitted")
    if not 0 <= oversampled < len(train):
        raise RefitError(f"{len(train)} training rows cannot hold {oversampled} oversampled ones "
                         "and a public sample")
    try:
        config = read_config(model_dir)
    except ArtifactError as exc:
        raise RefitError(str(exc)) from exc
    if config.long_head_labels:
        raise RefitError("a model with a second head for long posts cannot be refitted: the "
                         "refit fits one label head for every post")
    widen = pooling is not None and pooling != config.pooling
    if widen and (config.pooling, pooling) != ("text", "text_max"):
        raise RefitError(f"a refit can only widen text pooling to text_max (the model's heads "
                         f"then keep their meaning), not change {config.pooling} to {pooling}")
    pooled_config = dataclasses.replace(config, pooling=pooling) if widen else config
    features = cached_features(model_dir, pooled_config, train, feature_cache)
    labels, _ = label_matrix(train)
    n_public = len(train) - oversampled
    row_weights = np.ones(len(train))
    row_weights[n_public:] = settings.hard_weight
    pos_weight = positive_weights(labels[:n_public], settings.pos_weight_max)
    cells = presume_negatives(train, labels, settings.presumed_labels, settings.presumed_sources,
                              settings.presumed_weight)
    weights = row_weights if cells is None else cells * row_weights[:, None]
    head = fit_label_head(features, labels, weights, pos_weight, settings)

    if out_dir.exists():
        shutil.rmtree(out_dir)
    # The artifact minus what depends on the label head: metrics, thresholds, calibration, card.
    shutil.copytree(model_dir, out_dir, ignore=shutil.ignore_patterns(
        ONNX_DIR, METRICS_FILE, THRESHOLDS_FILE, CALIBRATION_FILE, CARD_FILE))
    heads = load_file(str(model_dir / HEADS_FILE))
    if widen:
        heads = widened_heads(heads, features.shape[1])
    rows = torch.tensor([LABELS.index(name) for name in chosen])
    for key, fitted in head.state_dict().items():
        merged = heads[f"label_head.{key}"].clone()
        merged[rows] = fitted.detach()[rows].to(merged.dtype)
        heads[f"label_head.{key}"] = merged.contiguous()
    save_file(heads, str(out_dir / HEADS_FILE))
    refitted = dataclasses.replace(
        pooled_config,
        version=version or config.version,
        created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        heads_refit={"from": {"name": config.name, "version": config.version,
                              "pooling": config.pooling},
                     "train_rows": len(train), "oversampled_rows": oversampled,
                     "labels": chosen, **dataclasses.asdict(settings)},
    )
    write_json(out_dir / CONFIG_FILE, refitted.to_json())
    return refitted


def widened_heads(heads: dict[str, torch.Tensor], width: int) -> dict[str, torch.Tensor]:
    """Both heads' weights padded with zero columns up to ``width`` inputs: on a vector whose
    first part is the one they were trained on, every output scores as before."""
    out = dict(heads)
    for name in ("label_head.weight", "target_head.weight"):
        weight = heads[name]
        pad = weight.new_zeros(weight.shape[0], width - weight.shape[1])
        out[name] = torch.cat([weight, pad], dim=1).contiguous()
    return out


def write_card(out_dir: Path, config: ModelConfig, summary: dict[str, Any]) -> Path:
    from training.card import presumed_negatives_sentence, write_derived_card

    info = config.heads_refit
    refitted = info.get("labels") or list(LABELS)
    outputs = ("its label head" if len(refitted) == len(LABELS)
               else f"the {', '.join(refitted)} outputs of its label head (the others as trained)")
    how = (f"`{info['from']['name']} {info['from']['version']}` with {outputs} refitted "
           f"(`haven refit`, training/refit.py) on the frozen encoder: {info['train_rows']} "
           f"training rows, the {info['oversampled_rows']} hard-case rows at weight "
           f"{info['hard_weight']:g}, {info['epochs']} epochs. The adapter, the target head and "
           "the inference settings are the original model's; its training, data and intended use "
           "are described in that model's card. See docs/hardcases.md for why and what it "
           "measured.")
    if info["from"].get("pooling", config.pooling) != config.pooling:
        how += (f" The refitted outputs read {config.pooling} pooling (the average of the post's "
                "own tokens and their per-dimension maximum); the others keep zero weights on "
                "the maximum, so they score as the original model does.")
    how += presumed_negatives_sentence(info.get("presumed_labels") or (),
                                       info.get("presumed_sources") or (),
                                       info.get("presumed_weight", 0.0))
    return write_derived_card(out_dir, config, how, "the validation split", summary)
