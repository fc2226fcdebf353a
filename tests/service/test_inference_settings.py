"""The service's inference settings: micro-batching from HAVEN_INFERENCE_*, back-pressure as a
JSON 503 with Retry-After (nothing stored), and the backend setting."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from pydantic import ValidationError
from service_fakes import FakePredictor

from service.batching import BatchingInferenceEngine
from service.settings import Settings


class GatedPredictor(FakePredictor):
    """Blocks every call until the test opens the gate, so requests pile up in the queue."""

    name = "gated"

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.entered = threading.Event()

    def predict_proba(self, texts, text_pairs=None, batch_size=32):
        self.entered.set()
        assert self.gate.wait(20), "test gate never opened"
        return super().predict_proba(texts, text_pairs, batch_size)


def test_app_builds_the_batching_engine_from_settings(make_harness):
    h = make_harness(inference_max_batch_posts=7, inference_max_wait_ms=3.5,
                     inference_max_queued_posts=99, inference_batch_size=16)
    engine = h.services.engine
    assert isinstance(engine, BatchingInferenceEngine)
    assert (engine.batcher.max_batch_posts, engine.batcher.max_wait_s,
            engine.batcher.max_queued_posts, engine.batch_size) == (7, 0.0035, 99, 16)


def test_concurrent_requests_are_scored_in_one_batch(make_harness):
    h = make_harness(inference_max_wait_ms=200)
    token = h.key("platform")
    h.predictor.calls.clear()
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda i: h.moderate(token, {"id": f"p{i}", "text": f"post {i}"}),
                                range(4)))
    assert [a.status_code for a in answers] == [200] * 4
    assert sum(len(texts) for texts, _ in h.predictor.calls) == 4
    assert len(h.predictor.calls) < 4  # at least two requests shared a forward pass


def test_full_queue_answers_503_with_retry_after_and_stores_nothing(make_harness):
    model = GatedPredictor()
    h = make_harness(model=model, inference_max_batch_posts=1, inference_max_queued_posts=1,
                     inference_max_wait_ms=0)
    token = h.key("platform")
    with ThreadPoolExecutor(2) as pool:
        running = pool.submit(h.moderate, token, {"id": "a", "text": "in the model"})
        assert model.entered.wait(10)
        queued = pool.submit(h.moderate, token, {"id": "b", "text": "waits in the queue"})
        deadline = time.monotonic() + 10
        while h.services.engine.batcher.queued_posts < 1:
            assert time.monotonic() < deadline, "second request never queued"
            time.sleep(0.01)
        refused = h.moderate(token, {"id": "c", "text": "one too many", "community_id": "x"})
        model.gate.set()
        assert running.result().status_code == 200 and queued.result().status_code == 200

    assert refused.status_code == 503
    assert int(refused.headers["Retry-After"]) >= 1
    assert refused.json()["error"]["code"] == "overloaded"
    # Nothing of the refused post was kept: sent again, it is scored fresh, not replayed.
    again = h.moderate(token, {"id": "c", "text": "one too many", "community_id": "x"})
    assert again.status_code == 200 and again.json()["results"][0]["replayed"] is False


def test_backend_setting_is_validated():
    assert Settings(model_backend="onnx-int8").model_backend == "onnx-int8"
    with pytest.raises(ValidationError, match="model_backend"):
        Settings(model_backend="tensorrt")
    with pytest.raises(ValidationError, match="CPU only"):
        Settings(model_backend="onnx", model_device="cuda")
    with pytest.raises(ValidationError, match="inference_max_queued_posts"):
        Settings(inference_max_queued_posts=0)
