"""The ONNX Runtime backend: the merged network exported to one graph, fp32 or int8, on CPU.

Why a second backend: on a plain CPU, ONNX Runtime's fused BERT kernels and int8 dynamic
quantisation score posts roughly 1.5-2x faster than eager torch, which decides whether a small
community can run Haven on the machine it already has.

The exported graph is the WHOLE network (merged encoder + mean pooling + both heads) with inputs
``input_ids``, ``attention_mask``, ``token_type_ids`` (dynamic batch and sequence axes) and
outputs ``label_logits``, ``target_logits``. Windowing (``models.encoding``) and max-pooling
(``models.classifier.pool_windows``) are shared with the torch backend unchanged, so both
backends score long posts, pairs and calibration identically; only the forward pass differs.

Exports are cached next to the model (``<model_dir>/onnx/``) or, when the model directory is
read-only (an installed package, a mounted volume), under ``~/.cache/haven/<fingerprint>/``. A
fingerprint of the model files is stored beside each export, so a retrained model is re-exported
instead of silently scored with stale weights.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from models.artifact import (
    ADAPTER_DIR,
    CONFIG_FILE,
    HEADS_FILE,
    ArtifactError,
    ModelConfig,
    read_block_thresholds,
    read_calibration,
    read_config,
    read_thresholds,
    resolve_base_model,
)
from models.encoding import Window, collate, length_sorted_batches
from models.predictor import Prediction
from models.taxonomy import LABELS, TARGETS

log = logging.getLogger(__name__)

ONNX_DIR = "onnx"
FP32_FILE = "model.onnx"
INT8_FILE = "model.int8.onnx"
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT_NAMES = ("label_logits", "target_logits")
#: opset 17 is what the legacy (TorchScript) exporter and ORT's BERT fusions both handle well.
OPSET = 17
#: Bump when the export recipe changes, so caches made by an older recipe are rebuilt.
EXPORT_RECIPE = "1"
QUANTIZED_OPS = ("MatMul", "Attention")
#: Recorded beside each int8 export; a cached export made another way is rebuilt.
QUANTIZATION_SCHEME = "dynamic-int8-per-channel"


class OnnxExportError(RuntimeError):
    """The model could not be exported, optimised or quantised."""


# --------------------------------------------------------------------------- export


def export_onnx(
    model_dir: str | Path,
    out_path: str | Path | None = None,
    *,
    quantize: bool,
    base_model: str | None = None,
    optimize: bool = True,
    force: bool = False,
) -> Path:
    """Export a model directory to ONNX (int8-quantised when ``quantize``); returns the file.

    With ``out_path`` the file is written there unconditionally. Without it the export is cached
    (see the module docstring) and reused while the model's fingerprint matches, so a service
    start pays the ~30 s export once. Writes are atomic: a second process starting at the same
    time never reads a half-written file.
    """
    model_dir = Path(model_dir)
    config = read_config(model_dir)
    if config.members:  # an ensemble has no network of its own: each member is one graph
        raise ArtifactError(f"{model_dir} is an ensemble; export each of its members "
                            f"(haven export --model {model_dir}/members/<member>)")
    refuse_long_head(config, model_dir)
    reference = base_model or config.base_model
    fingerprint = model_fingerprint(model_dir, reference)
    if out_path is not None:
        target = Path(out_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        if quantize:
            with tempfile.TemporaryDirectory() as tmp:
                fp32 = _export_fp32(model_dir, config, reference, Path(tmp) / FP32_FILE, optimize)
                _quantize(fp32, target)
        else:
            _export_fp32(model_dir, config, reference, target, optimize)
        _write_meta(target, fingerprint, quantize=quantize, optimize=optimize)
        return target

    cache = cache_dir(model_dir, fingerprint)
    fp32 = cache / FP32_FILE
    if force or not _is_current(fp32, fingerprint, optimize):
        started = time.perf_counter()
        _export_fp32(model_dir, config, reference, fp32, optimize)
        _write_meta(fp32, fingerprint, quantize=False, optimize=optimize)
        log.info("onnx export written", extra={"path": str(fp32),
                                                "seconds": round(time.perf_counter() - started, 1)})
    if not quantize:
        return fp32
    int8 = cache / INT8_FILE
    if force or not _is_current(int8, fingerprint, optimize):
        _quantize(fp32, int8)
        _write_meta(int8, fingerprint, quantize=True, optimize=optimize)
        log.info("onnx int8 model written", extra={"path": str(int8)})
    return int8


def refuse_long_head(config: ModelConfig, model_dir: Path) -> None:
    """The exported graph has the label and target heads only; a model with a second head for
    long posts would be scored without it, so it is refused rather than scored differently
    from the torch backend."""
    if config.long_head_labels:
        raise ArtifactError(
            f"{model_dir}: the ONNX backend does not score a second head for long posts "
            f"(long_head_labels {config.long_head_labels}); use the torch backend")


def model_fingerprint(model_dir: Path, reference: str) -> str:
    """Hash of everything the exported graph depends on.

    The model's own files are small and hashed in full; the base weights (~90 MB) are identified
    by reference, size and modification time, which is enough to notice a different copy without
    reading it on every start.
    """
    digest = hashlib.sha256()
    digest.update(f"recipe={EXPORT_RECIPE};opset={OPSET};base={reference}\n".encode())
    for path in [model_dir / CONFIG_FILE, model_dir / HEADS_FILE, *adapter_files(model_dir)]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(base_weights_identity(reference).encode())
    return digest.hexdigest()


def adapter_files(model_dir: Path) -> list[Path]:
    """The LoRA adapter's files (its README aside), in a stable order: with the base weights,
    all the encoder's weights. Also keys ``haven refit``'s feature cache."""
    adapter = Path(model_dir) / ADAPTER_DIR
    if not adapter.is_dir():
        return []
    return sorted(p for p in adapter.iterdir() if p.is_file() and p.suffix != ".md")


def base_weights_identity(reference: str) -> str:
    """The base model's files by name, size and modification time: enough to notice a
    different copy without reading ~90 MB of weights."""
    resolved = Path(resolve_base_model(reference))
    if not resolved.is_dir():
        return ""
    return "".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}\n"
                   for p in sorted(resolved.iterdir()) if p.is_file())


def cache_dir(model_dir: Path, fingerprint: str) -> Path:
    """``<model_dir>/onnx`` when writable, else ``~/.cache/haven/<fingerprint[:16]>``."""
    local = Path(model_dir) / ONNX_DIR
    if _writable_dir(local):
        # Exports are large derived files (~90 MB): keep them out of version control.
        ignore = local / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# derived by `haven export`; rebuilt from the model files\n*\n")
        return local
    fallback = Path.home() / ".cache" / "haven" / fingerprint[:16]
    fallback.mkdir(parents=True, exist_ok=True)
    return fallback


def _writable_dir(path: Path) -> bool:
    try:
        path.mkdir(exist_ok=True)
    except OSError:
        return False
    return os.access(path, os.W_OK | os.X_OK)


def _meta_path(onnx_path: Path) -> Path:
    return onnx_path.with_name(onnx_path.name + ".json")


def _write_meta(onnx_path: Path, fingerprint: str, *, quantize: bool, optimize: bool) -> None:
    import onnxruntime

    _atomic_write_text(_meta_path(onnx_path), json.dumps({
        "fingerprint": fingerprint,
        "quantized": quantize,
        "optimized": optimize,
        "quantization": QUANTIZATION_SCHEME if quantize else None,
        "opset": OPSET,
        "onnxruntime": onnxruntime.__version__,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }, indent=2) + "\n")


def _is_current(onnx_path: Path, fingerprint: str, optimize: bool) -> bool:
    meta = _meta_path(onnx_path)
    if not onnx_path.is_file() or not meta.is_file():
        return False
    try:
        data = json.loads(meta.read_text())
    except (OSError, json.JSONDecodeError):
        return False
    # An export from an older quantisation scheme is rebuilt, not reused.
    scheme = QUANTIZATION_SCHEME if data.get("quantized") else None
    return (data.get("fingerprint") == fingerprint and data.get("optimized") == optimize
            and data.get("quantization") == scheme)


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def _export_fp32(model_dir: Path, config: ModelConfig, reference: str, target: Path,
                 optimize: bool) -> Path:
    """Trace the merged network to ONNX, then (optionally) fuse it with ORT's BERT optimizer."""
    import torch

    from models.classifier import load_network

    network = load_network(model_dir, reference, eager_attention=True)
    encoder_config = network.encoder.config
    # A short real-shaped dummy: the legacy exporter records shapes symbolically via dynamic_axes.
    dummy = {
        "input_ids": torch.ones((2, 16), dtype=torch.long),
        "attention_mask": torch.ones((2, 16), dtype=torch.long),
        "token_type_ids": torch.zeros((2, 16), dtype=torch.long),
    }
    axes = {name: {0: "batch", 1: "sequence"} for name in INPUT_NAMES}
    axes.update({name: {0: "batch"} for name in OUTPUT_NAMES})
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp_dir = Path(tempfile.mkdtemp(prefix=".export-", dir=target.parent))
    try:
        raw = tmp_dir / "raw.onnx"
        with torch.no_grad():
            torch.onnx.export(
                network, (dummy["input_ids"], dummy["attention_mask"], dummy["token_type_ids"]),
                str(raw), input_names=list(INPUT_NAMES), output_names=list(OUTPUT_NAMES),
                dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True, dynamo=False,
            )
        staged = tmp_dir / "model.onnx"
        if optimize:
            _optimize(raw, staged, num_heads=int(encoder_config.num_attention_heads),
                      hidden_size=int(encoder_config.hidden_size))
        else:
            os.replace(raw, staged)
        os.replace(staged, target)
    except Exception as exc:
        raise OnnxExportError(f"exporting {model_dir} to ONNX failed: {exc}") from exc
    finally:
        for leftover in tmp_dir.iterdir():
            leftover.unlink()
        tmp_dir.rmdir()
    return target


