"""``haven soup``: the weighted sum of two fine-tuned models is exact, and bad inputs are refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import tiny_examples, with_long_head

TEXTS = ["i hate you idiot", "i want to die", "great day with my dog", "the sun and rain today"]


@pytest.fixture(scope="module")
def second_model_dir(tiny_base_model, tmp_path_factory) -> Path:
    """Another tiny model from the same base encoder: other seed, other data order."""
    from training.config import load_config
    from training.trainer import Trainer

    root = tmp_path_factory.mktemp("tiny-second")
    config = load_config(None, [
        f"model.base_model={tiny_base_model}", "model.max_length=32", "model.lora_r=4",
        "model.lora_target_modules=[query, value]", "model.name=tiny-second",
        "model.version=0.0.2", "train.epochs=6.0", "train.batch_size=8", "train.lr=0.02",
        "train.head_lr=0.05", "train.eval_every_steps=20", "train.seed=7",
        f"output.run_dir={root / 'run'}", f"output.model_dir={root / 'model'}",
    ])
    Trainer(config, tiny_examples(36)[::-1], tiny_examples(12), manifest={}, progress=False).fit()
    return root / "model"


def _scores(model_dir: Path) -> np.ndarray:
    from models import load_model

    return load_model(model_dir, apply_calibration=False).predict_proba(TEXTS).scores


def _merged_query(model_dir: Path):
    from models.artifact import read_config
    from models.classifier import load_network

    network = load_network(model_dir, read_config(model_dir).base_model)
    return network.encoder.encoder.layer[0].attention.self.query.weight.detach().clone()


@pytest.mark.parametrize("weight", [0.0, 1.0])
def test_end_points_are_the_parents(tiny_model_dir, second_model_dir, tmp_path, weight):
    from training.soup import interpolate

    interpolate(tiny_model_dir, second_model_dir, weight, tmp_path / "soup")
    parent = second_model_dir if weight == 1.0 else tiny_model_dir
    np.testing.assert_allclose(_scores(tmp_path / "soup"), _scores(parent), atol=1e-5)


def test_midpoint_is_the_exact_average_of_the_merged_weights(tiny_model_dir, second_model_dir,
                                                             tmp_path):
    from safetensors.torch import load_file

    from training.soup import interpolate

    config = interpolate(tiny_model_dir, second_model_dir, 0.25, tmp_path / "soup", version="9.9")
    first, second = _merged_query(tiny_model_dir), _merged_query(second_model_dir)
    mixed = _merged_query(tmp_path / "soup")
    assert not np.allclose(first.numpy(), second.numpy())
    np.testing.assert_allclose(mixed.numpy(), (0.75 * first + 0.25 * second).numpy(), atol=1e-6)
    heads = load_file(str(tmp_path / "soup" / "heads.safetensors"))
    a = load_file(str(tiny_model_dir / "heads.safetensors"))
    b = load_file(str(second_model_dir / "heads.safetensors"))
    for key, value in heads.items():
        np.testing.assert_allclose(value.numpy(), (0.75 * a[key] + 0.25 * b[key]).numpy(), atol=1e-6)
    # The adapter is one LoRA of both ranks at scale 1; provenance is recorded.
    adapter = json.loads((tmp_path / "soup" / "adapter" / "adapter_config.json").read_text())
    assert adapter["r"] == adapter["lora_alpha"] == 8
    assert config.version == "9.9" and config.lora["r"] == 8
    saved = json.loads((tmp_path / "soup" / "haven_model.json").read_text())
    assert saved["interpolated_from"]["first"] == {"name": "tiny-test", "version": "0.0.1",
                                                   "weight": 0.75}
    assert saved["interpolated_from"]["second"]["weight"] == 0.25


def test_cli_writes_a_complete_artifact(tiny_model_dir, second_model_dir, tmp_path, capsys):
    from haven_cli import main
    from models.labelled_io import write_labelled

    write_labelled(tiny_examples(30), tmp_path / "validation.jsonl")
    out = tmp_path / "soup"
    assert main(["soup", str(tiny_model_dir), str(second_model_dir), "--weight", "0.5",
                 "--out", str(out), "--run", str(tmp_path)]) == 0
    assert "haven eval calibrate" in capsys.readouterr().out
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["validation_examples"] == 30
    assert set(metrics["per_source"]) == {"toy0", "toy1"}
    assert metrics["interpolated_from"]["second"]["weight"] == 0.5
    thresholds = json.loads((out / "thresholds.json").read_text())["thresholds"]
    assert set(thresholds) == {"hate", "harassment", "offensive", "self_harm", "distress"}
    card = (out / "MODEL_CARD.md").read_text()
    assert "0.5 x `tiny-test 0.0.1` + 0.5 x `tiny-second 0.0.2`" in card
    assert "<!-- haven:eval:start -->" in card
    # The result is a working model for every backend's loader.
    assert _scores(out).shape == (len(TEXTS), 5)


@pytest.mark.parametrize("weight", [-0.1, 1.5])
def test_weight_outside_zero_one_is_refused(tiny_model_dir, second_model_dir, tmp_path, weight):
    from training.soup import SoupError, interpolate

    with pytest.raises(SoupError, match="between 0 and 1"):
        interpolate(tiny_model_dir, second_model_dir, weight, tmp_path / "soup")
    assert not (tmp_path / "soup").exists()


@pytest.mark.parametrize("field, value", [("base_model", "some/other-encoder"),
                                          ("pooling", "text_max")])
def test_models_of_different_bases_are_refused(tiny_model_dir, tmp_path, capsys, field, value):
    """Another encoder, or heads reading another vector (text_max heads are twice as wide)."""
    from haven_cli import main
    from models.labelled_io import write_labelled

    other = tmp_path / "other"
    shutil.copytree(tiny_model_dir, other)
    config = json.loads((other / "haven_model.json").read_text())
    config[field] = value
    (other / "haven_model.json").write_text(json.dumps(config))
    write_labelled(tiny_examples(6), tmp_path / "validation.jsonl")
    code = main(["soup", str(tiny_model_dir), str(other), "--weight", "0.5",
                 "--out", str(tmp_path / "soup"), "--run", str(tmp_path)])
    assert code == 2
    err = capsys.readouterr().err
    assert f"differ in {field}" in err and "Traceback" not in err


def test_adapters_of_other_kinds_are_refused(tiny_model_dir, tmp_path):
    from training.soup import SoupError, interpolate

    other = tmp_path / "dora"
    shutil.copytree(tiny_model_dir, other)
    path = other / "adapter" / "adapter_config.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), "use_dora": True}))
    with pytest.raises(SoupError, match="use_dora"):
        interpolate(tiny_model_dir, other, 0.5, tmp_path / "soup")
    with pytest.raises(SoupError, match="new directory"):
        interpolate(tiny_model_dir, tiny_model_dir, 0.5, tiny_model_dir)


def test_missing_validation_data_is_a_clear_error(tiny_model_dir, second_model_dir, tmp_path,
                                                  capsys):
    from haven_cli import main

    code = main(["soup", str(tiny_model_dir), str(second_model_dir), "--weight", "0.5",
                 "--out", str(tmp_path / "soup"), "--run", str(tmp_path / "nowhere")])
    assert code == 2
    assert "cannot read validation data" in capsys.readouterr().err
    assert not (tmp_path / "soup").exists()


def test_a_model_with_a_long_post_head_is_refused(tiny_model_dir, tmp_path):
    from training.soup import SoupError, interpolate

    other = with_long_head(Path(shutil.copytree(tiny_model_dir, tmp_path / "long")))
    with pytest.raises(SoupError, match="second head for long posts"):
        interpolate(tiny_model_dir, other, 0.5, tmp_path / "soup")
