"""MicroBatcher: shared batches give the same results as one-by-one scoring, in order; a bad input
fails only its own request; a full queue refuses work at once instead of growing."""

from __future__ import annotations

import asyncio
import threading
import zlib
from collections.abc import Sequence

import numpy as np
import pytest

from models.predictor import Prediction
from models.taxonomy import LABELS, TARGETS
from service.batching import BatcherClosed, BatchShapeError, MicroBatcher, QueueFull


def _row(text: str, pair: str | None, width: int) -> np.ndarray:
    seed = zlib.crc32(f"{text}\x00{pair}".encode())
    return np.random.default_rng(seed).random(width, dtype=np.float32)


class FakeModel:
    """Deterministic per post (a hash of text and pair), records every batch it is given."""

    def __init__(self, fail_on: str | None = None, gate: threading.Event | None = None):
        self.fail_on = fail_on
        self.gate = gate
        self.calls: list[tuple[list[str], list[str | None] | None]] = []
        self.started = threading.Event()

    def __call__(self, texts: list[str], pairs: list[str | None] | None) -> Prediction:
        self.started.set()
        if self.gate is not None:
            assert self.gate.wait(10), "test gate never opened"
        self.calls.append((list(texts), None if pairs is None else list(pairs)))
        if self.fail_on is not None and self.fail_on in texts:
            raise ValueError("cannot score this post")
        pair_list = pairs or [None] * len(texts)
        return Prediction(
            np.stack([_row(t, p, len(LABELS)) for t, p in zip(texts, pair_list, strict=True)]),
            np.stack([_row(p or "", t, len(TARGETS)) for t, p in zip(texts, pair_list, strict=True)]),
        )

    def alone(self, texts: Sequence[str], pairs: Sequence[str | None] | None = None) -> Prediction:
        return FakeModel()(list(texts), None if pairs is None else list(pairs))


def run(coro):
    return asyncio.run(coro)


def test_concurrent_requests_share_batches_and_get_their_own_rows_in_order():
    model = FakeModel()
    requests = [[f"post {i}-{j}" for j in range(1 + i % 4)] for i in range(12)]

    async def scenario():
        batcher = MicroBatcher(model, max_batch_posts=64, max_wait_ms=20)
        results = await asyncio.gather(*(batcher.submit(texts) for texts in requests))
        await batcher.close()
        return results, batcher.stats

    results, stats = run(scenario())
    for texts, result in zip(requests, results, strict=True):
        expected = model.alone(texts)
        np.testing.assert_array_equal(result.scores, expected.scores)
        np.testing.assert_array_equal(result.targets, expected.targets)
    assert len(model.calls) < len(requests)  # requests were actually batched together
    assert stats.requests == len(requests) and stats.posts == sum(map(len, requests))


def test_batches_respect_max_batch_posts_and_never_split_a_request():
    model = FakeModel()
    sizes = [3, 5, 2, 7, 1, 4, 6, 2]

    async def scenario():
        batcher = MicroBatcher(model, max_batch_posts=8, max_wait_ms=50)
        out = await asyncio.gather(*(batcher.submit([f"r{i}p{j}" for j in range(n)])
                                     for i, n in enumerate(sizes)))
        await batcher.close()
        return out

    results = run(scenario())
    assert [len(r) for r in results] == sizes
    assert all(len(texts) <= 8 for texts, _ in model.calls)
    # Every request's posts went into exactly one call, contiguously.
    for i, n in enumerate(sizes):
        holders = [texts for texts, _ in model.calls if f"r{i}p0" in texts]
        assert len(holders) == 1
        start = holders[0].index(f"r{i}p0")
        assert holders[0][start:start + n] == [f"r{i}p{j}" for j in range(n)]


def test_a_request_larger_than_the_batch_runs_alone():
    model = FakeModel()

    async def scenario():
        batcher = MicroBatcher(model, max_batch_posts=4, max_queued_posts=4, max_wait_ms=1)
        result = await batcher.submit([f"p{j}" for j in range(10)])
        await batcher.close()
        return result

    assert len(run(scenario())) == 10
    assert [len(texts) for texts, _ in model.calls] == [10]


