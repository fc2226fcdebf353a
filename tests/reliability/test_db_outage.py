"""The database goes away and comes back (PostgreSQL behind a TCP proxy the test cuts).

While it is gone: moderation still answers, with the fail-safe decision (nothing is published
automatically) and a clear ``503 storage_unavailable``; the queue endpoints answer ``503``; nothing
answers ``500``. Once it is back: everything accepted before the fault is there, and the posts
refused meanwhile are stored exactly once when the client sends them again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from haven_testkit import Haven, TcpProxy, free_port, pg_url, wait_until
from sqlalchemy import func, select

from service.store.models import ModerationResult, ReviewItem

pytestmark = pytest.mark.postgres

ALLOW = {"id": "a1", "text": "have a lovely day", "community_id": "c1"}
HELD = {"id": "h1", "text": "hate=0.6 held before the outage", "community_id": "c1"}
CRISIS = {"id": "r1", "text": "I want to end it all", "community_id": "c1", "country": "GB"}
DURING = [
    {"id": "a2", "text": "nice weather", "community_id": "c1"},
    {"id": "h2", "text": "hate=0.6 sent during the outage", "community_id": "c1"},
    {"id": "r2", "text": "I want to end it all tonight", "community_id": "c1", "country": "GB"},
    {"id": "b2", "text": "vermin everywhere", "community_id": "c1"},
]


@pytest.fixture
def proxied(pg_database: str, make_haven: Callable[..., Haven]) -> Iterator[tuple[Haven, TcpProxy]]:
    proxy = TcpProxy(5432).start()
    try:
        haven = make_haven(database_url=pg_url(pg_database, proxy.port), migrate_on_start=True)
        haven.key("client", "client")
        haven.key("mod", "moderator", ["c1"])
        haven.key("admin", "admin")
        yield haven, proxy
    finally:
        proxy.close()


def error_of(response: Any) -> dict[str, Any]:
    assert response.headers["content-type"].startswith("application/json"), response.text
    return response.json()["error"]


def test_outage_answers_fail_safe_then_loses_nothing(proxied: tuple[Haven, TcpProxy]) -> None:
    h, proxy = proxied
    client, mod, admin = h.keys["client"], h.keys["mod"], h.keys["admin"]

    before = h.moderate(client, ALLOW, HELD, CRISIS)
    assert before.status_code == 200, before.text
    decided = {r["id"]: r for r in before.json()["results"]}
    assert [decided[i]["decision"] for i in ("a1", "h1", "r1")] == ["allow", "review", "refer"]
    claimed = h.client.post("/v1/reviews/claim", headers=h.headers(mod), json={})
    assert claimed.status_code == 200 and claimed.json()["item"]["post_id"] == "r1"
    assert h.client.get("/v1/audit", headers=h.headers(admin)).status_code == 200

    proxy.cut()

    # Moderation: scored anyway, answered 503 with the fail-safe result of every post.
    response = h.moderate(client, *DURING)
    assert response.status_code == 503, response.text
    assert int(response.headers["retry-after"]) > 0
    error = error_of(response)
    assert error["code"] == "storage_unavailable" and "not stored" in error["message"]
    results = {r["id"]: r for r in error["details"]["results"]}
    assert [results[p["id"]]["decision"] for p in DURING] == ["review", "review", "refer", "block"]
    assert all(r["review_id"] is None for r in results.values())
    assert all("storage_unavailable" in [x["code"] for x in r["reasons"]]
               for r in results.values())
    assert results["r2"]["referral"]["resources"], "an author at risk still gets the referral"
    assert error["details"]["model"]["name"]

    # A one-post request that queues nothing is stored by the group writer: same answer.
    single = h.moderate(client, {"id": "a3", "text": "nice weather again", "community_id": "c1"})
    assert single.status_code == 503 and error_of(single)["code"] == "storage_unavailable"
    assert [r["decision"] for r in error_of(single)["details"]["results"]] == ["review"]

    # An Idempotency-Key does not change that (its record cannot be read or written either).
    keyed = h.moderate(client, DURING[0], **{"Idempotency-Key": "k-1"})
    assert keyed.status_code == 503 and error_of(keyed)["code"] == "storage_unavailable"

    # The queue and everything else that needs the database: 503, never 500.
    review_id = decided["h1"]["review_id"]
    for method, path, body in [
        ("GET", "/v1/reviews", None), ("POST", "/v1/reviews/claim", {}),
        ("GET", f"/v1/reviews/{review_id}", None),
        ("POST", f"/v1/reviews/{review_id}/claim", None),
        ("POST", f"/v1/reviews/{decided['r1']['review_id']}/decision", {"action": "approve"}),
        ("GET", f"/v1/reviews/{review_id}/history", None),
        ("GET", "/v1/feedback/export", None),
    ]:
        r = h.client.request(method, path, headers=h.headers(mod), json=body)
        assert r.status_code == 503, (method, path, r.text)
        assert error_of(r)["code"] == "storage_unavailable"
    for path in ("/v1/audit", "/v1/keys", "/v1/webhooks/deliveries"):
        r = h.client.get(path, headers=h.headers(admin))
        assert r.status_code == 503 and error_of(r)["code"] == "storage_unavailable", path

    # A key this process never verified cannot be checked: 503 as well, not 401 or 500.
    stranger = h.moderate("hvn_0123456789ab_notverifiedyet", DURING[0])
    assert stranger.status_code == 503 and "cannot be checked" in error_of(stranger)["message"]
    # A key with a wrong secret is still refused, never let in from the cache.
    wrong = h.moderate(client[:-1] + ("B" if client[-1] == "A" else "A"), DURING[0])
    assert wrong.status_code == 503 and error_of(wrong)["code"] == "storage_unavailable"

    ready = h.client.get("/readyz")
    assert ready.status_code == 503 and ready.json()["checks"]["database"]["ok"] is False
    assert h.client.get("/healthz").status_code == 200
    assert h.client.get("/metrics").status_code == 200

    proxy.restore()
    wait_until(lambda: h.client.get("/readyz").status_code == 200, timeout=30,
               what="/readyz after the database returned")

    # Nothing accepted before the fault is missing, the claim included.
    items = h.client.get("/v1/reviews?status=all", headers=h.headers(mod)).json()["items"]
    assert {i["post_id"] for i in items} == {"h1", "r1"}
    crisis = h.client.get(f"/v1/reviews/{decided['r1']['review_id']}", headers=h.headers(mod))
    assert crisis.json()["status"] == "pending" and crisis.json()["lease_holder"]
    replay = h.moderate(client, ALLOW, HELD, CRISIS)
    assert [r["replayed"] for r in replay.json()["results"]] == [True, True, True]
    assert [r["decision"] for r in replay.json()["results"]] == ["allow", "review", "refer"]

    # The client sends the refused posts again: stored and queued once, even when resent twice.
    for _ in range(2):
        again = h.moderate(client, *DURING)
        assert again.status_code == 200, again.text
    final = {r["id"]: r for r in again.json()["results"]}
    assert [final[p["id"]]["decision"] for p in DURING] == ["allow", "review", "refer", "block"]
    with h.services.sessions() as session:
        results_count = session.scalar(select(func.count()).select_from(ModerationResult))
        per_post = dict(session.execute(
            select(ReviewItem.post_id, func.count()).group_by(ReviewItem.post_id)).all())
    assert results_count == 7
    assert per_post == {"h1": 1, "r1": 1, "h2": 1, "r2": 1, "b2": 1}


def test_database_down_from_the_start_is_503_not_500(make_haven: Callable[..., Haven]) -> None:
    """A closed port: the process starts, says it is not ready, and answers 503."""
    h = make_haven(database_url=pg_url("haven", free_port()))
    ready = h.client.get("/readyz")
    assert ready.status_code == 503
    response = h.moderate("hvn_0123456789ab_secret", {"id": "p1", "text": "hello"})
    assert response.status_code == 503, response.text
    assert error_of(response)["code"] == "storage_unavailable"
    assert response.headers["retry-after"]
    page = h.client.get("/ui/login")
    assert page.status_code < 500
