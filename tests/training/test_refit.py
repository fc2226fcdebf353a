"""``haven refit``: only the label head changes, the hard-case weight does what it says, bad
inputs are refused."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from models.examples import Example
from tests.conftest import tiny_examples, with_long_head

TEXTS = ["i hate you idiot", "i want to die", "great day with my dog", "the sun and rain today"]


def _hard_rows(harassment: int) -> list[Example]:
    """Rows standing in for the hard cases, labelled one way or the other."""
    labels = {"hate": 0, "harassment": harassment, "offensive": 0, "self_harm": 0, "distress": 0}
    return [Example(text, source="hardcases", language="en", labels=dict(labels))
            for text in ("you are stupid go away", "shut up you idiot", "i hate the rain today")]


def _model(model_dir: Path):
    from models import load_model

    return load_model(model_dir, apply_calibration=False)


def _refit(model_dir: Path, out: Path, hard: list[Example], labels=None, **settings):
    from training.refit import RefitSettings, refit

    train = tiny_examples(24) + hard
    return refit(model_dir, train, len(hard), out,
                 RefitSettings(epochs=settings.pop("epochs", 30), **settings), labels=labels)


def test_only_the_label_head_changes(tiny_model_dir, tmp_path):
    from safetensors.torch import load_file

    config = _refit(tiny_model_dir, tmp_path / "refit", _hard_rows(1), hard_weight=1.0)
    before = load_file(str(tiny_model_dir / "heads.safetensors"))
    after = load_file(str(tmp_path / "refit" / "heads.safetensors"))
    assert set(after) == set(before)
    for key in before:
        same = bool((before[key] == after[key]).all())
        assert same == key.startswith("target_head."), key
    adapter = "adapter/adapter_model.safetensors"
    assert (tmp_path / "refit" / adapter).read_bytes() == (tiny_model_dir / adapter).read_bytes()
    written = json.loads((tmp_path / "refit" / "haven_model.json").read_text())
    assert written["heads_refit"]["hard_weight"] == 1.0
    assert written["heads_refit"]["from"]["name"] == config.name
    assert written["heads_refit"]["oversampled_rows"] == 3
    # Thresholds and calibration belonged to the old head: they are not carried over.
    assert not (tmp_path / "refit" / "calibration.json").exists()
    assert not (tmp_path / "refit" / "thresholds.json").exists()
    assert _model(tmp_path / "refit").predict_proba(TEXTS).scores.shape == (4, 5)


def test_rows_at_weight_zero_do_not_move_the_head(tiny_model_dir, tmp_path):
    """At hard weight 0 the hard rows' labels cannot matter; at weight 4 they do."""
    scores = {}
    for weight in (0.0, 4.0):
        for label in (0, 1):
            out = tmp_path / f"w{weight}-{label}"
            _refit(tiny_model_dir, out, _hard_rows(label), hard_weight=weight)
            scores[weight, label] = _model(out).predict_proba(TEXTS).scores
    np.testing.assert_allclose(scores[0.0, 0], scores[0.0, 1], atol=1e-6)
    harassment = 1
    assert (scores[4.0, 1][:, harassment] > scores[4.0, 0][:, harassment]).all()


def test_the_refit_is_deterministic(tiny_model_dir, tmp_path):
    for name in ("a", "b"):
        _refit(tiny_model_dir, tmp_path / name, _hard_rows(1), hard_weight=0.5, seed=3)
    np.testing.assert_array_equal(_model(tmp_path / "a").predict_proba(TEXTS).scores,
                                  _model(tmp_path / "b").predict_proba(TEXTS).scores)


