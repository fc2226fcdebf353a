"""The interface every Haven model backend implements, and the friendly ``score`` built on it.

The service, evaluation and CLI depend on this protocol, not on torch: tests pass a small fake
predictor, and backends (torch, ONNX) are interchangeable behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypedDict, runtime_checkable

import numpy as np

from models.taxonomy import DEFAULT_THRESHOLD, LABELS, TARGETS


@dataclass(frozen=True)
class Prediction:
    """Probabilities for a batch: ``scores[i, j]`` is P(LABELS[j] | text i)."""

    scores: np.ndarray  # shape (n, len(LABELS)), float32 in [0, 1]
    targets: np.ndarray  # shape (n, len(TARGETS)), float32 in [0, 1]

    def __len__(self) -> int:
        return int(self.scores.shape[0])


class PostScores(TypedDict):
    scores: dict[str, float]
    targets: dict[str, float]
    labels: list[str]


@runtime_checkable
class Predictor(Protocol):
    """What a loaded model offers. ``name``/``version`` are reported in API responses."""

    name: str
    version: str
    thresholds: dict[str, float]

    def predict_proba(
        self,
        texts: Sequence[str],
        text_pairs: Sequence[str | None] | None = None,
        batch_size: int = 32,
    ) -> Prediction: ...


def to_post_scores(prediction: Prediction, thresholds: dict[str, float]) -> list[PostScores]:
    """Turn arrays into per-post dicts; ``labels`` lists labels at or over their threshold."""
    out: list[PostScores] = []
    for row, trow in zip(prediction.scores, prediction.targets, strict=True):
        scores = {name: round(float(p), 6) for name, p in zip(LABELS, row, strict=True)}
        out.append(
            PostScores(
                scores=scores,
                targets={name: round(float(p), 6) for name, p in zip(TARGETS, trow, strict=True)},
                labels=[n for n in LABELS if scores[n] >= thresholds.get(n, DEFAULT_THRESHOLD)],
            )
        )
    return out


def score(
    predictor: Predictor,
    texts: Sequence[str],
    text_pairs: Sequence[str | None] | None = None,
    batch_size: int = 32,
) -> list[PostScores]:
    """One-line API: ``score(model, ["text"])`` -> ``[{"scores", "targets", "labels"}]``."""
    return to_post_scores(predictor.predict_proba(texts, text_pairs, batch_size), predictor.thresholds)
