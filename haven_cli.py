"""The ``haven`` console command.

Each package owns its subcommands (``<package>.cli.register``); they are imported lazily so that
``haven serve`` never imports training code and ``haven --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

#: subcommand -> (module with ``register(subparsers)``, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("service.cli", "run the moderation API"),
    "keys": ("service.cli", "create, list and revoke API keys"),
    "feedback": ("service.cli", "export moderators' decisions as training data"),
    "purge": ("service.cli", "delete queued post text past the retention period"),
    "db": ("service.cli", "database migrations"),
    "policy": ("service.cli", "validate policy files"),
    "train": ("training.cli", "fine-tune a model from a YAML config"),
    "data": ("training.cli", "inspect the training data (sources, counts, splits)"),
    "hardcases": ("training.cli", "generate the hard-case training set"),
    "soup": ("training.cli", "interpolate the weights of two fine-tuned models"),
    "refit": ("training.cli", "refit a model's label head on its frozen encoder"),
    "eval": ("eval.cli", "evaluate a model, calibrate thresholds, compare models"),
    "score": ("models.cli", "score a JSONL file of posts"),
    "export": ("models.cli", "export a model to ONNX"),
    "ensemble": ("models.cli", "average the probabilities of several models"),
}


def build_parser(argv: list[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="haven", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = argv[0] if argv and argv[0] in COMMANDS else None
    registered: set[str] = set()
    for name, (module, help_text) in COMMANDS.items():
        if wanted is not None and name != wanted:
            continue
        if wanted is None:
            # Listing only: avoid importing every package for `haven --help`.
            sub.add_parser(name, help=help_text)
            continue
        if module not in registered:
            importlib.import_module(module).register(sub)
            registered.add(module)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0 if not argv else 2
    result = handler(args)
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
