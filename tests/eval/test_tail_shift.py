"""The tail's own threshold is chosen on validation by one rule: the referrals it adds are at
least as precise as the whole post's, and there are enough of them to judge."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from eval.tail_shift import (
    ScoredSet,
    TailPoint,
    choose_tau,
    main,
    raw_threshold,
    source_aucs,
    sweep_lines,
    tail_points,
    tau_for_recall,
)
from models.artifact import CONFIG_FILE
from models.calibration import apply_temperature


@pytest.fixture()
def model_copy(tiny_model_dir, tmp_path) -> Path:
    """A writable copy of the tiny model: the tool writes into the model directory."""
    return Path(shutil.copytree(tiny_model_dir, tmp_path / "model"))


def test_raw_threshold_undoes_the_temperature_calibration() -> None:
    calibration = {"method": "temperature", "labels": {"self_harm": {"temperature": 1.7}}}
    r0 = raw_threshold(0.33, calibration, "self_harm")
    assert apply_temperature(np.array([r0]), 1.7)[0] == pytest.approx(0.33)
    assert raw_threshold(0.33, None, "self_harm") == 0.33
    with pytest.raises(ValueError, match="needs temperature"):
        raw_threshold(0.33, {"method": "isotonic", "labels": {"self_harm": {"x": [0, 1],
                                                                               "y": [0, 1]}}},
                      "self_harm")


def test_tail_points_count_only_posts_the_whole_post_does_not_refer() -> None:
    y = np.array([1, 1, 0, 0, 1, 0])
    whole = np.array([0.9, 0.1, 0.1, 0.1, 0.1, 0.1])
    tail = np.array([0.99, 0.8, 0.8, 0.4, np.nan, 0.2])
    # row 0 is referred already; row 4 has no tail; rows 1 and 2 tie at 0.8 and enter together
    assert tail_points(y, whole, tail, 0.5) == [
        TailPoint(0.8, 2, 1), TailPoint(0.4, 3, 1), TailPoint(0.2, 4, 1)]


def test_choose_tau_is_the_lowest_threshold_that_is_precise_enough_on_enough_posts() -> None:
    points = [TailPoint(0.9, 1, 1), TailPoint(0.8, 4, 3), TailPoint(0.6, 6, 4),
              TailPoint(0.5, 10, 5)]
    assert choose_tau(points, 0.6, 2).tau == 0.6  # 4/6 >= 0.6; 5/10 is not
    assert choose_tau(points, 0.6, 1).tau == 0.6
    assert choose_tau(points, 0.6, 7) is None  # 10 posts, but at 0.5 precision
    assert choose_tau(points, 0.9, 1).tau == 0.9  # 1 of 1: only with min_extra 1


def test_the_sweep_counts_wanted_and_unwanted_referrals_at_each_tail_threshold() -> None:
    scored = ScoredSet("long", whole=np.array([0.6, 0.1, 0.1, 0.1]),
                       tail=np.array([np.nan, 0.9, 0.7, np.nan]),
                       want=np.array([True, True, False, False]))
    assert sweep_lines([scored], 0.5, [0.95, 0.8, 0.6]) == [
        "  tau 0.95: long 1/2 + 0/2", "  tau 0.80: long 2/2 + 0/2", "  tau 0.60: long 2/2 + 1/2"]


def test_tau_for_recall_is_the_highest_tail_threshold_that_reaches_the_recall_target() -> None:
    want = np.array([True] * 10 + [False] * 2)
    whole = np.array([0.9] * 6 + [0.1] * 4 + [0.1, 0.1])
    tail = np.array([np.nan] * 6 + [0.8, 0.6, 0.4, np.nan] + [0.7, 0.2])
    scored = ScoredSet("long", whole, tail, want)
    # 6 of 10 found whole; 9 (ceil .9 * 10) needs three more: 0.8, 0.6 and 0.4
    assert tau_for_recall(scored, 0.5, 0.9) == 0.4
    assert tau_for_recall(scored, 0.5, 0.8) == 0.6
    assert tau_for_recall(scored, 0.5, 0.6) is None  # the whole post alone reaches it
    assert tau_for_recall(scored, 0.5, 1.0) is None  # one crisis post has no tail: unreachable


def test_source_aucs_names_each_source_and_says_when_one_has_a_single_class() -> None:
    y = np.array([1, 0, 1, 0, 1])
    scores = np.array([0.9, 0.1, 0.2, 0.8, 0.5])
    sources = np.array(["a", "a", "b", "b", "c"])
    assert source_aucs(y, scores, sources) == "a 1.000, b 0.000, c n/a"


def test_main_writes_the_tail_threshold_the_model_then_refers_at(model_copy, tmp_path, capsys):
    from models import load_model
    from models.artifact import read_calibration
    from models.taxonomy import LABELS

    everyday = " ".join(["great day with my dog and friends today"] * 3)
    crisis, calm = "i want to die and end my life", "the sun came out and the cat slept"
    long_posts = [(f"{everyday} {crisis}", 1), (f"{everyday} {calm}", 0)] * 6
    # Short posts the whole post refers: two crises and one proxy-labelled negative, so the
    # whole post's referrals have precision 2/3 for the tail's referrals to match.
    rows = [*long_posts, (crisis, 1), (crisis, 1), (crisis, 0)]
    run = tmp_path / "run"
    run.mkdir()
    (run / "validation.jsonl").write_text("".join(
        json.dumps({"text": t, "self_harm": y, "source": "toy", "language": "en"}) + "\n"
        for t, y in rows))
    status = main([str(model_copy), "--run", str(run), "--tail-tokens", "8", "--min-tokens", "16",
                   "--min-extra", "2", "--write"])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "15 rows (8 positive), 12 with a tail window" in out
    assert "whole post refers 3 at precision 0.667" in out
    # the six crisis endings alone are precise enough; all twelve endings (6 of 12) are not
    assert "chosen tau" in out and ": 6 extra referrals, 6 positive" in out
    windows = json.loads((model_copy / CONFIG_FILE).read_text())["windows"]
    assert windows["tail_labels"] == ["self_harm"] and windows["tail_tokens"] == 8
    assert windows["tail_logit_shift"] > 0  # the ending alone must clear more than the whole
    model = load_model(model_copy, apply_calibration=False)
    r0 = raw_threshold(model.thresholds["self_harm"], read_calibration(model_copy), "self_harm")
    scores = model.predict_proba([t for t, _ in rows]).scores[:, LABELS.index("self_harm")]
    # referred: the long posts whose ending is a crisis, and the short posts as before
    assert list(scores >= r0) == [bool(y) for _, y in long_posts] + [True] * 3


def test_main_refuses_a_tail_longer_than_its_bound(model_copy, tmp_path) -> None:
    with pytest.raises(SystemExit) as raised:
        main([str(model_copy), "--run", str(tmp_path), "--tail-tokens", "64",
              "--min-tokens", "64"])
    assert raised.value.code == 2
