"""Webhook deliveries: clients see their own, admins see and retry all."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel

from service.deps import AdminKey, ClientKey, Db, SessionRoute
from service.security import Role
from service.store.models import WebhookDelivery
from service.store.repositories import OutboxRepository

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"], route_class=SessionRoute)


class AttemptOut(BaseModel):
    at: datetime
    status_code: int | None
    error: str | None
    duration_ms: int


class DeliveryOut(BaseModel):
    id: str
    api_key_id: str
    event: str
    status: str
    attempts: int
    next_attempt_at: datetime
    created_at: datetime
    delivered_at: datetime | None
    last_error: str | None


def delivery_out(d: WebhookDelivery) -> DeliveryOut:
    return DeliveryOut(id=d.id, api_key_id=d.api_key_id, event=d.event, status=d.status,
                       attempts=d.attempts, next_attempt_at=d.next_attempt_at,
                       created_at=d.created_at, delivered_at=d.delivered_at,
                       last_error=d.last_error)


@router.get("/deliveries", response_model=list[DeliveryOut], summary="Recent deliveries")
def list_deliveries(
    principal: ClientKey, db: Db,
    status: Literal["pending", "delivered", "failed"] | None = None,
    limit: int = Query(100, ge=1, le=500),
) -> list[DeliveryOut]:
    own = None if principal.role == Role.ADMIN else principal.key_id
    return [delivery_out(d) for d in
            OutboxRepository(db).list(status=status, api_key_id=own, limit=limit)]


@router.get("/deliveries/{delivery_id}/attempts", response_model=list[AttemptOut],
            summary="Every attempt of one delivery")
def delivery_attempts(delivery_id: str, principal: ClientKey, db: Db) -> list[AttemptOut]:
    repo = OutboxRepository(db)
    repo.get(delivery_id, api_key_id=None if principal.role == Role.ADMIN else principal.key_id)
    return [AttemptOut(at=a.at, status_code=a.status_code, error=a.error,
                       duration_ms=a.duration_ms) for a in repo.attempts(delivery_id)]


@router.post("/deliveries/{delivery_id}/retry", response_model=DeliveryOut,
             summary="Send a failed delivery again")
def retry_delivery(delivery_id: str, principal: AdminKey, db: Db) -> DeliveryOut:
    return delivery_out(OutboxRepository(db).retry(delivery_id, actor=principal.actor))
