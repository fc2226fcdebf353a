"""Fine-tuning: LoRA on the encoder plus two heads, masked multi-label loss, resumable runs.

Designed for 2 CPU cores first: one head+tail window per example, length-bucketed batches with
dynamic padding, a wall-clock budget, and checkpoints that resume mid-epoch. The same code runs
on CUDA unchanged (bf16 autocast).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from models.artifact import (
    ADAPTER_CONFIG_FILE,
    ADAPTER_DIR,
    ADAPTER_WEIGHTS_FILE,
    HEADS_FILE,
    MANIFEST_FILE,
    METRICS_FILE,
    THRESHOLDS_FILE,
    TRAINING_CONFIG_FILE,
    CONFIG_FILE,
    ModelConfig,
    WindowConfig,
    write_json,
)
from models.encoding import Window, collate, encode_head_tail, encode_tails
from models.examples import Example
from models.network import HEAD_NAMES, HavenNetwork, load_encoder, load_tokenizer, save_heads
from models.taxonomy import LABELS, TARGETS
from training.config import TrainConfig, config_from_dict
from training.metrics import label_metrics, validation_summary
from training.tail_labels import ending_states_risk

log = logging.getLogger(__name__)

CHECKPOINT_FILE = "checkpoint.pt"
BEST_FILE = "best.pt"


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def label_matrix(examples: Sequence[Example]) -> tuple[np.ndarray, np.ndarray]:
    """Labels as float arrays with NaN where the source did not annotate (masked in the loss)."""
    labels = np.array(
        [[np.nan if e.labels[n] is None else float(e.labels[n]) for n in LABELS] for e in examples],
        dtype=np.float32,
    ).reshape(len(examples), len(LABELS))
    targets = np.array(
        [[np.nan if e.targets[n] is None else float(e.targets[n]) for n in TARGETS] for e in examples],
        dtype=np.float32,
    ).reshape(len(examples), len(TARGETS))
    # Targets only mean something for hateful posts: elsewhere they are masked, not negatives.
    hate = labels[:, LABELS.index("hate")]
    targets[hate != 1.0] = np.nan
    return labels, targets


def masked_bce(logits: torch.Tensor, gold: torch.Tensor, pos_weight: torch.Tensor | None,
               row_weights: torch.Tensor | None = None) -> torch.Tensor:
    """Mean BCE over annotated cells only; missing (NaN) cells contribute nothing. With
    ``row_weights``, a weighted mean: one weight per row (``haven refit`` weighs the hard cases)
    or one per cell (presumed negatives count less than annotations)."""
    mask = (~torch.isnan(gold)).float()
    if row_weights is not None:
        mask = mask * (row_weights[:, None] if row_weights.dim() == 1 else row_weights)
    if not mask.any():
        return logits.sum() * 0.0
    loss = nn.functional.binary_cross_entropy_with_logits(
        logits.float(), torch.nan_to_num(gold, nan=0.0), pos_weight=pos_weight, reduction="none"
    )
    return (loss * mask).sum() / mask.sum()


def pairwise_rank_loss(logits: torch.Tensor, gold: torch.Tensor, columns: Sequence[int],
                       cell_weights: torch.Tensor | None = None) -> torch.Tensor:
    """Mean RankNet loss over the batch's (positive, negative) pairs of each column, averaged
    over the columns that have both.

    Only annotated cells at full weight take part: a NaN says nothing, and a presumed negative
    (cell weight < 1) is a guess the BCE already discounts, not a post that must rank low.
    """
    terms = []
    for column in columns:
        gold_column = gold[:, column]
        counted = (cell_weights[:, column] >= 1.0 if cell_weights is not None
                   else torch.ones_like(gold_column, dtype=torch.bool))
        scores = logits[:, column].float()
        positives = scores[(gold_column == 1.0) & counted]
        negatives = scores[(gold_column == 0.0) & counted]
        if len(positives) and len(negatives):
            terms.append(nn.functional.softplus(negatives[None, :] - positives[:, None]).mean())
    if not terms:
        return logits.sum() * 0.0
    return torch.stack(terms).mean()


def presume_negatives(examples: Sequence[Example], labels: np.ndarray, names: Sequence[str],
                      sources: Sequence[str], weight: float) -> np.ndarray | None:
    """Fill ``labels`` (in place) with 0 where a row of ``sources`` leaves a label of ``names``
    unannotated; return per-cell loss weights (``weight`` on those cells, 1 elsewhere).

    Why: a label a source does not annotate is masked, so the crisis heads learn only from
    mental-health posts and crisis tweets, where the negatives are sad posts too; nothing tells
    them that an ordinary tweet about bed time or a slur is not a crisis. A post of a hate or
    insult corpus is almost never its author's own crisis, so it is a negative worth less than
    an annotation. None when nothing is presumed (the loss is then exactly the unweighted one).
    """
    if not names or not sources:
        return None
    chosen = set(sources)
    rows = np.array([e.source in chosen for e in examples], dtype=bool)
    cells = np.ones_like(labels)
    for name in names:
        column = LABELS.index(name)
        fill = rows & np.isnan(labels[:, column])
        labels[fill, column] = 0.0
        cells[fill, column] = weight
    return cells


def mask_unstated_positives(examples: Sequence[Example], labels: np.ndarray,
                            sources: Sequence[str]) -> int:
    """Mask (in place) the ``self_harm`` 1 of rows of ``sources`` whose text does not state
    its author's risk by ``training.tail_labels.ending_states_risk``; return how many.

    Why: these sources' positives are proxies ("potential suicide post"), and most of those the
    audit read state no risk; a positive that is not one teaches the head to refer self-hatred,
    lyrics and jokes. Masked, not flipped: the rule is narrow, so an unmatched post may still be
    a crisis, and a wrong negative would teach the head to miss it.
    """
    if not sources:
        return 0
    chosen, column = set(sources), LABELS.index("self_harm")
    rows = [i for i, e in enumerate(examples) if e.source in chosen and labels[i, column] == 1.0
            and not ending_states_risk(e.text)]
    labels[rows, column] = np.nan
    return len(rows)


def positive_weights(labels: np.ndarray, cap: float) -> np.ndarray:
    pos = np.nansum(labels == 1.0, axis=0)
    neg = np.nansum(labels == 0.0, axis=0)
    return np.clip(neg / np.maximum(pos, 1), 1.0, cap).astype(np.float32)


def bucketed_batches(lengths: Sequence[int], batch_size: int, pool_batches: int, seed: int,
                     units: Sequence[Sequence[int]] | None = None) -> list[list[int]]:
    """Shuffle, sort by length inside pools, cut into batches, shuffle batch order (seeded).

    With ``units`` (``pair_units``), the rows of a unit are shuffled, sorted and batched as one
    piece, so they always share a batch; without, the order is the one runs before
    ``train.pair_batch_functionalities`` got, row for row.
    """
    rng = random.Random(seed)
    pool = batch_size * pool_batches
    if units is None:  # one row per unit: the same shuffle, pools and cuts as rows alone
        units = [[i] for i in range(len(lengths))]
    order = list(range(len(units)))
    rng.shuffle(order)
    pools: list[list[int]] = [[]]
    filled = 0
    for u in order:
        if filled >= pool:
            pools.append([])
            filled = 0
        pools[-1].append(u)
        filled += len(units[u])
    batches: list[list[int]] = []
    for chunk in pools:
        batch: list[int] = []
        for u in sorted(chunk, key=lambda u: max(lengths[i] for i in units[u])):
            if batch and len(batch) + len(units[u]) > batch_size:
                batches.append(batch)
                batch = []
            batch += units[u]
        if batch:
            batches.append(batch)
    rng.shuffle(batches)
    return batches


def pair_units(windows: Sequence[Window], examples: Sequence[Example], functionalities: Sequence[str],
               batch_size: int) -> list[list[int]]:
    """Training rows grouped for ``bucketed_batches``: the rows of a named functionality that
    share a split group (both sides of a contrast pair; the generator gives them one group) form
    one unit, cut to ``batch_size``; every other row is a unit of its own."""
    named = set(functionalities)
    paired: dict[str, list[int]] = {}
    units: list[list[int]] = []
    for row, window in enumerate(windows):
        example = examples[window.index]
        if example.functionality in named:
            paired.setdefault(example.split_key, []).append(row)
        else:
            units.append([row])
    for rows in paired.values():
        units += [rows[i : i + batch_size] for i in range(0, len(rows), batch_size)]
    return units


#: Settings that say how and where a run executes, not what it learns: a resumed run may change
#: them (say, a longer time budget after a run stopped on its ``max_minutes``, or more threads
#: on another machine) and still continue the same schedule.
OPERATIONAL_KEYS = frozenset({"train.max_minutes", "train.device", "train.num_threads"})


def _recipe_changes(saved: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """Dotted keys whose values differ between two configs, operational settings left out."""
    changed = []
    for section in sorted(set(saved) | set(current)):
        before, after = saved.get(section) or {}, current.get(section) or {}
        for key in sorted(set(before) | set(after)):
            name = f"{section}.{key}"
            if name not in OPERATIONAL_KEYS and before.get(key) != after.get(key):
                changed.append(name)
    return changed


@dataclass
class TrainState:
    step: int = 0
    epoch: int = 0
    batch_in_epoch: int = 0
    best_score: float = -1.0
    best_step: int = 0
    evals_without_improvement: int = 0
    averaged: int = 0  # weight samples in the running mean (train.select: average)
    elapsed_seconds: float = 0.0
    history: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class TrainResult:
    model_dir: Path
    run_dir: Path
    metrics: dict[str, Any]
    state: TrainState
    stopped_because: str


class Trainer:
    def __init__(self, config: TrainConfig, train: list[Example], validation: list[Example],
                 manifest: dict[str, Any], progress: bool = True):
        self.config = config
        self.train_examples = train
        self.val_examples = validation
        self.manifest = manifest
        self.progress = progress
        tc = config.train
        if tc.num_threads:
            torch.set_num_threads(tc.num_threads)
        seed_everything(tc.seed)
        self.device = torch.device(tc.device or ("cuda" if torch.cuda.is_available() else "cpu"))
        self.amp_dtype = torch.bfloat16 if (self.device.type == "cuda" and tc.mixed_precision) else None
        self.run_dir = _resolve(config.output.run_dir)
        self.model_dir = _resolve(config.output.model_dir)
        self.windows_config = WindowConfig(max_length=config.model.max_length,
                                           stride=max(16, config.model.max_length * 3 // 4),
                                           tail_tokens=config.model.tail_tokens,
                                           tail_min_tokens=config.model.tail_min_tokens,
                                           tail_cut=config.model.tail_cut,
                                           long_min_tokens=config.model.long_min_tokens)
        self.tokenizer = load_tokenizer(config.model.base_model)
        self.network = self._build_network().to(self.device)
        self.train_windows = encode_head_tail(
            self.tokenizer, [e.text for e in train], [e.text_pair for e in train], self.windows_config)
        self.val_windows = encode_head_tail(
            self.tokenizer, [e.text for e in validation], [e.text_pair for e in validation],
            self.windows_config)
        self.train_labels, self.train_targets = label_matrix(train)
        self.val_labels, self.val_targets = label_matrix(validation)
        # Rows from data.oversample_files sit at the end of `train` (training.cli.oversample
        # counts them in the manifest); "sampled" leaves them out of the class weights.
        oversampled = sum((manifest.get("oversampled") or {}).values())
        weight_rows = self.train_labels
        if tc.class_weights_from == "sampled" and oversampled:
            weight_rows = self.train_labels[: len(train) - oversampled]
        self.pos_weight = torch.tensor(positive_weights(weight_rows, tc.pos_weight_max),
                                       device=self.device)
        # After the class weights: presumed negatives are not a prevalence estimate either.
        self.cell_weights = presume_negatives(
            train, self.train_labels, tc.presumed_negative_labels, tc.presumed_negative_sources,
            tc.presumed_negative_weight)
        masked = mask_unstated_positives(train, self.train_labels, tc.self_harm_rule_sources)
        if tc.self_harm_rule_sources:  # in data_manifest.json and the card: what was left out
            self.manifest["self_harm_positives_masked"] = masked
        #: Teacher probabilities for the first ``len(teacher_probs)`` rows (the per-source sample).
        self.teacher_probs: np.ndarray | None = None
        self.distill_columns = [LABELS.index(name) for name in (tc.distill_labels or LABELS)]
        self.rank_columns = [LABELS.index(name) for name in tc.rank_loss_labels]
        #: The teacher term's weight per sampled row (train.distill_mention_weight); None: 1.
        self.distill_row_weights: np.ndarray | None = None
        if tc.distill_from:
            sampled_rows = len(train) - oversampled
            self.teacher_probs = self._teacher_probabilities(sampled_rows, tc.distill_from)
            by_source: dict[str, np.ndarray] = {}  # a teacher shared by labels scores once
            for label, source in (tc.distill_from_by_label or {}).items():
                if source not in by_source:
                    by_source[source] = self._teacher_probabilities(sampled_rows, source)
                j = LABELS.index(label)
                self.teacher_probs[:, j] = by_source[source][:, j]
            if tc.distill_mention_weight != 1.0:  # the hard-case package loads only when used
                from training.hardcases.lexicon import mentions_identity

                sampled = train[:len(self.teacher_probs)]
                named = np.array([mentions_identity(e.text) for e in sampled], dtype=bool)
                self.distill_row_weights = np.where(named, tc.distill_mention_weight,
                                                    1.0).astype(np.float32)
                self.manifest["distill_mention_rows"] = int(named.sum())
        self._add_tail_rows()
        #: Rows batched together (train.pair_batch_functionalities); None: every row alone.
        self.units: list[list[int]] | None = None
        if tc.pair_batch_functionalities:
            self.units = pair_units(self.train_windows, train, tc.pair_batch_functionalities,
                                    tc.batch_size)
            shared = [len(u) for u in self.units if len(u) > 1]
            self.manifest["pair_batches"] = {"units": len(shared), "rows": sum(shared)}
        self.steps_per_epoch = math.ceil(len(self.train_windows) / tc.batch_size)
        total = int(self.steps_per_epoch * tc.epochs)
        self.total_steps = min(total, tc.max_steps) if tc.max_steps else total
        self.optimizer = torch.optim.AdamW(
            [
                {"params": [p for n, p in self.network.named_parameters()
                            if p.requires_grad and not n.startswith(HEAD_NAMES)],
                 "lr": tc.lr},
                {"params": [p for name in self.network.heads()
                            for p in getattr(self.network, name).parameters()],
                 "lr": tc.head_lr},
            ],
            weight_decay=tc.weight_decay,
        )
        warmup = max(1, int(self.total_steps * tc.warmup_ratio))
        total_steps = self.total_steps
        hold_from = (self.average_start_step() if tc.select == "average" and tc.average_hold_lr
                     else None)

        def schedule(step: int) -> float:  # linear warm-up, then linear decay to zero
            if hold_from is not None:  # or held from the start of weight averaging on
                step = min(step, hold_from)
            if step < warmup:
                return (step + 1) / warmup
            return max(0.0, (total_steps - step) / max(1, total_steps - warmup))

        self.scheduler = torch.optim.lr_scheduler.LambdaLR(self.optimizer, schedule)
        self.state = TrainState()
        #: The running mean of the trainable weights (``train.select: average``), on the CPU.
        self.average: dict[str, torch.Tensor] | None = None

    # ----------------------------------------------------------------------------------- model
    def _build_network(self) -> HavenNetwork:
        from peft import LoraConfig, get_peft_model

        mc = self.config.model
        encoder = load_encoder(mc.base_model)
        lora = LoraConfig(r=mc.lora_r, lora_alpha=mc.lora_alpha, lora_dropout=mc.lora_dropout,
                          target_modules=list(mc.lora_target_modules), bias="none")
        encoder = get_peft_model(encoder, lora)
        network = HavenNetwork(encoder, len(LABELS), len(TARGETS), dropout=mc.head_dropout,
                               pooling=mc.pooling,
                               long_columns=[LABELS.index(n) for n in mc.long_head_labels])
        # The heads no saved model filled: all of them in a fresh network.
        missing = (init_from_model_dir(network, _resolve(mc.init_from)) if mc.init_from
                   else network.heads())
        if "long_head" in missing:  # long posts start from what every post reads
            network.long_head.load_state_dict(network.label_head.state_dict())
        return network

    def trainable_state(self) -> dict[str, torch.Tensor]:
        return {n: p.detach().cpu().clone() for n, p in self.network.named_parameters() if p.requires_grad}

    def load_trainable_state(self, state: dict[str, torch.Tensor]) -> None:
        missing = self.network.load_state_dict(state, strict=False)
        if missing.unexpected_keys:
            raise RuntimeError(f"checkpoint has unexpected keys: {missing.unexpected_keys[:5]}")

    # ------------------------------------------------------------------------------ checkpoints
    def save_checkpoint(self) -> None:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.run_dir / (CHECKPOINT_FILE + ".tmp")
        torch.save({
            "trainable": self.trainable_state(),
            "optimizer": self.optimizer.state_dict(),
            "scheduler": self.scheduler.state_dict(),
            "state": self.state.__dict__,
            "average": self.average,
            "rng": {"python": random.getstate(), "numpy": np.random.get_state(),
                    "torch": torch.get_rng_state()},
            "config": self.config.to_dict(),
        }, tmp)
        tmp.replace(self.run_dir / CHECKPOINT_FILE)  # atomic: a kill never leaves half a file

    def try_resume(self) -> bool:
        path = self.run_dir / CHECKPOINT_FILE
        if not path.is_file():
            return False
        saved = torch.load(path, map_location="cpu", weights_only=False)
        # Keys added to the config since the checkpoint was written compare as their defaults.
        changed = _recipe_changes(config_from_dict(saved.get("config") or {}).to_dict(),
                                  self.config.to_dict())
        if changed:
            raise RuntimeError(
                f"{path} was written with a different config ({', '.join(changed)}); use "
                "another output.run_dir or delete the run directory to start afresh")
        self.load_trainable_state(saved["trainable"])
        self.optimizer.load_state_dict(saved["optimizer"])
        self.scheduler.load_state_dict(saved["scheduler"])
        self.state = TrainState(**saved["state"])
        self.average = saved.get("average")
        random.setstate(saved["rng"]["python"])
        np.random.set_state(saved["rng"]["numpy"])
        torch.set_rng_state(saved["rng"]["torch"])
        return True

    def _add_tail_rows(self) -> None:
        """Append the tail window of every long training text as a row of its own.

        After the class weights and the teacher: they stay counted on whole posts, and a tail
        row is never distilled (the teacher saw the whole post).
        """
        if not self.windows_config.tail_tokens:
            return  # off (the default): no second tokenisation of the training set
        tc, examples = self.config.train, self.train_examples
        picked = list(range(len(examples)))
        if tc.tail_rows == "labelled":  # tokenise only the texts that may get one
            named, public = set(tc.tail_label_functionalities), set(tc.tail_public_sources)
            picked = [i for i in picked if examples[i].functionality in named
                      or (examples[i].functionality is None and examples[i].source in public)]
        tails = [replace(w, index=picked[w.index]) for w in encode_tails(
            self.tokenizer, [examples[i].text for i in picked],
            [examples[i].text_pair for i in picked], self.windows_config)]
        if tc.tail_rows == "labelled" and tc.tail_public_rows:
            tails = self._sample_public_tails(tails)
        if not tails:
            return
        rows = [w.index for w in tails]
        labels, cells = self._tail_labels(tails, rows)
        if cells is not None and self.cell_weights is None:
            self.cell_weights = np.ones_like(self.train_labels)
        if self.cell_weights is not None:
            tail_cells = self.cell_weights[rows] * (1.0 if cells is None else cells)
            self.cell_weights = np.concatenate([self.cell_weights, tail_cells])
        self.train_windows = [*self.train_windows, *tails]
        self.train_labels = np.concatenate([self.train_labels, labels])
        self.train_targets = np.concatenate(
            [self.train_targets, np.full((len(rows), len(TARGETS)), np.nan, np.float32)])

    def _sample_public_tails(self, tails: list[Window]) -> list[Window]:
        """Keep at most ``tail_public_rows`` public tail rows per source, a seeded sample.

        Sampled among the posts long enough to have a tail, so the cap counts rows trained on.
        """
        cap, rng = self.config.train.tail_public_rows, np.random.default_rng(self.config.train.seed)
        by_source: dict[str, list[int]] = {}
        for row, window in enumerate(tails):
            example = self.train_examples[window.index]
            if example.functionality is None:
                by_source.setdefault(example.source, []).append(row)
        dropped: set[int] = set()
        for rows in by_source.values():
            if len(rows) > cap:
                dropped.update(rng.choice(rows, size=len(rows) - cap, replace=False).tolist())
        return [w for row, w in enumerate(tails) if row not in dropped]

    def _tail_labels(self, tails: list[Window],
                     rows: list[int]) -> tuple[np.ndarray, np.ndarray | None]:
        """The tail rows' labels, and their per-cell loss weights (None: all 1).

        Negatives are kept and positives masked, except for ``tail_label_functionalities``.
        ``self_harm`` positives of the other posts: 1 at full weight when the ending states the
        risk by rule (``tail_rule_labels``), else 1 at ``tail_unstated_weight`` (0: masked).
        """
        tc = self.config.train
        labels = self.train_labels[rows].copy()
        keep = set(tc.tail_label_functionalities)
        unsure = np.array([self.train_examples[i].functionality not in keep for i in rows])
        self._warn_untailed(keep, {self.train_examples[i].functionality for i in rows})
        column = LABELS.index("self_harm")
        positive = unsure & (labels[:, column] == 1.0)
        stated = self._tail_states_risk(tails, positive) if tc.tail_rule_labels else None
        labels[unsure[:, None] & (labels == 1.0)] = np.nan
        contradicted = 0
        if tc.tail_rule_labels and tc.tail_public_sources:
            # A depression post whose ending states the risk is no "not a crisis" ending to learn:
            # its tail row's self_harm 0 is masked, as a positive whose ending does not is.
            negative = self._tail_states_risk(tails, unsure & (labels[:, column] == 0.0))
            labels[negative, column] = np.nan
            contradicted = int(negative.sum())
        cells = None
        if stated is not None or tc.tail_unstated_weight:
            cells = np.ones_like(labels)
            cells[positive, column] = tc.tail_unstated_weight
            if stated is not None:
                cells[stated, column] = 1.0
            labels[positive & (cells[:, column] > 0.0), column] = 1.0  # weight 0 stays masked
        counts = {"rows": len(rows), "labelled": int((~unsure).sum()),
                  "self_harm_positives": int(positive.sum()),
                  "stated": int(0 if stated is None else stated.sum()),
                  "negatives_masked_as_stated": contradicted}
        # In the manifest, so a run's tail rows can be read from its artifact, not recounted.
        self.manifest["tail_rows"] = counts
        log.info("tail rows", extra=counts)
        return labels, cells

    def _warn_untailed(self, named: set[str], tailed: set[str | None]) -> None:
        """Say so when a functionality of ``tail_label_functionalities`` gets no tail row.

        Why: a tail row exists only for a text longer than one window. The generated long posts
        (35-95 tokens) fit in one 128-token window, so naming them labelled nothing, and two
        measured runs were read as if they had (docs/hardcases.md, "Training with the tail window").
        """
        present = {e.functionality for e in self.train_examples} & named
        for name in sorted(present - tailed):
            log.warning("train.tail_label_functionalities: no %s example is longer than one "
                        "window (model.max_length), so none gets a tail row", name)

    def _tail_states_risk(self, tails: list[Window], candidates: np.ndarray) -> np.ndarray:
        """Which ``candidates`` tail rows state the author's risk in their own words."""
        stated = np.zeros(len(tails), dtype=bool)
        for row in np.flatnonzero(candidates):
            window = tails[row]
            own = [t for t, kind in zip(window.input_ids, window.token_type_ids, strict=True)
                   if kind == 0]
            stated[row] = ending_states_risk(self.tokenizer.decode(own, skip_special_tokens=True))
        return stated

    # --------------------------------------------------------------------------------- training
    def _loss(self, batch: list[int]) -> torch.Tensor:
        inputs = collate([self.train_windows[i] for i in batch], self.tokenizer.pad_token_id)
        inputs = {k: v.to(self.device) for k, v in inputs.items()}
        gold = torch.from_numpy(self.train_labels[batch]).to(self.device)
        gold_targets = torch.from_numpy(self.train_targets[batch]).to(self.device)
        with torch.autocast(self.device.type, dtype=self.amp_dtype, enabled=self.amp_dtype is not None):
            label_logits, target_logits = self.network(**inputs, long=self._long(batch, self.train_windows))
        cells = (None if self.cell_weights is None
                 else torch.from_numpy(self.cell_weights[batch]).to(self.device))
        loss = masked_bce(label_logits, gold, self.pos_weight, cells)
        loss = loss + self.config.train.target_loss_weight * masked_bce(target_logits, gold_targets, None)
        if self.rank_columns:
            loss = loss + self.config.train.rank_loss_weight * pairwise_rank_loss(
                label_logits, gold, self.rank_columns, cells)
        if self.teacher_probs is not None and self.config.train.distill_weight > 0:
            loss = loss + self.config.train.distill_weight * self._distill_loss(label_logits, batch)
        return loss

    def _long(self, batch: list[int], windows: Sequence[Window]) -> torch.Tensor | None:
        """Which rows of the batch are long posts (None without a long-post head)."""
        if self.network.long_head is None:
            return None
        return torch.tensor([windows[i].long for i in batch], device=self.device)

    def _distill_loss(self, label_logits: torch.Tensor, batch: list[int]) -> torch.Tensor:
        """BCE against the teacher's probabilities on the batch's sampled rows.

        On every label in ``train.distill_labels``, annotated or not: the teacher's view of,
        say, self_harm on a hate-corpus post is what the public data taught it, and the part the
        student forgets first.
        """
        assert self.teacher_probs is not None
        rows = [k for k, i in enumerate(batch) if i < len(self.teacher_probs)]
        if not rows:
            return label_logits.sum() * 0.0
        columns, sampled = self.distill_columns, [batch[k] for k in rows]
        soft = torch.from_numpy(self.teacher_probs[sampled][:, columns])
        weight = None
        if self.distill_row_weights is not None:  # the mean stays over rows, not over weights
            weight = torch.from_numpy(self.distill_row_weights[sampled]).to(self.device)[:, None]
        return nn.functional.binary_cross_entropy_with_logits(
            label_logits[rows][:, columns].float(), soft.to(self.device), weight=weight)

    def _teacher_probabilities(self, rows: int, source: str) -> np.ndarray:
        """The uncalibrated probabilities of the teacher at ``source`` (``train.distill_from``
        or one of ``train.distill_from_by_label``'s) on the first ``rows`` training windows.

        Cached in the run directory (keyed by the teacher's weights and the texts), so a resumed
        run does not score the sample again. An ensemble teacher (``haven ensemble``) gives the
        mean of its members' uncalibrated probabilities: distilling it is how one encoder pass
        could keep what averaging several runs gains (docs/hardcases.md, "An output ensemble").
        """
        from models.classifier import HavenClassifier, sigmoid
        from models.ensemble import member_dirs

        teacher_dir = _resolve(source)
        teachers = [teacher_dir]
        if (teacher_dir / CONFIG_FILE).is_file():  # an ensemble teaches with its members
            teachers = member_dirs(teacher_dir) or teachers
        digest = hashlib.sha1()
        for teacher_path in teachers:
            weights = teacher_path / ADAPTER_DIR / ADAPTER_WEIGHTS_FILE
            if not weights.is_file():
                raise FileNotFoundError(f"train.distill_from ({source}): {weights} not found")
            digest.update(weights.read_bytes())
            digest.update((teacher_path / HEADS_FILE).read_bytes())
        for example in self.train_examples[:rows]:
            digest.update(example.text.encode("utf-8"))
            digest.update(b"\0" + (example.text_pair or "").encode("utf-8") + b"\1")
        cache = self.run_dir / f"teacher-{digest.hexdigest()[:16]}.npy"
        if cache.is_file():
            return np.load(cache)
        started = time.perf_counter()
        scored = []
        for teacher_path in teachers:  # one at a time: only one teacher is ever in memory
            teacher = HavenClassifier.from_pretrained(teacher_path, device=str(self.device),
                                                      apply_calibration=False)
            scored.append(sigmoid(teacher.logits(self.train_windows[:rows], batch_size=64)[0]))
            del teacher
        probs = np.mean(scored, axis=0).astype(np.float32)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        np.save(cache, probs)
        log.info("teacher scored", extra={"rows": rows,
                                          "seconds": round(time.perf_counter() - started, 1)})
        return probs

    def fit(self, resume: bool = True, on_step: Callable[[int, float], None] | None = None) -> TrainResult:
        tc = self.config.train
        resumed = resume and self.try_resume()
        if resumed:
            log.info("resumed", extra={"step": self.state.step, "epoch": self.state.epoch})
        lengths = [len(w.input_ids) for w in self.train_windows]
        started = time.perf_counter() - self.state.elapsed_seconds
        stopped = "completed"
        bar = _progress(self.total_steps, self.state.step, self.progress)
        self.network.train()
        while self.state.step < self.total_steps and stopped == "completed":
            batches = bucketed_batches(lengths, tc.batch_size, tc.bucket_size_batches,
                                       tc.seed * 1000 + self.state.epoch, self.units)
            for b in range(self.state.batch_in_epoch, len(batches)):
                loss = self._loss(batches[b])
                self.optimizer.zero_grad(set_to_none=True)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.network.parameters(), tc.grad_clip)
                self.optimizer.step()
                self.scheduler.step()
                self.state.step += 1
                self.state.batch_in_epoch = b + 1
                self.state.elapsed_seconds = time.perf_counter() - started
                bar.update(1)
                bar.set_postfix(loss=f"{loss.item():.4f}", epoch=self.state.epoch)
                if on_step:
                    on_step(self.state.step, loss.item())
                self._accumulate_average()
                if self.state.step % tc.eval_every_steps == 0 or self.state.step == self.total_steps:
                    if self._evaluate_and_maybe_stop():
                        stopped = "early_stopping"
                if self.state.step % tc.checkpoint_every_steps == 0:
                    self.save_checkpoint()
                if tc.max_minutes and self.state.elapsed_seconds > tc.max_minutes * 60:
                    stopped = "time_budget"
                if stopped != "completed" or self.state.step >= self.total_steps:
                    break
            else:
                self.state.epoch += 1
                self.state.batch_in_epoch = 0
        bar.close()
        if not self.state.history or self.state.history[-1]["step"] != self.state.step:
            self._evaluate_and_maybe_stop()
        self.save_checkpoint()
        return self._finish(stopped)

    def average_start_step(self) -> int:
        return int(self.total_steps * self.config.train.average_start)

    def _accumulate_average(self) -> None:
        """Fold the current weights into the running mean when the schedule samples them: every
        ``average_every_steps`` from ``average_start`` on, and at the schedule's last step."""
        tc = self.config.train
        step, start = self.state.step, self.average_start_step()
        if tc.select != "average" or step < start:
            return
        if (step - start) % tc.average_every_steps and step != self.total_steps:
            return
        current = self.trainable_state()
        if self.average is None:
            self.average = current
        else:
            for name, value in current.items():
                self.average[name] += (value - self.average[name]) / (self.state.averaged + 1)
        self.state.averaged += 1

    # ------------------------------------------------------------------------------- evaluation
    @torch.inference_mode()
    def predict_validation(self) -> np.ndarray:
        was_training = self.network.training
        self.network.eval()
        out = np.zeros((len(self.val_windows), len(LABELS)), dtype=np.float32)
        order = sorted(range(len(self.val_windows)), key=lambda i: len(self.val_windows[i].input_ids))
        size = self.config.train.batch_size * 2
        for start in range(0, len(order), size):
            batch = order[start : start + size]
            inputs = collate([self.val_windows[i] for i in batch], self.tokenizer.pad_token_id)
            inputs = {k: v.to(self.device) for k, v in inputs.items()}
            with torch.autocast(self.device.type, dtype=self.amp_dtype, enabled=self.amp_dtype is not None):
                logits, _ = self.network(**inputs, long=self._long(batch, self.val_windows))
            out[batch] = torch.sigmoid(logits.float()).cpu().numpy()
        self.network.train(was_training)
        return out

    def _evaluate_and_maybe_stop(self) -> bool:
        probs = self.predict_validation()
        metrics = label_metrics(self.val_labels, probs)
        # Model selection by mean PR-AUC: it rewards ranking the rare positives (crisis, hate)
        # above negatives, which ROC-AUC barely distinguishes on imbalanced labels.
        aps = [m["pr_auc"] for m in metrics.values() if m["pr_auc"] is not None]
        score = float(np.mean(aps)) if aps else 0.0
        entry = {"step": self.state.step, "epoch": self.state.epoch, "mean_pr_auc": round(score, 4),
                 "elapsed_min": round(self.state.elapsed_seconds / 60, 1)}
        self.state.history.append(entry)
        log.info("validation", extra=entry)
        if self.progress:
            print(f"\n[step {self.state.step}] validation mean PR-AUC {score:.4f}", flush=True)
        if score > self.state.best_score:
            self.state.best_score, self.state.best_step = score, self.state.step
            self.state.evals_without_improvement = 0
            self.run_dir.mkdir(parents=True, exist_ok=True)
            torch.save(self.trainable_state(), self.run_dir / BEST_FILE)
            return False
        self.state.evals_without_improvement += 1
        if self.config.train.select != "best":
            return False  # the schedule runs to its end; its last or averaged weights are shipped
        return self.state.evals_without_improvement >= self.config.train.early_stopping_patience

    # ------------------------------------------------------------------------------- artifact
    def _finish(self, stopped: str) -> TrainResult:
        selected = self._load_selected_weights()
        probs = self.predict_validation()
        summary, thresholds = validation_summary(self.val_examples, self.val_labels, probs)
        summary = {
            **summary,
            "train_examples": len(self.train_examples),
            "best_step": self.state.best_step,
            "selected": self.config.train.select,
            "steps": self.state.step,
            **selected,
            "stopped_because": stopped,
            "train_minutes": round(self.state.elapsed_seconds / 60, 1),
            "device": str(self.device),
            "history": self.state.history,
        }
        self.write_artifact(summary, thresholds)
        return TrainResult(self.model_dir, self.run_dir, summary, self.state, stopped)

    def _load_selected_weights(self) -> dict[str, Any]:
        """Put the weights ``train.select`` ships into the network; return what the summary
        records about them: the step they come from and, for "average", the averaging. Both are
        decided here, in one place, so the summary cannot name a step whose weights were not
        loaded (a "best" run that never wrote a best checkpoint ships its last weights)."""
        tc = self.config.train
        best = self.run_dir / BEST_FILE
        if tc.select == "best" and best.is_file():
            self.load_trainable_state(torch.load(best, map_location="cpu"))
            return {"selected_step": self.state.best_step}
        if tc.select != "average":
            return {"selected_step": self.state.step}
        if self.average is None:  # stopped (time budget) before the averaging began
            log.warning("train.select average: the run stopped before step %d, where averaging "
                        "starts; the last weights are shipped", self.average_start_step())
        else:
            self.load_trainable_state(self.average)
        return {"selected_step": self.state.step,
                "averaged": {"from_step": self.average_start_step(), "samples": self.state.averaged,
                             "every_steps": tc.average_every_steps}}

    def write_artifact(self, summary: dict[str, Any], thresholds: dict[str, float]) -> None:
        from training.card import write_model_card
        from models.labelled_io import write_labelled

        import yaml

        mc = self.config.model
        out = self.model_dir
        out.mkdir(parents=True, exist_ok=True)
        adapter_dir = out / ADAPTER_DIR
        self.network.encoder.save_pretrained(str(adapter_dir))
        _portable_adapter_config(adapter_dir, mc.base_model)
        save_heads(self.network, out / HEADS_FILE)
        config = ModelConfig(
            name=mc.name, version=mc.version, base_model=mc.base_model,
            hidden_size=self.network.encoder.config.hidden_size, windows=self.windows_config,
            pooling=mc.pooling, alone_floor_labels=list(mc.alone_floor_labels),
            long_head_labels=list(mc.long_head_labels),
            lora={"r": mc.lora_r, "alpha": mc.lora_alpha, "dropout": mc.lora_dropout,
                  "target_modules": list(mc.lora_target_modules)},
            created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        )
        write_json(out / CONFIG_FILE, config.to_json())
        write_json(out / THRESHOLDS_FILE, {
            "thresholds": thresholds,
            "chosen_by": "F1-optimal per label on the training run's validation split",
            "operating_points": {},
        })
        write_json(out / METRICS_FILE, summary)
        write_json(out / MANIFEST_FILE, self.manifest)
        (out / TRAINING_CONFIG_FILE).write_text(yaml.safe_dump(self.config.to_dict(), sort_keys=False))
        write_model_card(out, config, summary, self.manifest, self.config)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        write_labelled(self.val_examples, self.run_dir / "validation.jsonl")


