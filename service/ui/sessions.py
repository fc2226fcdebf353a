"""Signed session cookies and CSRF tokens for the web UI.

The cookie carries the API key's public id, the time of sign-in and a per-session CSRF token,
signed with HMAC-SHA256 (``Settings.ui_session_secret``). It never carries the key's secret: the
key is re-read on every request, so revoking it ends its web sessions at once. A hand-rolled HMAC
keeps the UI free of a signing dependency for ~40 lines of standard library.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

SESSION_COOKIE = "haven_session"
LOGIN_CSRF_COOKIE = "haven_login_csrf"
#: A moderator's working day plus slack; after it they sign in again.
SESSION_MAX_AGE_S = 12 * 3600
_CONTEXT = b"haven-ui-session-v1\0"


@dataclass(frozen=True)
class UiSession:
    key_id: str
    issued_at: int
    csrf: str


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def tokens_match(expected: str | None, given: object) -> bool:
    """Constant-time CSRF comparison; anything but a non-empty matching string fails."""
    if not expected or not isinstance(given, str) or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


class SessionSigner:
    def __init__(self, secret: bytes, *, max_age_s: int = SESSION_MAX_AGE_S,
                 clock: Callable[[], float] = time.time) -> None:
        if len(secret) < 32:
            raise ValueError("the UI session secret must be at least 32 bytes")
        self._secret = secret
        self.max_age_s = max_age_s
        self._clock = clock

    @classmethod
    def from_secret(cls, secret: str | None) -> SessionSigner:
        """``None`` draws a random per-process secret (sign-ins end on restart)."""
        return cls(secret.encode() if secret else secrets.token_bytes(32))

    def issue(self, key_id: str) -> UiSession:
        return UiSession(key_id=key_id, issued_at=int(self._clock()), csrf=new_csrf_token())

    def dumps(self, session: UiSession) -> str:
        body = json.dumps({"k": session.key_id, "t": session.issued_at, "c": session.csrf},
                          separators=(",", ":")).encode()
        payload = _b64(body)
        return f"{payload}.{_b64(self._mac(payload))}"

    def loads(self, token: str | None) -> UiSession | None:
        """The session in a cookie, or None if it is missing, forged, malformed or too old."""
        if not token or token.count(".") != 1:
            return None
        payload, signature = token.split(".")
        try:
            given = _unb64(signature)
        except (binascii.Error, ValueError):
            return None
        if not hmac.compare_digest(given, self._mac(payload)):
            return None
        try:
            data = json.loads(_unb64(payload))
            session = UiSession(key_id=str(data["k"]), issued_at=int(data["t"]),
                                csrf=str(data["c"]))
        except (binascii.Error, ValueError, KeyError, TypeError):
            return None
        age = self._clock() - session.issued_at
        if age < -60 or age > self.max_age_s:
            return None
        return session

    def _mac(self, payload: str) -> bytes:
        return hmac.new(self._secret, _CONTEXT + payload.encode(), hashlib.sha256).digest()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
