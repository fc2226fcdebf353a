"""The soak test's invariant checks (bench/soak_checks.py) catch what they claim to catch.

The soak itself is not run in CI (``make soak``); these checks are, so a soak that reports
"invariants hold" is not a checker that can never fail.
"""

from __future__ import annotations

from bench.soak_checks import Hold, claims_while_held, memory_trend, overlapping_holds, percentiles


def test_overlapping_holds_need_two_moderators_at_once() -> None:
    fine = [Hold("i1", "m1", 0.0, 1.0), Hold("i1", "m2", 1.5, 2.0),  # after m1 let go
            Hold("i2", "m1", 0.0, 5.0), Hold("i2", "m1", 1.0, 6.0)]  # m1 extends its own
    assert overlapping_holds(fine) == []
    bad = [Hold("i1", "m1", 0.0, 2.0), Hold("i1", "m2", 1.0, 3.0)]
    assert overlapping_holds(bad) == ["i1: m2 claimed it while m1 held it"]


def test_audit_claims_while_held() -> None:
    audit = [(1, "i1", "key:a", "queued"), (2, "i1", "key:m1", "claimed"),
             (3, "i1", "key:m1", "released"), (4, "i1", "key:m2", "claimed"),
             (5, "i1", "key:m2", "claimed"),  # its own lease, extended
             (6, "i1", "key:m2", "escalated"), (7, "i1", "key:m1", "claimed"),
             (8, "i1", "key:m1", "decided"), (9, None, "key:admin", "key_created")]
    assert claims_while_held(audit) == []
    assert claims_while_held([*audit, (10, "i2", "key:m1", "claimed"),
                              (11, "i2", "key:m2", "claimed")]) == [
        "i2: claimed by key:m2 while key:m1 held it"]
    # Order is by id (insertion), not by the order rows arrive in.
    assert claims_while_held([(3, "i3", "key:m2", "claimed"), (2, "i3", "key:m1", "released"),
                              (1, "i3", "key:m1", "claimed")]) == []


def test_memory_trend_flags_growth_after_warmup() -> None:
    flat = [(float(t), 100.0 + (60.0 if t > 5 else 0.0)) for t in range(60)]  # warm-up jump
    assert memory_trend(flat)["stable"] is True
    leak = [(float(t), 100.0 + 3.0 * t) for t in range(60)]
    trend = memory_trend(leak)
    assert trend["stable"] is False and trend["growth_mb"] > 48
    assert memory_trend([(0.0, 1.0)])["stable"] is True


def test_percentiles_in_milliseconds() -> None:
    figures = percentiles([i / 1000 for i in range(1, 101)])
    assert figures == {"p50_ms": 51.0, "p95_ms": 96.0, "p99_ms": 100.0, "max_ms": 100.0}
    assert percentiles([]) == {}
