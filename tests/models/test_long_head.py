"""A second label head for long posts (``long_head_labels``, ``windows.long_min_tokens``): posts
over the token count read the named labels from it, every other post and label reads the label
head, and the backends that cannot score it refuse the model instead of scoring it without it."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from safetensors.torch import load_file, save_file

from models import load_model
from models.artifact import CONFIG_FILE, HEADS_FILE, ArtifactError, WindowConfig, read_config
from models.encoding import encode_head_tail, encode_windows
from models.network import HavenNetwork
from models.taxonomy import LABELS
from tests.conftest import with_long_head
from tests.models.test_encoding import FakeTokenizer

SH = LABELS.index("self_harm")
SHORT = "great day with my dog"
LONG = " ".join(["great day with my dog and friends"] * 4) + " i want to die and end my life"


def test_windows_of_a_text_over_long_min_tokens_are_marked_long_and_only_then() -> None:
    config = WindowConfig(max_length=34, stride=24, long_min_tokens=20)
    text = " ".join(str(i) for i in range(1000, 1100))  # 100 tokens, several windows
    windows = encode_windows(FakeTokenizer(), [text, " ".join(["5"] * 20)], ["8 9", None], config)
    assert {w.long for w in windows if w.index == 0} == {True}
    assert [w.long for w in windows if w.index == 1] == [False]  # 20 tokens: not over 20
    # the parent's tokens never make a reply long; training's single window agrees
    assert [w.long for w in encode_head_tail(FakeTokenizer(), ["5 6", text], ["8 " * 40, None],
                                             config)] == [False, True]
    assert not any(w.long for w in encode_windows(FakeTokenizer(), [text], None, WindowConfig()))


def test_creating_the_long_head_draws_nothing_from_the_rng() -> None:
    encoder = torch.nn.Module()
    encoder.config = type("C", (), {"hidden_size": 8})()
    torch.manual_seed(3)
    plain = HavenNetwork(encoder, len(LABELS), 7)
    after_plain = torch.rand(1)
    torch.manual_seed(3)
    with_long = HavenNetwork(encoder, len(LABELS), 7, long_columns=[SH])
    assert torch.equal(torch.rand(1), after_plain)
    assert torch.equal(with_long.label_head.weight, plain.label_head.weight)
    assert with_long.heads() == ["label_head", "target_head", "long_head"]


def test_a_long_post_reads_self_harm_from_the_long_head_and_nothing_else_changes(model_copy):
    plain = load_model(model_copy).predict_proba([LONG, SHORT]).scores
    with_long_head(model_copy)
    scored = load_model(model_copy).predict_proba([LONG, SHORT]).scores
    others = [j for j in range(len(LABELS)) if j != SH]
    np.testing.assert_allclose(scored[:, others], plain[:, others], rtol=1e-5, atol=1e-6)
    assert scored[1] == pytest.approx(plain[1], abs=1e-6)  # short: the label head
    # long: the zero head's logit 0 in every window, so 0.5 (the tiny model has no calibration)
    assert not (model_copy / "calibration.json").exists()
    assert scored[0, SH] == pytest.approx(0.5) and plain[0, SH] != pytest.approx(0.5)


def test_long_head_settings_that_cannot_work_are_refused_on_load(model_copy) -> None:
    path = model_copy / CONFIG_FILE
    doc = json.loads(path.read_text())
    path.write_text(json.dumps({**doc, "long_head_labels": ["self_harm"]}))
    with pytest.raises(ArtifactError, match="go together"):
        read_config(model_copy)
    path.write_text(json.dumps({**doc, "long_head_labels": ["crisis"],
                                "windows": {**doc["windows"], "long_min_tokens": 16}}))
    with pytest.raises(ArtifactError, match="long_head_labels names unknown labels"):
        read_config(model_copy)


def test_a_heads_file_without_the_long_head_is_refused(model_copy) -> None:
    with_long_head(model_copy)
    heads = load_file(str(model_copy / HEADS_FILE))
    save_file({k: v for k, v in heads.items() if not k.startswith("long_head.")},
              str(model_copy / HEADS_FILE))
    with pytest.raises(ArtifactError, match="lacks the weights of \\['long_head'\\]"):
        load_model(model_copy)


def test_the_onnx_backend_refuses_a_model_with_a_long_head(model_copy) -> None:
    from models.onnx_backend import OnnxClassifier, export_onnx

    with_long_head(model_copy)
    with pytest.raises(ArtifactError, match="does not score a second head for long posts"):
        export_onnx(model_copy, quantize=False)
    with pytest.raises(ArtifactError, match="use the torch backend"):
        OnnxClassifier.from_pretrained(model_copy)
