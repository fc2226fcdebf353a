"""No evaluation-suite text, nor a near-duplicate of one, may appear in the hard-case training set.

Reads every ``eval/suites/*.csv`` present at test time (``text`` and ``reply_to_text``). If this
fails, change the generator's banks in ``training/hardcases/`` — never the suites.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.examples import Example
from training.hardcases import generate
from training.hardcases.generator import OPTIONAL_FUNCTIONALITIES
from training.hardcases.leakage import (
    OVERLAP_THRESHOLD,
    SuiteIndex,
    drop_leaks,
    find_leaks,
    normalise,
    overlap,
    shingles,
    suite_texts,
)

SUITES_DIR = Path(__file__).resolve().parents[2] / "eval" / "suites"


@pytest.fixture(scope="module")
def suite_index() -> SuiteIndex:
    paths = sorted(SUITES_DIR.glob("*.csv"))
    assert paths, f"no evaluation suites found in {SUITES_DIR}"
    texts = suite_texts(paths)
    assert len(texts) >= len(paths)  # every suite contributed text
    return SuiteIndex(texts)


def _describe(leaks, examples) -> str:
    # Names the generator seed (group) and the suite row, not the texts themselves.
    return "; ".join(f"{examples[l.training_index].group} ({l.field}) ~ {l.suite}:{l.suite_row} "
                     f"score {l.score}" for l in leaks[:20])


@pytest.mark.parametrize("seed", [13, 7])
def test_generated_set_does_not_leak_into_evaluation_suites(suite_index, seed):
    # The default set and the optional functionalities (generated only when named).
    examples = generate(seed=seed) + generate(
        seed=seed, functionalities=[f.name for f in OPTIONAL_FUNCTIONALITIES])
    leaks = find_leaks(examples, suite_index)
    assert not leaks, f"{len(leaks)} leaks: {_describe(leaks, examples)}"


@pytest.mark.parametrize("seed", [13, 7])
def test_generated_set_does_not_leak_into_the_identity_probes(seed):
    """eval/identity_probes.py measures what the identity banks train, so it is held apart by
    the suites' rule: no generated post may be a near-duplicate of a probe post."""
    from eval.identity_probes import FRAMES, posts

    index = SuiteIndex([("identity_probes", row, text) for row, text in enumerate(posts(FRAMES))])
    examples = generate(seed=seed) + generate(
        seed=seed, functionalities=[f.name for f in OPTIONAL_FUNCTIONALITIES])
    leaks = find_leaks(examples, index)
    assert not leaks, f"{len(leaks)} leaks: {_describe(leaks, examples)}"


# ------------------------------------------------------------ the detector itself can fail
def _example(text: str, pair: str | None = None) -> Example:
    return Example(text, "hardcases", "en", labels={"hate": 0}, text_pair=pair)


def test_detector_catches_copies_embeddings_and_slot_swaps(suite_index):
    suite, row, original = next((s, r, t) for s, r, t in suite_texts(sorted(SUITES_DIR.glob("*.csv")))
                                if len(t.split()) >= 10)
    words = original.split()
    swapped = " ".join(words[:-1] + ["zebra"])  # one slot changed at the end
    candidates = [
        _example(original.upper()),  # exact after normalisation
        _example("Long day. Work, dinner, the usual. " + original),  # embedded at the end
        _example("Someone wrote '" + original + "' under my post"),  # reporting frame
        _example(swapped),
        _example("An unrelated reply.", pair=original),  # the parent post counts too
    ]
    leaks = find_leaks(candidates, suite_index)
    assert {leak.training_index for leak in leaks} == set(range(len(candidates)))
    assert any(leak.field == "text_pair" for leak in leaks)
    for i in range(len(candidates)):  # each one is traced back to the planted suite row
        assert any((leak.suite, leak.suite_row) == (suite, row)
                   for leak in leaks if leak.training_index == i)
    kept, dropped = drop_leaks(candidates + [_example("Completely different words about gardening "
                                                      "and tomatoes in July.")], suite_index)
    assert dropped == len(candidates) and len(kept) == 1


def test_threshold_semantics():
    assert normalise("Don't  SAY it!!") == "dont say it"
    assert shingles("a b c") == frozenset({"a b c"})
    assert len(shingles("one two three four five six")) == 2
    index = SuiteIndex([("s.csv", 2, "one two three four five six")])
    # One stock phrase shared by a two-shingle sentence is exactly the threshold: not a leak.
    assert overlap(shingles("one two three four five seven"),
                   shingles("one two three four five six")) == OVERLAP_THRESHOLD
    assert index.matches("one two three four five seven") == []
    assert index.matches("One, two, three: four five six.") == [(0, 1.0)]
    assert index.matches("one two three four") == []  # short texts match on equality only
    assert index.matches("ONE TWO THREE FOUR FIVE SIX") == [(0, 1.0)]
