"""Two real API processes (uvicorn) sharing one PostgreSQL queue.

Many concurrent claims through both servers must never hand out one item twice while its lease
holds, and the same post sent to both servers at once must be queued once.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from service.security import Role
from service.store import db
from service.store.repositories import KeyRepository

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(database_url: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("HAVEN_")},
        "PYTHONPATH": os.pathsep.join([str(HERE), str(ROOT)]),
        "HAVEN_DATABASE_URL": database_url,
        "HAVEN_PREDICTOR": "service_fakes:make_predictor",  # testing hook: no real model
        "HAVEN_WEBHOOKS_ENABLED": "false",
        "HAVEN_RATE_LIMIT_PER_MINUTE": "100000",
        "HAVEN_RATE_LIMIT_BURST": "10000",
        "HAVEN_LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "service.app:create_app_from_env", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
        cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )


def wait_ready(base: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"server exited early:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail(f"server never became ready:\n{log.read_text()[-3000:]}")


@pytest.fixture
def two_servers(pg_url, tmp_path):
    engine = db.make_engine(pg_url)
    db.upgrade(engine)  # as `haven db upgrade` would, once, before replicas start
    sessions = db.make_sessionmaker(engine)
    with sessions() as session:
        repo = KeyRepository(session)
        _, client = repo.create(name="platform", role=Role.CLIENT)
        moderators = [repo.create(name=f"m{i}", role=Role.MODERATOR, communities=["*"])[1]
                      for i in range(6)]
    procs, bases = [], []
    try:
        for i in range(2):
            port, log = free_port(), tmp_path / f"server{i}.log"
            procs.append((start_server(pg_url, port, log), log))
            bases.append(f"http://127.0.0.1:{port}")
        for base, (proc, log) in zip(bases, procs, strict=True):
            wait_ready(base, proc, log)
        yield bases, client, moderators
    finally:
        for proc, _ in procs:
            proc.terminate()
        for proc, _ in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        engine.dispose()


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_concurrent_claims_across_processes_never_share_an_item(two_servers):
    bases, client, moderators = two_servers
    posts = [{"id": f"p{i}", "text": f"hate=0.6 number {i}"} for i in range(60)]
    r = httpx.post(f"{bases[0]}/v1/moderate", json={"posts": posts}, headers=auth(client),
                   timeout=30)
    assert r.status_code == 200, r.text
    queued = {x["review_id"] for x in r.json()["results"]}
    assert len(queued) == 60

    async def claim(http: httpx.AsyncClient, n: int) -> tuple[str | None, str]:
        token = moderators[n % len(moderators)]
        response = await http.post(f"{bases[n % 2]}/v1/reviews/claim", headers=auth(token))
        assert response.status_code == 200, response.text
        item = response.json()["item"]
        return (item["review_id"] if item else None), token

    async def storm() -> list[tuple[str | None, str]]:
        limits = httpx.Limits(max_connections=40)
        async with httpx.AsyncClient(timeout=30, limits=limits) as http:
            return await asyncio.gather(*(claim(http, n) for n in range(90)))

    results = asyncio.run(storm())
    claimed = [rid for rid, _ in results if rid is not None]
    counts = Counter(claimed)
    assert not [rid for rid, n in counts.items() if n > 1], "an item was handed out twice"
    assert set(claimed) == queued  # 90 claims for 60 items: every item claimed exactly once
    assert sum(1 for rid, _ in results if rid is None) == 30


def test_same_post_sent_to_both_processes_is_queued_once(two_servers):
    bases, client, moderators = two_servers
    posts = [{"id": f"dup{i}", "text": "hate=0.6"} for i in range(10)]

    async def send_all() -> list[httpx.Response]:
        async with httpx.AsyncClient(timeout=30) as http:
            return await asyncio.gather(*(
                http.post(f"{bases[n % 2]}/v1/moderate", json={"posts": posts},
                          headers=auth(client))
                for n in range(8)
            ))

    responses = asyncio.run(send_all())
    assert all(r.status_code == 200 for r in responses), [r.text for r in responses]
    review_ids = {tuple(x["review_id"] for x in r.json()["results"]) for r in responses}
    assert len(review_ids) == 1  # every response names the same ten queue items
    listed = httpx.get(f"{bases[1]}/v1/reviews", params={"limit": 200},
                       headers=auth(moderators[0])).json()
    assert listed["total"] == 10
