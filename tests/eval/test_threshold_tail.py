"""The threshold tail names the posts that fix a recall threshold, and how far it moves without them."""

from __future__ import annotations

import json

import numpy as np
import pytest

from eval.threshold_tail import leave_lowest_out, main, per_source, read_audit, split_halves
from eval.thresholds import Target
from models.examples import text_key


def test_per_source_counts_positives_under_and_negatives_at_or_over_the_threshold() -> None:
    y = np.array([1, 1, 0, 0, 1, 0])
    s = np.array([0.2, 0.5, 0.5, 0.1, 0.9, 0.7])
    tails = per_source(y, s, ["a", "a", "a", "b", "b", "b"], 0.5)
    assert [(t.source, t.positives, t.missed, t.negatives, t.referred) for t in tails] == \
        [("a", 2, 1, 1, 1), ("b", 1, 0, 2, 1)]
    # a: one positive under the negative, one tied with it; b: ranked perfectly.
    assert [t.roc_auc for t in tails] == [0.25, 1.0]
    assert per_source(y[:2], s[:2], ["a", "a"], 0.5)[0].roc_auc is None  # positives only


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


def test_each_half_is_fitted_alone_and_read_on_the_other() -> None:
    # Keys ending in an even hex digit are half 0. Half 0's positives score 0.6-0.9, half 1's
    # 0.2-0.5: at recall 1.0 half 0 fits 0.6 and finds none of half 1's four positives, and
    # half 1 fits 0.2 and finds all of half 0's.
    keys = ["a0", "b2", "c4", "d6", "e8", "f1", "03", "15", "27", "39"]
    y = np.array([1, 1, 1, 1, 0, 1, 1, 1, 1, 0])
    s = np.array([0.6, 0.7, 0.8, 0.9, 0.1, 0.2, 0.3, 0.4, 0.5, 0.1])
    fits = split_halves(y, s, keys, Target("recall", 1.0))
    assert [(f.half, f.rows, f.positives, round(f.threshold, 3), f.other_found,
             f.other_positives) for f in fits] == [(0, 5, 4, 0.6, 0, 4), (1, 5, 4, 0.2, 4, 4)]
    # A half of positives only cannot fit a threshold and is left out.
    assert [f.half for f in split_halves(y[:4].copy(), s[:4], keys[:4], Target("recall", 1.0))] \
        == []
    assert [f.half for f in split_halves(y[:9], s[:9], keys[:9], Target("recall", 1.0))] == [0]


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
    assert out[1].startswith("target {'recall': 0.95} on these 6 rows (3 positive) gives ")
    sources = {line.split()[0]: line.split()[1:] for line in out[3:5]}
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
    assert main([str(tiny_model_dir), "--data", str(data), "--halves"]) == 0
    halves = [line for line in capsys.readouterr().out.splitlines()
              if line.startswith(("half ", "the halves'"))]
    # By text key, half 0 holds "i want to die today" and the three negatives; half 1 holds the
    # other two positives and no negative, so it fits nothing and there is no spread to print.
    assert len(halves) == 1
    assert halves[0].startswith("half 0 by text key (4 rows, 1 positive) gives ")
    assert halves[0].endswith(" of 2")
    assert "want to die" not in "\n".join(halves)


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


def test_an_audit_reads_its_label_only_and_leaves_unclear_posts_out(tmp_path) -> None:
    path = tmp_path / "audit.csv"
    path.write_text("text_key,source,label,audited\nk1,a,self_harm,1\nk2,a,self_harm,0\n"
                    "k3,b,self_harm,unclear\nk4,b,hate,1\n", encoding="utf-8")
    audit = read_audit(path, "self_harm")
    assert set(audit) == {"k1", "k2", "k3"} and audit["k1"] == 1.0 and audit["k2"] == 0.0
    assert np.isnan(audit["k3"])
    assert read_audit(path, "hate") == {"k4": 1.0}
    for body, message in (("text_key,label\nk1,self_harm\n", "missing columns ['audited']"),
                          ("text_key,label,audited\nk1,self_harm,yes\n", ":2: audited must be"),
                          ("text_key,label,audited\nk1,crisis,1\n", ":2: unknown label")):
        path.write_text(body, encoding="utf-8")
        with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
            read_audit(path, "self_harm")


def test_end_to_end_with_an_audit_the_numbers_are_reported_again_on_its_labels(
        tiny_model_dir, tmp_path, capsys) -> None:
    data = _data(tmp_path)
    audit = tmp_path / "audit.csv"
    # The audit disagrees on one crisis post, cannot tell one negative, finds a crisis in
    # another, and does not cover the last.
    audit.write_text(
        "text_key,source,label,audited\n"
        f"{text_key('i want to die today')},a,self_harm,0\n"
        f"{text_key('nobody would miss me if i ended it')},b,self_harm,1\n"
        f"{text_key('i want to die and end my life tonight')},a,self_harm,1\n"
        f"{text_key('great day with my dog and friends')},a,self_harm,1\n"
        f"{text_key('the sun and the cat')},b,self_harm,unclear\n", encoding="utf-8")
    assert main([str(tiny_model_dir), "--data", str(data), "--audit", str(audit)]) == 0
    out = capsys.readouterr().out
    before, after = out.split("with the audit's labels:\n")
    assert f"audit {audit}: covers 5 of 6 rows, 1 judged unclear (left out)" in before
    table = before.split("gold -> audited")[1]
    agreement = {line.split()[0]: [int(v) for v in line.split()[1:]]
                 for line in table.splitlines() if line.startswith(("a ", "b "))}
    assert agreement == {"a": [1, 1, 1, 0], "b": [1, 0, 0, 0]}
    # Five rows: the uncovered negative keeps its gold label, the unclear one is left out.
    assert after.startswith("target {'recall': 0.95} on these 5 rows (3 positive) gives ")
    with pytest.raises(SystemExit) as exit_info:
        main([str(tiny_model_dir), "--data", str(data), "--audit", str(tmp_path / "none.csv")])
    assert exit_info.value.code == 2 and "none.csv: no such file" in capsys.readouterr().err


def test_the_committed_audit_parses_and_holds_hashes_only() -> None:
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "eval" / "audits" / "self_harm_validation.csv"
    audit = read_audit(path, "self_harm")
    assert len(audit) == 369
    assert sum(v == 1.0 for v in audit.values()) == 117
    assert all(len(k) == 40 and set(k) <= set("0123456789abcdef") for k in audit)
    assert path.read_text(encoding="utf-8").splitlines()[0] == "text_key,source,label,audited"
    # The sample of the training split's tweet positives (docs/hardcases.md, "Proxy positives").
    sample = read_audit(path.with_name("self_harm_train_tweets.csv"), "self_harm")
    assert len(sample) == 150 and sum(v == 1.0 for v in sample.values()) == 43
    assert not set(sample) & set(audit)  # another split: no post in both
