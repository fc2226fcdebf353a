"""Stub predictors for the eval tests: deterministic scores without any model weights."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from models.examples import Example
from models.predictor import Prediction
from models.taxonomy import LABELS, TARGETS


class StubPredictor:
    """Scores each text with ``rule(text, pair) -> {label: prob}``; unlisted labels score 0.

    Records the calls so tests can check that reply texts reach the model as text pairs.
    """

    name = "stub"
    version = "0.0"

    def __init__(
        self,
        rule: Callable[[str, str | None], Mapping[str, float]],
        thresholds: Mapping[str, float] | None = None,
    ) -> None:
        self.rule = rule
        self.thresholds = {n: 0.5 for n in LABELS} | dict(thresholds or {})
        self.calls: list[tuple[list[str], list[str | None] | None]] = []

    def predict_proba(
        self,
        texts: Sequence[str],
        text_pairs: Sequence[str | None] | None = None,
        batch_size: int = 32,
    ) -> Prediction:
        self.calls.append((list(texts), None if text_pairs is None else list(text_pairs)))
        pairs = list(text_pairs) if text_pairs is not None else [None] * len(texts)
        scores = np.zeros((len(texts), len(LABELS)), dtype=np.float32)
        for i, (text, pair) in enumerate(zip(texts, pairs, strict=True)):
            for name, p in self.rule(text, pair).items():
                scores[i, LABELS.index(name)] = p
        return Prediction(scores, np.zeros((len(texts), len(TARGETS)), dtype=np.float32))


def table_predictor(table: Mapping[str, Mapping[str, float]], **kw: object) -> StubPredictor:
    """Scores looked up by exact text (tests that hand-compute metrics know every score)."""
    return StubPredictor(lambda text, pair: table.get(text, {}), **kw)  # type: ignore[arg-type]


def example(text: str, source: str = "src", language: str = "en", **labels: int | None) -> Example:
    return Example(text=text, source=source, language=language, labels=dict(labels))
