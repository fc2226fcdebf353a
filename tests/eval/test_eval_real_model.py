"""End to end with the real model loader: the files `calibrate` writes are the files it reads."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import numpy as np
import pytest

from haven_cli import main
from models import load_model
from models.calibration import apply_calibration, read_calibration
from models.examples import Example
from models.labelled_io import write_labelled

pytestmark = pytest.mark.slow


def toy_examples(n: int) -> list[Example]:
    """Rows in the tiny test model's vocabulary: insults, death wishes and small talk, shuffled."""
    rng = random.Random(1)
    patterns = [
        ("i hate you idiot shut up", {"harassment": 1, "self_harm": 0}),
        ("i want to die and end my life", {"self_harm": 1, "harassment": 0}),
        ("great day with my dog and friends", {"harassment": 0, "self_harm": 0}),
        ("tired and sad today", {"self_harm": 0}),
    ]
    out = []
    for i in range(n):
        text, labels = patterns[i % len(patterns)]
        words = text.split()
        rng.shuffle(words)
        out.append(Example(" ".join(words), source=f"toy{i % 2}", language="en", labels=labels))
    return out


def test_calibrate_then_evaluate_a_real_model_directory(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    model = tmp_path / "model"
    shutil.copytree(tiny_model_dir, model)  # the fixture is shared: never write into it
    data = tmp_path / "val.jsonl"
    examples = toy_examples(96)
    write_labelled(examples, data)
    targets = tmp_path / "targets.yaml"
    targets.write_text("min_positives: 5\nlabels:\n  self_harm: {review: {recall: 0.95}}\n"
                       "  harassment: {review: {recall: 0.8}, block: {precision: 0.9}}\n")

    assert main(["eval", "calibrate", "--model", str(model), "--data", str(data),
                 "--targets", str(targets), "--method", "temperature"]) == 0
    doc = json.loads((model / "thresholds.json").read_text())
    calibration = read_calibration(model)
    assert calibration is not None and "self_harm" in calibration["labels"]

    # The loader picks up both files: thresholds as chosen, probabilities calibrated.
    calibrated = load_model(model)
    raw = load_model(model, apply_calibration=False)
    assert calibrated.thresholds["self_harm"] == doc["thresholds"]["self_harm"]
    texts = [e.text for e in examples]
    expected = apply_calibration(raw.predict_proba(texts).scores, calibration)
    assert np.allclose(calibrated.predict_proba(texts).scores, expected, atol=1e-5)

    # Evaluated as shipped, self_harm recall on the calibration data meets its target.
    out = tmp_path / "report"
    assert main(["eval", "--model", str(model), "--data", str(data), "--no-suites",
                 "--out", str(out)]) == 0
    results = json.loads((out / "report.json").read_text())
    assert results["labels"]["self_harm"]["recall"] >= 0.95
    assert results["model"]["block_thresholds"]["harassment"] == \
        doc["operating_points"]["harassment"]["block"]["threshold"]
