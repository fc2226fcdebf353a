"""Webhook delivery to a real local HTTP receiver: signing, retries with backoff, persistence."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from service.webhooks import backoff_delay, sign, verify_signature

FAST = {"webhooks_enabled": True, "webhook_backoff_base_s": 0.05, "webhook_backoff_max_s": 0.2,
        "webhook_poll_interval_s": 0.05, "webhook_timeout_s": 2}


class Receiver:
    """A local webhook endpoint that answers the queued statuses, then 200."""

    def __init__(self, statuses: list[int] | None = None, port: int = 0) -> None:
        self.statuses = list(statuses or [])
        self.requests: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait_for(self, count: int, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while len(self.requests) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(self.requests) >= count, f"got {len(self.requests)} of {count} requests"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    made: list[Receiver] = []

    def make(statuses: list[int] | None = None, port: int = 0) -> Receiver:
        made.append(Receiver(statuses, port))
        return made[-1]

    yield make
    for r in made:
        r.close()


def decide(h, client_token, action="reject", post_id="p1"):
    r = h.moderate(client_token, {"id": post_id, "text": "hate=0.6 private words"})
    review_id = r.json()["results"][0]["review_id"]
    mod = h.keys.get("mod") or h.key("mod", "moderator", ["*"])
    h.client.post(f"/v1/reviews/{review_id}/claim", headers=h.headers(mod))
    r = h.client.post(f"/v1/reviews/{review_id}/decision", headers=h.headers(mod),
                      json={"action": action, "labels": ["hate"], "reason": "slur"})
    assert r.status_code == 200, r.text
    return review_id


def webhook_client(h, url):
    admin = h.keys.get("admin") or h.key("admin", "admin")
    created = h.client.post("/v1/keys", headers=h.headers(admin),
                            json={"name": "acme", "role": "client", "webhook_url": url}).json()
    return created["key"], created["webhook_secret"], admin


def wait_status(h, admin, status, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        deliveries = h.client.get("/v1/webhooks/deliveries", headers=h.headers(admin)).json()
        if deliveries and all(d["status"] == status for d in deliveries):
            return deliveries
        time.sleep(0.05)
    raise AssertionError(f"deliveries never reached {status}: {deliveries}")


def test_decision_delivered_signed_after_retries(make_harness, receiver):
    hook = receiver([500, 503])
    h = make_harness(real_clock=True, **FAST)
    client, secret, admin = webhook_client(h, hook.url)
    review_id = decide(h, client)
    hook.wait_for(3)
    (delivery,) = wait_status(h, admin, "delivered")
    assert delivery["attempts"] == 3
    ids = {headers["X-Haven-Delivery"] for headers, _ in hook.requests}
    assert ids == {delivery["id"]}  # one id across retries, for receiver-side dedupe
    headers, body = hook.requests[-1]
    assert verify_signature(secret, headers["X-Haven-Signature"], body)
    assert not verify_signature("whsec_wrong", headers["X-Haven-Signature"], body)
    payload = json.loads(body)
    assert payload["review_id"] == review_id and payload["action"] == "reject"
    assert payload["outcome"] == "remove" and payload["labels"] == ["hate"]
    assert payload["delivery_id"] == delivery["id"]
    assert b"private words" not in body
    attempts = h.client.get(f"/v1/webhooks/deliveries/{delivery['id']}/attempts",
                            headers=h.headers(admin)).json()
    assert [a["status_code"] for a in attempts] == [500, 503, 200]
    own = h.client.get("/v1/webhooks/deliveries", headers=h.headers(client)).json()
    assert [d["id"] for d in own] == [delivery["id"]]


def test_outbox_survives_receiver_down_and_restart(make_harness, receiver):
    probe = receiver()
    port = probe.port
    probe.close()  # nothing listens on the port: deliveries fail with connection errors
    h1 = make_harness(real_clock=True, webhooks_enabled=False)
    client, secret, admin = webhook_client(h1, f"http://127.0.0.1:{port}/hook")
    decide(h1, client)
    h1.client.__exit__(None, None, None)  # process "restarts"; the outbox row is in the database
    h2 = make_harness(real_clock=True, **FAST)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        attempts = h2.client.get("/v1/webhooks/deliveries", headers=h2.headers(admin)).json()
        if attempts and attempts[0]["attempts"] >= 2:
            break
        time.sleep(0.05)
    assert attempts[0]["status"] == "pending" and attempts[0]["last_error"]
    hook = receiver(port=port)  # the receiver comes back
    hook.wait_for(1)
    wait_status(h2, admin, "delivered")
    assert verify_signature(secret, hook.requests[0][0]["X-Haven-Signature"], hook.requests[0][1])


def test_gives_up_after_max_attempts_and_admin_can_retry(make_harness, receiver):
    hook = receiver([500, 500])
    h = make_harness(real_clock=True, **{**FAST, "webhook_max_attempts": 2})
    client, _, admin = webhook_client(h, hook.url)
    decide(h, client)
    (delivery,) = wait_status(h, admin, "failed")
    assert delivery["attempts"] == 2 and "500" in delivery["last_error"]
    r = h.client.post(f"/v1/webhooks/deliveries/{delivery['id']}/retry", headers=h.headers(admin))
    assert r.status_code == 200 and r.json()["status"] == "pending"
    wait_status(h, admin, "delivered")
    assert len(hook.requests) == 3


def test_keys_without_webhook_get_no_outbox_rows(make_harness):
    h = make_harness(real_clock=True)
    client, admin = h.key("platform"), h.key("admin", "admin")
    decide(h, client)
    assert h.client.get("/v1/webhooks/deliveries", headers=h.headers(admin)).json() == []


def test_signature_rejects_tampering_and_replay():
    body = b'{"a":1}'
    now = 1_700_000_000
    header = sign("s3cret", now, body)
    assert verify_signature("s3cret", header, body, now=now + 10)
    assert not verify_signature("s3cret", header, body + b" ", now=now)
    assert not verify_signature("s3cret", header, body, now=now + 301)
    assert not verify_signature("s3cret", "garbage", body, now=now)


def test_backoff_grows_exponentially_and_is_capped():
    delays = [backoff_delay(n, base_s=2, max_s=60) for n in range(1, 8)]
    assert 2 <= delays[0] <= 2.2 and 4 <= delays[1] <= 4.4 and 8 <= delays[2] <= 8.8
    assert all(60 <= d <= 66 for d in delays[5:])