def init_from_model_dir(network: HavenNetwork, model_dir: Path) -> list[str]:
    """Load a saved adapter and heads into a freshly built (same-shaped) network; returns the
    network's heads the saved model lacks (a long-post head the trainer then starts itself)."""
    from peft import set_peft_model_state_dict
    from safetensors.torch import load_file

    from models.network import load_heads

    adapter_dir = model_dir / ADAPTER_DIR
    weights = adapter_dir / ADAPTER_WEIGHTS_FILE
    if not weights.is_file():
        raise FileNotFoundError(f"model.init_from: {weights} not found")
    result = set_peft_model_state_dict(network.encoder, load_file(str(weights)))
    if getattr(result, "unexpected_keys", None):
        raise RuntimeError(f"model.init_from: adapter shape differs ({result.unexpected_keys[:3]})")
    missing = load_heads(network, model_dir / HEADS_FILE)
    if set(missing) - {"long_head"}:
        raise RuntimeError(f"model.init_from: {model_dir / HEADS_FILE} lacks {missing}")
    return missing


def _portable_adapter_config(adapter_dir: Path, base_model: str) -> None:
    """peft records the absolute base path of this machine; record the portable reference."""
    path = adapter_dir / ADAPTER_CONFIG_FILE
    data = json.loads(path.read_text())
    data["base_model_name_or_path"] = base_model
    path.write_text(json.dumps(data, indent=2) + "\n")


def _resolve(path: str) -> Path:
    return Path(path).expanduser().resolve()


def _progress(total: int, initial: int, enabled: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, initial=initial, disable=not enabled, desc="training", unit="step",
                dynamic_ncols=True, mininterval=5)
