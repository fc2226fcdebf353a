"""API keys are shown once, when created, and never again: not in responses, not in logs, not
in the audit log; and every secret comparison is constant-time (``hmac.compare_digest``)."""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Callable
from typing import Any

import pytest
from haven_testkit import Haven

from service.deps import Principal, VerifiedKeys
from service.logging import JsonFormatter
from service.security import Role
from service.store.repositories import KeyRepository
from service.ui.sessions import tokens_match
from service.webhooks import sign, verify_signature


def wrong_secret(token: str) -> str:
    """The same key id with a secret that differs in its last character."""
    return token[:-1] + ("B" if token[-1] == "A" else "A")


def test_a_key_is_shown_once_and_never_logged(make_haven: Callable[..., Haven],
                                               caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    h = make_haven()
    admin = h.key("admin", "admin")
    created = h.client.post("/v1/keys", headers=h.headers(admin), json={
        "name": "acme", "role": "client", "webhook_url": "http://127.0.0.1:9/hook"})
    assert created.status_code == 201
    token, webhook_secret = created.json()["key"], created.json()["webhook_secret"]
    key_id, secret = token.split("_")[1], token.split("_", 2)[2]
    secrets = [secret, webhook_secret, admin.split("_", 2)[2]]

    # Everything a caller can do afterwards with or about that key.
    seen: list[str] = []
    for method, path, who, body in [
        ("GET", "/v1/me", token, None),
        ("POST", "/v1/moderate", token, {"posts": [{"id": "p1", "text": "hate=0.6"}]}),
        ("POST", "/v1/moderate", token, {"posts": [{"id": "p2", "txt": "typo"}]}),  # 422
        ("GET", "/v1/keys", admin, None),
        ("GET", "/v1/keys?include_revoked=true", admin, None),
        ("PUT", f"/v1/keys/{key_id}/webhook", admin, {"webhook_url": "http://127.0.0.1:9/h2"}),
        ("GET", "/v1/webhooks/deliveries", token, None),
        ("GET", "/v1/audit", admin, None),
        ("DELETE", f"/v1/keys/{key_id}", admin, None),
        ("GET", "/v1/me", token, None),  # revoked: 401
        ("GET", "/v1/me", wrong_secret(token), None),  # wrong secret: 401
        ("GET", "/v1/audit", admin, None),
        ("GET", "/metrics", None, None),
    ]:
        response = h.client.request(method, path, json=body, headers=h.headers(
            who, **{"X-API-Key": who or ""}))
        assert response.status_code < 500
        seen.append(response.text + json.dumps(dict(response.headers)))
    # The sign-in form of the web UI, with a moderator key typed in the wrong box.
    form = h.client.get("/ui/login")
    h.client.post("/ui/login", data={"api_key": token, "csrf_token": "x", "next": token})
    seen.append(form.text)

    # The CLI-free path to a key's secret is its creation response only.
    for text in seen:
        for value in secrets:
            assert value not in text
    formatter = JsonFormatter()
    lines = [formatter.format(record) for record in caplog.records]
    assert any('"route": "/v1/me"' in line for line in lines)
    for line in lines + [str(record.__dict__) for record in caplog.records]:
        for value in secrets:
            assert value not in line, line
    with h.services.sessions() as session:
        stored = KeyRepository(session).get(key_id)
        assert secret not in (stored.secret_hash or "")


def test_key_checks_compare_in_constant_time(make_haven: Callable[..., Haven],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Every path that checks a secret goes through ``hmac.compare_digest``, also for an unknown
    key id (so response timing does not reveal which ids exist)."""
    calls: list[tuple[Any, Any]] = []
    real = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        calls.append((a, b))
        return real(a, b)

    h = make_haven()
    token = h.key("platform", "client")
    monkeypatch.setattr(hmac, "compare_digest", spy)

    for probe, status in [(token, 200), (wrong_secret(token), 401),
                          ("hvn_ffffffffffff_" + "x" * 43, 401)]:
        calls.clear()
        assert h.client.get("/v1/me", headers=h.headers(probe)).status_code == status
        assert len(calls) == 1, probe  # one comparison, whether or not the id exists

    calls.clear()
    assert tokens_match("csrf-token", "csrf-token") and not tokens_match("csrf-token", "other")
    assert len(calls) == 2
    calls.clear()
    header = sign("whsec_x", 1_767_268_800, b"{}")
    verify_signature("whsec_x", header, b"{}", now=1_767_268_800)
    assert len(calls) == 1
    calls.clear()
    cache = VerifiedKeys()
    principal = Principal(key_id="abc", name="n", role=Role.CLIENT, communities=(), scope=None)
    cache.remember("hvn_abc_secret", principal, None)
    assert cache.recall("hvn_abc_secret") is not None and cache.recall("hvn_abc_wrong") is None
    assert len(calls) == 2


def test_offline_key_cache_forgets_revoked_and_expired_keys() -> None:
    """The outage cache (``VerifiedKeys``) keeps only a digest, expires, and drops a key the
    database refused."""
    now = [0.0]
    cache = VerifiedKeys(ttl_s=60, clock=lambda: now[0])
    principal = Principal(key_id="abc", name="n", role=Role.CLIENT, communities=(), scope=None)
    cache.remember("hvn_abc_secret", principal, 10)
    assert "secret" not in repr(cache._keys)
    assert cache.recall("hvn_abc_secret") == (principal, 10)
    now[0] = 61
    assert cache.recall("hvn_abc_secret") is None
    now[0] = 0
    cache.forget_token("hvn_abc_anything")
    assert cache.recall("hvn_abc_secret") is None
