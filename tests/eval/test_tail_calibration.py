"""The held-out long posts a tail threshold may be chosen on are built as documented and are
held apart from everything else the model is trained or judged on."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from eval.tail_calibration import CRISIS_ENDINGS, PARAGRAPHS, SAFE_ENDINGS, long_posts
from training.hardcases.leakage import SuiteIndex, shingles, suite_texts

PIECES = (*PARAGRAPHS, *CRISIS_ENDINGS, *SAFE_ENDINGS)


def test_every_ending_closes_one_post_and_crisis_and_safe_posts_share_their_openings() -> None:
    posts = long_posts()
    assert (len(PARAGRAPHS), len(CRISIS_ENDINGS), len(SAFE_ENDINGS)) == (24, 40, 40)
    assert len(posts) == 80 and len({text for text, _ in posts}) == 80
    crisis = [text for text, label in posts if label == 1]
    safe = [text for text, label in posts if label == 0]
    assert [t.endswith(e) for t, e in zip(crisis, CRISIS_ENDINGS, strict=True)] == [True] * 40
    assert [t.endswith(e) for t, e in zip(safe, SAFE_ENDINGS, strict=True)] == [True] * 40
    assert [t[: -len(e)] for t, e in zip(crisis, CRISIS_ENDINGS, strict=True)] == \
        [t[: -len(e)] for t, e in zip(safe, SAFE_ENDINGS, strict=True)]
    assert long_posts() == posts  # no randomness


def test_no_two_pieces_share_five_words_in_a_row() -> None:
    shared = [(a[:30], b[:30]) for a, b in combinations(PIECES, 2) if shingles(a) & shingles(b)]
    assert not shared, shared[:5]


@pytest.fixture(scope="module")
def everything_else() -> SuiteIndex:
    """The suites, every generated training row (default and optional functionalities) and the
    long-post probes: what the calibration posts must not nearly duplicate."""
    from eval.long_post_probes import CRISIS_ENDINGS as PROBE_CRISIS
    from eval.long_post_probes import PARAGRAPHS as PROBE_PARAGRAPHS
    from eval.long_post_probes import SAFE_ENDINGS as PROBE_SAFE
    from training.hardcases import generate
    from training.hardcases.generator import OPTIONAL_FUNCTIONALITIES

    suites = sorted((Path(__file__).resolve().parents[2] / "eval" / "suites").glob("*.csv"))
    rows = generate(seed=13) + generate(
        seed=13, functionalities=[f.name for f in OPTIONAL_FUNCTIONALITIES])
    texts = [*suite_texts(suites),
             *(("training", n, e.text) for n, e in enumerate(rows)),
             *(("training pair", n, e.text_pair) for n, e in enumerate(rows) if e.text_pair),
             *(("probes", n, t) for n, t in enumerate(
                 (*PROBE_PARAGRAPHS, *PROBE_CRISIS, *PROBE_SAFE)))]
    return SuiteIndex(texts)


def test_no_piece_nearly_duplicates_a_suite_text_a_training_row_or_a_probe(everything_else):
    leaks = [(piece[:40], [everything_else.entries[i][:2] for i, _ in found])
             for piece in PIECES if (found := everything_else.matches(piece))]
    assert not leaks, leaks[:5]
