"""Typed FastAPI dependencies: handlers read like their contract.

``Db`` (a session), ``Engine`` (inference), ``Services`` (everything built at start-up), and the
principals: ``Caller`` (any valid key), ``ClientKey``, ``ModeratorKey``, ``AdminKey``.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import hmac
import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request, Security
from fastapi.routing import APIRoute
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session, sessionmaker

from service.errors import Forbidden, StorageUnavailable, Unauthenticated
from service.inference import InferenceEngine
from service.metrics import Metrics
from service.moderation import ModerationService
from service.policy import PolicyStore
from service.ratelimit import RateLimiter
from service.referral import ReferralService
from service.security import Role
from service.settings import Settings
from service.store.db import is_unavailable
from service.store.repositories import KeyRepository, Scope, scope_for


@dataclass
class AppServices:
    """Everything the app builds once; reachable as ``request.app.state.services``."""

    settings: Settings
    sessions: sessionmaker[Session]
    engine: InferenceEngine
    policies: PolicyStore
    referral: ReferralService
    metrics: Metrics
    limiter: RateLimiter
    moderation: ModerationService
    clock: Callable[[], datetime]
    verified_keys: VerifiedKeys = field(default_factory=lambda: VerifiedKeys())


# Dependencies that only read memory are ``async def``: FastAPI runs a plain ``def`` dependency
# in its thread pool, and each such hop cost the moderation path ~0.1-0.2 ms of event-loop and
# GIL time per request (measured with py-spy under bench.bench_http; bench/README.md).


async def get_services(request: Request) -> AppServices:
    return request.app.state.services


Services = Annotated[AppServices, Depends(get_services)]


async def get_db(services: Services) -> AsyncIterator[Session]:
    """A session for a (sync) handler, closed on the event loop.

    A plain ``def`` generator would be closed in FastAPI's thread pool: with one pooled SQLite
    connection and the pool's threads all blocked waiting for that connection (a burst of
    requests authenticating), the close that would free it never got a thread, and requests
    hung for the 30 s pool timeout, then failed with 503 (tests/security/test_rate_limits.py).
    Closing only returns the connection to the pool: cheap enough for the event loop.
    """
    session = services.sessions()
    try:
        yield session
    finally:
        session.close()


Db = Annotated[Session, Depends(get_db)]


def releasing_sessions(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a sync handler so the ``Db`` sessions it was given are closed when it returns.

    FastAPI validates a sync handler's answer against its ``response_model`` in the thread pool,
    after the handler and before the dependency's cleanup. Until then the session holds its
    pooled connection; under a burst, with every pool thread waiting for that connection (one
    SQLite connection, or a full PostgreSQL pool), the validation never got a thread and the
    request stalled for the 30 s pool timeout (tests/security/test_rate_limits.py). Handlers
    build their response models from the rows before returning, so nothing lazy is left to load.
    """

    @functools.wraps(endpoint)  # FastAPI reads the signature through __wrapped__
    def handler(*args: Any, **kwargs: Any) -> Any:
        try:
            return endpoint(*args, **kwargs)
        finally:
            for value in kwargs.values():
                if isinstance(value, Session):
                    value.close()

    return handler


