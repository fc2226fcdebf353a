"""The headline table: values read from reports, the worst of several, and missing items."""

from __future__ import annotations

import copy
from typing import Any

from eval.headline import format_headline, headline
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
