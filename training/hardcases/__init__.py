"""Hard-case training data: generated contrast sets, mined hard negatives, leakage checks.

``generate()`` expands hand-written seeds (``identity_banks``, ``crisis_banks``, ``lexicon``,
``slurs``) into labelled examples per functionality; ``write()`` saves them in the generic
labelled format so ``build_dataset(extra_files=[...])`` (``haven train --data``) picks them up.
Design, composition and the leakage threshold: ``docs/hardcases.md``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from models.examples import Example
from models.labelled_io import write_labelled
from models.taxonomy import LABELS
from training.hardcases.generator import (
    DEFAULT_PER_FUNCTIONALITY,
    DEFAULT_SEED,
    FUNCTIONALITIES,
    FUNCTIONALITY_NAMES,
    generate,
)


def write(examples: Iterable[Example], path: str | Path) -> int:
    """Write examples as JSON Lines (the generic labelled format); returns the count."""
    return write_labelled(examples, path)


def stats(examples: Iterable[Example]) -> dict[str, Any]:
    """Counts per functionality, positives per label, replies: what docs/hardcases.md reports."""
    examples = list(examples)
    per_functionality = Counter(e.functionality for e in examples)
    positives = {name: sum(e.labels[name] == 1 for e in examples) for name in LABELS}
    return {
        "total": len(examples),
        "per_functionality": dict(sorted(per_functionality.items())),
        "positives": positives,
        "all_negative": sum(all(v == 0 for v in e.labels.values()) for e in examples),
        "with_parent": sum(e.text_pair is not None for e in examples),
        "groups": len({e.group for e in examples}),
    }


__all__ = [
    "DEFAULT_PER_FUNCTIONALITY", "DEFAULT_SEED", "FUNCTIONALITIES", "FUNCTIONALITY_NAMES",
    "generate", "stats", "write",
]
