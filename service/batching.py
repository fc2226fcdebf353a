"""Dynamic micro-batching: concurrent requests share one forward pass.

A platform calls Haven once per post, so requests arrive one post at a time, concurrently. Scored
one by one, every call pays the fixed cost of a forward pass and the cores sit half idle; scored
together, dozens of posts cost little more than one. ``MicroBatcher`` sits between the async API
and the sync model:

* ``submit(texts, pairs)`` queues a request and awaits its slice of a batch's ``Prediction``;
* a single worker takes queued requests in arrival order until the batch holds
  ``max_batch_posts`` posts or the oldest request has waited ``max_wait_ms``; under load the
  queue fills while the previous batch runs, so batches are full and nobody waits on the timer;
* tokenisation and the forward pass run on a worker thread, so the event loop keeps accepting
  and answering requests meanwhile; the predictor sorts windows by length inside a batch
  (``length_sorted_batches``), so one long post does not pad every short one;
* the queue is bounded (``max_queued_posts``): beyond it ``submit`` raises :class:`QueueFull`
  at once, which the API answers with ``503`` + ``Retry-After``, instead of letting memory and
  latency grow without bound;
* if a batch fails, its requests are retried one by one, so one bad input fails only its own
  request.

A request is never split across batches, and results come back in the order of its texts.

:class:`BatchingInferenceEngine` puts the batcher behind the service's ``InferenceEngine`` seam
(same ``predict`` contract), and :class:`ServiceOverloaded` is the ``503`` a full queue becomes.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from models.predictor import Prediction, Predictor
from models.taxonomy import LABELS, TARGETS
from service.errors import HavenError, ModelUnavailable
from service.inference import InferenceEngine
from service.inference import _check as check_prediction

log = logging.getLogger(__name__)

#: ``predict(texts, pairs_or_None) -> Prediction``: blocking, called on the worker thread. When a
#: request in the batch carried languages, it is called as ``predict(texts, pairs, languages=...)``
#: (one entry per text, ``None`` where unknown), so a language router keeps the platform's
#: declared-language fallback that per-post detection alone would lose.
PredictFn = Callable[..., Prediction]


class QueueFull(Exception):
    """The batcher holds ``max_queued_posts`` already: the caller should retry later.

    ``retry_after`` (whole seconds, at least 1) estimates when the queue will have drained, from
    the queue depth and the throughput of recent batches; the API sends it as ``Retry-After``.
    """

    def __init__(self, queued_posts: int, retry_after: int) -> None:
        super().__init__(f"inference queue is full ({queued_posts} posts waiting)")
        self.queued_posts = queued_posts
        self.retry_after = retry_after


class BatcherClosed(RuntimeError):
    """``submit`` after ``close()``: the service is shutting down."""


class BatchShapeError(RuntimeError):
    """The predictor returned a different number of rows than posts it was given."""


@dataclass(eq=False)
class _Request:
    texts: list[str]
    pairs: list[str | None] | None
    future: asyncio.Future[Prediction]
    queued_at: float
    languages: list[str | None] | None = None
    queued: bool = True

    @property
    def size(self) -> int:
        return len(self.texts)


@dataclass
class BatcherStats:
    """Counters for metrics and benchmarks (read them, don't write them)."""

    batches: int = 0
    posts: int = 0
    requests: int = 0
    rejected_requests: int = 0
    failed_batches: int = 0
    isolated_failures: int = 0
    #: Exponential moving average of posts per second of busy worker time.
    posts_per_s: float | None = None
    batch_sizes: deque[int] = field(default_factory=lambda: deque(maxlen=256))

    @property
    def mean_batch_posts(self) -> float | None:
        return float(np.mean(self.batch_sizes)) if self.batch_sizes else None


class MicroBatcher:
    """Queue concurrent requests and score them in shared batches (see the module docstring).

    ``predict`` is called with all texts of a batch and their pairs (``None`` when no post in the
    batch has one). Use one batcher per event loop; ``close()`` drains the queue and stops it.
    """

    def __init__(
        self,
        predict: PredictFn,
        *,
        max_batch_posts: int = 64,
        max_wait_ms: float = 5.0,
        max_queued_posts: int = 1024,
        executor: Executor | None = None,
    ) -> None:
        if max_batch_posts < 1 or max_queued_posts < 1 or max_wait_ms < 0:
            raise ValueError("max_batch_posts and max_queued_posts must be >= 1, max_wait_ms >= 0")
        self._predict = predict
        self.max_batch_posts = max_batch_posts
        self.max_wait_s = max_wait_ms / 1000.0
        self.max_queued_posts = max_queued_posts
        # One thread: the model already uses every core for one batch; two concurrent batches
        # would only contend for them.
        self._own_executor = executor is None
        self._executor = executor or ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="haven-batcher")
        self._queue: deque[_Request] = deque()
        self._queued_posts = 0
        self._wakeup: asyncio.Event | None = None
        self._worker: asyncio.Task | None = None
        self._worker_loop: asyncio.AbstractEventLoop | None = None
        self._closing = False
        self.stats = BatcherStats()

    # ------------------------------------------------------------------ public API

    @property
    def queued_posts(self) -> int:
        """Posts waiting for a batch (not counting the batch being scored)."""
        return self._queued_posts

    async def submit(self, texts: Sequence[str], pairs: Sequence[str | None] | None = None,
                     languages: Sequence[str | None] | None = None) -> Prediction:
        """Score ``texts`` (with optional parent posts and languages) as part of a shared batch.

        Raises :class:`QueueFull` without queueing when the queue is full, ``ValueError`` for
        mismatched ``pairs`` or ``languages``, or whatever the predictor raised for this
        request's own input.
        """
        if self._closing:
            raise BatcherClosed("the inference batcher is shut down")
        texts = list(texts)
        pair_list = list(pairs) if pairs is not None else None
        if pair_list is not None and len(pair_list) != len(texts):
            raise ValueError(f"got {len(texts)} texts but {len(pair_list)} pairs")
        if pair_list is not None and all(p is None for p in pair_list):
            pair_list = None
        language_list = list(languages) if languages is not None else None
        if language_list is not None and len(language_list) != len(texts):
            raise ValueError(f"got {len(texts)} texts but {len(language_list)} languages")
        if not texts:
            return _empty()
        # An oversized request is still accepted into an empty queue, or it could never run.
        if self._queued_posts and self._queued_posts + len(texts) > self.max_queued_posts:
            self.stats.rejected_requests += 1
            raise QueueFull(self._queued_posts, self._retry_after())
        loop = asyncio.get_running_loop()
        self._ensure_worker(loop)
        request = _Request(texts, pair_list, loop.create_future(), loop.time(), language_list)
        request.future.add_done_callback(lambda _f, r=request: self._forget(r))
        self._queue.append(request)
        self._queued_posts += request.size
        self.stats.requests += 1
        assert self._wakeup is not None
        self._wakeup.set()
        # Cancelling this await (a caller's timeout) cancels the future: a queued request is
        # then dropped from the queue; one already being scored is scored and discarded.
        return await request.future

    async def close(self, timeout_s: float | None = 30.0) -> None:
        """Stop accepting requests, finish the queued ones, stop the worker."""
        self._closing = True
        if self._wakeup is not None:
            self._wakeup.set()
        if self._worker is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._worker), timeout_s)
            except TimeoutError:
                self._worker.cancel()
            self._worker = None
        while self._queue:
            request = self._queue.popleft()
            if not request.future.done():
                request.future.set_exception(BatcherClosed("the inference batcher shut down"))
        self._queued_posts = 0
        if self._own_executor:
            self._executor.shutdown(wait=False, cancel_futures=True)

    def close_nowait(self) -> None:
        """Synchronous shutdown (for a sync ``close()``): fail queued requests, stop the worker."""
        self._closing = True
        while self._queue:
            request = self._queue.popleft()
            request.queued = False
            if not request.future.done():
                request.future.set_exception(BatcherClosed("the inference batcher shut down"))
        self._queued_posts = 0
        if self._worker is not None and not self._worker.done():
            self._worker.cancel()
        if self._own_executor:
            self._executor.shutdown(wait=False, cancel_futures=True)

    # ------------------------------------------------------------------ worker

    def _ensure_worker(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._worker is not None and self._worker_loop is not loop:
            # A new event loop (a test client per request, an app restarted in one process): the
            # old worker can never run again, and requests queued from the old loop have no one
            # left to answer. Forget both and start over on this loop.
            self._worker = None
            stale = [r for r in self._queue if r.future.get_loop() is not loop]
            for request in stale:
                self._queue.remove(request)
                request.queued = False
                self._queued_posts -= request.size
        if self._worker is not None and not self._worker.done():
            return
        if self._worker is not None and self._worker.done() and not self._worker.cancelled():
            error = self._worker.exception()
            if error is not None:  # a bug in the loop itself: log it and start a fresh worker
                log.error("batcher worker died", extra={"error_type": type(error).__name__})
        self._wakeup = asyncio.Event()
        self._worker_loop = loop
        self._worker = loop.create_task(self._run(), name="haven-microbatcher")

    async def _run(self) -> None:
        assert self._wakeup is not None
        loop = asyncio.get_running_loop()
        while True:
            if not self._queue:
                if self._closing:
                    return
                self._wakeup.clear()
                await self._wakeup.wait()
                continue
            deadline = self._queue[0].queued_at + self.max_wait_s
            while self._queued_posts < self.max_batch_posts and not self._closing:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                self._wakeup.clear()
                try:
                    await asyncio.wait_for(self._wakeup.wait(), remaining)
                except TimeoutError:
                    break
            batch = self._take()
            if not batch:
                continue
            try:
                await self._execute(batch)
            except asyncio.CancelledError:
                for request in batch:
                    _resolve(request, error=BatcherClosed("the inference batcher shut down"))
                raise
            except Exception as exc:  # noqa: BLE001 - never leave a caller waiting forever
                log.error("batcher failed a batch", extra={"error_type": type(exc).__name__})
                for request in batch:
                    _resolve(request, error=exc)

    def _take(self) -> list[_Request]:
        """Requests for one batch, oldest first; at least one, even if it alone is too big."""
        batch: list[_Request] = []
        posts = 0
        while self._queue:
            request = self._queue[0]
            if batch and posts + request.size > self.max_batch_posts:
                break
            self._queue.popleft()
            request.queued = False
            self._queued_posts -= request.size
            if request.future.done():  # cancelled while queued
                continue
            batch.append(request)
            posts += request.size
        return batch

    def _forget(self, request: _Request) -> None:
        """Done-callback: a request cancelled while still queued frees its queue space now."""
        if request.queued and request.future.cancelled():
            request.queued = False
            try:
                self._queue.remove(request)
            except ValueError:
                return
            self._queued_posts -= request.size

    async def _execute(self, batch: list[_Request]) -> None:
        loop = asyncio.get_running_loop()
        texts = [t for r in batch for t in r.texts]
        pairs: list[str | None] | None = None
        if any(r.pairs is not None for r in batch):
            pairs = [p for r in batch for p in (r.pairs or [None] * r.size)]
        languages: list[str | None] | None = None
        if any(r.languages is not None for r in batch):
            languages = [x for r in batch for x in (r.languages or [None] * r.size)]
        started = time.perf_counter()
        try:
            prediction = await loop.run_in_executor(
                self._executor, self._call, texts, pairs, languages)
        except Exception as exc:  # noqa: BLE001 - the model is third-party code
            self.stats.failed_batches += 1
            if len(batch) == 1:
                _resolve(batch[0], error=exc)
                return
            log.warning("batch failed; retrying its requests one by one",
                        extra={"requests": len(batch), "error_type": type(exc).__name__})
            await self._execute_individually(batch)
            return
        self._record(len(texts), time.perf_counter() - started)
        offset = 0
        for request in batch:
            end = offset + request.size
            _resolve(request, result=Prediction(prediction.scores[offset:end].copy(),
                                                prediction.targets[offset:end].copy()))
            offset = end

    async def _execute_individually(self, batch: list[_Request]) -> None:
        loop = asyncio.get_running_loop()
        for request in batch:
            if request.future.done():
                continue
            try:
                result = await loop.run_in_executor(
                    self._executor, self._call, request.texts, request.pairs, request.languages)
            except Exception as exc:  # noqa: BLE001
                self.stats.isolated_failures += 1
                _resolve(request, error=exc)
            else:
                _resolve(request, result=result)

    def _call(self, texts: list[str], pairs: list[str | None] | None,
              languages: list[str | None] | None = None) -> Prediction:
        if languages is None:
            prediction = self._predict(texts, pairs)
        else:
            prediction = self._predict(texts, pairs, languages=languages)
        rows = np.shape(prediction.scores)[0] if np.ndim(prediction.scores) else -1
        target_rows = np.shape(prediction.targets)[0] if np.ndim(prediction.targets) else -1
        if rows != len(texts) or target_rows != len(texts):
            raise BatchShapeError(f"predictor returned {rows} rows for {len(texts)} posts")
        return prediction

    def _record(self, posts: int, seconds: float) -> None:
        self.stats.batches += 1
        self.stats.posts += posts
        self.stats.batch_sizes.append(posts)
        rate = posts / max(seconds, 1e-6)
        previous = self.stats.posts_per_s
        self.stats.posts_per_s = rate if previous is None else 0.8 * previous + 0.2 * rate

    def _retry_after(self) -> int:
        rate = self.stats.posts_per_s
        if not rate:
            return 1
        return max(1, math.ceil(self._queued_posts / rate))


def _resolve(request: _Request, *, result: Prediction | None = None,
             error: BaseException | None = None) -> None:
    if request.future.done():  # the caller gave up (timeout) while we were scoring
        return
    if error is not None:
        request.future.set_exception(error)
    else:
        request.future.set_result(result)


def _empty() -> Prediction:
    return Prediction(np.zeros((0, len(LABELS)), np.float32), np.zeros((0, len(TARGETS)), np.float32))


# --------------------------------------------------------------------------- service seam


class ServiceOverloaded(HavenError):
    """The inference queue is full: answered ``503`` with ``Retry-After`` (never a silent drop).

    Unlike ``ModelUnavailable`` this is not turned into a fail-safe ``review``: the platform
    still has the post and should send it again later, which keeps the review queue for posts
    the model could not judge rather than for posts that arrived during a burst.
    """

    status = 503
    code = "overloaded"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message, details={"retry_after": retry_after})
        self.retry_after = retry_after


