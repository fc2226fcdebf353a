"""Keep training data apart from the evaluation suites: exact and near-duplicate detection.

The functional suites in ``eval/suites/`` measure whether the model learned a *behaviour*
(reading a reporting frame, a negation, an idiom). If a suite sentence, or a close paraphrase
made from the same template, is in the training data, the suite measures memory instead. So
every training text is compared with every suite text (``text`` and ``reply_to_text``).

Measure: word 5-gram shingles after normalisation (lower case, punctuation and apostrophes
removed, whitespace collapsed). Two texts are near-duplicates when the *overlap coefficient*
``|A & B| / min(|A|, |B|)`` of their shingle sets exceeds :data:`OVERLAP_THRESHOLD` (0.5), or
when their normalised texts are equal. Why these choices:

- 5-grams: shorter n-grams ("i want to die") are shared by any two texts on the same topic and
  would flag the unavoidable vocabulary of a crisis or hate corpus; 5 words in a row are
  specific to a sentence or template.
- Overlap coefficient rather than Jaccard: a training text that *embeds* a suite sentence
  (a long post ending with it, a reply quoting it, a frame wrapped around it) has low Jaccard
  but a containment near 1; the coefficient catches both embedding directions.
- 0.5: more than half of the shorter text's 5-grams reused means the same sentence or the same
  template with a swapped slot ("X are not vermin" vs "Y are not vermin" shares most of its
  5-grams once sentences get long); one shared stock phrase in a two-shingle sentence (0.5) is
  not enough on its own.
- Texts of fewer than 5 words have one shingle, the whole text, so they only match on equality.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from models.examples import Example

SHINGLE_SIZE = 5
OVERLAP_THRESHOLD = 0.5
#: Columns of a suite CSV holding text a model reads.
SUITE_TEXT_COLUMNS: tuple[str, ...] = ("text", "reply_to_text")

_NON_WORD = re.compile(r"[^\w\s]+")


def normalise(text: str) -> str:
    """Lower case, punctuation (apostrophes included: "don't" -> "dont") removed, one space."""
    return " ".join(_NON_WORD.sub("", text.lower().replace("_", " ")).split())


def shingles(text: str, size: int = SHINGLE_SIZE) -> frozenset[str]:
    """Word ``size``-grams of the normalised text; the whole text when it is shorter."""
    words = normalise(text).split()
    if len(words) < size:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared shingles over the smaller set (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(frozen=True)
class Leak:
    """A training text that duplicates or nearly duplicates a suite text."""

    training_index: int
    field: str  # "text" or "text_pair" of the training example
    suite: str
    suite_row: int
    score: float  # 1.0 for an exact (normalised) match


class SuiteIndex:
    """Inverted index from 5-gram to suite texts, so checking thousands of texts is cheap."""

    def __init__(self, texts: Sequence[tuple[str, int, str]]):
        """``texts``: ``(suite name, row number, text)``."""
        self.entries = [(suite, row, shingles(text), normalise(text))
                        for suite, row, text in texts if text and text.strip()]
        self.by_shingle: dict[str, list[int]] = defaultdict(list)
        self.by_text: dict[str, list[int]] = defaultdict(list)
        for i, (_, _, grams, norm) in enumerate(self.entries):
            for gram in grams:
                self.by_shingle[gram].append(i)
            self.by_text[norm].append(i)

    def __len__(self) -> int:
        return len(self.entries)

    def matches(self, text: str, threshold: float = OVERLAP_THRESHOLD) -> list[tuple[int, float]]:
        """Suite entries that ``text`` duplicates: ``(entry index, score)``."""
        found: dict[int, float] = {i: 1.0 for i in self.by_text.get(normalise(text), [])}
        grams = shingles(text)
        shared: dict[int, int] = defaultdict(int)
        for gram in grams:
            for i in self.by_shingle.get(gram, ()):
                shared[i] += 1
        for i, count in shared.items():
            score = count / min(len(grams), len(self.entries[i][2]))
            if score > threshold:
                found[i] = max(found.get(i, 0.0), score)
        return sorted(found.items())


def suite_texts(paths: Iterable[str | Path]) -> list[tuple[str, int, str]]:
    """Every model-visible text of the suite CSVs: ``(file name, row, text)``.

    Read with the csv module directly (not ``eval.suites``) so the check needs nothing from the
    evaluation package and still works on a suite that its own loader would reject.
    """
    out: list[tuple[str, int, str]] = []
    for path in paths:
        path = Path(path)
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row_number, row in enumerate(csv.DictReader(handle), start=2):
                for column in SUITE_TEXT_COLUMNS:
                    value = (row.get(column) or "").strip()
                    if value:
                        out.append((path.name, row_number, value))
    return out


def find_leaks(examples: Sequence[Example], index: SuiteIndex,
               threshold: float = OVERLAP_THRESHOLD) -> list[Leak]:
    """Every (training text or parent, suite text) pair above the threshold."""
    leaks: list[Leak] = []
    for n, example in enumerate(examples):
        for field, value in (("text", example.text), ("text_pair", example.text_pair)):
            if not value:
                continue
            for entry, score in index.matches(value, threshold):
                suite, row, _, _ = index.entries[entry]
                leaks.append(Leak(n, field, suite, row, round(score, 3)))
    return leaks


def drop_leaks(examples: Sequence[Example], index: SuiteIndex,
               threshold: float = OVERLAP_THRESHOLD) -> tuple[list[Example], int]:
    """The examples without any leak, and how many were dropped (for mined or external data,
    where the texts are not ours to rewrite)."""
    leaking = {leak.training_index for leak in find_leaks(examples, index, threshold)}
    return [e for i, e in enumerate(examples) if i not in leaking], len(leaking)