def test_the_feature_cache_gives_the_same_refit_and_follows_the_inputs(tiny_model_dir, tmp_path,
                                                                       monkeypatch):
    """A cached refit is bit-identical to an uncached one and skips the encoder; a different
    row set or a refitted model with the same encoder get the right features, not stale ones."""
    import training.refit as refit_module
    from training.refit import RefitSettings, features_key, refit

    cache = tmp_path / "cache"
    train = tiny_examples(24) + _hard_rows(1)
    settings = RefitSettings(epochs=5, hard_weight=0.5)
    refit(tiny_model_dir, train, 3, tmp_path / "plain", settings)
    refit(tiny_model_dir, train, 3, tmp_path / "first", settings, feature_cache=cache)
    assert len(list(cache.glob("features-*.npy"))) == 1

    def no_encoder(*args, **kwargs):
        raise AssertionError("the encoder ran although the features were cached")

    monkeypatch.setattr(refit_module, "pooled_features", no_encoder)
    refit(tiny_model_dir, train, 3, tmp_path / "cached", settings, feature_cache=cache)
    # A refit keeps the encoder: refitting it again reads the same features.
    refit(tmp_path / "first", train, 3, tmp_path / "again", settings, feature_cache=cache)
    for name in ("first", "cached"):
        assert ((tmp_path / name / "heads.safetensors").read_bytes()
                == (tmp_path / "plain" / "heads.safetensors").read_bytes())
    config = _model(tiny_model_dir).config
    other = train[:-1] + [dataclasses.replace(train[-1], text="a different post")]
    assert features_key(tiny_model_dir, config, other) != features_key(tiny_model_dir, config,
                                                                       train)
    with pytest.raises(AssertionError, match="encoder ran"):
        refit(tiny_model_dir, other, 3, tmp_path / "other", settings, feature_cache=cache)


def test_a_refit_of_some_outputs_keeps_the_others_as_trained(tiny_model_dir, tmp_path):
    from safetensors.torch import load_file

    from models.taxonomy import LABELS

    config = _refit(tiny_model_dir, tmp_path / "some", _hard_rows(1), hard_weight=1.0,
                    labels=["self_harm", "distress"])
    _refit(tiny_model_dir, tmp_path / "all", _hard_rows(1), hard_weight=1.0)
    before = load_file(str(tiny_model_dir / "heads.safetensors"))
    some = load_file(str(tmp_path / "some" / "heads.safetensors"))
    every = load_file(str(tmp_path / "all" / "heads.safetensors"))
    for key in ("label_head.weight", "label_head.bias"):
        for i, label in enumerate(LABELS):
            refitted = label in ("self_harm", "distress")
            assert bool((some[key][i] == before[key][i]).all()) is not refitted, (key, label)
            if refitted:  # the same fit as refitting every output, for those rows
                assert bool((some[key][i] == every[key][i]).all()), (key, label)
    assert config.heads_refit["labels"] == ["self_harm", "distress"]


def test_bad_inputs_are_refused(tiny_model_dir, tmp_path):
    from training.refit import RefitError, RefitSettings, refit

    train = tiny_examples(6)
    with pytest.raises(RefitError, match="new directory"):
        refit(tiny_model_dir, train, 0, tiny_model_dir, RefitSettings())
    with pytest.raises(RefitError, match="public sample"):
        refit(tiny_model_dir, train, len(train), tmp_path / "x", RefitSettings())
    with pytest.raises(RefitError, match="hard weight"):
        refit(tiny_model_dir, train, 0, tmp_path / "x", RefitSettings(hard_weight=-1))
    with pytest.raises(RefitError, match="not a Haven model"):
        refit(tmp_path, train, 0, tmp_path / "x", RefitSettings())
    with pytest.raises(RefitError, match="labels to refit"):
        refit(tiny_model_dir, train, 0, tmp_path / "x", RefitSettings(), labels=["sadness"])
    assert dataclasses.asdict(RefitSettings())["hard_weight"] == 0.5


def test_write_card_and_metrics(tiny_model_dir, tmp_path):
    from training.metrics import write_validation
    from training.refit import write_card

    config = _refit(tiny_model_dir, tmp_path / "refit", _hard_rows(1), hard_weight=0.5)
    summary = write_validation(tmp_path / "refit", tiny_examples(12),
                               {"heads_refit": config.heads_refit}, "F1-optimal (test)")
    card = write_card(tmp_path / "refit", config, summary).read_text()
    assert "label head refitted" in card and "weight 0.5" in card
    assert "text_max" not in card
    thresholds = json.loads((tmp_path / "refit" / "thresholds.json").read_text())
    assert thresholds["chosen_by"] == "F1-optimal (test)"
    metrics = json.loads((tmp_path / "refit" / "metrics.json").read_text())
    assert metrics["heads_refit"]["hard_weight"] == 0.5


