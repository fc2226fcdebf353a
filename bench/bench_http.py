"""HTTP-level benchmark: Haven against a naive one-request-one-forward server, same run, same posts.

Starts two servers on 127.0.0.1 (loopback only):

* **haven**: the real service app (``bench/haven_server.py``: auth, policies, SQLite persistence,
  logging) with micro-batching and the chosen backend (default ``onnx-int8``), one uvicorn worker;
* **naive**: ``bench/naive_server.py``, one unbatched eager-torch forward pass per request;

then, for each concurrency level (default 1, 16, 64) and each server in turn, runs a closed-loop
load generator: ``concurrency`` clients each send one post per request (``POST /v1/moderate``,
a unique post id every time, so Haven's idempotency cache never answers from memory) and send
the next as soon as the answer arrives. A warm-up period is discarded, then requests are counted
for ``--duration`` seconds (capped at ``--max-requests``). Reports throughput (posts/s), latency
p50/p95/p99 (send to full response), errors, and the CPU used by each server and by the load
generator itself, which shares the same cores.

    python -m bench.bench_http --model models/default

Writes ``bench/results/http.json`` (or ``--out``) and prints a table with the Haven/naive ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from bench.common import REPO_ROOT, machine_info, table, write_results
from bench.posts import read_posts, synthesize, token_stats

#: The issue's targets at concurrency 64 on 2 cores with ~64-token posts.
TARGET_POSTS_PER_S = 250.0
TARGET_P99_MS = 250.0
TARGET_RATIO = 3.0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="model dir (default: shipped)")
    parser.add_argument("--backend", default="onnx-int8",
                        help="Haven's backend: torch, onnx, onnx-int8, or none (no model: "
                             "measures the service's own cost per request)")
    parser.add_argument("--concurrency", default="1,16,64")
    parser.add_argument("--targets", default="haven,naive")
    parser.add_argument("--profile", default="forum", help="tweet, forum, long or mixed")
    parser.add_argument("--data", type=Path, default=None, help="post texts from a local JSONL")
    parser.add_argument("--posts", type=int, default=2000, help="distinct posts to cycle through")
    parser.add_argument("--duration", type=float, default=20.0, help="measured seconds per run")
    parser.add_argument("--warmup", type=float, default=4.0, help="discarded seconds per run")
    parser.add_argument("--max-requests", type=int, default=20000, help="cap per measured run")
    parser.add_argument("--max-batch-posts", type=int, default=64)
    parser.add_argument("--max-wait-ms", type=float, default=0.0)
    parser.add_argument("--max-queued-posts", type=int, default=1024)
    parser.add_argument("--batch-size", type=int, default=32, help="Haven's forward batch")
    parser.add_argument("--threads", type=int, default=None,
                        help="Haven's ONNX intra-op threads (per worker)")
    parser.add_argument("--workers", type=int, default=1,
                        help="Haven's uvicorn worker processes (each with its own model and "
                             "batcher; the naive server always has one)")
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw",
                        help="load generator HTTP client (see RawHttpClient)")
    parser.add_argument("--haven-port", type=int, default=8100)
    parser.add_argument("--naive-port", type=int, default=8101)
    parser.add_argument("--out", type=Path, default=None)
    return parser.parse_args(argv)


# --------------------------------------------------------------------------- servers


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen
    log_path: Path
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cpu_seconds(self) -> float:
        import psutil

        try:
            proc = psutil.Process(self.process.pid)
            times = proc.cpu_times()
            total = times.user + times.system
            for child in proc.children(recursive=True):
                child_times = child.cpu_times()
                total += child_times.user + child_times.system
            return total
        except psutil.NoSuchProcess:
            return float("nan")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def _uvicorn(app: str, port: int, env: dict[str, str], log_path: Path, workers: int = 1
             ) -> subprocess.Popen:
    if not _port_free(port):
        raise SystemExit(f"port {port} on 127.0.0.1 is in use; pick another with --*-port")
    command = [sys.executable, "-m", "uvicorn", app, "--factory", "--host", "127.0.0.1",
               "--port", str(port), "--workers", str(workers), "--no-access-log", "--log-level", "warning"]
    with log_path.open("w") as handle:  # the child keeps its own descriptor
        return subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=handle, stderr=handle)


def start_haven(args: argparse.Namespace, model_dir: Path, workdir: Path) -> Server:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT),
        "HAVEN_DATABASE_URL": f"sqlite:///{workdir / 'haven.db'}",
        "HAVEN_MODEL_DIR": str(model_dir),
        "HAVEN_INFERENCE_MAX_BATCH_POSTS": str(args.max_batch_posts),
        "HAVEN_INFERENCE_MAX_WAIT_MS": str(args.max_wait_ms),
        "HAVEN_INFERENCE_MAX_QUEUED_POSTS": str(args.max_queued_posts),
        "HAVEN_INFERENCE_BATCH_SIZE": str(args.batch_size),
        # The benchmark key must not be throttled by the per-key limiter it is measuring past.
        "HAVEN_RATE_LIMIT_PER_MINUTE": "100000000",
        "HAVEN_RATE_LIMIT_BURST": "100000",
        "HAVEN_WEBHOOKS_ENABLED": "false",
    }
    if args.backend == "none":
        env["HAVEN_PREDICTOR"] = "bench.haven_server:constant_predictor"
    else:
        env["HAVEN_MODEL_BACKEND"] = args.backend
    if args.threads:
        env["HAVEN_MODEL_NUM_THREADS"] = str(args.threads)
    created = subprocess.run(
        [sys.executable, "-m", "haven_cli", "keys", "create", "--role", "client", "--name",
         "bench", "--json"], cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False)
    if created.returncode != 0:
        raise SystemExit(f"could not create an API key: {created.stderr.strip()}")
    token = json.loads(created.stdout)["key"]
    log_path = workdir / "haven.log"
    process = _uvicorn("bench.haven_server:create_app", args.haven_port, env, log_path,
                       workers=args.workers)
    return Server("haven", args.haven_port, process, log_path,
                  {"Authorization": f"Bearer {token}"})


def start_naive(args: argparse.Namespace, model_dir: Path, workdir: Path) -> Server:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "NAIVE_MODEL_DIR": str(model_dir)}
    log_path = workdir / "naive.log"
    process = _uvicorn("bench.naive_server:create_app", args.naive_port, env, log_path)
    return Server("naive", args.naive_port, process, log_path)


async def wait_ready(server: Server, timeout_s: float = 600.0, workers: int = 1) -> None:
    """Poll ``/readyz`` until the model is loaded (Haven exports ONNX on its first start).

    With several workers, each answer comes from whichever process accepted the connection, so
    a fresh connection per poll must find the service ready ``8 * workers`` times in a row:
    otherwise the first measured posts could meet a worker still loading (and be held for
    review, fail-safe, at no model cost), flattering the numbers.
    """
    import httpx

    deadline = time.monotonic() + timeout_s
    needed, streak = 8 * workers, 0
    limits = httpx.Limits(max_keepalive_connections=0)
    async with httpx.AsyncClient(timeout=5.0, limits=limits) as client:
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                raise SystemExit(f"{server.name} server exited; see {server.log_path}")
            ready = False
            with contextlib.suppress(httpx.HTTPError):
                ready = (await client.get(f"{server.url}/readyz")).status_code == 200
            streak = streak + 1 if ready else 0
            if streak >= needed:
                return
            await asyncio.sleep(0.05 if ready else 0.5)
    raise SystemExit(f"{server.name} server not ready after {timeout_s}s; see {server.log_path}")


# --------------------------------------------------------------------------- load generator


@dataclass
class RunResult:
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0


class RawHttpClient:
    """A minimal HTTP/1.1 keep-alive client for one JSON POST endpoint on loopback.

    Why not httpx for the load: on a 2-core machine the load generator shares the cores with
    the server it measures, and httpx spends ~1.5 ms of CPU per request, a quarter of the
    machine at 300 requests/s. This client costs a fraction of that, so the cores go to the
    servers. It speaks just enough HTTP for uvicorn's answers (status line, Content-Length or
    chunked body) and is the same for both servers. ``--client httpx`` selects httpx instead.
    """

    def __init__(self, host: str, port: int, headers: dict[str, str]) -> None:
        self.host, self.port = host, port
        self.extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, body: bytes) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = (f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
                f"{self.extra}\r\n").encode()
        assert self.reader is not None
        try:
            self.writer.write(head + body)
            status_line = await self.reader.readline()
            if not status_line:
                raise ConnectionError("server closed the connection")
            status = int(status_line.split()[1])
            length, chunked, close = None, False, False
            while True:
                line = await self.reader.readline()
                if line in (b"\r\n", b"\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                name, value = name.strip().lower(), value.strip().lower()
                if name == "content-length":
                    length = int(value)
                elif name == "transfer-encoding" and "chunked" in value:
                    chunked = True
                elif name == "connection" and value == "close":
                    close = True
            if chunked:
                while True:
                    size = int((await self.reader.readline()).strip(), 16)
                    await self.reader.readexactly(size + 2)
                    if size == 0:
                        break
            elif length is not None:
                await self.reader.readexactly(length)
            if close:
                await self.aclose()
            return status
        except (OSError, ValueError, IndexError, asyncio.IncompleteReadError):
            await self.aclose()
            raise ConnectionError("request failed") from None

    async def aclose(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


async def closed_loop(server: Server, posts: list[str], concurrency: int, *, warmup_s: float,
                      duration_s: float, max_requests: int, run_id: str,
                      client_kind: str = "raw") -> dict[str, Any]:
    """``concurrency`` clients, each sending its next request when the previous one returns."""
    import httpx

    counter = iter(range(10**9))
    result = RunResult()
    measuring = False
    stop_at = float("inf")

    async def send(client: Any, i: int) -> int:
        body = {"posts": [{"id": f"{run_id}-{i}", "text": posts[i % len(posts)]}]}
        if client_kind == "raw":
            return await client.post("/v1/moderate", json.dumps(body).encode())
        response = await client.post("/v1/moderate", json=body, headers=server.headers)
        return response.status_code

    async def client_loop(client: Any) -> None:
        nonlocal stop_at
        while time.perf_counter() < stop_at:
            i = next(counter)
            started = time.perf_counter()
            try:
                status = await send(client, i)
            except (httpx.HTTPError, ConnectionError):
                status = -1
            elapsed_ms = (time.perf_counter() - started) * 1000
            if measuring and time.perf_counter() <= stop_at:
                result.statuses[status] = result.statuses.get(status, 0) + 1
                if status == 200:
                    result.latencies_ms.append(elapsed_ms)
                else:
                    result.errors += 1
                if len(result.latencies_ms) + result.errors >= max_requests:
                    stop_at = time.perf_counter()

    async with contextlib.AsyncExitStack() as stack:
        if client_kind == "raw":
            clients = [RawHttpClient("127.0.0.1", server.port, server.headers)
                       for _ in range(concurrency)]
            for raw in clients:
                stack.push_async_callback(raw.aclose)
        else:
            limits = httpx.Limits(max_connections=concurrency,
                                  max_keepalive_connections=concurrency)
            shared = await stack.enter_async_context(
                httpx.AsyncClient(base_url=server.url, limits=limits, timeout=60.0))
            clients = [shared] * concurrency
        stop_at = time.perf_counter() + warmup_s + duration_s + 3600  # reset below
        tasks = [asyncio.create_task(client_loop(c)) for c in clients]
        await asyncio.sleep(warmup_s)
        measuring = True
        cpu_server, cpu_client = server.cpu_seconds(), time.process_time()
        started = time.perf_counter()
        stop_at = started + duration_s
        while time.perf_counter() < stop_at:
            await asyncio.sleep(0.05)
        elapsed = min(time.perf_counter(), stop_at) - started
        cpu_server = server.cpu_seconds() - cpu_server
        cpu_client = time.process_time() - cpu_client
        await asyncio.gather(*tasks)  # in-flight requests finish (not counted)

    lat = np.array(result.latencies_ms) if result.latencies_ms else np.array([float("nan")])
    ok = len(result.latencies_ms)
    return {
        "target": server.name,
        "concurrency": concurrency,
        "seconds": round(elapsed, 2),
        "requests_ok": ok,
        "errors": result.errors,
        "statuses": {str(k): v for k, v in sorted(result.statuses.items())},
        "posts_per_s": round(ok / elapsed, 1),
        "p50_ms": round(float(np.percentile(lat, 50)), 1),
        "p95_ms": round(float(np.percentile(lat, 95)), 1),
        "p99_ms": round(float(np.percentile(lat, 99)), 1),
        "max_ms": round(float(lat.max()), 1),
        "mean_ms": round(float(statistics.fmean(lat)), 1),
        "server_cpu_cores": round(cpu_server / elapsed, 2),
        "loadgen_cpu_cores": round(cpu_client / elapsed, 2),
    }


# --------------------------------------------------------------------------- main


async def run(args: argparse.Namespace) -> dict[str, Any]:
    from models import DEFAULT_MODEL_DIR
    from models.artifact import read_config
    from models.network import load_tokenizer

    model_dir = (args.model or DEFAULT_MODEL_DIR).resolve()
    config = read_config(model_dir)
    tokenizer = load_tokenizer(config.base_model)
    posts = (read_posts(args.data, args.posts) if args.data
             else synthesize(tokenizer, args.profile, args.posts))
    info = machine_info()
    if info["training_running"]:
        print("warning: a `haven train` run shares this machine; numbers will be low",
              file=sys.stderr)
    levels = [int(c) for c in args.concurrency.split(",")]
    names = args.targets.split(",")
    workdir = Path(tempfile.mkdtemp(prefix="haven-bench-http-"))
    servers: dict[str, Server] = {}
    rows: list[dict[str, Any]] = []
    try:
        if "haven" in names:
            servers["haven"] = start_haven(args, model_dir, workdir)
        if "naive" in names:
            servers["naive"] = start_naive(args, model_dir, workdir)
        for name, server in servers.items():
            await wait_ready(server, workers=args.workers if name == "haven" else 1)
        run_id = f"bench{int(time.time())}"
        for concurrency in levels:
            for name in names:
                row = await closed_loop(
                    servers[name], posts, concurrency, warmup_s=args.warmup,
                    duration_s=args.duration, max_requests=args.max_requests,
                    run_id=f"{run_id}-{name}-c{concurrency}", client_kind=args.client)
                rows.append(row)
                print(f"  {name:<6} c={concurrency:<3} {row['posts_per_s']:7.1f} posts/s  "
                      f"p50 {row['p50_ms']:7.1f}  p99 {row['p99_ms']:7.1f} ms  "
                      f"errors {row['errors']}", file=sys.stderr, flush=True)
    finally:
        for server in servers.values():
            server.stop()
    # Server logs stay out of the results (they are the servers' business); show them on errors.
    if any(r["errors"] for r in rows):
        for name, server in servers.items():
            print(f"--- {name} server log (tail) ---\n{server.log_path.read_text()[-3000:]}",
                  file=sys.stderr)
    shutil.rmtree(workdir, ignore_errors=True)

    summary = []
    for concurrency in levels:
        by_name = {r["target"]: r for r in rows if r["concurrency"] == concurrency}
        entry: dict[str, Any] = {"concurrency": concurrency}
        if "haven" in by_name and "naive" in by_name and by_name["naive"]["posts_per_s"]:
            entry["throughput_ratio"] = round(
                by_name["haven"]["posts_per_s"] / by_name["naive"]["posts_per_s"], 2)
        summary.append(entry)
    haven64 = next((r for r in rows if r["target"] == "haven" and r["concurrency"] == 64), None)
    ratio64 = next((s.get("throughput_ratio") for s in summary if s["concurrency"] == 64), None)
    targets = None
    if haven64 is not None:
        targets = {
            "posts_per_s_at_64": {"target": TARGET_POSTS_PER_S, "measured": haven64["posts_per_s"],
                                  "met": haven64["posts_per_s"] >= TARGET_POSTS_PER_S},
            "p99_ms_at_64": {"target": TARGET_P99_MS, "measured": haven64["p99_ms"],
                             "met": haven64["p99_ms"] < TARGET_P99_MS},
            "ratio_at_64": {"target": TARGET_RATIO, "measured": ratio64,
                            "met": ratio64 is not None and ratio64 >= TARGET_RATIO},
        }
    return {
        "benchmark": "http",
        "model": {"dir": str(model_dir), "name": config.name, "version": config.version},
        "haven": {"backend": args.backend, "workers": args.workers,
                  "max_batch_posts": args.max_batch_posts,
                  "max_wait_ms": args.max_wait_ms, "max_queued_posts": args.max_queued_posts,
                  "forward_batch_size": args.batch_size, "threads": args.threads},
        "inputs": {"profile": "data" if args.data else args.profile, "distinct_posts": len(posts),
                   "tokens": token_stats(tokenizer, posts), "posts_per_request": 1},
        "settings": {"duration_s": args.duration, "warmup_s": args.warmup,
                     "max_requests": args.max_requests, "client": args.client},
        "machine": info,
        "finished_training_running": machine_info()["training_running"],
        "rows": rows,
        "ratios": summary,
        "targets": targets,
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    payload = asyncio.run(run(args))
    payload["command"] = "python -m bench.bench_http " + " ".join(
        argv if argv is not None else sys.argv[1:])
    path = write_results("http", payload, args.out)
    print(table(payload["rows"], [
        ("target", "server"), ("concurrency", "conc."), ("posts_per_s", "posts/s"),
        ("p50_ms", "p50 ms"), ("p95_ms", "p95 ms"), ("p99_ms", "p99 ms"), ("errors", "errors"),
        ("server_cpu_cores", "server cores"), ("loadgen_cpu_cores", "loadgen cores")]))
    for entry in payload["ratios"]:
        if "throughput_ratio" in entry:
            print(f"haven/naive throughput at concurrency {entry['concurrency']}: "
                  f"{entry['throughput_ratio']}x")
    if payload["targets"]:
        for name, target in payload["targets"].items():
            print(f"target {name}: {target['measured']} (target {target['target']}) "
                  f"{'met' if target['met'] else 'NOT met'}")
    print(f"results: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
