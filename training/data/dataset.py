"""Build the training and validation sets from every source: load, clean, dedupe, split, cap.

The split is a pure function of ``(seed, split key)``: a text (or a C-SSRS user, or a Dreaddit
post) lands in the same split whatever the caps, sources or other files, so validation numbers
stay comparable across runs and nothing leaks from train into validation.
"""

from __future__ import annotations

import hashlib
import logging
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.examples import Example, text_key
from models.labelled_io import read_labelled
from models.taxonomy import LABELS, TARGETS, TAXONOMY_VERSION
from training.data.clean import clean_text
from training.data.sources import ADAPTERS, SourceStats

log = logging.getLogger(__name__)

#: Environment variable naming the data directory (resolved by ``training.config``).
DATA_DIR_ENV = "HAVEN_DATA_DIR"


class DataDirMissing(FileNotFoundError):
    """The data directory (or an explicitly requested source folder) does not exist."""


@dataclass
class DatasetSplits:
    train: list[Example]
    validation: list[Example]
    #: JSON-serialisable record of what went in: per-source counts, mapping text, dedupe, caps.
    manifest: dict[str, Any]


def in_validation(split_key: str, seed: int, val_fraction: float) -> bool:
    """Whether a split key falls in validation: a seeded hash, independent of everything else."""
    digest = hashlib.sha256(f"{seed}:{split_key}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < val_fraction


def _has_label(example: Example) -> bool:
    return any(v is not None for v in example.labels.values()) or any(
        v is not None for v in example.targets.values()
    )


def _merge_into(kept: Example, other: Example, conflicts: Counter[str]) -> None:
    """Union of annotations: a label either source annotated is kept; positive wins conflicts."""
    for kind, mine, theirs in (("label", kept.labels, other.labels),
                               ("target", kept.targets, other.targets)):
        for name, value in theirs.items():
            if value is None:
                continue
            current = mine.get(name)
            if current is None:
                mine[name] = value
            elif current != value:
                conflicts[f"{kind}:{name}"] += 1
                mine[name] = 1
    kept.group = kept.group or other.group
    kept.text_pair = kept.text_pair or other.text_pair
    kept.functionality = kept.functionality or other.functionality


def _harmonise(example: Example) -> bool:
    """Apply the taxonomy's exclusions after merging; True if something was unset.

    ``offensive`` means "neither hate nor harassment" and ``distress`` "without self-harm", so a
    row positive for the stronger label says nothing about the weaker one.
    """
    changed = False
    labels = example.labels
    if (labels["hate"] == 1 or labels["harassment"] == 1) and labels["offensive"] is not None:
        labels["offensive"] = None
        changed = True
    if labels["self_harm"] == 1 and labels["distress"] is not None:
        labels["distress"] = None
        changed = True
    return changed


def _extra_file_examples(path: Path, name: str, stats: SourceStats) -> Iterator[Example]:
    """User files in the generic format, cleaned like the public sources."""
    for example in read_labelled(path, source=name):
        stats.rows_read += 1
        example.text = clean_text(example.text)
        if example.text_pair:
            example.text_pair = clean_text(example.text_pair) or None
        if not example.text:
            stats.empty += 1
        elif not _has_label(example):
            stats.unlabelled += 1
        else:
            yield example


def cap_train(examples: Sequence[Example], cap: int | None, rng: random.Random) -> list[Example]:
    """A seeded, label-balanced subset of at most ``cap`` examples (order preserved).

    Up to half the cap goes to positives (of any label), shared equally between the source's
    labels starting from the rarest, so a source's rare label is not sampled away; negatives
    fill the rest (and positives fill in when negatives run out).
    """
    if cap is None or len(examples) <= cap:
        return list(examples)
    positives = [i for i, e in enumerate(examples) if any(v == 1 for v in e.labels.values())]
    negatives = [i for i, e in enumerate(examples) if not any(v == 1 for v in e.labels.values())]
    pos_budget = min(len(positives), max(cap // 2, cap - len(negatives)))
    by_label = {
        label: [i for i in positives if examples[i].labels[label] == 1] for label in LABELS
    }
    rarest_first = sorted((lbl for lbl in LABELS if by_label[lbl]), key=lambda l: len(by_label[l]))
    chosen: set[int] = set()
    for position, label in enumerate(rarest_first):
        share = (pos_budget - len(chosen)) // (len(rarest_first) - position)
        available = [i for i in by_label[label] if i not in chosen]
        chosen.update(rng.sample(available, min(share, len(available))))
    leftover = [i for i in positives if i not in chosen]
    chosen.update(rng.sample(leftover, min(pos_budget - len(chosen), len(leftover))))
    chosen.update(rng.sample(negatives, min(cap - len(chosen), len(negatives))))
    return [examples[i] for i in sorted(chosen)]


def cap_validation(
    examples: Sequence[Example], cap: int | None, rng: random.Random
) -> list[Example]:
    """A seeded sample of at most ``cap`` examples, stratified by first positive label."""
    if cap is None or len(examples) <= cap:
        return list(examples)
    strata: dict[str, list[int]] = defaultdict(list)
    for i, example in enumerate(examples):
        first = next((lbl for lbl in LABELS if example.labels[lbl] == 1), "negative")
        strata[first].append(i)
    # Largest-remainder allocation, proportional to stratum size.
    exact = {name: cap * len(idx) / len(examples) for name, idx in strata.items()}
    quota = {name: int(value) for name, value in exact.items()}
    by_remainder = sorted(strata, key=lambda n: (exact[n] - quota[n], n), reverse=True)
    for name in by_remainder[: cap - sum(quota.values())]:
        quota[name] += 1
    chosen: list[int] = []
    for name in sorted(strata):
        chosen.extend(rng.sample(strata[name], quota[name]))
    return [examples[i] for i in sorted(chosen)]


def _label_counts(train: list[Example], validation: list[Example]) -> dict[str, Any]:
    counts: dict[str, Any] = {"labels": {}, "targets": {}}
    for kind, names in (("labels", LABELS), ("targets", TARGETS)):
        for name in names:
            row = {}
            for split, items in (("train", train), ("val", validation)):
                values = [getattr(e, kind)[name] for e in items]
                row[f"{split}_pos"] = sum(v == 1 for v in values)
                row[f"{split}_neg"] = sum(v == 0 for v in values)
            if any(row.values()):
                counts[kind][name] = row
    return counts


def build_dataset(
    data_dir: str | Path,
    sources: list[str] | None = None,
    *,
    extra_files: Iterable[str | Path] = (),
    val_fraction: float = 0.1,
    seed: int = 13,
    max_train_per_source: int | None = None,
    max_val_per_source: int | None = None,
) -> DatasetSplits:
    """Load ``sources`` (default: all adapters) plus ``extra_files``, dedupe, split and cap.

    A source folder that is missing is skipped (and marked ``missing`` in the manifest) when
    all sources were asked for implicitly; a source requested by name must exist.
    """
    if not 0.0 <= val_fraction < 1.0:
        raise ValueError(f"val_fraction must be in [0, 1), got {val_fraction}")
    for cap_name, cap in (("max_train_per_source", max_train_per_source),
                          ("max_val_per_source", max_val_per_source)):
        if cap is not None and cap < 0:
            raise ValueError(f"{cap_name} must be >= 0, got {cap}")
    extra_files = list(extra_files)
    root = Path(data_dir).expanduser()
    if not root.is_dir():
        raise DataDirMissing(
            f"data directory {root} does not exist; set `data.data_dir` in the training config "
            f"or the {DATA_DIR_ENV} environment variable to the folder holding the dataset "
            f"folders ({', '.join(list(ADAPTERS)[:3])}, ...)"
        )
    explicit = sources is not None
    names = list(ADAPTERS) if sources is None else list(dict.fromkeys(sources))
    unknown = [name for name in names if name not in ADAPTERS]
    if unknown:
        raise ValueError(f"unknown sources {unknown}; known: {', '.join(ADAPTERS)}")

    per_source: dict[str, dict[str, Any]] = {}
    warnings: list[str] = []
    kept: dict[str, Example] = {}  # text key -> merged example, in first-seen order
    origins: dict[str, list[str]] = {}  # text key -> sources it came from
    conflicts: Counter[str] = Counter()

    def ingest(name: str, examples: Iterator[Example], stats: SourceStats,
               entry: dict[str, Any]) -> None:
        within = across = 0
        for example in examples:
            key = text_key(example.text)
            first = kept.get(key)
            if first is None:
                kept[key] = example
                origins[key] = [name]
                continue
            if name in origins[key]:
                within += 1
            else:
                across += 1
                origins[key].append(name)
            _merge_into(first, example, conflicts)
        entry.update(
            rows_read=stats.rows_read,
            dropped={"empty": stats.empty, "unparseable": stats.unparseable,
                     "unlabelled": stats.unlabelled, "duplicate": within,
                     "duplicate_of_other_source": across},
            notes=list(stats.notes),
        )

    for name in names:
        adapter = ADAPTERS[name]
        folder = root / name
        entry: dict[str, Any] = {
            "status": "ok",
            "kind": "public",
            "files": [f"{name}/{file}" for file in adapter.files],
            "language": list(adapter.languages),
            "mapping": adapter.mapping,
        }
        per_source[name] = entry
        missing = [folder] if not folder.is_dir() else [folder / f for f in
                                                         adapter.missing_files(folder)]
        if missing:
            message = f"source {name!r}: missing {', '.join(str(p) for p in missing)}"
            if explicit:
                raise DataDirMissing(f"{message}; it was requested explicitly (data directory "
                                     f"{root}, set by `data.data_dir` or {DATA_DIR_ENV})")
            entry["status"] = "missing"
            warnings.append(message)
            log.warning("%s; skipped", message)
            continue
        stats = SourceStats()
        ingest(name, adapter.load(folder, stats), stats, entry)

    for file in extra_files:
        path = Path(file).expanduser()
        name = path.stem
        if name in per_source:
            raise ValueError(f"extra file {path}: source name {name!r} (the file stem) is "
                             "already used; rename the file")
        if not path.is_file():
            raise FileNotFoundError(f"extra training file {path} does not exist")
        entry = {"status": "ok", "kind": "extra_file", "files": [str(path)],
                 "mapping": "Generic labelled file (docs/data-format.md): labels as written."}
        per_source[name] = entry
        stats = SourceStats()
        ingest(name, _extra_file_examples(path, name, stats), stats, entry)

    harmonised = sum(_harmonise(example) for example in kept.values())

    by_source: dict[str, tuple[list[Example], list[Example]]] = {
        name: ([], []) for name in per_source
    }
    for example in kept.values():
        by_source[example.source][in_validation(example.split_key, seed, val_fraction)].append(
            example
        )

    train: list[Example] = []
    validation: list[Example] = []
    merged_with: dict[str, Counter[str]] = defaultdict(Counter)
    for key, sources_of_key in origins.items():
        for other in sources_of_key[1:]:
            merged_with[sources_of_key[0]][other] += 1
    for name, (source_train, source_val) in by_source.items():
        entry = per_source[name]
        if entry["status"] != "ok":
            continue
        capped_train = cap_train(source_train, max_train_per_source,
                                 random.Random(f"{seed}:{name}:train"))
        capped_val = cap_validation(source_val, max_val_per_source,
                                    random.Random(f"{seed}:{name}:validation"))
        train.extend(capped_train)
        validation.extend(capped_val)
        if entry["kind"] == "extra_file":
            entry["language"] = sorted({e.language for e in source_train + source_val})
        entry.update(
            rows_kept=len(source_train) + len(source_val),
            merged_with=dict(merged_with[name]),
            train_before_cap=len(source_train),
            validation_before_cap=len(source_val),
            train=len(capped_train),
            validation=len(capped_val),
            **_label_counts(capped_train, capped_val),
        )

    manifest: dict[str, Any] = {
        "taxonomy_version": TAXONOMY_VERSION,
        "data_dir": str(root),
        "seed": seed,
        "val_fraction": val_fraction,
        "max_train_per_source": max_train_per_source,
        "max_val_per_source": max_val_per_source,
        "sources_requested": names,
        "extra_files": [str(Path(f)) for f in extra_files],
        "dedupe": {
            "key": "models.examples.text_key (lower-cased, whitespace-normalised text)",
            "unique_examples": len(kept),
            "duplicates_within_source": sum(
                e.get("dropped", {}).get("duplicate", 0) for e in per_source.values()),
            "duplicates_across_sources": sum(
                e.get("dropped", {}).get("duplicate_of_other_source", 0)
                for e in per_source.values()),
            "examples_from_several_sources": sum(len(set(o)) > 1 for o in origins.values()),
            "label_conflicts_positive_won": dict(sorted(conflicts.items())),
            "weaker_label_unset_after_merge": harmonised,
        },
        "totals": {"train": len(train), "validation": len(validation)},
        "warnings": warnings,
        "sources": per_source,
    }
    log.info("dataset: %d train, %d validation from %d sources", len(train), len(validation),
             sum(e["status"] == "ok" for e in per_source.values()))
    return DatasetSplits(train=train, validation=validation, manifest=manifest)
