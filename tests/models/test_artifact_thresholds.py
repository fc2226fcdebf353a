"""thresholds.json: label thresholds for ``labels`` and calibrated block operating points."""

from __future__ import annotations

import json

from models.artifact import read_block_thresholds, read_thresholds
from models.taxonomy import DEFAULT_THRESHOLD


def test_thresholds_and_block_points_are_read_from_the_calibrated_file(tmp_path):
    (tmp_path / "thresholds.json").write_text(json.dumps({
        "thresholds": {"hate": 0.7, "self_harm": 0.3, "unknown": 0.1},
        "operating_points": {
            "hate": {"review": {"threshold": 0.7}, "block": {"threshold": 0.93}},
            "self_harm": {"review": {"threshold": 0.3}},
            "ghost": {"block": {"threshold": 0.5}},
        },
    }))
    thresholds = read_thresholds(tmp_path)
    assert thresholds["hate"] == 0.7 and thresholds["self_harm"] == 0.3
    assert thresholds["distress"] == DEFAULT_THRESHOLD and "unknown" not in thresholds
    assert read_block_thresholds(tmp_path) == {"hate": 0.93}


def test_an_uncalibrated_model_has_no_block_points(tmp_path):
    assert read_block_thresholds(tmp_path) == {}
    (tmp_path / "thresholds.json").write_text(json.dumps({"thresholds": {"hate": 0.6}}))
    assert read_block_thresholds(tmp_path) == {}


def test_loaded_models_carry_their_block_points(tiny_model_dir, tmp_path):
    import shutil

    from models import load_model

    model_dir = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model_dir, ignore=shutil.ignore_patterns("onnx"))
    doc = json.loads((model_dir / "thresholds.json").read_text())
    doc["operating_points"] = {"harassment": {"block": {"threshold": 0.88}}}
    (model_dir / "thresholds.json").write_text(json.dumps(doc))
    assert load_model(model_dir).block_thresholds == {"harassment": 0.88}
