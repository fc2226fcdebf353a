"""The application factory: ``create_app(settings, predictor=None)``.

Start-up order: policies and the referral directory are validated in ``create_app`` (a broken
file stops the process before it serves anything); the lifespan then migrates the database (on
SQLite by default), loads the model in a thread (``/healthz`` answers meanwhile and ``/readyz``
says not ready), and starts the webhook worker.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib
import logging
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Any

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from models.predictor import Predictor
from service.api import audit, feedback, health, keys, moderate, policies, reviews, webhooks
from service.batching import BatchingInferenceEngine
from service.deps import AppServices
from service.errors import HavenError, StorageUnavailable
from service.inference import InferenceEngine
from service.limits import RequestLimitsMiddleware
from service.metrics import Metrics
from service.moderation import ModerationService
from service.policy import PolicyStore
from service.ratelimit import RateLimiter
from service.referral import ReferralService
from service.settings import Settings
from service.store import db
from service.store.models import utcnow
from service.store.writer import ResultWriter
from service.ui.routes import mount_ui
from service.webhooks import WebhookWorker

log = logging.getLogger("service")

DESCRIPTION = """\
Haven scores posts for **hate, harassment, offensive language**, and the author's **self-harm
risk** and **distress**, then routes each post: `allow`, `review` (hold for a moderator), `block`,
or `refer` (hold, queue first, and offer the author crisis resources).

