"""The torch backend: load a model directory, merge its LoRA adapter, predict probabilities."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch

from models.artifact import (
    ADAPTER_DIR,
    ArtifactError,
    HEADS_FILE,
    ModelConfig,
    WindowConfig,
    read_block_thresholds,
    read_calibration,
    read_config,
    read_thresholds,
)
from models.encoding import Window, collate, encode_windows, length_sorted_batches
from models.network import HavenNetwork, load_encoder, load_heads, load_tokenizer
from models.predictor import Prediction
from models.taxonomy import LABELS, TARGETS

log = logging.getLogger(__name__)


def pick_device(device: str | None = None) -> torch.device:
    if device:
        return torch.device(device)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


class HavenClassifier:
    """A loaded Haven model (implements :class:`models.predictor.Predictor`)."""

    def __init__(
        self,
        network: HavenNetwork,
        tokenizer,
        config: ModelConfig,
        thresholds: dict[str, float] | None = None,
        calibration: dict | None = None,
        device: torch.device | None = None,
        block_thresholds: dict[str, float] | None = None,
    ):
        self.network = network.eval()
        self.tokenizer = tokenizer
        self.config = config
        self.name = config.name
        self.version = config.version
        self.thresholds = thresholds or {label: 0.5 for label in LABELS}
        #: Calibrated block operating points (policies' ``block: model``); empty if none.
        self.block_thresholds: dict[str, float] = dict(block_thresholds or {})
        self.calibration = calibration
        self.device = device or torch.device("cpu")
        # On GPU, half precision doubles throughput at no measurable accuracy cost for scoring.
        self.dtype = torch.bfloat16 if self.device.type == "cuda" else None

    @classmethod
    def from_pretrained(
        cls,
        model_dir: str | Path,
        *,
        device: str | None = None,
        apply_calibration: bool = True,
        base_model: str | None = None,
    ) -> HavenClassifier:
        """Load a model directory; ``base_model`` overrides where the base weights come from."""
        started = time.perf_counter()
        model_dir = Path(model_dir)
        config = read_config(model_dir)
        reference = base_model or config.base_model
        network = load_network(model_dir, reference)
        torch_device = pick_device(device)
        network.to(torch_device)
        model = cls(
            network,
            load_tokenizer(reference),
            config,
            read_thresholds(model_dir),
            read_calibration(model_dir) if apply_calibration else None,
            torch_device,
            read_block_thresholds(model_dir),
        )
        log.info(
            "model loaded",
            extra={"model": config.name, "version": config.version, "device": str(torch_device),
                   "seconds": round(time.perf_counter() - started, 2)},
        )
        return model

    @torch.inference_mode()
    def logits(
        self, windows: Sequence[Window], batch_size: int = 32
    ) -> tuple[np.ndarray, np.ndarray]:
        """Raw logits per window, in the order given."""
        label_out = np.zeros((len(windows), len(LABELS)), dtype=np.float32)
        target_out = np.zeros((len(windows), len(TARGETS)), dtype=np.float32)
        on_gpu = self.device.type == "cuda"
        batches = length_sorted_batches(windows, batch_size)
        # On CUDA, outputs stay on the device until every batch is queued: a per-batch .cpu()
        # would synchronise and leave the GPU idle while Python collates the next batch.
        pending: list[tuple[list[int], torch.Tensor, torch.Tensor]] = []
        for batch in batches:
            inputs = collate([windows[i] for i in batch], self.tokenizer.pad_token_id)
            if self.network.long_head is not None:
                inputs["long"] = torch.tensor([windows[i].long for i in batch])
            if on_gpu:
                inputs = {k: v.pin_memory().to(self.device, non_blocking=True)
                          for k, v in inputs.items()}
            else:
                inputs = {k: v.to(self.device) for k, v in inputs.items()}
            with torch.autocast(self.device.type, dtype=self.dtype, enabled=self.dtype is not None):
                label_logits, target_logits = self.network(**inputs)
            if on_gpu:
                pending.append((batch, label_logits.float(), target_logits.float()))
            else:
                label_out[batch] = label_logits.float().cpu().numpy()
                target_out[batch] = target_logits.float().cpu().numpy()
        if pending:
            order = [i for batch, _, _ in pending for i in batch]
            label_out[order] = torch.cat([p[1] for p in pending]).cpu().numpy()
            target_out[order] = torch.cat([p[2] for p in pending]).cpu().numpy()
        return label_out, target_out

    def predict_proba(
        self,
        texts: Sequence[str],
        text_pairs: Sequence[str | None] | None = None,
        batch_size: int = 32,
    ) -> Prediction:
        return score_texts(self, texts, text_pairs, batch_size)


def load_network(model_dir: str | Path, reference: str, *, eager_attention: bool = False
                 ) -> HavenNetwork:
    """The model directory's network on CPU: base encoder with the LoRA adapter merged, heads.

    Shared by the torch backend and the ONNX exporter (``eager_attention=True``: the exporter
    traces the eager attention path), so both score with exactly the same weights.
    """
    from peft import PeftModel

    model_dir = Path(model_dir)
    encoder = load_encoder(reference, eager_attention=eager_attention)
    adapter = model_dir / ADAPTER_DIR
    if adapter.is_dir():
        # Merging LoRA into the base weights makes inference exactly as fast as the base model.
        encoder = PeftModel.from_pretrained(encoder, str(adapter)).merge_and_unload()
    config = read_config(model_dir)
    network = HavenNetwork(encoder, len(LABELS), len(TARGETS), pooling=config.pooling,
                           long_columns=[LABELS.index(n) for n in config.long_head_labels])
    missing = load_heads(network, model_dir / HEADS_FILE)
    if missing:
        raise ArtifactError(f"{model_dir / HEADS_FILE} lacks the weights of {missing}")
    return network.eval()


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def score_texts(
    model: Any,
    texts: Sequence[str],
    text_pairs: Sequence[str | None] | None,
    batch_size: int,
) -> Prediction:
    """Every backend's ``predict_proba``: encode, run ``model.logits`` (the backend's forward
    pass), pool with ``model.calibration``. ``model`` is a torch or ONNX classifier (it has
    ``tokenizer``, ``config``, ``calibration`` and ``logits``).

    Replies whose labels are in ``config.alone_floor_labels`` are also scored alone, in the same
    forward passes, and keep the higher of the two scores on those labels.
    """
    if batch_size < 1:
        # range() with a step under 1 either raises deep in the backend or, when negative,
        # runs no batch at all and returns uninitialised scores as if they were predictions.
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if not texts:
        return Prediction(np.zeros((0, len(LABELS)), np.float32),
                          np.zeros((0, len(TARGETS)), np.float32))
    floor = [LABELS.index(name) for name in model.config.alone_floor_labels]
    replies = [i for i, pair in enumerate(text_pairs or ()) if pair] if floor else []
    all_texts = [*texts, *(texts[i] for i in replies)]
    all_pairs = None if text_pairs is None else [*text_pairs, *([None] * len(replies))]
    windows = encode_windows(model.tokenizer, all_texts, all_pairs, model.config.windows)
    label_logits, target_logits = model.logits(windows, batch_size)
    pooled = pool_windows(windows, len(all_texts), label_logits, target_logits, model.calibration,
                          model.config.windows)
    if not replies:
        return pooled
    n = len(texts)
    scores = pooled.scores[:n].copy()
    rows, cols = np.ix_(replies, floor)
    scores[rows, cols] = np.maximum(scores[rows, cols], pooled.scores[n:][:, floor])
    return Prediction(scores=scores, targets=pooled.targets[:n])


def pool_windows(
    windows: Sequence[Window],
    n_texts: int,
    label_logits: np.ndarray,
    target_logits: np.ndarray,
    calibration: dict | None = None,
    config: WindowConfig | None = None,
) -> Prediction:
    """Max-pool window probabilities per text, then apply the recorded calibration (if any).

    ``config`` says how a tail window counts (``tail_labels``, ``tail_logit_shift``); without
    it, every window counts alike.
    """
    label_logits, target_logits = tail_view(windows, label_logits, target_logits, config)
    scores = np.zeros((n_texts, label_logits.shape[1]), dtype=np.float32)
    targets = np.zeros((n_texts, target_logits.shape[1]), dtype=np.float32)
    index = np.array([w.index for w in windows])
    label_p, target_p = sigmoid(label_logits), sigmoid(target_logits)
    np.maximum.at(scores, index, label_p)
    np.maximum.at(targets, index, target_p)
    if calibration:
        from models.calibration import apply_calibration

        scores = apply_calibration(scores, calibration).astype(np.float32)
    return Prediction(scores=scores, targets=targets)


def tail_view(
    windows: Sequence[Window],
    label_logits: np.ndarray,
    target_logits: np.ndarray,
    config: WindowConfig | None,
) -> tuple[np.ndarray, np.ndarray]:
    """The logits with each tail window restricted to ``config.tail_labels`` and lowered by
    ``config.tail_logit_shift``. This is how a post's ending read alone refers it only at a
    threshold of its own and never counts as hate or a target (docs/hardcases.md, "A tail score
    with its own threshold"). Unchanged (the same arrays) when the config asks for neither."""
    if config is None or not (config.tail_labels or config.tail_logit_shift):
        return label_logits, target_logits
    rows = np.flatnonzero([window.tail for window in windows])
    if rows.size == 0:
        return label_logits, target_logits
    read = [LABELS.index(name) for name in config.tail_labels] or list(range(len(LABELS)))
    unread = [j for j in range(len(LABELS)) if j not in read]
    label_logits, target_logits = label_logits.copy(), target_logits.copy()
    label_logits[np.ix_(rows, read)] -= config.tail_logit_shift
    if unread:
        # -inf pools as probability ~0 (sigmoid clips at -30): the tail never wins the max.
        label_logits[np.ix_(rows, unread)] = -np.inf
        target_logits[rows] = -np.inf
    return label_logits, target_logits
