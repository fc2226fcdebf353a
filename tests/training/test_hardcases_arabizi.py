"""Arabizi crisis hard cases: determinism, complete labels, the taxonomy's exclusions, Latin
script with digit letters, detected as Arabizi, no suite leak."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from models.labelled_io import read_labelled
from models.taxonomy import LABELS, TARGETS
from training.hardcases.__main__ import main
from training.hardcases.arabizi import (
    DEFAULT_PER_FUNCTIONALITY,
    FUNCTIONALITY_NAMES,
    LANGUAGE,
    SOURCE,
    arabizi_style,
    generate_arabizi,
)
from training.hardcases.leakage import SuiteIndex, find_leaks, suite_texts

SUITES_DIR = Path(__file__).resolve().parents[2] / "eval" / "suites"


@pytest.fixture(scope="module")
def examples():
    return generate_arabizi()


def test_same_seed_same_set_other_seed_other_set(examples):
    assert generate_arabizi() == examples
    assert [e.text for e in generate_arabizi(seed=7)] != [e.text for e in examples]


def test_every_example_is_fully_labelled_and_keeps_the_taxonomy(examples):
    assert {e.source for e in examples} == {SOURCE} and {e.language for e in examples} == {LANGUAGE}
    for e in examples:
        assert set(e.labels) == set(LABELS) and all(e.labels[n] in (0, 1) for n in LABELS)
        assert all(e.targets[t] == 0 for t in TARGETS)
        assert e.text_pair is None and e.functionality in FUNCTIONALITY_NAMES
        assert e.group.startswith(f"{SOURCE}:{e.functionality}:")
        assert e.labels["hate"] == e.labels["harassment"] == e.labels["offensive"] == 0
        assert not (e.labels["self_harm"] and e.labels["distress"])  # distress excludes risk


def test_each_functionality_is_full_and_means_what_it_says(examples):
    assert Counter(e.functionality for e in examples) == {
        name: DEFAULT_PER_FUNCTIONALITY for name in FUNCTIONALITY_NAMES}
    for e in examples:
        crisis = e.functionality.startswith("arabizi_crisis_")
        assert e.labels["self_harm"] == int(crisis), e.text
        if e.functionality in ("arabizi_distress", "arabizi_third_party",
                               "arabizi_negated_crisis"):
            assert e.labels["distress"] == 1


def test_texts_are_arabizi_and_the_detector_agrees(examples):
    """Latin letters with Arabizi digits, and routed as the service would route them: the
    detector calls most of them ``ar-Latn`` (short ones may be ``und``), none Arabic script."""
    from models.language import detect_language

    assert not any("\u0600" <= ch <= "\u06ff" for e in examples for ch in e.text)
    assert sum(any(d in e.text for d in "2357") for e in examples) > 0.6 * len(examples)
    detected = Counter(detect_language(e.text).language for e in examples)
    assert detected["ar-Latn"] >= 0.8 * len(examples), detected.most_common(5)


def test_style_spells_some_digit_letters_out():
    rng = random.Random(5)
    forms = {arabizi_style("ana 3ayez a7ki ma3ak", rng) for _ in range(60)}
    assert "ana 3ayez a7ki ma3ak" in {f.lower() for f in forms}
    assert any("7" not in f for f in forms) and any("3" not in f for f in forms)


@pytest.mark.parametrize("seed", [13, 7])
def test_no_example_leaks_into_the_evaluation_suites(seed):
    index = SuiteIndex(suite_texts(sorted(SUITES_DIR.glob("*.csv"))))
    generated = generate_arabizi(seed=seed)
    leaks = find_leaks(generated, index)
    assert not leaks, "; ".join(f"{generated[l.training_index].text} ~ {l.suite}:{l.suite_row}"
                                for l in leaks[:20])


def test_cli_writes_the_arabizi_set(tmp_path):
    out = tmp_path / "arz.jsonl"
    assert main(["--out", str(out), "--language", "ar-Latn", "--per-functionality", "3"]) == 0
    assert list(read_labelled(out)) == generate_arabizi(per_functionality=3)
