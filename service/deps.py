"""Typed FastAPI dependencies: handlers read like their contract.

``Db`` (a session), ``Engine`` (inference), ``Services`` (everything built at start-up), and the
principals: ``Caller`` (any valid key), ``ClientKey``, ``ModeratorKey``, ``AdminKey``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session, sessionmaker

from service.errors import Forbidden, Unauthenticated
from service.inference import InferenceEngine
from service.metrics import Metrics
from service.moderation import ModerationService
from service.policy import PolicyStore
from service.ratelimit import RateLimiter
from service.referral import ReferralService
from service.security import Role
from service.settings import Settings
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


def get_services(request: Request) -> AppServices:
    return request.app.state.services


Services = Annotated[AppServices, Depends(get_services)]


def get_db(services: Services) -> Iterator[Session]:
    with services.sessions() as session:
        yield session


Db = Annotated[Session, Depends(get_db)]


def get_engine(services: Services) -> InferenceEngine:
    return services.engine


Engine = Annotated[InferenceEngine, Depends(get_engine)]


def get_metrics(services: Services) -> Metrics:
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
    with services.sessions() as session:
        key = KeyRepository(session).authenticate(token)
        if key is None:
            raise Unauthenticated("invalid or revoked API key")
        principal = Principal(
            key_id=key.id, name=key.name, role=Role(key.role),
            communities=tuple(key.communities or ()),
            scope=scope_for(key.role, key.communities or ()),
        )
        per_minute = key.rate_limit_per_minute or services.settings.rate_limit_per_minute
    request.state.key_id = principal.key_id
    services.limiter.check(principal.key_id, per_minute)
    return principal


Caller = Annotated[Principal, Depends(get_principal)]


def require(*roles: Role) -> Callable[[Principal], Principal]:
    allowed = ", ".join(r.value for r in roles)

    def dependency(principal: Caller) -> Principal:
        if principal.role not in roles:
            raise Forbidden(f"this endpoint needs one of the roles: {allowed}",
                            details={"role": principal.role.value})
        return principal

    return dependency


ClientKey = Annotated[Principal, Depends(require(Role.CLIENT, Role.ADMIN))]
ModeratorKey = Annotated[Principal, Depends(require(Role.MODERATOR, Role.ADMIN))]
AdminKey = Annotated[Principal, Depends(require(Role.ADMIN))]