Authenticate with `Authorization: Bearer <key>` (create keys with `haven keys create`).
Every error body is `{"error": {"code", "message", "details"?}}`.
"""


def create_app(
    settings: Settings | None = None,
    predictor: Predictor | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
) -> FastAPI:
    """Build the app. ``predictor`` injects a model (tests pass a fake); ``clock`` a time source."""
    settings = settings or Settings()
    clock = clock or utcnow
    engine_db = db.make_engine(settings.database_url, pool_size=settings.db_pool_size)
    sessions = db.make_sessionmaker(engine_db)
    metrics = Metrics()
    engine = BatchingInferenceEngine(
        predictor, timeout_s=settings.inference_timeout_s,
        batch_size=settings.inference_batch_size,
        max_batch_posts=settings.inference_max_batch_posts,
        max_wait_ms=settings.inference_max_wait_ms,
        max_queued_posts=settings.inference_max_queued_posts)
    policy_store = PolicyStore(settings.policy_dir,
                               reload_interval_s=settings.policy_reload_interval_s)
    referral = ReferralService.from_file(settings.resources_file,
                                         max_resources=settings.referral_max_resources)
    services = AppServices(
        settings=settings, sessions=sessions, engine=engine, policies=policy_store,
        referral=referral, metrics=metrics,
        limiter=RateLimiter(burst=settings.rate_limit_burst),
        moderation=ModerationService(engine=engine, policies=policy_store, referral=referral,
                                     sessions=sessions, metrics=metrics, clock=clock,
                                     writer=ResultWriter(engine_db)),
        clock=clock,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.should_migrate_on_start:
            await to_thread.run_sync(db.upgrade, engine_db)
        if not engine.ready:
            threading.Thread(target=_load_model, args=(settings, engine), daemon=True,
                             name="haven-model-loader").start()
        stop = asyncio.Event()
        worker_task = None
        if settings.webhooks_enabled:
            worker = WebhookWorker(
                sessions, timeout_s=settings.webhook_timeout_s,
                max_attempts=settings.webhook_max_attempts,
                backoff_base_s=settings.webhook_backoff_base_s,
                backoff_max_s=settings.webhook_backoff_max_s,
                poll_interval_s=settings.webhook_poll_interval_s, clock=clock,
                on_result=lambda outcome: metrics.webhooks.labels(outcome).inc(),
            )
            worker_task = asyncio.create_task(worker.run(stop), name="haven-webhooks")
        try:
            yield
        finally:
            stop.set()
            if worker_task is not None:
                with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                    await asyncio.wait_for(worker_task, timeout=settings.webhook_timeout_s + 1)
            engine.close()
            engine_db.dispose()

    app = FastAPI(
        title="Haven moderation API",
        version="1",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/docs" if settings.docs_enabled else None,
        redoc_url="/redoc" if settings.docs_enabled else None,
        openapi_url="/openapi.json" if settings.docs_enabled else None,
    )
    app.state.services = services
    for module in (moderate, reviews, feedback, keys, policies, webhooks, audit, health):
        app.include_router(module.router)
    mount_ui(app)  # moderator web UI at /ui
    _install_error_handlers(app)
    app.add_middleware(RequestLogMiddleware, metrics=metrics)
    # Outermost: bodies are bounded and checked before anything else reads them.
    app.add_middleware(RequestLimitsMiddleware, max_bytes=settings.max_request_bytes)
    return app


def create_app_from_env() -> FastAPI:
    """Uvicorn factory (``service.app:create_app_from_env``): settings from the environment."""
    from service.logging import configure_logging

    settings = Settings()
    configure_logging(settings.log_level, settings.log_format)
    return create_app(settings)


def _load_model(settings: Settings, engine: InferenceEngine) -> None:
    """Runs in a thread so the event loop serves /healthz (and fail-safe reviews) meanwhile."""
    started = time.perf_counter()
    try:
        if settings.predictor:
            module_name, _, factory_name = settings.predictor.partition(":")
            factory = getattr(importlib.import_module(module_name), factory_name)
            predictor = factory()
        else:
            from models import load_model

            predictor = load_model(settings.model_dir, device=settings.model_device,
                                   backend=settings.model_backend,
                                   num_threads=settings.model_num_threads)
            if settings.multilingual_enabled:
                from models.routing import with_language_models

                predictor = with_language_models(predictor, settings.multilingual_model_dir)
    except Exception as exc:  # a missing or broken model must not crash the server
        engine.set_load_error(f"model failed to load: {type(exc).__name__}: {exc}")
        log.exception("model failed to load", extra={"error_type": type(exc).__name__})
        return
    engine.set_predictor(predictor)
    # Everything loaded so far (the model, torch or onnxruntime, the app) lives as long as the
    # process. Frozen, the cyclic garbage collector stops re-traversing those objects in every
    # full collection; it still collects everything requests allocate. Measured in
    # bench.request_cost (docs/performance.md).
    gc.freeze()
    log.info("model loaded", extra={"model": engine.model_info,
                                    "duration_ms": round((time.perf_counter() - started) * 1000)})


# --------------------------------------------------------------------------- errors


def _error(status: int, code: str, message: str, details: Any = None,
           headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status, headers=headers)


_HTTP_CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 406: "not_acceptable", 413: "payload_too_large",
               415: "unsupported_media_type"}


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HavenError)
    async def haven_error(_request: Request, exc: HavenError) -> JSONResponse:
        retry_after = getattr(exc, "retry_after", None)  # rate limit, overload, storage down
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
        if exc.status == 401:
            headers = {"WWW-Authenticate": "Bearer"}
        return _error(exc.status, exc.code, exc.message, exc.details, headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"field": ".".join(str(p) for p in err.get("loc", ())),
             "message": str(err.get("msg", "")).removeprefix("Value error, "),
             "type": err.get("type")}
            for err in exc.errors()
        ]
        summary = "; ".join(f"{p['field']}: {p['message']}" for p in problems[:5])
        return _error(422, "invalid_request", f"invalid request: {summary}", problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        return _error(exc.status_code, code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(DataError)
    async def data_error(_request: Request, exc: DataError) -> JSONResponse:
        # The database refused a value the request carried (e.g. a NUL character on
        # PostgreSQL): the client's input, not a server fault. The driver message is not echoed
        # because it can quote the value.
        return _error(422, "invalid_request", "a value in the request cannot be stored or "
                      "compared (for example a NUL character)")

    async def storage_error(request: Request, exc: Exception) -> JSONResponse:
        if not db.is_unavailable(exc):
            return await unexpected(request, exc)
        # Refused, dropped or timed out: nothing was stored; the client retries later.
        log.warning("database unavailable", extra={
            "error_type": type(exc).__name__,
            "request_id": getattr(request.state, "request_id", None)})
        return await haven_error(request, StorageUnavailable(
            "the database is unreachable: nothing was stored; retry later"))

    app.add_exception_handler(DBAPIError, storage_error)
    app.add_exception_handler(PoolTimeout, storage_error)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error", exc_info=exc,
                  extra={"request_id": getattr(request.state, "request_id", None)})
        return _error(500, "internal_error", "internal error; see the server log",
                      {"request_id": getattr(request.state, "request_id", None)})


# --------------------------------------------------------------------------- middleware


class RequestLogMiddleware:
    """One JSON log line and metrics per request: route template, status, timing; no bodies,
    no query strings (they could carry text). A handler adds fields through
    ``request.state.log_fields`` (only ``SAFE_FIELDS`` are printed)."""

    def __init__(self, app: ASGIApp, *, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        incoming = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if 0 < len(incoming) <= 100 and incoming.isprintable() \
            else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        status = 500
        started = time.perf_counter()

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"],
                                      (b"x-request-id", request_id.encode("latin-1"))]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            elapsed = time.perf_counter() - started
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            method = scope.get("method", "")
            self.metrics.requests.labels(method, template, str(status)).inc()
            self.metrics.latency.labels(method, template).observe(elapsed)
            state = scope.get("state") or {}
            log.info("request", extra={
                **(state.get("log_fields") or {}),  # e.g. /v1/moderate's decisions
                "request_id": request_id, "method": method, "route": template,
                "status": status, "duration_ms": round(elapsed * 1000, 2),
                "key_id": state.get("key_id"),
            })
