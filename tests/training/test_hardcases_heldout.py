"""The varied banks' held-out halves: a partition by post, kept through framing, and scored."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from models.labelled_io import read_labelled, write_labelled
from training.hardcases import generate
from training.hardcases.heldout import (
    BANKS,
    BankScore,
    bank_posts,
    in_half,
    main,
    ranking_auc,
    score,
    split_rows,
)


def test_halves_partition_every_bank_by_post():
    assert len(BANKS) == 16
    for name in BANKS:
        even, even_parents = bank_posts(name, "even")
        odd, _ = bank_posts(name, "odd")
        everything, parents = bank_posts(name, "all")
        assert sorted(even + odd) == sorted(everything)
        assert not set(even) & set(odd)
        assert len(even) == len(even_parents)
        # Reply banks score the reply under its parent; the others have no parent.
        assert all(p is not None for p in parents) == name.endswith(("_DISCLOSURE", "_REPLIES"))
    with pytest.raises(ValueError, match="half must be one of"):
        in_half(3, "third")


def test_running_the_module_loads_it_once():
    # Importing the package must not import heldout, or ``python -m`` runs a second copy of it
    # (runpy's RuntimeWarning, here turned into an error).
    done = subprocess.run(
        [sys.executable, "-W", "error::RuntimeWarning", "-m", "training.hardcases.heldout", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "split" in done.stdout


def test_split_keeps_every_framed_copy_of_a_post_on_one_side(tmp_path):
    source = tmp_path / "varied.jsonl"
    write_labelled(generate(seed=5, per_functionality=40, functionalities=["varied_crisis"]),
                   source)
    halves = {}
    for keep in ("even", "odd"):
        out = tmp_path / f"{keep}.jsonl"
        kept, read = split_rows(source, out, keep)
        halves[keep] = list(read_labelled(out))
        assert kept == len(halves[keep]) and read == len(list(read_labelled(source)))
        assert all(int(r.group.rsplit(":", 1)[1]) % 2 == (keep == "odd") for r in halves[keep])
    assert len(halves["even"]) + len(halves["odd"]) == read
    assert not {r.group for r in halves["even"]} & {r.group for r in halves["odd"]}
    # Both sides keep crisis posts and near misses.
    for rows in halves.values():
        assert {r.labels["self_harm"] for r in rows} == {0, 1}


def test_split_refuses_rows_without_a_post_index(tmp_path, capsys):
    from models.examples import Example

    bad = tmp_path / "bad.jsonl"
    write_labelled([Example("a post", source="x", language="en", labels={"self_harm": 1},
                            group="no-index")], bad)
    assert main(["split", "--in", str(bad), "--out", str(tmp_path / "o.jsonl"),
                 "--keep", "even"]) == 2
    assert "without a '<functionality>:<index>' group" in capsys.readouterr().err
    assert main(["split", "--in", str(tmp_path / "missing.jsonl"), "--out",
                 str(tmp_path / "o.jsonl"), "--keep", "odd"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_score_counts_each_bank_half_with_a_real_model(tiny_model_dir, capsys):
    from models import load_model

    predictor = load_model(tiny_model_dir)
    results = score(predictor, "odd")
    assert [r.bank for r in results] == list(BANKS)
    for result in results:
        assert result.total == len(bank_posts(result.bank, "odd")[0])
        assert 0 <= result.referred <= result.total
        assert result.positive == result.bank.startswith("VARIED_")
    assert main(["score", str(tiny_model_dir), "--half", "odd"]) == 0
    out = capsys.readouterr().out
    found = sum(r.referred for r in results if r.positive)
    total = sum(r.total for r in results if r.positive)
    assert f"crisis posts (odd) found: {found} / {total}" in out
    # Counts only: no post's text is printed.
    texts, _ = bank_posts("VARIED_SELF_INJURY", "odd")
    assert not any(text in out for text in texts)


def test_score_refuses_a_directory_that_is_not_a_model(tmp_path, capsys):
    (tmp_path / "thresholds.json").write_text(json.dumps({"thresholds": {}}))
    assert main(["score", str(tmp_path)]) == 2
    assert "not a model directory" in capsys.readouterr().err


def test_ranking_auc_compares_crisis_scores_with_near_miss_scores():
    crisis = BankScore("VARIED_X", True, 2, 2, (0.9, 0.6))
    near = BankScore("NEAR_MISS_X", False, 1, 2, (0.7, 0.1))
    assert ranking_auc([crisis, near]) == 0.75  # 3 of the 4 pairs ranked right
    assert ranking_auc([BankScore("VARIED_X", True, 0, 1, (0.2,)),
                        BankScore("NEAR_MISS_X", False, 1, 1, (0.8,))]) == 0.0


def test_score_prints_the_ranking_and_leaves_excluded_banks_out(tiny_model_dir, capsys):
    from models import load_model

    kept = [name for name in BANKS if name != "NEAR_MISS_EVERYDAY"]
    results = score(load_model(tiny_model_dir), "odd", banks=kept)
    assert [r.bank for r in results] == kept
    assert all(len(r.scores) == r.total for r in results)
    assert main(["score", str(tiny_model_dir), "--half", "odd",
                 "--exclude", "NEAR_MISS_EVERYDAY"]) == 0
    out = capsys.readouterr().out
    assert "NEAR_MISS_EVERYDAY" not in out
    near = [r for r in results if not r.positive]
    referred, total = sum(r.referred for r in near), sum(r.total for r in near)
    assert f"near misses (odd) referred: {referred} / {total}" in out
    assert f"ROC-AUC crisis posts against near misses (odd): {ranking_auc(results):.3f}" in out
    assert main(["score", str(tiny_model_dir), "--exclude", "NO_SUCH_BANK"]) == 2
    assert "unknown banks ['NO_SUCH_BANK']" in capsys.readouterr().err
