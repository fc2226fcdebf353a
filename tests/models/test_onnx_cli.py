"""`haven export` (ONNX export + int8 accuracy check) and `haven score --backend`."""

from __future__ import annotations

import json

import numpy as np

from haven_cli import main
from models.examples import Example
from models.labelled_io import write_labelled
from models.onnx_backend import FP32_FILE, INT8_FILE, ONNX_DIR
from models.taxonomy import LABELS

PHRASES = [
    ("i hate you idiot shut up", {"harassment": 1, "self_harm": 0}),
    ("i want to die and end my life", {"self_harm": 1, "harassment": 0}),
    ("great day with my dog and friends", {"harassment": 0, "self_harm": 0, "hate": None}),
    ("shut up you stupid idiot go away", {"harassment": 1, "self_harm": None}),
]


def _validation(path, n: int = 24):
    examples = [Example(PHRASES[i % 4][0] + " " + "abcdefgh"[i % 8], source="toy", language="en",
                        labels=PHRASES[i % 4][1]) for i in range(n)]
    write_labelled(examples, path)
    return path


def test_export_writes_both_graphs_into_the_model_cache(model_copy, capsys):
    assert main(["export", "--model", str(model_copy)]) == 0
    out = capsys.readouterr().out
    assert "fp32:" in out and "int8:" in out
    assert (model_copy / ONNX_DIR / FP32_FILE).is_file() and (model_copy / ONNX_DIR / INT8_FILE).is_file()


def test_export_output_needs_a_single_format(model_copy, tmp_path, capsys):
    assert main(["export", "--model", str(model_copy), "--output", str(tmp_path / "m.onnx")]) == 2
    assert "--format" in capsys.readouterr().err
    assert main(["export", "--model", str(model_copy), "--output", str(tmp_path / "m.onnx"),
                 "--format", "int8"]) == 0
    assert (tmp_path / "m.onnx").is_file()


def test_check_int8_reports_per_label_auc_and_gates_on_max_drop(model_copy, tmp_path, capsys):
    data = _validation(tmp_path / "validation.jsonl")
    report = tmp_path / "int8.json"
    code = main(["export", "--model", str(model_copy), "--check-int8", "--data", str(data),
                 "--report", str(report), "--max-drop", "1.0"])
    printed = capsys.readouterr().out
    assert code == 0 and "PASSED" in printed
    result = json.loads(report.read_text())
    assert set(result["labels"]) == set(LABELS)
    harassment = result["labels"]["harassment"]
    # "hate" is annotated on some rows only; labels with one class have no AUC and are not gated.
    assert harassment["n"] == 24 and harassment["auc_fp32"] is not None
    assert result["labels"]["offensive"]["auc_fp32"] is None and result["labels"]["offensive"]["ok"]
    assert result["labels"]["self_harm"]["n"] == 18  # the None annotations are left out
    assert result["passed"] is True and result["examples"] == 24

    # An impossible bound fails the command (exit 1) and says so.
    code = main(["export", "--model", str(model_copy), "--check-int8", "--data", str(data),
                 "--report", str(report), "--max-drop", "-1"])
    assert code == 1 and "FAILED" in capsys.readouterr().out
    assert json.loads(report.read_text())["passed"] is False


def test_check_int8_needs_data(model_copy, capsys):
    assert main(["export", "--model", str(model_copy), "--check-int8"]) == 2
    assert "--data" in capsys.readouterr().err


def test_score_with_onnx_backends_matches_torch(model_copy, tmp_path):
    posts = tmp_path / "posts.jsonl"
    texts = ["shut up i hate you idiot", "great day with my dog", "i want to die and end my life"]
    posts.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts * 3)))
    rows = {}
    for backend in ("torch", "onnx", "onnx-int8"):
        out = tmp_path / f"{backend}.jsonl"
        assert main(["score", "--input", str(posts), "--output", str(out), "--model", str(model_copy),
                     "--backend", backend, "--quiet"]) == 0
        rows[backend] = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows["onnx"]] == [r["id"] for r in rows["torch"]] == list(range(9))
    for a, b in zip(rows["torch"], rows["onnx"], strict=True):
        assert np.allclose(list(a["scores"].values()), list(b["scores"].values()), atol=1e-4)


def test_pipelined_scoring_keeps_input_order(model_copy):
    from models import load_model
    from models.cli import score_chunks

    model = load_model(model_copy)
    texts = [f"i hate you idiot {'a b c d ' * (i % 7)}" for i in range(40)]
    chunks = [[(i, t, None) for i, t in enumerate(texts)][k:k + 6] for k in range(0, 40, 6)]
    serial = list(score_chunks(model, iter(chunks), batch_size=4, depth=1))
    overlapped = list(score_chunks(model, iter(chunks), batch_size=4, depth=2))
    assert [c for c, _ in overlapped] == [c for c, _ in serial] == chunks
    for (_, a), (_, b) in zip(serial, overlapped, strict=True):
        np.testing.assert_allclose(a.scores, b.scores, atol=1e-6)
