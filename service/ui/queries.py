"""Read-only queries the web UI needs beyond ``service.store.repositories``.

Filter counts, an author's recent posts, queue neighbours, key names and the stats page. They
take a ``Session`` and a community ``Scope`` like the repositories do, and apply the same rule:
nothing outside the caller's scope is read. Writes (claims, decisions) go through
``ReviewRepository`` so the UI and the JSON API share one audited path.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from models.taxonomy import LABELS
from service.feedback import item_labels
from service.security import Role
from service.store.models import ApiKey, ReviewItem, ReviewItemLabel
from service.store.repositories import FINAL_STATUSES, OPEN_STATUSES, STATUSES, Scope

UI_ROLES = (Role.MODERATOR.value, Role.ADMIN.value)
DECISIONS = ("refer", "review", "block")


@dataclass(frozen=True)
class QueueFilters:
    """The queue page's filters; empty strings mean "any"."""

    community: str = ""
    label: str = ""
    decision: str = ""
    status: str = "open"


def active_ui_key(session: Session, key_id: str) -> ApiKey | None:
    """The key behind a web session, if it still exists, is not revoked and may use the UI."""
    key = session.get(ApiKey, key_id)
    if key is None or key.revoked_at is not None or key.role not in UI_ROLES:
        return None
    return key


def actor_names(session: Session, actors: Iterable[str | None]) -> dict[str, str]:
    """``key:<id>`` -> the key's name, so pages say who holds or decided an item."""
    ids = {a.removeprefix("key:") for a in actors if a and a.startswith("key:")}
    if not ids:
        return {}
    rows = session.execute(select(ApiKey.id, ApiKey.name).where(ApiKey.id.in_(sorted(ids))))
    return {f"key:{key_id}": name for key_id, name in rows}


def _scoped(query: Select[Any], scope: Scope) -> Select[Any]:
    if scope is not None:
        query = query.where(ReviewItem.community_id.in_(sorted(scope)))
    return query


def _apply(query: Select[Any], filters: QueueFilters, *, skip: str) -> Select[Any]:
    """Apply every filter but ``skip``, so each filter's counts answer "what if I pick this"."""
    if filters.community and skip != "community":
        query = query.where(ReviewItem.community_id == filters.community)
    if filters.decision and skip != "decision":
        query = query.where(ReviewItem.model_decision == filters.decision)
    if skip != "status":
        if filters.status == "open":
            query = query.where(ReviewItem.status.in_(OPEN_STATUSES))
        elif filters.status and filters.status != "all":
            query = query.where(ReviewItem.status == filters.status)
    if filters.label and skip != "label":
        query = query.where(exists().where(ReviewItemLabel.item_id == ReviewItem.id,
                                           ReviewItemLabel.label == filters.label))
    return query


@dataclass
class FilterCounts:
    status: dict[str, int] = field(default_factory=dict)
    decision: dict[str, int] = field(default_factory=dict)
    community: dict[str, int] = field(default_factory=dict)
    label: dict[str, int] = field(default_factory=dict)


def filter_counts(session: Session, scope: Scope, filters: QueueFilters) -> FilterCounts:
    counts = FilterCounts()
    by_status = session.execute(
        _apply(_scoped(select(ReviewItem.status, func.count()), scope), filters, skip="status")
        .group_by(ReviewItem.status)
    )
    counts.status = {status: int(n) for status, n in by_status}
    counts.status["open"] = sum(counts.status.get(s, 0) for s in OPEN_STATUSES)
    counts.status["all"] = sum(counts.status.get(s, 0) for s in STATUSES)
    by_decision = session.execute(
        _apply(_scoped(select(ReviewItem.model_decision, func.count()), scope), filters,
               skip="decision").group_by(ReviewItem.model_decision)
    )
    counts.decision = {decision: int(n) for decision, n in by_decision}
    by_community = session.execute(
        _apply(_scoped(select(ReviewItem.community_id, func.count()), scope), filters,
               skip="community").group_by(ReviewItem.community_id)
    )
    counts.community = {community: int(n) for community, n in by_community}
    by_label = session.execute(
        _apply(_scoped(select(ReviewItemLabel.label, func.count())
                       .join(ReviewItem, ReviewItem.id == ReviewItemLabel.item_id), scope),
               filters, skip="label").group_by(ReviewItemLabel.label)
    )
    counts.label = {label: int(n) for label, n in by_label}
    return counts


def author_recent(session: Session, item: ReviewItem, scope: Scope, *,
                  limit: int = 10) -> list[ReviewItem]:
    """The same author's other queued posts in the same community, newest first: context for
    a crisis or a harassment pattern. Author ids are per platform, hence the same client key."""
    if not item.author_id:
        return []
    query = _scoped(select(ReviewItem), scope).where(
        ReviewItem.api_key_id == item.api_key_id,
        ReviewItem.community_id == item.community_id,
        ReviewItem.author_id == item.author_id,
        ReviewItem.id != item.id,
    ).order_by(ReviewItem.created_at.desc(), ReviewItem.id.desc()).limit(limit)
    return list(session.scalars(query))


