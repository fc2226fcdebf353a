"""Threshold search on synthetic scores, targets parsing, thresholds.json content."""

from __future__ import annotations

import numpy as np
import pytest

from eval.thresholds import (
    DEFAULT_TARGETS,
    THRESHOLD_MARGIN,
    Target,
    choose_operating_points,
    load_targets,
    parse_targets,
    search_threshold,
    thresholds_document,
)
from models.taxonomy import LABELS

Y = np.array([0, 0, 1, 0, 1, 1])
S = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
M = THRESHOLD_MARGIN  # thresholds sit this far under the observed score they are chosen at


def _just_under(threshold: float, observed: float, s: np.ndarray) -> None:
    """``threshold`` is under ``observed`` by at most the margin, and no score lies between."""
    assert observed - M <= threshold < observed
    assert not ((s >= threshold) & (s < observed)).any()


def test_recall_target_takes_the_highest_threshold_meeting_it() -> None:
    op = search_threshold(Y, S, Target("recall", 0.95))
    assert op["threshold"] == pytest.approx(0.3 - M)  # all three positives need 0.3
    assert op["recall"] == 1.0 and op["precision"] == pytest.approx(3 / 4)
    assert op["met"] is True and op["target"] == {"recall": 0.95}
    assert op["flagged_share"] == pytest.approx(4 / 6)


def test_precision_target_takes_the_lowest_threshold_meeting_it() -> None:
    op = search_threshold(Y, S, Target("precision", 0.9))
    assert op["threshold"] == pytest.approx(0.5 - M)  # 0.4 would give 2/3
    assert op["precision"] == 1.0 and op["recall"] == pytest.approx(2 / 3)


def test_f1_target_takes_the_best_f1() -> None:
    op = search_threshold(Y, S, Target("f1", None))
    assert op["threshold"] == pytest.approx(0.3 - M)
    assert op["f1"] == pytest.approx(2 * 0.75 / 1.75)
    assert op["target"] == {"f1": "max"}


def test_unreachable_precision_is_reported_not_met() -> None:
    op = search_threshold(np.array([1, 0, 0]), np.array([0.1, 0.5, 0.9]), Target("precision", 0.9))
    assert op["met"] is False
    assert op["threshold"] == pytest.approx(0.1 - M)  # the most precise point (1/3)


def test_unannotated_rows_are_ignored() -> None:
    y = np.array([0, 0, 1, 0, 1, 1, np.nan, np.nan])
    s = np.append(S, [0.95, 0.99])
    assert search_threshold(y, s, Target("precision", 0.9))["threshold"] == pytest.approx(0.5 - M)


def test_threshold_keeps_off_the_score_it_is_chosen_at() -> None:
    # 0.2.4's self_harm threshold equalled one crisis post's score; 2e-7 lower on another CPU,
    # that post was no longer referred. Under the score, the post stays referred on such noise,
    # and a neighbour closer than the margin is never crossed (half-way to it instead).
    y = np.array([0, 0, 1, 1, 1])
    s = np.array([0.1, 0.29999, 0.30002, 0.6, 0.7])
    op = search_threshold(y, s, Target("recall", 0.95))
    assert op["threshold"] == pytest.approx((0.29999 + 0.30002) / 2)
    assert op["recall"] == 1.0 and op["flagged_share"] == pytest.approx(3 / 5)
    assert (s[2] - 2e-7) >= op["threshold"]
    assert search_threshold(np.array([1, 0]), np.array([0.00001, 0.5]),
                            Target("recall", 0.95))["threshold"] == 0.0


def test_search_needs_both_classes() -> None:
    with pytest.raises(ValueError, match="both positive and negative"):
        search_threshold(np.ones(3), np.array([0.1, 0.2, 0.3]), Target("recall", 0.9))


@pytest.mark.parametrize("recall", [0.5, 0.8, 0.95])
def test_recall_search_matches_brute_force_on_noisy_scores(recall: float) -> None:
    rng = np.random.default_rng(7)
    y = (rng.random(400) < 0.25).astype(float)
    s = np.clip(0.35 * y + rng.normal(0.3, 0.15, 400), 0, 1)
    op = search_threshold(y, s, Target("recall", recall))
    ok = [t for t in np.unique(s) if (s[y == 1] >= t).mean() >= recall]
    _just_under(op["threshold"], max(ok), s)
    assert op["recall"] >= recall


@pytest.mark.parametrize("precision", [0.7, 0.9])
def test_precision_search_matches_brute_force_on_noisy_scores(precision: float) -> None:
    rng = np.random.default_rng(3)
    y = (rng.random(400) < 0.3).astype(float)
    s = np.clip(0.4 * y + rng.normal(0.3, 0.15, 400), 0, 1)
    op = search_threshold(y, s, Target("precision", precision))
    ok = [t for t in np.unique(s) if y[s >= t].mean() >= precision]
    _just_under(op["threshold"], min(ok), s)


def _matrix(label: str, y: np.ndarray) -> np.ndarray:
    out = np.full((y.size, len(LABELS)), np.nan)
    out[:, LABELS.index(label)] = y
    return out


