"""The review queue over HTTP: ordering, filters, claims with leases, decisions, history."""

from __future__ import annotations

import pytest


def queue_posts(h, token, *posts):
    r = h.moderate(token, *[{"id": pid, "text": text, **extra} for pid, text, extra in posts])
    assert r.status_code == 200, r.text
    return {x["id"]: x for x in r.json()["results"]}


def test_list_sorts_crisis_first_then_held_then_blocked_then_age(harness):
    client, mod = harness.key("platform"), harness.key("mod", "moderator", ["*"])
    queue_posts(harness, client, ("blocked", "hate=0.95", {}), ("held-old", "hate=0.6", {}))
    harness.clock.advance(minutes=1)
    queue_posts(harness, client, ("held-new", "harassment=0.6", {}), ("crisis", "self_harm=0.9", {}))
    r = harness.client.get("/v1/reviews", headers=harness.headers(mod))
    body = r.json()
    assert [i["post_id"] for i in body["items"]] == ["crisis", "held-old", "held-new", "blocked"]
    assert body["total"] == 4
    first = body["items"][0]
    assert first["text"] == "self_harm=0.9" and first["decision"] == "refer"
    assert first["status"] == "pending" and first["priority"] == 100


def test_filters_by_community_label_decision_status(harness):
    client, mod = harness.key("platform"), harness.key("mod", "moderator", ["*"])
    queue_posts(harness, client,
                ("a", "hate=0.6", {"community_id": "c1"}),
                ("b", "harassment=0.6", {"community_id": "c2"}),
                ("c", "hate=0.95", {"community_id": "c2"}))

    def ids(**params):
        r = harness.client.get("/v1/reviews", params=params, headers=harness.headers(mod))
        assert r.status_code == 200, r.text
        return sorted(i["post_id"] for i in r.json()["items"])

    assert ids(community_id="c2") == ["b", "c"]
    assert ids(label="hate") == ["a", "c"]
    assert ids(decision="block") == ["c"]
    assert ids(status="approved") == []
    assert ids(label="hate", community_id="c2") == ["c"]
    bad = harness.client.get("/v1/reviews", params={"label": "spam"}, headers=harness.headers(mod))
    assert bad.status_code == 422 and bad.json()["error"]["details"][0]["field"] == "query.label"


def test_claim_next_leases_most_urgent_and_never_twice(harness):
    client = harness.key("platform")
    m1, m2 = harness.key("m1", "moderator", ["*"]), harness.key("m2", "moderator", ["*"])
    queue_posts(harness, client, ("held", "hate=0.6", {}), ("crisis", "self_harm=0.9", {}))
    a = harness.client.post("/v1/reviews/claim", headers=harness.headers(m1)).json()["item"]
    b = harness.client.post("/v1/reviews/claim", headers=harness.headers(m2)).json()["item"]
    c = harness.client.post("/v1/reviews/claim", headers=harness.headers(m2)).json()["item"]
    assert a["post_id"] == "crisis" and b["post_id"] == "held" and c is None
    assert a["lease_holder"].startswith("key:")
    assert a["lease_expires_at"].startswith("2026-01-01T12:05:00")


def test_claim_conflict_and_lease_expiry(harness):
    client = harness.key("platform")
    m1, m2 = harness.key("m1", "moderator", ["*"]), harness.key("m2", "moderator", ["*"])
    review_id = queue_posts(harness, client, ("p", "hate=0.6", {}))["p"]["review_id"]
    assert harness.client.post(f"/v1/reviews/{review_id}/claim",
                               headers=harness.headers(m1)).status_code == 200
    r = harness.client.post(f"/v1/reviews/{review_id}/claim", headers=harness.headers(m2))
    assert r.status_code == 409 and r.json()["error"]["code"] == "claim_conflict"
    r = harness.client.post(f"/v1/reviews/{review_id}/decision", json={"action": "approve"},
                            headers=harness.headers(m2))
    assert r.status_code == 409
    harness.clock.advance(seconds=301)
    r = harness.client.post(f"/v1/reviews/{review_id}/claim", headers=harness.headers(m2))
    assert r.status_code == 200
    r = harness.client.post(f"/v1/reviews/{review_id}/decision", json={"action": "approve"},
                            headers=harness.headers(m1))
    assert r.status_code == 409  # m1's lease expired and m2 holds it now


def test_decide_requires_claim_and_is_final(harness):
    client, mod = harness.key("platform"), harness.key("mod", "moderator", ["*"])
    review_id = queue_posts(harness, client, ("p", "hate=0.6", {}))["p"]["review_id"]
    url = f"/v1/reviews/{review_id}"
    r = harness.client.post(f"{url}/decision", json={"action": "reject"},
                            headers=harness.headers(mod))
    assert r.status_code == 409 and r.json()["error"]["code"] == "not_claimed"
    harness.client.post(f"{url}/claim", headers=harness.headers(mod))
    r = harness.client.post(f"{url}/decision", headers=harness.headers(mod), json={
        "action": "reject", "labels": ["harassment"], "targets": ["religion"],
        "reason": "targeted insult", "note": "repeat offender"})
    assert r.status_code == 200, r.text
    item = r.json()
    assert item["status"] == "rejected" and item["final_action"] == "reject"
    assert item["corrected_labels"] == ["harassment"] and item["lease_holder"] is None
    again = harness.client.post(f"{url}/claim", headers=harness.headers(mod))
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_decided"
    assert harness.client.get("/v1/reviews", headers=harness.headers(mod)).json()["total"] == 0