def _optimize(source: Path, target: Path, *, num_heads: int, hidden_size: int) -> None:
    """Fuse attention, LayerNorm, GELU and embeddings into ORT's contrib BERT kernels.

    ``opt_level=0`` applies only the Python-level fusions, so the saved graph stays portable
    across CPUs; ORT applies its own hardware-specific graph rewrites when a session starts.
    """
    from onnxruntime.transformers.optimizer import optimize_model

    optimized = optimize_model(str(source), model_type="bert", num_heads=num_heads,
                               hidden_size=hidden_size, opt_level=0)
    stats = optimized.get_fused_operator_statistics()
    log.info("onnx fusions", extra={"fused": {k: v for k, v in stats.items() if v}})
    optimized.save_model_to_file(str(target))


def _head_nodes(path: Path) -> list[str]:
    import onnx

    graph = onnx.load(str(path), load_external_data=False).graph
    heads = [n.name for n in graph.node if n.name.startswith(("/label_head/", "/target_head/"))]
    # The quantiser first rewrites Gemm into "<name>_MatMul" + "<name>_Add": exclude both names.
    return heads + [f"{name}_MatMul" for name in heads]


def _quantize(source: Path, target: Path) -> None:
    """int8 dynamic quantisation of the weights (activations quantised per batch at run time).

    Only the encoder's matrix products and fused attention are quantised: they are nearly all
    the compute. The embedding tables and the two heads stay float32: quantising them saves
    memory but no time, and the heads map straight onto the scores. Weights are quantised per
    output channel: with ORT's per-tensor default, the shipped model's offensive, self_harm
    and distress validation ROC-AUC fell by 0.007-0.009 (over the 0.005 budget) and single
    probabilities moved by up to 0.68; per channel the largest AUC change was 0.0033 at the
    same speed (measured, docs/performance.md). ``haven export --check-int8`` checks every
    retrained model.
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        # ONNX shape inference cannot type the outputs of ORT's fused contrib ops (Attention,
        # SkipLayerNormalization): tell the quantiser they are float32, which they are.
        quantize_dynamic(str(source), str(tmp), weight_type=QuantType.QInt8,
                         per_channel=True, op_types_to_quantize=list(QUANTIZED_OPS),
                         nodes_to_exclude=_head_nodes(source),
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
        os.replace(tmp, target)
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        raise OnnxExportError(f"int8 quantisation of {source} failed: {exc}") from exc


# --------------------------------------------------------------------------- inference


def make_session(path: str | Path, *, intra_op_threads: int | None = None):
    """An ORT CPU session. ``intra_op_threads`` None lets ORT use one thread per physical core.

    Spinning is turned off: idle ORT threads otherwise busy-wait for the next op and steal the
    cores the tokenizer, the event loop and the HTTP server need between batches.
    """
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.inter_op_num_threads = 1
    if intra_op_threads:
        options.intra_op_num_threads = int(intra_op_threads)
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), sess_options=options,
                                providers=["CPUExecutionProvider"])


class OnnxClassifier:
    """A Haven model scored by ONNX Runtime (implements :class:`models.predictor.Predictor`).

    Same name, version, thresholds and calibration as :class:`models.classifier.HavenClassifier`
    for the same model directory; only the forward pass runs in ORT.
    """

    def __init__(
        self,
        session,
        tokenizer,
        config: ModelConfig,
        thresholds: dict[str, float] | None = None,
        calibration: dict | None = None,
        *,
        quantized: bool = False,
        path: Path | None = None,
        block_thresholds: dict[str, float] | None = None,
    ):
        self.session = session
        self.tokenizer = tokenizer
        self.config = config
        self.name = config.name
        self.version = config.version
        self.thresholds = thresholds or {label: 0.5 for label in LABELS}
        #: Calibrated block operating points (policies' ``block: model``); empty if none.
        self.block_thresholds: dict[str, float] = dict(block_thresholds or {})
        self.calibration = calibration
        self.quantized = quantized
        self.path = path
        # Graphs exported from encoders without segment ids have no token_type_ids input.
        self._inputs = {i.name for i in session.get_inputs()}

    @property
    def backend(self) -> str:
        return "onnx-int8" if self.quantized else "onnx"

    @classmethod
    def from_pretrained(
        cls,
        model_dir: str | Path,
        *,
        quantized: bool = False,
        apply_calibration: bool = True,
        base_model: str | None = None,
        intra_op_threads: int | None = None,
        onnx_path: str | Path | None = None,
    ) -> OnnxClassifier:
        """Load (exporting on first use) the ONNX model of a model directory."""
        from models.network import load_tokenizer

        started = time.perf_counter()
        model_dir = Path(model_dir)
        config = read_config(model_dir)
        refuse_long_head(config, model_dir)
        reference = base_model or config.base_model
        path = Path(onnx_path) if onnx_path else export_onnx(
            model_dir, quantize=quantized, base_model=base_model)
        model = cls(
            make_session(path, intra_op_threads=intra_op_threads),
            load_tokenizer(reference),
            config,
            read_thresholds(model_dir),
            read_calibration(model_dir) if apply_calibration else None,
            quantized=quantized,
            path=path,
            block_thresholds=read_block_thresholds(model_dir),
        )
        log.info("model loaded", extra={
            "model": config.name, "version": config.version, "backend": model.backend,
            "seconds": round(time.perf_counter() - started, 2)})
        return model

    def logits(self, windows: Sequence[Window], batch_size: int = 32
               ) -> tuple[np.ndarray, np.ndarray]:
        """Raw logits per window, in the order given."""
        label_out = np.zeros((len(windows), len(LABELS)), dtype=np.float32)
        target_out = np.zeros((len(windows), len(TARGETS)), dtype=np.float32)
        for batch in length_sorted_batches(windows, batch_size):
            inputs = collate([windows[i] for i in batch], self.tokenizer.pad_token_id)
            feed: dict[str, Any] = {k: v.numpy() for k, v in inputs.items() if k in self._inputs}
            label_logits, target_logits = self.session.run(list(OUTPUT_NAMES), feed)
            label_out[batch] = label_logits
            target_out[batch] = target_logits
        return label_out, target_out

    def predict_proba(
        self,
        texts: Sequence[str],
        text_pairs: Sequence[str | None] | None = None,
        batch_size: int = 32,
    ) -> Prediction:
        from models.classifier import score_texts

        return score_texts(self, texts, text_pairs, batch_size)


# --------------------------------------------------------------------------- int8 accuracy check

#: The issue's acceptance bound: int8 may move no label's validation ROC-AUC by more than this.
MAX_AUC_DROP = 0.005


def check_int8(
    model_dir: str | Path,
    examples: Sequence[Any],
    *,
    reference: str = "torch",
    base_model: str | None = None,
    batch_size: int = 32,
    intra_op_threads: int | None = None,
    max_drop: float = MAX_AUC_DROP,
) -> dict[str, Any]:
    """Per-label ROC-AUC of the int8 model against the fp32 ``reference`` on labelled examples.

    Scores are compared before calibration: calibration is a monotone map per label, so it
    cannot change a ranking metric, and raw scores isolate what quantisation does. A label's
    missing annotations (``None``) are left out of that label only; a label with one class
    present has no ROC-AUC and is reported as ``None`` (not checked). ``passed`` is False when
    any label's |AUC(fp32) - AUC(int8)| exceeds ``max_drop``.
    """
    from sklearn.metrics import roc_auc_score

    model_dir = Path(model_dir)
    texts = [e.text for e in examples]
    pairs = [e.text_pair for e in examples]
    pair_arg = pairs if any(p is not None for p in pairs) else None
    if reference == "torch":
        from models.classifier import HavenClassifier

        fp32_model: Any = HavenClassifier.from_pretrained(
            model_dir, apply_calibration=False, base_model=base_model, device="cpu")
    elif reference == "onnx":
        fp32_model = OnnxClassifier.from_pretrained(
            model_dir, quantized=False, apply_calibration=False, base_model=base_model,
            intra_op_threads=intra_op_threads)
    else:
        raise ValueError(f"reference must be 'torch' or 'onnx', got {reference!r}")
    int8_model = OnnxClassifier.from_pretrained(
        model_dir, quantized=True, apply_calibration=False, base_model=base_model,
        intra_op_threads=intra_op_threads)
    timings = {}
    started = time.perf_counter()
    fp32 = fp32_model.predict_proba(texts, pair_arg, batch_size)
    timings["fp32_s"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    int8 = int8_model.predict_proba(texts, pair_arg, batch_size)
    timings["int8_s"] = round(time.perf_counter() - started, 2)

    labels: dict[str, dict[str, Any]] = {}
    for j, label in enumerate(LABELS):
        rows = [i for i, e in enumerate(examples) if e.labels.get(label) is not None]
        gold = np.array([examples[i].labels[label] for i in rows])
        entry: dict[str, Any] = {"n": len(rows), "positives": int(gold.sum()) if rows else 0,
                                 "auc_fp32": None, "auc_int8": None, "drop": None, "ok": True}
        if rows and 0 < gold.sum() < len(gold):
            auc_fp32 = float(roc_auc_score(gold, fp32.scores[rows, j]))
            auc_int8 = float(roc_auc_score(gold, int8.scores[rows, j]))
            drop = auc_fp32 - auc_int8
            entry.update(auc_fp32=round(auc_fp32, 5), auc_int8=round(auc_int8, 5),
                         drop=round(drop, 5), ok=abs(drop) <= max_drop)
        labels[label] = entry
    diff = np.abs(fp32.scores - int8.scores)
    target_diff = np.abs(fp32.targets - int8.targets)
    return {
        "model": {"name": fp32_model.name, "version": fp32_model.version, "dir": str(model_dir)},
        "reference": reference,
        "examples": len(examples),
        "max_drop_allowed": max_drop,
        "labels": labels,
        "max_abs_prob_diff": round(float(diff.max(initial=0.0)), 5),
        "mean_abs_prob_diff": round(float(diff.mean()) if diff.size else 0.0, 6),
        "max_abs_target_prob_diff": round(float(target_diff.max(initial=0.0)), 5),
        "timings": timings,
        "passed": all(entry["ok"] for entry in labels.values()),
    }
