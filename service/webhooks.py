"""Webhook delivery from the persisted outbox: signed, retried with backoff, never lost.

A decision and its outbox row commit in one transaction; this worker (one per API process)
leases due rows, POSTs them, and records every attempt. Receivers verify

    X-Haven-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + raw body)>

and deduplicate on ``X-Haven-Delivery`` (the same id is used for every retry of one event).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import random
import time
from collections.abc import Callable
from datetime import datetime, timedelta

import httpx
from anyio import to_thread
from sqlalchemy.orm import Session, sessionmaker

from service.store.models import ApiKey, WebhookDelivery
from service.store.repositories import OutboxRepository

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Haven-Signature"
DELIVERY_HEADER = "X-Haven-Delivery"
EVENT_HEADER = "X-Haven-Event"


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify_signature(secret: str, header: str, body: bytes, *, tolerance_s: int = 300,
                     now: float | None = None) -> bool:
    """Reference check for receivers: valid MAC and a timestamp within ``tolerance_s``
    (a captured request cannot be replayed later)."""
    try:
        parts = dict(p.split("=", 1) for p in header.split(","))
        timestamp = int(parts["t"])
        received = parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs((now if now is not None else time.time()) - timestamp) > tolerance_s:
        return False
    expected = sign(secret, timestamp, body).split("v1=", 1)[1]
    return hmac.compare_digest(expected, received)


def backoff_delay(attempts: int, *, base_s: float, max_s: float,
                  rng: random.Random | None = None) -> float:
    """Delay after ``attempts`` failed tries: base * 2^(attempts-1), capped, +0-10% jitter so
    many deliveries failing together do not retry in lockstep."""
    delay = min(base_s * (2 ** max(attempts - 1, 0)), max_s)
    return delay * (1 + 0.1 * (rng or random).random())


class WebhookWorker:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        timeout_s: float,
        max_attempts: int,
        backoff_base_s: float,
        backoff_max_s: float,
        poll_interval_s: float,
        clock: Callable[[], datetime],
        on_result: Callable[[str], None] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.sessions = sessions
        self.timeout_s = timeout_s
        self.max_attempts = max_attempts
        self.backoff_base_s = backoff_base_s
        self.backoff_max_s = backoff_max_s
        self.poll_interval_s = poll_interval_s
        self.clock = clock
        self.on_result = on_result or (lambda outcome: None)
        self._transport = transport

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver until ``stop`` is set; errors are logged and retried, never fatal."""
        async with httpx.AsyncClient(timeout=self.timeout_s, follow_redirects=False,
                                     transport=self._transport) as client:
            while not stop.is_set():
                try:
                    sent = await self.deliver_due(client)
                except Exception:  # database down, etc.: keep the worker alive
                    log.exception("webhook worker iteration failed")
                    sent = 0
                if sent == 0:
                    try:
                        await asyncio.wait_for(stop.wait(), timeout=self.poll_interval_s)
                    except TimeoutError:
                        pass

    async def deliver_due(self, client: httpx.AsyncClient) -> int:
        due = await to_thread.run_sync(self._claim_due)
        for delivery_id, url, secret, event, body, attempts in due:
            await self._send(client, delivery_id, url, secret, event, body, attempts)
        return len(due)

    def _claim_due(self) -> list[tuple[str, str | None, str | None, str, str, int]]:
        with self.sessions() as session:
            # The lease outlives one attempt's timeout, so no other worker re-sends it meanwhile.
            due = OutboxRepository(session).claim_due(now=self.clock(),
                                                      lease_s=self.timeout_s * 2 + 30)
            out = []
            for d in due:
                key = session.get(ApiKey, d.api_key_id)
                usable = key is not None and key.revoked_at is None
                out.append((d.id, key.webhook_url if usable else None,
                            key.webhook_secret if usable else None, d.event, d.payload,
                            d.attempts))
            return out

    async def _send(self, client: httpx.AsyncClient, delivery_id: str, url: str | None,
                    secret: str | None, event: str, body: str, attempts: int) -> None:
        started = time.perf_counter()
        status: int | None = None
        error: str | None = None
        if not url:
            error = "no webhook URL configured for this key (or key revoked)"
        else:
            raw = body.encode("utf-8")
            headers = {
                "Content-Type": "application/json",
                DELIVERY_HEADER: delivery_id,
                EVENT_HEADER: event,
                "User-Agent": "haven-webhooks/1",
            }
            if secret:
                headers[SIGNATURE_HEADER] = sign(secret, int(time.time()), raw)
            try:
                response = await client.post(url, content=raw, headers=headers)
                status = response.status_code
                if not 200 <= status < 300:
                    error = f"receiver answered HTTP {status}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"[:500]
        duration_ms = int((time.perf_counter() - started) * 1000)
        delivered = error is None
        attempt_no = attempts + 1
        next_at: datetime | None = None
        if not delivered and url and attempt_no < self.max_attempts:
            next_at = self.clock() + timedelta(seconds=backoff_delay(
                attempt_no, base_s=self.backoff_base_s, max_s=self.backoff_max_s))
        await to_thread.run_sync(self._record, delivery_id, status, error, duration_ms,
                                 delivered, next_at)
        outcome = "delivered" if delivered else ("retry" if next_at else "failed")
        self.on_result(outcome)
        log.info("webhook attempt", extra={"delivery_id": delivery_id, "outcome": outcome,
                                           "status_code": status, "attempt": attempt_no})

    def _record(self, delivery_id: str, status: int | None, error: str | None,
                duration_ms: int, delivered: bool, next_at: datetime | None) -> WebhookDelivery:
        with self.sessions() as session:
            return OutboxRepository(session).record_attempt(
                delivery_id, status_code=status, error=error, duration_ms=duration_ms,
                delivered=delivered, next_attempt_at=next_at, now=self.clock())
