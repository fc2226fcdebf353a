"""Rate limits hold under concurrency: many requests at once with one key get exactly the
bucket's tokens, never more (the bucket is taken under a lock), and keys do not share buckets."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from collections.abc import Callable

import httpx
from haven_testkit import Haven

from service.errors import RateLimited
from service.ratelimit import RateLimiter


def test_concurrent_requests_get_exactly_the_burst(make_haven: Callable[..., Haven]) -> None:
    h = make_haven(rate_limit_per_minute=600, rate_limit_burst=1000)
    h.services.limiter.clock = lambda: 1_000.0  # frozen: no refill while the burst lands
    tight = h.key("tight", "client", rate_limit_per_minute=7)
    other = h.key("other", "client", rate_limit_per_minute=5)

    async def burst() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=h.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://haven") as client:
            return await asyncio.gather(*(
                client.get("/v1/me", headers=h.headers(token))
                for token in [tight] * 40 + [other] * 40))

    responses = asyncio.run(burst())
    tight_codes = Counter(r.status_code for r in responses[:40])
    other_codes = Counter(r.status_code for r in responses[40:])
    assert tight_codes == {200: 7, 429: 33}
    assert other_codes == {200: 5, 429: 35}
    limited = next(r for r in responses if r.status_code == 429)
    assert limited.json()["error"]["code"] == "rate_limited"
    assert int(limited.headers["retry-after"]) >= 1


def test_limiter_is_exact_across_threads() -> None:
    limiter = RateLimiter(burst=50, clock=lambda: 0.0)
    granted = Counter[str]()
    lock = threading.Lock()
    start = threading.Barrier(16)

    def hammer(key: str) -> None:
        start.wait()
        for _ in range(100):
            try:
                limiter.check(key, per_minute=60_000)
            except RateLimited:
                continue
            with lock:
                granted[key] += 1

    threads = [threading.Thread(target=hammer, args=(f"k{i % 2}",)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert granted == {"k0": 50, "k1": 50}
