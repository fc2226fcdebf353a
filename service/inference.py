"""The seam between the async API and the sync, CPU-bound model.

``InferenceEngine.predict`` runs the predictor on a dedicated thread with a timeout and turns
every failure (not loaded yet, exception, timeout, malformed output) into ``ModelUnavailable``,
which the moderation service answers with a fail-safe ``review``. A later issue replaces the
internals with dynamic micro-batching; callers only see ``predict``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from models.predictor import Prediction, Predictor
from models.taxonomy import LABELS, TARGETS
from service.errors import ModelUnavailable

log = logging.getLogger(__name__)


class InferenceEngine:
    def __init__(
        self,
        predictor: Predictor | None = None,
        *,
        timeout_s: float = 10.0,
        batch_size: int = 32,
    ) -> None:
        self._predictor = predictor
        self.timeout_s = timeout_s
        self.batch_size = batch_size
        self.load_error: str | None = None
        # One worker: torch already uses every core for one batch; a second concurrent batch
        # only adds contention. A hung call makes later ones time out, i.e. fail safe.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="haven-inference")
        self.last_latency_s: float | None = None

    @property
    def predictor(self) -> Predictor | None:
        return self._predictor

    @property
    def ready(self) -> bool:
        return self._predictor is not None

    def set_predictor(self, predictor: Predictor) -> None:
        self._predictor = predictor
        self.load_error = None

    def set_load_error(self, message: str) -> None:
        self.load_error = message

    @property
    def model_info(self) -> dict[str, str] | None:
        if self._predictor is None:
            return None
        return {"name": str(self._predictor.name), "version": str(self._predictor.version)}

    @property
    def thresholds(self) -> dict[str, float]:
        return dict(self._predictor.thresholds) if self._predictor is not None else {}

    @property
    def block_thresholds(self) -> dict[str, float]:
        """The model's calibrated block operating points (``block: model`` in a policy)."""
        return dict(getattr(self._predictor, "block_thresholds", None) or {})

    def unblockable(self, language: str | None) -> frozenset[str]:
        """Labels that must not block a post in ``language``: the model serving it has no
        measured block point for them there (``LanguageRouter.unblockable``)."""
        method = getattr(self._predictor, "unblockable", None)
        return frozenset(method(language)) if method is not None else frozenset()

    async def predict(self, texts: list[str], pairs: Sequence[str | None],
                      languages: Sequence[str | None] | None = None) -> Prediction:
        """``languages`` (detected per post) reach predictors that route by language
        (``models.routing.LanguageRouter``); other predictors never see them."""
        predictor = self._predictor
        if predictor is None:
            raise ModelUnavailable(self.load_error or "the model is still loading")
        pair_arg = list(pairs) if any(p is not None for p in pairs) else None
        language_arg = list(languages) if languages is not None else None
        loop = asyncio.get_running_loop()
        started = time.perf_counter()
        future = loop.run_in_executor(self._executor, self._score, predictor, texts, pair_arg,
                                      language_arg)
        try:
            prediction = await asyncio.wait_for(future, timeout=self.timeout_s)
        except TimeoutError as exc:
            raise ModelUnavailable(f"inference timed out after {self.timeout_s}s") from exc
        except Exception as exc:  # the model is third-party code: any failure means fail safe
            log.error("inference failed", extra={"error_type": type(exc).__name__})
            raise ModelUnavailable(f"inference failed: {type(exc).__name__}") from exc
        self.last_latency_s = time.perf_counter() - started
        _check(prediction, len(texts))
        return prediction

    def _score(self, predictor: Predictor, texts: list[str], pairs: list[str | None] | None,
               languages: list[str | None] | None) -> Prediction:
        """The blocking model call (on the inference thread). ``languages`` reach only
        predictors that route by language (``accepts_languages``)."""
        if languages is not None and getattr(predictor, "accepts_languages", False):
            return predictor.predict_proba(texts, pairs, self.batch_size, languages=languages)
        return predictor.predict_proba(texts, pairs, self.batch_size)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def _check(prediction: Prediction, n: int) -> None:
    """Refuse outputs that would silently mis-route posts (wrong shape, NaN, out of range)."""
    try:
        scores = np.asarray(prediction.scores, dtype=np.float64)
        targets = np.asarray(prediction.targets, dtype=np.float64)
    except (TypeError, ValueError, AttributeError) as exc:
        raise ModelUnavailable("the model returned malformed scores") from exc
    if scores.shape != (n, len(LABELS)) or targets.shape != (n, len(TARGETS)):
        raise ModelUnavailable(
            f"the model returned shapes {scores.shape}/{targets.shape} for {n} posts"
        )
    for array in (scores, targets):
        if not np.all(np.isfinite(array)) or array.min(initial=0) < 0 or array.max(initial=0) > 1:
            raise ModelUnavailable("the model returned scores outside [0, 1]")
