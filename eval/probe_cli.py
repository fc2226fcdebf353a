"""The shared command line of the probe scripts (``eval.long_post_probes``,
``eval.identity_probes``): each takes model directories and prints counts per model, so usage,
loading and the error for a directory that is no model are written once."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence

from models.predictor import Predictor


def run_per_model(argv: Sequence[str] | None, module: str,
                  lines: Callable[[str, Predictor], Iterable[str]]) -> int:
    """Print ``lines(model_dir, model)`` for each MODEL_DIR in ``argv`` (default: sys.argv).

    Exit codes: 0, or 0 for ``--help``; 2 with usage on stderr when no directory is given, and
    2 with the loader's message when a directory is not a model."""
    from models import load_model
    from models.artifact import ArtifactError

    dirs = list(sys.argv[1:] if argv is None else argv)
    if not dirs or any(d in ("-h", "--help") for d in dirs):
        print(f"usage: python -m {module} MODEL_DIR [MODEL_DIR ...]", file=sys.stderr)
        return 0 if dirs else 2
    for model_dir in dirs:
        try:
            model = load_model(model_dir)
        except ArtifactError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        for line in lines(model_dir, model):
            print(line, flush=True)
    return 0
