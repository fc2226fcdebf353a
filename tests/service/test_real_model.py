"""The service with real torch models (slow): the tiny model trained by tests/conftest.py, and
the shipped default model when its weights are present."""

from __future__ import annotations

import time

import pytest

from models import DEFAULT_MODEL_DIR
from models.taxonomy import LABELS

pytestmark = pytest.mark.slow


def wait_ready(h, timeout: float = 120.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = h.client.get("/readyz")
        if r.status_code == 200:
            return r.json()
        if r.json()["checks"]["model"].get("error", "loading") != "loading":
            pytest.fail(f"model failed to load: {r.json()}")
        time.sleep(0.1)
    pytest.fail("model did not load in time")


def exercise(h) -> None:
    token = h.key("platform")
    r = h.moderate(token, {"id": "a", "text": "great day with my dog and friends"},
                   {"id": "b", "text": "i want to die and end my life", "country": "US"},
                   {"id": "c", "text": "shut up idiot", "reply_to_text": "i am happy today"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["model"]["name"] and body["timing"]["inference_ms"] > 0
    for result in body["results"]:
        assert set(result["scores"]) == set(LABELS)
        assert all(0.0 <= p <= 1.0 for p in result["scores"].values())
        assert result["decision"] in {"allow", "review", "block", "refer"}
        assert "model_unavailable" not in [reason["code"] for reason in result["reasons"]]


def test_tiny_trained_model_loads_in_lifespan_and_moderates(make_harness, tiny_model_dir):
    h = make_harness(model=None, model_dir=tiny_model_dir, model_device="cpu")
    ready = wait_ready(h)
    # With the shipped per-language model routed in, the name says so: "tiny-test+haven-multilingual-…".
    assert ready["checks"]["model"]["name"].split("+")[0] == "tiny-test"
    exercise(h)


def test_default_model_smoke(make_harness):
    if not (DEFAULT_MODEL_DIR.is_dir() and any(DEFAULT_MODEL_DIR.rglob("*.safetensors"))):
        pytest.skip(f"no weights in {DEFAULT_MODEL_DIR}")
    h = make_harness(model=None)
    wait_ready(h, timeout=300)
    exercise(h)


def test_onnx_int8_backend_setting_loads_the_exported_model(make_harness, tiny_model_dir):
    from models.onnx_backend import OnnxClassifier

    h = make_harness(model=None, model_dir=tiny_model_dir, model_backend="onnx-int8",
                     model_num_threads=1, multilingual_enabled=False)
    ready = wait_ready(h, timeout=300)  # the first start exports and quantises the graph
    assert ready["checks"]["model"]["name"] == "tiny-test"
    assert isinstance(h.services.engine.predictor, OnnxClassifier)
    exercise(h)
