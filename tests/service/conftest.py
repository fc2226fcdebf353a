"""Fixtures for the service tests: a fake model, an app on a temporary SQLite file, API keys,
and a PostgreSQL database created for this run and dropped after it."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from service_fakes import FakePredictor

from models.predictor import Predictor
from service.app import create_app
from service.security import Role
from service.settings import Settings
from service.store.repositories import KeyRepository

PG_ADMIN_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings read HAVEN_* variables: tests must not see the developer's."""
    for name in list(os.environ):
        if name.startswith("HAVEN_"):
            monkeypatch.delenv(name)


class FakeClock:
    """A settable UTC clock, so lease expiry and retention are tested without sleeping."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": f"sqlite:///{tmp_path / 'haven.db'}",
        "webhooks_enabled": False,
        "policy_reload_interval_s": 0,
        "rate_limit_per_minute": 100_000,
        "rate_limit_burst": 10_000,
        "log_format": "text",
    }
    values.update(overrides)
    return Settings(**values)


@dataclass
class Harness:
    client: TestClient
    clock: FakeClock
    predictor: Predictor | None
    keys: dict[str, str] = field(default_factory=dict)

    @property
    def services(self) -> Any:
        return self.client.app.state.services  # type: ignore[attr-defined]

    def key(self, name: str, role: Role | str = Role.CLIENT, communities: list[str] | None = None,
            **kwargs: Any) -> str:
        with self.services.sessions() as session:
            _, token = KeyRepository(session).create(name=name, role=role,
                                                     communities=communities or [], **kwargs)
        self.keys[name] = token
        return token

    def headers(self, token: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}", **extra}

    def moderate(self, token: str, *posts: dict[str, Any], **headers: str) -> Any:
        return self.client.post("/v1/moderate", json={"posts": list(posts)},
                                headers=self.headers(token, **headers))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_harness(tmp_path: Path, clock: FakeClock) -> Iterator[Callable[..., Harness]]:
    """Build an app (fake model unless ``model=`` says otherwise) inside a running
    TestClient; every harness is closed at the end of the test."""
    clients: list[TestClient] = []

    def build(model: Predictor | None | str = "fake", *, real_clock: bool = False,
              **overrides: Any) -> Harness:
        model = FakePredictor() if model == "fake" else model
        settings = overrides.pop("settings", None) or make_settings(tmp_path, **overrides)
        app = create_app(settings, model,  # type: ignore[arg-type]
                         clock=None if real_clock else clock)
        client = TestClient(app, raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return Harness(client=client, clock=clock, predictor=model)  # type: ignore[arg-type]

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def harness(make_harness: Callable[..., Harness]) -> Harness:
    return make_harness()


# --------------------------------------------------------------------------- PostgreSQL


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A database created for this test run on 127.0.0.1:5432 and dropped afterwards."""
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(PG_ADMIN_DSN, autocommit=True)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 is unreachable: {exc}".splitlines()[0])
    name = f"haven_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """The run's database, emptied (schema dropped) after each test so tests stay independent."""
    yield pg_server
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_server)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Storage tests run on both backends."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("pg_url")
