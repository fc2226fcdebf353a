"""The unified labelled example: what source adapters yield, what feedback export writes.

Labels a source does not annotate are ``None`` (missing), never 0: the loss masks them, so a
hate-speech corpus says nothing about ``self_harm`` and a crisis corpus nothing about ``hate``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from models.taxonomy import LABELS, TARGETS

Label = int | None  # 1 positive, 0 negative, None not annotated by the source


@dataclass
class Example:
    text: str
    source: str
    language: str
    labels: dict[str, Label] = field(default_factory=dict)
    targets: dict[str, Label] = field(default_factory=dict)
    #: Unit that must not straddle train/validation (e.g. a C-SSRS user); defaults to the text.
    group: str | None = None
    #: Parent post for replies (used as a text pair when present).
    text_pair: str | None = None
    #: Functional category for generated or suite examples (e.g. ``counter_speech``).
    functionality: str | None = None

    def __post_init__(self) -> None:
        unknown = (set(self.labels) - set(LABELS)) | (set(self.targets) - set(TARGETS))
        if unknown:
            raise ValueError(f"unknown label or target names: {sorted(unknown)}")
        self.labels = {name: self.labels.get(name) for name in LABELS}
        self.targets = {name: self.targets.get(name) for name in TARGETS}

    @property
    def split_key(self) -> str:
        """Stable key deciding the split, so duplicates and a user's posts land together."""
        return self.group or text_key(self.text)


def text_key(text: str) -> str:
    """Normalised-text hash used for deduplication and splitting (case and spacing insensitive)."""
    norm = " ".join(text.lower().split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()
