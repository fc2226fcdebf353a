"""Per-label classification metrics, probability calibration error and decision-routing matrices.

Gold labels arrive as an ``(n, len(LABELS))`` float matrix with ``NaN`` where a source did not
annotate a label (``Example.labels[...] is None``). Every metric drops those rows for that label:
a hate-speech corpus says nothing about ``self_harm``, and counting its rows as ``self_harm``
negatives would reward a model for never flagging a crisis.

All the arithmetic is scikit-learn's; this module only masks, slices and packages the numbers as
plain JSON-ready dicts (``None`` where a metric is undefined, e.g. ROC-AUC with one class).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from sklearn.calibration import calibration_curve
from sklearn.metrics import (
    average_precision_score,
    brier_score_loss,
    confusion_matrix,
    precision_recall_curve,
    precision_recall_fscore_support,
    roc_auc_score,
)

from models.examples import Example
from models.taxonomy import DEFAULT_THRESHOLD, LABELS, label_index

#: Equal-width probability bins for expected calibration error and reliability diagrams; ten is
#: the convention of Guo et al. (2017), coarse enough to stay stable with a few hundred positives.
N_CALIBRATION_BINS = 10

#: Points kept per stored precision-recall curve: enough for a smooth plot, small enough that the
#: results JSON stays readable when a validation split has 100k rows.
MAX_CURVE_POINTS = 200

#: Breakdowns (per source, per language) skip a label for a slice with fewer annotated rows than
#: this: metrics on a handful of rows are noise that reviewers would over-read.
MIN_SLICE_ROWS = 20

#: Decision routes, in the order of the confusion matrices.
ROUTES: tuple[str, ...] = ("allow", "review", "block", "refer")
#: Labels whose positives a moderator may block outright; everything else is at most reviewed.
BLOCK_LABELS: tuple[str, ...] = ("hate", "harassment")
#: Labels routed to a crisis referral (never silently blocked).
REFER_LABELS: tuple[str, ...] = ("self_harm",)
#: The default policy's refer point on calibrated ``self_harm`` (service/policies/default.yaml,
#: ``rules.self_harm.refer``; a test keeps the two equal). The referral burden is reported at it
#: as well as at the model's own threshold, because it is what a community gets out of the box.
DEFAULT_REFER_POINT = 0.4


def gold_matrix(examples: Sequence[Example]) -> np.ndarray:
    """``(n, len(LABELS))`` float matrix of 1/0 labels with ``NaN`` for not-annotated."""
    y = np.full((len(examples), len(LABELS)), np.nan, dtype=np.float64)
    for i, ex in enumerate(examples):
        for j, name in enumerate(LABELS):
            value = ex.labels.get(name)
            if value is not None:
                y[i, j] = float(value)
    return y


def _downsample(n: int, limit: int) -> np.ndarray:
    if n <= limit:
        return np.arange(n)
    return np.unique(np.linspace(0, n - 1, limit).round().astype(int))


def roc_auc_or_none(y: np.ndarray, s: np.ndarray) -> float | None:
    """ROC-AUC, or None when ``y`` holds one class only (a source or a group without positives
    or without negatives), where scikit-learn would raise."""
    y = np.asarray(y)
    return float(roc_auc_score(y, s)) if 0 < y.sum() < y.size else None


def expected_calibration_error(
    y_true: np.ndarray, y_prob: np.ndarray, n_bins: int = N_CALIBRATION_BINS
) -> tuple[float, dict[str, list[float]]]:
    """ECE and the reliability-diagram points, binned exactly as ``calibration_curve`` bins.

    scikit-learn has no ECE, but its ``calibration_curve`` gives each non-empty bin's observed
    frequency and mean prediction; ECE is their gap weighted by the share of rows in the bin.
    """
    y_true = np.asarray(y_true, dtype=np.float64)
    y_prob = np.clip(np.asarray(y_prob, dtype=np.float64), 0.0, 1.0)
    prob_true, prob_pred = calibration_curve(y_true, y_prob, n_bins=n_bins, strategy="uniform")
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    counts = np.bincount(np.searchsorted(edges[1:-1], y_prob), minlength=n_bins)
    counts = counts[counts != 0]
    weights = counts / counts.sum()
    ece = float(np.sum(weights * np.abs(prob_true - prob_pred)))
    return ece, {
        "prob_pred": [float(v) for v in prob_pred],
        "prob_true": [float(v) for v in prob_true],
        "count": [int(v) for v in counts],
    }


def binary_metrics(
    y_true: np.ndarray, y_score: np.ndarray, threshold: float, *, curves: bool = True
) -> dict[str, Any]:
    """Metrics for one label on annotated rows only (``NaN`` rows in ``y_true`` are dropped).

    A row is predicted positive when its score is at or over ``threshold``, the same rule as
    ``models.predictor.to_post_scores``.
    """
    mask = ~np.isnan(np.asarray(y_true, dtype=np.float64))
    y = np.asarray(y_true, dtype=np.float64)[mask].astype(int)
    s = np.asarray(y_score, dtype=np.float64)[mask]
    n, support = int(y.size), int(y.sum())
    out: dict[str, Any] = {"n": n, "support": support, "threshold": float(threshold)}
    if n == 0:
        out.update(
            prevalence=None,
            precision=None,
            recall=None,
            f1=None,
            macro_f1=None,
            fpr=None,
            roc_auc=None,
            pr_auc=None,
            ece=None,
            brier=None,
            confusion={"tp": 0, "fp": 0, "fn": 0, "tn": 0},
        )
        return out
    pred = (s >= threshold).astype(int)
    # Per class (negative, positive) in one pass: the positive class gives precision, recall
    # and F1; the mean of both classes' F1 is the macro-F1.
    precisions, recalls, f1s, _ = precision_recall_fscore_support(
        y, pred, labels=[0, 1], average=None, zero_division=0.0
    )
    precision, recall, f1 = precisions[1], recalls[1], f1s[1]
    tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
    both_classes = 0 < support < n
    out.update(
        prevalence=support / n,
        # Precision with no predicted positives is undefined, recall with no positives too:
        # report None rather than scikit-learn's zero_division stand-in.
        precision=float(precision) if (tp + fp) > 0 else None,
        recall=float(recall) if support > 0 else None,
        f1=float(f1) if support > 0 else None,
        # Mean of the positive and the negative class's F1: unlike F1 it does not collapse on a
        # source with few positives, so per-source comparisons can use it.
        macro_f1=float(f1s.mean()) if both_classes else None,
        fpr=float(fp / (fp + tn)) if (fp + tn) > 0 else None,
        roc_auc=float(roc_auc_score(y, s)) if both_classes else None,
        pr_auc=float(average_precision_score(y, s)) if support > 0 else None,
        brier=float(brier_score_loss(y, np.clip(s, 0, 1), pos_label=1)),
        confusion={"tp": int(tp), "fp": int(fp), "fn": int(fn), "tn": int(tn)},
    )
    ece, reliability = expected_calibration_error(y, s)
    out["ece"] = ece
    if curves:
        out["reliability"] = reliability
        if support > 0:
            prec, rec, _ = precision_recall_curve(y, s)
            keep = _downsample(prec.size, MAX_CURVE_POINTS)
            out["pr_curve"] = {
                "precision": [float(v) for v in prec[keep]],
                "recall": [float(v) for v in rec[keep]],
            }
    return out


def label_metrics(
    y_true: np.ndarray,
    scores: np.ndarray,
    thresholds: Mapping[str, float],
    *,
    curves: bool = True,
    min_rows: int = 0,
) -> dict[str, dict[str, Any]]:
    """``{label: binary_metrics}`` for every label with at least ``min_rows`` annotated rows."""
    out: dict[str, dict[str, Any]] = {}
    for name in LABELS:
        j = label_index(name)
        if int((~np.isnan(y_true[:, j])).sum()) < max(min_rows, 1):
            continue
        out[name] = binary_metrics(
            y_true[:, j], scores[:, j], thresholds.get(name, DEFAULT_THRESHOLD), curves=curves
        )
    return out


def breakdown(
    keys: Sequence[str],
    y_true: np.ndarray,
    scores: np.ndarray,
    thresholds: Mapping[str, float],
    *,
    min_rows: int = MIN_SLICE_ROWS,
) -> dict[str, dict[str, Any]]:
    """Per-slice label metrics (slices = sources or languages), without curves to stay compact."""
    out: dict[str, dict[str, Any]] = {}
    key_array = np.asarray(keys, dtype=object)
    for key in sorted(set(keys)):
        rows = key_array == key
        labels = label_metrics(
            y_true[rows], scores[rows], thresholds, curves=False, min_rows=min_rows
        )
        out[key] = {"n": int(rows.sum()), "labels": labels}
    return out


def _route(flags: dict[str, np.ndarray], blocks: dict[str, np.ndarray]) -> np.ndarray:
    n = next(iter(flags.values())).shape[0]
    route = np.full(n, "allow", dtype=object)
    any_flag = np.zeros(n, dtype=bool)
    for name in LABELS:
        any_flag |= flags[name]
    route[any_flag] = "review"
    block = np.zeros(n, dtype=bool)
    for name in BLOCK_LABELS:
        block |= blocks[name]
    route[block] = "block"
    refer = np.zeros(n, dtype=bool)
    for name in REFER_LABELS:
        refer |= flags[name]
    route[refer] = "refer"
    return route


def routing_matrix(
    y_true: np.ndarray,
    scores: np.ndarray,
    thresholds: Mapping[str, float],
    block_thresholds: Mapping[str, float] | None = None,
    unblockable: np.ndarray | None = None,
) -> dict[str, Any]:
    """Confusion matrix of gold vs predicted routes under Haven's default policy.

    ``unblockable`` (rows x labels, optional) marks where the service holds instead of
    blocking (a per-language model without a measured block point): such a row routes to
    review, as the service's policy does.

    Predicted route (first rule that fires): ``refer`` if ``self_harm`` >= its threshold;
    ``block`` if ``hate`` or ``harassment`` >= its *block* operating point (the label threshold
    when no block point was calibrated); ``review`` if any label >= its threshold; else ``allow``.
    Gold route, the same rules on gold labels: ``self_harm`` -> refer, ``hate``/``harassment`` ->
    block, ``offensive``/``distress`` -> review, nothing -> allow.

    Both routes are computed **over the labels the row's source annotates**: a hate corpus row is
    routed on hate/harassment/offensive only, for the gold side and the model side alike, because
    its unannotated labels are unknown, not negative. Rows annotating no label are skipped.
    """
    block_thresholds = dict(block_thresholds or {})
    annotated = ~np.isnan(y_true)
    rows = annotated.any(axis=1)
    y, s, a = y_true[rows], scores[rows], annotated[rows]
    held = (np.zeros(a.shape, bool) if unblockable is None
            else np.asarray(unblockable, bool)[rows])
    gold_flags, pred_flags, pred_blocks = {}, {}, {}
    for name in LABELS:
        j = label_index(name)
        thr = thresholds.get(name, DEFAULT_THRESHOLD)
        gold_flags[name] = a[:, j] & (np.nan_to_num(y[:, j]) == 1)
        pred_flags[name] = a[:, j] & (s[:, j] >= thr)
        pred_blocks[name] = a[:, j] & (s[:, j] >= block_thresholds.get(name, thr)) & ~held[:, j]
    if not rows.any():
        return {"routes": list(ROUTES), "matrix": [[0] * 4 for _ in ROUTES], "n": 0}
    gold = _route(gold_flags, gold_flags)
    pred = _route(pred_flags, pred_blocks)
    matrix = confusion_matrix(gold, pred, labels=list(ROUTES))
    refer, block = ROUTES.index("refer"), ROUTES.index("block")
    return {
        "routes": list(ROUTES),
        "matrix": matrix.tolist(),  # rows: gold route, columns: predicted route
        "n": int(rows.sum()),
        "accuracy": float(np.trace(matrix) / matrix.sum()),
        # The two errors that hurt members most: a crisis not referred, a non-abusive post blocked.
        "missed_referrals": int(matrix[refer].sum() - matrix[refer, refer]),
        "false_blocks": int(matrix[:, block].sum() - matrix[block, block]),
        "block_thresholds": {
            n: float(block_thresholds.get(n, thresholds.get(n, DEFAULT_THRESHOLD)))
            for n in BLOCK_LABELS
        },
    }


def referral_burden(
    sources: Sequence[str],
    y_true: np.ndarray,
    scores: np.ndarray,
    threshold: float,
    refer_at: float = DEFAULT_REFER_POINT,
) -> dict[str, Any]:
    """How many ordinary posts would be sent to a crisis line: the false-alarm side of referral.

    Validation rows of sources that annotate no crisis label (neither ``self_harm`` nor
    ``distress``: hate, insult and abuse corpora) are, with few exceptions, not their author's
    crisis, yet no label says so, so no per-label metric counts them. Recall on the crisis
    sources can rise while the model refers every tenth tweet about bed time; this share is the
    number that shows it (a referral puts crisis-line numbers in front of a member who is fine).
    It is an upper bound on false referrals: a hate corpus may hold the odd real crisis post.
    """
    crisis = [label_index(name) for name in ("self_harm", "distress")]
    rows = np.isnan(y_true[:, crisis]).all(axis=1)
    s = scores[:, label_index("self_harm")]
    key_array = np.asarray(sources, dtype=object)

    def shares(mask: np.ndarray) -> dict[str, Any]:
        n = int(mask.sum())
        return {
            "n": n,
            "share_at_threshold": float((s[mask] >= threshold).mean()) if n else None,
            "share_at_refer_point": float((s[mask] >= refer_at).mean()) if n else None,
        }

    out = {"threshold": float(threshold), "refer_at": float(refer_at), **shares(rows)}
    out["by_source"] = {src: shares(rows & (key_array == src))
                        for src in sorted(set(key_array[rows].tolist()))}
    return out


def count_by(values: Iterable[str]) -> dict[str, int]:
    """Row counts per key, sorted by key, for the data summary."""
    out: dict[str, int] = {}
    for value in values:
        out[value] = out.get(value, 0) + 1
    return dict(sorted(out.items()))
