"""``haven score``: bulk-score a JSONL file of posts, streaming (constant memory)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from models.predictor import to_post_scores

CHUNK = 512  # posts read, scored and written at a time: memory stays flat on any input size


def register(sub: argparse._SubParsersAction) -> None:
    score = sub.add_parser(
        "score", help="score a JSONL file of posts",
        description='Score posts. Input lines: {"id": ..., "text": ..., "reply_to_text"?: ...}; '
                    'output lines: {"id", "scores", "targets", "labels"}. "-" means stdin/stdout.')
    score.add_argument("--input", required=True, help="JSONL input file, or - for stdin")
    score.add_argument("--output", required=True, help="JSONL output file, or - for stdout")
    score.add_argument("--model", type=Path, default=None, help="model directory (default: shipped)")
    score.add_argument("--device", default=None, help="cpu, cuda, cuda:1 (default: cuda if present)")
    score.add_argument("--batch-size", type=int, default=None,
                       help="forward-pass batch (default 32 on CPU, 256 on GPU)")
    score.add_argument("--quiet", action="store_true", help="no progress bar")
    score.set_defaults(handler=run_score)


class InputError(ValueError):
    pass


def read_posts(stream: IO[str]) -> Iterator[tuple[object, str, str | None]]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise InputError(f"line {number}: expected a JSON object")
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"line {number}: 'text' must be a non-empty string")
        pair = row.get("reply_to_text")
        if pair is not None and not isinstance(pair, str):
            raise InputError(f"line {number}: 'reply_to_text' must be a string")
        yield row.get("id", number), text, pair


def _chunks(posts: Iterator, size: int) -> Iterator[list]:
    chunk = []
    for post in posts:
        chunk.append(post)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_score(args) -> int:
    from tqdm.auto import tqdm

    from models import load_model

    try:
        model = load_model(args.model, device=args.device)
    except Exception as exc:  # noqa: BLE001 - report any load failure as a CLI error
        print(f"haven score: cannot load model: {exc}", file=sys.stderr)
        return 2
    on_gpu = getattr(getattr(model, "device", None), "type", "cpu") == "cuda"
    batch_size = args.batch_size or (256 if on_gpu else 32)
    source = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")  # noqa: SIM115
    sink = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    done = 0
    try:
        with tqdm(disable=args.quiet, unit="post", desc="scoring", file=sys.stderr) as bar:
            for chunk in _chunks(read_posts(source), CHUNK):
                ids, texts, pairs = zip(*chunk, strict=True)
                has_pairs = any(p is not None for p in pairs)
                prediction = model.predict_proba(list(texts), list(pairs) if has_pairs else None,
                                                 batch_size=batch_size)
                for post_id, result in zip(ids, to_post_scores(prediction, model.thresholds), strict=True):
                    sink.write(json.dumps({"id": post_id, **result}) + "\n")
                done += len(chunk)
                bar.update(len(chunk))
    except InputError as exc:
        print(f"haven score: {args.input}: {exc} ({done} posts written before it)", file=sys.stderr)
        return 2
    finally:
        if source is not sys.stdin:
            source.close()
        if sink is not sys.stdout:
            sink.close()
    return 0
