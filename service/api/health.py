"""Liveness, readiness and Prometheus metrics (no authentication; expose internally only)."""

from __future__ import annotations

import logging
from typing import Any

from anyio import to_thread
from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from service.deps import Services
from service.metrics import CONTENT_TYPE
from service.store.db import ping
from service.store.repositories import ReviewRepository

log = logging.getLogger(__name__)
router = APIRouter(tags=["operations"])


@router.get("/healthz", summary="The process is up")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Model loaded and database reachable")
async def readyz(services: Services) -> JSONResponse:
    checks: dict[str, Any] = {}
    engine = services.engine
    checks["model"] = (
        {"ok": True, **(engine.model_info or {})} if engine.ready
        else {"ok": False, "error": engine.load_error or "loading"}
    )
    try:
        await to_thread.run_sync(ping, services.sessions.kw["bind"])
        checks["database"] = {"ok": True}
    except Exception as exc:  # noqa: BLE001 - any driver error means not ready
        checks["database"] = {"ok": False, "error": type(exc).__name__}
    checks["policies"] = {"ok": services.policies.last_error is None,
                          "error": services.policies.last_error}
    ready = checks["model"]["ok"] and checks["database"]["ok"]
    return JSONResponse({"status": "ready" if ready else "not_ready", "checks": checks},
                        status_code=200 if ready else 503)


@router.get("/metrics", summary="Prometheus metrics")
async def metrics(services: Services) -> Response:
    def queue_counts() -> dict[str, int]:
        with services.sessions() as session:
            return ReviewRepository(session).counts_by_status()

    try:
        counts = await to_thread.run_sync(queue_counts)
        for status in ("pending", "escalated", "approved", "rejected"):
            services.metrics.queue_depth.labels(status).set(counts.get(status, 0))
    except Exception:  # noqa: BLE001 - metrics must render even when the database is down
        log.warning("queue depth unavailable for /metrics")
    services.metrics.model_ready.set(1 if services.engine.ready else 0)
    return Response(services.metrics.render(), media_type=CONTENT_TYPE)