def test_presumed_negatives_lower_the_refitted_output_on_their_source(tiny_model_dir, tmp_path):
    """The config's presumed negatives reach the refit: rows of a source that does not annotate
    self_harm count as its negatives, and the recorded settings say so."""
    ordinary = [Example(f"i want to go to bed {w}", source="olid", language="en",
                        labels={"offensive": 0}) for w in ("today", "now", "early", "soon") * 3]
    sh = 3
    scores = {}
    for presumed in (False, True):
        out = tmp_path / f"presumed-{presumed}"
        extra = dict(presumed_labels=("self_harm",), presumed_sources=("olid",),
                     presumed_weight=1.0) if presumed else {}
        from training.refit import RefitSettings, refit

        config = refit(tiny_model_dir, tiny_examples(24) + ordinary, 0, out,
                       RefitSettings(epochs=30, **extra), labels=["self_harm"])
        scores[presumed] = _model(out).predict_proba([e.text for e in ordinary]).scores[:, sh]
    assert list(config.heads_refit["presumed_sources"]) == ["olid"]
    assert scores[True].mean() < scores[False].mean()


def _text_pooled(tiny_model_dir: Path, tmp_path: Path) -> Path:
    """The tiny model marked as text-pooled (the same vectors for posts without a parent)."""
    import shutil

    model = tmp_path / "text-pooled"
    shutil.copytree(tiny_model_dir, model)
    config = json.loads((model / "haven_model.json").read_text())
    (model / "haven_model.json").write_text(json.dumps({**config, "pooling": "text"}))
    return model


def test_a_max_widened_refit_keeps_the_other_outputs_exactly(tiny_model_dir, tmp_path):
    """``--pooling text_max``: the refitted output reads the average and the maximum; every
    other output and the targets score as before, because their weights on the maximum are 0."""
    from safetensors.torch import load_file

    from models.taxonomy import LABELS
    from training.refit import RefitSettings, refit

    model = _text_pooled(tiny_model_dir, tmp_path)
    train = tiny_examples(24) + _hard_rows(1)
    config = refit(model, train, 3, tmp_path / "wide", RefitSettings(epochs=5),
                   labels=["self_harm"], pooling="text_max")
    assert config.pooling == "text_max"
    assert config.heads_refit["from"]["pooling"] == "text"
    heads = load_file(str(tmp_path / "wide" / "heads.safetensors"))
    hidden = config.hidden_size
    assert heads["label_head.weight"].shape == (len(LABELS), 2 * hidden)
    assert heads["target_head.weight"].shape[1] == 2 * hidden
    row = LABELS.index("self_harm")
    assert heads["label_head.weight"][row, hidden:].abs().sum() > 0  # it reads the maximum
    old = _model(model).predict_proba(TEXTS).scores
    new = _model(tmp_path / "wide").predict_proba(TEXTS).scores
    others = [i for i in range(len(LABELS)) if i != row]
    np.testing.assert_allclose(new[:, others], old[:, others], atol=1e-6)
    assert not np.allclose(new[:, row], old[:, row])
    from training.metrics import write_validation
    from training.refit import write_card

    summary = write_validation(tmp_path / "wide", tiny_examples(12),
                               {"heads_refit": config.heads_refit}, "F1-optimal (test)")
    assert "text_max pooling" in write_card(tmp_path / "wide", config, summary).read_text()
    from models import load_model  # the exported graph pools the same way

    onnx = load_model(tmp_path / "wide", backend="onnx", num_threads=1, apply_calibration=False)
    np.testing.assert_allclose(onnx.predict_proba(TEXTS).scores, new, atol=1e-4)


def test_widening_is_refused_where_the_heads_would_change_meaning(tiny_model_dir, tmp_path):
    from training.refit import RefitError, RefitSettings, refit

    with pytest.raises(RefitError, match="only widen text pooling"):
        refit(tiny_model_dir, tiny_examples(8), 0, tmp_path / "out", RefitSettings(epochs=1),
              pooling="text_max")  # the tiny model is mean-pooled


def test_a_model_with_a_long_post_head_is_refused(tiny_model_dir, tmp_path):
    from training.refit import RefitError, RefitSettings, refit

    model = with_long_head(Path(shutil.copytree(tiny_model_dir, tmp_path / "long")))
    with pytest.raises(RefitError, match="second head for long posts"):
        refit(model, tiny_examples(6), 0, tmp_path / "out", RefitSettings())
