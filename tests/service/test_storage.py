"""Repositories and migrations on SQLite and on the real PostgreSQL (``db_url`` runs both)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from service.errors import ClaimConflict, ItemNotFound
from service.store import db
from service.store.models import ModerationResult, ReviewItem
from service.store.repositories import (
    AuditRepository,
    KeyRepository,
    ModerationRepository,
    OutboxRepository,
    ReviewRepository,
    new_item_id,
)

T0 = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def sessions(db_url):
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    yield db.make_sessionmaker(engine)
    engine.dispose()


def make_item(post_id: str, *, community: str = "c1", priority: int = 50,
              created: datetime = T0, labels: tuple[str, ...] = ("hate",)) -> ReviewItem:
    return ReviewItem(
        id=new_item_id(), api_key_id="client1", post_id=post_id, community_id=community,
        text=f"text of {post_id}", model_decision="review", reasons=[], labels=list(labels),
        scores={"hate": 0.6}, targets=None, priority=priority, status="pending",
        created_at=created, updated_at=created, policy_name="default", policy_version="1",
    )


def add_items(sessions, *items: ReviewItem) -> list[str]:
    with sessions() as session:
        repo = ModerationRepository(session)
        for item in items:
            result = ModerationResult(api_key_id=item.api_key_id, post_id=item.post_id,
                                      text_sha256="x" * 64, community_id=item.community_id,
                                      decision=item.model_decision, result={}, created_at=T0,
                                      review_item_id=item.id)
            assert repo.save_result(result, item, actor="test") is not None
        session.commit()
    return [i.id for i in items]


def test_migration_from_empty_matches_models(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from service.store.models import Base

    engine = db.make_engine(db_url)
    assert db.current_revision(engine) is None
    db.upgrade(engine)
    assert db.current_revision(engine) == db.head_revision()
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    db.downgrade(engine, "base")
    assert db.current_revision(engine) is None
    db.upgrade(engine)  # and up again: downgrade left nothing behind
    engine.dispose()


def test_audit_log_is_append_only_in_the_database(sessions):
    with sessions() as session:
        AuditRepository(session).append("tester", "something", details={"x": 1})
        session.commit()
    for statement in ("UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log"):
        with sessions() as session, pytest.raises(DBAPIError, match="append-only"):
            session.execute(text(statement))
            session.commit()
    with sessions() as session:
        assert [e.action for e in AuditRepository(session).recent()] == ["something"]


def test_duplicate_post_is_never_queued_twice(sessions):
    add_items(sessions, make_item("p1"))
    with sessions() as session:
        duplicate = make_item("p1")
        result = ModerationResult(api_key_id="client1", post_id="p1", text_sha256="x" * 64,
                                  community_id="c1", decision="review", result={}, created_at=T0,
                                  review_item_id=duplicate.id)
        assert ModerationRepository(session).save_result(result, duplicate, actor="t") is None
        session.commit()
        assert session.query(ReviewItem).count() == 1


def test_single_write_insert_without_savepoint_refuses_a_duplicate(sessions):
    """``only_write`` (one post per request) rolls the whole transaction back on a duplicate."""
    def result_row(post_id: str, item: ReviewItem | None) -> ModerationResult:
        return ModerationResult(api_key_id="client1", post_id=post_id, text_sha256="x" * 64,
                                community_id="c1", decision="allow" if item is None else "review",
                                result={"decision": "allow"}, created_at=T0,
                                review_item_id=item.id if item is not None else None)

    with sessions() as session:
        repo = ModerationRepository(session)
        assert repo.save_result(result_row("a", None), None, actor="t", only_write=True)
        session.commit()
    for item in (None, make_item("a")):  # an allowed repeat, and a repeat that would queue
        with sessions() as session:
            repo = ModerationRepository(session)
            assert repo.save_result(result_row("a", item), item, actor="t", only_write=True) is None
            session.commit()
    with sessions() as session:
        stored = ModerationRepository(session).find_results("client1", ["a"])
        assert stored["a"].result == {"decision": "allow"} and stored["a"].created_at is not None
        assert session.query(ReviewItem).count() == 0
        assert session.query(ModerationResult).count() == 1


def test_queue_order_filters_and_scope(sessions):
    ids = add_items(
        sessions,
        make_item("old", created=T0),
        make_item("new", created=T0 + timedelta(minutes=1)),
        make_item("crisis", priority=100, created=T0 + timedelta(minutes=2),
                  labels=("self_harm",)),
        make_item("other", community="c2", created=T0 + timedelta(minutes=3)),
    )
    with sessions() as session:
        repo = ReviewRepository(session)
        page = repo.list(None)
        assert [i.post_id for i in page.items] == ["crisis", "old", "new", "other"]
        assert [i.post_id for i in repo.list(frozenset({"c2"})).items] == ["other"]
        assert [i.post_id for i in repo.list(None, label="self_harm").items] == ["crisis"]
        assert repo.list(None, limit=2, offset=1).total == 4
        with pytest.raises(ItemNotFound):
            repo.get(ids[3], frozenset({"c1"}))


def test_claim_lease_expiry_and_decide(sessions):
    (item_id,) = add_items(sessions, make_item("p"))
    with sessions() as session:
        repo = ReviewRepository(session)
        claimed = repo.claim_next("mod:a", None, lease_s=60, now=T0)
        assert claimed.id == item_id and claimed.lease_holder == "mod:a"
        assert repo.claim_next("mod:b", None, lease_s=60, now=T0 + timedelta(seconds=59)) is None
        with pytest.raises(ClaimConflict):
            repo.claim(item_id, "mod:b", None, lease_s=60, now=T0 + timedelta(seconds=30))
        stolen = repo.claim_next("mod:b", None, lease_s=60, now=T0 + timedelta(seconds=61))
        assert stolen.id == item_id and stolen.lease_holder == "mod:b"
        with pytest.raises(ClaimConflict):
            repo.decide(item_id, "mod:a", None, action="approve", now=T0 + timedelta(seconds=62))
        decided = repo.decide(item_id, "mod:b", None, action="approve", reason="ok",
                              now=T0 + timedelta(seconds=63))
        assert decided.status == "approved" and decided.decided_by == "mod:b"
        actions = [e.action for e in repo.history(item_id, None)]
        assert actions == ["queued", "claimed", "claimed", "decided"]


def test_decision_and_outbox_commit_together(sessions):
    with sessions() as session:
        key, _ = KeyRepository(session).create(name="acme", role="client",
                                               webhook_url="http://127.0.0.1:9/h",
                                               webhook_secret="s")
    item = make_item("p")
    item.api_key_id = key.id
    add_items(sessions, item)
    with sessions() as session:
        repo = ReviewRepository(session)
        repo.claim(item.id, "mod", None, lease_s=60, now=T0)
        repo.decide(item.id, "mod", None, action="reject", labels=["hate"], now=T0)
        (delivery,) = OutboxRepository(session).list()
        assert delivery.status == "pending" and '"action":"reject"' in delivery.payload
        due = OutboxRepository(session).claim_due(now=T0 + timedelta(seconds=1))
        assert [d.id for d in due] == [delivery.id]
        assert OutboxRepository(session).claim_due(now=T0 + timedelta(seconds=2)) == []


def test_purge_removes_text_only_past_retention(sessions):
    ids = add_items(sessions, make_item("decided-old"), make_item("decided-new"),
                    make_item("open-old", created=T0 - timedelta(days=200)), make_item("open-new"))
    now = T0 + timedelta(days=40)
    with sessions() as session:
        repo = ReviewRepository(session)
        for item_id, when in ((ids[0], T0), (ids[1], T0 + timedelta(days=35))):
            repo.claim(item_id, "m", None, lease_s=60, now=when)
            repo.decide(item_id, "m", None, action="approve", now=when)
        kwargs = {"decided_before": now - timedelta(days=30),
                  "open_before": now - timedelta(days=180), "now": now}
        assert sorted(repo.purge_text(dry_run=True, **kwargs)) == sorted([ids[0], ids[2]])
        assert sorted(repo.purge_text(**kwargs)) == sorted([ids[0], ids[2]])
        texts = {i: session.get(ReviewItem, i).text for i in ids}
        assert texts[ids[0]] is None and texts[ids[2]] is None
        assert texts[ids[1]] == "text of decided-new" and texts[ids[3]] == "text of open-new"
        assert repo.history(ids[0], None)[-1].action == "text_purged"
        assert repo.purge_text(**kwargs) == []


def test_concurrent_claims_in_threads_never_share_an_item(sessions):
    ids = add_items(sessions, *[make_item(f"p{i}") for i in range(20)])
    claimed: list[tuple[str, str]] = []
    lock = threading.Lock()

    def worker(name: str) -> None:
        with sessions() as session:
            repo = ReviewRepository(session)
            while True:
                item = repo.claim_next(name, None, lease_s=600, now=T0)
                if item is None:
                    return
                with lock:
                    claimed.append((item.id, name))

    threads = [threading.Thread(target=worker, args=(f"m{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(i for i, _ in claimed) == sorted(ids)  # each exactly once


@pytest.mark.postgres
def test_replicas_migrating_at_once_do_not_collide(pg_url):
    engines = [db.make_engine(pg_url) for _ in range(3)]
    errors: list[BaseException] = []

    def migrate(engine) -> None:
        try:
            db.upgrade(engine)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=migrate, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert db.current_revision(engines[0]) == db.head_revision()
    for engine in engines:
        engine.dispose()
