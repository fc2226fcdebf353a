"""The soak test's invariants as pure functions over what the clients saw and what the database
holds, so they can be unit-tested without running a soak (tests/reliability/test_soak_checks.py).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: Audit actions that end a moderator's hold on an item.
HOLD_ENDS = {"released", "decided", "escalated"}


@dataclass(frozen=True)
class Hold:
    """A claim as one moderator saw it: from the claim's answer to the request that ended it.

    Both ends are inside the real lease (the claim was committed before its answer arrived;
    the release or decision is committed after its request was sent), so two holds of one item
    that overlap here overlapped in the database too: no false alarms.
    """

    item_id: str
    moderator: str
    claimed_at: float
    ended_at: float


def overlapping_holds(holds: Iterable[Hold]) -> list[str]:
    """Items two moderators held at the same time, as the clients saw it."""
    by_item: dict[str, list[Hold]] = defaultdict(list)
    for hold in holds:
        by_item[hold.item_id].append(hold)
    problems = []
    for item_id, item_holds in by_item.items():
        item_holds.sort(key=lambda h: h.claimed_at)
        for earlier, later in zip(item_holds, item_holds[1:], strict=False):
            if earlier.moderator != later.moderator and later.claimed_at < earlier.ended_at:
                problems.append(f"{item_id}: {later.moderator} claimed it while "
                                f"{earlier.moderator} held it")
    return problems


def claims_while_held(audit: Sequence[tuple[int, str | None, str, str]]) -> list[str]:
    """Items claimed by one actor while another held them, from the audit log alone.

    ``audit`` rows are ``(id, item_id, actor, action)``. Rows are ordered by id, which is taken
    when the row is inserted, inside the transaction: a claim that had to wait for a release
    (its conditional UPDATE only succeeds once the release is committed) gets a larger id than
    that release. Leases must outlive the run (the soak sets a long one), so expiry never
    explains a second holder.
    """
    holder: dict[str, str | None] = {}
    problems = []
    for _id, item_id, actor, action in sorted(audit):
        if item_id is None:
            continue
        if action == "claimed":
            current = holder.get(item_id)
            if current is not None and current != actor:
                problems.append(f"{item_id}: claimed by {actor} while {current} held it")
            holder[item_id] = actor
        elif action in HOLD_ENDS:
            holder[item_id] = None
    return problems


def percentiles(values: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99/max in milliseconds of durations in seconds."""
    if not values:
        return {}
    ordered = sorted(values)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)

    return {"p50_ms": at(0.50), "p95_ms": at(0.95), "p99_ms": at(0.99),
            "max_ms": round(ordered[-1] * 1000, 1)}


def memory_trend(samples: Sequence[tuple[float, float]], *, warmup_fraction: float = 0.25,
                 limit_mb: float = 48.0, limit_fraction: float = 0.15) -> dict[str, float | bool]:
    """RSS samples ``(seconds since start, MB)`` of one process -> warm, end, peak, growth.

    "Warm" is the median of the samples in the second quarter of the run (imports, pools and
    caches are filled by then), "end" the median of the last quarter. Memory is stable when the
    growth from warm to end stays under ``limit_mb`` or ``limit_fraction``, whichever is larger.
    """
    if len(samples) < 4:
        return {"stable": True, "samples": len(samples)}
    duration = samples[-1][0] - samples[0][0]
    t0 = samples[0][0]
    warm = [mb for t, mb in samples if warmup_fraction * duration <= t - t0 <= 0.5 * duration]
    end = [mb for t, mb in samples if t - t0 >= 0.75 * duration]
    warm_mb = statistics.median(warm or [samples[0][1]])
    end_mb = statistics.median(end or [samples[-1][1]])
    growth = end_mb - warm_mb
    return {
        "start_mb": round(samples[0][1], 1), "warm_mb": round(warm_mb, 1),
        "end_mb": round(end_mb, 1), "peak_mb": round(max(mb for _, mb in samples), 1),
        "growth_mb": round(growth, 1),
        "stable": growth <= max(limit_mb, limit_fraction * warm_mb),
        "samples": len(samples),
    }
