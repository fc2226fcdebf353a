"""Text pooling: with a parent post as the second segment, only the post's own tokens are
averaged into its vector (the parent shapes them through attention), and the choice is recorded
in the model directory so torch and ONNX score the same way."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from models import load_model
from models.artifact import CONFIG_FILE
from models.network import HavenNetwork, max_pool, mean_pool


def _network(tiny_base_model, pooling: str) -> HavenNetwork:
    from models.network import load_encoder

    torch.manual_seed(0)
    return HavenNetwork(load_encoder(str(tiny_base_model)), 5, 7, pooling=pooling).eval()


def _pair(tiny_base_model):
    from models.network import load_tokenizer

    tokenizer = load_tokenizer(str(tiny_base_model))
    return tokenizer(["so true"], ["they are stupid people i hate"], return_tensors="pt")


def test_text_pooling_averages_the_posts_own_tokens_only(tiny_base_model):
    batch = _pair(tiny_base_model)
    network = _network(tiny_base_model, "text")
    with torch.no_grad():
        hidden = network.encoder(**batch).last_hidden_state
        own = batch["attention_mask"] * (batch["token_type_ids"] == 0)
        expected = network.label_head(mean_pool(hidden, own))
        labels, _ = network(**batch)
    torch.testing.assert_close(labels, expected)
    # ... which is not what averaging every token (parent included) gives.
    with torch.no_grad():
        everything = network.label_head(mean_pool(hidden, batch["attention_mask"]))
    assert not torch.allclose(labels, everything)


@pytest.mark.parametrize("pooling", ["mean", "text", "text_max"])
def test_pooled_is_what_both_heads_read(tiny_base_model, pooling):
    """``haven refit`` fits a head on ``pooled``: it must be the vector ``forward`` uses."""
    batch = _pair(tiny_base_model)
    network = _network(tiny_base_model, pooling)
    with torch.no_grad():
        labels, targets = network(**batch)
        pooled = network.pooled(**batch)
        torch.testing.assert_close(labels, network.label_head(pooled))
        torch.testing.assert_close(targets, network.target_head(pooled))


def test_text_pooling_equals_mean_pooling_without_a_parent(tiny_base_model):
    from models.network import load_tokenizer

    batch = load_tokenizer(str(tiny_base_model))(["i am sad today"], return_tensors="pt")
    mean, text = _network(tiny_base_model, "mean"), _network(tiny_base_model, "text")
    text.load_state_dict(mean.state_dict())
    with torch.no_grad():
        torch.testing.assert_close(mean(**batch)[0], text(**batch)[0])


def test_text_max_pooling_adds_the_maximum_over_the_posts_own_tokens(tiny_base_model):
    batch = _pair(tiny_base_model)
    network = _network(tiny_base_model, "text_max")
    assert network.label_head.in_features == 2 * network.encoder.config.hidden_size
    with torch.no_grad():
        hidden = network.encoder(**batch).last_hidden_state
        pooled = network.pooled(**batch)
    own = batch["attention_mask"] * (batch["token_type_ids"] == 0)
    n_own = int(own.sum())
    torch.testing.assert_close(pooled[0, :32], mean_pool(hidden, own)[0])
    torch.testing.assert_close(pooled[0, 32:], hidden[0, :n_own].amax(0))  # segment A is first


def test_padding_never_wins_the_maximum():
    hidden = torch.tensor([[[1.0, -5.0], [3.0, -2.0], [9.0, 9.0]]])
    mask = torch.tensor([[1, 1, 0]])
    torch.testing.assert_close(max_pool(hidden, mask), torch.tensor([[3.0, -2.0]]))


def test_unknown_pooling_is_refused(tiny_base_model):
    with pytest.raises(ValueError, match="pooling"):
        _network(tiny_base_model, "max")


@pytest.fixture(scope="module")
def text_pooled_model(tiny_base_model, tmp_path_factory):
    from tests.conftest import tiny_examples
    from training.config import load_config
    from training.trainer import Trainer

    root = tmp_path_factory.mktemp("text-pooled")
    config = load_config(None, [
        f"model.base_model={tiny_base_model}", "model.max_length=32", "model.lora_r=4",
        "model.lora_target_modules=[query, value]", "model.pooling=text",
        "train.epochs=2.0", "train.batch_size=8", "train.eval_every_steps=100",
        f"output.run_dir={root / 'run'}", f"output.model_dir={root / 'model'}",
    ])
    Trainer(config, tiny_examples(24), tiny_examples(6), manifest={}, progress=False).fit()
    return root / "model"


def test_pooling_is_recorded_and_the_onnx_graph_pools_the_same_way(text_pooled_model):
    assert json.loads((text_pooled_model / CONFIG_FILE).read_text())["pooling"] == "text"
    torch_model = load_model(text_pooled_model)
    assert torch_model.network.pooling == "text"
    onnx_model = load_model(text_pooled_model, backend="onnx", num_threads=1)
    texts, parents = ["so true", "i am fine"], ["they are stupid people i hate", None]
    np.testing.assert_allclose(onnx_model.predict_proba(texts, parents).scores,
                               torch_model.predict_proba(texts, parents).scores, atol=1e-4)
