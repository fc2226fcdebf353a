"""API key format, hashing and comparison.

A key is ``hvn_<id>_<secret>``: the id (public, 12 hex chars) finds the row, the secret (32 random
bytes) is checked against its SHA-256. A slow password hash (bcrypt, argon2) protects guessable
human passwords; these secrets have 256 bits of entropy, so one SHA-256 is enough and keeps every
request cheap. Comparison is constant-time so response timing leaks nothing about the hash.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum

KEY_PREFIX = "hvn"


class Role(StrEnum):
    CLIENT = "client"  # a platform: moderates posts, receives webhooks
    MODERATOR = "moderator"  # works the review queue of its communities
    ADMIN = "admin"  # everything, in every community, plus keys and policies


ALL_COMMUNITIES = "*"


@dataclass(frozen=True)
class NewKey:
    id: str
    secret: str

    @property
    def token(self) -> str:
        return f"{KEY_PREFIX}_{self.id}_{self.secret}"


def generate_key() -> NewKey:
    return NewKey(id=secrets.token_hex(6), secret=secrets.token_urlsafe(32))


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def secret_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), stored_hash)


def parse_token(token: str) -> tuple[str, str] | None:
    """Split ``hvn_<id>_<secret>``; None when the token is not shaped like a Haven key."""
    parts = token.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX or not parts[1] or not parts[2]:
        return None
    return parts[1], parts[2]


def generate_webhook_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)
