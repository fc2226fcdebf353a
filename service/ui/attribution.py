"""Which words drove a post's scores: word occlusion, computed on demand and cached.

For each of the first ``MAX_WORDS`` words, the post is scored again without that word; the drop
in a label's probability is that word's weight. All variants go to the model in one
``InferenceEngine.predict`` call (the same engine, timeout and thread as moderation), so a post
of N words costs one batch of N + 1 texts. Occlusion is model-agnostic (it works for the torch
and ONNX backends and for the fakes tests use) and needs no gradients, at the price of missing
interactions between words; it is a reading aid for moderators, not an explanation of record.

Results are cached in process per (item, model name, model version): a new model invalidates
them, and a restart costs one batch per opened item. No database column is needed.
"""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from models.taxonomy import LABELS
from service.inference import InferenceEngine

#: Longer posts are analysed on their first words only: one batch stays around a second on CPU.
MAX_WORDS = 120
#: Drops below this are noise (and float jitter on a fake model): no highlight.
MIN_DROP = 0.02
#: Highlight levels are relative to the strongest word, but never to less than this, so a post
#: whose strongest word barely matters is not painted bright.
LEVEL_FLOOR = 0.1
LEVELS = 4
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Segment:
    """A run of text with its highlight level (0: none) and its score drop."""

    text: str
    level: int
    drop: float


@dataclass(frozen=True)
class Attribution:
    top_label: str
    base: dict[str, float]
    #: label -> segments covering the whole text in order.
    segments: dict[str, list[Segment]]
    words_analysed: int
    truncated: bool
    model: dict[str, str]

    def as_json(self) -> dict[str, object]:
        return {
            "label": self.top_label,
            "truncated": self.truncated,
            "words_analysed": self.words_analysed,
            "model": self.model,
            "labels": {
                label: {"base": round(self.base[label], 4),
                        "segments": [[s.text, s.level, round(s.drop, 4)] for s in segs]}
                for label, segs in self.segments.items()
            },
        }


def word_spans(text: str, limit: int = MAX_WORDS) -> tuple[list[tuple[int, int]], bool]:
    """Character spans of the first ``limit`` whitespace-separated words; True if cut."""
    spans: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        if len(spans) == limit:
            return spans, True
        spans.append(match.span())
    return spans, False


def occluded(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The text once per span with that word removed."""
    return [text[:start] + text[end:] for start, end in spans]


def _level(drop: float, strongest: float) -> int:
    if drop < MIN_DROP:
        return 0
    return max(1, min(LEVELS, math.ceil(LEVELS * drop / max(strongest, LEVEL_FLOOR))))


def segments_for(text: str, spans: list[tuple[int, int]], drops: np.ndarray) -> list[Segment]:
    strongest = float(drops.max(initial=0.0))
    out: list[Segment] = []
    cursor = 0
    for (start, end), drop in zip(spans, drops, strict=True):
        if start > cursor:
            out.append(Segment(text[cursor:start], 0, 0.0))
        out.append(Segment(text[start:end], _level(float(drop), strongest), float(drop)))
        cursor = end
    if cursor < len(text):
        out.append(Segment(text[cursor:], 0, 0.0))
    return out


async def explain(engine: InferenceEngine, text: str, reply_to_text: str | None,
                  flagged: list[str]) -> Attribution:
    """Occlusion attribution for every label; raises ``ModelUnavailable`` like moderation."""
    spans, truncated = word_spans(text)
    texts = [text, *occluded(text, spans)]
    prediction = await engine.predict(texts, [reply_to_text] * len(texts))
    scores = np.asarray(prediction.scores, dtype=np.float64)
    base = {label: float(scores[0, i]) for i, label in enumerate(LABELS)}
    drops = np.clip(scores[0][None, :] - scores[1:], 0.0, None)  # (words, labels)
    segments = {label: segments_for(text, spans, drops[:, i]) for i, label in enumerate(LABELS)}
    # The label to show first: the strongest of those the policy flagged, else the strongest.
    candidates = [label for label in flagged if label in base] or list(LABELS)
    top = max(candidates, key=lambda label: base[label])
    return Attribution(top_label=top, base=base, segments=segments, words_analysed=len(spans),
                       truncated=truncated, model=engine.model_info or {})


class AttributionCache:
    """A small thread-safe LRU: handlers run on worker threads and the event loop alike."""

    def __init__(self, max_items: int = 512) -> None:
        self.max_items = max_items
        self._items: OrderedDict[tuple[str, str, str], Attribution] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(item_id: str, engine: InferenceEngine) -> tuple[str, str, str] | None:
        info = engine.model_info
        return (item_id, info["name"], info["version"]) if info else None

    def get(self, key: tuple[str, str, str] | None) -> Attribution | None:
        if key is None:
            return None
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: tuple[str, str, str] | None, value: Attribution) -> None:
        if key is None:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.max_items:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
