"""GET /v1/audit: the append-only audit log (admins)."""

from __future__ import annotations

from fastapi import APIRouter, Query

from service.api.reviews import AuditEntryOut
from service.deps import AdminKey, Db, SessionRoute
from service.store.repositories import AuditRepository

router = APIRouter(prefix="/v1/audit", tags=["audit"], route_class=SessionRoute)


class AuditEntryWithItem(AuditEntryOut):
    item_id: str | None


@router.get("", response_model=list[AuditEntryWithItem], summary="Recent audit entries")
def recent_audit(principal: AdminKey, db: Db, action: str | None = None,
                 limit: int = Query(100, ge=1, le=1000)) -> list[AuditEntryWithItem]:
    return [AuditEntryWithItem(id=e.id, at=e.at, actor=e.actor, action=e.action,
                               details=dict(e.details or {}), item_id=e.item_id)
            for e in AuditRepository(db).recent(limit=limit, action=action)]
