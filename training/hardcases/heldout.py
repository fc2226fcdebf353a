"""The varied crisis banks as a held-out probe: train on one half of the posts, score the other.

Why: the suites hold 86 English crisis posts, too few to tell a model that generalises from one
that learnt the generated wordings by heart, and every generated row a model trains on is found
0.99-1.00 of the time (docs/hardcases.md). The varied banks were written independently of the
suites, with no two posts of a bank sharing five words, so the posts of one half are new
wordings of the same acts for a model trained on the other half.

Halves go by the post's index in its bank (even or odd), which the rows keep in their split
group (``hardcases:<functionality>:<index>``), so every framed copy of a post stays on its side.

``python -m training.hardcases.heldout split --in runs/varied.jsonl --out runs/varied_even.jsonl
--keep even`` writes the training half; ``python -m training.hardcases.heldout score MODEL
[--half odd|even|all] [--exclude BANK]`` prints, per bank, how many unframed posts the model
refers (``self_harm`` at or over its threshold): the crisis posts found and the near misses
referred; then the ROC-AUC of crisis posts against near misses, which does not depend on the
threshold. ``--exclude`` leaves banks out, so that numbers measured before a bank was added can
be compared. Texts are never printed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from training.hardcases import varied_crisis_banks as vb
from training.hardcases.halves import HALVES, in_half

if TYPE_CHECKING:
    from models.predictor import Predictor



@dataclass(frozen=True)
class BankScore:
    bank: str
    #: True for crisis posts (counts are posts found), False for near misses (posts referred).
    positive: bool
    referred: int
    total: int
    #: The posts' scores, kept for :func:`ranking_auc`.
    scores: tuple[float, ...] = ()


def bank_posts(name: str, half: str = "all") -> tuple[list[str], list[str | None]]:
    """The scored texts of a bank (the reply of a reply entry) and their parents."""
    texts: list[str] = []
    parents: list[str | None] = []
    for index, entry in enumerate(getattr(vb, name)):
        if not in_half(index, half):
            continue
        if isinstance(entry, str):
            texts.append(entry)
            parents.append(None)
        elif isinstance(entry[1], str):  # (parent, reply[, distress])
            texts.append(entry[1])
            parents.append(entry[0])
        else:  # (text, distress)
            texts.append(entry[0])
            parents.append(None)
    return texts, parents


BANKS: tuple[str, ...] = tuple(sorted(name for name in dir(vb) if name.isupper()))


def score(predictor: Predictor, half: str = "all", label: str = "self_harm",
          banks: Sequence[str] = BANKS) -> list[BankScore]:
    """Per bank, the posts of ``half`` scored at or over the predictor's ``label`` threshold."""
    from models.taxonomy import LABELS

    column = LABELS.index(label)
    threshold = predictor.thresholds[label]
    out: list[BankScore] = []
    for name in banks:
        texts, parents = bank_posts(name, half)
        pairs = parents if any(p is not None for p in parents) else None
        scores = tuple(float(row[column]) for row in predictor.predict_proba(texts, pairs).scores)
        referred = sum(s >= threshold for s in scores)
        out.append(BankScore(name, name.startswith("VARIED_"), referred, len(texts), scores))
    return out


def ranking_auc(results: Sequence[BankScore]) -> float:
    """ROC-AUC of the crisis posts' scores against the near misses'."""
    from sklearn.metrics import roc_auc_score

    gold = [int(r.positive) for r in results for _ in r.scores]
    return float(roc_auc_score(gold, [s for r in results for s in r.scores]))


def split_rows(source: Path, out: Path, keep: str) -> tuple[int, int]:
    """Write the rows of ``source`` whose post index is in half ``keep``; (kept, read)."""
    from models.labelled_io import read_labelled, write_labelled

    rows = list(read_labelled(source))
    kept = []
    for row in rows:
        try:
            index = int((row.group or "").rsplit(":", 1)[1])
        except (IndexError, ValueError):
            raise ValueError(f"{source}: row without a '<functionality>:<index>' group: "
                             f"{row.group!r}") from None
        if in_half(index, keep):
            kept.append(row)
    write_labelled(kept, out)
    return len(kept), len(rows)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m training.hardcases.heldout",
                                     description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    split = commands.add_parser("split", help="keep one half of a generated varied set")
    split.add_argument("--in", dest="source", type=Path, required=True,
                       help="a file written by haven hardcases --functionalities "
                       "varied_crisis[,near_miss_everyday]")
    split.add_argument("--out", type=Path, required=True)
    split.add_argument("--keep", choices=HALVES[:2], required=True)
    probe = commands.add_parser("score", help="score a model on one half of the banks")
    probe.add_argument("model", type=Path, help="model directory")
    probe.add_argument("--half", choices=HALVES, default="all",
                       help="the half to score: the one the model did not train on")
    probe.add_argument("--exclude", action="append", default=[], metavar="BANK",
                       help="leave a bank out (repeatable), e.g. NEAR_MISS_EVERYDAY to compare "
                       "with numbers measured before it existed")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "split":
        if not args.source.is_file():
            print(f"error: no such file: {args.source}", file=sys.stderr)
            return 2
        try:
            kept, read = split_rows(args.source, args.out, args.keep)
        except ValueError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        print(f"wrote {kept} of {read} rows ({args.keep} posts) to {args.out}", file=sys.stderr)
        return 0
    from models import load_model
    from models.artifact import CONFIG_FILE

    if not (args.model / CONFIG_FILE).is_file():
        print(f"error: not a model directory (no {CONFIG_FILE}): {args.model}", file=sys.stderr)
        return 2

    unknown = sorted(set(args.exclude) - set(BANKS))
    if unknown:
        print(f"error: unknown banks {unknown}; banks: {', '.join(BANKS)}", file=sys.stderr)
        return 2
    banks = [name for name in BANKS if name not in args.exclude]
    results = score(load_model(args.model), args.half, banks=banks)
    for side, positive, verb in (("crisis posts", True, "found"),
                                 ("near misses", False, "referred")):
        rows = [r for r in results if r.positive == positive]
        for r in rows:
            print(f"{r.bank:26s} {verb:8s} {r.referred:3d} / {r.total}")
        print(f"{side} ({args.half}) {verb}: {sum(r.referred for r in rows)} / "
              f"{sum(r.total for r in rows)}")
    if {r.positive for r in results} == {True, False}:
        print(f"ROC-AUC crisis posts against near misses ({args.half}): "
              f"{ranking_auc(results):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