def test_pairs_stay_aligned_when_requests_with_and_without_pairs_share_a_batch():
    model = FakeModel()

    async def scenario():
        batcher = MicroBatcher(model, max_batch_posts=64, max_wait_ms=20)
        out = await asyncio.gather(
            batcher.submit(["a", "b"]),
            batcher.submit(["c", "d"], ["parent c", None]),
            batcher.submit(["e"], [None]),
        )
        await batcher.close()
        return out

    first, second, third = run(scenario())
    np.testing.assert_array_equal(first.scores, model.alone(["a", "b"]).scores)
    np.testing.assert_array_equal(second.scores, model.alone(["c", "d"], ["parent c", None]).scores)
    np.testing.assert_array_equal(third.scores, model.alone(["e"]).scores)
    texts, pairs = model.calls[0]
    assert texts == ["a", "b", "c", "d", "e"]
    assert pairs == [None, None, "parent c", None, None]


def test_one_bad_input_fails_only_its_own_request():
    model = FakeModel(fail_on="poison")

    async def scenario():
        batcher = MicroBatcher(model, max_batch_posts=64, max_wait_ms=20)
        out = await asyncio.gather(
            batcher.submit(["fine one"]),
            batcher.submit(["poison", "innocent bystander"]),
            batcher.submit(["fine two", "fine three"]),
            return_exceptions=True,
        )
        await batcher.close()
        return out, batcher.stats

    (ok1, bad, ok2), stats = run(scenario())
    assert isinstance(bad, ValueError)
    np.testing.assert_array_equal(ok1.scores, model.alone(["fine one"]).scores)
    np.testing.assert_array_equal(ok2.scores, model.alone(["fine two", "fine three"]).scores)
    assert stats.failed_batches == 1 and stats.isolated_failures == 1


def test_wrong_row_count_from_the_model_is_an_error_not_a_misrouted_score():
    def short(texts, pairs):
        return Prediction(np.zeros((len(texts) - 1, len(LABELS)), np.float32),
                          np.zeros((len(texts) - 1, len(TARGETS)), np.float32))

    async def scenario():
        batcher = MicroBatcher(short, max_wait_ms=1)
        try:
            await batcher.submit(["a", "b"])
        finally:
            await batcher.close()

    with pytest.raises(BatchShapeError):
        run(scenario())


def test_full_queue_refuses_at_once_with_retry_after_and_recovers():
    gate = threading.Event()
    model = FakeModel(gate=gate)

    async def scenario():
        batcher = MicroBatcher(model, max_batch_posts=2, max_queued_posts=4, max_wait_ms=0)
        running = asyncio.ensure_future(batcher.submit(["in flight 1", "in flight 2"]))
        await asyncio.to_thread(model.started.wait, 10)  # the worker holds that batch now
        queued = [asyncio.ensure_future(batcher.submit([f"q{i}", f"q{i}b"])) for i in range(2)]
        await asyncio.sleep(0)
        assert batcher.queued_posts == 4
        with pytest.raises(QueueFull) as refused:
            await batcher.submit(["one too many"])
        gate.set()
        done = await asyncio.gather(running, *queued)
        after = await batcher.submit(["accepted again"])
        await batcher.close()
        return refused.value, done, after, batcher

    refused, done, after, batcher = run(scenario())
    assert refused.retry_after >= 1 and refused.queued_posts == 4
    assert [len(p) for p in done] == [2, 2, 2] and len(after) == 1
    assert batcher.queued_posts == 0 and batcher.stats.rejected_requests == 1


def test_a_caller_that_gives_up_frees_its_queue_space():
    gate = threading.Event()
    model = FakeModel(gate=gate)

    async def scenario():
        batcher = MicroBatcher(model, max_batch_posts=1, max_queued_posts=3, max_wait_ms=0)
        running = asyncio.ensure_future(batcher.submit(["in flight"]))
        await asyncio.to_thread(model.started.wait, 10)
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(batcher.submit(["impatient", "caller", "here"]), 0.05)
        freed = batcher.queued_posts
        gate.set()
        await running
        await batcher.close()
        return freed

    assert run(scenario()) == 0
    assert all("impatient" not in texts for texts, _ in model.calls)


def test_event_loop_keeps_running_while_a_batch_is_scored():
    gate = threading.Event()
    model = FakeModel(gate=gate)

    async def scenario():
        batcher = MicroBatcher(model, max_wait_ms=0)
        pending = asyncio.ensure_future(batcher.submit(["slow"]))
        await asyncio.to_thread(model.started.wait, 10)
        ticks = 0
        for _ in range(5):  # the loop schedules other work while the model thread is blocked
            await asyncio.sleep(0)
            ticks += 1
        assert not pending.done()
        gate.set()
        await pending
        await batcher.close()
        return ticks

    assert run(scenario()) == 5


