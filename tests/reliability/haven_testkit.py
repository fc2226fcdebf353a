"""Shared tools of the reliability and security tests (imported by both conftests).

- ``haven_app``: the app on a temporary database with the keyword fake model, inside a running
  ``TestClient``, plus helpers to create keys;
- ``pg_database``: a fresh PostgreSQL database per test on 127.0.0.1:5432, dropped afterwards;
- ``ServerProcess``: a real uvicorn API process (the ``HAVEN_PREDICTOR`` testing hook runs the
  fake model), to kill and restart;
- ``TcpProxy``: a loopback TCP proxy in front of PostgreSQL that a test cuts and restores, so
  the app loses and regains its database mid-run without touching the shared server.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SERVICE_TESTS = ROOT / "tests" / "service"
if str(SERVICE_TESTS) not in sys.path:
    sys.path.insert(0, str(SERVICE_TESTS))

from service_fakes import FakePredictor  # noqa: E402

from service.app import create_app  # noqa: E402
from service.security import Role  # noqa: E402
from service.settings import Settings  # noqa: E402
from service.store.repositories import KeyRepository  # noqa: E402

PG_ADMIN_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings read HAVEN_* variables: tests must not see the developer's."""
    for name in list(os.environ):
        if name.startswith("HAVEN_"):
            monkeypatch.delenv(name)


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
class Haven:
    """A running app and the keys created for it (name -> token)."""

    client: TestClient
    keys: dict[str, str] = field(default_factory=dict)

    @property
    def app(self) -> FastAPI:
        return self.client.app  # type: ignore[return-value]

    @property
    def services(self) -> Any:
        return self.app.state.services

    def key(self, name: str, role: Role | str = Role.CLIENT,
            communities: list[str] | None = None, **kwargs: Any) -> str:
        with self.services.sessions() as session:
            _, token = KeyRepository(session).create(name=name, role=role,
                                                     communities=communities or [], **kwargs)
        self.keys[name] = token
        return token

    @staticmethod
    def headers(token: str | None, **extra: str) -> dict[str, str]:
        return {**({"Authorization": f"Bearer {token}"} if token else {}), **extra}

    def moderate(self, token: str, *posts: dict[str, Any], **headers: str) -> httpx.Response:
        return self.client.post("/v1/moderate", json={"posts": list(posts)},
                                headers=self.headers(token, **headers))


@contextlib.contextmanager
def haven_app(settings: Settings, predictor: Any = "fake", **kwargs: Any) -> Iterator[Haven]:
    model = FakePredictor() if predictor == "fake" else predictor
    app = create_app(settings, model, **kwargs)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Haven(client=client)


@pytest.fixture
def make_haven(tmp_path: Path) -> Iterator[Callable[..., Haven]]:
    """``make_haven(**settings)`` builds an app (fake model) closed at the end of the test."""
    stack = contextlib.ExitStack()

    def build(predictor: Any = "fake", **overrides: Any) -> Haven:
        settings = overrides.pop("settings", None) or make_settings(tmp_path, **overrides)
        return stack.enter_context(haven_app(settings, predictor))

    with stack:
        yield build


# --------------------------------------------------------------------------- PostgreSQL


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A new database on the shared server for this test only, dropped afterwards."""
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(PG_ADMIN_DSN, autocommit=True)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 is unreachable: {exc}".splitlines()[0])
    name = f"haven_rel_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def pg_url(database: str, port: int = 5432) -> str:
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/{database}"


# --------------------------------------------------------------------------- processes


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition: Callable[[], Any], *, timeout: float, what: str,
               interval: float = 0.05) -> Any:
    """Poll ``condition`` until it returns something truthy; fail naming ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


class ServerProcess:
    """One uvicorn API process on a free loopback port, with the fake model."""

    def __init__(self, database_url: str, log: Path, **settings: str) -> None:
        self.database_url = database_url
        self.log = log
        self.settings = settings
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> ServerProcess:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("HAVEN_")},
            "PYTHONPATH": os.pathsep.join([str(HERE), str(SERVICE_TESTS), str(ROOT)]),
            "HAVEN_DATABASE_URL": self.database_url,
            "HAVEN_PREDICTOR": "service_fakes:make_predictor",  # testing hook: no real model
            "HAVEN_WEBHOOKS_ENABLED": "false",
            "HAVEN_RATE_LIMIT_PER_MINUTE": "1000000",
            "HAVEN_RATE_LIMIT_BURST": "100000",
            "HAVEN_POLICY_RELOAD_INTERVAL_S": "0",
            "HAVEN_LOG_LEVEL": "WARNING",
            **{f"HAVEN_{k.upper()}": v for k, v in self.settings.items()},
        }
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "service.app:create_app_from_env", "--factory",
                 "--host", "127.0.0.1", "--port", str(self.port), "--no-access-log"],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            )
        return self

    def wait_ready(self, timeout: float = 90) -> ServerProcess:
        def ready() -> bool:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited early:\n{self.log.read_text()[-3000:]}")
            try:
                return httpx.get(f"{self.base}/readyz", timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        wait_until(ready, timeout=timeout, what=f"{self.base}/readyz", interval=0.2)
        return self

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, no flushing; what is committed is all that is left."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill()


# --------------------------------------------------------------------------- TCP proxy


class TcpProxy:
    """A loopback TCP proxy to ``target`` in its own thread and event loop.

    ``cut()`` closes the listening socket and every open connection (what the app sees when
    its database host goes away: connections drop, new ones are refused); ``restore()`` listens
    on the same port again.
    """

    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self.port = free_port()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True,
                                        name="tcp-proxy")
        self._server: asyncio.base_events.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._thread.start()

    def _run(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout=10)

    def start(self) -> TcpProxy:
        self._run(self._listen())
        return self

    async def _listen(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port,
                                                  reuse_address=True)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._writers.update((writer, up_writer))

        async def pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            try:
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                dst.close()

        await asyncio.gather(pump(reader, up_writer), pump(up_reader, writer))
        self._writers.difference_update((writer, up_writer))

    def cut(self) -> None:
        self._run(self._cut())

    async def _cut(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._writers):
            transport = writer.transport
            transport.abort()  # RST, like a host that vanished, not a polite FIN
        self._writers.clear()

    def restore(self) -> None:
        self.start()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.cut()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