class BatchingInferenceEngine(InferenceEngine):
    """``InferenceEngine`` whose ``predict`` goes through a :class:`MicroBatcher`.

    Same contract as the base class: ``ModelUnavailable`` when the model is not loaded, fails,
    times out (``timeout_s`` now includes the time queued) or returns malformed scores; plus
    :class:`ServiceOverloaded` when the queue is full. Shares the base class's single inference
    thread, so tokenisation and the forward pass stay off the event loop.
    """

    def __init__(
        self,
        predictor: Predictor | None = None,
        *,
        timeout_s: float = 10.0,
        batch_size: int = 32,
        max_batch_posts: int = 64,
        max_wait_ms: float = 5.0,
        max_queued_posts: int = 1024,
    ) -> None:
        super().__init__(predictor, timeout_s=timeout_s, batch_size=batch_size)
        self.batcher = MicroBatcher(
            self._predict_batch, max_batch_posts=max_batch_posts, max_wait_ms=max_wait_ms,
            max_queued_posts=max_queued_posts, executor=self._executor,
        )

    def _predict_batch(self, texts: list[str], pairs: list[str | None] | None,
                       languages: list[str | None] | None = None) -> Prediction:
        predictor = self._predictor
        if predictor is None:
            raise ModelUnavailable(self.load_error or "the model is still loading")
        return self._score(predictor, texts, pairs, languages)

    async def predict(self, texts: list[str], pairs: Sequence[str | None],
                      languages: Sequence[str | None] | None = None) -> Prediction:
        """``languages`` (detected per post, with the platform's declared fallback) travel with
        the request through the batcher to a predictor that routes by language."""
        if self._predictor is None:
            raise ModelUnavailable(self.load_error or "the model is still loading")
        started = time.perf_counter()
        try:
            prediction = await asyncio.wait_for(self.batcher.submit(texts, pairs, languages),
                                                timeout=self.timeout_s)
        except QueueFull as exc:
            raise ServiceOverloaded(
                "the moderation model is at capacity; retry after the indicated delay",
                retry_after=exc.retry_after,
            ) from exc
        except TimeoutError as exc:
            raise ModelUnavailable(f"inference timed out after {self.timeout_s}s") from exc
        except ModelUnavailable:
            raise
        except Exception as exc:  # the model is third-party code: any failure means fail safe
            log.error("inference failed", extra={"error_type": type(exc).__name__})
            raise ModelUnavailable(f"inference failed: {type(exc).__name__}") from exc
        self.last_latency_s = time.perf_counter() - started
        check_prediction(prediction, len(texts))
        return prediction

    def close(self) -> None:
        self.batcher.close_nowait()
        super().close()
