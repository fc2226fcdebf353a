"""Request size limits stop memory exhaustion: an endless or oversized body is cut off at
``HAVEN_MAX_REQUEST_BYTES`` (413) without reading the rest, on the JSON API and on the web UI.

The app is driven at the ASGI level so the test counts exactly how much of the body Haven
pulled from the connection. (The per-case 4xx answers are in tests/reliability/test_bad_input.)
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest
from haven_testkit import Haven

CAP = 256 * 1024
CHUNK = 64 * 1024


class EndlessBody:
    """An ASGI ``receive`` that streams ``CHUNK`` bytes forever (or ``total`` bytes)."""

    def __init__(self, total: int | None = None, byte: bytes = b" ") -> None:
        self.total = total
        self.byte = byte
        self.read = 0
        self.calls = 0

    async def __call__(self) -> dict[str, Any]:
        self.calls += 1
        if self.total is not None and self.read >= self.total:
            await asyncio.sleep(3600)  # the client waits for an answer
        size = CHUNK if self.total is None else min(CHUNK, self.total - self.read)
        self.read += size
        more = self.total is None or self.read < self.total
        return {"type": "http.request", "body": self.byte * size, "more_body": more}


def run(app: Any, method: str, path: str, receive: Any,
        headers: dict[str, str]) -> tuple[int, bytes]:
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "server": ("testserver", 80), "client": ("127.0.0.1", 5000),
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
    }
    asyncio.run(asyncio.wait_for(app(scope, receive, send), timeout=60))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], body


@pytest.fixture
def haven(make_haven: Callable[..., Haven]) -> Haven:
    h = make_haven(max_request_bytes=CAP)
    h.key("client", "client")
    return h


@pytest.mark.parametrize(("method", "path", "content_type"), [
    ("POST", "/v1/moderate", "application/json"),
    ("POST", "/v1/keys", "application/json"),
    ("POST", "/ui/login", "application/x-www-form-urlencoded"),
    ("POST", "/ui/bulk", "application/x-www-form-urlencoded"),
])
def test_an_endless_body_is_cut_off_at_the_cap(haven: Haven, method: str, path: str,
                                               content_type: str) -> None:
    body = EndlessBody(byte=b"[" if "json" in content_type else b"a")
    status, answer = run(haven.app, method, path, body, {
        "content-type": content_type, "authorization": f"Bearer {haven.keys['client']}",
        "transfer-encoding": "chunked"})
    assert status == 413
    assert body.read <= CAP + CHUNK, f"read {body.read} bytes of an endless body"
    assert json.loads(answer)["error"]["code"] == "payload_too_large"


def test_a_content_length_over_the_cap_is_refused_unread(haven: Haven) -> None:
    body = EndlessBody()
    status, answer = run(haven.app, "POST", "/v1/moderate", body, {
        "content-type": "application/json", "content-length": str(CAP + 1)})
    assert status == 413 and body.calls == 0
    assert str(CAP) in json.loads(answer)["error"]["message"]


def test_a_lying_content_length_does_not_lift_the_cap(haven: Haven) -> None:
    body = EndlessBody(total=CAP * 4, byte=b"a")
    status, _ = run(haven.app, "POST", "/v1/moderate", body, {
        "content-type": "application/json", "content-length": "100",
        "authorization": f"Bearer {haven.keys['client']}"})
    assert status == 413 and body.read <= CAP + CHUNK


def test_garbage_content_length_is_400(haven: Haven) -> None:
    status, answer = run(haven.app, "POST", "/v1/moderate", EndlessBody(total=0), {
        "content-type": "application/json", "content-length": "12abc"})
    assert status == 400 and b"Content-Length" in answer


def test_a_body_at_the_cap_still_works(haven: Haven) -> None:
    """The limit is the cap, not less: a request just under it is served normally."""
    text = "x" * 1000
    posts = [{"id": f"p{i}", "text": text} for i in range(64)]
    payload = json.dumps({"posts": posts}).encode()
    assert CAP // 2 > len(payload)
    r = haven.client.post("/v1/moderate", content=payload, headers=haven.headers(
        haven.keys["client"], **{"Content-Type": "application/json"}))
    assert r.status_code == 200, r.text[:300]
