"""Request limits enforced before any handler parses a body: size, media type, encoding, depth.

One ASGI middleware, outermost in the app, so a hostile request costs at most ``max_bytes`` of
memory and never reaches JSON parsing or validation:

- **Size.** A ``Content-Length`` over ``max_bytes`` is refused at once; a streamed (chunked)
  body is counted as it arrives and refused as soon as it passes the limit, without reading the
  rest. ``413 payload_too_large``.
- **Media type** (JSON API, ``/v1/...``): a non-empty body must be ``application/json`` (or
  ``application/<something>+json``) in UTF-8. Anything else is ``415 unsupported_media_type``,
  so a form post or a ``text/plain`` body is not half-parsed into a confusing validation error.
- **Encoding.** JSON bodies must be valid UTF-8 (RFC 8259 section 8.1); UTF-16 or broken bytes
  are ``422 invalid_request`` naming the byte offset.
- **Depth.** JSON nested deeper than ``MAX_JSON_DEPTH`` is ``422 invalid_request``: the deepest
  valid request is four levels, and a few megabytes of ``[[[[`` must not exhaust the parser's
  recursion.

The web UI (``/ui``) posts forms, so only the size limit applies there.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Deepest accepted JSON nesting (objects and arrays). Requests need 4.
MAX_JSON_DEPTH = 32

#: Path prefix of the JSON API; other paths (the web UI, docs) only get the size limit.
JSON_API_PREFIX = "/v1/"

# A JSON string token (so brackets inside strings are not counted) or one bracket.
_JSON_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def error_response(status: int, code: str, message: str, details: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """The service's error body, ``{"error": {"code", "message", "details"?}}``."""
    body: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def json_depth_exceeds(body: bytes, limit: int) -> bool:
    """True when ``body`` nests objects/arrays deeper than ``limit`` (strings are skipped).

    Cheap for ordinary bodies: the regex scan only runs when the body holds more brackets
    than the limit, and it stops at the first level past the limit.
    """
    if body.count(b"[") + body.count(b"{") <= limit:
        return False
    depth = 0
    for match in _JSON_TOKEN.finditer(body):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return True
        elif token in (b"]", b"}"):
            depth -= 1
    return False


def unsupported_media_type(content_type: str | None) -> str | None:
    """Why a body with this Content-Type is refused, or None when it is JSON in UTF-8."""
    if not content_type:
        return "a request body needs Content-Type: application/json"
    media_type, _, params = content_type.partition(";")
    media_type = media_type.strip().lower()
    if media_type != "application/json" and not (
        media_type.startswith("application/") and media_type.endswith("+json")
    ):
        return f"Content-Type {media_type!r} is not supported: send application/json"
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip('"').lower() not in {
            "utf-8", "utf8"
        }:
            return f"charset {value.strip()!r} is not supported: JSON bodies are UTF-8"
    return None


class RequestLimitsMiddleware:
    """Enforce the limits above; see the module docstring for what answers what."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, max_json_depth: int = MAX_JSON_DEPTH
                 ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_json_depth = max_json_depth

    def _too_large(self) -> JSONResponse:
        return error_response(413, "payload_too_large",
                              f"request body over {self.max_bytes} bytes",
                              {"max_bytes": self.max_bytes})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            if not length.isdigit():
                await error_response(400, "bad_request", "invalid Content-Length header")(
                    scope, receive, send)
                return
            if int(length) > self.max_bytes:
                await self._too_large()(scope, receive, send)
                return
        if scope.get("path", "").startswith(JSON_API_PREFIX):
            await self._json_api(scope, receive, send, headers)
        else:
            await self._streamed(scope, receive, send)

    async def _json_api(self, scope: Scope, receive: Receive, send: Send,
                        headers: dict[bytes, bytes]) -> None:
        """Read the (bounded) body first, check it, then hand it to the app unchanged."""
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large()(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        if body:
            problem = self._check_json(body, headers.get(b"content-type"))
            if problem is not None:
                await problem(scope, receive, send)
                return

        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect, as ASGI does

        await self.app(scope, replay, send)

    def _check_json(self, body: bytes, content_type: bytes | None) -> JSONResponse | None:
        reason = unsupported_media_type(content_type.decode("latin-1") if content_type else None)
        if reason is not None:
            return error_response(415, "unsupported_media_type", reason,
                                  {"accepted": ["application/json"]})
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as exc:
            return error_response(
                422, "invalid_request", f"request body is not valid UTF-8 (byte {exc.start})",
                [{"field": "body", "message": f"invalid UTF-8 at byte {exc.start}",
                  "type": "utf8_invalid"}])
        if json_depth_exceeds(body, self.max_json_depth):
            return error_response(
                422, "invalid_request",
                f"JSON nested deeper than {self.max_json_depth} levels",
                [{"field": "body", "message": f"nested deeper than {self.max_json_depth} levels",
                  "type": "json_too_deep"}])
        return None

    async def _streamed(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Count the body as the app reads it; stop at the limit without reading the rest.

        A framework may catch the error raised from ``receive`` and answer something else (the
        form parser answers 400): once the limit is passed, that answer is replaced by the 413.
        """
        received = 0
        exceeded = started = replaced = False

        async def limited_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    exceeded = True
                    raise _TooLarge()
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started, replaced
            if replaced:
                return  # the rest of the app's own answer
            if exceeded and not started:
                replaced = started = True
                await self._too_large()(scope, receive, send)
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except _TooLarge:
            if not started:
                await self._too_large()(scope, receive, send)


class _TooLarge(Exception):
    pass


# --------------------------------------------------------------------------- text fields

#: Largest offset or limit accepted in a query: bigger numbers overflow the databases' 64-bit
#: integers (a 500 before this bound) and no queue is that long.
MAX_QUERY_INT = 2**31 - 1

#: C0 controls other than tab, line feed and carriage return, and DEL: refused in multiline text.
_MULTILINE_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Unicode category Cc, exactly: C0, DEL and C1. Refused in ids and names.
_ALL_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def check_characters(value: str, *, multiline: bool) -> str:
    """Refuse control characters in a text field; raises ``ValueError`` (a 422 naming the field)
    with the first offender.

    ``multiline`` fields (post text, notes) refuse C0 controls (U+0000-U+001F, NUL included)
    other than tab, line feed and carriage return, and DEL; C1 controls pass because they turn
    up in mis-decoded legacy text. Ids and names refuse every control character (category Cc).
    PostgreSQL cannot store NUL, and the other controls only arrive in posts to hide words from
    a filter or to garble a log or a terminal. One regex scan, not a Python loop: this runs on
    every post.
    """
    found = (_MULTILINE_CONTROLS if multiline else _ALL_CONTROLS).search(value)
    if found:
        index, code = found.start(), ord(found.group())
        name = "NUL (\\u0000)" if code == 0 else f"U+{code:04X}"
        raise ValueError(f"must not contain control characters: {name} at index {index}")
    return value


def is_blank(value: str) -> bool:
    """True when nothing in ``value`` would show: only whitespace and invisible format
    characters (zero-width spaces and joiners, BOM), so a moderator would see an empty post."""
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in value)
