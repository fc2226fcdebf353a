"""Choose per-label operating points from validation scores against stated targets.

A target says what a threshold must buy (``recall >= 0.95`` for ``self_harm``, ``precision >= 0.9``
for blocking hate); the search picks, among thresholds meeting it, the one that costs least on the
other axis, and reports the precision and recall it actually buys so moderators can see the trade.
Targets live in ``eval/targets.yaml`` (each choice documented there); results are written to the
model directory's ``thresholds.json``, which the model loader reads.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from sklearn.metrics import precision_recall_curve, precision_recall_fscore_support

from eval.metrics import BLOCK_LABELS
from models.taxonomy import DEFAULT_THRESHOLD, LABELS

THRESHOLDS_FILE = "thresholds.json"
DEFAULT_TARGETS = Path(__file__).with_name("targets.yaml")
METRICS: tuple[str, ...] = ("recall", "precision", "f1")
POINTS: tuple[str, ...] = ("review", "block")
#: How far under the chosen observed score a threshold is placed (never down to the next lower
#: observed score). Why: a threshold equal to a positive's score flips that post on float noise.
#: 0.2.4's ``self_harm`` threshold was exactly one validation crisis post's score; on another CPU
#: the post scored 2e-7 lower, and the headline's missed referrals read 9 instead of 8.
THRESHOLD_MARGIN = 1e-4
#: Resamples behind each threshold's range (``range_90``), and their fixed seed, so one
#: calibration always writes the same file.
BOOTSTRAP_ROUNDS, BOOTSTRAP_SEED = 200, 13


@dataclass(frozen=True)
class Target:
    """One operating-point target: ``metric`` >= ``value`` (``value`` is None for ``f1: max``)."""

    metric: str
    value: float | None

    def as_dict(self) -> dict[str, Any]:
        return {self.metric: "max" if self.value is None else self.value}


@dataclass(frozen=True)
class Targets:
    points: dict[str, dict[str, Target]]  # label -> {"review"|"block": Target}
    min_positives: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "min_positives": self.min_positives,
            "labels": {
                label: {point: t.as_dict() for point, t in pts.items()}
                for label, pts in self.points.items()
            },
        }


def parse_target(spec: Mapping[str, Any], where: str) -> Target:
    if not isinstance(spec, Mapping) or len(spec) != 1:
        raise ValueError(f"{where}: a target is one mapping like {{recall: 0.95}}, got {spec!r}")
    ((metric, value),) = spec.items()
    if metric not in METRICS:
        raise ValueError(f"{where}: unknown metric {metric!r}; expected one of {METRICS}")
    if metric == "f1":
        if value != "max":
            raise ValueError(f"{where}: f1 targets are written {{f1: max}}")
        return Target("f1", None)
    value = float(value)
    if not 0.0 < value <= 1.0:
        raise ValueError(f"{where}: {metric} target must be in (0, 1], got {value}")
    return Target(metric, value)


def parse_targets(doc: Mapping[str, Any]) -> Targets:
    """Validate a targets document (the YAML's structure); raises ``ValueError`` with the path."""
    labels = doc.get("labels") or {}
    points: dict[str, dict[str, Target]] = {}
    for label, spec in labels.items():
        if label not in LABELS:
            raise ValueError(f"targets: unknown label {label!r}; valid labels: {', '.join(LABELS)}")
        if not isinstance(spec, Mapping) or "review" not in spec:
            raise ValueError(f"targets.{label}: needs a 'review' target")
        for point in spec:
            if point not in POINTS:
                raise ValueError(f"targets.{label}: unknown point {point!r}; expected {POINTS}")
        if "block" in spec and label not in BLOCK_LABELS:
            raise ValueError(f"targets.{label}: only {BLOCK_LABELS} have a block point")
        points[label] = {p: parse_target(spec[p], f"targets.{label}.{p}") for p in spec}
    return Targets(points=points, min_positives=int(doc.get("min_positives", 20)))


def load_targets(path: str | Path = DEFAULT_TARGETS) -> Targets:
    with open(path, encoding="utf-8") as fh:
        return parse_targets(yaml.safe_load(fh) or {})


def _point(y: np.ndarray, s: np.ndarray, threshold: float) -> dict[str, float | None]:
    """Precision, recall, F1 and share of rows flagged at ``score >= threshold``."""
    pred = (s >= threshold).astype(int)
    precision, recall, f1, _ = precision_recall_fscore_support(
        y, pred, average="binary", pos_label=1, zero_division=0.0
    )
    flagged = int(pred.sum())
    return {
        "precision": float(precision) if flagged else None,
        "recall": float(recall) if y.sum() else None,
        "f1": float(f1),
        "flagged_share": flagged / y.size if y.size else None,
    }


def search_threshold(y_true: np.ndarray, y_score: np.ndarray, target: Target, *,
                     rounds: int = BOOTSTRAP_ROUNDS) -> dict[str, Any]:
    """The threshold meeting ``target`` at least cost, with the precision/recall it buys.

    ``y_true`` may contain ``NaN`` (not annotated); those rows are ignored. Predictions are
    "score >= threshold", and every candidate threshold is an observed score, put under it by
    ``THRESHOLD_MARGIN`` at most and above the next lower score (``just_under``): the reported
    numbers are exactly what the threshold gives on this data, and stay so when the same model
    scores a few ulps lower on another machine. ``range_90`` comes from
    ``rounds`` bootstrap searches (``threshold_range``); ``rounds=0`` skips them (None), for
    callers that use the threshold only.
    """
    y_true = np.asarray(y_true, dtype=np.float64)
    mask = ~np.isnan(y_true)
    y = y_true[mask].astype(int)
    s = np.asarray(y_score, dtype=np.float64)[mask]
    if y.sum() == 0 or y.sum() == y.size:
        raise ValueError("threshold search needs both positive and negative examples")
    threshold, met = _search(y, s, target)
    threshold = just_under(threshold, s)
    return {
        "threshold": threshold,
        "target": target.as_dict(),
        "met": met,
        **_point(y, s, threshold),
        "n": int(y.size),
        "support": int(y.sum()),
        "range_90": threshold_range(y, s, target, rounds) if rounds else None,
    }


def just_under(threshold: float, s: np.ndarray) -> float:
    """``threshold`` moved down by ``THRESHOLD_MARGIN``, or half-way to the next lower observed
    score when that is closer, so no observed score crosses it (and never under 0). Every
    threshold search that picks an observed score goes through this, so a post scored at the
    threshold is not dropped when another machine scores it a few ulps lower."""
    lower = s[s < threshold]
    step = (min(THRESHOLD_MARGIN, (threshold - float(lower.max())) / 2) if lower.size
            else THRESHOLD_MARGIN)
    return max(threshold - step, 0.0)


def _search(y: np.ndarray, s: np.ndarray, target: Target) -> tuple[float, bool]:
    """The threshold for ``target`` on annotated rows, and whether it met the target."""
    precision, recall, thresholds = precision_recall_curve(y, s)
    # The last (precision=1, recall=0) point has no threshold.
    precision, recall = precision[:-1], recall[:-1]
    met = True
    if target.metric == "recall":
        # recall is non-increasing in the threshold: take the highest one still meeting it.
        i = int(np.flatnonzero(recall >= target.value - 1e-12).max())
    elif target.metric == "precision":
        ok = np.flatnonzero(precision >= target.value - 1e-12)
        if ok.size:
            i = int(ok.min())  # lowest qualifying threshold = most recall at that precision
        else:
            met = False
            i = int(np.flatnonzero(precision == precision.max()).min())
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0)
        i = int(np.argmax(f1))
    return float(thresholds[i]), met


