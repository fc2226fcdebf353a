"""Arabic hard cases: determinism, complete labels, every group and functionality, no suite leak."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from models.labelled_io import read_labelled
from models.taxonomy import LABELS, TARGETS
from training.hardcases import arabic_banks as ab
from training.hardcases.__main__ import main
from training.hardcases.arabic import (
    DEFAULT_PER_FUNCTIONALITY,
    FUNCTIONALITY_NAMES,
    LANGUAGE,
    SOURCE,
    generate_arabic,
    obfuscate,
)
from training.hardcases.leakage import SuiteIndex, find_leaks, suite_texts

SUITES_DIR = Path(__file__).resolve().parents[2] / "eval" / "suites"


@pytest.fixture(scope="module")
def examples():
    return generate_arabic()


def test_same_seed_same_set_other_seed_other_set(examples):
    assert generate_arabic() == examples
    other = generate_arabic(seed=7)
    assert [e.text for e in other] != [e.text for e in examples]


def test_every_example_is_fully_labelled_arabic_and_unreplied(examples):
    assert {e.source for e in examples} == {SOURCE}
    assert {e.language for e in examples} == {LANGUAGE}
    for e in examples:
        assert set(e.labels) == set(LABELS) and all(e.labels[n] in (0, 1) for n in LABELS)
        assert all(e.targets[t] in (0, 1) for t in TARGETS)
        assert e.text_pair is None and e.functionality in FUNCTIONALITY_NAMES
        assert e.group.startswith(f"{SOURCE}:{e.functionality}:")
        # a hate target exactly when the example is hate
        assert sum(e.targets.values()) == e.labels["hate"]


def test_each_functionality_full_and_its_labels_are_what_it_means(examples):
    per = Counter(e.functionality for e in examples)
    assert per == {name: DEFAULT_PER_FUNCTIONALITY for name in FUNCTIONALITY_NAMES}
    by = {name: [e for e in examples if e.functionality == name] for name in FUNCTIONALITY_NAMES}
    assert all(e.labels["hate"] == 1 for e in by["ar_hate_group"] + by["ar_hate_slur_attack"])
    assert all(e.labels["harassment"] == 1 and e.labels["hate"] == 0 for e in by["ar_insult"])
    for name in ("ar_crisis_explicit", "ar_crisis_passive", "ar_crisis_plan", "ar_self_injury"):
        assert all(e.labels["self_harm"] == 1 for e in by[name])
    for name in ("ar_reported_slur", "ar_reported_hate", "ar_counter_speech", "ar_negated_hate",
                 "ar_identity", "ar_idiom", "ar_third_party", "ar_recovered",
                 "ar_everyday_plans", "ar_distress", "ar_negated_crisis"):
        assert all(e.labels["hate"] == e.labels["harassment"] == e.labels["self_harm"] == 0
                   for e in by[name]), name
    hate_targets = Counter(t for e in by["ar_hate_group"] for t in TARGETS if e.targets[t])
    assert set(hate_targets) == set(TARGETS)


def test_banks_cover_every_target_group_and_are_arabic():
    assert set(ab.GROUPS) == set(TARGETS) == set(ab.SLURS)
    arabic = sum(any("\u0621" <= ch <= "\u064a" for ch in s) for s in ab.CRISIS_EXPLICIT)
    assert arabic == len(ab.CRISIS_EXPLICIT)


def test_obfuscation_breaks_the_word_but_keeps_its_letters():
    rng = random.Random(3)
    forms = {obfuscate("شاذ", rng) for _ in range(30)}
    assert "شاذ" not in forms and len(forms) >= 2
    assert all(f.replace(" ", "").replace(".", "").replace("ـ", "") == "شاذ" for f in forms)


@pytest.mark.parametrize("seed", [13, 7])
def test_no_example_leaks_into_the_evaluation_suites(seed):
    index = SuiteIndex(suite_texts(sorted(SUITES_DIR.glob("*.csv"))))
    assert any(entry[0] == "arabic.csv" for entry in index.entries)
    generated = generate_arabic(seed=seed)
    leaks = find_leaks(generated, index)
    assert not leaks, "; ".join(f"{generated[l.training_index].group} ~ {l.suite}:{l.suite_row}"
                                for l in leaks[:20])


def test_cli_writes_the_arabic_set(tmp_path):
    out = tmp_path / "ar.jsonl"
    assert main(["--out", str(out), "--language", "ar", "--per-functionality", "3"]) == 0
    back = list(read_labelled(out))
    assert back == generate_arabic(per_functionality=3)
    assert main(["--out", str(out), "--language", "ar", "--per-functionality", "-1"]) == 2
