"""Validation metrics used during training (model selection, default thresholds, the card).

Missing labels (NaN) are excluded per label, never counted as negatives. The evaluation module
(``eval/``) has the full report; this is the small subset the trainer needs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

from models.examples import Example
from models.taxonomy import DEFAULT_THRESHOLD, LABELS


def _annotated(gold: np.ndarray, probs: np.ndarray, j: int) -> tuple[np.ndarray, np.ndarray]:
    mask = ~np.isnan(gold[:, j])
    return gold[mask, j].astype(int), probs[mask, j]


def label_metrics(
    gold: np.ndarray, probs: np.ndarray, thresholds: dict[str, float] | None = None
) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for j, label in enumerate(LABELS):
        y, p = _annotated(gold, probs, j)
        t = (thresholds or {}).get(label, DEFAULT_THRESHOLD)
        both = len(y) > 0 and 0 < y.sum() < len(y)
        pred = p >= t
        tp = int((pred & (y == 1)).sum())
        precision = tp / pred.sum() if pred.sum() else None
        recall = tp / y.sum() if y.sum() else None
        f1 = (2 * precision * recall / (precision + recall)
              if precision and recall else (0.0 if precision is not None and recall is not None else None))
        out[label] = {
            "support": int(len(y)),
            "positives": int(y.sum()),
            "threshold": round(float(t), 4),
            "roc_auc": _r(roc_auc_score(y, p)) if both else None,
            "pr_auc": _r(average_precision_score(y, p)) if both else None,
            "precision": _r(precision),
            "recall": _r(recall),
            "f1": _r(f1),
        }
    return out


def best_f1_thresholds(gold: np.ndarray, probs: np.ndarray) -> dict[str, float]:
    """Per-label threshold maximising F1 on validation (0.5 where a label has no positives),
    just under the score it is chosen at (``eval.thresholds.just_under``): rounding it, as this
    did once, could move it above that score and drop the post it was chosen to flag."""
    from eval.thresholds import just_under

    out = {}
    for j, label in enumerate(LABELS):
        y, p = _annotated(gold, probs, j)
        if len(y) == 0 or y.sum() == 0 or y.sum() == len(y):
            out[label] = DEFAULT_THRESHOLD
            continue
        precision, recall, cuts = precision_recall_curve(y, p)
        f1 = 2 * precision[:-1] * recall[:-1] / np.maximum(precision[:-1] + recall[:-1], 1e-9)
        out[label] = just_under(float(cuts[int(np.argmax(f1))]), p)
    return out


def _r(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)


def validation_summary(examples: Sequence[Example], gold: np.ndarray, probs: np.ndarray
                       ) -> tuple[dict[str, Any], dict[str, float]]:
    """What ``metrics.json`` reports for scored validation examples (overall, per source, per
    language, at F1-optimal thresholds, and overall at 0.5), and those thresholds. Shared by the
    trainer and ``haven soup`` so that every artifact's metrics mean the same thing."""
    thresholds = best_f1_thresholds(gold, probs)

    def grouped(key: Callable[[Example], str]) -> dict[str, Any]:
        out = {}
        for value in sorted({key(e) for e in examples}):
            idx = [i for i, e in enumerate(examples) if key(e) == value]
            out[value] = label_metrics(gold[idx], probs[idx], thresholds)
        return out

    summary = {
        "overall": label_metrics(gold, probs, thresholds),
        "overall_at_0.5": label_metrics(gold, probs),
        "per_source": grouped(lambda e: e.source),
        "per_language": grouped(lambda e: e.language),
        "validation_examples": len(examples),
    }
    return summary, thresholds


def write_validation(out_dir: Path, examples: Sequence[Example], provenance: dict[str, Any],
                     chosen_by: str, batch_size: int = 64) -> dict[str, Any]:
    """Score ``examples`` with the model in ``out_dir`` and write its metrics.json and F1
    thresholds, as the trainer does for a model it trains: for models made from trained ones
    (``haven soup``, ``haven refit``). ``provenance`` is merged into the summary."""
    from models import load_model
    from models.artifact import METRICS_FILE, THRESHOLDS_FILE, write_json
    from training.trainer import label_matrix

    model = load_model(out_dir, apply_calibration=False)
    probs = model.predict_proba([e.text for e in examples], [e.text_pair for e in examples],
                                batch_size).scores
    summary, thresholds = validation_summary(examples, label_matrix(examples)[0], probs)
    summary.update(provenance)
    write_json(Path(out_dir) / METRICS_FILE, summary)
    write_json(Path(out_dir) / THRESHOLDS_FILE, {
        "thresholds": thresholds, "chosen_by": chosen_by, "operating_points": {}})
    return summary
