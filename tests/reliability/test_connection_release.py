"""A burst on the sync JSON handlers that read the database never waits for the pool timeout.

FastAPI validates a sync handler's answer in its thread pool. A handler whose session still held
the one pooled SQLite connection then waited for a pool thread while every pool thread waited for
that connection: each burst stalled for SQLAlchemy's 30 s ``pool_timeout`` (and some requests got
503). ``service.deps.SessionRoute`` closes the handler's session when it returns. The timeout
mark below is far above the healthy time (well under a second for 80 requests here) and below the
stall, so a regression fails here instead of passing slowly.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable

import httpx
import pytest
from haven_testkit import Haven

BURST = 80  # twice the thread pool (40), so every pool thread can be busy at once


@pytest.mark.timeout(20)
@pytest.mark.parametrize(("path", "role"), [
    ("/v1/reviews", "moderator"),
    ("/v1/keys", "admin"),
    ("/v1/audit", "admin"),
    ("/v1/webhooks/deliveries", "client"),
])
def test_a_burst_on_a_database_handler_is_answered_without_stalling(
        make_haven: Callable[..., Haven], path: str, role: str) -> None:
    h = make_haven()
    # Several keys, so authentication itself needs the database (a verified key is cached).
    tokens = [h.key(f"{role}-{i}", role, communities=["*"] if role == "moderator" else None)
              for i in range(4)]

    async def burst() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=h.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://haven") as client:
            return await asyncio.gather(*(
                client.get(path, headers=h.headers(tokens[i % len(tokens)]))
                for i in range(BURST)))

    responses = asyncio.run(burst())
    assert Counter(r.status_code for r in responses) == {200: BURST}
