"""ONNX backend: the exported graph scores like the torch model, exports are cached and rebuilt
when the model changes, and ``load_model(backend=...)`` picks the right implementation."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from models import load_model
from models.artifact import CALIBRATION_FILE, HEADS_FILE, THRESHOLDS_FILE
from models.classifier import HavenClassifier
from models.onnx_backend import (
    FP32_FILE,
    INPUT_NAMES,
    INT8_FILE,
    ONNX_DIR,
    OUTPUT_NAMES,
    OnnxClassifier,
    export_onnx,
    make_session,
)
from models.taxonomy import LABELS, TARGETS

TEXTS = [
    "i hate you idiot shut up",
    "great day with my dog and friends",
    "i want to die and end my life",
    " ".join(["sad tired alone today and tomorrow"] * 20),  # several windows, max-pooled
    "thank you",
]
PAIRS = [None, "i hope you are fine", None, None, "you are stupid"]


def test_exported_graph_has_the_documented_inputs_outputs_and_dynamic_axes(exported_model):
    session = make_session(exported_model / ONNX_DIR / FP32_FILE)
    assert [i.name for i in session.get_inputs()] == list(INPUT_NAMES)
    assert [o.name for o in session.get_outputs()] == list(OUTPUT_NAMES)
    for batch, length in ((1, 5), (3, 17)):  # any batch size and sequence length
        feed = {name: np.ones((batch, length), dtype=np.int64) for name in INPUT_NAMES}
        feed["token_type_ids"][:] = 0
        labels, targets = session.run(list(OUTPUT_NAMES), feed)
        assert labels.shape == (batch, len(LABELS)) and targets.shape == (batch, len(TARGETS))


def test_fp32_onnx_scores_match_torch(exported_model):
    torch_model = HavenClassifier.from_pretrained(exported_model)
    onnx_model = load_model(exported_model, backend="onnx")
    expected = torch_model.predict_proba(TEXTS, PAIRS, batch_size=2)
    got = onnx_model.predict_proba(TEXTS, PAIRS, batch_size=2)
    np.testing.assert_allclose(got.scores, expected.scores, atol=1e-4)
    np.testing.assert_allclose(got.targets, expected.targets, atol=1e-4)


def test_int8_onnx_scores_stay_close_to_fp32(exported_model):
    fp32 = load_model(exported_model, backend="onnx").predict_proba(TEXTS, PAIRS)
    int8 = load_model(exported_model, backend="onnx-int8").predict_proba(TEXTS, PAIRS)
    assert int8.scores.shape == fp32.scores.shape
    assert np.all((int8.scores >= 0) & (int8.scores <= 1))
    # A loose bound for a 32-wide toy model; the real model is checked by `haven export --check-int8`.
    assert np.abs(int8.scores - fp32.scores).max() < 0.1


def test_onnx_model_reports_the_same_name_thresholds_and_calibration(model_copy):
    (model_copy / THRESHOLDS_FILE).write_text(json.dumps({"thresholds": {"hate": 0.31}}))
    (model_copy / CALIBRATION_FILE).write_text(json.dumps(
        {"method": "temperature", "labels": {"harassment": {"temperature": 3.0}}}))
    torch_model = load_model(model_copy)
    onnx_model = load_model(model_copy, backend="onnx")
    assert (onnx_model.name, onnx_model.version) == (torch_model.name, torch_model.version)
    assert onnx_model.thresholds == torch_model.thresholds and onnx_model.thresholds["hate"] == 0.31
    np.testing.assert_allclose(onnx_model.predict_proba(TEXTS).scores,
                               torch_model.predict_proba(TEXTS).scores, atol=1e-4)
    raw = load_model(model_copy, backend="onnx", apply_calibration=False).predict_proba(TEXTS)
    harassment = LABELS.index("harassment")
    assert not np.allclose(raw.scores[:, harassment], onnx_model.predict_proba(TEXTS).scores[:, harassment])


def test_backend_selection(exported_model):
    assert isinstance(load_model(exported_model), HavenClassifier)
    onnx_model = load_model(exported_model, backend="onnx", num_threads=1)
    int8_model = load_model(exported_model, backend="onnx-int8")
    assert isinstance(onnx_model, OnnxClassifier) and onnx_model.path.name == FP32_FILE
    assert isinstance(int8_model, OnnxClassifier) and int8_model.path.name == INT8_FILE
    assert (onnx_model.backend, int8_model.backend) == ("onnx", "onnx-int8")
    with pytest.raises(ValueError, match="unknown backend"):
        load_model(exported_model, backend="tensorrt")
    with pytest.raises(ValueError, match="CPU only"):
        load_model(exported_model, backend="onnx", device="cuda")


def test_export_is_cached_and_rebuilt_when_the_model_changes(model_copy):
    path = export_onnx(model_copy, quantize=False)
    assert path == model_copy / ONNX_DIR / FP32_FILE
    assert (model_copy / ONNX_DIR / ".gitignore").read_text().strip().endswith("*")
    first = path.stat().st_mtime_ns
    assert export_onnx(model_copy, quantize=False).stat().st_mtime_ns == first  # reused
    before = OnnxClassifier.from_pretrained(model_copy).predict_proba(TEXTS).scores

    # "Retrain" the heads: the stale export must not be used.
    from safetensors.torch import load_file, save_file

    heads = load_file(str(model_copy / HEADS_FILE))
    heads = {k: v + 0.5 if k.startswith("label_head.bias") else v for k, v in heads.items()}
    save_file(heads, str(model_copy / HEADS_FILE))
    after = OnnxClassifier.from_pretrained(model_copy).predict_proba(TEXTS).scores
    assert path.stat().st_mtime_ns != first
    assert np.all(after > before)


def test_read_only_model_dir_exports_to_the_user_cache(model_copy, tmp_path, monkeypatch):
    import models.onnx_backend as backend

    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path / "home"))
    # Root ignores permission bits, so read-only is simulated at the check itself.
    monkeypatch.setattr(backend, "_writable_dir", lambda path: False)
    path = export_onnx(model_copy, quantize=True)
    assert path.parent.parent == tmp_path / "home" / ".cache" / "haven"
    assert path.name == INT8_FILE and (path.parent / FP32_FILE).is_file()
    assert not (model_copy / ONNX_DIR / FP32_FILE).exists()


def test_export_to_an_explicit_path(model_copy, tmp_path):
    out = export_onnx(model_copy, tmp_path / "out" / "haven.onnx", quantize=False)
    assert out.is_file() and json.loads(out.with_name("haven.onnx.json").read_text())["quantized"] is False
    model = OnnxClassifier.from_pretrained(model_copy, onnx_path=out)
    assert model.predict_proba(["fine"]).scores.shape == (1, len(LABELS))


def test_int8_export_is_per_channel_and_an_older_scheme_is_rebuilt(model_copy):
    import json

    import onnx

    from models.onnx_backend import QUANTIZATION_SCHEME

    path = export_onnx(model_copy, quantize=True)
    meta_path = path.with_name(path.name + ".json")
    assert json.loads(meta_path.read_text())["quantization"] == QUANTIZATION_SCHEME
    # Per-channel weights carry one scale per output column, not a single scalar.
    graph = onnx.load(str(path)).graph
    scales = [t for t in graph.initializer if t.name.endswith("_scale") and "MatMul" in t.name]
    assert scales and max(len(t.dims) and t.dims[0] for t in scales) > 1
    first = path.stat().st_mtime_ns
    # A cache written by the per-tensor scheme (no "quantization" entry) is not reused.
    meta = json.loads(meta_path.read_text())
    del meta["quantization"]
    meta_path.write_text(json.dumps(meta))
    assert export_onnx(model_copy, quantize=True).stat().st_mtime_ns != first


def test_onnx_pools_a_self_harm_tail_at_its_own_threshold_as_torch_does(model_copy):
    from models.artifact import CONFIG_FILE

    texts = [*TEXTS, " ".join(["great day with my dog"] * 3) + " i want to die and end my life"]
    plain = HavenClassifier.from_pretrained(model_copy).predict_proba(texts)
    path = model_copy / CONFIG_FILE
    doc = json.loads(path.read_text())
    doc["windows"].update(tail_tokens=6, tail_min_tokens=12, tail_labels=["self_harm"],
                          tail_logit_shift=-0.5)  # the ending alone counts for more: it wins
    path.write_text(json.dumps(doc))
    expected = HavenClassifier.from_pretrained(model_copy).predict_proba(texts)
    self_harm = LABELS.index("self_harm")
    assert expected.scores[-1, self_harm] > plain.scores[-1, self_harm]
    got = load_model(model_copy, backend="onnx").predict_proba(texts)
    np.testing.assert_allclose(got.scores, expected.scores, atol=1e-4)
    np.testing.assert_allclose(got.targets, expected.targets, atol=1e-4)
