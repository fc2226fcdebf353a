"""Model-level benchmark: posts/s by backend, batch size and post length, and accuracy drift.

For each backend (torch fp32, onnx fp32, onnx int8) and batch size, scores the same posts of each
length profile with ``predict_proba`` (tokenisation, windowing and pooling included: what the
service pays per batch) and reports the median posts/s over ``--repeat`` runs after one warm-up,
plus the largest absolute probability difference against the torch fp32 scores of the same posts.

    python -m bench.bench_model --model models/default
    python -m bench.bench_model --model models/default --data runs/default/validation.jsonl

Writes ``bench/results/model.json`` (or ``--out``) and prints a table. Never run it beside a
training run if you want clean numbers: it records whether one was running.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.common import machine_info, table, write_results
from bench.posts import PROFILES, read_posts, synthesize, token_stats


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="model dir (default: shipped)")
    parser.add_argument("--backends", default="torch,onnx,onnx-int8")
    parser.add_argument("--batch-sizes", default="1,8,32,64")
    parser.add_argument("--profiles", default="tweet,forum,long",
                        help=f"comma list of {', '.join([*PROFILES, 'mixed'])}")
    parser.add_argument("--posts", type=int, default=256,
                        help="posts per profile (long posts: a quarter of it)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=None, help="intra-op threads (all backends)")
    parser.add_argument("--data", type=Path, default=None,
                        help="score texts from this local JSONL instead (profile 'data')")
    parser.add_argument("--out", type=Path, default=None)
    return parser.parse_args(argv)


def measure(model, texts: list[str], batch_size: int, repeat: int) -> tuple[float, Any]:
    """Median posts/s over ``repeat`` timed runs after one warm-up; returns the last prediction."""
    prediction = model.predict_proba(texts[: max(batch_size, 8)], batch_size=batch_size)
    rates = []
    for _ in range(repeat):
        started = time.perf_counter()
        prediction = model.predict_proba(texts, batch_size=batch_size)
        rates.append(len(texts) / (time.perf_counter() - started))
    return statistics.median(rates), prediction


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    import torch

    from models import DEFAULT_MODEL_DIR, load_model
    from models.network import load_tokenizer

    model_dir = args.model or DEFAULT_MODEL_DIR
    if args.threads:
        torch.set_num_threads(args.threads)
    info = machine_info()
    if info["training_running"]:
        print("warning: a `haven train` run shares this machine; numbers will be low",
              file=sys.stderr)
    backends = args.backends.split(",")
    batch_sizes = [int(b) for b in args.batch_sizes.split(",")]
    models = {b: load_model(model_dir, backend=b, device="cpu", num_threads=args.threads)
              for b in backends}
    tokenizer = load_tokenizer(next(iter(models.values())).config.base_model)

    inputs: dict[str, list[str]] = {}
    if args.data:
        inputs["data"] = read_posts(args.data, args.posts)
    else:
        for profile in args.profiles.split(","):
            n = args.posts // 4 if profile == "long" else args.posts
            inputs[profile] = synthesize(tokenizer, profile, n)

    rows: list[dict[str, Any]] = []
    for profile, texts in inputs.items():
        stats = token_stats(tokenizer, texts)
        reference = models["torch"].predict_proba(texts) if "torch" in models else None
        for backend, model in models.items():
            for batch_size in batch_sizes:
                rate, prediction = measure(model, texts, batch_size, args.repeat)
                diff = (float(np.abs(prediction.scores - reference.scores).max())
                        if reference is not None else None)
                row = {"profile": profile, "tokens_mean": stats["mean"], "posts": len(texts),
                       "backend": backend, "batch_size": batch_size,
                       "posts_per_s": round(rate, 1), "max_abs_diff_vs_fp32": diff}
                rows.append(row)
                print(f"  {profile:<6} {backend:<10} batch {batch_size:>3}: {rate:8.1f} posts/s",
                      file=sys.stderr, flush=True)
        rows_for = [r for r in rows if r["profile"] == profile]
        for row in rows_for:
            row["token_stats"] = stats

    payload = {
        "benchmark": "model",
        "command": "python -m bench.bench_model " + " ".join(argv if argv is not None else sys.argv[1:]),
        "model": {"dir": str(model_dir), "name": models[backends[0]].name,
                  "version": models[backends[0]].version},
        "machine": info,
        "finished_training_running": machine_info()["training_running"],
        "rows": rows,
    }
    path = write_results("model", payload, args.out)
    print(table(rows, [("profile", "profile"), ("tokens_mean", "tokens"), ("backend", "backend"),
                       ("batch_size", "batch"), ("posts_per_s", "posts/s"),
                       ("max_abs_diff_vs_fp32", "max |dp| vs fp32")]))
    print(f"results: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
