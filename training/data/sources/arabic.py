"""Adapters for the Arabic offensive-language and hate-speech corpora."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from models.examples import Example, Label
from training.data.sources.base import (
    SourceAdapter,
    SourceStats,
    make_example,
    read_csv_rows,
    read_tab_lines,
)

# --------------------------------------------------------------------------------------------
# OSACT 2020 shared task

_OSACT_FILES = ("OSACT2020-sharedTask-train.txt", "OSACT2020-sharedTask-dev.txt")
_OSACT: dict[tuple[str, str], dict[str, Label]] = {
    ("NOT_OFF", "NOT_HS"): {"hate": 0, "harassment": 0, "offensive": 0},
    ("OFF", "NOT_HS"): {"hate": 0, "offensive": 1},
    ("OFF", "HS"): {"hate": 1},
}


def load_osact2020(folder: Path, stats: SourceStats | None = None) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    for name in _OSACT_FILES:
        for fields in read_tab_lines(folder / name, 3):
            stats.rows_read += 1
            labels = _OSACT.get((fields[1].strip(), fields[2].strip())) if fields else None
            if fields is None or labels is None:
                stats.unparseable += 1
                continue
            example = make_example(stats, fields[0], source="osact2020", language="ar",
                                   labels=dict(labels))
            if example:
                yield example


OSACT2020 = SourceAdapter(
    name="osact2020",
    languages=("ar",),
    files=_OSACT_FILES,
    mapping="""\
- Source: OSACT 2020 shared task (Arabic tweets), train + dev; `<LF>` becomes a newline and
  the leading `RT @USER:` marker is removed.
- `OFF` + `HS` -> `hate` 1 (`offensive` unset). `OFF` + `NOT_HS` -> `offensive` 1, `hate` 0
  (`harassment` unset: OSACT's offensive class includes insults at a person).
- `NOT_OFF` -> `hate` 0, `offensive` 0, `harassment` 0 (not offensive excludes insulting or
  threatening someone). No targets.
""",
    load=load_osact2020,
)


# --------------------------------------------------------------------------------------------
# L-HSAB (Levantine)

_LHSAB: dict[str, dict[str, Label]] = {
    "normal": {"hate": 0, "harassment": 0, "offensive": 0},
    "abusive": {"hate": 0, "offensive": 1},
    "hate": {"hate": 1},
}


def load_lhsab(folder: Path, stats: SourceStats | None = None) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    for row in read_csv_rows(folder / "L-HSAB.tsv", delimiter="\t"):
        stats.rows_read += 1
        labels = _LHSAB.get((row.get("Class") or "").strip().lower())
        if labels is None or row.get("Tweet") is None:
            stats.unparseable += 1
            continue
        example = make_example(stats, row["Tweet"], source="lhsab", language="ar",
                               labels=dict(labels))
        if example:
            yield example


LHSAB = SourceAdapter(
    name="lhsab",
    languages=("ar",),
    files=("L-HSAB.tsv",),
    mapping="""\
- Source: L-HSAB (Mulki et al. 2019), Levantine Arabic tweets; language code `ar`.
- `hate` -> `hate` 1. `abusive` -> `offensive` 1, `hate` 0 (`harassment` unset: abusive tweets
  often insult a person). `normal` -> `hate` 0, `offensive` 0, `harassment` 0.
- No targets.
""",
    load=load_lhsab,
)
