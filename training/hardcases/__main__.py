"""``python -m training.hardcases --out runs/hardcases.jsonl [--language en|ar] [--seed 13]
[--per-functionality N] [--stats]``: generate a hard-case set and write it in the generic
labelled format. ``en`` (the default) is the set the default model trains on; ``ar`` the Arabic
set for the per-language model (``training/hardcases/arabic.py``); ``ar-Latn`` the Arabizi crisis
set for the default model (``training/hardcases/arabizi.py``).

``main(argv)`` is the hook for a ``haven data hardcases`` subcommand; it returns an exit code.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from training.hardcases import DEFAULT_PER_FUNCTIONALITY, DEFAULT_SEED, generate, stats, write
from training.hardcases import arabic, arabizi


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    """Add the generator's options to ``parser`` (a new one by default), for reuse as a
    subcommand."""
    parser = parser or argparse.ArgumentParser(
        prog="python -m training.hardcases",
        description="Generate Haven's hard-case training set (docs/hardcases.md).")
    parser.add_argument("--out", required=True, help="output .jsonl file")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                        help=f"generator seed (default {DEFAULT_SEED})")
    parser.add_argument("--language", choices=("en", "ar", "ar-Latn"), default="en",
                        help="en: the default model's set; ar: the per-language model's Arabic "
                             "set; ar-Latn: the default model's Arabizi crisis set (default en)")
    parser.add_argument("--per-functionality", type=int, default=None,
                        help=f"examples per functionality (default {DEFAULT_PER_FUNCTIONALITY} "
                             f"for en, {arabic.DEFAULT_PER_FUNCTIONALITY} for ar, "
                             f"{arabizi.DEFAULT_PER_FUNCTIONALITY} for ar-Latn)")
    parser.add_argument("--functionalities", default=None, metavar="NAME[,NAME]",
                        help="en only: generate just these functionalities, the optional ones "
                             "included (e.g. long_post_safe_end), or a group of them "
                             "(varied_crisis, varied_identity); default: the default set")
    parser.add_argument("--stats", action="store_true",
                        help="print counts per functionality and label as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    return run(build_parser().parse_args(argv))


def run(args: argparse.Namespace) -> int:
    """Generate and write the set for parsed arguments (also ``haven hardcases``)."""
    if args.per_functionality is not None and args.per_functionality < 0:
        print(f"error: --per-functionality must be >= 0, got {args.per_functionality}",
              file=sys.stderr)
        return 2
    language = getattr(args, "language", "en")
    names = getattr(args, "functionalities", None)
    if language != "en" and names:
        print("error: --functionalities applies to the English set only", file=sys.stderr)
        return 2
    if language == "ar":
        examples = arabic.generate_arabic(seed=args.seed, per_functionality=args.per_functionality)
    elif language == "ar-Latn":
        examples = arabizi.generate_arabizi(seed=args.seed,
                                            per_functionality=args.per_functionality)
    else:
        try:
            examples = generate(seed=args.seed, per_functionality=args.per_functionality,
                                functionalities=None if names is None else
                                [n.strip() for n in names.split(",") if n.strip()])
        except ValueError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
    count = write(examples, args.out)
    print(f"wrote {count} hard-case examples to {args.out}", file=sys.stderr)
    if args.stats:
        print(json.dumps(stats(examples), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