def threshold_range(y: np.ndarray, s: np.ndarray, target: Target,
                    rounds: int = BOOTSTRAP_ROUNDS, seed: int = BOOTSTRAP_SEED) -> list[float]:
    """The 5th and 95th percentiles of the threshold over bootstrap resamples of the rows.

    Why: a recall target is met at a tail of the positives' scores. The shipped ``self_harm``
    threshold rests on the lowest-scoring eight of 161 validation posts, and three training runs
    of one recipe calibrated to 0.240, 0.315 and 0.366 (docs/hardcases.md). The range says how
    far the threshold would move on another sample of the same size, before anyone reads a
    retrained model's new threshold as a change in the model. Positives and negatives are
    resampled apart, so every resample keeps their counts.
    """
    rng = np.random.default_rng(seed)
    pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    found = []
    for _ in range(rounds):
        rows = np.concatenate([rng.choice(pos, pos.size), rng.choice(neg, neg.size)])
        found.append(_search(y[rows], s[rows], target)[0])
    low, high = np.percentile(found, [5, 95])
    return [float(low), float(high)]


def choose_operating_points(
    y_true: np.ndarray, scores: np.ndarray, targets: Targets
) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Operating points for every label with a target; also returns ``{label: why skipped}``.

    The review point is lowered to the block point when the block point is lower: everything at
    or above the block point is blocked anyway, so flagging it too keeps ``labels`` consistent
    with the decision, and recall only grows.
    """
    points: dict[str, dict[str, Any]] = {}
    skipped: dict[str, str] = {}
    for label, label_targets in targets.points.items():
        j = LABELS.index(label)
        y = y_true[:, j]
        annotated = ~np.isnan(y)
        positives = int(np.nansum(y))
        negatives = int(annotated.sum()) - positives
        if positives < targets.min_positives or negatives == 0:
            skipped[label] = (
                f"{positives} positives and {negatives} negatives annotated; "
                f"need >= {targets.min_positives} positives and some negatives"
            )
            continue
        chosen = {p: search_threshold(y, scores[:, j], t) for p, t in label_targets.items()}
        if "block" in chosen and chosen["block"]["threshold"] < chosen["review"]["threshold"]:
            review = dict(chosen["review"])
            review.update(
                _point(
                    y[annotated].astype(int),
                    scores[annotated, j].astype(np.float64),
                    chosen["block"]["threshold"],
                )
            )
            review["threshold"] = chosen["block"]["threshold"]
            review["range_90"] = chosen["block"]["range_90"]
            review["lowered_to_block"] = True
            chosen["review"] = review
        points[label] = chosen
    return points, skipped


def read_thresholds(model_dir: str | Path) -> dict[str, Any]:
    """The model directory's thresholds document, or an empty one (all labels at the default)."""
    path = Path(model_dir) / THRESHOLDS_FILE
    if not path.is_file():
        return {"thresholds": {}, "operating_points": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def block_thresholds(doc: Mapping[str, Any]) -> dict[str, float]:
    """Calibrated block operating points from a thresholds document (empty if none)."""
    out: dict[str, float] = {}
    for label, pts in (doc.get("operating_points") or {}).items():
        if "block" in pts:
            out[label] = float(pts["block"]["threshold"])
    return out


def thresholds_document(
    points: Mapping[str, Mapping[str, Any]],
    previous: Mapping[str, Any],
    targets: Targets,
    calibrated_on: str,
) -> dict[str, Any]:
    """The ``thresholds.json`` content: new review points, previous (or default) for the rest."""
    old = previous.get("thresholds") or {}
    old_points = previous.get("operating_points") or {}
    thresholds = {
        label: float(points[label]["review"]["threshold"])
        if label in points
        else float(old.get(label, DEFAULT_THRESHOLD))
        for label in LABELS
    }
    operating_points = {
        label: old_points[label] for label in LABELS if label in old_points and label not in points
    }
    operating_points.update({label: dict(points[label]) for label in LABELS if label in points})
    return {
        "thresholds": thresholds,
        "operating_points": operating_points,
        "calibrated_on": calibrated_on,
        "targets": targets.as_dict(),
    }


def write_json(path: Path, doc: Mapping[str, Any]) -> None:
    """Write atomically so a crash mid-write never leaves a model with a truncated file."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(doc, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    tmp.replace(path)
