"""What a lower or higher threshold would buy on the suites: ``python -m eval.suite_sweep MODEL``.

The issue's crisis target (``self_harm`` recall 0.95 on the crisis posts of the suites) could be
met on paper by lowering the threshold. Whether that is a fix or a harm depends on what it costs
members: how many of the suites' cases that must *not* be referred (idioms, worry about a friend,
recovered attempts, ...) cross the same line. This prints both counts side by side at the model's
own threshold, at the default policy's refer point, and at fixed points below them, and the scores
of the missed positives, so the trade-off is measured instead of argued. Whether a miss is a
threshold problem or a ranking one shows in two more numbers: the ROC-AUC of the cases that expect
the label against those that forbid it, and, for each missed case, how many forbidden cases score
at or above it (no threshold can find it without flagging those). Case ids only, no texts.
``--functionality NAME`` adds every score of one functionality's cases: a recipe that costs two
of fourteen worried posts shows which two, and by how much they cross the line.

Positives are the cases that expect the label; negatives the cases that forbid it. Cases are
scored by the same call as in ``haven eval`` (with the parent post when they have one).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from eval.metrics import DEFAULT_REFER_POINT, roc_auc_or_none
from eval.pipeline import predict
from eval.suites import SuiteCase, SuiteError, default_suites, load_suites
from models.taxonomy import LABELS

#: Fixed points below the usual thresholds (0.3-0.4): each one costs false referrals.
SWEEP_POINTS: tuple[float, ...] = (0.3, 0.25, 0.2, 0.15, 0.1, 0.05)


@dataclass(frozen=True)
class OperatingPoint:
    threshold: float
    name: str
    found: int
    positives: int
    false_flags: int
    negatives: int


def forbidden_at_or_over(score: float, negative: np.ndarray) -> int:
    """How many forbidden cases any threshold that finds a case of this score flags too."""
    return int((negative >= score).sum())


def sweep(
    positive: np.ndarray, negative: np.ndarray, points: Sequence[tuple[str, float]]
) -> list[OperatingPoint]:
    """Counts at each named threshold (a case is flagged at or over it, as in the suites)."""
    return [
        OperatingPoint(t, name, int((positive >= t).sum()), len(positive),
                       forbidden_at_or_over(t, negative), len(negative))
        for name, t in points
    ]


def split_cases(
    cases: Sequence[SuiteCase], label: str, language: str | None
) -> tuple[list[SuiteCase], list[SuiteCase]]:
    """The cases that expect ``label`` and those that forbid it, in one language if given."""
    kept = [c for c in cases if language is None or c.language == language]
    return ([c for c in kept if label in c.expected], [c for c in kept if label in c.forbidden])


def functionality_line(name: str, cases: Sequence[SuiteCase], scores: np.ndarray,
                       threshold: float) -> str:
    """Each case of ``name`` with its score, ``*`` where it is at or over ``threshold``."""
    shown = [f"{c.case_id} {s:.3f}{'*' if s >= threshold else ''}"
             for c, s in zip(cases, scores, strict=True) if c.functionality == name]
    return f"{name} (case score, * at or over {threshold:.3f}): " + ", ".join(shown)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.suite_sweep", description=__doc__)
    parser.add_argument("model", metavar="MODEL_DIR")
    parser.add_argument("--label", default="self_harm", choices=LABELS)
    parser.add_argument("--language", default="en",
                        help="only cases in this language (default en; 'all' for every case)")
    parser.add_argument("--suite", nargs="+", metavar="CSV",
                        help="suite CSVs (default: all of eval/suites/*.csv)")
    parser.add_argument("--batch-size", type=int, default=32, metavar="N")
    parser.add_argument("--functionality", metavar="NAME",
                        help="also print the score of each case of this functionality")
    args = parser.parse_args(argv)

    from models import load_model
    from models.artifact import ArtifactError

    if args.batch_size < 1:
        parser.error(f"--batch-size must be at least 1, got {args.batch_size}")
    language = None if args.language == "all" else args.language
    try:
        suite_cases = load_suites(args.suite or default_suites())
    except (SuiteError, OSError) as error:
        parser.exit(2, f"error: {error}\n")
    positives, negatives = split_cases(suite_cases, args.label, language)
    if not positives or not negatives:
        parser.error(f"the suites have no {args.label} positives and negatives in {args.language}")
    cases = positives + negatives
    if args.functionality and not any(c.functionality == args.functionality for c in cases):
        parser.error(f"no case of functionality {args.functionality!r} expects or forbids "
                     f"{args.label} in {args.language}")
    try:
        model = load_model(args.model)
    except ArtifactError as error:
        parser.exit(2, f"error: {error}\n")
    column = LABELS.index(args.label)
    scores = predict(model, [c.text for c in cases], [c.reply_to_text for c in cases],
                     args.batch_size).scores[:, column]
    pos, neg = scores[: len(positives)], scores[len(positives):]
    own = float(model.thresholds[args.label])
    points = [("model threshold", own)]
    if args.label == "self_harm":
        points.append(("refer point", DEFAULT_REFER_POINT))
    points += [("", t) for t in SWEEP_POINTS if t < own]
    points.sort(key=lambda point: -point[1])
    ranking = roc_auc_or_none(np.r_[np.ones(len(pos)), np.zeros(len(neg))], np.r_[pos, neg])
    print(f"{args.model}: {args.label}, {len(positives)} cases expect it, "
          f"{len(negatives)} forbid it (language {args.language}); ROC-AUC of the one against "
          f"the other {ranking:.3f}")
    print(f"{'threshold':>10}  {'found':>9}  {'recall':>6}  {'false flags':>11}  point")
    for p in sweep(pos, neg, points):
        print(f"{p.threshold:>10.3f}  {p.found:>4}/{p.positives:<4}  {p.found / p.positives:>6.3f}"
              f"  {p.false_flags:>5}/{p.negatives:<5}  {p.name}")
    missed = sorted((float(s), c.case_id) for s, c in zip(pos, positives, strict=True) if s < own)
    print("missed at the model threshold (score, case, forbidden cases at or over its score): "
          + (", ".join(f"{s:.3f} {cid} {forbidden_at_or_over(s, neg)}" for s, cid in missed)
             or "none"))
    if args.functionality:
        print(functionality_line(args.functionality, cases, scores, own))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
