"""Group commit for the results of concurrent one-post requests.

Most ``/v1/moderate`` calls carry one post that nothing queues (it is allowed, or blocked
without review), so all they store is one ``moderation_results`` row. Stored one transaction per
request, that row cost more of the service's CPU than anything else on the request path: a
session, a pooled connection, ``BEGIN``, the insert and ``COMMIT``, and a thread hop to run them
(27 % of a request's instructions under callgrind, bench/README.md). ``ResultWriter`` stores the
rows of every request that is waiting at the same moment in one transaction, with one
multi-row insert and one commit, and answers each request only after that commit: nothing is
acknowledged before it is durable.

There is no timer: a row that finds the writer idle is written at once, alone, so a quiet
service adds no latency; rows that arrive while a write is in flight form the next group. A
duplicate post id in a group (a retry racing its first attempt) fails the multi-row insert; the
group is then written row by row, so only the duplicate is refused and the others are stored.
"""

from __future__ import annotations

import asyncio
from typing import Any

from anyio import to_thread
from sqlalchemy import insert
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from service.store.db import is_unavailable
from service.store.models import ModerationResult

#: Rows per transaction. A group this large only forms under a burst; bounding it bounds how long
#: one write holds SQLite's single writer lock.
MAX_GROUP_ROWS = 256


class ResultWriter:
    """Inserts ``moderation_results`` rows for concurrent requests in shared transactions."""

    def __init__(self, engine: Engine, *, max_rows: int = MAX_GROUP_ROWS) -> None:
        self.engine = engine
        self.max_rows = max_rows
        self._pending: list[tuple[dict[str, Any], asyncio.Future[bool]]] = []
        self._flusher: asyncio.Task[None] | None = None
        #: Groups written and rows stored, for tests and diagnostics.
        self.groups = 0
        self.rows = 0

    async def insert(self, row: dict[str, Any]) -> bool:
        """Store one row; True once committed, False when its (key, post id) is already stored.

        Raises what the database raised when the row could not be written (an outage: the
        caller answers fail-safe; anything else: a bug, reported as such).
        """
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._pending.append((row, future))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush(), name="haven-result-writer")
        return await future

    async def _flush(self) -> None:
        while self._pending:
            group, self._pending = self._pending[:self.max_rows], self._pending[self.max_rows:]
            try:
                outcomes = await to_thread.run_sync(self._write, [row for row, _ in group])
            except asyncio.CancelledError:  # the loop is shutting down: nobody is left to answer
                for _, future in [*group, *self._pending]:
                    future.cancel()
                self._pending = []
                raise
            except Exception as exc:  # the database is down (or a bug): every row of the group
                for _, future in group:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for (_, future), outcome in zip(group, outcomes, strict=True):
                if future.done():  # the request went away; its row is stored all the same
                    continue
                if isinstance(outcome, BaseException):
                    future.set_exception(outcome)
                else:
                    future.set_result(outcome)

    def _write(self, rows: list[dict[str, Any]]) -> list[bool | BaseException]:
        """Runs in a worker thread: one transaction for the group, or one per row on an error."""
        self.groups += 1
        with self.engine.connect() as connection:
            try:
                self._insert(connection, rows)
                return [True] * len(rows)
            except IntegrityError:
                if len(rows) == 1:
                    return [False]
            except DBAPIError as exc:
                if is_unavailable(exc) or len(rows) == 1:
                    raise
            # A duplicate id (or one bad row) in the group: find it by writing row by row, so
            # one request's conflict never fails the others.
            outcomes: list[bool | BaseException] = []
            for row in rows:
                try:
                    self._insert(connection, [row])
                    outcomes.append(True)
                except IntegrityError:
                    outcomes.append(False)
                except DBAPIError as exc:
                    if is_unavailable(exc):
                        raise
                    outcomes.append(exc)
            return outcomes

    def _insert(self, connection: Connection, rows: list[dict[str, Any]]) -> None:
        with connection.begin():
            connection.execute(insert(ModerationResult), rows)
        self.rows += len(rows)