def test_review_point_is_lowered_to_a_lower_block_point() -> None:
    # Perfect separation: recall 0.5 alone would pick a high review point, precision 0.9 a
    # lower block point; a blocked post must also be flagged, so review comes down to block.
    y = np.array([0] * 10 + [1] * 10, dtype=float)
    s = np.linspace(0.01, 0.99, 20)
    targets = parse_targets(
        {
            "min_positives": 5,
            "labels": {"hate": {"review": {"recall": 0.5}, "block": {"precision": 0.9}}},
        }
    )
    points, skipped = choose_operating_points(_matrix("hate", y), _matrix("hate", s), targets)
    assert not skipped
    # Precision 10/11 >= 0.9 already at the highest negative; recall 0.5 alone would give s[14].
    assert points["hate"]["block"]["threshold"] == pytest.approx(s[9] - M)
    assert points["hate"]["block"]["precision"] == pytest.approx(10 / 11)
    assert points["hate"]["review"]["threshold"] == pytest.approx(s[9] - M)
    assert points["hate"]["review"]["lowered_to_block"] is True
    assert points["hate"]["review"]["recall"] == 1.0


def test_labels_with_too_few_positives_are_skipped() -> None:
    y = np.array([1, 0, 0, 0], dtype=float)
    targets = parse_targets(
        {"min_positives": 2, "labels": {"self_harm": {"review": {"recall": 0.9}}}}
    )
    points, skipped = choose_operating_points(
        _matrix("self_harm", y), _matrix("self_harm", np.array([0.9, 0.1, 0.2, 0.3])), targets
    )
    assert points == {} and "1 positives" in skipped["self_harm"]


def test_default_targets_state_the_issue_targets() -> None:
    targets = load_targets(DEFAULT_TARGETS)
    assert targets.points["self_harm"]["review"] == Target("recall", 0.95)
    for label in ("hate", "harassment"):
        assert targets.points[label]["block"] == Target("precision", 0.9)
        assert targets.points[label]["review"] == Target("f1", None)
    assert set(targets.points) == set(LABELS)


@pytest.mark.parametrize(
    "doc, message",
    [
        ({"labels": {"spam": {"review": {"recall": 0.9}}}}, "unknown label"),
        ({"labels": {"hate": {"block": {"precision": 0.9}}}}, "needs a 'review'"),
        (
            {"labels": {"distress": {"review": {"recall": 0.9}, "block": {"precision": 0.9}}}},
            "block point",
        ),
        ({"labels": {"hate": {"review": {"accuracy": 0.9}}}}, "unknown metric"),
        ({"labels": {"hate": {"review": {"recall": 1.5}}}}, "in \\(0, 1\\]"),
        ({"labels": {"hate": {"review": {"f1": 0.5}}}}, "f1: max"),
    ],
)
def test_bad_targets_are_rejected(doc: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_targets(doc)


def test_thresholds_document_keeps_previous_values_for_skipped_labels() -> None:
    targets = load_targets()
    points = {"hate": {"review": {"threshold": 0.4}, "block": {"threshold": 0.8}}}
    previous = {
        "thresholds": {"self_harm": 0.2},
        "operating_points": {"self_harm": {"review": {"threshold": 0.2}}},
    }
    doc = thresholds_document(points, previous, targets, "validation split of runs/x")
    assert doc["thresholds"]["hate"] == 0.4
    assert doc["thresholds"]["self_harm"] == 0.2
    assert doc["thresholds"]["distress"] == 0.5  # never calibrated: the taxonomy default
    assert doc["operating_points"]["self_harm"] == {"review": {"threshold": 0.2}}
    assert doc["operating_points"]["hate"]["block"]["threshold"] == 0.8
    assert doc["calibrated_on"] == "validation split of runs/x"
    assert doc["targets"]["labels"]["self_harm"] == {"review": {"recall": 0.95}}


def _sample(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Positives score higher on average, with overlap, like a real head."""
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.3).astype(int)
    s = np.clip(rng.normal(0.35 + 0.3 * y, 0.15), 0, 1)
    return y, s


def test_threshold_range_is_seeded_and_brackets_the_threshold() -> None:
    y, s = _sample(600)
    op = search_threshold(y, s, Target("recall", 0.95))
    low, high = op["range_90"]
    assert low < op["threshold"] < high
    assert search_threshold(y, s, Target("recall", 0.95))["range_90"] == [low, high]


def test_threshold_range_narrows_with_more_rows() -> None:
    """The point of the range: a recall target on few positives rests on a handful of them."""
    widths = []
    for n in (300, 30_000):
        low, high = search_threshold(*_sample(n), Target("recall", 0.95))["range_90"]
        widths.append(high - low)
    assert widths[1] < widths[0] / 4


def test_a_review_point_lowered_to_block_takes_the_block_range() -> None:
    y, s = _sample(2000, seed=1)
    targets = parse_targets({"labels": {"hate": {"review": {"recall": 0.05},
                                                 "block": {"precision": 0.5}}}})
    scores = np.zeros((y.size, len(LABELS)))
    scores[:, LABELS.index("hate")] = s
    y_true = np.full((y.size, len(LABELS)), np.nan)
    y_true[:, LABELS.index("hate")] = y
    points, _ = choose_operating_points(y_true, scores, targets)
    assert points["hate"]["review"]["lowered_to_block"] is True
    assert points["hate"]["review"]["range_90"] == points["hate"]["block"]["range_90"]