def test_close_finishes_queued_work_then_refuses_new_requests():
    model = FakeModel()

    async def scenario():
        batcher = MicroBatcher(model, max_batch_posts=2, max_wait_ms=1000)
        queued = asyncio.ensure_future(batcher.submit(["last words"]))
        await asyncio.sleep(0)
        await batcher.close()
        with pytest.raises(BatcherClosed):
            await batcher.submit(["too late"])
        return await queued

    assert len(run(scenario())) == 1


def test_empty_request_and_mismatched_pairs():
    async def scenario():
        batcher = MicroBatcher(FakeModel(), max_wait_ms=0)
        empty = await batcher.submit([])
        with pytest.raises(ValueError, match="2 texts but 1 pairs"):
            await batcher.submit(["a", "b"], ["only one"])
        await batcher.close()
        return empty

    empty = run(scenario())
    assert empty.scores.shape == (0, len(LABELS)) and empty.targets.shape == (0, len(TARGETS))


def test_batched_scores_match_unbatched_scores_of_the_real_model(tiny_model_dir):
    from models import load_model

    model = load_model(tiny_model_dir)
    requests = [
        (["i hate you idiot shut up"], None),
        (["great day with my dog and friends", "thank you"], ["i hope you are fine", None]),
        ([" ".join(["i want to die and end my life"] * 12)], None),  # several windows
        (["sad tired alone", "happy"], None),
    ]

    def predict(texts, pairs):
        return model.predict_proba(texts, pairs, batch_size=4)

    async def scenario():
        batcher = MicroBatcher(predict, max_batch_posts=64, max_wait_ms=50)
        out = await asyncio.gather(*(batcher.submit(t, p) for t, p in requests))
        await batcher.close()
        return out, batcher.stats.batches

    results, batches = run(scenario())
    assert batches == 1
    for (texts, pairs), result in zip(requests, results, strict=True):
        alone = model.predict_proba(texts, pairs)
        # Padding to a different width changes float summation order, nothing else.
        np.testing.assert_allclose(result.scores, alone.scores, atol=1e-5)
        np.testing.assert_allclose(result.targets, alone.targets, atol=1e-5)


# --------------------------------------------------------------------------- the engine seam


class FakePredictor:
    name, version = "fake", "0"
    thresholds = {label: 0.5 for label in LABELS}

    def __init__(self, model: FakeModel):
        self.model = model

    def predict_proba(self, texts, text_pairs=None, batch_size=32):
        return self.model(list(texts), None if text_pairs is None else list(text_pairs))


def test_batching_engine_batches_concurrent_predicts_and_keeps_the_engine_contract():
    from service.batching import BatchingInferenceEngine

    model = FakeModel(fail_on="poison")

    async def scenario():
        engine = BatchingInferenceEngine(FakePredictor(model), max_batch_posts=16, max_wait_ms=20)
        ok = await asyncio.gather(*(engine.predict([f"post {i}"], [None]) for i in range(6)))
        outcome = await asyncio.gather(engine.predict(["poison"], [None]),
                                       engine.predict(["fine"], ["parent"]),
                                       return_exceptions=True)
        engine.close()
        return ok, outcome

    from service.errors import ModelUnavailable

    ok, (bad, fine) = run(scenario())
    for i, prediction in enumerate(ok):
        np.testing.assert_array_equal(prediction.scores, model.alone([f"post {i}"]).scores)
    assert len(model.calls[0][0]) == 6  # one shared batch
    assert isinstance(bad, ModelUnavailable)  # fail-safe review, as before
    np.testing.assert_array_equal(fine.scores, model.alone(["fine"], ["parent"]).scores)


