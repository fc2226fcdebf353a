"""Applying (models.calibration) and fitting (eval.calibrate) probability calibration."""

from __future__ import annotations

import numpy as np
import pytest

from eval.calibrate import calibrate, fit_calibration, fit_isotonic, fit_temperature
from eval.metrics import expected_calibration_error
from eval.thresholds import parse_targets
from models.calibration import apply_calibration, read_calibration, sigmoid
from models.taxonomy import LABELS

SH = LABELS.index("self_harm")


def test_temperature_scaling_by_hand() -> None:
    scores = np.full((1, len(LABELS)), 0.5, dtype=np.float32)
    scores[0, SH] = sigmoid(np.array([2.0]))[0]
    out = apply_calibration(
        scores, {"method": "temperature", "labels": {"self_harm": {"temperature": 2.0}}}
    )
    assert out[0, SH] == pytest.approx(sigmoid(np.array([1.0]))[0], abs=1e-6)
    # Labels without parameters keep their raw probabilities.
    assert np.all(np.delete(out[0], SH) == 0.5)
    assert out.dtype == np.float32


def test_saturated_scores_stay_finite_under_temperature() -> None:
    scores = np.zeros((2, len(LABELS)), dtype=np.float32)
    scores[:, SH] = [1.0, 0.0]
    out = apply_calibration(
        scores, {"method": "temperature", "labels": {"self_harm": {"temperature": 4.0}}}
    )
    assert 0.5 < out[0, SH] < 1.0 and 0.0 < out[1, SH] < 0.5


def test_isotonic_interpolates_and_clips() -> None:
    scores = np.zeros((3, len(LABELS)), dtype=np.float32)
    scores[:, SH] = [0.0, 0.5, 1.0]
    out = apply_calibration(
        scores, {"method": "isotonic", "labels": {"self_harm": {"x": [0.2, 0.8], "y": [0.1, 0.7]}}}
    )
    assert out[:, SH].tolist() == pytest.approx([0.1, 0.4, 0.7])


@pytest.mark.parametrize(
    "calibration, message",
    [
        ({"method": "platt", "labels": {}}, "unknown calibration method"),
        ({"method": "temperature", "labels": {"spam": {"temperature": 1.0}}}, "unknown label"),
        ({"method": "temperature", "labels": {"hate": {"temperature": -1.0}}}, "positive"),
        ({"method": "isotonic", "labels": {"hate": {"x": [0.5, 0.1], "y": [0, 1]}}}, "sorted"),
    ],
)
def test_invalid_calibration_is_rejected(calibration: dict, message: str) -> None:
    with pytest.raises((ValueError, KeyError), match=message):
        apply_calibration(np.zeros((1, len(LABELS))), calibration)


def test_no_calibration_is_the_identity(tmp_path) -> None:
    scores = np.random.default_rng(0).random((3, len(LABELS)))
    assert np.allclose(apply_calibration(scores, None), scores)
    assert read_calibration(tmp_path) is None


def _overconfident(n: int, temperature: float, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Labels drawn from sigmoid(z); the model reports sigmoid(z * T): over-confident by T."""
    rng = np.random.default_rng(seed)
    z = rng.normal(0, 1.5, n)
    y = (rng.random(n) < sigmoid(z)).astype(int)
    return y, sigmoid(z * temperature)


def test_fit_temperature_recovers_the_distortion() -> None:
    y, p = _overconfident(6000, temperature=2.5)
    assert fit_temperature(y, p) == pytest.approx(2.5, rel=0.12)


def test_isotonic_fit_reduces_calibration_error() -> None:
    y, p = _overconfident(3000, temperature=3.0, seed=1)
    params = fit_isotonic(y, p)
    calibrated = np.interp(p, params["x"], params["y"])
    assert expected_calibration_error(y, calibrated)[0] < expected_calibration_error(y, p)[0] / 2


def _label_data(label: str, y: np.ndarray, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    gold = np.full((y.size, len(LABELS)), np.nan)
    raw = np.zeros((y.size, len(LABELS)))
    gold[:, LABELS.index(label)] = y
    raw[:, LABELS.index(label)] = p
    return gold, raw


def test_fit_calibration_records_parameters_and_skips_thin_labels() -> None:
    y, p = _overconfident(2000, temperature=2.0)
    gold, raw = _label_data("distress", y, p)
    doc = fit_calibration(gold, raw, "temperature")
    assert set(doc["labels"]) == {"distress"}
    entry = doc["labels"]["distress"]
    assert entry["n"] == 2000 and entry["ece_after"] < entry["ece_before"]
    assert "hate" in doc["skipped"]
    assert fit_calibration(gold, raw, "none") is None


def test_calibrate_chooses_thresholds_on_calibrated_scores() -> None:
    y, p = _overconfident(2000, temperature=2.0, seed=4)
    gold, raw = _label_data("self_harm", y, p)
    targets = parse_targets(
        {"min_positives": 20, "labels": {"self_harm": {"review": {"recall": 0.95}}}}
    )
    result = calibrate(gold, raw, targets, "temperature")
    calibrated = apply_calibration(raw, result["calibration"])[:, SH]
    op = result["points"]["self_harm"]["review"]
    assert (calibrated[y == 1] >= op["threshold"]).mean() == pytest.approx(op["recall"])
    assert op["recall"] >= 0.95


def test_skipped_label_keeps_its_previous_calibration() -> None:
    # Enough data to calibrate distress, too few positives to choose its threshold: the kept
    # threshold was chosen on the previous scale, so the previous calibration must stay too.
    rng = np.random.default_rng(2)
    y = (rng.random(200) < 0.06).astype(int)
    gold, raw = _label_data("distress", y, rng.random(200))
    targets = parse_targets(
        {"min_positives": 50, "labels": {"distress": {"review": {"f1": "max"}}}}
    )
    previous = {"method": "temperature", "labels": {"distress": {"temperature": 1.7}}}
    result = calibrate(gold, raw, targets, "temperature", previous_calibration=previous)
    assert "distress" in result["skipped"]
    assert result["calibration"]["labels"]["distress"] == {"temperature": 1.7}
    switched = calibrate(gold, raw, targets, "isotonic", previous_calibration=previous)
    assert "distress" not in switched["calibration"]["labels"]
    assert any("distress" in w for w in switched["warnings"])
