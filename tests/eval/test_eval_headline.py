"""The headline table: values read from reports, the worst of several, and missing items."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from eval.headline import (
    ITEMS,
    bar_of,
    better_than_first,
    format_headline,
    headline,
    read_bar,
    verdict,
    write_bar,
)
from models.taxonomy import LABELS


def report(**over: Any) -> dict[str, Any]:
    results: dict[str, Any] = {
        "labels": {label: {"roc_auc": 0.8} for label in LABELS},
        "suites": {
            "n": 40, "passed": 30, "thresholds": {"self_harm": 0.366},
            "functionalities": {
                "explicit_ideation": {"n": 10, "passed": 8},
                "self_harm_act": {"n": 14, "passed": 9},
                "crisis_in_long_post": {"n": 12, "passed": 12},
                "counter_speech": {"n": 16, "passed": 13},
            },
            "cases": {"ar-latn-crisis-01": {"passed": True},
                      "ar-latn-crisis-02": {"passed": False},
                      "cr-01": {"passed": True}},
        },
        "by_source": {"sdcnl": {"labels": {"self_harm": {"roc_auc": 0.762}}},
                      "tweets": {"labels": {"self_harm": {"roc_auc": None}}}},
        "fairness": {"data": {"generalized_mean": {"bpsn_auc": 0.621}}},
        "routing": {"missed_referrals": 8},
        "referral_burden": {"share_at_refer_point": 0.109},
    }
    results.update(over)
    return results


def rows_by_item(reports: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["item"]: row for row in headline(reports)}


def test_one_report_sums_the_groups_and_reads_the_numbers() -> None:
    rows = rows_by_item([report()])
    value = {item: row["values"][0] for item, row in rows.items()}
    assert value["crisis cases found"] == 17  # explicit_ideation 8 + self_harm_act 9
    assert value["flagged (attacks and crises)"] == 29  # the crisis ones + crisis_in_long_post
    assert value["kept (members' posts)"] == 13
    assert value["Arabizi crisis found"] == 1
    assert value["long_post_without_risk"] is None  # not in this report's suites
    assert value["ROC-AUC self_harm on sdcnl"] == 0.762
    assert "ROC-AUC self_harm on tweets" not in rows  # no crisis posts there
    assert value["referral burden %"] == 10.9
    assert all(row["worst"] is None for row in rows.values())  # one report: no range


def test_the_worst_of_several_reports_is_lower_or_higher_by_item() -> None:
    other = copy.deepcopy(report())
    other["labels"]["self_harm"]["roc_auc"] = 0.847
    other["labels"]["hate"]["roc_auc"] = 0.75
    other["referral_burden"]["share_at_refer_point"] = 0.165
    other["suites"]["functionalities"]["self_harm_act"]["passed"] = 11
    rows = rows_by_item([report(), other])
    assert rows["ROC-AUC hate"]["worst"] == 0.75
    assert rows["ROC-AUC self_harm"]["worst"] == 0.8
    assert rows["crisis cases found"]["worst"] == 17
    assert rows["referral burden %"]["worst"] == 16.5  # lower is better: the worst is the highest
    assert rows["self_harm threshold"]["worst"] is None  # neither better high nor low


def test_markdown_has_a_column_per_report_and_the_worst() -> None:
    text = format_headline([report(), report()], ["seed 13", "seed 41"])
    lines = text.splitlines()
    assert lines[0] == "| item | seed 13 | seed 41 | worst |"
    assert "| crisis cases found / 24 | 17 | 17 | 17 |" in lines
    assert "| Arabizi crisis found / 2 | 1 | 1 | 1 |" in lines
    assert "| referral burden % (lower is better) | 10.9 | 10.9 | 10.9 |" in lines
    assert "| long_post_without_risk | – | – | – |" in lines
    single = format_headline([report()], ["0.2.1"]).splitlines()
    assert single[0] == "| item | 0.2.1 |"


def test_a_bar_is_the_worst_of_several_and_a_report_is_read_against_it() -> None:
    weaker = copy.deepcopy(report())
    weaker["labels"]["hate"]["roc_auc"] = 0.75
    weaker["referral_burden"]["share_at_refer_point"] = 0.165
    bar = bar_of(headline([report(), weaker]))
    assert bar["ROC-AUC hate"] == 0.75 and bar["referral burden %"] == 16.5
    assert "self_harm threshold" not in bar  # no direction, no bar
    assert "long_post_without_risk" not in bar  # in neither report
    assert bar_of(headline([report()]))["ROC-AUC hate"] == 0.8  # one report: its own values

    candidate = copy.deepcopy(report())
    candidate["labels"]["hate"]["roc_auc"] = 0.7499  # under by less than the shown digits
    candidate["referral_burden"]["share_at_refer_point"] = 0.09  # lower burden: better
    del candidate["by_source"]
    rows = headline([report(), candidate])
    result = verdict(rows, bar, 1)
    assert result["under"] == ["ROC-AUC hate"]
    assert result["missing"] == ["ROC-AUC self_harm on sdcnl"]
    assert "referral burden %" in result["met"]
    assert verdict(rows, bar, 0) == {"met": list(bar), "under": [], "missing": []}
    assert better_than_first(rows, 1) == ["referral burden %"]  # strictly: ties do not count


def test_the_bar_column_and_verdicts_are_printed_under_the_table() -> None:
    bar = {"crisis cases found": 18.0, "missed referrals": 8.0}
    lines = format_headline([report(), report()], ["0.2.3", "candidate"], bar).splitlines()
    assert lines[0] == "| item | 0.2.3 | candidate | worst | bar |"
    assert "| crisis cases found / 24 | 17 | 17 | 17 | 18 |" in lines
    assert "| ROC-AUC hate | 0.800 | 0.800 | 0.800 | – |" in lines
    assert lines[-1] == ("- candidate: at least the bar on 1 of 2 items; under it on: crisis "
                         "cases found; strictly better than 0.2.3 on 0 of 16 items")


def test_a_bar_file_round_trips_and_bad_ones_are_named(tmp_path: Path) -> None:
    path = tmp_path / "bar.json"
    write_bar(path, {"ROC-AUC hate": 0.825, "missed referrals": 8}, ["seed 13", "seed 41"])
    assert read_bar(path) == {"ROC-AUC hate": 0.825, "missed referrals": 8.0}
    assert json.loads(path.read_text())["from"] == ["seed 13", "seed 41"]
    for text, message in [("{", "not JSON"), ('{"items": {}}', "not a headline bar"),
                          ('{"format": "haven-headline-bar/1", "items": {"x": 1}}',
                           "unknown headline items"),
                          ('{"format": "haven-headline-bar/1", "items": {"ROC-AUC hate": "a"}}',
                           "must map item names to numbers")]:
        path.write_text(text)
        with pytest.raises(ValueError, match=message):
            read_bar(path)


def test_the_committed_bar_names_every_headline_item_of_the_shipped_recipe() -> None:
    bar = read_bar(Path(__file__).parents[2] / "eval" / "bars" / "recipe_0.2.1_five_seeds.json")
    assert len(bar) == 18
    assert {item.name for item in ITEMS if item.higher_is_better is not None} <= set(bar)
    assert bar["crisis cases found"] == 74 and bar["referral burden %"] == 16.5
