"""Suite loading, validation and scoring (stub predictor), and checks on Haven's own suites."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from eval_stubs import StubPredictor

from eval.fairness import IdentityTagger
from eval.pipeline import evaluate
from eval.suites import SuiteError, default_suites, load_suite, load_suites, score_suites
from models.taxonomy import LABELS, TARGETS

HEADER = ["case_id", "functionality", "text", "expected", "forbidden", "reply_to_text", "language"]


def write_suite(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def keyword_rule(text: str, pair: str | None) -> dict[str, float]:
    """A toy model with the classic failure modes: keyword matching, blind to negation."""
    t = text.lower()
    out = {}
    if "kill myself" in t or "unalive" in t:
        out["self_harm"] = 0.9
    if "killing me" in t:
        out["self_harm"] = 0.6  # hyperbole false alarm
    if "vermin" in t:
        out["hate"] = 0.95
    if pair and "end it" in pair.lower():
        out["self_harm"] = 0.7  # reacts to the parent post, not the reply
    return out


@pytest.fixture
def small_suite(tmp_path: Path) -> Path:
    return write_suite(
        tmp_path / "mini.csv",
        [
            ["c1", "explicit", "I want to kill myself", "self_harm", "", "", ""],
            ["c2", "explicit", "thinking of how to unalive", "self_harm", "", "", ""],
            ["c3", "explicit", "i can't go on", "self_harm", "", "", ""],
            ["c4", "idiom", "this exam is killing me", "", "self_harm", "", ""],
            ["c5", "idiom", "the heat is brutal", "", "self_harm", "", ""],
            ["c6", "negation", "immigrants are not vermin", "", "hate;harassment", "", ""],
            [
                "c7",
                "support",
                "please call a crisis line",
                "",
                "self_harm",
                "I want to end it",
                "en",
            ],
        ],
    )


def test_load_suite_parses_every_column(small_suite: Path) -> None:
    cases = load_suite(small_suite)
    assert len(cases) == 7
    c6, c7 = cases[5], cases[6]
    assert c6.forbidden == ("hate", "harassment") and c6.expected == ()
    assert c7.reply_to_text == "I want to end it" and c7.suite == "mini"
    assert cases[0].language == "en"  # default


def test_scoring_per_functionality(small_suite: Path) -> None:
    cases = load_suite(small_suite)
    predictor = StubPredictor(keyword_rule)
    results = evaluate(
        predictor, [], cases, tagger=IdentityTagger({"national_origin": ["immigrant"]})
    )
    suites = results["suites"]
    funcs = suites["functionalities"]
    assert funcs["explicit"]["n"] == 3 and funcs["explicit"]["passed"] == 2
    assert funcs["explicit"]["failed"] == ["c3"] and funcs["explicit"]["misses"] == {"self_harm": 1}
    assert funcs["idiom"]["pass_rate"] == pytest.approx(0.5)
    assert funcs["idiom"]["false_flags"] == {"self_harm": 1}
    assert funcs["negation"]["pass_rate"] == 0.0
    # The reply reached the model as a text pair, and the model reacted to it.
    assert funcs["support"]["failed"] == ["c7"]
    assert predictor.calls[0][1][6] == "I want to end it"
    assert suites["n"] == 7 and suites["passed"] == 3
    assert suites["pass_rate"] == pytest.approx(3 / 7)
    assert suites["cases"]["c4"] == {"passed": False, "flagged": ["self_harm"]}
    # Suite cases feed the fairness metrics too (c6 is a non-hateful immigrant mention).
    fairness = results["fairness"]["suites"]
    assert fairness["groups"]["national_origin"]["fpr"] == 1.0


def test_thresholds_decide_pass_and_fail(small_suite: Path) -> None:
    cases = load_suite(small_suite)
    scores = np.zeros((len(cases), len(LABELS)))
    scores[:, LABELS.index("self_harm")] = 0.6
    strict = score_suites(cases, scores, {"self_harm": 0.7})
    lenient = score_suites(cases, scores, {"self_harm": 0.5})
    assert strict["functionalities"]["explicit"]["passed"] == 0
    assert lenient["functionalities"]["explicit"]["passed"] == 3
    assert lenient["functionalities"]["idiom"]["passed"] == 0


@pytest.mark.parametrize(
    "row, message",
    [
        (["x", "f", "text", "spam", "", "", ""], "unknown label"),
        (["x", "f", "text", "", "", "", ""], "at least one expected or forbidden"),
        (["x", "f", "text", "hate", "hate", "", ""], "both expected and forbidden"),
        (["x", "", "text", "hate", "", "", ""], "required"),
    ],
)
def test_malformed_rows_are_rejected(tmp_path: Path, row: list[str], message: str) -> None:
    with pytest.raises(SuiteError, match=message):
        load_suite(write_suite(tmp_path / "bad.csv", [row]))


def test_duplicate_ids_are_rejected_within_and_across_suites(tmp_path: Path) -> None:
    row = ["dup", "f", "text", "hate", "", "", ""]
    with pytest.raises(SuiteError, match="duplicate"):
        load_suite(write_suite(tmp_path / "a.csv", [row, row]))
    a = write_suite(tmp_path / "b.csv", [row])
    b = write_suite(tmp_path / "c.csv", [row])
    with pytest.raises(SuiteError, match="both"):
        load_suites([a, b])


def test_missing_columns_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "cols.csv"
    path.write_text("case_id,text\nx,hello\n", encoding="utf-8")
    with pytest.raises(SuiteError, match="missing columns"):
        load_suite(path)


# --- Haven's own suites -------------------------------------------------------------------

CRISIS_POSITIVE = {
    "explicit_ideation",
    "passive_ideation",
    "suicide_plan",
    "self_harm_act",
    "evasive_spelling",
    "ideation_in_reply",
}
CRISIS_NEGATIVE = {
    "hyperbole_idiom",
    "worry_about_friend",
    "recovered_past_attempt",
    "supportive_reply",
    "suicide_news",
    "distress_without_risk",
    "accidental_injury",
    "everyday_plans",
}
IDENTITY_SAFE = {
    "identity_neutral",
    "identity_positive",
    "identity_self_description",
    "reported_slur",
    "reported_abuse",
    "quoted_hate_received",
    "counter_speech",
    "reclaimed_slur",
    "negated_hate",
}


@pytest.fixture(scope="module")
def shipped():
    return load_suites(default_suites())


def test_shipped_suites_size_and_functionality_coverage(shipped) -> None:
    assert len(shipped) >= 400
    counts = Counter(c.functionality for c in shipped)
    assert min(counts.values()) >= 12, counts
    assert CRISIS_POSITIVE | CRISIS_NEGATIVE | IDENTITY_SAFE <= set(counts)
    assert {
        "group_hate",
        "identity_attack_on_person",
        "harassment_not_hate",
        "profanity_no_target",
    } <= set(counts)
    assert len({c.text for c in shipped}) == len(shipped), "duplicate texts"


def test_shipped_crisis_cases_expect_or_forbid_self_harm(shipped) -> None:
    for case in shipped:
        if case.functionality in CRISIS_POSITIVE:
            assert case.expected == ("self_harm",) and case.forbidden == (), case.case_id
        if case.functionality in CRISIS_NEGATIVE:
            assert "self_harm" in case.forbidden, case.case_id
        if case.functionality in {"ideation_in_reply", "supportive_reply"}:
            assert case.reply_to_text, case.case_id


def test_shipped_identity_cases_cover_every_group(shipped) -> None:
    tagger = IdentityTagger.from_yaml()
    for functionality in ("identity_neutral", "identity_positive", "group_hate"):
        groups = Counter(
            g for c in shipped if c.functionality == functionality for g in tagger.tag(c.text)
        )
        assert set(groups) == set(TARGETS), (functionality, groups)
        assert min(groups.values()) >= 3, (functionality, groups)
    for case in shipped:
        if case.functionality in IDENTITY_SAFE:
            assert "hate" in case.forbidden, case.case_id
        if case.functionality in {"group_hate", "identity_attack_on_person"}:
            assert "hate" in case.expected, case.case_id


def test_reply_cases_are_also_scored_without_their_parent(tmp_path: Path) -> None:
    suite = write_suite(tmp_path / "replies.csv", [
        ["r1", "agrees", "so true, every word", "hate", "", "they are vermin", ""],
        ["r2", "agrees", "exactly right", "hate", "", "they are vermin", ""],
        ["r3", "counter", "no, that is bigotry", "", "hate", "they are vermin", ""],
        ["s1", "single", "a normal post", "", "hate", "", ""],
    ])
    # Reads the parent: a reply to a "vermin" post that is not a rebuttal is hateful.
    rule = lambda text, pair: {"hate": 0.9 if pair and "vermin" in pair
                               and "bigotry" not in text else 0.1}
    results = evaluate(StubPredictor(rule), suites=load_suites([suite]))
    wp = results["suites"]["without_parent"]
    assert wp["n"] == 3  # only cases with a parent
    assert wp["pass_rate_with_parent"] == 1.0
    assert wp["pass_rate_without_parent"] == pytest.approx(1 / 3)  # only the rebuttal passes
    assert wp["functionalities"]["agrees"] == {
        "suite": "replies", "n": 2,
        "pass_rate_with_parent": 1.0, "pass_rate_without_parent": 0.0}


def test_shipped_reply_suite_gives_every_case_a_parent(shipped) -> None:
    replies = [c for c in shipped if c.suite == "replies"]
    assert len(replies) >= 48 and all(c.reply_to_text for c in replies)
    assert {c.functionality for c in replies} == {
        "reply_counter_speech", "reply_agrees_with_hate", "reply_insults_victim",
        "reply_supports_victim"}
