"""The threshold tail names the posts that fix a recall threshold, and how far it moves without them."""

from __future__ import annotations

import json

import numpy as np
import pytest

from eval.threshold_tail import leave_lowest_out, main, per_source
from eval.thresholds import Target


def test_per_source_counts_positives_under_and_negatives_at_or_over_the_threshold() -> None:
    y = np.array([1, 1, 0, 0, 1, 0])
    s = np.array([0.2, 0.5, 0.5, 0.1, 0.9, 0.7])
    tails = per_source(y, s, ["a", "a", "a", "b", "b", "b"], 0.5)
    assert [(t.source, t.positives, t.missed, t.negatives, t.referred) for t in tails] == \
        [("a", 2, 1, 1, 1), ("b", 1, 0, 2, 1)]


def test_leaving_the_lowest_positives_out_raises_a_recall_threshold_step_by_step() -> None:
    # Ten positives at 0.1 .. 1.0: at recall 1.0 the threshold is the lowest positive left.
    y = np.array([1] * 10 + [0] * 5)
    s = np.concatenate([np.linspace(0.1, 1.0, 10), np.full(5, 0.05)])
    steps = leave_lowest_out(y, s, Target("recall", 1.0), lowest=3)
    assert [k for k, _ in steps] == [0, 1, 2, 3]
    assert [round(t, 3) for _, t in steps] == [0.1, 0.2, 0.3, 0.4]
    # At recall 0.9 one miss is allowed while ten positives remain, none with nine.
    steps = leave_lowest_out(y, s, Target("recall", 0.9), lowest=3)
    assert [round(t, 3) for _, t in steps] == [0.2, 0.2, 0.3, 0.4]
    # Never leaves out every positive: the search needs one.
    assert len(leave_lowest_out(y[8:], s[8:], Target("recall", 0.9), lowest=5)) == 2


def _data(tmp_path):
    rows = [
        ("i want to die and end my life tonight", 1, "a"),
        ("i want to die today", 1, "a"),
        ("nobody would miss me if i ended it", 1, "b"),
        ("great day with my dog and friends", 0, "a"),
        ("the sun and the cat", 0, "b"),
        ("lunch was nice", 0, "b"),
    ]
    path = tmp_path / "validation.jsonl"
    path.write_text("".join(
        json.dumps({"text": t, "self_harm": y, "source": src, "language": "en"}) + "\n"
        for t, y, src in rows), encoding="utf-8")
    return path


def test_end_to_end_every_positive_is_listed_and_texts_only_on_request(tiny_model_dir, tmp_path,
                                                                       capsys) -> None:
    data = _data(tmp_path)
    assert main([str(tiny_model_dir), "--data", str(data), "--lowest", "5"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{tiny_model_dir}: self_harm threshold ")
    assert "target {'recall': 0.95} on these 6 rows gives" in out[0]
    sources = {line.split()[0]: line.split()[1:] for line in out[2:4]}
    assert sources["a"][0] == "2" and sources["b"][0] == "1"
    listed = [line for line in out if line[:3].strip().isdigit()]
    assert len(listed) == 3  # three positives, fewer than --lowest
    assert [float(line.split()[1]) for line in listed] == sorted(
        float(line.split()[1]) for line in listed)
    assert {line.split()[5] for line in listed} == {"1", "2", "3"}  # rows in the file
    assert "want to die" not in "\n".join(out)
    assert out[-1].startswith("threshold for the target with the k lowest positives left out: k=0")
    assert main([str(tiny_model_dir), "--data", str(data), "--show-text"]) == 0
    assert "want to die" in capsys.readouterr().out


def test_bad_input_is_a_clear_error(tiny_model_dir, tmp_path, capsys) -> None:
    data = _data(tmp_path)
    cases = [
        ([str(tmp_path), "--data", str(data)], "not a Haven model directory"),
        ([str(tiny_model_dir), "--data", str(tmp_path / "nope.jsonl")], "no such file"),
        ([str(tiny_model_dir), "--run", str(tmp_path / "norun")], "no validation.jsonl"),
        ([str(tiny_model_dir), "--data", str(data), "--label", "hate"], "needs positives"),
        ([str(tiny_model_dir), "--data", str(data), "--lowest", "0"], "at least 1"),
    ]
    for argv, message in cases:
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
        assert message in capsys.readouterr().err
