"""The trainer's best-F1 thresholds flag exactly the posts their F1 was measured on."""

from __future__ import annotations

import numpy as np
import pytest

from eval.thresholds import THRESHOLD_MARGIN
from models.taxonomy import DEFAULT_THRESHOLD, LABELS
from training.metrics import best_f1_thresholds


def _one_label(gold: list[float], probs: list[float], label: str) -> tuple[np.ndarray, np.ndarray]:
    g = np.full((len(gold), len(LABELS)), np.nan, np.float32)
    p = np.zeros((len(gold), len(LABELS)), np.float32)
    j = LABELS.index(label)
    g[:, j], p[:, j] = gold, probs
    return g, p


def test_the_threshold_sits_just_under_the_best_f1_score_never_above_it() -> None:
    # Best F1 flags the three positives, down to 0.30265: rounded to four places that became
    # 0.3027, above the score, and dropped the post the threshold was chosen to flag.
    gold, probs = _one_label([1, 1, 1, 0, 0, 0], [0.9, 0.8, 0.30265, 0.2, 0.1, 0.05], "self_harm")
    t = best_f1_thresholds(gold, probs)
    j = LABELS.index("self_harm")
    score = float(probs[2, j])
    assert score - THRESHOLD_MARGIN == pytest.approx(t["self_harm"])
    assert ((probs[:, j] >= t["self_harm"]) == (gold[:, j] == 1)).all()


def test_a_close_lower_score_is_not_crossed() -> None:
    # The next lower score is 0.00002 under the chosen one: the threshold goes half-way.
    gold, probs = _one_label([1, 1, 0, 0], [0.9, 0.50004, 0.50002, 0.1], "hate")
    t = best_f1_thresholds(gold, probs)["hate"]
    j = LABELS.index("hate")
    assert float(probs[2, j]) < t < float(probs[1, j])


def test_labels_without_both_classes_keep_the_default() -> None:
    gold, probs = _one_label([1, 1, 1], [0.9, 0.8, 0.7], "distress")
    t = best_f1_thresholds(gold, probs)
    assert t["distress"] == DEFAULT_THRESHOLD
    assert t["hate"] == DEFAULT_THRESHOLD  # not annotated at all
