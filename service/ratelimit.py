"""Per-key token buckets (in process memory).

Each API process limits on its own, so N replicas allow up to N times the configured rate; that
keeps the hot path free of database writes, and the limit exists to stop runaway clients, not to
meter billing. ``Retry-After`` is the time until one token is back.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from service.errors import RateLimited


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    def __init__(self, *, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.burst = burst
        self.clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def check(self, key_id: str, per_minute: int) -> None:
        """Take one token or raise ``RateLimited`` with the seconds to wait."""
        rate = per_minute / 60.0
        capacity = float(min(self.burst, per_minute))
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(key_id)
            if bucket is None:
                bucket = self._buckets[key_id] = _Bucket(tokens=capacity, updated=now)
            bucket.tokens = min(capacity, bucket.tokens + (now - bucket.updated) * rate)
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return
            wait = (1.0 - bucket.tokens) / rate
        raise RateLimited(
            f"rate limit of {per_minute} requests per minute exceeded",
            retry_after=max(1, math.ceil(wait)),
        )
