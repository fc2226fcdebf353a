"""``alone_floor_labels``: a reply never scores lower on those labels than its own words alone,
on every backend, while its other labels, its targets and every single post keep the scores the
model gives them with the parent."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from models import load_model
from models.artifact import CONFIG_FILE, ArtifactError
from models.taxonomy import LABELS

TEXTS = ["i cannot do this anymore", "great day with my dog", "so true, every word",
         "please stay, we are here for you"]
PAIRS = ["i want to die tonight", None, "they are stupid people", "i want to end it all"]
REPLIES = [0, 2, 3]


def _set_floor(model_dir: Path, labels: list[str]) -> None:
    path = model_dir / CONFIG_FILE
    config = json.loads(path.read_text())
    config["alone_floor_labels"] = labels
    path.write_text(json.dumps(config))


@pytest.mark.parametrize("backend", ["torch", "onnx"])
def test_floored_labels_take_the_higher_of_with_parent_and_alone(model_copy, backend):
    plain = load_model(model_copy, backend=backend)
    with_parent = plain.predict_proba(TEXTS, PAIRS).scores
    alone = plain.predict_proba(TEXTS, None).scores
    # The tiny model must actually read the parent, or the test could not tell the rules apart.
    assert not np.allclose(with_parent[REPLIES], alone[REPLIES], atol=1e-4)

    _set_floor(model_copy, ["self_harm", "distress"])
    floored_model = load_model(model_copy, backend=backend)
    got = floored_model.predict_proba(TEXTS, PAIRS, batch_size=3)
    floor = [LABELS.index("self_harm"), LABELS.index("distress")]
    rest = [k for k in range(len(LABELS)) if k not in floor]
    expected = with_parent.copy()
    expected[np.ix_(REPLIES, floor)] = np.maximum(with_parent, alone)[np.ix_(REPLIES, floor)]
    assert not np.allclose(expected, with_parent, atol=1e-4)  # the floor lifts something here
    np.testing.assert_allclose(got.scores, expected, atol=1e-5)
    np.testing.assert_allclose(got.scores[:, rest], with_parent[:, rest], atol=1e-5)
    np.testing.assert_allclose(got.targets, plain.predict_proba(TEXTS, PAIRS).targets, atol=1e-5)
    # Without parents there is nothing to floor: the same scores as without the setting.
    np.testing.assert_allclose(floored_model.predict_proba(TEXTS).scores, alone, atol=1e-5)


def test_an_unknown_floor_label_is_refused(model_copy):
    _set_floor(model_copy, ["self_harm", "violence"])
    with pytest.raises(ArtifactError, match="alone_floor_labels"):
        load_model(model_copy)


@pytest.mark.parametrize("backend", ["torch", "onnx"])
def test_a_batch_size_under_one_raises_instead_of_returning_unscored_rows(model_copy, backend):
    model = load_model(model_copy, backend=backend)
    for size in (0, -3):
        with pytest.raises(ValueError, match="batch_size must be at least 1"):
            model.predict_proba(TEXTS, PAIRS, batch_size=size)
