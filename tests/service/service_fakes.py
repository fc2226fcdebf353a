"""A fake model for service tests: deterministic scores driven by keywords in the text.

- ``label=0.87`` anywhere in the text sets that label's (or target's) score exactly;
- otherwise a few keywords give fixed scores (see ``KEYWORDS``); everything else scores 0.01.

``make_predictor`` is the ``HAVEN_PREDICTOR=service_fakes:make_predictor`` testing hook used by
the multi-process tests.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Sequence

import numpy as np

from models.predictor import Prediction
from models.taxonomy import LABELS, TARGETS

KEYWORDS: dict[str, tuple[str, float]] = {
    "vermin": ("hate", 0.97),
    "idiot": ("harassment", 0.7),
    "damn": ("offensive", 0.85),
    "end it all": ("self_harm", 0.93),
    "hopeless": ("distress", 0.8),
}
TARGET_KEYWORDS: dict[str, tuple[str, float]] = {"vermin": ("national_origin", 0.9)}
_MARKER = re.compile(r"\b([a-z_]+)=(0(?:\.\d+)?|1(?:\.0+)?)\b")


class FakePredictor:
    name = "fake-keywords"
    version = "test-1"

    def __init__(self) -> None:
        self.thresholds = {label: 0.5 for label in LABELS}
        self.calls: list[tuple[list[str], list[str | None] | None]] = []
        self._lock = threading.Lock()

    def predict_proba(self, texts: Sequence[str], text_pairs: Sequence[str | None] | None = None,
                      batch_size: int = 32) -> Prediction:
        with self._lock:
            self.calls.append((list(texts), list(text_pairs) if text_pairs else None))
        scores = np.full((len(texts), len(LABELS)), 0.01, dtype=np.float32)
        targets = np.full((len(texts), len(TARGETS)), 0.01, dtype=np.float32)
        for i, text in enumerate(texts):
            lower = text.lower()
            for word, (label, p) in KEYWORDS.items():
                if word in lower:
                    scores[i, LABELS.index(label)] = p
            for word, (target, p) in TARGET_KEYWORDS.items():
                if word in lower:
                    targets[i, TARGETS.index(target)] = p
            for name, value in _MARKER.findall(lower):
                if name in LABELS:
                    scores[i, LABELS.index(name)] = float(value)
                elif name in TARGETS:
                    targets[i, TARGETS.index(name)] = float(value)
        return Prediction(scores=scores, targets=targets)


class RaisingPredictor(FakePredictor):
    name = "raising"

    def predict_proba(self, texts: Sequence[str], text_pairs: Sequence[str | None] | None = None,
                      batch_size: int = 32) -> Prediction:
        raise RuntimeError("CUDA out of memory (simulated)")


class SlowPredictor(FakePredictor):
    name = "slow"

    def __init__(self, delay_s: float) -> None:
        super().__init__()
        self.delay_s = delay_s

    def predict_proba(self, texts: Sequence[str], text_pairs: Sequence[str | None] | None = None,
                      batch_size: int = 32) -> Prediction:
        time.sleep(self.delay_s)
        return super().predict_proba(texts, text_pairs, batch_size)


class BadShapePredictor(FakePredictor):
    name = "bad-shape"

    def predict_proba(self, texts: Sequence[str], text_pairs: Sequence[str | None] | None = None,
                      batch_size: int = 32) -> Prediction:
        return Prediction(scores=np.zeros((len(texts), 2), dtype=np.float32),
                          targets=np.zeros((len(texts), len(TARGETS)), dtype=np.float32))


def make_predictor() -> FakePredictor:
    return FakePredictor()


#: Holds ``gated_predictor`` back, so a test can observe the service while the model loads.
LOAD_GATE = threading.Event()


def gated_predictor() -> FakePredictor:
    LOAD_GATE.wait(timeout=30)
    return FakePredictor()
