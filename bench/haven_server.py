"""Haven's real application for the HTTP benchmark.

``create_app`` builds the service exactly as ``haven serve`` does (``service.app``: auth, rate
limits, policies, SQLite persistence, logging, metrics, micro-batching, the language router),
from ``HAVEN_*`` settings: the backend is ``HAVEN_MODEL_BACKEND``, batching is
``HAVEN_INFERENCE_MAX_BATCH_POSTS`` / ``_MAX_WAIT_MS`` / ``_MAX_QUEUED_POSTS``.

The one addition is the diagnostic backend ``none`` (``HAVEN_PREDICTOR=
bench.haven_server:constant_predictor``): a constant predictor that answers instantly, so a run
measures what the service itself costs per request, i.e. the ceiling it puts on any model.

    HAVEN_MODEL_BACKEND=onnx-int8 uvicorn bench.haven_server:create_app --factory --port 8100
"""

from __future__ import annotations

import numpy as np
from fastapi import FastAPI

from models.predictor import Prediction, Predictor


class ConstantPredictor:
    """Answers 0.01 for every label at once: the service's own cost, without a model."""

    name, version = "constant", "0"

    def __init__(self) -> None:
        from models.taxonomy import LABELS

        self.thresholds = {label: 0.5 for label in LABELS}

    def predict_proba(self, texts, text_pairs=None, batch_size: int = 32) -> Prediction:
        from models.taxonomy import LABELS, TARGETS

        return Prediction(np.full((len(texts), len(LABELS)), 0.01, np.float32),
                          np.full((len(texts), len(TARGETS)), 0.01, np.float32))


def constant_predictor() -> Predictor:
    return ConstantPredictor()


def create_app() -> FastAPI:
    from service.app import create_app_from_env

    return create_app_from_env()