def test_escalate_keeps_item_open_for_another_moderator(harness):
    client = harness.key("platform")
    m1, m2 = harness.key("m1", "moderator", ["*"]), harness.key("m2", "moderator", ["*"])
    review_id = queue_posts(harness, client, ("p", "hate=0.6", {}))["p"]["review_id"]
    harness.client.post(f"/v1/reviews/{review_id}/claim", headers=harness.headers(m1))
    r = harness.client.post(f"/v1/reviews/{review_id}/decision",
                            json={"action": "escalate", "reason": "unsure"},
                            headers=harness.headers(m1))
    assert r.json()["status"] == "escalated" and r.json()["decided_at"] is None
    listed = harness.client.get("/v1/reviews", params={"status": "escalated"},
                                headers=harness.headers(m2)).json()
    assert [i["review_id"] for i in listed["items"]] == [review_id]
    claimed = harness.client.post("/v1/reviews/claim", headers=harness.headers(m2)).json()
    assert claimed["item"]["review_id"] == review_id


def test_release_returns_item_to_queue(harness):
    client = harness.key("platform")
    m1, m2 = harness.key("m1", "moderator", ["*"]), harness.key("m2", "moderator", ["*"])
    review_id = queue_posts(harness, client, ("p", "hate=0.6", {}))["p"]["review_id"]
    harness.client.post(f"/v1/reviews/{review_id}/claim", headers=harness.headers(m1))
    r = harness.client.post(f"/v1/reviews/{review_id}/release", headers=harness.headers(m2))
    assert r.status_code == 409
    r = harness.client.post(f"/v1/reviews/{review_id}/release", headers=harness.headers(m1))
    assert r.status_code == 200 and r.json()["lease_holder"] is None
    item = harness.client.post("/v1/reviews/claim", headers=harness.headers(m2)).json()["item"]
    assert item["review_id"] == review_id


def test_history_records_every_action_without_text(harness):
    client, mod = harness.key("platform"), harness.key("mod", "moderator", ["*"])
    review_id = queue_posts(harness, client, ("p", "hate=0.6 secret words", {}))["p"]["review_id"]
    url = f"/v1/reviews/{review_id}"
    harness.client.post(f"{url}/claim", headers=harness.headers(mod))
    harness.client.post(f"{url}/release", headers=harness.headers(mod))
    harness.client.post(f"{url}/claim", headers=harness.headers(mod))
    harness.client.post(f"{url}/decision", json={"action": "approve", "reason": "fine"},
                        headers=harness.headers(mod))
    history = harness.client.get(f"{url}/history", headers=harness.headers(mod)).json()
    assert [e["action"] for e in history] == ["queued", "claimed", "released", "claimed", "decided"]
    assert history[-1]["details"]["reason"] == "fine"
    assert "secret words" not in str(history)


def test_decision_validation(harness):
    client, mod = harness.key("platform"), harness.key("mod", "moderator", ["*"])
    review_id = queue_posts(harness, client, ("p", "hate=0.6", {}))["p"]["review_id"]
    harness.client.post(f"/v1/reviews/{review_id}/claim", headers=harness.headers(mod))
    for body, field in [({"action": "delete"}, "body.action"),
                        ({"action": "reject", "labels": ["spam"]}, "body.labels.0"),
                        ({"action": "reject", "targets": ["aliens"]}, "body.targets.0")]:
        r = harness.client.post(f"/v1/reviews/{review_id}/decision", json=body,
                                headers=harness.headers(mod))
        assert r.status_code == 422
        assert r.json()["error"]["details"][0]["field"] == field


def test_unknown_item_is_404(harness):
    mod = harness.key("mod", "moderator", ["*"])
    for method, path in [("get", "/v1/reviews/nope"), ("post", "/v1/reviews/nope/claim"),
                         ("get", "/v1/reviews/nope/history")]:
        r = getattr(harness.client, method)(path, headers=harness.headers(mod))
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


@pytest.mark.postgres
def test_nul_in_queue_inputs_is_4xx_on_postgres(make_harness, pg_url):
    h = make_harness(database_url=pg_url, migrate_on_start=True)
    client, mod = h.key("platform"), h.key("mod", "moderator", ["*"])
    review_id = queue_posts(h, client, ("p", "hate=0.6", {}))["p"]["review_id"]
    r = h.client.get("/v1/reviews", params={"community_id": "a\x00b"}, headers=h.headers(mod))
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
    h.client.post(f"/v1/reviews/{review_id}/claim", headers=h.headers(mod))
    r = h.client.post(f"/v1/reviews/{review_id}/decision", headers=h.headers(mod),
                      json={"action": "approve", "note": "bad\x00note"})
    assert r.status_code == 422
    r = h.client.post(f"/v1/reviews/{review_id}/decision", headers=h.headers(mod),
                      json={"action": "approve", "note": "fine"})
    assert r.status_code == 200  # the failed attempt left the item and the claim intact
