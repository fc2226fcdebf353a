"""The platform's webhook receiver is down for a while, then flaky, then fine.

Every decision taken meanwhile is delivered once it is back (at least once), each under one
delivery id across all its retries, so the receiver can drop the duplicates. The single-decision
case (receiver down across a restart) is in tests/service/test_webhooks.py.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from haven_testkit import Haven, free_port, wait_until

from service.webhooks import verify_signature

FAST = {"webhooks_enabled": True, "webhook_backoff_base_s": 0.05, "webhook_backoff_max_s": 0.3,
        "webhook_poll_interval_s": 0.05, "webhook_timeout_s": 2}


class FlakyReceiver:
    """Reads each request; drops the connection without answering for the first ``drop`` ones
    (received but never acknowledged, as when the receiver crashes mid-request), then 200."""

    def __init__(self, port: int, drop: int) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.drop = drop
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.lock:
                    receiver.received.append((dict(self.headers), body))
                    drop = receiver.drop > 0
                    receiver.drop -= drop
                if drop:
                    self.close_connection = True
                    return
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_every_decision_is_delivered_after_the_receiver_returns(
        make_haven: Callable[..., Haven]) -> None:
    port = free_port()  # nothing listens yet: every attempt is refused
    h = make_haven(**FAST)
    admin = h.key("admin", "admin")
    mod = h.key("mod", "moderator", ["*"])
    created = h.client.post("/v1/keys", headers=h.headers(admin), json={
        "name": "acme", "role": "client", "webhook_url": f"http://127.0.0.1:{port}/hook"}).json()
    client, secret = created["key"], created["webhook_secret"]

    posts = [{"id": f"p{i}", "text": f"hate=0.6 private words {i}"} for i in range(4)]
    results = h.moderate(client, *posts).json()["results"]
    actions = {}
    for i, result in enumerate(results):
        review_id = result["review_id"]
        assert h.client.post(f"/v1/reviews/{review_id}/claim",
                             headers=h.headers(mod)).status_code == 200
        actions[review_id] = "approve" if i % 2 else "reject"
        decided = h.client.post(f"/v1/reviews/{review_id}/decision", headers=h.headers(mod),
                                json={"action": actions[review_id]})
        assert decided.status_code == 200, decided.text

    def deliveries() -> list[dict]:
        return h.client.get("/v1/webhooks/deliveries", headers=h.headers(admin)).json()

    wait_until(lambda: len(deliveries()) == 4 and all(d["attempts"] >= 2 for d in deliveries()),
               timeout=30, what="failed attempts while the receiver is down")
    assert all(d["status"] == "pending" and d["last_error"] for d in deliveries())

    receiver = FlakyReceiver(port, drop=2)
    try:
        wait_until(lambda: all(d["status"] == "delivered" for d in deliveries()), timeout=30,
                   what="every delivery delivered")
        time.sleep(0.3)  # nothing more is sent once delivered
        received = list(receiver.received)
    finally:
        receiver.close()

    by_id = Counter(headers["X-Haven-Delivery"] for headers, _ in received)
    assert set(by_id) == {d["id"] for d in deliveries()}  # each decision, under one id
    assert sum(by_id.values()) == 4 + 2  # the two unacknowledged ones came again
    for headers, body in received:
        assert verify_signature(secret, headers["X-Haven-Signature"], body)
        payload = json.loads(body)
        assert payload["delivery_id"] == headers["X-Haven-Delivery"]
        assert payload["action"] == actions[payload["review_id"]]
        assert b"private words" not in body
    assert {json.loads(body)["review_id"] for _, body in received} == set(actions)