class SessionRoute(APIRoute):
    """The JSON API's route class: sync handlers give their database connection back on return
    (``releasing_sessions``), so no handler can reintroduce the stall by forgetting to."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        if not inspect.iscoroutinefunction(endpoint):
            endpoint = releasing_sessions(endpoint)
        super().__init__(path, endpoint, **kwargs)


async def get_engine(services: Services) -> InferenceEngine:
    return services.engine


Engine = Annotated[InferenceEngine, Depends(get_engine)]


async def get_metrics(services: Services) -> Metrics:
    return services.metrics


MetricsDep = Annotated[Metrics, Depends(get_metrics)]


@dataclass(frozen=True)
class Principal:
    key_id: str
    name: str
    role: Role
    communities: tuple[str, ...]
    scope: Scope

    @property
    def actor(self) -> str:
        """How this caller appears in the audit log and in leases."""
        return f"key:{self.key_id}"


class VerifiedKeys:
    """Keys this process verified against the database recently, for database outages only.

    While the database is unreachable a key cannot be checked, yet ``/v1/moderate`` must still
    answer with its fail-safe decision. A token verified in the last ``ttl_s`` seconds is then
    accepted from here. Only a SHA-256 of the token is kept, compared in constant time. The
    database stays the authority: this is never read while the database answers, so a revoked
    key stops working at once, except on a replica that cannot reach the database to learn of
    the revocation, and then for at most ``ttl_s``.
    """

    def __init__(self, ttl_s: float = 600.0, max_keys: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl_s = ttl_s
        self.max_keys = max_keys
        self.clock = clock
        self._keys: dict[str, tuple[str, Principal, int | None, float]] = {}
        self._lock = threading.Lock()

    def remember(self, token: str, principal: Principal, per_minute: int | None) -> None:
        with self._lock:
            if len(self._keys) >= self.max_keys and principal.key_id not in self._keys:
                self._keys.pop(next(iter(self._keys)))
            self._keys[principal.key_id] = (_token_digest(token), principal, per_minute,
                                            self.clock())

    def recall(self, token: str) -> tuple[Principal, int | None] | None:
        """The principal of a recently verified ``token``, or None."""
        key_id = _key_id_of(token)
        with self._lock:
            entry = self._keys.get(key_id)
        if entry is None:
            return None
        digest, principal, per_minute, verified_at = entry
        if not hmac.compare_digest(digest, _token_digest(token)):
            return None
        if self.clock() - verified_at > self.ttl_s:
            return None
        return principal, per_minute

    def forget(self, key_id: str) -> None:
        with self._lock:
            self._keys.pop(key_id, None)

    def forget_token(self, token: str) -> None:
        """Forget the key a refused token names, so a revoked key is dropped on first use."""
        self.forget(_key_id_of(token))


def _key_id_of(token: str) -> str:
    parts = token.strip().split("_", 2)
    return parts[1] if len(parts) == 3 else ""


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.strip().encode("utf-8", "surrogatepass")).hexdigest()


_bearer = HTTPBearer(auto_error=False, description="`Authorization: Bearer hvn_...`")
_api_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="or `X-API-Key: hvn_...`")


def get_principal(
    request: Request,
    services: Services,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
    api_key: Annotated[str | None, Security(_api_key)],
) -> Principal:
    token = bearer.credentials if bearer is not None else api_key
    if not token:
        raise Unauthenticated("missing API key: send `Authorization: Bearer <key>`")
    try:
        with services.sessions() as session:
            key = KeyRepository(session).authenticate(token)
            if key is None:
                # Revoked (or wrong secret): never let an outage bring it back from the cache.
                services.verified_keys.forget_token(token)
                raise Unauthenticated("invalid or revoked API key")
            principal = Principal(
                key_id=key.id, name=key.name, role=Role(key.role),
                communities=tuple(key.communities or ()),
                scope=scope_for(key.role, key.communities or ()),
            )
            own_limit = key.rate_limit_per_minute
        services.verified_keys.remember(token, principal, own_limit)
    except Exception as exc:
        if not is_unavailable(exc):
            raise
        recalled = services.verified_keys.recall(token)
        if recalled is None:
            raise StorageUnavailable(
                "the database is unreachable, so this API key cannot be checked; retry later"
            ) from exc
        principal, own_limit = recalled
    per_minute = own_limit or services.settings.rate_limit_per_minute
    request.state.key_id = principal.key_id
    services.limiter.check(principal.key_id, per_minute)
    return principal


Caller = Annotated[Principal, Depends(get_principal)]


def require(*roles: Role) -> Callable[[Principal], Principal]:
    allowed = ", ".join(r.value for r in roles)

    async def dependency(principal: Caller) -> Principal:
        if principal.role not in roles:
            raise Forbidden(f"this endpoint needs one of the roles: {allowed}",
                            details={"role": principal.role.value})
        return principal

    return dependency


ClientKey = Annotated[Principal, Depends(require(Role.CLIENT, Role.ADMIN))]
ModeratorKey = Annotated[Principal, Depends(require(Role.MODERATOR, Role.ADMIN))]
AdminKey = Annotated[Principal, Depends(require(Role.ADMIN))]
