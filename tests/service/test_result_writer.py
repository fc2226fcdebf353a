"""Group commit of one-post results (``service.store.writer``), on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from service.store import db
from service.store.models import ModerationResult
from service.store.writer import ResultWriter

T0 = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def engine(db_url):
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    yield engine
    engine.dispose()


def row(post_id: str, key: str = "client1", **overrides: Any) -> dict[str, Any]:
    return {"api_key_id": key, "post_id": post_id, "text_sha256": "x" * 64, "community_id": "c1",
            "decision": "allow", "result": {"id": post_id, "decision": "allow"},
            "review_item_id": None, "created_at": T0, **overrides}


def stored_ids(engine) -> list[str]:
    with engine.connect() as conn:
        return sorted(conn.scalars(select(ModerationResult.post_id)))


async def insert_all(writer: ResultWriter, rows: list[dict[str, Any]]) -> list[Any]:
    return await asyncio.gather(*(writer.insert(r) for r in rows), return_exceptions=True)


def test_concurrent_rows_are_committed_together_and_each_is_answered(engine):
    writer = ResultWriter(engine)
    outcomes = asyncio.run(insert_all(writer, [row(f"p{i}") for i in range(40)]))
    assert outcomes == [True] * 40
    assert stored_ids(engine) == sorted(f"p{i}" for i in range(40))
    assert writer.rows == 40 and writer.groups == 1  # all were waiting: one transaction


def test_an_idle_writer_writes_a_row_at_once(engine):
    writer = ResultWriter(engine)

    async def one_after_another() -> list[bool]:
        return [await writer.insert(row(f"p{i}")) for i in range(3)]

    # No timer waits for company: each row alone is its own transaction, written straight away.
    assert asyncio.run(one_after_another()) == [True] * 3
    assert writer.groups == 3


def test_groups_are_bounded(engine):
    writer = ResultWriter(engine, max_rows=8)
    assert asyncio.run(insert_all(writer, [row(f"p{i}") for i in range(30)])) == [True] * 30
    assert writer.groups >= 4 and len(stored_ids(engine)) == 30


def test_a_duplicate_post_id_fails_only_itself(engine):
    writer = ResultWriter(engine)
    assert asyncio.run(writer.insert(row("dup"))) is True
    rows = [row("a"), row("dup", result={"other": True}), row("b"), row("dup", key="client2")]
    outcomes = asyncio.run(insert_all(writer, rows))
    # Same id under another key is another post; the repeated id of client1 is refused.
    assert outcomes == [True, False, True, True]
    with engine.connect() as conn:
        count = conn.scalar(select(func.count()).select_from(ModerationResult))
        first = conn.scalar(select(ModerationResult.result).where(
            ModerationResult.api_key_id == "client1", ModerationResult.post_id == "dup"))
    assert count == 4 and first == {"id": "dup", "decision": "allow"}


@pytest.mark.postgres
def test_a_row_the_database_refuses_fails_only_its_own_request(pg_url):
    engine = db.make_engine(pg_url)
    db.upgrade(engine)
    try:
        writer = ResultWriter(engine)
        rows = [row("a"), row("b", key="k" * 40), row("c")]  # api_key_id is VARCHAR(32)
        outcomes = asyncio.run(insert_all(writer, rows))
        assert outcomes[0] is True and outcomes[2] is True
        assert isinstance(outcomes[1], DBAPIError)
        assert stored_ids(engine) == ["a", "c"]
    finally:
        engine.dispose()


def test_an_unreachable_database_fails_every_waiting_row(tmp_path):
    engine = db.make_engine(f"sqlite:///{tmp_path / 'haven.db'}")
    (tmp_path / "haven.db").mkdir()  # a directory where the file would be: SQLite cannot open it
    writer = ResultWriter(engine)
    outcomes = asyncio.run(insert_all(writer, [row(f"p{i}") for i in range(5)]))
    assert all(isinstance(o, DBAPIError) and db.is_unavailable(o) for o in outcomes)
    assert writer.rows == 0


def test_concurrent_one_post_requests_are_stored_and_replayed(make_harness):
    h = make_harness()
    token = h.key("client")
    posts = [{"id": f"p{i}", "text": f"have a lovely day number {i}"} for i in range(24)]
    with ThreadPoolExecutor(8) as pool:
        first = list(pool.map(lambda p: h.moderate(token, p), posts))
    assert [r.status_code for r in first] == [200] * 24
    assert all(r.json()["results"][0]["decision"] == "allow" for r in first)
    writer = h.services.moderation.writer
    assert writer.rows == 24
    # Sent again: answered from storage, identical, and nothing is stored twice.
    with ThreadPoolExecutor(8) as pool:
        again = list(pool.map(lambda p: h.moderate(token, p), posts))
    for before, after in zip(first, again, strict=True):
        result = after.json()["results"][0]
        assert result["replayed"] is True
        assert {**result, "replayed": False} == before.json()["results"][0]
    assert writer.rows == 24
    # Same id with other text: still a 409, as without the writer.
    conflict = h.moderate(token, {"id": "p0", "text": "different words"})
    assert conflict.status_code == 409


def test_a_request_that_goes_away_still_has_its_row_stored(engine):
    writer = ResultWriter(engine)

    async def scenario() -> bool:
        gone = asyncio.create_task(writer.insert(row("gone")))
        stays = asyncio.create_task(writer.insert(row("stays")))
        await asyncio.sleep(0)  # both rows are queued
        gone.cancel()  # the client disconnected
        return await stays

    # Like a request that dies after its commit: a resend is answered from storage.
    assert asyncio.run(scenario()) is True
    assert stored_ids(engine) == ["gone", "stays"]
