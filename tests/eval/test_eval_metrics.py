"""Metrics against small cases computed by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from eval.metrics import (
    binary_metrics,
    breakdown,
    expected_calibration_error,
    gold_matrix,
    label_metrics,
    routing_matrix,
)
from models.taxonomy import LABELS

from eval_stubs import example

NAN = np.nan


def test_binary_metrics_by_hand_and_unannotated_rows_excluded() -> None:
    # The last row is not annotated: its 0.99 must not count as a false positive.
    y = np.array([1, 0, 1, 0, 1, NAN])
    s = np.array([0.9, 0.8, 0.4, 0.2, 0.6, 0.99])
    m = binary_metrics(y, s, threshold=0.5)
    assert (m["n"], m["support"]) == (5, 3)
    assert m["confusion"] == {"tp": 2, "fp": 1, "fn": 1, "tn": 1}
    assert m["precision"] == pytest.approx(2 / 3)
    assert m["recall"] == pytest.approx(2 / 3)
    assert m["f1"] == pytest.approx(2 / 3)
    assert m["fpr"] == pytest.approx(1 / 2)
    # 4 of the 6 positive/negative pairs are ordered correctly.
    assert m["roc_auc"] == pytest.approx(4 / 6)
    # Average precision: 1/3 * 1 + 1/3 * 2/3 + 1/3 * 3/4.
    assert m["pr_auc"] == pytest.approx(29 / 36)
    assert m["brier"] == pytest.approx(np.mean((s[:5] - y[:5]) ** 2))


def test_threshold_is_inclusive_like_the_predictor() -> None:
    m = binary_metrics(np.array([1, 0]), np.array([0.5, 0.49]), threshold=0.5)
    assert m["confusion"]["tp"] == 1 and m["confusion"]["fp"] == 0


def test_undefined_metrics_are_none_not_zero() -> None:
    m = binary_metrics(np.array([0, 0, 0]), np.array([0.1, 0.2, 0.3]), threshold=0.5)
    assert m["roc_auc"] is None and m["pr_auc"] is None and m["recall"] is None
    assert m["precision"] is None  # nothing flagged
    assert m["fpr"] == 0.0
    empty = binary_metrics(np.array([NAN, NAN]), np.array([0.1, 0.9]), threshold=0.5)
    assert empty["n"] == 0 and empty["f1"] is None


def test_expected_calibration_error_by_hand() -> None:
    # One row per bin; gaps 0.05, 0.85, 0.05, 0.85 -> mean 0.45.
    ece, rel = expected_calibration_error(
        np.array([0, 1, 1, 0]), np.array([0.05, 0.15, 0.95, 0.85])
    )
    assert ece == pytest.approx(0.45)
    assert rel["count"] == [1, 1, 1, 1]
    # A quarter of rows positive, all predicted 0.25: perfectly calibrated.
    ece, rel = expected_calibration_error(np.array([1, 0, 0, 0]), np.full(4, 0.25))
    assert ece == pytest.approx(0.0)
    assert rel["prob_true"] == [0.25] and rel["count"] == [4]


def test_gold_matrix_keeps_missing_as_nan() -> None:
    y = gold_matrix([example("a", hate=1, self_harm=None), example("b", hate=0)])
    hate, self_harm = LABELS.index("hate"), LABELS.index("self_harm")
    assert y[0, hate] == 1 and y[1, hate] == 0
    assert math.isnan(y[0, self_harm]) and math.isnan(y[1, self_harm])


def test_label_metrics_skips_labels_nobody_annotated() -> None:
    y = gold_matrix([example("a", hate=1), example("b", hate=0)])
    scores = np.zeros((2, len(LABELS)))
    assert set(label_metrics(y, scores, {})) == {"hate"}


def _row(**labels: float) -> list[float]:
    return [labels.get(n, NAN) for n in LABELS]


def _scores(**labels: float) -> list[float]:
    return [labels.get(n, 0.0) for n in LABELS]


def test_routing_matrix_by_hand() -> None:
    zeros = {n: 0 for n in LABELS}
    rows = [  # (gold labels, scores): expected gold route -> predicted route
        (_row(self_harm=1), _scores(self_harm=0.9)),  # refer -> refer
        (_row(hate=1, harassment=0, offensive=0), _scores(hate=0.95)),  # block -> block
        (_row(hate=1, harassment=0, offensive=0), _scores(hate=0.6)),  # block -> review
        (_row(**zeros), _scores(offensive=0.7)),  # allow -> review
        (_row(self_harm=1), _scores(self_harm=0.1)),  # refer -> allow
        (_row(hate=0), _scores(self_harm=0.99)),  # allow -> allow: self_harm not annotated
        (_row(), _scores(hate=0.99)),  # nothing annotated: skipped
        (_row(hate=0, offensive=0), _scores(hate=0.92)),  # allow -> block
    ]
    y = np.array([r[0] for r in rows])
    s = np.array([r[1] for r in rows])
    out = routing_matrix(y, s, {n: 0.5 for n in LABELS}, {"hate": 0.9})
    assert out["routes"] == ["allow", "review", "block", "refer"]
    assert out["matrix"] == [
        [1, 1, 1, 0],
        [0, 0, 0, 0],
        [0, 1, 1, 0],
        [1, 0, 0, 1],
    ]
    assert out["n"] == 7
    assert out["accuracy"] == pytest.approx(3 / 7)
    assert out["missed_referrals"] == 1
    assert out["false_blocks"] == 1
    assert out["block_thresholds"] == {"hate": 0.9, "harassment": 0.5}


def test_routing_without_block_point_blocks_at_the_label_threshold() -> None:
    y = np.array([_row(hate=1)])
    out = routing_matrix(y, np.array([_scores(hate=0.6)]), {n: 0.5 for n in LABELS})
    assert out["matrix"][2][2] == 1


def test_unblockable_rows_route_to_review_as_the_service_holds_them() -> None:
    y = np.array([_row(hate=0, offensive=0), _row(hate=0, offensive=0)])
    s = np.array([_scores(hate=0.95), _scores(hate=0.95)])
    held = np.zeros((2, len(LABELS)), bool)
    held[1, LABELS.index("hate")] = True
    out = routing_matrix(y, s, {n: 0.5 for n in LABELS}, {"hate": 0.9}, held)
    assert out["matrix"][0] == [0, 1, 1, 0]  # gold allow: one blocked, one held for review
    assert out["false_blocks"] == 1


def test_breakdown_slices_and_minimum_rows() -> None:
    y = np.array([_row(hate=i % 2) for i in range(30)] + [_row(hate=1), _row(hate=0)])
    s = np.array(
        [_scores(hate=0.9 if i % 2 else 0.1) for i in range(30)]
        + [_scores(hate=0.9), _scores(hate=0.1)]
    )
    keys = ["big"] * 30 + ["tiny"] * 2
    out = breakdown(keys, y, s, {}, min_rows=20)
    assert out["big"]["n"] == 30 and out["big"]["labels"]["hate"]["f1"] == 1.0
    assert out["tiny"] == {"n": 2, "labels": {}}
