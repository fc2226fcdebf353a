"""Repositories: the only code that queries the tables.

They take a SQLAlchemy ``Session`` and plain values (an actor id, a community ``Scope``), so the
JSON API, the CLI and the moderator web UI share them. Methods that complete a user action
(claim, decide, create a key...) commit; helpers that are one step of a larger unit of work
(``append``, ``enqueue``, ``save_result``) only flush, and say so.

Scope: ``None`` means every community (admins); a frozenset limits a moderator. An item outside
the caller's scope is reported as not found, so moderators cannot probe other communities.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, delete, exists, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.taxonomy import LABELS, TARGETS
from service.errors import ClaimConflict, InvalidRequest, ItemNotFound
from service.events import decision_event
from service.security import (
    ALL_COMMUNITIES,
    NewKey,
    Role,
    generate_key,
    hash_secret,
    parse_token,
    secret_matches,
)
from service.store.models import (
    ApiKey,
    AuditEntry,
    IdempotencyRecord,
    ModerationResult,
    ReviewItem,
    ReviewItemLabel,
    WebhookAttempt,
    WebhookDelivery,
    utcnow,
)

Scope = frozenset[str] | None

OPEN_STATUSES = ("pending", "escalated")
FINAL_STATUSES = ("approved", "rejected")
STATUSES = (*OPEN_STATUSES, *FINAL_STATUSES)
ACTIONS = ("approve", "reject", "escalate")
_STATUS_AFTER = {"approve": "approved", "reject": "rejected", "escalate": "escalated"}


def scope_for(role: str, communities: Sequence[str]) -> Scope:
    """Communities a key may see: all for admins (and ``*`` moderators), none for clients."""
    if role == Role.ADMIN or ALL_COMMUNITIES in communities:
        return None
    if role == Role.MODERATOR:
        return frozenset(communities)
    return frozenset()


# --------------------------------------------------------------------------- API keys


class KeyRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def create(
        self,
        *,
        name: str,
        role: Role | str,
        communities: Sequence[str] = (),
        webhook_url: str | None = None,
        webhook_secret: str | None = None,
        rate_limit_per_minute: int | None = None,
        actor: str = "system",
    ) -> tuple[ApiKey, str]:
        """Create a key; returns the row and the token, which is shown once and never stored."""
        role = Role(role)
        if role == Role.MODERATOR and not communities:
            raise InvalidRequest("a moderator key needs at least one community (or '*')",
                                 details={"field": "communities"})
        new: NewKey = generate_key()
        key = ApiKey(
            id=new.id,
            name=name,
            role=role.value,
            communities=list(communities) if role == Role.MODERATOR else [],
            secret_hash=hash_secret(new.secret),
            webhook_url=webhook_url,
            webhook_secret=webhook_secret,
            rate_limit_per_minute=rate_limit_per_minute,
            created_at=utcnow(),
        )
        self.session.add(key)
        AuditRepository(self.session).append(
            actor, "key_created",
            details={"key_id": key.id, "role": key.role, "communities": key.communities,
                     "name": name, "webhook": bool(webhook_url)},
        )
        self.session.commit()
        return key, new.token

    def authenticate(self, token: str) -> ApiKey | None:
        parsed = parse_token(token)
        if parsed is None:
            return None
        key_id, secret = parsed
        key = self.session.get(ApiKey, key_id)
        # Compare even when the id is unknown so timing does not reveal which ids exist.
        stored = key.secret_hash if key is not None else "0" * 64
        if not secret_matches(secret, stored) or key is None or key.revoked_at is not None:
            return None
        return key

    def get(self, key_id: str) -> ApiKey:
        key = self.session.get(ApiKey, key_id)
        if key is None:
            raise ItemNotFound(f"no API key {key_id!r}")
        return key

    def list(self, *, include_revoked: bool = False) -> list[ApiKey]:
        query = select(ApiKey).order_by(ApiKey.created_at, ApiKey.id)
        if not include_revoked:
            query = query.where(ApiKey.revoked_at.is_(None))
        return list(self.session.scalars(query))

    def revoke(self, key_id: str, *, actor: str = "system") -> ApiKey:
        key = self.get(key_id)
        if key.revoked_at is None:
            key.revoked_at = utcnow()
            AuditRepository(self.session).append(actor, "key_revoked", details={"key_id": key_id})
            self.session.commit()
        return key

    def set_webhook(self, key_id: str, url: str | None, secret: str | None, *,
                    actor: str = "system") -> ApiKey:
        key = self.get(key_id)
        key.webhook_url, key.webhook_secret = url, secret
        AuditRepository(self.session).append(
            actor, "webhook_configured", details={"key_id": key_id, "webhook": bool(url)}
        )
        self.session.commit()
        return key


# --------------------------------------------------------------------------- audit log


class AuditRepository:
    """Append-only: there is deliberately no update or delete here (triggers enforce it too)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def append(self, actor: str, action: str, *, item_id: str | None = None,
               details: dict[str, Any] | None = None, at: datetime | None = None) -> AuditEntry:
        """Flushes only: the entry commits with the action it records."""
        entry = AuditEntry(at=at or utcnow(), actor=actor, action=action, item_id=item_id,
                           details=details or {})
        self.session.add(entry)
        self.session.flush()
        return entry

    def for_item(self, item_id: str) -> list[AuditEntry]:
        query = select(AuditEntry).where(AuditEntry.item_id == item_id).order_by(AuditEntry.id)
        return list(self.session.scalars(query))

    def recent(self, *, limit: int = 100, action: str | None = None) -> list[AuditEntry]:
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if action:
            query = query.where(AuditEntry.action == action)
        return list(self.session.scalars(query))