def queue_neighbours(session: Session, scope: Scope, item: ReviewItem
                     ) -> tuple[str | None, str | None]:
    """(previous, next) open item ids around ``item`` in queue order (priority desc, oldest
    first, id), for j/k on the item page. Works for decided items too (they sit where they
    would have been)."""
    after = or_(
        ReviewItem.priority < item.priority,
        and_(ReviewItem.priority == item.priority, or_(
            ReviewItem.created_at > item.created_at,
            and_(ReviewItem.created_at == item.created_at, ReviewItem.id > item.id),
        )),
    )
    before = or_(
        ReviewItem.priority > item.priority,
        and_(ReviewItem.priority == item.priority, or_(
            ReviewItem.created_at < item.created_at,
            and_(ReviewItem.created_at == item.created_at, ReviewItem.id < item.id),
        )),
    )
    base = _scoped(select(ReviewItem.id), scope).where(ReviewItem.status.in_(OPEN_STATUSES))
    next_id = session.scalar(base.where(after).order_by(
        ReviewItem.priority.desc(), ReviewItem.created_at.asc(), ReviewItem.id.asc()).limit(1))
    prev_id = session.scalar(base.where(before).order_by(
        ReviewItem.priority.asc(), ReviewItem.created_at.desc(), ReviewItem.id.desc()).limit(1))
    return prev_id, next_id


# --------------------------------------------------------------------------- stats


@dataclass(frozen=True)
class LabelAgreement:
    """Model flag vs the moderator's judgement of one label (the feedback export's mapping)."""

    label: str
    agreed: int
    false_positive: int  # the model flagged it, the moderator said it does not apply
    missed: int  # the moderator ticked it, the model did not flag it

    @property
    def judged(self) -> int:
        return self.agreed + self.false_positive + self.missed

    @property
    def rate(self) -> float | None:
        return self.agreed / self.judged if self.judged else None


@dataclass(frozen=True)
class Stats:
    now: datetime
    open_now: int
    #: (day label, open posts at the end of that day); the last point is now.
    queue_over_time: list[tuple[str, int]]
    decisions_per_label: dict[str, dict[str, int]]
    median_minutes: dict[str, float | None]
    decided_count: int
    agreement: list[LabelAgreement]
    overall_agreement: float | None
    weekly_agreement: list[tuple[datetime, float | None, int]]


#: Decided items read for the agreement figures: recent enough to show drift, bounded in memory.
AGREEMENT_WINDOW_DAYS = 56
AGREEMENT_MAX_ITEMS = 5000


def stats(session: Session, scope: Scope, now: datetime, *, days: int = 14) -> Stats:
    base = _scoped(select(func.count()).select_from(ReviewItem), scope)
    # Queue size at the end of each day: created by then and not yet finally decided. Escalated
    # items have no decided_at, so they count as open, as they are.
    points: list[tuple[str, int]] = []
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    for back in range(days - 1, -1, -1):
        at = min(midnight - timedelta(days=back - 1), now)
        size = session.scalar(base.where(
            ReviewItem.created_at <= at,
            or_(ReviewItem.decided_at.is_(None), ReviewItem.decided_at > at),
        )) or 0
        day = "now" if at == now else (at - timedelta(seconds=1)).strftime("%a %d %b")
        points.append((day, int(size)))
    open_now = int(session.scalar(base.where(ReviewItem.status.in_(OPEN_STATUSES))) or 0)

    per_label: dict[str, dict[str, int]] = {label: {"approve": 0, "reject": 0} for label in LABELS}
    rows = session.execute(
        _scoped(select(ReviewItemLabel.label, ReviewItem.final_action, func.count())
                .join(ReviewItem, ReviewItem.id == ReviewItemLabel.item_id), scope)
        .where(ReviewItem.status.in_(FINAL_STATUSES))
        .group_by(ReviewItemLabel.label, ReviewItem.final_action)
    )
    for label, action, n in rows:
        per_label.setdefault(label, {"approve": 0, "reject": 0})[action] = int(n)

    since = now - timedelta(days=AGREEMENT_WINDOW_DAYS)
    decided = list(session.scalars(
        _scoped(select(ReviewItem), scope)
        .where(ReviewItem.status.in_(FINAL_STATUSES), ReviewItem.decided_at >= since)
        .order_by(ReviewItem.decided_at.desc()).limit(AGREEMENT_MAX_ITEMS)
    ))
    minutes: dict[str, list[float]] = defaultdict(list)
    for item in decided:
        if item.decided_at is not None:
            waited = (item.decided_at - item.created_at).total_seconds() / 60
            minutes[item.model_decision].append(waited)
            minutes["all"].append(waited)
    median_minutes = {name: (statistics.median(minutes[name]) if minutes[name] else None)
                      for name in ("all", *DECISIONS)}

    agreed: Counter[str] = Counter()
    false_pos: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    weekly: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for item in decided:
        judged, _targets = item_labels(item)
        flagged = set(item.labels)
        week = int((now - (item.decided_at or now)).days // 7)
        for label, verdict in judged.items():
            if verdict is None:
                continue
            model_says = label in flagged
            if model_says == bool(verdict):
                agreed[label] += 1
                weekly[week][0] += 1
            elif model_says:
                false_pos[label] += 1
            else:
                missed[label] += 1
            weekly[week][1] += 1
    agreement = [LabelAgreement(label, agreed[label], false_pos[label], missed[label])
                 for label in LABELS]
    total_judged = sum(a.judged for a in agreement)
    overall = sum(a.agreed for a in agreement) / total_judged if total_judged else None
    weekly_agreement = [
        (now - timedelta(days=7 * (week + 1)),
         (weekly[week][0] / weekly[week][1]) if weekly[week][1] else None, weekly[week][1])
        for week in range(AGREEMENT_WINDOW_DAYS // 7 - 1, -1, -1)
    ]
    return Stats(now=now, open_now=open_now, queue_over_time=points,
                 decisions_per_label=per_label, median_minutes=median_minutes,
                 decided_count=len(decided), agreement=agreement, overall_agreement=overall,
                 weekly_agreement=weekly_agreement)
