"""Fixtures for the web UI tests: an app on a temporary SQLite file with a fake model, keys,
queued posts, and a signed-in browser-like client (cookies + CSRF tokens)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ui_fakes import KeywordPredictor  # noqa: E402
from ui_support import SESSION_SECRET, csrf_of  # noqa: E402

from service.app import create_app  # noqa: E402
from service.settings import Settings  # noqa: E402
from service.store.repositories import KeyRepository  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings read HAVEN_* variables: tests must not see the developer's."""
    for name in list(os.environ):
        if name.startswith("HAVEN_"):
            monkeypatch.delenv(name)


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@dataclass
class UiHarness:
    app: Any
    clock: FakeClock
    predictor: Any
    tmp_path: Path
    clients: list[TestClient] = field(default_factory=list)

    @property
    def services(self) -> Any:
        return self.app.state.services

    def client(self) -> TestClient:
        """A fresh cookie jar: one per moderator (or anonymous visitor)."""
        client = TestClient(self.app, raise_server_exceptions=True, follow_redirects=False)
        client.__enter__()
        self.clients.append(client)
        return client

    def key(self, name: str, role: str = "client", communities: list[str] | None = None) -> str:
        with self.services.sessions() as session:
            _, token = KeyRepository(session).create(name=name, role=role,
                                                     communities=communities or [])
        return token

    def moderate(self, token: str, *posts: dict[str, Any]) -> dict[str, dict[str, Any]]:
        api = self.clients[0] if self.clients else self.client()
        response = api.post("/v1/moderate", json={"posts": list(posts)},
                            headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200, response.text
        return {r["id"]: r for r in response.json()["results"]}

    def sign_in(self, token: str) -> TestClient:
        client = self.client()
        form = client.get("/ui/login")
        assert form.status_code == 200
        response = client.post("/ui/login", data={"api_key": token,
                                                  "csrf_token": csrf_of(form.text),
                                                  "next": "/ui"})
        assert response.status_code == 303, response.text
        return client


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_ui(tmp_path: Path, clock: FakeClock) -> Iterator[Callable[..., UiHarness]]:
    harnesses: list[UiHarness] = []

    def build(predictor: Any = None, **overrides: Any) -> UiHarness:
        predictor = predictor or KeywordPredictor()
        values: dict[str, Any] = {
            "database_url": f"sqlite:///{tmp_path / 'haven.db'}",
            "webhooks_enabled": False, "policy_reload_interval_s": 0,
            "rate_limit_per_minute": 100_000, "rate_limit_burst": 10_000,
            "log_format": "text", "ui_session_secret": SESSION_SECRET,
        }
        values.update(overrides)
        app = create_app(Settings(**values), predictor, clock=clock)
        harness = UiHarness(app=app, clock=clock, predictor=predictor, tmp_path=tmp_path)
        harness.client()  # runs the lifespan: migrations
        harnesses.append(harness)
        return harness

    yield build
    for harness in harnesses:
        for client in harness.clients:
            client.__exit__(None, None, None)


@pytest.fixture
def ui(make_ui: Callable[..., UiHarness]) -> UiHarness:
    return make_ui()
