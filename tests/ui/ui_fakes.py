"""A deterministic fake model for the UI tests, driven by keywords in the text.

- ``label=0.87`` anywhere in the text sets that label's score exactly;
- a few phrases give fixed scores (``PHRASES``): removing any word of a phrase removes its score,
  which is what the occlusion highlights should find;
- everything else scores 0.01.

``make_predictor`` is the ``HAVEN_PREDICTOR=ui_fakes:make_predictor`` hook for the live server.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence

import numpy as np

from models.predictor import Prediction
from models.taxonomy import LABELS, TARGETS

PHRASES: dict[str, tuple[str, float]] = {
    "end it all": ("self_harm", 0.93),
    "hopeless": ("distress", 0.8),
    "idiot": ("harassment", 0.7),
    "vermin": ("hate", 0.97),
    "damn": ("offensive", 0.85),
}
_MARKER = re.compile(r"\b([a-z_]+)=(0(?:\.\d+)?|1(?:\.0+)?)\b")


class KeywordPredictor:
    name = "ui-fake"
    version = "test-1"

    def __init__(self) -> None:
        self.thresholds = {label: 0.5 for label in LABELS}
        self.calls: list[int] = []  # batch sizes, to check batching and caching
        self._lock = threading.Lock()

    def predict_proba(self, texts: Sequence[str], text_pairs: Sequence[str | None] | None = None,
                      batch_size: int = 32) -> Prediction:
        with self._lock:
            self.calls.append(len(texts))
        scores = np.full((len(texts), len(LABELS)), 0.01, dtype=np.float32)
        targets = np.full((len(texts), len(TARGETS)), 0.01, dtype=np.float32)
        for i, text in enumerate(texts):
            lower = " ".join(text.lower().split())
            for phrase, (label, p) in PHRASES.items():
                if phrase in lower:
                    scores[i, LABELS.index(label)] = p
            for name, value in _MARKER.findall(lower):
                if name in LABELS:
                    scores[i, LABELS.index(name)] = float(value)
        return Prediction(scores=scores, targets=targets)


class BrokenPredictor(KeywordPredictor):
    """Loads, then fails every call: the attribution must report it, not crash."""

    def predict_proba(self, texts: Sequence[str], text_pairs: Sequence[str | None] | None = None,
                      batch_size: int = 32) -> Prediction:
        raise RuntimeError("simulated model failure")


def make_predictor() -> KeywordPredictor:
    return KeywordPredictor()
