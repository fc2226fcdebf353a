"""The review queue: list, claim (with an expiring lease), decide, release, history."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field, field_validator

from models.taxonomy import LABELS, TARGETS
from service.deps import Db, ModeratorKey, Services, SessionRoute
from service.limits import MAX_QUERY_INT, check_characters
from service.store.models import AuditEntry, ReviewItem
from service.store.repositories import ReviewRepository

router = APIRouter(prefix="/v1/reviews", tags=["review queue"], route_class=SessionRoute)

StatusFilter = Literal["open", "pending", "escalated", "approved", "rejected", "all"]
DecisionFilter = Literal["review", "block", "refer"]
LabelName = Literal[LABELS]  # type: ignore[valid-type]
TargetName = Literal[TARGETS]  # type: ignore[valid-type]


class ReviewItemOut(BaseModel):
    review_id: str
    post_id: str
    community_id: str
    author_id: str | None
    language: str | None
    country: str | None
    text: str | None = Field(description="Null once purged by the retention policy.")
    reply_to_text: str | None
    text_purged_at: datetime | None
    decision: str = Field(description="What the model and policy decided.")
    labels: list[str]
    scores: dict[str, float] | None
    targets: dict[str, float] | None
    reasons: list[dict[str, Any]]
    priority: int
    status: str
    lease_holder: str | None
    lease_expires_at: datetime | None
    created_at: datetime
    decided_at: datetime | None
    decided_by: str | None
    final_action: str | None
    corrected_labels: list[str] | None
    corrected_targets: list[str] | None
    decision_reason: str | None
    decision_note: str | None
    model: dict[str, str | None]
    policy: dict[str, str]


def item_out(item: ReviewItem) -> ReviewItemOut:
    return ReviewItemOut(
        review_id=item.id, post_id=item.post_id, community_id=item.community_id,
        author_id=item.author_id, language=item.language, country=item.country, text=item.text,
        reply_to_text=item.reply_to_text, text_purged_at=item.text_purged_at,
        decision=item.model_decision, labels=list(item.labels), scores=item.scores,
        targets=item.targets, reasons=list(item.reasons), priority=item.priority,
        status=item.status, lease_holder=item.lease_holder,
        lease_expires_at=item.lease_expires_at, created_at=item.created_at,
        decided_at=item.decided_at, decided_by=item.decided_by, final_action=item.final_action,
        corrected_labels=item.corrected_labels, corrected_targets=item.corrected_targets,
        decision_reason=item.decision_reason, decision_note=item.decision_note,
        model={"name": item.model_name, "version": item.model_version},
        policy={"name": item.policy_name, "version": item.policy_version},
    )


class QueuePageOut(BaseModel):
    items: list[ReviewItemOut]
    total: int
    limit: int
    offset: int


class ClaimNextRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    community_id: str | None = None
    label: LabelName | None = None


class ClaimOut(BaseModel):
    item: ReviewItemOut | None = Field(description="Null when no item is free.")


class DecisionRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [
            {"action": "reject", "labels": ["harassment"], "reason": "targeted insult"},
            {"action": "approve", "reason": "reclaimed slur used in-group"},
        ]},
    )

    action: Literal["approve", "reject", "escalate"]
    labels: list[LabelName] | None = Field(
        None, description="Corrected labels: those listed apply, all others do not.")
    targets: list[TargetName] | None = Field(None, description="Corrected target groups.")
    reason: str | None = Field(None, max_length=500)
    note: str | None = Field(None, max_length=5000)

    @field_validator("reason", "note")
    @classmethod
    def _characters(cls, value: str | None) -> str | None:
        return check_characters(value, multiline=True) if value is not None else value


class AuditEntryOut(BaseModel):
    id: int
    at: datetime
    actor: str
    action: str
    details: dict[str, Any]


def audit_out(entry: AuditEntry) -> AuditEntryOut:
    return AuditEntryOut(id=entry.id, at=entry.at, actor=entry.actor, action=entry.action,
                         details=dict(entry.details or {}))


@router.get("", response_model=QueuePageOut, summary="List review items (crisis first)")
def list_items(
    principal: ModeratorKey,
    db: Db,
    community_id: str | None = None,
    label: LabelName | None = None,
    decision: DecisionFilter | None = None,
    status: StatusFilter = "open",
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0, le=MAX_QUERY_INT),
) -> QueuePageOut:
    """Sorted by priority (referrals, then held posts, then blocks) and then oldest first.
    Moderators only see their communities."""
    page = ReviewRepository(db).list(principal.scope, community=community_id, label=label,
                                     decision=decision, status=status, limit=limit, offset=offset)
    return QueuePageOut(items=[item_out(i) for i in page.items], total=page.total, limit=limit,
                        offset=offset)


@router.post("/claim", response_model=ClaimOut, summary="Claim the most urgent free item")
def claim_next(principal: ModeratorKey, db: Db, services: Services,
               body: ClaimNextRequest | None = None) -> ClaimOut:
    body = body or ClaimNextRequest()
    item = ReviewRepository(db).claim_next(
        principal.actor, principal.scope, lease_s=services.settings.claim_lease_s,
        community=body.community_id, label=body.label, now=services.clock(),
    )
    return ClaimOut(item=item_out(item) if item is not None else None)


@router.get("/{review_id}", response_model=ReviewItemOut, summary="Read one review item")
def get_item(review_id: str, principal: ModeratorKey, db: Db) -> ReviewItemOut:
    return item_out(ReviewRepository(db).get(review_id, principal.scope))


@router.post("/{review_id}/claim", response_model=ReviewItemOut,
             summary="Claim one item, or extend your own lease")
def claim_item(review_id: str, principal: ModeratorKey, db: Db,
               services: Services) -> ReviewItemOut:
    item = ReviewRepository(db).claim(review_id, principal.actor, principal.scope,
                                      lease_s=services.settings.claim_lease_s,
                                      now=services.clock())
    return item_out(item)


@router.post("/{review_id}/release", response_model=ReviewItemOut,
             summary="Give a claimed item back to the queue")
def release_item(review_id: str, principal: ModeratorKey, db: Db,
                 services: Services) -> ReviewItemOut:
    return item_out(ReviewRepository(db).release(review_id, principal.actor, principal.scope,
                                                 now=services.clock()))


@router.post("/{review_id}/decision", response_model=ReviewItemOut,
             summary="Approve, reject or escalate a claimed item")
def decide_item(review_id: str, body: DecisionRequest, principal: ModeratorKey, db: Db,
                services: Services) -> ReviewItemOut:
    """Needs your claim on the item. The platform is told through its webhook; the decision and
    any corrected labels become training feedback (`GET /v1/feedback/export`)."""
    item = ReviewRepository(db).decide(
        review_id, principal.actor, principal.scope, action=body.action, labels=body.labels,
        targets=body.targets, reason=body.reason, note=body.note, now=services.clock(),
    )
    return item_out(item)


@router.get("/{review_id}/history", response_model=list[AuditEntryOut],
            summary="The item's audit trail")
def item_history(review_id: str, principal: ModeratorKey, db: Db) -> list[AuditEntryOut]:
    return [audit_out(e) for e in ReviewRepository(db).history(review_id, principal.scope)]
