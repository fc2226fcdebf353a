"""Haven's real application for the HTTP benchmark, with micro-batching and a chosen backend.

``create_app`` builds the service exactly as ``haven serve`` does (``service.app``: auth, rate
limits, policies, SQLite persistence, logging, metrics), from ``HAVEN_*`` settings. The model is
loaded through the service's ``HAVEN_PREDICTOR`` hook by :func:`load_predictor`, with the backend
named by ``HAVEN_BENCH_BACKEND`` (default ``onnx-int8``; ``none`` for a constant predictor that
measures the service without a model).

Until ``service/settings.py`` has the batching settings (``inference_max_batch_posts`` ...) and
``service/app.py`` builds a ``BatchingInferenceEngine`` from them, this launcher substitutes it,
configured by ``HAVEN_BENCH_MAX_BATCH_POSTS`` / ``_MAX_WAIT_MS`` / ``_MAX_QUEUED_POSTS``; once the
service is wired, the substitution is skipped and the service's own settings apply.

    HAVEN_PREDICTOR=bench.haven_server:load_predictor HAVEN_MODEL_DIR=models/default \\
      uvicorn bench.haven_server:create_app --factory --port 8100
"""

from __future__ import annotations

import functools
import os

import numpy as np
from fastapi import FastAPI

from models.predictor import Prediction, Predictor


class ConstantPredictor:
    """Diagnostic backend ``none``: answers instantly, so a run measures the service alone.

    With it, the HTTP benchmark shows what auth, validation, policy, SQLite persistence and
    logging cost per request, i.e. the ceiling the service puts on any model.
    """

    name, version = "constant", "0"

    def __init__(self) -> None:
        from models.taxonomy import LABELS

        self.thresholds = {label: 0.5 for label in LABELS}

    def predict_proba(self, texts, text_pairs=None, batch_size: int = 32) -> Prediction:
        from models.taxonomy import LABELS, TARGETS

        return Prediction(np.full((len(texts), len(LABELS)), 0.01, np.float32),
                          np.full((len(texts), len(TARGETS)), 0.01, np.float32))


def load_predictor() -> Predictor:
    from models import load_model

    if os.environ.get("HAVEN_BENCH_BACKEND") == "none":
        return ConstantPredictor()
    threads = os.environ.get("HAVEN_BENCH_THREADS")
    return load_model(
        os.environ.get("HAVEN_MODEL_DIR") or None,
        backend=os.environ.get("HAVEN_BENCH_BACKEND", "onnx-int8"),
        num_threads=int(threads) if threads else None,
    )


def service_is_wired() -> bool:
    """Whether the service builds the batching engine from its own settings."""
    from service.settings import Settings

    return "inference_max_batch_posts" in Settings.model_fields


def create_app() -> FastAPI:
    from service import app as app_module
    from service.batching import BatchingInferenceEngine

    if not service_is_wired():
        app_module.InferenceEngine = functools.partial(  # type: ignore[misc]
            BatchingInferenceEngine,
            max_batch_posts=int(os.environ.get("HAVEN_BENCH_MAX_BATCH_POSTS", "64")),
            max_wait_ms=float(os.environ.get("HAVEN_BENCH_MAX_WAIT_MS", "5")),
            max_queued_posts=int(os.environ.get("HAVEN_BENCH_MAX_QUEUED_POSTS", "1024")),
        )
    return app_module.create_app_from_env()
