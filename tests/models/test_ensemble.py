"""Output ensembles (``haven ensemble``): the members' calibrated probabilities averaged, the
ensemble's own thresholds and calibration on top, on every backend; bad directories refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from haven_cli import main
from models import load_model
from models.artifact import CONFIG_FILE, ArtifactError
from models.ensemble import EnsembleClassifier, build_ensemble
from models.taxonomy import LABELS

TEXTS = ["i cannot do this anymore", "great day with my dog", "they are stupid people"]
PAIRS = [None, "i want to die tonight", None]


def _temperature(model_dir: Path, temperature: float) -> None:
    doc = {"method": "temperature",
           "labels": {label: {"temperature": temperature} for label in LABELS}}
    (model_dir / "calibration.json").write_text(json.dumps(doc))


@pytest.fixture()
def members(model_copy, tmp_path) -> list[Path]:
    """Two members that score differently: the tiny model, and a copy with a calibration that
    flattens its probabilities (so the test also sees each member's calibration applied)."""
    second = tmp_path / "second"
    shutil.copytree(model_copy, second)
    _temperature(second, 3.0)
    return [model_copy, second]


@pytest.mark.parametrize("backend", ["torch", "onnx"])
def test_scores_are_the_mean_of_the_members_calibrated_scores(members, tmp_path, backend):
    ensemble_dir = tmp_path / "ensemble"
    build_ensemble(members, ensemble_dir, name="pair", version="1.0")
    ones = [load_model(m, backend=backend).predict_proba(TEXTS, PAIRS) for m in members]
    assert not np.allclose(ones[0].scores, ones[1].scores, atol=1e-3)

    model = load_model(ensemble_dir, backend=backend)
    assert isinstance(model, EnsembleClassifier)
    assert (model.name, model.version) == ("pair", "1.0")
    got = model.predict_proba(TEXTS, PAIRS, batch_size=2)
    np.testing.assert_allclose(got.scores, (ones[0].scores + ones[1].scores) / 2, atol=1e-5)
    np.testing.assert_allclose(got.targets, (ones[0].targets + ones[1].targets) / 2, atol=1e-5)
    assert model.thresholds == {label: 0.5 for label in LABELS}  # not calibrated yet


def test_the_ensembles_own_thresholds_and_calibration_apply_on_top(members, tmp_path):
    ensemble_dir = tmp_path / "ensemble"
    build_ensemble(members, ensemble_dir, name="pair", version="1.0")
    averaged = load_model(ensemble_dir).predict_proba(TEXTS).scores
    _temperature(ensemble_dir, 0.5)
    (ensemble_dir / "thresholds.json").write_text(json.dumps({
        "thresholds": {"self_harm": 0.3},
        "operating_points": {"hate": {"block": {"threshold": 0.9}}}}))

    model = load_model(ensemble_dir)
    assert model.thresholds["self_harm"] == 0.3 and model.block_thresholds == {"hate": 0.9}
    sharpened = model.predict_proba(TEXTS).scores
    logit = np.log(averaged) - np.log1p(-averaged)
    np.testing.assert_allclose(sharpened, 1 / (1 + np.exp(-logit / 0.5)), atol=1e-4)
    # What `haven eval calibrate` reads: the averages before the ensemble's own calibration.
    raw = load_model(ensemble_dir, apply_calibration=False).predict_proba(TEXTS).scores
    np.testing.assert_allclose(raw, averaged, atol=1e-6)


def test_build_copies_whole_members_without_onnx_caches(members, tmp_path):
    (members[0] / "onnx").mkdir()
    (members[0] / "onnx" / "model.onnx").write_bytes(b"cache")
    config = build_ensemble(members, tmp_path / "ens", name="pair", version="2")
    assert len(config.members) == 2
    for relative, source in zip(config.members, members, strict=True):
        copied = tmp_path / "ens" / relative
        assert (copied / "heads.safetensors").read_bytes() == \
            (source / "heads.safetensors").read_bytes()
        assert not (copied / "onnx").exists()
    assert "pair 2" in (tmp_path / "ens" / "MODEL_CARD.md").read_text()


def test_bad_ensembles_are_refused(members, tmp_path):
    with pytest.raises(ArtifactError, match="at least two"):
        build_ensemble(members[:1], tmp_path / "one", name="x", version="1")
    with pytest.raises(ArtifactError, match="new or empty directory"):
        build_ensemble(members, members[0], name="x", version="1")
    assert (members[0] / "heads.safetensors").is_file()  # refused, not deleted
    build_ensemble(members, tmp_path / "ens", name="x", version="1")
    with pytest.raises(ArtifactError, match="cannot itself be an ensemble"):
        build_ensemble([tmp_path / "ens", members[0]], tmp_path / "nested", name="x", version="1")

    config = json.loads((tmp_path / "ens" / CONFIG_FILE).read_text())
    config["members"] = [str(members[0])]  # outside the ensemble: it would not travel with it
    (tmp_path / "ens" / CONFIG_FILE).write_text(json.dumps(config))
    with pytest.raises(ArtifactError, match="inside the ensemble"):
        load_model(tmp_path / "ens")


def test_cli_builds_and_reports_errors(members, tmp_path, capsys):
    out = tmp_path / "ens"
    assert main(["ensemble", str(members[0]), str(members[1]), "--out", str(out),
                 "--version", "3"]) == 0
    assert "2 members" in capsys.readouterr().out
    assert json.loads((out / CONFIG_FILE).read_text())["version"] == "3"

    assert main(["ensemble", str(members[0]), "--out", str(tmp_path / "one")]) == 2
    assert "at least two" in capsys.readouterr().err
    assert main(["export", "--model", str(out)]) == 2
    assert "export each of its members" in capsys.readouterr().err
