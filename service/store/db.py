"""Engine, sessions and migrations for SQLite (embedded default) and PostgreSQL (shared queue)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def make_engine(url: str, *, pool_size: int = 5) -> Engine:
    """Create the engine; for SQLite also the folder of the file and the pragmas we rely on."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        # One connection per process: SQLite runs one write transaction at a time anyway, and
        # threads waiting on the pool queue are served in turn, while threads contending for
        # the file lock each sleep in SQLite's busy handler with growing back-off (measured:
        # p99 over a second at 64 concurrent requests). Other processes still meet the file
        # lock and wait through busy_timeout.
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               pool_size=1, max_overflow=0, pool_timeout=30)
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite defers BEGIN until the first write, so two connections could read the same
        # queue row before either writes. BEGIN IMMEDIATE takes the write lock up front: SQLite
        # transactions are then serialised (busy_timeout queues them), the embedded-mode trade-off.
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
        return engine
    # A database that stops answering (not just refusing) must not hang requests for minutes:
    # connecting gives up after CONNECT_TIMEOUT_S, and the caller answers 503 (see
    # ``is_unavailable``). A connect_timeout in the URL wins.
    connect_args = {} if "connect_timeout" in parsed.query else \
        {"connect_timeout": CONNECT_TIMEOUT_S}
    return create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True,
                         connect_args=connect_args)


#: Seconds to wait for a PostgreSQL connection before the request fails with 503.
CONNECT_TIMEOUT_S = 5


def is_unavailable(exc: BaseException) -> bool:
    """True when ``exc`` means the database cannot be reached or used right now (refused,
    dropped mid-query, pool exhausted, SQLite locked past its busy timeout), as opposed to a
    bug or a bad value. Such errors are answered 503 ``storage_unavailable``: retry later."""
    if isinstance(exc, sa_exc.DBAPIError):
        return bool(exc.connection_invalidated) or isinstance(
            exc, sa_exc.OperationalError | sa_exc.InterfaceError)
    return isinstance(exc, sa_exc.TimeoutError)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # let the "begin" listener above own transactions
    cursor = dbapi_conn.cursor()
    # WAL lets readers proceed during a write; busy_timeout makes writers wait, not fail.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


#: Arbitrary constant naming Haven's migration lock among PostgreSQL advisory locks.
MIGRATION_LOCK_ID = 0x4A56454E


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to ``revision``. On PostgreSQL an advisory lock serialises replicas that start
    together with ``HAVEN_MIGRATE_ON_START=true``: the first migrates, the others find it done."""
    if engine.dialect.name != "postgresql":
        command.upgrade(alembic_config(engine), revision)
        return
    with engine.connect() as lock:
        lock.execute(text("SELECT pg_advisory_lock(:id)"), {"id": MIGRATION_LOCK_ID})
        try:
            command.upgrade(alembic_config(engine), revision)
        finally:
            lock.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": MIGRATION_LOCK_ID})
            lock.commit()


def downgrade(engine: Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def ping(engine: Engine) -> None:
    """Raise if the database cannot answer a trivial query."""
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