def test_batching_engine_not_loaded_timeout_and_overload():
    from service.batching import BatchingInferenceEngine, ServiceOverloaded
    from service.errors import ModelUnavailable

    gate = threading.Event()
    model = FakeModel(gate=gate)

    async def scenario():
        engine = BatchingInferenceEngine(None, timeout_s=10, max_batch_posts=1,
                                         max_queued_posts=1, max_wait_ms=0)
        with pytest.raises(ModelUnavailable, match="loading"):
            await engine.predict(["x"], [None])
        engine.set_predictor(FakePredictor(model))
        running = asyncio.ensure_future(engine.predict(["in flight"], [None]))
        await asyncio.to_thread(model.started.wait, 10)
        engine.timeout_s = 0.2
        queued = asyncio.ensure_future(engine.predict(["queued"], [None]))
        while engine.batcher.queued_posts < 1:
            await asyncio.sleep(0)
        with pytest.raises(ServiceOverloaded) as overloaded:
            await engine.predict(["refused"], [None])
        with pytest.raises(ModelUnavailable, match="timed out"):
            await queued  # still queued behind the blocked batch when its time runs out
        assert engine.batcher.queued_posts == 0  # the timed-out request left the queue
        gate.set()
        await running
        engine.close()
        return overloaded.value

    overloaded = run(scenario())
    assert overloaded.status == 503 and overloaded.retry_after >= 1
    assert overloaded.body()["error"]["code"] == "overloaded"


# --------------------------------------------------------------------------- languages, loops


class RoutingModel(FakeModel):
    """A language-aware predict fn: records the languages each batch carried."""

    def __init__(self) -> None:
        super().__init__()
        self.languages: list[list[str | None] | None] = []

    def __call__(self, texts, pairs, languages=None):  # type: ignore[override]
        self.languages.append(None if languages is None else list(languages))
        return super().__call__(texts, pairs)


def test_languages_travel_with_their_posts_through_a_shared_batch():
    model = RoutingModel()

    async def scenario():
        batcher = MicroBatcher(model, max_batch_posts=64, max_wait_ms=50)
        await asyncio.gather(batcher.submit(["bonjour", "salut"], None, ["fr", "fr"]),
                             batcher.submit(["hello"]),
                             batcher.submit(["مرحبا"], None, ["ar"]))
        await batcher.close()

    run(scenario())
    assert model.languages == [["fr", "fr", None, "ar"]]  # one batch, in request order


def test_a_batch_without_languages_calls_a_two_argument_predict_fn():
    model = FakeModel()  # __call__(texts, pairs): no languages parameter at all

    async def scenario():
        batcher = MicroBatcher(model, max_wait_ms=0)
        result = await batcher.submit(["hello"])
        await batcher.close()
        return result

    np.testing.assert_array_equal(run(scenario()).scores, model.alone(["hello"]).scores)


def test_mismatched_languages_are_refused():
    async def scenario():
        batcher = MicroBatcher(FakeModel(), max_wait_ms=0)
        with pytest.raises(ValueError, match="languages"):
            await batcher.submit(["a", "b"], None, ["en"])
        await batcher.close()

    run(scenario())


def test_one_batcher_keeps_serving_when_the_event_loop_changes():
    """A test client without a lifespan runs each request in a new event loop; the worker of
    the first loop is gone, so the batcher must start a new one instead of waiting forever."""
    model = FakeModel()
    batcher = MicroBatcher(model, max_wait_ms=1)

    async def once(text: str) -> Prediction:
        return await asyncio.wait_for(batcher.submit([text]), timeout=5)

    first = run(once("first loop"))
    second = run(once("second loop"))
    np.testing.assert_array_equal(first.scores, model.alone(["first loop"]).scores)
    np.testing.assert_array_equal(second.scores, model.alone(["second loop"]).scores)
    batcher.close_nowait()


class LanguagePredictor(FakePredictor):
    accepts_languages = True

    def __init__(self, model: FakeModel):
        super().__init__(model)
        self.languages: list[list[str | None]] = []

    def predict_proba(self, texts, text_pairs=None, batch_size=32, *, languages=None):
        self.languages.append(list(languages))
        return super().predict_proba(texts, text_pairs, batch_size)


def test_batching_engine_passes_languages_to_a_language_router_only():
    from service.batching import BatchingInferenceEngine

    router = LanguagePredictor(FakeModel())
    plain = FakePredictor(FakeModel())

    async def scenario():
        for predictor in (router, plain):
            engine = BatchingInferenceEngine(predictor, max_wait_ms=20)
            await asyncio.gather(engine.predict(["bonjour"], [None], ["fr"]),
                                 engine.predict(["hi"], [None], [None]))
            engine.close()

    run(scenario())
    assert router.languages == [["fr", None]]
    assert len(plain.model.calls) == 1  # the plain predictor was called without languages
