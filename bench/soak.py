"""Soak test: two API processes sharing PostgreSQL under mixed traffic, then invariants.

    .venv/bin/python -m bench.soak [--requests 10000] [--duration 90] [--out PATH.json]
    make soak

Loopback only and bounded: it stops after ``--requests`` requests or ``--duration`` seconds,
whichever comes first. It creates a throwaway database on the PostgreSQL server named by
``--pg`` (dropped afterwards unless ``--keep-db``), migrates it once, starts two uvicorn
processes on it with a keyword fake model (the service is under test, not the model: the
``HAVEN_PREDICTOR`` hook), a local webhook receiver, and drives:

- platforms (``--platforms`` workers): ``POST /v1/moderate`` with 1-8 posts, about half of them
  held for review, some blocked or referred, some resent (replays);
- moderators (``--moderators`` workers, one key each, every community): claim the next item,
  then decide it (approve/reject), escalate it or release it; now and then list the queue.

Requests alternate between the two processes. Afterwards it checks: no 5xx; no item held by two
moderators at once (as the clients saw it, and in the audit log); no lost or duplicated queue
item (every review id a platform was told exists once, and nothing else); the audit log has one
``queued`` per item and one entry per claim, release and decision the clients saw; every
decision has one webhook delivery and all were delivered; each process's memory is stable. The
figures go to stdout and ``--out`` (JSON); the exit status is 1 when an invariant fails.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import numpy as np

from bench.common import RESULTS_DIR, training_running
from bench.soak_checks import Hold, claims_while_held, memory_trend, overlapping_holds, percentiles
from models.predictor import Prediction
from models.taxonomy import LABELS, TARGETS

ROOT = Path(__file__).resolve().parents[1]
COMMUNITIES = ("c1", "c2", "c3")
_MARKER = re.compile(r"\b([a-z_]+)=(0(?:\.\d+)?|1(?:\.0+)?)\b")


# --------------------------------------------------------------------------- the fake model


class SoakPredictor:
    """Scores set by markers in the text (``hate=0.6``); 0.01 otherwise. Instant."""

    name, version = "soak-keywords", "1"

    def __init__(self) -> None:
        self.thresholds = {label: 0.5 for label in LABELS}

    def predict_proba(self, texts: Sequence[str], text_pairs: Any = None,
                      batch_size: int = 32) -> Prediction:
        scores = np.full((len(texts), len(LABELS)), 0.01, dtype=np.float32)
        for i, text in enumerate(texts):
            for name, value in _MARKER.findall(text.lower()):
                if name in LABELS:
                    scores[i, LABELS.index(name)] = float(value)
        return Prediction(scores=scores,
                          targets=np.full((len(texts), len(TARGETS)), 0.01, dtype=np.float32))


def soak_predictor() -> SoakPredictor:
    """The ``HAVEN_PREDICTOR`` factory the soak's API processes load."""
    return SoakPredictor()


POST_KINDS = [("fine words", 50), ("hate=0.6 held", 35), ("harassment=0.95 blocked", 10),
              ("self_harm=0.9 referred", 5)]


def make_post(rng: random.Random, serial: int) -> dict[str, Any]:
    kind = rng.choices([k for k, _ in POST_KINDS], [w for _, w in POST_KINDS])[0]
    return {"id": f"s{serial}", "text": f"{kind} post number {serial}",
            "community_id": rng.choice(COMMUNITIES), "country": "GB"}


