"""A tail window read for some labels only, at its own threshold (``windows.tail_labels`` and
``windows.tail_logit_shift``): the ending of a long post alone may raise its crisis score without
reading as hate, and only once it clears a threshold of its own."""

from __future__ import annotations

import json

import numpy as np
import pytest

from models import load_model
from models.artifact import CONFIG_FILE, ArtifactError, WindowConfig, read_config
from models.classifier import pool_windows, sigmoid
from models.encoding import Window
from models.taxonomy import LABELS

SH, HATE = LABELS.index("self_harm"), LABELS.index("hate")


def _windows() -> list[Window]:
    return [Window(0, [1], [0]), Window(0, [2], [0], tail=True), Window(1, [3], [0])]


def _logits(tail_hate: float, tail_self_harm: float) -> tuple[np.ndarray, np.ndarray]:
    labels = np.full((3, len(LABELS)), -2.0, dtype=np.float32)
    labels[1, HATE], labels[1, SH] = tail_hate, tail_self_harm
    targets = np.full((3, 7), -2.0, dtype=np.float32)
    targets[1] = 3.0
    return labels, targets


def test_without_tail_settings_every_window_counts_alike() -> None:
    labels, targets = _logits(3.0, 3.0)
    pooled = pool_windows(_windows(), 2, labels, targets, None, WindowConfig())
    assert pooled.scores[0, HATE] == pytest.approx(sigmoid(np.float32(3.0)))
    assert pooled.targets[0, 0] == pytest.approx(sigmoid(np.float32(3.0)))


def test_a_tail_read_for_self_harm_only_never_raises_another_label_or_a_target() -> None:
    labels, targets = _logits(3.0, 3.0)
    config = WindowConfig(tail_tokens=8, tail_labels=["self_harm"], tail_logit_shift=1.0)
    pooled = pool_windows(_windows(), 2, labels, targets, None, config)
    whole = sigmoid(np.float32(-2.0))
    assert pooled.scores[0, HATE] == pytest.approx(whole)
    assert pooled.targets[0, 0] == pytest.approx(whole)
    # self_harm: the tail counts, lowered by the shift (logit 3 - 1)
    assert pooled.scores[0, SH] == pytest.approx(sigmoid(np.float32(2.0)))
    # the other text has no tail window and is untouched; the caller's arrays too
    assert pooled.scores[1, SH] == pytest.approx(whole)
    assert labels[1, HATE] == 3.0 and targets[1, 0] == 3.0


def test_the_shift_puts_the_tails_own_threshold_where_the_whole_posts_raw_threshold_is() -> None:
    from eval.tail_shift import tail_shift

    r0, tau = 0.3, 0.8
    shift = tail_shift(tau, r0)
    config = WindowConfig(tail_tokens=8, tail_labels=["self_harm"], tail_logit_shift=shift)
    for tail_p in (0.79, 0.81):
        z = float(np.log(tail_p / (1 - tail_p)))
        labels, targets = _logits(-5.0, z)
        pooled = pool_windows(_windows(), 2, labels, targets, None, config)
        assert (pooled.scores[0, SH] >= r0) == (tail_p >= tau)


def test_an_unknown_tail_label_is_refused_when_the_model_loads(model_copy) -> None:
    path = model_copy / CONFIG_FILE
    doc = json.loads(path.read_text())
    doc["windows"].update(tail_tokens=8, tail_labels=["suicide"])
    path.write_text(json.dumps(doc))
    with pytest.raises(ArtifactError, match="windows.tail_labels names unknown labels"):
        read_config(model_copy)


@pytest.mark.parametrize(("windows", "message"), [
    ({"tail_tokens": 32, "tail_min_tokens": 16}, "tail_min_tokens \\(16\\) needs tail_tokens"),
    ({"tail_labels": ["self_harm"]}, "need tail_tokens on"),
    ({"tail_tokens": 200}, "tail_tokens must be 0 \\(off\\) or at most"),
    ({"tail_tokens": 8, "tail_cut": "paragraph"}, "tail_cut must be one of"),
])
def test_a_hand_edited_window_block_that_cannot_work_is_refused_on_load(model_copy, windows,
                                                                        message) -> None:
    path = model_copy / CONFIG_FILE
    doc = json.loads(path.read_text())
    doc["windows"].update(windows)
    path.write_text(json.dumps(doc))
    with pytest.raises(ArtifactError, match=message):
        read_config(model_copy)


def test_a_real_model_with_a_self_harm_tail_scores_other_labels_as_without_a_tail(model_copy):
    texts = [" ".join(["great day with my dog and friends"] * 4) + " i want to die and end my life",
             "great day with my dog"]
    plain = load_model(model_copy).predict_proba(texts).scores
    path = model_copy / CONFIG_FILE
    doc = json.loads(path.read_text())
    doc["windows"].update(tail_tokens=8, tail_min_tokens=16, tail_labels=["self_harm"])
    path.write_text(json.dumps(doc))
    tailed = load_model(model_copy).predict_proba(texts).scores
    others = [j for j in range(len(LABELS)) if j != SH]
    np.testing.assert_allclose(tailed[:, others], plain[:, others], rtol=1e-5, atol=1e-6)
    assert tailed[0, SH] >= plain[0, SH] and tailed[1, SH] == pytest.approx(plain[1, SH])
    doc["windows"]["tail_logit_shift"] = 1000.0  # a threshold no ending reaches
    path.write_text(json.dumps(doc))
    np.testing.assert_allclose(load_model(model_copy).predict_proba(texts).scores, plain,
                               rtol=1e-5, atol=1e-6)
