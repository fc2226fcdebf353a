"""Which validation posts fix a calibrated threshold: ``python -m eval.threshold_tail MODEL``.

Why: a recall target is met at the tail of the positives' scores. ``self_harm`` at recall 0.95
on the 161 public crisis posts of validation is the score of the eighth-lowest of them, and the
crisis labels are proxies (subreddit membership for SDCNL, one label per user for C-SSRS; see
the datasets' README), so the posts in that tail may be no crisis at all. The bootstrap range in
``thresholds.json`` says how loosely the threshold is fixed; this says by which posts. It prints,
per source, the positives under the model's threshold and the negatives at or over it; the
lowest-scoring positives; and the threshold the label's target would give with the k lowest
positives left out, so a reviewer sees how much a handful of rows decides. Posts are named by
their row in the data and a short hash of their text (``models.examples.text_key``); texts are
printed only with ``--show-text``, for a reviewer reading their own validation data.

``--audit CSV`` reports it all again with an audit's labels (``eval/audits/``: posts read
against the taxonomy's definition, keyed by text hash), with the agreement per source, so the
threshold can be read as "recall on crises" rather than "recall on a proxy label".

``--halves`` splits the rows in two by their text hash and fits the target on each half alone:
how far the two thresholds lie apart, and how many of the other half's positives each finds,
say whether the rows fix a threshold or a few of them do. Why: with one audited split, fitting
and reading a threshold on the same posts flatters it, and no second audited split exists.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eval.metrics import roc_auc_or_none
from eval.thresholds import DEFAULT_TARGETS, Target, load_targets, search_threshold
from models.examples import Example, text_key
from models.taxonomy import LABELS

#: How many of the lowest-scoring positives are listed and left out one by one.
DEFAULT_LOWEST = 12
#: Characters of a post shown with ``--show-text``: enough to judge it, not a dump.
TEXT_CHARS = 200


@dataclass(frozen=True)
class SourceTail:
    source: str
    positives: int
    missed: int
    negatives: int
    referred: int
    roc_auc: float | None  # None: one class only


def per_source(y: np.ndarray, s: np.ndarray, sources: Sequence[str],
               threshold: float) -> list[SourceTail]:
    """Positives under ``threshold`` and negatives at or over it, per source (annotated rows)."""
    src = np.asarray(sources)
    out = []
    for name in sorted(set(sources)):
        rows = src == name
        pos, neg = s[rows & (y == 1)], s[rows & (y == 0)]
        if pos.size or neg.size:
            out.append(SourceTail(name, int(pos.size), int((pos < threshold).sum()),
                                  int(neg.size), int((neg >= threshold).sum()),
                                  # the ranking apart from any threshold: with an audit,
                                  # gold and audited labels' ROC-AUC say whether a model
                                  # ranks by the proxy or by the definition
                                  roc_auc_or_none(y[rows], s[rows])))
    return out


@dataclass(frozen=True)
class HalfFit:
    half: int  # the parity of the rows' text hash
    rows: int
    positives: int
    threshold: float  # the target's threshold fitted on this half alone
    other_positives: int
    other_found: int  # the other half's positives at or over ``threshold``


def split_halves(y: np.ndarray, s: np.ndarray, keys: Sequence[str],
                 target: Target) -> list[HalfFit]:
    """The target fitted on each half of the rows (by the parity of their hex text key, so a
    post lands in the same half whatever the model), read on the other half. A half without
    positives and negatives is left out."""
    half = np.array([int(k[-1], 16) % 2 for k in keys])
    out = []
    for h in (0, 1):
        mine, other = half == h, (half != h) & (y == 1)
        if not 0 < y[mine].sum() < mine.sum():
            continue
        threshold = float(search_threshold(y[mine], s[mine], target, rounds=0)["threshold"])
        out.append(HalfFit(h, int(mine.sum()), int(y[mine].sum()), threshold,
                           int(other.sum()), int((s[other] >= threshold).sum())))
    return out


def positives_by_score(y: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Indices of the positives, lowest score first (ties keep the data's order)."""
    positives = np.flatnonzero(y == 1)
    return positives[np.argsort(s[positives], kind="stable")]


def leave_lowest_out(y: np.ndarray, s: np.ndarray, target: Target,
                     lowest: int) -> list[tuple[int, float]]:
    """``(k, threshold)`` for k = 0..lowest: the target's threshold without the k lowest positives.

    Only positives are left out, one at a time from the bottom, as a reviewer who found them
    mislabelled would drop them; the negatives stay. The search is the calibration's own
    (``search_threshold``), without its bootstrap.
    """
    order = positives_by_score(y, s)
    out = []
    for k in range(min(lowest, order.size - 1) + 1):
        keep = np.ones(y.size, dtype=bool)
        keep[order[:k]] = False
        out.append((k, float(search_threshold(y[keep], s[keep], target, rounds=0)["threshold"])))
    return out