# --------------------------------------------------------------------------- infrastructure


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Receiver:
    """The platforms' webhook endpoint: counts deliveries by ``X-Haven-Delivery``."""

    def __init__(self) -> None:
        self.deliveries: Counter[str] = Counter()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.deliveries[self.headers.get("X-Haven-Delivery", "?")] += 1
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class ApiProcess:
    def __init__(self, database_url: str, log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("HAVEN_")},
            "PYTHONPATH": str(ROOT),
            "HAVEN_DATABASE_URL": database_url,
            "HAVEN_PREDICTOR": "bench.soak:soak_predictor",
            "HAVEN_MIGRATE_ON_START": "false",
            "HAVEN_RATE_LIMIT_PER_MINUTE": "10000000", "HAVEN_RATE_LIMIT_BURST": "1000000",
            "HAVEN_CLAIM_LEASE_S": "3600",  # outlives the run: no lease expires mid-soak
            "HAVEN_POLICY_RELOAD_INTERVAL_S": "0",
            "HAVEN_WEBHOOK_POLL_INTERVAL_S": "0.5", "HAVEN_WEBHOOK_BACKOFF_BASE_S": "0.5",
            "HAVEN_LOG_LEVEL": "WARNING",
        }
        self.log = log
        with log.open("wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "service.app:create_app_from_env", "--factory",
                 "--host", "127.0.0.1", "--port", str(self.port), "--no-access-log"],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"API process exited:\n{self.log.read_text()[-3000:]}")
            try:
                if httpx.get(f"{self.base}/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise SystemExit(f"API process never became ready:\n{self.log.read_text()[-3000:]}")

    def rss_mb(self) -> float | None:
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            return None
        return None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()


# --------------------------------------------------------------------------- the load


@dataclass
class Observed:
    """What the clients saw."""

    started: float = field(default_factory=time.monotonic)
    requests: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    latency: dict[str, list[float]] = field(default_factory=dict)
    review_ids: dict[str, str] = field(default_factory=dict)  # post id -> review id
    answered_posts: dict[str, dict[str, Any]] = field(default_factory=dict)
    holds: list[Hold] = field(default_factory=list)
    actions: Counter[str] = field(default_factory=Counter)  # claimed/released/decided/escalated
    unexpected: list[str] = field(default_factory=list)

    def record(self, op: str, response: httpx.Response, seconds: float) -> None:
        self.statuses[f"{op} {response.status_code}"] += 1
        self.latency.setdefault(op, []).append(seconds)


class Load:
    def __init__(self, bases: list[str], client_key: str, moderator_keys: list[str],
                 max_requests: int, duration_s: float, seed: int) -> None:
        self.bases = bases
        self.client_key = client_key
        self.moderator_keys = moderator_keys
        self.max_requests = max_requests
        self.deadline = time.monotonic() + duration_s
        self.rng = random.Random(seed)
        self.serial = 0
        self.seen = Observed()

    def more(self) -> bool:
        return self.seen.requests < self.max_requests and time.monotonic() < self.deadline

    async def call(self, http: httpx.AsyncClient, op: str, method: str, path: str,
                   key: str, body: Any = None) -> tuple[httpx.Response, float, float]:
        base = self.bases[self.seen.requests % len(self.bases)]
        self.seen.requests += 1
        sent = time.monotonic()
        response = await http.request(method, base + path, json=body,
                                      headers={"Authorization": f"Bearer {key}"})
        answered = time.monotonic()
        self.seen.record(op, response, answered - sent)
        if response.status_code >= 500:
            self.seen.unexpected.append(f"{op}: {response.status_code} {response.text[:200]}")
        return response, sent, answered

    async def platform(self, http: httpx.AsyncClient) -> None:
        while self.more():
            posts = []
            for _ in range(self.rng.randint(1, 8)):
                if self.seen.answered_posts and self.rng.random() < 0.1:  # a resend
                    posts.append(self.rng.choice(list(self.seen.answered_posts.values())))
                else:
                    self.serial += 1
                    posts.append(make_post(self.rng, self.serial))
            posts = list({p["id"]: p for p in posts}.values())
            response, _, _ = await self.call(http, "moderate", "POST", "/v1/moderate",
                                             self.client_key, {"posts": posts})
            if response.status_code != 200:
                self.seen.unexpected.append(f"moderate: {response.status_code}")
                continue
            for post, result in zip(posts, response.json()["results"], strict=True):
                if result["review_id"]:
                    known = self.seen.review_ids.setdefault(post["id"], result["review_id"])
                    if known != result["review_id"]:
                        self.seen.unexpected.append(f"post {post['id']} got two review ids")
                self.seen.answered_posts[post["id"]] = post

    async def moderator(self, http: httpx.AsyncClient, key: str, name: str) -> None:
        while self.more():
            if self.rng.random() < 0.1:
                await self.call(http, "list", "GET", "/v1/reviews?limit=20", key)
                continue
            response, _, claimed_at = await self.call(http, "claim", "POST", "/v1/reviews/claim",
                                                      key, {})
            item = response.json().get("item") if response.status_code == 200 else None
            if item is None:
                await asyncio.sleep(0.05)
                continue
            self.seen.actions["claimed"] += 1
            item_id = item["review_id"]
            roll = self.rng.random()
            if roll < 0.15:
                op, path, body, action = "release", "release", None, "released"
            elif roll < 0.25:
                op, path, body, action = "decide", "decision", {"action": "escalate"}, "escalated"
            else:
                choice = self.rng.choice(["approve", "reject"])
                op, path, body, action = "decide", "decision", {"action": choice}, "decided"
            ended, sent, _ = await self.call(http, op, "POST", f"/v1/reviews/{item_id}/{path}",
                                             key, body)
            if ended.status_code == 200:
                self.seen.actions[action] += 1
            else:
                self.seen.unexpected.append(f"{op} of a claimed item: {ended.status_code} "
                                            f"{ended.text[:200]}")
            self.seen.holds.append(Hold(item_id, name, claimed_at, sent))

    async def run(self, platforms: int) -> Observed:
        limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
        async with httpx.AsyncClient(timeout=60, limits=limits) as http:
            await asyncio.gather(
                *(self.platform(http) for _ in range(platforms)),
                *(self.moderator(http, key, f"m{i}") for i, key in enumerate(self.moderator_keys)))
        return self.seen


# --------------------------------------------------------------------------- checks


def check_database(sessions: Any, seen: Observed, receiver: Receiver,
                   client_key_id: str) -> dict[str, Any]:
    from sqlalchemy import func, select

    from service.store.models import AuditEntry, ReviewItem, WebhookDelivery

    with sessions() as session:
        items = session.execute(select(ReviewItem.id, ReviewItem.post_id, ReviewItem.status)
                                .where(ReviewItem.api_key_id == client_key_id)).all()
        audit = session.execute(select(AuditEntry.id, AuditEntry.item_id, AuditEntry.actor,
                                       AuditEntry.action)).all()
        deliveries = session.execute(select(WebhookDelivery.id, WebhookDelivery.status)).all()
        decided = session.scalar(select(func.count()).select_from(ReviewItem)
                                 .where(ReviewItem.status.in_(["approved", "rejected"])))
    # Every decision, escalations included, is announced by exactly one outbox row.
    announced = sum(1 for _, _, _, action in audit if action in ("decided", "escalated"))
    by_post = Counter(post_id for _, post_id, _ in items)
    stored_ids = {item_id for item_id, _, _ in items}
    told_ids = set(seen.review_ids.values())
    actions = Counter(action for _, _, _, action in audit)
    queued_per_item = Counter(item_id for _, item_id, _, action in audit if action == "queued")
    problems = {
        "duplicated_queue_items": [p for p, n in by_post.items() if n > 1],
        "lost_queue_items": sorted(told_ids - stored_ids)[:20],
        "unannounced_queue_items": sorted(stored_ids - told_ids)[:20],
        "items_not_queued_once_in_audit": [i for i in stored_ids if queued_per_item[i] != 1][:20],
        "claims_while_held_audit": claims_while_held(audit)[:20],
        "claims_while_held_clients": overlapping_holds(seen.holds)[:20],
        "audit_vs_clients": {a: (actions[a], seen.actions[a]) for a in
                             ("claimed", "released", "decided", "escalated")
                             if actions[a] != seen.actions[a]},
        "decisions_vs_deliveries": (announced, len(deliveries))
        if announced != len(deliveries) else None,
        "deliveries_not_delivered": [d for d, status in deliveries if status != "delivered"][:20],
        "deliveries_never_received": [d for d, _ in deliveries
                                      if receiver.deliveries[d] == 0][:20],
    }
    figures = {
        "queue_items": len(items), "decided_items": decided,
        "audit_entries": dict(sorted(actions.items())),
        "webhook_deliveries": len(deliveries),
        "webhook_requests_received": sum(receiver.deliveries.values()),
    }
    return {"problems": {k: v for k, v in problems.items() if v}, "figures": figures}


def wait_for_deliveries(sessions: Any, timeout: float) -> None:
    from sqlalchemy import func, select

    from service.store.models import WebhookDelivery

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with sessions() as session:
            pending = session.scalar(select(func.count()).select_from(WebhookDelivery)
                                     .where(WebhookDelivery.status != "delivered"))
        if not pending:
            return
        time.sleep(0.5)


async def resend_sample(bases: list[str], key: str, seen: Observed, n: int) -> list[str]:
    """Answered posts sent again must be replayed with the review id they got first."""
    sample = list(seen.answered_posts.values())[:n]
    problems = []
    async with httpx.AsyncClient(timeout=60) as http:
        for i in range(0, len(sample), 8):
            posts = sample[i:i + 8]
            response = await http.post(bases[i % 2] + "/v1/moderate", json={"posts": posts},
                                       headers={"Authorization": f"Bearer {key}"})
            for post, result in zip(posts, response.json()["results"], strict=True):
                if not result["replayed"] or \
                        result["review_id"] != seen.review_ids.get(post["id"]):
                    problems.append(post["id"])
    return problems


# --------------------------------------------------------------------------- main


def sample_memory(processes: list[ApiProcess], stop: threading.Event,
                  samples: list[list[tuple[float, float]]]) -> None:
    while not stop.wait(1.0):
        now = time.monotonic()
        for proc, series in zip(processes, samples, strict=True):
            rss = proc.rss_mb()
            if rss is not None:
                series.append((now, rss))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10000, help="stop after this many")
    parser.add_argument("--duration", type=float, default=90.0, help="or after these seconds")
    parser.add_argument("--platforms", type=int, default=6, help="concurrent platform workers")
    parser.add_argument("--moderators", type=int, default=4, help="moderator workers (keys)")
    parser.add_argument("--pg", default="host=127.0.0.1 port=5432 user=postgres",
                        help="libpq DSN of the PostgreSQL server (a database is created on it)")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the database")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=RESULTS_DIR / "soak.json")
    args = parser.parse_args(argv)

    import psycopg

    from service.security import Role
    from service.store import db
    from service.store.repositories import KeyRepository

    name = f"haven_soak_{uuid.uuid4().hex[:10]}"
    admin = psycopg.connect(args.pg + " dbname=postgres", autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    params = dict(p.split("=", 1) for p in args.pg.split())
    user, host = params.get("user", "postgres"), params.get("host", "127.0.0.1")
    url = f"postgresql+psycopg://{user}@{host}:{params.get('port', '5432')}/{name}"
    engine = db.make_engine(url)
    receiver = Receiver()
    processes: list[ApiProcess] = []
    stop = threading.Event()
    try:
        db.upgrade(engine)  # once, as `haven db upgrade` before the replicas start
        sessions = db.make_sessionmaker(engine)
        with sessions() as session:
            repo = KeyRepository(session)
            client, client_key = repo.create(name="platform", role=Role.CLIENT,
                                             webhook_url=receiver.url,
                                             webhook_secret="whsec_soak")
            moderator_keys = [repo.create(name=f"moderator-{i}", role=Role.MODERATOR,
                                          communities=["*"])[1] for i in range(args.moderators)]
            client_key_id = client.id
        logs = Path(tempfile.mkdtemp(prefix="haven-soak-"))  # the API processes' stderr
        processes = [ApiProcess(url, logs / f"api-{i}.log") for i in range(2)]
        for proc in processes:
            proc.wait_ready()
        bases = [p.base for p in processes]
        samples: list[list[tuple[float, float]]] = [[], []]
        sampler = threading.Thread(target=sample_memory, args=(processes, stop, samples),
                                   daemon=True)
        sampler.start()
        load = Load(bases, client_key, moderator_keys, args.requests, args.duration, args.seed)
        started = time.monotonic()
        seen = asyncio.run(load.run(args.platforms))
        elapsed = time.monotonic() - started
        stop.set()
        sampler.join()
        replay_problems = asyncio.run(resend_sample(bases, client_key, seen, 200))
        wait_for_deliveries(sessions, timeout=60)
        checked = check_database(sessions, seen, receiver, client_key_id)
        memory = {f"api-{i}": memory_trend(s) for i, s in enumerate(samples)}
        problems = dict(checked["problems"])
        if seen.unexpected:
            problems["unexpected_answers"] = seen.unexpected[:20]
        if replay_problems:
            problems["replays_not_matching"] = replay_problems[:20]
        unstable = [n for n, m in memory.items() if not m["stable"]]
        if unstable:
            problems["memory_not_stable"] = unstable
        report = {
            "machine": {"logical_cores": os.cpu_count(),
                        "load_average_1m": round(os.getloadavg()[0], 2),
                        "training_running": training_running()},
            "settings": {"requests": args.requests, "duration_s": args.duration,
                         "platforms": args.platforms, "moderators": args.moderators,
                         "api_processes": 2, "database": "postgresql"},
            "elapsed_s": round(elapsed, 1),
            "requests": seen.requests,
            "requests_per_s": round(seen.requests / elapsed, 1),
            "posts_answered": len(seen.answered_posts),
            "statuses": dict(sorted(seen.statuses.items())),
            "latency": {op: percentiles(v) for op, v in sorted(seen.latency.items())},
            "moderator_actions": dict(seen.actions),
            **checked["figures"],
            "memory": memory,
            "api_logs": str(logs),
            "invariants_hold": not problems,
            "problems": problems,
        }
    finally:
        stop.set()
        for proc in processes:
            proc.stop()
        receiver.close()
        engine.dispose()
        if not args.keep_db:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    return 0 if report["invariants_hold"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
