"""What a source adapter is, and the small helpers every adapter shares."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from models.examples import Example, Label
from training.data.clean import clean_text

# C-SSRS keeps a user's posts in one cell (up to 32 kB); the csv default limit is 128 kB, but
# raise it anyway so a longer cell fails as "unparseable" in our code, not deep inside csv.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass
class SourceStats:
    """Counts an adapter reports while loading; they go into the dataset manifest."""

    rows_read: int = 0
    unparseable: int = 0
    empty: int = 0
    #: Rows whose annotation maps to no Haven label (e.g. ETHOS 1/6 hate votes): dropped.
    unlabelled: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SourceAdapter:
    """One dataset folder: which files it reads, how its labels map, and the loader."""

    name: str
    languages: tuple[str, ...]
    files: tuple[str, ...]
    #: Markdown: every mapping decision for this source (copied into the model card).
    mapping: str
    #: ``load(folder)`` or ``load(folder, stats)``: yields cleaned, labelled examples.
    load: Callable[..., Iterator[Example]]

    def missing_files(self, folder: Path) -> list[str]:
        return [name for name in self.files if not (folder / name).is_file()]


def make_example(
    stats: SourceStats,
    text: str,
    *,
    source: str,
    language: str,
    labels: dict[str, Label],
    targets: dict[str, Label] | None = None,
    group: str | None = None,
    text_pair: str | None = None,
) -> Example | None:
    """Clean the text and build the example; ``None`` (and a count) for empty or unlabelled rows."""
    text = clean_text(text)
    if not text:
        stats.empty += 1
        return None
    if all(value is None for value in labels.values()):
        stats.unlabelled += 1
        return None
    pair = clean_text(text_pair) if text_pair else None
    return Example(
        text=text,
        source=source,
        language=language,
        labels=labels,
        targets=targets or {},
        group=group,
        text_pair=pair or None,
    )


def read_csv_rows(path: Path, *, delimiter: str = ",") -> Iterator[dict[str, str]]:
    """Rows of a headed CSV/TSV as dicts (utf-8, BOM tolerated)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        yield from csv.DictReader(handle, delimiter=delimiter)


def read_tab_lines(path: Path, n_fields: int) -> Iterator[list[str] | None]:
    """Header-less tab-separated lines; ``None`` for a line without ``n_fields`` fields."""
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                continue
            fields = line.split("\t")
            yield fields if len(fields) == n_fields else None


def flag(value: str | None) -> bool:
    """A 0/1 (or 0.0/1.0) cell as a bool; blank counts as 0."""
    if value is None or not value.strip():
        return False
    return float(value) >= 0.5