def read_audits(path: str | Path) -> dict[str, dict[str, float]]:
    """``{label: {text_key: 1.0 | 0.0 | nan}}`` from an audit CSV (nan: judged unclear).

    An audit file (``eval/audits/``) holds ``text_key,source,label,audited`` rows: a reader's
    judgement of a post against the taxonomy's definition of the label, keyed by the post's
    ``text_key`` so the file carries no text. ``unclear`` rows are left out of the numbers.
    """
    values = {"1": 1.0, "0": 0.0, "unclear": float("nan")}
    out: dict[str, dict[str, float]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"text_key", "label", "audited"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing columns {sorted(missing)}")
        for line, row in enumerate(reader, start=2):
            if row["label"] not in LABELS:
                raise ValueError(f"{path}:{line}: unknown label {row['label']!r}")
            if row["audited"] not in values:
                raise ValueError(f"{path}:{line}: audited must be 1, 0 or unclear, "
                                 f"got {row['audited']!r}")
            out.setdefault(row["label"], {})[row["text_key"]] = values[row["audited"]]
    return out


def read_audit(path: str | Path, label: str) -> dict[str, float]:
    """``{text_key: 1.0 | 0.0 | nan}`` for ``label`` from an audit CSV (``read_audits``)."""
    return read_audits(path).get(label, {})


def apply_audit(y: np.ndarray, texts: Sequence[str], path: str | Path) -> tuple[np.ndarray, str]:
    """A copy of the gold matrix ``y`` with an audit's verdicts in place of the labels it
    covers (unclear: nan, left out), and a line saying what changed.

    Why (``haven eval calibrate --audit``): a recall target is only as good as its positives.
    The public crisis labels are proxies, and a threshold fitted on them chases posts that state
    no risk; an audit against the taxonomy's definition is the better ground truth. The line
    goes into ``calibrated_on``, so the thresholds say what fixed them.
    """
    keys = [text_key(t) for t in texts]
    y, parts = y.copy(), []
    audits = read_audits(path)
    for label in (name for name in LABELS if name in audits):  # in the taxonomy's order
        verdicts, column = audits[label], LABELS.index(label)
        covered = np.array([k in verdicts for k in keys], dtype=bool)
        if not covered.any():
            raise ValueError(f"{path} covers no row of this data for {label}: was it made on "
                             "another split?")
        judged = audited_labels(verdicts, keys, y[:, column])
        changed = int((covered & ~np.isnan(judged) & (judged != y[:, column])).sum())
        unclear = int((covered & np.isnan(judged)).sum())
        y[:, column] = judged
        parts.append(f"{label} from audit {path} ({int(covered.sum())} rows, {changed} changed, "
                     f"{unclear} unclear left out)")
    if not parts:
        raise ValueError(f"{path} has no verdicts")
    return y, "; ".join(parts)


def describe(y: np.ndarray, s: np.ndarray, picked: Sequence[Example], rows: np.ndarray,
             own: float, target: Target, lowest: int, show_text: bool,
             halves: Sequence[str] | None = None) -> None:
    """Print the threshold the target gives, the per-source table and the lowest positives;
    with ``halves`` (the rows' text keys, hashed once by the caller), the split-half fits too."""
    found = search_threshold(y, s, target)
    low, high = found["range_90"]
    print(f"target {target.as_dict()} on these {y.size} rows ({int(y.sum())} positive) gives "
          f"{found['threshold']:.3f} (90 % range {low:.3f}-{high:.3f})")
    print(f"{'source':<28} {'positives':>9} {'under':>6} {'negatives':>9} {'at/over':>8} "
          f"{'ROC-AUC':>8}")
    tails = per_source(y, s, [e.source for e in picked], own) + per_source(
        y, s, ["(all)"] * y.size, own)
    for t in tails:
        auc = "-" if t.roc_auc is None else f"{t.roc_auc:.3f}"
        print(f"{t.source:<28} {t.positives:>9} {t.missed:>6} {t.negatives:>9} {t.referred:>8} "
              f"{auc:>8}")
    print("lowest-scoring positives (rank, score, source, row in the data, text key):")
    for rank, j in enumerate(positives_by_score(y, s)[:lowest], start=1):
        example = picked[j]
        line = (f"{rank:>3} {s[j]:.3f} {'under' if s[j] < own else 'at/over':<7} "
                f"{example.source:<28} row {rows[j] + 1:<6} {text_key(example.text)[:10]}")
        if show_text:
            line += f"  {example.text[:TEXT_CHARS]!r}"
        print(line)
    print("threshold for the target with the k lowest positives left out: " + ", ".join(
        f"k={k} {t:.3f}" for k, t in leave_lowest_out(y, s, target, lowest)))
    if halves is not None:
        fits = split_halves(y, s, halves, target)
        for fit in fits:
            print(f"half {fit.half} by text key ({fit.rows} rows, {fit.positives} positive) gives "
                  f"{fit.threshold:.3f}; the other half's positives found at it: "
                  f"{fit.other_found} of {fit.other_positives}")
        if len(fits) == 2:
            print(f"the halves' thresholds lie {abs(fits[0].threshold - fits[1].threshold):.3f} "
                  f"apart")


def audited_labels(audit: dict[str, float], keys: Sequence[str],
                   gold: np.ndarray) -> np.ndarray:
    """The audit's label per row; rows it does not cover keep their gold label (nan: unclear)."""
    return np.array([audit.get(k, float(g)) for k, g in zip(keys, gold, strict=True)])


def print_agreement(gold: np.ndarray, judged: np.ndarray, sources: Sequence[str],
                    covered: np.ndarray) -> None:
    """Gold against audited counts per source, over the covered rows judged 1 or 0."""
    src = np.asarray(sources)
    judged_rows = covered & ~np.isnan(judged)
    print("gold -> audited, per source:    1->1   1->0   0->1   0->0")
    for name in sorted(set(src[judged_rows])):
        rows = judged_rows & (src == name)
        g, a = gold[rows], judged[rows]
        print(f"{name:<28} " + " ".join(f"{int(((g == gv) & (a == av)).sum()):>6}"
                                        for gv, av in ((1, 1), (1, 0), (0, 1), (0, 0))))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m eval.threshold_tail", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", metavar="MODEL_DIR")
    data = parser.add_mutually_exclusive_group(required=True)
    data.add_argument("--run", metavar="RUN_DIR", help="use the run's validation.jsonl")
    data.add_argument("--data", nargs="+", metavar="FILE", help="labelled CSV/JSONL files")
    parser.add_argument("--label", default="self_harm", choices=LABELS)
    parser.add_argument("--targets", metavar="YAML", default=str(DEFAULT_TARGETS),
                        help="targets file whose review target is recomputed (default: shipped)")
    parser.add_argument("--audit", metavar="CSV",
                        help="also report with an audit's labels (e.g. "
                        "eval/audits/self_harm_validation.csv) where it covers a row")
    parser.add_argument("--lowest", type=int, default=DEFAULT_LOWEST, metavar="N",
                        help=f"positives listed and left out (default {DEFAULT_LOWEST})")
    parser.add_argument("--show-text", action="store_true",
                        help=f"print the first {TEXT_CHARS} characters of each listed post")
    parser.add_argument("--halves", action="store_true",
                        help="also fit the target on each half of the rows (by text hash) and "
                        "read it on the other half")
    parser.add_argument("--batch-size", type=int, default=32, metavar="N")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.batch_size < 1 or args.lowest < 1:
        parser.error("--batch-size and --lowest must be at least 1")

    from eval.metrics import gold_matrix
    from eval.pipeline import load_examples, predict, validation_path
    from models import load_model
    from models.artifact import ArtifactError

    try:
        paths = [validation_path(args.run)] if args.run else [Path(p) for p in args.data]
        missing = [str(p) for p in paths + ([Path(args.audit)] if args.audit else [])
                   if not p.is_file()]
        if missing:
            raise FileNotFoundError(f"{', '.join(missing)}: no such file")
        target = load_targets(args.targets).points.get(args.label, {}).get("review")
        audit = read_audit(args.audit, args.label) if args.audit else None
        examples = load_examples(paths)
        model = load_model(args.model)
    except (OSError, ValueError, ArtifactError) as error:
        parser.exit(2, f"error: {error}\n")
    if target is None:
        parser.exit(2, f"error: {args.targets} has no review target for {args.label}\n")
    column = LABELS.index(args.label)
    gold = gold_matrix(examples)[:, column]
    rows = np.flatnonzero(~np.isnan(gold))
    y = gold[rows].astype(int)
    if y.sum() < 2 or y.sum() == y.size:
        parser.exit(2, f"error: the data needs positives and negatives for {args.label}\n")
    picked = [examples[i] for i in rows]
    s = predict(model, [e.text for e in picked], [e.text_pair for e in picked],
                args.batch_size).scores[:, column].astype(np.float64)
    own = float(model.thresholds[args.label])
    print(f"{args.model}: {args.label} threshold {own:.3f}")
    # hashed once, and only when the halves or the audit need them
    keys = [text_key(e.text) for e in picked] if args.halves or audit is not None else []
    describe(y, s, picked, rows, own, target, args.lowest, args.show_text,
             keys if args.halves else None)
    if audit is None:
        return 0
    covered = np.array([k in audit for k in keys])
    judged = audited_labels(audit, keys, y)
    kept = ~np.isnan(judged)
    print(f"\naudit {args.audit}: covers {int(covered.sum())} of {y.size} rows, "
          f"{int((~kept).sum())} judged unclear (left out)")
    print_agreement(y, judged, [e.source for e in picked], covered)
    audited = judged[kept].astype(int)
    if audited.sum() < 2 or audited.sum() == audited.size:
        parser.exit(2, f"error: the audit leaves too few positives or negatives for {args.label}\n")
    print("with the audit's labels:")
    kept_rows = np.flatnonzero(kept)
    describe(audited, s[kept], [picked[j] for j in kept_rows], rows[kept], own, target,
             args.lowest, args.show_text, [keys[j] for j in kept_rows] if args.halves else None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