# --------------------------------------------------------------------------- moderation results


class ModerationRepository:
    """Remembered results per (key, post id) and per (key, Idempotency-Key)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def find_results(self, api_key_id: str, post_ids: Sequence[str]) -> dict[str, ModerationResult]:
        if not post_ids:
            return {}
        query = select(ModerationResult).where(
            ModerationResult.api_key_id == api_key_id, ModerationResult.post_id.in_(post_ids)
        )
        return {r.post_id: r for r in self.session.scalars(query)}

    def save_result(self, result: ModerationResult, item: ReviewItem | None,
                    *, actor: str, only_write: bool = False) -> ModerationResult | None:
        """Insert one post's result (and its queue item); flushes only.

        Returns None when a concurrent request stored the same post id first: the caller then
        re-reads and returns that stored result, and no second queue item exists. The insert
        runs in a savepoint, so the transaction's other writes survive a duplicate, unless
        ``only_write`` says there are none (one post per request, the common case): then a
        duplicate rolls the whole transaction back, which spares two statements and about a
        third of the insert's CPU time (measured on SQLite, bench/README.md).
        """
        if only_write:
            try:
                self._insert_result(result, item, actor)
            except IntegrityError:
                self.session.rollback()
                return None
            return result
        try:
            with self.session.begin_nested():
                self._insert_result(result, item, actor)
        except IntegrityError:
            return None
        return result

    def _insert_result(self, result: ModerationResult, item: ReviewItem | None, actor: str
                       ) -> None:
        if item is None:
            # Nothing refers to the row: a Core insert skips the ORM's unit of work.
            self.session.execute(insert(ModerationResult).values(
                api_key_id=result.api_key_id, post_id=result.post_id,
                text_sha256=result.text_sha256, community_id=result.community_id,
                decision=result.decision, result=result.result,
                review_item_id=result.review_item_id, created_at=result.created_at or utcnow(),
            ))
            return
        self.session.add(item)
        self.session.flush()
        for label in item.labels:
            self.session.add(ReviewItemLabel(item_id=item.id, label=label))
        AuditRepository(self.session).append(
            actor, "queued", item_id=item.id,
            details={"post_id": item.post_id, "community_id": item.community_id,
                     "decision": item.model_decision, "labels": item.labels,
                     "priority": item.priority},
        )
        self.session.add(result)
        self.session.flush()

    def get_idempotency(self, api_key_id: str, key: str) -> IdempotencyRecord | None:
        query = select(IdempotencyRecord).where(
            IdempotencyRecord.api_key_id == api_key_id, IdempotencyRecord.key == key
        )
        return self.session.scalars(query).first()

    def save_idempotency(self, record: IdempotencyRecord) -> IdempotencyRecord | None:
        """Flushes only; None if a concurrent request stored the same key first."""
        try:
            with self.session.begin_nested():
                self.session.add(record)
                self.session.flush()
        except IntegrityError:
            return None
        return record


# --------------------------------------------------------------------------- review queue


@dataclass(frozen=True)
class QueuePage:
    items: list[ReviewItem]
    total: int


class ReviewRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- reading

    def get(self, item_id: str, scope: Scope) -> ReviewItem:
        item = self.session.get(ReviewItem, item_id)
        if item is None or not _in_scope(item.community_id, scope):
            raise ItemNotFound(f"no review item {item_id!r}")
        return item

    def list(
        self,
        scope: Scope,
        *,
        community: str | None = None,
        label: str | None = None,
        decision: str | None = None,
        status: str | None = "open",
        limit: int = 50,
        offset: int = 0,
    ) -> QueuePage:
        """Crisis first: ordered by priority (referrals highest), then oldest first."""
        query = self._filtered(scope, community=community, label=label, decision=decision,
                               status=status)
        total = self.session.scalar(select(func.count()).select_from(query.subquery())) or 0
        query = query.order_by(
            ReviewItem.priority.desc(), ReviewItem.created_at.asc(), ReviewItem.id.asc()
        )
        return QueuePage(list(self.session.scalars(query.limit(limit).offset(offset))), total)

    def _filtered(self, scope: Scope, *, community: str | None = None, label: str | None = None,
                  decision: str | None = None, status: str | None = None) -> Select[Any]:
        query = select(ReviewItem)
        if scope is not None:
            query = query.where(ReviewItem.community_id.in_(sorted(scope)))
        if community:
            query = query.where(ReviewItem.community_id == community)
        if decision:
            query = query.where(ReviewItem.model_decision == decision)
        if status == "open":
            query = query.where(ReviewItem.status.in_(OPEN_STATUSES))
        elif status and status != "all":
            query = query.where(ReviewItem.status == status)
        if label:
            query = query.where(exists().where(
                ReviewItemLabel.item_id == ReviewItem.id, ReviewItemLabel.label == label
            ))
        return query

    def history(self, item_id: str, scope: Scope) -> list[AuditEntry]:
        self.get(item_id, scope)
        return AuditRepository(self.session).for_item(item_id)

    def counts_by_status(self) -> dict[str, int]:
        query = select(ReviewItem.status, func.count()).group_by(ReviewItem.status)
        return {status: int(n) for status, n in self.session.execute(query)}

    # -- claiming

    def claim_next(self, actor: str, scope: Scope, *, lease_s: int, community: str | None = None,
                   label: str | None = None, now: datetime | None = None) -> ReviewItem | None:
        """Lease the most urgent free item; None when nothing is free. Commits.

        PostgreSQL: ``FOR UPDATE SKIP LOCKED`` lets concurrent claimers pass over each other's
        candidate rows instead of queueing on them. SQLite: transactions are serialised
        (BEGIN IMMEDIATE). Either way the UPDATE re-checks that the lease is free.
        """
        now = now or utcnow()
        for _attempt in range(5):
            query = (
                self._filtered(scope, community=community, label=label, status="open")
                .where(_lease_free(now))
                .order_by(ReviewItem.priority.desc(), ReviewItem.created_at.asc(),
                          ReviewItem.id.asc())
                .limit(1)
            )
            if self.session.get_bind().dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True, of=ReviewItem)
            item = self.session.scalars(query).first()
            if item is None:
                self.session.rollback()
                return None
            if self._take_lease(item, actor, now, lease_s):
                return item
            self.session.rollback()
        return None

    def claim(self, item_id: str, actor: str, scope: Scope, *, lease_s: int,
              now: datetime | None = None) -> ReviewItem:
        """Lease one item (or extend the caller's own lease). Commits."""
        now = now or utcnow()
        query = select(ReviewItem).where(ReviewItem.id == item_id)
        if self.session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update()
        item = self.session.scalars(query).first()
        if item is None or not _in_scope(item.community_id, scope):
            self.session.rollback()
            raise ItemNotFound(f"no review item {item_id!r}")
        if item.status not in OPEN_STATUSES:
            self.session.rollback()
            raise ClaimConflict(f"review item {item_id} is already {item.status}",
                                code="already_decided", details={"status": item.status})
        if not self._take_lease(item, actor, now, lease_s):
            self.session.rollback()
            current = self.session.get(ReviewItem, item_id)
            raise ClaimConflict(
                f"review item {item_id} is claimed by someone else",
                details={"lease_expires_at": _iso(current.lease_expires_at if current else None)},
            )
        return item

    def _take_lease(self, item: ReviewItem, actor: str, now: datetime, lease_s: int) -> bool:
        expires = now + timedelta(seconds=lease_s)
        previous = item.lease_holder if item.lease_holder != actor else None
        result = self.session.execute(
            update(ReviewItem)
            .where(ReviewItem.id == item.id, ReviewItem.status.in_(OPEN_STATUSES),
                   or_(_lease_free(now), ReviewItem.lease_holder == actor))
            .values(lease_holder=actor, lease_expires_at=expires, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            return False
        details: dict[str, Any] = {"lease_expires_at": expires.isoformat()}
        if previous:
            details["previous_holder_lease_expired"] = previous
        AuditRepository(self.session).append(actor, "claimed", item_id=item.id, details=details,
                                             at=now)
        self.session.commit()
        self.session.refresh(item)
        return True

    def release(self, item_id: str, actor: str, scope: Scope,
                now: datetime | None = None) -> ReviewItem:
        """Give a claimed item back to the queue. Commits."""
        now = now or utcnow()
        item = self.get(item_id, scope)
        if item.lease_holder != actor:
            raise ClaimConflict(f"review item {item_id} is not claimed by you", code="not_claimed")
        item.lease_holder, item.lease_expires_at, item.updated_at = None, None, now
        AuditRepository(self.session).append(actor, "released", item_id=item_id, at=now)
        self.session.commit()
        return item

    # -- deciding

    def decide(
        self,
        item_id: str,
        actor: str,
        scope: Scope,
        *,
        action: str,
        labels: Sequence[str] | None = None,
        targets: Sequence[str] | None = None,
        reason: str | None = None,
        note: str | None = None,
        now: datetime | None = None,
    ) -> ReviewItem:
        """Approve, reject or escalate a claimed item; queues the webhook in the same
        transaction (outbox), so a decision and its notification commit or fail together."""
        now = now or utcnow()
        _check_decision(action, labels, targets)
        query = select(ReviewItem).where(ReviewItem.id == item_id)
        if self.session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update()
        item = self.session.scalars(query).first()
        if item is None or not _in_scope(item.community_id, scope):
            self.session.rollback()
            raise ItemNotFound(f"no review item {item_id!r}")
        if item.status not in OPEN_STATUSES:
            self.session.rollback()
            raise ClaimConflict(f"review item {item_id} is already {item.status}",
                                code="already_decided", details={"status": item.status})
        if item.lease_holder != actor:
            held = item.lease_holder is not None and item.lease_expires_at is not None \
                and item.lease_expires_at > now
            self.session.rollback()
            if held:
                raise ClaimConflict(f"review item {item_id} is claimed by someone else")
            raise ClaimConflict(f"claim review item {item_id} before deciding it",
                                code="not_claimed")
        item.status = _STATUS_AFTER[action]
        item.lease_holder, item.lease_expires_at, item.updated_at = None, None, now
        if action != "escalate":
            item.decided_at, item.decided_by, item.final_action = now, actor, action
            item.corrected_labels = list(labels) if labels is not None else None
            item.corrected_targets = list(targets) if targets is not None else None
            item.decision_reason, item.decision_note = reason, note
        AuditRepository(self.session).append(
            actor, "escalated" if action == "escalate" else "decided", item_id=item_id, at=now,
            details={"action": action, "labels": list(labels) if labels is not None else None,
                     "targets": list(targets) if targets is not None else None,
                     "reason": reason, "note": note},
        )
        client = self.session.get(ApiKey, item.api_key_id)
        if client is not None and client.webhook_url and client.revoked_at is None:
            payload = decision_event(item, action, list(labels) if labels is not None else None)
            if action == "escalate":
                payload["reason"] = reason
            OutboxRepository(self.session).enqueue(client.id, "review.decided", payload, now=now)
        self.session.commit()
        return item

    # -- retention

    def purge_text(self, *, decided_before: datetime, open_before: datetime,
                   actor: str = "system", now: datetime | None = None,
                   dry_run: bool = False) -> list[str]:
        """Delete the text of items decided before ``decided_before`` or still open since
        before ``open_before``. Returns the affected item ids. Commits unless ``dry_run``."""
        now = now or utcnow()
        query = select(ReviewItem.id).where(
            ReviewItem.text_purged_at.is_(None),
            or_(
                and_(ReviewItem.decided_at.is_not(None), ReviewItem.decided_at < decided_before),
                and_(ReviewItem.status.in_(OPEN_STATUSES), ReviewItem.created_at < open_before),
            ),
        )
        ids = list(self.session.scalars(query))
        if dry_run or not ids:
            self.session.rollback()
            return ids
        for chunk in _chunks(ids, 500):
            self.session.execute(
                update(ReviewItem).where(ReviewItem.id.in_(chunk))
                .values(text=None, reply_to_text=None, text_purged_at=now)
                .execution_options(synchronize_session=False)
            )
            for item_id in chunk:
                AuditRepository(self.session).append(actor, "text_purged", item_id=item_id, at=now)
        self.session.commit()
        return ids

    def forget_results(self, *, before: datetime) -> int:
        """Drop remembered results of posts that were never queued, and old idempotency
        records: past this window a repeated post id is moderated afresh. Commits."""
        removed = self.session.execute(
            delete(ModerationResult).where(ModerationResult.review_item_id.is_(None),
                                           ModerationResult.created_at < before)
        ).rowcount
        removed += self.session.execute(
            delete(IdempotencyRecord).where(IdempotencyRecord.created_at < before)
        ).rowcount
        self.session.commit()
        return int(removed or 0)

    # -- feedback

    def decided_with_text(self, scope: Scope, *, since: datetime | None = None,
                          community: str | None = None, limit: int | None = None
                          ) -> list[ReviewItem]:
        query = self._filtered(scope, community=community).where(
            ReviewItem.status.in_(FINAL_STATUSES), ReviewItem.text.is_not(None)
        )
        if since is not None:
            query = query.where(ReviewItem.decided_at >= since)
        query = query.order_by(ReviewItem.decided_at.asc(), ReviewItem.id.asc())
        if limit is not None:
            query = query.limit(limit)
        return list(self.session.scalars(query))


def _check_decision(action: str, labels: Sequence[str] | None,
                    targets: Sequence[str] | None) -> None:
    if action not in ACTIONS:
        raise InvalidRequest(f"action must be one of {', '.join(ACTIONS)}",
                             details={"field": "action"})
    unknown = sorted(set(labels or ()) - set(LABELS))
    if unknown:
        raise InvalidRequest(f"unknown labels {unknown}; valid labels: {', '.join(LABELS)}",
                             details={"field": "labels"})
    unknown = sorted(set(targets or ()) - set(TARGETS))
    if unknown:
        raise InvalidRequest(f"unknown targets {unknown}; valid targets: {', '.join(TARGETS)}",
                             details={"field": "targets"})


def _lease_free(now: datetime) -> Any:
    return or_(ReviewItem.lease_holder.is_(None), ReviewItem.lease_expires_at <= now)


def _in_scope(community: str, scope: Scope) -> bool:
    return scope is None or community in scope


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _chunks(values: list[str], size: int) -> list[list[str]]:
    return [values[i : i + size] for i in range(0, len(values), size)]


def new_item_id() -> str:
    return str(uuid.uuid4())


# --------------------------------------------------------------------------- webhook outbox


class OutboxRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def enqueue(self, api_key_id: str, event: str, payload: dict[str, Any], *,
                now: datetime | None = None) -> WebhookDelivery:
        """Flushes only: commits with the decision it announces (transactional outbox)."""
        now = now or utcnow()
        delivery_id = str(uuid.uuid4())
        body = json.dumps({"delivery_id": delivery_id, **payload}, separators=(",", ":"),
                          sort_keys=True)
        delivery = WebhookDelivery(id=delivery_id, api_key_id=api_key_id, event=event,
                                   payload=body, status="pending", attempts=0,
                                   next_attempt_at=now, created_at=now)
        self.session.add(delivery)
        self.session.flush()
        return delivery

    def claim_due(self, *, now: datetime | None = None, limit: int = 20,
                  lease_s: float = 60.0) -> list[WebhookDelivery]:
        """Lease due deliveries so that only one worker (of any replica) sends each. Commits."""
        now = now or utcnow()
        query = (
            select(WebhookDelivery)
            .where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= now,
                   or_(WebhookDelivery.lease_expires_at.is_(None),
                       WebhookDelivery.lease_expires_at <= now))
            .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
            .limit(limit)
        )
        if self.session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        due = list(self.session.scalars(query))
        for delivery in due:
            delivery.lease_expires_at = now + timedelta(seconds=lease_s)
        self.session.commit()
        return due

    def record_attempt(self, delivery_id: str, *, status_code: int | None, error: str | None,
                       duration_ms: int, delivered: bool, next_attempt_at: datetime | None,
                       now: datetime | None = None) -> WebhookDelivery:
        """Persist one attempt; ``next_attempt_at`` None with a failure means give up. Commits."""
        now = now or utcnow()
        delivery = self.session.get(WebhookDelivery, delivery_id)
        if delivery is None:
            raise ItemNotFound(f"no webhook delivery {delivery_id!r}")
        self.session.add(WebhookAttempt(delivery_id=delivery_id, at=now, status_code=status_code,
                                        error=(error or None) and error[:500],
                                        duration_ms=duration_ms))
        delivery.attempts += 1
        delivery.lease_expires_at = None
        delivery.last_error = (error or None) and error[:500]
        if delivered:
            delivery.status, delivery.delivered_at = "delivered", now
        elif next_attempt_at is None:
            delivery.status = "failed"
        else:
            delivery.next_attempt_at = next_attempt_at
        self.session.commit()
        return delivery

    def get(self, delivery_id: str, *, api_key_id: str | None = None) -> WebhookDelivery:
        delivery = self.session.get(WebhookDelivery, delivery_id)
        if delivery is None or (api_key_id is not None and delivery.api_key_id != api_key_id):
            raise ItemNotFound(f"no webhook delivery {delivery_id!r}")
        return delivery

    def list(self, *, status: str | None = None, api_key_id: str | None = None,
             limit: int = 100) -> list[WebhookDelivery]:
        query = select(WebhookDelivery).order_by(WebhookDelivery.created_at.desc()).limit(limit)
        if status:
            query = query.where(WebhookDelivery.status == status)
        if api_key_id:
            query = query.where(WebhookDelivery.api_key_id == api_key_id)
        return list(self.session.scalars(query))

    def attempts(self, delivery_id: str) -> list[WebhookAttempt]:
        query = select(WebhookAttempt).where(WebhookAttempt.delivery_id == delivery_id) \
            .order_by(WebhookAttempt.id)
        return list(self.session.scalars(query))

    def retry(self, delivery_id: str, *, actor: str, now: datetime | None = None
              ) -> WebhookDelivery:
        """Send a failed delivery again (same delivery id, so receivers can dedupe). Commits."""
        now = now or utcnow()
        delivery = self.get(delivery_id)
        delivery.status, delivery.next_attempt_at, delivery.lease_expires_at = "pending", now, None
        AuditRepository(self.session).append(actor, "webhook_retry",
                                             details={"delivery_id": delivery_id})
        self.session.commit()
        return delivery
