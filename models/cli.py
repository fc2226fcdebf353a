"""``haven score``: bulk-score a JSONL file of posts, streaming (constant memory).

``haven export``: export a model to ONNX (fp32 and int8) and check int8 accuracy.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
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
    score.add_argument("--backend", choices=BACKEND_CHOICES, default="torch",
                       help="torch (default; CPU or CUDA), onnx or onnx-int8 (CPU, exported on "
                            "first use and cached)")
    score.add_argument("--threads", type=int, default=None,
                       help="ONNX intra-op threads (default: one per core)")
    score.add_argument("--quiet", action="store_true", help="no progress bar")
    score.set_defaults(handler=run_score)

    export = sub.add_parser(
        "export", help="export a model to ONNX",
        description="Export a model directory to ONNX Runtime graphs (fp32 and int8), cached in "
                    "<model>/onnx/ (or ~/.cache/haven/ when the model directory is read-only). "
                    "With --check-int8, compare int8 with fp32 per-label ROC-AUC on a labelled "
                    "file and exit 1 when any label moves by more than --max-drop.")
    export.add_argument("--model", type=Path, default=None, help="model directory (default: shipped)")
    export.add_argument("--base-model", default=None, help="override the base-model reference")
    export.add_argument("--format", choices=("both", "fp32", "int8"), default="both",
                        help="which graphs to export (default: both)")
    export.add_argument("--output", type=Path, default=None,
                        help="write this one file instead of the cache (needs --format fp32|int8)")
    export.add_argument("--force", action="store_true", help="re-export even when cached")
    export.add_argument("--check-int8", action="store_true",
                        help="compare int8 with fp32 ROC-AUC per label on --data")
    export.add_argument("--data", type=Path, default=None,
                        help="labelled CSV/JSONL (e.g. runs/default/validation.jsonl)")
    export.add_argument("--limit", type=int, default=None, help="use the first N examples only")
    export.add_argument("--reference", choices=("torch", "onnx"), default="torch",
                        help="fp32 reference for --check-int8 (default: the torch model)")
    export.add_argument("--max-drop", type=float, default=None,
                        help="largest allowed |AUC change| per label (default 0.005)")
    export.add_argument("--report", type=Path, default=Path("reports/int8_check.json"),
                        help="where --check-int8 writes its JSON (default: %(default)s)")
    export.add_argument("--threads", type=int, default=None, help="ONNX intra-op threads")
    export.set_defaults(handler=run_export)

    ensemble = sub.add_parser(
        "ensemble", help="average the probabilities of several models",
        description="Build an output ensemble: copy the member model directories into "
                    "OUT/members/ and write OUT/haven_model.json. The ensemble scores a post with "
                    "every member (one encoder pass each) and averages their calibrated "
                    "probabilities. Calibrate it before use: haven eval calibrate --model OUT.")
    ensemble.add_argument("members", nargs="+", type=Path, metavar="MODEL_DIR",
                          help="two or more model directories")
    ensemble.add_argument("--out", type=Path, required=True, help="new ensemble directory")
    ensemble.add_argument("--name", default="haven-ensemble",
                          help="model name (default: %(default)s)")
    ensemble.add_argument("--version", default="0.0.0", help="model version (default: %(default)s)")
    ensemble.set_defaults(handler=run_ensemble)


BACKEND_CHOICES = ("torch", "onnx", "onnx-int8")


class InputError(ValueError):
    written: int = 0  # posts written before the bad line


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
    from models import load_model

    try:
        model = load_model(args.model, device=args.device, backend=args.backend,
                           num_threads=args.threads)
    except Exception as exc:  # noqa: BLE001 - report any load failure as a CLI error
        print(f"haven score: cannot load model: {exc}", file=sys.stderr)
        return 2
    source = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")  # noqa: SIM115
    sink = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    try:
        score_stream(model, source, sink, batch_size=args.batch_size, progress=not args.quiet)
    except InputError as exc:
        print(f"haven score: {args.input}: {exc} ({exc.written} posts written before it)",
              file=sys.stderr)
        return 2
    finally:
        if source is not sys.stdin:
            source.close()
        if sink is not sys.stdout:
            sink.close()
    return 0


def score_stream(model, source: IO[str], sink: IO[str], *, batch_size: int | None = None,
                 progress: bool = False) -> int:
    """Score JSONL posts from ``source`` into ``sink``; returns the number of posts written.

    Raises ``InputError`` (with ``written`` set) on a bad line. On a GPU the forward batch
    defaults to 256, chunks are larger and two are in flight (see ``score_chunks``); on CPU one
    512-post chunk at a time already keeps every core busy.
    """
    from tqdm.auto import tqdm

    on_gpu = getattr(getattr(model, "device", None), "type", "cpu") == "cuda"
    batch_size = batch_size or (256 if on_gpu else 32)
    chunk_size = max(CHUNK, 8 * batch_size) if on_gpu else CHUNK
    depth = 2 if on_gpu else 1
    done = 0
    try:
        with tqdm(disable=not progress, unit="post", desc="scoring", file=sys.stderr) as bar:
            for chunk, prediction in score_chunks(model, _chunks(read_posts(source), chunk_size),
                                                  batch_size, depth):
                ids = [post[0] for post in chunk]
                for post_id, result in zip(ids, to_post_scores(prediction, model.thresholds), strict=True):
                    sink.write(json.dumps({"id": post_id, **result}) + "\n")
                done += len(chunk)
                bar.update(len(chunk))
    except InputError as exc:
        exc.written = done
        raise
    return done


def _predict_chunk(model, chunk: list, batch_size: int):
    texts = [post[1] for post in chunk]
    pairs = [post[2] for post in chunk]
    has_pairs = any(p is not None for p in pairs)
    return model.predict_proba(texts, pairs if has_pairs else None, batch_size=batch_size)


def score_chunks(model, chunks: Iterator[list], batch_size: int, depth: int = 1
                 ) -> Iterator[tuple[list, object]]:
    """Yield ``(chunk, prediction)`` in input order, with up to ``depth`` chunks in flight.

    ``depth`` 2 overlaps one chunk's tokenisation and collation (CPU, Python) with the previous
    chunk's forward passes (GPU): the torch backend queues a chunk's CUDA work and only waits
    for it when copying the logits back, releasing the GIL meanwhile. The first chunk is scored
    alone so the tokenizer's one-time settings change never races with a second thread.
    """
    if depth <= 1:
        for chunk in chunks:
            yield chunk, _predict_chunk(model, chunk, batch_size)
        return
    first = next(chunks, None)
    if first is None:
        return
    yield first, _predict_chunk(model, first, batch_size)
    in_flight: deque[tuple[list, Future]] = deque()
    with ThreadPoolExecutor(max_workers=depth, thread_name_prefix="haven-score") as pool:
        try:
            for chunk in chunks:
                in_flight.append((chunk, pool.submit(_predict_chunk, model, chunk, batch_size)))
                if len(in_flight) >= depth:
                    done_chunk, future = in_flight.popleft()
                    yield done_chunk, future.result()
            while in_flight:
                done_chunk, future = in_flight.popleft()
                yield done_chunk, future.result()
        finally:
            for _, future in in_flight:
                future.cancel()


def run_ensemble(args) -> int:
    from models.artifact import ArtifactError
    from models.ensemble import build_ensemble

    try:
        config = build_ensemble(args.members, args.out, name=args.name, version=args.version)
    except (ArtifactError, OSError) as exc:
        print(f"haven ensemble: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.out}: {config.name} {config.version}, {len(config.members)} members; "
          f"calibrate it next: haven eval calibrate --model {args.out} --run RUN_DIR")
    return 0


def run_export(args) -> int:
    from models import DEFAULT_MODEL_DIR
    from models.artifact import ArtifactError
    from models.onnx_backend import OnnxExportError, export_onnx

    model_dir = args.model or DEFAULT_MODEL_DIR
    if args.output is not None and args.format == "both":
        print("haven export: --output writes one file: add --format fp32 or --format int8",
              file=sys.stderr)
        return 2
    if args.check_int8 and args.data is None:
        print("haven export: --check-int8 needs --data (a labelled CSV/JSONL file)", file=sys.stderr)
        return 2
    formats = ("fp32", "int8") if args.format == "both" else (args.format,)
    try:
        for fmt in formats:
            path = export_onnx(model_dir, args.output, quantize=fmt == "int8",
                               base_model=args.base_model, force=args.force)
            print(f"{fmt}: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    except (ArtifactError, OnnxExportError, OSError) as exc:
        print(f"haven export: {exc}", file=sys.stderr)
        return 2
    if not args.check_int8:
        return 0
    return _check_int8(args, model_dir)


def _check_int8(args, model_dir: Path) -> int:
    from models.labelled_io import read_labelled
    from models.onnx_backend import MAX_AUC_DROP, check_int8

    try:
        examples = list(read_labelled(args.data))
    except (OSError, ValueError) as exc:
        print(f"haven export: {exc}", file=sys.stderr)
        return 2
    if args.limit:
        examples = examples[: args.limit]
    max_drop = MAX_AUC_DROP if args.max_drop is None else args.max_drop
    report = check_int8(model_dir, examples, reference=args.reference,
                        base_model=args.base_model, intra_op_threads=args.threads,
                        max_drop=max_drop)
    report["data"] = str(args.data)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, indent=2) + "\n")
    print(format_int8_table(report))
    print(f"report: {args.report}")
    return 0 if report["passed"] else 1


def format_int8_table(report: dict) -> str:
    """The --check-int8 result as a fixed-width table (one row per label)."""
    lines = [
        f"int8 vs fp32 ({report['reference']}) on {report['examples']} examples; "
        f"allowed |AUC change| <= {report['max_drop_allowed']}",
        f"{'label':<12} {'n':>6} {'pos':>6} {'AUC fp32':>9} {'AUC int8':>9} {'change':>8}  ok",
    ]
    for label, row in report["labels"].items():
        def cell(value) -> str:
            return f"{value:.4f}" if value is not None else "n/a"
        change = f"{-row['drop']:+.4f}" if row["drop"] is not None else "n/a"
        lines.append(f"{label:<12} {row['n']:>6} {row['positives']:>6} {cell(row['auc_fp32']):>9} "
                     f"{cell(row['auc_int8']):>9} {change:>8}  {'yes' if row['ok'] else 'NO'}")
    lines.append(f"max |prob diff| {report['max_abs_prob_diff']}, mean "
                 f"{report['mean_abs_prob_diff']}; {'PASSED' if report['passed'] else 'FAILED'}")
    return "\n".join(lines)
