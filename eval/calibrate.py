"""Fit probability calibration (temperature or isotonic) and operating points on validation data.

Order matters: the loader calibrates probabilities *before* comparing them with thresholds, so we
fit the calibration on raw scores first, apply it, and only then search thresholds on the
calibrated scores. The application itself is ``models.calibration`` (shared with the loader).

Both are fitted on the same validation rows. Temperature has one parameter per label and cannot
overfit a validation split of realistic size; isotonic regression can, so prefer it only with
thousands of annotated rows per label.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from scipy.optimize import minimize_scalar
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import log_loss

from eval.metrics import expected_calibration_error
from eval.thresholds import Targets, choose_operating_points
from models.calibration import apply_calibration, apply_temperature
from models.taxonomy import LABELS

CALIBRATION_METHODS: tuple[str, ...] = ("temperature", "isotonic", "none")

#: Temperatures searched, as log(T): T in [0.05, 20] covers any sane miscalibration; a fit at the
#: edge means the scores carry almost no information and deserves a look, not a wider range.
_LOG_T_BOUNDS = (float(np.log(0.05)), float(np.log(20.0)))

#: Fewer annotated rows (or positives) than this and a label keeps its raw probabilities.
MIN_CALIBRATION_ROWS = 50
MIN_CALIBRATION_POSITIVES = 10


def fit_temperature(y: np.ndarray, p: np.ndarray) -> float:
    """The temperature minimising log loss of ``sigmoid(logit(p) / T)`` on (y, p)."""
    y = np.asarray(y, dtype=int)

    def loss(log_t: float) -> float:
        return log_loss(y, apply_temperature(p, float(np.exp(log_t))), labels=[0, 1])

    result = minimize_scalar(loss, bounds=_LOG_T_BOUNDS, method="bounded", options={"xatol": 1e-4})
    return float(np.exp(result.x))


def fit_isotonic(y: np.ndarray, p: np.ndarray) -> dict[str, list[float]]:
    """Breakpoints of a monotone map p -> P(y=1), for ``np.interp`` at load time."""
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, increasing=True, out_of_bounds="clip")
    iso.fit(np.asarray(p, dtype=np.float64), np.asarray(y, dtype=np.float64))
    return {"x": [float(v) for v in iso.X_thresholds_], "y": [float(v) for v in iso.y_thresholds_]}


def fit_calibration(
    y_true: np.ndarray,
    raw_scores: np.ndarray,
    method: str,
    *,
    min_positives: int = MIN_CALIBRATION_POSITIVES,
) -> dict[str, Any] | None:
    """A ``calibration.json`` document, or ``None`` for ``method == "none"``.

    Each label entry also records the rows it was fitted on and the expected calibration error
    before and after, so a reviewer can see whether calibration helped.
    """
    if method not in CALIBRATION_METHODS:
        raise ValueError(f"unknown calibration method {method!r}; expected {CALIBRATION_METHODS}")
    if method == "none":
        return None
    labels: dict[str, dict[str, Any]] = {}
    skipped: dict[str, str] = {}
    for j, label in enumerate(LABELS):
        mask = ~np.isnan(y_true[:, j])
        y = y_true[mask, j].astype(int)
        p = raw_scores[mask, j].astype(np.float64)
        if y.size < MIN_CALIBRATION_ROWS or not min_positives <= y.sum() < y.size:
            skipped[label] = f"{y.size} annotated rows, {int(y.sum())} positives"
            continue
        params: dict[str, Any]
        params = (
            {"temperature": fit_temperature(y, p)}
            if method == "temperature"
            else fit_isotonic(y, p)
        )
        doc = {"method": method, "labels": {label: params}}
        column = np.zeros((y.size, len(LABELS)), dtype=np.float32)
        column[:, j] = p
        calibrated = apply_calibration(column, doc)[:, j]
        params.update(
            n=int(y.size),
            ece_before=expected_calibration_error(y, p)[0],
            ece_after=expected_calibration_error(y, calibrated)[0],
        )
        labels[label] = params
    return {"method": method, "labels": labels, "skipped": skipped}


def calibrate(
    y_true: np.ndarray,
    raw_scores: np.ndarray,
    targets: Targets,
    method: str = "temperature",
    *,
    previous_calibration: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Fit calibration, apply it, then choose operating points on the calibrated scores.

    A label without enough data for a threshold keeps its previous threshold; that threshold was
    chosen on the previous probability scale, so the label also keeps its previous calibration
    (when the method is the same; otherwise we warn that the scale changed under it).

    Returns ``{"calibration": doc | None, "points", "skipped": {label: why}, "warnings"}``.
    """
    calibration = fit_calibration(y_true, raw_scores, method, min_positives=targets.min_positives)
    scores = apply_calibration(raw_scores, calibration) if calibration else raw_scores
    points, skipped = choose_operating_points(y_true, scores, targets)
    warnings: list[str] = []
    previous = previous_calibration or {}
    previous_labels = previous.get("labels") or {}
    for label in skipped:
        if calibration is not None:
            calibration["labels"].pop(label, None)
        if label not in previous_labels:
            continue
        if calibration is not None and previous.get("method") == method:
            calibration["labels"][label] = previous_labels[label]
        else:
            warnings.append(
                f"{label}: kept its previous threshold, but its previous "
                f"{previous.get('method')} calibration cannot be kept with method "
                f"{method!r}; re-calibrate it with more data"
            )
    if calibration is not None:
        calibration["labels"] = {
            n: calibration["labels"][n] for n in LABELS if n in calibration["labels"]
        }
    return {"calibration": calibration, "points": points, "skipped": skipped, "warnings": warnings}


def describe_points(points: Mapping[str, Mapping[str, Any]], skipped: Mapping[str, str]) -> str:
    """Human-readable table of what each threshold buys (printed by ``haven eval calibrate``)."""

    def fmt(v: float | None) -> str:
        return "   -  " if v is None else f"{v:6.3f}"

    lines = [
        f"{'label':<11} {'point':<6} {'target':<17} {'thresh':>6} {'prec':>6} {'recall':>6} "
        f"{'flagged':>7} {'90% range':>13}  note"
    ]
    for label in LABELS:
        if label in skipped:
            lines.append(
                f"{label:<11} {'-':<6} {'-':<17} kept previous threshold: {skipped[label]}"
            )
            continue
        for point, op in points.get(label, {}).items():
            ((metric, value),) = op["target"].items()
            target = f"{metric} {'max' if value == 'max' else '>= ' + format(value, '.2f')}"
            notes = []
            if not op["met"]:
                notes.append("TARGET NOT MET")
            if op.get("lowered_to_block"):
                notes.append("lowered to block point")
            low, high = op.get("range_90") or (None, None)
            spread = "-" if low is None else f"{low:.3f}-{high:.3f}"
            lines.append(
                f"{label:<11} {point:<6} {target:<17} {op['threshold']:6.3f} "
                f"{fmt(op['precision'])} {fmt(op['recall'])} {fmt(op['flagged_share'])} "
                f"{spread:>13}  {'; '.join(notes)}"
            )
    return "\n".join(lines)
