"""Apply a model directory's probability calibration (``calibration.json``) to raw scores.

Lives in ``models/`` (not ``eval/``) because both the model loader and the evaluation tools need
it, and ``models/`` must not import ``eval/``: ``haven eval calibrate`` *fits* the calibration,
this module only *applies* it. Two methods are supported:

``{"method": "temperature", "labels": {label: {"temperature": T}}}``
    ``sigmoid(logit(p) / T)``: one parameter per label, keeps the ranking (so ROC-AUC and PR-AUC
    are unchanged) and only fixes over- or under-confidence. The safe default.
``{"method": "isotonic", "labels": {label: {"x": [...], "y": [...]}}}``
    ``np.interp(p, x, y)``: a monotone step function learnt from validation data; fixes any
    monotone miscalibration but can merge nearby scores into ties.

Labels absent from ``labels`` are returned unchanged, so a label without enough validation data
to calibrate keeps its raw probability rather than a guess.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from models.taxonomy import LABELS, label_index

CALIBRATION_FILE = "calibration.json"
METHODS: tuple[str, ...] = ("temperature", "isotonic")

#: Probabilities are clipped this far from 0 and 1 before ``logit``: float32 sigmoids saturate to
#: exactly 1.0, whose logit is infinite and would survive any temperature as 1.0.
_EPS = 1e-7


def logit(p: np.ndarray) -> np.ndarray:
    """Log-odds of clipped probabilities (finite for p = 0 or 1)."""
    q = np.clip(np.asarray(p, dtype=np.float64), _EPS, 1.0 - _EPS)
    return np.log(q) - np.log1p(-q)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Numerically stable logistic function."""
    z = np.asarray(z, dtype=np.float64)
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def apply_temperature(p: np.ndarray, temperature: float) -> np.ndarray:
    """``sigmoid(logit(p) / T)``; T > 1 softens over-confident scores, T < 1 sharpens them."""
    if not temperature > 0:
        raise ValueError(f"temperature must be positive, got {temperature!r}")
    return sigmoid(logit(p) / float(temperature))


def apply_isotonic(
    p: np.ndarray, x: list[float] | np.ndarray, y: list[float] | np.ndarray
) -> np.ndarray:
    """Piecewise-linear interpolation through the fitted isotonic points (clipped at the ends)."""
    xs = np.asarray(x, dtype=np.float64)
    ys = np.asarray(y, dtype=np.float64)
    if xs.ndim != 1 or xs.shape != ys.shape or xs.size == 0:
        raise ValueError("isotonic calibration needs non-empty 'x' and 'y' of equal length")
    if np.any(np.diff(xs) < 0):
        raise ValueError("isotonic calibration 'x' must be sorted ascending")
    return np.interp(np.asarray(p, dtype=np.float64), xs, ys)


def validate_calibration(calibration: Mapping[str, Any]) -> None:
    """Raise ``ValueError`` on an unknown method or label, so a stale file fails at load time."""
    method = calibration.get("method")
    if method not in METHODS:
        raise ValueError(f"unknown calibration method {method!r}; expected one of {METHODS}")
    labels = calibration.get("labels", {})
    if not isinstance(labels, Mapping):
        raise ValueError("calibration 'labels' must be a mapping of label -> parameters")
    for name, params in labels.items():
        label_index(name)  # KeyError names the valid labels
        if method == "temperature":
            if not float(params["temperature"]) > 0:
                raise ValueError(f"{name}: temperature must be positive")
        else:
            apply_isotonic(np.zeros(1), params["x"], params["y"])


def apply_calibration(probs: np.ndarray, calibration: Mapping[str, Any] | None) -> np.ndarray:
    """Calibrate an ``(n, len(LABELS))`` score matrix; columns follow ``LABELS``.

    ``None`` or an empty mapping returns the scores unchanged (a model without calibration.json).
    Returns float32 like the predictor's own output.
    """
    scores = np.asarray(probs, dtype=np.float32)
    if not calibration:
        return scores
    if scores.ndim != 2 or scores.shape[1] != len(LABELS):
        raise ValueError(f"expected scores of shape (n, {len(LABELS)}), got {scores.shape}")
    validate_calibration(calibration)
    out = scores.copy()
    method = calibration["method"]
    for name, params in calibration.get("labels", {}).items():
        j = label_index(name)
        if method == "temperature":
            out[:, j] = apply_temperature(scores[:, j], float(params["temperature"]))
        else:
            out[:, j] = apply_isotonic(scores[:, j], params["x"], params["y"])
    return out


def read_calibration(model_dir: str | Path) -> dict[str, Any] | None:
    """The model directory's calibration, validated, or ``None`` when it has none."""
    path = Path(model_dir) / CALIBRATION_FILE
    if not path.is_file():
        return None
    calibration = json.loads(path.read_text(encoding="utf-8"))
    validate_calibration(calibration)
    return calibration
