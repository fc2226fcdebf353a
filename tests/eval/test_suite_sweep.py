"""The suite sweep counts what each threshold finds and what it wrongly flags."""

from __future__ import annotations

import numpy as np
import pytest

from eval.suite_sweep import forbidden_at_or_over, functionality_line, main, split_cases, sweep
from eval.suites import default_suites, load_suites


def test_counts_at_each_threshold_include_scores_equal_to_it() -> None:
    points = sweep(np.array([0.9, 0.4, 0.1]), np.array([0.5, 0.05]),
                   [("own", 0.4), ("", 0.1), ("", 0.05)])
    assert [(p.found, p.positives, p.false_flags, p.negatives) for p in points] == \
        [(2, 3, 1, 2), (3, 3, 1, 2), (3, 3, 2, 2)]
    assert points[0].name == "own" and points[0].threshold == 0.4


def test_a_missed_case_counts_the_forbidden_cases_at_or_over_its_score() -> None:
    negative = np.array([0.5, 0.2, 0.2, 0.05])
    assert forbidden_at_or_over(0.2, negative) == 3
    assert forbidden_at_or_over(0.6, negative) == 0
    assert forbidden_at_or_over(0.0, negative) == 4


def test_the_shipped_suites_split_into_crisis_posts_and_posts_that_must_not_be_referred() -> None:
    cases = load_suites(default_suites())
    positives, negatives = split_cases(cases, "self_harm", "en")
    assert len(positives) == 98 and len(negatives) == 138
    assert all("self_harm" in c.expected and c.language == "en" for c in positives)
    assert all("self_harm" in c.forbidden for c in negatives)
    assert not {c.case_id for c in positives} & {c.case_id for c in negatives}
    every = split_cases(cases, "self_harm", None)
    assert len(every[0]) > len(positives) and len(every[1]) > len(negatives)


def _suite(tmp_path):
    path = tmp_path / "suite.csv"
    path.write_text(
        "case_id,functionality,text,expected,forbidden\n"
        "p1,crisis,i want to die and end my life,self_harm,\n"
        "p2,crisis,i want to die today,self_harm,\n"
        "n1,safe,great day with my dog and friends,,self_harm\n"
        "n2,safe,the sun and the cat,,self_harm\n",
        encoding="utf-8",
    )
    return path


def test_end_to_end_the_missed_cases_are_the_positives_not_found(tiny_model_dir, tmp_path,
                                                                 capsys) -> None:
    assert main([str(tiny_model_dir), "--suite", str(_suite(tmp_path))]) == 0
    out = capsys.readouterr().out
    own = next(line for line in out.splitlines() if line.endswith("model threshold"))
    found = int(own.split()[1].split("/")[0])
    listed = out.splitlines()[-1].split("): ", 1)[1]
    missed = [] if listed == "none" else [item.split() for item in listed.split(", ")]
    assert found + len(missed) == 2
    # Each miss: its score, its case id, and how many of the two forbidden cases reach it.
    assert all(len(item) == 3 and item[1] in {"p1", "p2"} and 0 <= int(item[2]) <= 2
               for item in missed)
    ranking = float(out.splitlines()[0].rsplit(" ", 1)[1])
    assert 0.0 <= ranking <= 1.0
    thresholds = [float(line.split()[0]) for line in out.splitlines()[2:-1]]
    assert thresholds == sorted(thresholds, reverse=True)


def test_a_label_without_cases_or_a_directory_that_is_no_model_is_a_clear_error(
        tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([str(tmp_path), "--suite", str(_suite(tmp_path)), "--label", "hate"])
    assert exit_info.value.code == 2
    assert "no hate positives and negatives" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main([str(tmp_path), "--suite", str(_suite(tmp_path))])
    assert exit_info.value.code == 2
    assert "not a Haven model directory" in capsys.readouterr().err


def test_a_missing_or_malformed_suite_file_is_a_clear_error(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("case_id,text\nx,hello\n", encoding="utf-8")
    for path in (tmp_path / "missing.csv", bad):
        with pytest.raises(SystemExit) as exit_info:
            main([str(tmp_path), "--suite", str(path)])
        assert exit_info.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and path.name in err


def test_a_batch_size_under_one_is_a_clear_error(tmp_path, capsys) -> None:
    for size in ("0", "-3"):
        with pytest.raises(SystemExit) as exit_info:
            main([str(tmp_path), "--suite", str(_suite(tmp_path)), "--batch-size", size])
        assert exit_info.value.code == 2
        assert f"--batch-size must be at least 1, got {size}" in capsys.readouterr().err


def test_a_functionality_s_cases_are_listed_with_their_scores_and_the_flagged_ones_marked(
        tiny_model_dir, tmp_path, capsys) -> None:
    assert main([str(tiny_model_dir), "--suite", str(_suite(tmp_path)),
                 "--functionality", "safe"]) == 0
    line = capsys.readouterr().out.splitlines()[-1]
    head, listed = line.split("): ", 1)
    threshold = float(head.rsplit(" ", 1)[1])
    entries = [entry.split() for entry in listed.split(", ")]
    assert [case for case, _ in entries] == ["n1", "n2"]
    for _, score in entries:
        assert score.endswith("*") == (float(score.rstrip("*")) >= threshold)


def test_functionality_line_marks_scores_at_or_over_the_threshold() -> None:
    cases = [c for c in load_suites(default_suites()) if c.functionality == "worry_about_friend"]
    line = functionality_line("worry_about_friend", cases[:3], np.array([0.5, 0.4, 0.1]), 0.4)
    ids = [c.case_id for c in cases[:3]]
    assert line == (f"worry_about_friend (case score, * at or over 0.400): "
                    f"{ids[0]} 0.500*, {ids[1]} 0.400*, {ids[2]} 0.100")


def test_a_functionality_without_cases_for_the_label_is_a_clear_error(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([str(tmp_path), "--suite", str(_suite(tmp_path)), "--functionality", "nope"])
    assert exit_info.value.code == 2
    assert "no case of functionality 'nope' expects or forbids self_harm" in capsys.readouterr().err
