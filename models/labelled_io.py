"""Read and write labelled examples in Haven's generic file format (CSV or JSON Lines).

One format for everything that is not a public corpus: moderators' exported decisions, hand-made
evaluation suites, extra training files. It lives in ``models/`` so the service's feedback
export, the trainer and the evaluator share it without importing each other. The format is
documented in ``docs/data-format.md``.
"""

from __future__ import annotations

import csv
import json
import math
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from models.examples import Example, Label
from models.taxonomy import LABELS, TARGETS

CSV_SUFFIXES = (".csv",)
JSONL_SUFFIXES = (".jsonl", ".json", ".ndjson")
DEFAULT_LANGUAGE = "und"  # ISO 639 "undetermined"

_TRUE = {"1", "true", "1.0"}
_FALSE = {"0", "false", "0.0"}
_MISSING = {"", "null", "none", "nan"}

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def parse_label(value: Any) -> Label:
    """0/1/true/false -> int; empty/null -> ``None`` (missing, not negative); else ``ValueError``."""
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return None
        if value in (0, 1):
            return int(value)
        raise ValueError(value)
    if isinstance(value, str):
        token = value.strip().lower()
        if token in _MISSING:
            return None
        if token in _TRUE:
            return 1
        if token in _FALSE:
            return 0
    raise ValueError(value)


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip() if not isinstance(value, str) else value
    return text if text.strip() else None


def _example_from_record(
    record: Mapping[str, Any], *, path: Path, line: int, text_column: str, source: str | None
) -> Example:
    where = f"{path}, line {line}"
    if text_column not in record:
        raise ValueError(f"{where}: missing text column {text_column!r}")
    text = record[text_column]
    if text is None:
        raise ValueError(f"{where}, column {text_column!r}: missing text")
    if not isinstance(text, str):
        raise ValueError(f"{where}, column {text_column!r}: text must be a string, got "
                         f"{type(text).__name__}")
    if not text.strip():
        raise ValueError(f"{where}, column {text_column!r}: empty text")
    values: dict[str, dict[str, Label]] = {"labels": {}, "targets": {}}
    for kind, names in (("labels", LABELS), ("targets", TARGETS)):
        for name in names:
            try:
                values[kind][name] = parse_label(record.get(name))
            except ValueError:
                raise ValueError(
                    f"{where}, column {name!r}: invalid value {record.get(name)!r}; expected "
                    "0, 1, true, false, or empty/null for not annotated"
                ) from None
    return Example(
        text=text,
        source=source or _optional_str(record.get("source")) or path.stem,
        language=_optional_str(record.get("language")) or DEFAULT_LANGUAGE,
        labels=values["labels"],
        targets=values["targets"],
        group=_optional_str(record.get("group")),
        text_pair=_optional_str(record.get("reply_to_text")),
        functionality=_optional_str(record.get("functionality")),
    )


def _csv_records(path: Path, text_column: str) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or text_column not in reader.fieldnames:
            raise ValueError(f"{path}, line 1: missing text column {text_column!r} in header "
                             f"{reader.fieldnames or []}")
        start = reader.line_num + 1
        for record in reader:
            yield start, record  # the line where the record starts (records may span lines)
            start = reader.line_num + 1


def _jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}, line {number}: invalid JSON ({error.msg})") from None
            if not isinstance(record, dict):
                raise ValueError(f"{path}, line {number}: expected a JSON object per line")
            yield number, record


def read_labelled(
    path: str | Path, *, text_column: str = "text", source: str | None = None
) -> Iterator[Example]:
    """Examples from a labelled CSV or JSONL file, chosen by extension.

    ``source`` forces the source name of every row (default: the row's ``source`` column, else
    the file stem). Label and target columns are optional; blank or null means not annotated.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        records: Iterator[tuple[int, Mapping[str, Any]]] = _csv_records(path, text_column)
    elif suffix in JSONL_SUFFIXES:
        records = _jsonl_records(path)
    else:
        raise ValueError(f"{path}: unsupported extension {path.suffix!r}; use "
                         f"{', '.join(CSV_SUFFIXES + JSONL_SUFFIXES)}")
    for line, record in records:
        yield _example_from_record(record, path=path, line=line, text_column=text_column,
                                   source=source)


def example_record(example: Example) -> dict[str, Any]:
    """The JSON object written for one example (all labels and targets, null = missing)."""
    record: dict[str, Any] = {"text": example.text}
    record.update({name: example.labels.get(name) for name in LABELS})
    record.update({name: example.targets.get(name) for name in TARGETS})
    record["source"] = example.source
    record["language"] = example.language
    for key, value in (("group", example.group), ("reply_to_text", example.text_pair),
                       ("functionality", example.functionality)):
        if value is not None:
            record[key] = value
    return record


def write_labelled(examples: Iterable[Example], path: str | Path) -> int:
    """Write examples as JSON Lines (atomically: readers never see half a file); returns count."""
    path = Path(path)
    if path.suffix.lower() not in JSONL_SUFFIXES:
        raise ValueError(f"{path}: write_labelled writes JSON Lines; use a .jsonl file name")
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
    )
    try:
        with handle:
            for example in examples:
                handle.write(json.dumps(example_record(example), ensure_ascii=False) + "\n")
                count += 1
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return count
