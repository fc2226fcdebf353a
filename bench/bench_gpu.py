"""GPU benchmark: bulk scoring posts/s on CUDA, and how close the full path gets to the GPU's limit.

Three measurements on the same posts (default: ~64-token forum posts), per precision (bf16, fp16)
and batch size:

* ``haven score``: the command's streaming loop (``models.cli.score_stream``), JSONL file in,
  JSONL file out (parsing, tokenisation, windowing, forward passes, pooling, JSON writing) on
  the already loaded model, so the one-off load time is not counted;
* ``predict_proba``: the same without file I/O;
* tight loop: forward passes only, over batches already tokenised, collated and on the GPU,
  length-sorted like the real path; its posts/s is the ceiling the full path is compared to.

    python -m bench.bench_gpu --model models/default

Needs CUDA: exits with status 2 and a message otherwise. Writes ``bench/results/gpu.json``.
``--device cpu`` runs the same code on the CPU, only to check the script itself on a machine
without a GPU (small ``--posts``); its numbers say nothing about GPUs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import machine_info, table, write_results
from bench.posts import read_posts, synthesize, token_stats


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="model dir (default: shipped)")
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--profile", default="forum", help="tweet, forum, long or mixed")
    parser.add_argument("--data", type=Path, default=None, help="post texts from a local JSONL")
    parser.add_argument("--posts", type=int, default=200_000, help="posts scored per measurement")
    parser.add_argument("--distinct", type=int, default=4000, help="distinct posts, cycled")
    parser.add_argument("--batch-sizes", default="256,512,1024")
    parser.add_argument("--dtypes", default="bf16,fp16")
    parser.add_argument("--repeat", type=int, default=3, help="tight-loop repetitions")
    parser.add_argument("--out", type=Path, default=None)
    return parser.parse_args(argv)


def tight_loop(model, windows, batch_size: int, repeat: int) -> float:
    """Windows/s of forward passes alone (inputs pre-collated on the device)."""
    import torch

    from models.encoding import collate, length_sorted_batches

    device = model.device
    batches = [
        {k: v.to(device) for k, v in collate([windows[i] for i in batch],
                                             model.tokenizer.pad_token_id).items()}
        for batch in length_sorted_batches(windows, batch_size)
    ]
    rates = []
    with torch.inference_mode():
        for run in range(repeat + 1):
            _sync(device)
            started = time.perf_counter()
            for inputs in batches:
                with torch.autocast(device.type, dtype=model.dtype):
                    model.network(**inputs)
            _sync(device)
            if run:  # the first pass is warm-up (kernel selection, allocator)
                rates.append(len(windows) / (time.perf_counter() - started))
    return statistics.median(rates)


def _sync(device) -> None:
    import torch

    if device.type == "cuda":
        torch.cuda.synchronize(device)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    import torch

    if args.device.startswith("cuda") and not torch.cuda.is_available():
        print("bench_gpu: no CUDA device is available here; run it on a machine with an NVIDIA "
              "GPU and a CUDA build of torch (see bench/README.md)", file=sys.stderr)
        return 2
    from models import DEFAULT_MODEL_DIR, load_model
    from models.cli import score_stream
    from models.encoding import encode_windows

    model_dir = args.model or DEFAULT_MODEL_DIR
    model = load_model(model_dir, device=args.device)
    distinct = (read_posts(args.data, args.distinct) if args.data
                else synthesize(model.tokenizer, args.profile, args.distinct))
    posts = [distinct[i % len(distinct)] for i in range(args.posts)]
    dtypes = {"bf16": torch.bfloat16, "fp16": torch.float16}
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "posts.jsonl"
        with source.open("w") as handle:
            for i, text in enumerate(posts):
                handle.write(json.dumps({"id": i, "text": text}) + "\n")
        windows = encode_windows(model.tokenizer, distinct, None, model.config.windows)
        windows_per_post = len(windows) / len(distinct)
        for dtype_name in args.dtypes.split(","):
            model.dtype = dtypes[dtype_name]
            for batch_size in [int(b) for b in args.batch_sizes.split(",")]:
                ceiling = tight_loop(model, windows, batch_size, args.repeat) / windows_per_post
                model.predict_proba(posts[: 4 * batch_size], batch_size=batch_size)  # warm-up
                _sync(model.device)
                started = time.perf_counter()
                model.predict_proba(posts, batch_size=batch_size)
                predict_rate = len(posts) / (time.perf_counter() - started)
                row = {"dtype": dtype_name, "batch_size": batch_size,
                       "tight_loop_posts_per_s": round(ceiling),
                       "predict_proba_posts_per_s": round(predict_rate),
                       "predict_fraction": round(predict_rate / ceiling, 3)}
                if dtype_name == "bf16":  # `haven score` runs the model's default precision
                    # `haven score`'s own loop on the loaded model: file in, file out, timed
                    # without the one-off model load.
                    started = time.perf_counter()
                    with source.open(encoding="utf-8") as src, \
                            (Path(tmp) / "scores.jsonl").open("w", encoding="utf-8") as sink:
                        score_stream(model, src, sink, batch_size=batch_size)
                    score_rate = len(posts) / (time.perf_counter() - started)
                    row.update(haven_score_posts_per_s=round(score_rate),
                               score_fraction=round(score_rate / ceiling, 3))
                rows.append(row)
                print(f"  {dtype_name} batch {batch_size}: tight {ceiling:,.0f}, predict "
                      f"{predict_rate:,.0f}, score {row.get('haven_score_posts_per_s', '-')} "
                      "posts/s", file=sys.stderr, flush=True)
    payload = {
        "benchmark": "gpu",
        "command": "python -m bench.bench_gpu " + " ".join(argv if argv is not None else sys.argv[1:]),
        "model": {"dir": str(model_dir), "name": model.name, "version": model.version},
        "inputs": {"profile": "data" if args.data else args.profile, "posts": len(posts),
                   "distinct_posts": len(distinct), "windows_per_post": round(windows_per_post, 3),
                   "tokens": token_stats(model.tokenizer, distinct)},
        "machine": machine_info(),
        "rows": rows,
    }
    path = write_results("gpu", payload, args.out)
    print(table(rows, [("dtype", "dtype"), ("batch_size", "batch"),
                       ("tight_loop_posts_per_s", "tight loop/s"),
                       ("predict_proba_posts_per_s", "predict/s"),
                       ("haven_score_posts_per_s", "haven score/s"),
                       ("score_fraction", "score/tight")]))
    print(f"results: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
