"""Roles, community scopes, key management and rate limits."""

from __future__ import annotations

from service.security import hash_secret, parse_token
from service.store.models import ApiKey


def queue(h, token, pid, community):
    r = h.moderate(token, {"id": pid, "text": "hate=0.6", "community_id": community})
    return r.json()["results"][0]["review_id"]


def test_missing_and_invalid_keys_are_401(harness):
    token = harness.key("platform")
    assert harness.client.post("/v1/moderate", json={"posts": []}).status_code == 401
    bad = token[:-3] + "xyz"
    r = harness.client.post("/v1/moderate", json={"posts": [{"id": "1", "text": "a"}]},
                            headers=harness.headers(bad))
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthenticated"
    assert r.headers["www-authenticate"] == "Bearer"
    r = harness.client.get("/v1/me", headers={"X-API-Key": token})
    assert r.status_code == 200 and r.json()["role"] == "client"


def test_keys_are_stored_hashed(harness):
    token = harness.key("platform")
    key_id, secret = parse_token(token)
    with harness.services.sessions() as session:
        row = session.get(ApiKey, key_id)
        assert row.secret_hash == hash_secret(secret) and secret not in row.secret_hash


def test_client_cannot_read_queue_or_admin_endpoints(harness):
    client = harness.key("platform")
    review_id = queue(harness, client, "p", "c1")
    for method, path in [("get", "/v1/reviews"), ("post", "/v1/reviews/claim"),
                         ("get", f"/v1/reviews/{review_id}"), ("get", "/v1/feedback/export"),
                         ("get", "/v1/keys"), ("post", "/v1/policies/reload"),
                         ("get", "/v1/audit")]:
        r = getattr(harness.client, method)(path, headers=harness.headers(client))
        assert r.status_code == 403, (path, r.text)
        assert r.json()["error"]["code"] == "forbidden"


def test_moderator_cannot_moderate_posts(harness):
    mod = harness.key("mod", "moderator", ["c1"])
    assert harness.moderate(mod, {"id": "1", "text": "a"}).status_code == 403


def test_moderator_sees_only_own_communities(harness):
    client = harness.key("platform")
    mod1 = harness.key("mod1", "moderator", ["c1"])
    r1, r2 = queue(harness, client, "p1", "c1"), queue(harness, client, "p2", "c2")
    listed = harness.client.get("/v1/reviews", headers=harness.headers(mod1)).json()
    assert [i["review_id"] for i in listed["items"]] == [r1]
    listed = harness.client.get("/v1/reviews", params={"community_id": "c2"},
                                headers=harness.headers(mod1)).json()
    assert listed["items"] == []
    for method, path in [("get", f"/v1/reviews/{r2}"), ("post", f"/v1/reviews/{r2}/claim"),
                         ("get", f"/v1/reviews/{r2}/history"),
                         ("post", f"/v1/reviews/{r2}/release")]:
        r = getattr(harness.client, method)(path, headers=harness.headers(mod1))
        assert r.status_code == 404, path  # not 403: existence is not revealed
    claimed = harness.client.post("/v1/reviews/claim", headers=harness.headers(mod1)).json()
    assert claimed["item"]["review_id"] == r1
    assert harness.client.post("/v1/reviews/claim",
                               headers=harness.headers(mod1)).json()["item"] is None
    admin = harness.key("admin", "admin")
    assert harness.client.get("/v1/reviews", headers=harness.headers(admin)).json()["total"] == 2


def test_admin_manages_keys_over_http(harness):
    admin = harness.key("admin", "admin")
    r = harness.client.post("/v1/keys", headers=harness.headers(admin), json={
        "name": "acme", "role": "client", "webhook_url": "https://hooks.example/haven"})
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["key"].startswith("hvn_") and created["webhook_secret"].startswith("whsec_")
    assert harness.client.get("/v1/me", headers=harness.headers(created["key"])).status_code == 200
    ids = [k["id"] for k in harness.client.get("/v1/keys", headers=harness.headers(admin)).json()]
    assert created["id"] in ids
    r = harness.client.delete(f"/v1/keys/{created['id']}", headers=harness.headers(admin))
    assert r.json()["revoked_at"] is not None
    assert harness.client.get("/v1/me", headers=harness.headers(created["key"])).status_code == 401
    r = harness.client.post("/v1/keys", headers=harness.headers(admin),
                            json={"name": "m", "role": "moderator"})
    assert r.status_code == 422 and r.json()["error"]["details"] == {"field": "communities"}


def test_admin_can_rotate_webhook(harness):
    admin, client = harness.key("admin", "admin"), harness.key("platform")
    key_id = parse_token(client)[0]
    r = harness.client.put(f"/v1/keys/{key_id}/webhook", headers=harness.headers(admin),
                           json={"webhook_url": "http://127.0.0.1:9/hook"})
    assert r.status_code == 200 and r.json()["webhook_secret"].startswith("whsec_")
    r = harness.client.put(f"/v1/keys/{key_id}/webhook", headers=harness.headers(admin),
                           json={"webhook_url": "http://127.0.0.1:9/hook"})
    assert r.json()["webhook_secret"] is None  # kept, not rotated


def test_rate_limit_returns_429_with_retry_after(make_harness):
    # One token per 10 s: on a loaded machine (a full test run beside a training run) a second
    # could pass between these requests and refill a 60-per-minute bucket.
    h = make_harness(rate_limit_per_minute=6, rate_limit_burst=3)
    token = h.key("platform")
    statuses = [h.client.get("/v1/me", headers=h.headers(token)).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    r = h.client.get("/v1/me", headers=h.headers(token))
    assert r.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(r.headers["retry-after"]) <= 10
    other = h.key("other")
    assert h.client.get("/v1/me", headers=h.headers(other)).status_code == 200


def test_per_key_rate_limit_override(make_harness):
    h = make_harness(rate_limit_per_minute=1000, rate_limit_burst=1000)
    slow = h.key("slow", rate_limit_per_minute=2)
    statuses = [h.client.get("/v1/me", headers=h.headers(slow)).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
