"""API keys (admin only) and ``GET /v1/me`` for any key."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, field_validator

from service.deps import AdminKey, Caller, Db, Services, SessionRoute
from service.limits import check_characters
from service.policy import COMMUNITY_ID_RE
from service.security import Role, generate_webhook_secret
from service.store.models import ApiKey
from service.store.repositories import KeyRepository

router = APIRouter(prefix="/v1", tags=["keys"], route_class=SessionRoute)


class KeyOut(BaseModel):
    id: str
    name: str
    role: Role
    communities: list[str]
    webhook_url: str | None
    rate_limit_per_minute: int | None
    created_at: datetime
    revoked_at: datetime | None


def key_out(key: ApiKey) -> KeyOut:
    return KeyOut(id=key.id, name=key.name, role=Role(key.role),
                  communities=list(key.communities or []), webhook_url=key.webhook_url,
                  rate_limit_per_minute=key.rate_limit_per_minute, created_at=key.created_at,
                  revoked_at=key.revoked_at)


class KeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    role: Role
    communities: list[str] = Field(default_factory=list,
                                   description="Moderators only; `*` for every community.")
    webhook_url: AnyHttpUrl | None = Field(None, description="Clients: decisions are POSTed here.")
    rate_limit_per_minute: int | None = Field(None, ge=1, le=1_000_000)

    @field_validator("name")
    @classmethod
    def _printable_name(cls, value: str) -> str:
        return check_characters(value, multiline=False)

    @field_validator("communities")
    @classmethod
    def _community_ids(cls, value: list[str]) -> list[str]:
        bad = [c for c in value if c != "*" and not COMMUNITY_ID_RE.match(c)]
        if bad:
            raise ValueError(f"not community ids (letters, digits, '.', '_', '-'; or '*'): {bad}")
        return value


class KeyCreated(KeyOut):
    key: str = Field(description="The secret key. Shown once: store it now.")
    webhook_secret: str | None = Field(description="Verifies X-Haven-Signature. Shown once.")


class WebhookUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    webhook_url: AnyHttpUrl | None
    rotate_secret: bool = False


class WebhookUpdated(KeyOut):
    webhook_secret: str | None = Field(description="Set when a new secret was generated.")


@router.get("/me", response_model=KeyOut, summary="The calling key")
def whoami(principal: Caller, db: Db) -> KeyOut:
    return key_out(KeyRepository(db).get(principal.key_id))


@router.post("/keys", response_model=KeyCreated, status_code=201, summary="Create an API key")
def create_key(body: KeyCreate, principal: AdminKey, db: Db) -> KeyCreated:
    url = str(body.webhook_url) if body.webhook_url else None
    secret = generate_webhook_secret() if url else None
    key, token = KeyRepository(db).create(
        name=body.name, role=body.role, communities=body.communities, webhook_url=url,
        webhook_secret=secret, rate_limit_per_minute=body.rate_limit_per_minute,
        actor=principal.actor,
    )
    return KeyCreated(**key_out(key).model_dump(), key=token, webhook_secret=secret)


@router.get("/keys", response_model=list[KeyOut], summary="List API keys")
def list_keys(principal: AdminKey, db: Db, include_revoked: bool = False) -> list[KeyOut]:
    return [key_out(k) for k in KeyRepository(db).list(include_revoked=include_revoked)]


@router.delete("/keys/{key_id}", response_model=KeyOut, summary="Revoke an API key")
def revoke_key(key_id: str, principal: AdminKey, db: Db, services: Services) -> KeyOut:
    revoked = key_out(KeyRepository(db).revoke(key_id, actor=principal.actor))
    services.verified_keys.forget(key_id)  # this process never honours it again, even offline
    return revoked


@router.put("/keys/{key_id}/webhook", response_model=WebhookUpdated,
            summary="Set or clear a client's webhook")
def set_webhook(key_id: str, body: WebhookUpdate, principal: AdminKey, db: Db) -> WebhookUpdated:
    repo = KeyRepository(db)
    key = repo.get(key_id)
    url = str(body.webhook_url) if body.webhook_url else None
    new_secret = None
    secret = key.webhook_secret
    if url and (body.rotate_secret or not secret):
        secret = new_secret = generate_webhook_secret()
    key = repo.set_webhook(key_id, url, secret if url else None, actor=principal.actor)
    return WebhookUpdated(**key_out(key).model_dump(), webhook_secret=new_secret)
