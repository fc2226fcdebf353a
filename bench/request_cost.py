"""What one ``/v1/moderate`` request costs the service, in CPU instructions (callgrind).

Timings on these shared 2-core machines move by 10-20 % from one run to the next, which hides
most single changes to the request path. Instruction counts do not move: the same code and
inputs give the same count within about 1 %, whatever else the machine runs. So this benchmark
drives the real application in process (``service.app.create_app``: middleware, auth, rate
limiting, validation, language detection, policy, SQLite storage, logging, micro-batching)
through raw ASGI calls, without HTTP or a model (the diagnostic constant predictor of
``bench.haven_server``), under ``valgrind --tool=callgrind``, and counts the instructions of
``--requests`` one-post requests sent by 64 concurrent callers, warm-up excluded
(``callgrind_control`` zeroes the counters before them and dumps after).

``--ablate`` reruns it with one part of the request replaced by a constant, to show what that
part costs: ``language`` (language detection), ``storage`` (storing the result). Ablations are
diagnostics of this benchmark only; nothing in the service can switch them off.

    python -m bench.request_cost                       # about 2 minutes per variant
    python -m bench.request_cost --ablate language,storage

Needs valgrind (Debian package ``valgrind``). Writes ``bench/results/request_cost.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.common import REPO_ROOT, machine_info, table, write_results

ABLATIONS = ("language", "storage")
CONCURRENCY = 64


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=256, help="measured requests per variant")
    parser.add_argument("--ablate", default="", help=f"comma list of {', '.join(ABLATIONS)}")
    parser.add_argument("--profile", default="forum", help="post lengths (bench/posts.py)")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--keep-dumps", type=Path, default=None, metavar="DIR",
                        help="copy each variant's measured callgrind dump here, to read with "
                             "callgrind_annotate (where the instructions go)")
    # Internal: the process that runs under valgrind.
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--variant", default="full", help=argparse.SUPPRESS)
    parser.add_argument("--posts-file", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


# --------------------------------------------------------------------------- child (under valgrind)


def _ablate(variant: str) -> None:
    import service.moderation as moderation

    if variant == "language":
        from models.language import LanguageGuess

        guess = LanguageGuess("en", 0.99, "Latn", "detected")
        moderation.detect_language = lambda text, declared=None: guess  # type: ignore[assignment]
    elif variant == "storage":
        async def store(self, outage, api_key_id, posts, computed):  # type: ignore[no-untyped-def]
            return {p.id: computed[p.id][0] for p in posts}, {}

        moderation.ModerationService._store = store  # type: ignore[method-assign]


def _callgrind(command: str, label: str | None = None) -> None:
    args = ["callgrind_control", command, *([label] if label else []), str(os.getpid())]
    subprocess.run(args, capture_output=True, check=False)


async def _drive(app: Any, token: str, posts: list[str], requests: int) -> int:
    counter = itertools.count()

    async def one() -> None:
        i = next(counter)
        body = json.dumps({"posts": [{"id": f"p{i}", "text": posts[i % len(posts)]}]}).encode()
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
            "scheme": "http", "path": "/v1/moderate", "raw_path": b"/v1/moderate",
            "query_string": b"", "root_path": "", "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000), "state": {},
            "headers": [(b"host", b"bench"), (b"content-type", b"application/json"),
                        (b"authorization", f"Bearer {token}".encode()),
                        (b"content-length", str(len(body)).encode())],
        }
        delivered = False

        async def receive() -> dict[str, Any]:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            await asyncio.Event().wait()  # the client never disconnects
            return {}

        statuses: list[int] = []

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                statuses.append(message["status"])

        await app(scope, receive, send)
        if statuses != [200]:
            raise SystemExit(f"request answered {statuses}, not 200")

    async def caller(n: int) -> None:
        for _ in range(n):
            await one()

    inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    outbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    lifespan = asyncio.create_task(app({"type": "lifespan", "asgi": {"version": "3.0"},
                                        "state": {}}, inbox.get, outbox.put))
    await inbox.put({"type": "lifespan.startup"})
    started = await outbox.get()
    if started["type"] != "lifespan.startup.complete":
        raise SystemExit(f"the app did not start: {started}")
    while not app.state.services.engine.ready:
        await asyncio.sleep(0.05)
    await asyncio.gather(*(caller(2) for _ in range(CONCURRENCY)))  # warm-up: not counted
    per_caller = max(1, requests // CONCURRENCY)
    _callgrind("-z")
    await asyncio.gather(*(caller(per_caller) for _ in range(CONCURRENCY)))
    _callgrind("-d", "measured")
    await inbox.put({"type": "lifespan.shutdown"})
    await outbox.get()
    await lifespan
    return per_caller * CONCURRENCY


def child(args: argparse.Namespace) -> int:
    os.environ.update({
        "HAVEN_DATABASE_URL": f"sqlite:///{args.workdir / 'haven.db'}",
        "HAVEN_PREDICTOR": "bench.haven_server:constant_predictor",
        "HAVEN_RATE_LIMIT_PER_MINUTE": "100000000", "HAVEN_RATE_LIMIT_BURST": "100000",
        "HAVEN_WEBHOOKS_ENABLED": "false",
    })
    from service.app import create_app_from_env
    from service.store import db
    from service.store.repositories import KeyRepository

    _ablate(args.variant)
    app = create_app_from_env()
    services = app.state.services
    db.upgrade(services.sessions.kw["bind"])
    with services.sessions() as session:
        _, token = KeyRepository(session).create(name="bench", role="client")
    posts = json.loads(args.posts_file.read_text())
    done = asyncio.run(_drive(app, token, posts, args.requests))
    print(json.dumps({"requests": done}))
    return 0


# --------------------------------------------------------------------------- parent


def _measure(variant: str, args: argparse.Namespace, posts_file: Path, workdir: Path
             ) -> dict[str, Any]:
    out = workdir / f"callgrind.{variant}"
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
               sys.executable, "-m", "bench.request_cost", "--child", "--variant", variant,
               "--requests", str(args.requests), "--posts-file", str(posts_file),
               "--workdir", str(workdir / variant)]
    (workdir / variant).mkdir()
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(REPO_ROOT)}
    run = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                         check=False)
    if run.returncode != 0:
        raise SystemExit(f"variant {variant} failed:\n{run.stderr[-3000:]}")
    requests = json.loads(run.stdout.strip().splitlines()[-1])["requests"]
    # callgrind_control -d writes the measured window as its own dump, named by its trigger.
    texts = [p.read_text() for p in workdir.glob(f"callgrind.{variant}*")]
    measured = [t for t in texts if re.search(r"^desc: Trigger: .*measured", t, re.M)]
    summary = re.search(r"^summary: (\d+)", measured[0], re.M) if measured else None
    if summary is None:
        raise SystemExit(f"variant {variant}: callgrind wrote no 'measured' dump with a summary")
    instructions = int(summary.group(1))
    if args.keep_dumps is not None:
        args.keep_dumps.mkdir(parents=True, exist_ok=True)
        (args.keep_dumps / f"callgrind.{variant}.measured").write_text(measured[0])
    return {"variant": variant, "requests": requests,
            "instructions_per_request": round(instructions / requests)}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        return child(args)
    variants = ["full", *[v for v in args.ablate.split(",") if v]]
    unknown = [v for v in variants[1:] if v not in ABLATIONS]
    if unknown:
        print(f"unknown ablation {', '.join(unknown)}; choose from {', '.join(ABLATIONS)}",
              file=sys.stderr)
        return 2
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        print("valgrind is not installed (apt-get install -y valgrind)", file=sys.stderr)
        return 2
    from models import DEFAULT_MODEL_DIR
    from models.artifact import read_config
    from models.network import load_tokenizer

    from bench.posts import synthesize

    tokenizer = load_tokenizer(read_config(DEFAULT_MODEL_DIR).base_model)
    posts = synthesize(tokenizer, args.profile, 2000)
    workdir = Path(tempfile.mkdtemp(prefix="haven-request-cost-"))
    try:
        posts_file = workdir / "posts.json"
        posts_file.write_text(json.dumps(posts))
        rows = []
        for variant in variants:
            row = _measure(variant, args, posts_file, workdir)
            rows.append(row)
            print(f"  {variant:<9} {row['instructions_per_request']:>12,} instructions/request",
                  file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    full = rows[0]["instructions_per_request"]
    for row in rows:
        row["share_of_full"] = round(row["instructions_per_request"] / full, 3)
        if row["variant"] != "full":
            row["part_costs"] = round(1 - row["share_of_full"], 3)
    payload = {"benchmark": "request_cost", "profile": args.profile,
               "concurrency": CONCURRENCY, "machine": machine_info(), "rows": rows,
               "command": "python -m bench.request_cost " + " ".join(
                   argv if argv is not None else sys.argv[1:])}
    path = write_results("request_cost", payload, args.out)
    print(table(rows, [("variant", "variant"), ("requests", "requests"),
                       ("instructions_per_request", "instructions/request"),
                       ("share_of_full", "share of full"), ("part_costs", "part costs")]))
    print(f"results: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
