"""End-to-end training on a tiny synthetic dataset: the loss falls and the artifact round-trips."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from models import load_model
from models.classifier import pool_windows
from models.encoding import Window, collate, encode_windows
from models.artifact import CARD_FILE, CONFIG_FILE, HEADS_FILE, THRESHOLDS_FILE
from models.examples import Example
from models.taxonomy import LABELS
from training.config import load_config
from training.trainer import (
    Trainer,
    bucketed_batches,
    label_matrix,
    masked_bce,
    pair_units,
    pairwise_rank_loss,
)


FILLER = ["the", "a", "today", "sun", "rain", "tomorrow", "cat", "we", "they"]


def synthetic(n: int) -> list[Example]:
    rng = np.random.default_rng(0)
    out = []
    for i in range(n):
        if i % 3 == 0:
            text, labels = "i hate you idiot shut up", {"harassment": 1, "self_harm": None}
        elif i % 3 == 1:
            text, labels = "i want to die and end my life", {"self_harm": 1, "harassment": None}
        else:
            text, labels = "great day with my dog and friends", {"harassment": 0, "self_harm": 0}
        # Random filler varies the lengths, so length-bucketed batches mix the three patterns.
        words = text.split() + list(rng.choice(FILLER, size=int(rng.integers(0, 8))))
        rng.shuffle(words)
        out.append(Example(" ".join(words), source="synthetic", language="en", labels=labels))
    return out


@pytest.fixture()
def tiny_config(tiny_base_model, tmp_path):
    return load_config(None, [
        f"model.base_model={tiny_base_model}", "model.max_length=32", "model.lora_r=4",
        "model.lora_target_modules=[query, value]",
        "train.epochs=12.0", "train.batch_size=8", "train.lr=0.01", "train.head_lr=0.05",
        "train.eval_every_steps=1000", "train.checkpoint_every_steps=10",
        f"output.run_dir={tmp_path / 'run'}", f"output.model_dir={tmp_path / 'model'}",
    ])


def test_missing_labels_are_masked_not_negative():
    examples = [Example("a", "s", "en", labels={"hate": 1}), Example("b", "s", "en", labels={"hate": 0})]
    labels, targets = label_matrix(examples)
    assert np.isnan(labels[:, 1:]).all()  # harassment.. distress never annotated
    logits = torch.tensor([[5.0, -50.0, 50.0, 9.0, -9.0], [-5.0, 50.0, -50.0, 9.0, 9.0]])
    gold = torch.from_numpy(labels)
    # Wildly wrong logits on the missing cells change nothing: they are masked out.
    assert masked_bce(logits, gold, None) == pytest.approx(
        masked_bce(logits[:, :1], gold[:, :1], None).item())
    # ...whereas treating missing as negative would blow the loss up.
    assert masked_bce(logits, torch.nan_to_num(gold, nan=0.0), None) > 5 * masked_bce(logits, gold, None)


def test_training_end_to_end_loss_falls_and_artifact_round_trips(tiny_config):
    tiny_config.model.alone_floor_labels = ["self_harm"]
    train, val = synthetic(48), synthetic(12)
    trainer = Trainer(tiny_config, train, val, manifest={"sources": {}}, progress=False)

    def full_loss() -> float:  # loss over the whole training set, dropout off
        trainer.network.eval()
        with torch.no_grad():
            value = trainer._loss(list(range(len(train)))).item()
        trainer.network.train()
        return value

    before = full_loss()
    steps: list[int] = []
    result = trainer.fit(on_step=lambda step, loss: steps.append(step))
    assert steps and full_loss() < 0.5 * before

    model_dir = result.model_dir
    for name in (CONFIG_FILE, HEADS_FILE, THRESHOLDS_FILE, CARD_FILE, "adapter/adapter_config.json"):
        assert (model_dir / name).is_file(), name
    adapter_config = json.loads((model_dir / "adapter/adapter_config.json").read_text())
    assert adapter_config["base_model_name_or_path"] == str(tiny_config.model.base_model)
    assert json.loads((model_dir / CONFIG_FILE).read_text())["alone_floor_labels"] == ["self_harm"]
    assert (result.run_dir / "validation.jsonl").is_file()

    model = load_model(model_dir)
    texts = [e.text for e in val]
    probs = model.predict_proba(texts).scores
    # The merged artifact reproduces the trainer's own validation predictions.
    np.testing.assert_allclose(probs, trainer.predict_validation(), atol=1e-4)
    harassment = probs[:, 1]
    is_insult = np.array([e.labels["harassment"] == 1 for e in val])
    assert harassment[is_insult].min() > harassment[~is_insult & (probs[:, 3] < 0.5)].max()


def test_resume_continues_from_checkpoint(tiny_config):
    tiny_config.train.max_steps = 10
    train, val = synthetic(48), synthetic(12)
    first = Trainer(tiny_config, train, val, manifest={}, progress=False).fit()
    assert first.state.step == 10
    tiny_config.train.max_steps = 20
    second = Trainer(tiny_config, train, val, manifest={}, progress=False)
    with pytest.raises(RuntimeError, match=r"different config \(train.max_steps\)"):
        second.try_resume()  # max_steps changed the config: refuse to mix runs silently


def test_a_run_stopped_on_its_time_budget_resumes_with_a_longer_one(tiny_config):
    tiny_config.train.max_steps = 12
    tiny_config.train.max_minutes = 1e-9  # stops after its first step
    tiny_config.train.checkpoint_every_steps = 100
    train, val = synthetic(48), synthetic(12)
    first = Trainer(tiny_config, train, val, manifest={}, progress=False).fit()
    assert first.stopped_because == "time_budget" and first.state.step == 1
    # How the run executes (budget, threads) is not what it learns: the schedule continues.
    tiny_config.train.max_minutes = 60
    tiny_config.train.num_threads = 1
    second = Trainer(tiny_config, train, val, manifest={}, progress=False)
    result = second.fit()
    assert result.stopped_because == "completed" and result.state.step == 12


def test_init_from_starts_where_the_saved_model_ended(tiny_config, tiny_model_dir):
    tiny_config.model.init_from = str(tiny_model_dir)
    trainer = Trainer(tiny_config, synthetic(12), synthetic(6), manifest={}, progress=False)
    texts = [e.text for e in synthetic(6)]
    saved = load_model(tiny_model_dir).predict_proba(texts).scores
    # Before any step, the initialised network reproduces the saved model's predictions.
    windows = encode_windows(trainer.tokenizer, texts, None, trainer.windows_config)
    trainer.network.eval()
    with torch.no_grad():
        logits, tlogits = trainer.network(**collate(windows, trainer.tokenizer.pad_token_id))
    fresh = pool_windows(windows, len(texts), logits.numpy(), tlogits.numpy()).scores
    np.testing.assert_allclose(fresh, saved, atol=1e-4)


def test_select_last_ships_the_final_weights_and_never_stops_early(tiny_config):
    tiny_config.train.select = "last"
    tiny_config.train.eval_every_steps = 2
    tiny_config.train.early_stopping_patience = 1
    tiny_config.train.max_steps = 12
    result = Trainer(tiny_config, synthetic(48), synthetic(12), manifest={}, progress=False).fit()
    assert result.stopped_because != "early_stopping" and result.state.step == 12
    assert result.metrics["selected"] == "last" and result.metrics["selected_step"] == 12


def test_select_must_be_best_last_or_average():
    from training.config import ConfigError

    with pytest.raises(ConfigError, match="select"):
        load_config(None, ["train.select=middle"])


def test_select_average_ships_the_mean_of_the_sampled_weights(tiny_config):
    tiny_config.train.select = "average"
    tiny_config.train.average_start = 0.5   # of 12 steps: samples at steps 6, 9 and 12
    tiny_config.train.average_every_steps = 3
    tiny_config.train.max_steps = 12
    trainer = Trainer(tiny_config, synthetic(48), synthetic(12), manifest={}, progress=False)
    sampled: dict[int, dict[str, torch.Tensor]] = {}

    def record(step: int, _loss: float) -> None:
        if step in (5, 6, 9, 12):
            sampled[step] = trainer.trainable_state()

    result = trainer.fit(on_step=record)
    assert result.metrics["averaged"] == {"from_step": 6, "samples": 3, "every_steps": 3}
    assert result.metrics["selected_step"] == 12  # the average ends at the last step
    shipped = trainer.trainable_state()
    for name, value in shipped.items():
        mean = (sampled[6][name] + sampled[9][name] + sampled[12][name]) / 3
        torch.testing.assert_close(value, mean, rtol=1e-5, atol=1e-6)
    # The average is not the last weights (the test could not tell them apart otherwise).
    assert any(not torch.equal(shipped[n], sampled[12][n]) for n in shipped)
    # What the artifact holds is the average: the saved heads reload to the same weights.
    from safetensors.torch import load_file

    heads = load_file(str(result.model_dir / HEADS_FILE))
    head_weight = next(k for k in heads if k.startswith("label_head") and k.endswith("weight"))
    torch.testing.assert_close(heads[head_weight], shipped[head_weight])


def test_an_averaging_run_resumed_after_its_time_budget_ships_the_same_average(tiny_config, tmp_path):
    tiny_config.train.select = "average"
    tiny_config.train.average_start = 0.25
    tiny_config.train.average_every_steps = 2
    tiny_config.train.max_steps = 12
    tiny_config.train.checkpoint_every_steps = 1
    train, val = synthetic(48), synthetic(12)
    straight = Trainer(tiny_config, train, val, manifest={}, progress=False)
    straight.fit()
    expected = straight.trainable_state()

    tiny_config.output.run_dir = str(tmp_path / "run2")
    tiny_config.output.model_dir = str(tmp_path / "model2")
    tiny_config.train.max_minutes = 1e-9  # stops after its first step: before averaging starts
    first = Trainer(tiny_config, train, val, manifest={}, progress=False).fit()
    assert first.stopped_because == "time_budget" and first.metrics["averaged"]["samples"] == 0
    for _ in range(11):  # one step per run, each resumed from the last checkpoint
        resumed = Trainer(tiny_config, train, val, manifest={}, progress=False)
        result = resumed.fit()
    # Samples at steps 3, 5, 7, 9, 11 and the last, 12, as in the run that was never stopped.
    assert result.state.step == 12 and result.metrics["averaged"]["samples"] == 6
    assert straight.state.averaged == 6
    for name, value in resumed.trainable_state().items():
        torch.testing.assert_close(value, expected[name], rtol=1e-5, atol=1e-6)


def test_average_hold_lr_keeps_the_learning_rate_from_the_start_of_averaging(tiny_config):
    tiny_config.train.select = "average"
    tiny_config.train.average_start = 0.5
    tiny_config.train.max_steps = 12

    def run(hold: bool) -> dict[int, float]:
        tiny_config.train.average_hold_lr = hold
        trainer = Trainer(tiny_config, synthetic(48), synthetic(12), manifest={}, progress=False)
        seen: dict[int, float] = {}
        trainer.fit(resume=False,
                    on_step=lambda step, _: seen.__setitem__(step, trainer.optimizer.param_groups[0]["lr"]))
        return seen

    decayed, rates = run(False), run(True)
    assert decayed[6] == pytest.approx(rates[6]) and decayed[11] < decayed[6]
    assert all(rates[step] == pytest.approx(rates[6]) for step in range(6, 13))
    assert rates[6] > 0 and rates[3] > rates[6]  # the decay before averaging is unchanged


@pytest.mark.parametrize("overrides, match", [
    (["train.average_start=1.0"], "average_start"),
    (["train.average_start=-0.1"], "average_start"),
    (["train.average_every_steps=0"], "average_every_steps"),
    (["train.average_hold_lr=true", "train.select=last"], "average_hold_lr"),
])
def test_average_settings_are_validated(overrides, match):
    from training.config import ConfigError

    with pytest.raises(ConfigError, match=match):
        load_config(None, overrides)


def test_a_checkpoint_from_before_a_new_config_key_still_resumes(tiny_config):
    tiny_config.train.max_steps = 4
    train, val = synthetic(24), synthetic(6)
    Trainer(tiny_config, train, val, manifest={}, progress=False).fit()
    path = tiny_config.output.run_dir + "/checkpoint.pt"
    saved = torch.load(path, weights_only=False)
    del saved["config"]["train"]["select"]  # as written by a version without the key
    torch.save(saved, path)
    assert Trainer(tiny_config, train, val, manifest={}, progress=False).try_resume()


def test_class_weights_can_leave_the_oversampled_rows_out(tiny_config):
    from models.taxonomy import LABELS

    sampled = [Example(f"sad post {i}", "s", "en", labels={"self_harm": i % 2}) for i in range(8)]
    contrast = [Example(f"easy negative {i}", "hardcases", "en", labels={"self_harm": 0})
                for i in range(24)]
    column = LABELS.index("self_harm")
    manifest = {"oversampled": {"hardcases.jsonl": len(contrast)}}
    everything = Trainer(tiny_config, sampled + contrast, synthetic(3), manifest=manifest,
                         progress=False)
    assert everything.pos_weight[column].item() == pytest.approx(7.0)  # (4 + 24) / 4
    tiny_config.train.class_weights_from = "sampled"
    only_sampled = Trainer(tiny_config, sampled + contrast, synthetic(3), manifest=manifest,
                           progress=False)
    assert only_sampled.pos_weight[column].item() == pytest.approx(1.0)  # 4 / 4


def test_tail_rows_keep_negatives_mask_unsure_positives_and_reach_the_artifact(tiny_config):
    long_words = " ".join(["sun rain cat"] * 20)  # 60 tokens: longer than a 32-token window
    examples = [
        Example(f"{long_words} i want to die", "reddit", "en", labels={"self_harm": 1, "hate": 0}),
        Example(f"{long_words} i want to die", "hardcases", "en", labels={"self_harm": 1},
                functionality="crisis_long_post_end"),
        Example(f"{long_words} great day", "reddit", "en", labels={"self_harm": 0}),
        Example("i want to die", "tweets", "en", labels={"self_harm": 1}),  # short: no tail row
    ]
    column = LABELS.index("self_harm")
    tiny_config.train.epochs = 1.0
    plain = Trainer(tiny_config, examples, synthetic(3), manifest={}, progress=False)
    tiny_config.model.tail_tokens = 8
    tiny_config.train.tail_label_functionalities = ["crisis_long_post_end"]
    tailed = Trainer(tiny_config, examples, synthetic(3), manifest={}, progress=False)
    assert len(plain.train_windows) == 4 and len(tailed.train_windows) == 7
    assert [w.index for w in tailed.train_windows[4:]] == [0, 1, 2]
    assert all(len(w.input_ids) == 10 for w in tailed.train_windows[4:])  # [CLS] 8 tokens [SEP]
    tail_labels = tailed.train_labels[4:]
    assert np.isnan(tail_labels[0, column])  # a public post's ending alone may not be a crisis
    assert tail_labels[0, LABELS.index("hate")] == 0.0  # ...but no part of it is hate
    assert tail_labels[1, column] == 1.0  # the generated ending carries the crisis
    assert tail_labels[2, column] == 0.0
    # class weights are still counted on whole posts only
    assert tailed.pos_weight.tolist() == plain.pos_weight.tolist()
    tailed.fit()
    saved = json.loads((tailed.model_dir / CONFIG_FILE).read_text())
    assert saved["windows"]["tail_tokens"] == 8
    assert "the last 8 tokens" in (tailed.model_dir / CARD_FILE).read_text()


def test_tail_rows_of_public_crisis_posts_get_their_positive_side_back_by_rule_and_weight(
        tiny_config, tmp_path):
    long_words = " ".join(["sun rain cat"] * 20)
    examples = [
        Example(f"{long_words} i want to die", "reddit", "en", labels={"self_harm": 1}),  # stated
        Example(f"{long_words} great day", "reddit", "en", labels={"self_harm": 1}),  # not stated
        Example(f"{long_words} i want to die", "reddit", "en", labels={"self_harm": 0}),
        Example(f"{long_words} i hate you", "reddit", "en", labels={"hate": 1}),
    ]
    column = LABELS.index("self_harm")
    tiny_config.train.epochs = 1.0
    tiny_config.model.tail_tokens = 8
    tiny_config.train.tail_rule_labels = True
    tiny_config.train.tail_unstated_weight = 0.5
    trainer = Trainer(tiny_config, examples, synthetic(3), manifest={}, progress=False)
    labels, cells = trainer.train_labels[4:], trainer.cell_weights[4:]
    assert labels[:3, column].tolist() == [1.0, 1.0, 0.0]
    assert cells[:3, column].tolist() == [1.0, 0.5, 1.0]  # only the unstated ending counts less
    assert labels[2, column] == 0.0  # the rule never turns a negative post into a positive
    assert np.isnan(labels[3, LABELS.index("hate")])  # other labels' positives stay masked
    assert (trainer.cell_weights[:4] == 1.0).all()  # whole posts are untouched
    trainer.fit()
    card = (trainer.model_dir / CARD_FILE).read_text()
    assert "the rule in training/tail_labels.py" in card and "at loss weight 0.5" in card
    tiny_config.train.tail_unstated_weight = 0.0  # rule only: the unstated ending is masked
    rule_only = Trainer(tiny_config, examples, synthetic(3), manifest={}, progress=False)
    assert rule_only.train_labels[4, column] == 1.0 and np.isnan(rule_only.train_labels[5, column])
    tiny_config.train.tail_rule_labels = False
    tiny_config.train.tail_unstated_weight = 0.5  # weight only: every public positive at 0.5
    tiny_config.output.run_dir = str(tmp_path / "weighted-run")
    tiny_config.output.model_dir = str(tmp_path / "weighted-model")
    weighted = Trainer(tiny_config, examples, synthetic(3), manifest={}, progress=False)
    assert weighted.cell_weights[4:6, column].tolist() == [0.5, 0.5]
    weighted.fit()
    assert "the rule in training/tail_labels.py" not in (weighted.model_dir / CARD_FILE).read_text()


def test_a_named_tail_functionality_too_short_for_a_tail_row_is_reported(tiny_config, caplog):
    long_words = " ".join(["sun rain cat"] * 20)
    examples = [
        Example(f"{long_words} great day", "reddit", "en", labels={"self_harm": 0}),
        Example("sun rain i want to die", "hardcases", "en", labels={"self_harm": 1},
                functionality="crisis_long_post_end"),  # fits in one window: no tail row
    ]
    tiny_config.model.tail_tokens = 8
    tiny_config.train.tail_label_functionalities = ["crisis_long_post_end", "not_in_the_data"]
    with caplog.at_level("WARNING", logger="training.trainer"):
        Trainer(tiny_config, examples, synthetic(3), manifest={}, progress=False)
    warned = [r.getMessage() for r in caplog.records
              if "tail_label_functionalities" in r.getMessage()]
    assert len(warned) == 1 and "crisis_long_post_end" in warned[0]


@pytest.mark.parametrize("value", [-0.1, 1.5])
def test_tail_unstated_weight_is_validated(value):
    from training.config import ConfigError

    with pytest.raises(ConfigError, match="tail_unstated_weight"):
        load_config(None, [f"train.tail_unstated_weight={value}"])


def test_tail_min_tokens_gives_shorter_posts_a_labelled_tail_row(tiny_config):
    examples = [
        Example("sun rain cat sun rain cat i want to die", "hardcases", "en",
                labels={"self_harm": 1}, functionality="crisis_long_post_end"),  # 9 tokens
        Example("i want to die", "tweets", "en", labels={"self_harm": 1}),  # 4: no tail row
    ]
    tiny_config.model.tail_tokens = 3
    tiny_config.model.tail_min_tokens = 6
    tiny_config.train.tail_label_functionalities = ["crisis_long_post_end"]
    trainer = Trainer(tiny_config, examples, synthetic(3), manifest={}, progress=False)
    assert len(trainer.train_windows) == 3 and trainer.train_windows[2].index == 0
    assert trainer.train_labels[2, LABELS.index("self_harm")] == 1.0
    assert trainer.windows_config.tail_min_tokens == 6


def test_tail_min_tokens_needs_the_tail_window_on_and_longer_than_it():
    from training.config import ConfigError

    for overrides in (["model.tail_min_tokens=64"],
                      ["model.tail_tokens=32", "model.tail_min_tokens=32"]):
        with pytest.raises(ConfigError, match="tail_min_tokens"):
            load_config(None, overrides)
    assert load_config(None, ["model.tail_tokens=32", "model.tail_min_tokens=64"]
                       ).model.tail_min_tokens == 64


def test_labelled_sentence_tail_rows_cover_only_the_named_functionalities(tiny_config):
    long_words = " ".join(["sun rain cat"] * 20)
    ending = "and the dog is away. i want to die today"
    examples = [
        Example(f"{long_words} {ending}", "hardcases", "en", labels={"self_harm": 1},
                functionality="crisis_long_post_end"),
        Example(f"{long_words} {ending}", "reddit", "en", labels={"self_harm": 0}),  # public
        Example(f"{long_words} great day", "hardcases", "en", labels={"self_harm": 0},
                functionality="varied_long_everyday"),  # not named: no row with "labelled"
    ]
    tiny_config.train.epochs = 1.0
    tiny_config.model.tail_tokens = 8  # the last 8: "is away . i want to die today"
    tiny_config.model.tail_cut = "sentence"
    tiny_config.train.tail_label_functionalities = ["crisis_long_post_end"]
    every = Trainer(tiny_config, examples, synthetic(3), manifest={}, progress=False)
    assert [w.index for w in every.train_windows[3:]] == [0, 1, 2]
    tiny_config.train.tail_rows = "labelled"
    labelled = Trainer(tiny_config, examples, synthetic(3), manifest={}, progress=False)
    assert [w.index for w in labelled.train_windows[3:]] == [0]
    tail = labelled.train_windows[3]
    assert labelled.tokenizer.decode(tail.input_ids, skip_special_tokens=True) == \
        "i want to die today"  # the whole last sentence, not "is away ." before it
    assert labelled.train_labels[3, LABELS.index("self_harm")] == 1.0
    labelled.fit()
    saved = json.loads((labelled.model_dir / CONFIG_FILE).read_text())
    assert saved["windows"]["tail_cut"] == "sentence"
    card = (labelled.model_dir / CARD_FILE).read_text()
    assert "(the last whole sentences that fit)" in card
    assert "the generated long posts of crisis_long_post_end only" in card


def test_public_tail_rows_are_a_capped_sample_of_the_named_sources(tiny_config):
    long_words = " ".join(["sun rain cat"] * 20)
    examples = [
        Example(f"{long_words}. i want to die today", "hardcases", "en", labels={"self_harm": 1},
                functionality="crisis_long_post_end"),
        *[Example(f"{long_words}. i feel so low {n}", "sdcnl", "en", labels={"self_harm": 0})
          for n in range(3)],
        Example(f"{long_words}. i will kill myself tonight", "sdcnl", "en",
                labels={"self_harm": 1}),  # its ending states the risk
        Example(f"{long_words}. i feel so low", "dreaddit", "en", labels={"self_harm": 0}),
        Example(f"{long_words}. i want to kill myself", "sdcnl", "en", labels={"self_harm": 0}),
        Example("short and low", "sdcnl", "en", labels={"self_harm": 0}),  # one window: no tail
    ]
    tiny_config.model.tail_tokens = 8
    tiny_config.model.tail_cut = "sentence"
    tiny_config.train.tail_rows = "labelled"
    tiny_config.train.tail_label_functionalities = ["crisis_long_post_end"]
    tiny_config.train.tail_public_sources = ["sdcnl"]
    every = Trainer(tiny_config, examples, synthetic(3), manifest={}, progress=False)
    assert [w.index for w in every.train_windows[8:]] == [0, 1, 2, 3, 4, 6]  # not dreaddit's
    column = LABELS.index("self_harm")
    assert every.train_labels[8:, column].tolist()[:4] == [1.0, 0.0, 0.0, 0.0]
    assert np.isnan(every.train_labels[12, column])  # a public positive stays masked
    assert every.train_labels[13, column] == 0.0
    tiny_config.train.tail_rule_labels = True
    ruled = Trainer(tiny_config, examples, synthetic(3), manifest={}, progress=False)
    assert ruled.train_labels[12, column] == 1.0  # unless its ending states the risk
    assert np.isnan(ruled.train_labels[13, column])  # a negative whose ending states it: masked
    assert ruled.manifest["tail_rows"] == {"rows": 6, "labelled": 1, "self_harm_positives": 1,
                                           "stated": 1, "negatives_masked_as_stated": 1}
    assert ruled.train_labels[9:12, column].tolist() == [0.0, 0.0, 0.0]
    tiny_config.train.tail_public_rows = 2
    sampled = Trainer(tiny_config, examples, synthetic(3), manifest={}, progress=False)
    rows = [w.index for w in sampled.train_windows[8:]]
    assert rows[0] == 0 and len(rows) == 3 and set(rows[1:]) <= {1, 2, 3, 4, 6}
    again = Trainer(tiny_config, examples, synthetic(3), manifest={}, progress=False)
    assert [w.index for w in again.train_windows[8:]] == rows  # seeded
    sampled.fit()
    saved = json.loads((sampled.model_dir / "data_manifest.json").read_text())
    assert saved["tail_rows"]["rows"] == 3
    card = (sampled.model_dir / CARD_FILE).read_text()
    assert "and of the long posts of sdcnl (at most 2 per source;" in card


@pytest.mark.parametrize("overrides, match", [
    (["model.tail_cut=sentence"], "tail_cut need tail_tokens on"),
    (["model.tail_tokens=8", "model.tail_cut=words"], "tail_cut must be one of"),
    (["train.tail_rows=some"], "tail_rows: expected one of"),
    (["model.tail_tokens=8", "train.tail_rows=labelled"], "needs train.tail_label_functionalities"),
    (["model.tail_tokens=8", "train.tail_rows=labelled", "train.tail_rule_labels=true",
      "train.tail_label_functionalities=[crisis_long_post_end]"], "must be off"),
    (["model.tail_tokens=8", "train.tail_public_sources=[sdcnl]"], "only with tail_rows"),
    (["model.tail_tokens=8", "train.tail_rows=labelled", "train.tail_public_rows=-1",
      "train.tail_label_functionalities=[crisis_long_post_end]"], "tail_public_rows: must be"),
    (["model.tail_tokens=8", "train.tail_rows=labelled", "train.tail_public_rows=5",
      "train.tail_label_functionalities=[crisis_long_post_end]"], "names no source"),
])
def test_tail_cut_and_tail_rows_are_validated(overrides, match):
    from training.config import ConfigError

    with pytest.raises(ConfigError, match=match):
        load_config(None, overrides)
    config = load_config(None, ["model.tail_tokens=8", "model.tail_cut=sentence",
                                "train.tail_rows=labelled",
                                "train.tail_label_functionalities=[crisis_long_post_end]"])
    assert (config.model.tail_cut, config.train.tail_rows) == ("sentence", "labelled")


@pytest.mark.parametrize("value", [-1, 126])
def test_tail_tokens_must_fit_in_a_window(value):
    from training.config import ConfigError

    with pytest.raises(ConfigError, match="tail_tokens"):
        load_config(None, ["model.max_length=128", f"model.tail_tokens={value}"])
    assert load_config(None, ["model.max_length=128", "model.tail_tokens=125"]).model.tail_tokens == 125


def test_class_weights_from_is_validated():
    from training.config import ConfigError

    with pytest.raises(ConfigError, match="class_weights_from"):
        load_config(None, ["train.class_weights_from=public"])


# ------------------------------------------------------------------------------ distillation


def _unlabelled(n: int) -> list[Example]:
    """Texts with no label annotated: only a teacher can say anything about them."""
    return [Example(e.text, "synthetic", "en") for e in synthetic(n)]


def test_distillation_scores_only_the_sampled_rows_with_the_teacher(tiny_config, tiny_model_dir):
    from models.classifier import HavenClassifier

    sampled, contrast = synthetic(12), _unlabelled(4)
    tiny_config.train.distill_from = str(tiny_model_dir)
    manifest = {"oversampled": {"hardcases.jsonl": len(contrast)}}
    trainer = Trainer(tiny_config, sampled + contrast, synthetic(3), manifest=manifest,
                      progress=False)
    assert trainer.teacher_probs is not None and trainer.teacher_probs.shape == (12, 5)
    teacher = HavenClassifier.from_pretrained(tiny_model_dir, apply_calibration=False)
    logits, _ = teacher.logits(trainer.train_windows[:12])
    np.testing.assert_allclose(trainer.teacher_probs, 1 / (1 + np.exp(-logits)), atol=1e-5)
    # A resumed or repeated run reads the cached scores instead of scoring the sample again.
    cached = list(trainer.run_dir.glob("teacher-*.npy"))
    assert len(cached) == 1
    again = Trainer(tiny_config, sampled + contrast, synthetic(3), manifest=manifest,
                    progress=False)
    np.testing.assert_array_equal(again.teacher_probs, trainer.teacher_probs)


def _second_teacher(tiny_model_dir: Path, dest: Path) -> Path:
    """A copy of the tiny model with its heads scaled, so it scores visibly unlike the first."""
    import shutil

    from safetensors.torch import load_file, save_file

    shutil.copytree(tiny_model_dir, dest, ignore=shutil.ignore_patterns("onnx"))
    heads = load_file(str(dest / "heads.safetensors"))
    save_file({k: v * 3 for k, v in heads.items()}, str(dest / "heads.safetensors"))
    return dest


def _teacher_view(model_dir: Path, windows) -> np.ndarray:
    """What the trainer should have cached for ``model_dir``: its uncalibrated probabilities."""
    from models.classifier import HavenClassifier

    logits, _ = HavenClassifier.from_pretrained(model_dir, apply_calibration=False).logits(windows)
    return 1 / (1 + np.exp(-logits))


def test_an_ensemble_teacher_gives_its_members_mean(tiny_config, tiny_model_dir, tmp_path):
    from models.ensemble import build_ensemble

    second = _second_teacher(tiny_model_dir, tmp_path / "second")
    build_ensemble([tiny_model_dir, second], tmp_path / "ensemble", name="pair", version="1")

    sampled = synthetic(12)
    tiny_config.train.distill_from = str(tmp_path / "ensemble")
    trainer = Trainer(tiny_config, sampled, synthetic(3), manifest={}, progress=False)
    members = [_teacher_view(path, trainer.train_windows[:12]) for path in (tiny_model_dir, second)]
    assert not np.allclose(members[0], members[1], atol=1e-3)
    np.testing.assert_allclose(trainer.teacher_probs, (members[0] + members[1]) / 2, atol=1e-5)


def test_a_label_with_a_teacher_of_its_own_takes_that_teacher_s_probabilities(
        tiny_config, tiny_model_dir, tmp_path):
    second = _second_teacher(tiny_model_dir, tmp_path / "second")
    tiny_config.train.distill_from = str(tiny_model_dir)
    tiny_config.train.distill_from_by_label = {"hate": str(second)}
    trainer = Trainer(tiny_config, synthetic(12), synthetic(3), manifest={}, progress=False)
    probs = {path: _teacher_view(path, trainer.train_windows[:12])
             for path in (tiny_model_dir, second)}
    assert not np.allclose(probs[tiny_model_dir], probs[second], atol=1e-3)
    hate = LABELS.index("hate")
    others = [j for j in range(len(LABELS)) if j != hate]
    np.testing.assert_allclose(trainer.teacher_probs[:, hate], probs[second][:, hate], atol=1e-5)
    np.testing.assert_allclose(trainer.teacher_probs[:, others], probs[tiny_model_dir][:, others],
                               atol=1e-5)
    assert len(list(trainer.run_dir.glob("teacher-*.npy"))) == 2  # each teacher cached once


@pytest.mark.parametrize("sets, match", [
    (["train.distill_from_by_label={hate: runs/a}"], "needs train.distill_from"),
    (["train.distill_from=runs/b", "train.distill_from_by_label={violence: runs/a}"],
     "distill_from_by_label"),
    (["train.distill_from=runs/b", "train.distill_labels=[distress]",
      "train.distill_from_by_label={hate: runs/a}"], "distill_from_by_label"),
    (["train.distill_from=runs/b", "train.distill_from_by_label={hate: ''}"],
     "distill_from_by_label"),
    (["train.distill_from=runs/b", "train.distill_from_by_label=runs/a"],
     "distill_from_by_label"),
])
def test_a_teacher_by_label_must_name_a_distilled_label_and_a_directory(sets, match):
    from training.config import ConfigError

    with pytest.raises(ConfigError, match=match):
        load_config(None, sets)


def test_distillation_pulls_the_student_towards_the_teacher(tiny_config, tiny_model_dir):
    train = _unlabelled(32)  # no gold labels: the distillation term is the only signal
    tiny_config.train.distill_from = str(tiny_model_dir)
    tiny_config.train.distill_weight = 1.0
    tiny_config.train.max_steps = 40
    trainer = Trainer(tiny_config, train, synthetic(6), manifest={}, progress=False)
    teacher = trainer.teacher_probs
    assert teacher is not None

    def student() -> np.ndarray:
        trainer.network.eval()
        with torch.no_grad():
            logits, _ = trainer.network(**collate(trainer.train_windows,
                                                  trainer.tokenizer.pad_token_id))
        trainer.network.train()
        return torch.sigmoid(logits).numpy()

    before = np.abs(student() - teacher).mean()
    result = trainer.fit()
    after = np.abs(student() - teacher).mean()
    assert after < before * 0.5, (before, after)
    assert (f"Plus distillation (weight 1.0) from `{tiny_model_dir}` on all five labels"
            in (result.model_dir / CARD_FILE).read_text())


def test_distill_labels_limit_the_teacher_term_to_those_heads(tiny_config, tiny_model_dir):
    """With distill_labels, the other heads get no gradient from the teacher at all."""
    train = _unlabelled(16)  # no gold labels: only the teacher term reaches the label head
    tiny_config.train.distill_from = str(tiny_model_dir)
    tiny_config.train.distill_labels = ["self_harm", "distress"]
    trainer = Trainer(tiny_config, train, synthetic(3), manifest={}, progress=False)
    assert trainer.distill_columns == [LABELS.index("self_harm"), LABELS.index("distress")]
    batch = list(range(8))
    inputs = collate([trainer.train_windows[i] for i in batch], trainer.tokenizer.pad_token_id)
    logits, _ = trainer.network(**inputs)
    logits.retain_grad()
    trainer._distill_loss(logits, batch).backward()
    grad = logits.grad.abs().sum(dim=0)
    for k, name in enumerate(LABELS):
        assert (grad[k] > 0) == (name in ("self_harm", "distress")), (name, grad)


def test_distill_mention_weight_scales_the_teacher_term_on_rows_naming_a_group(
        tiny_config, tiny_model_dir):
    named = ["Muslims are our neighbours", "refugees were at the meeting"]
    plain = ["the bus was late again", "I made soup tonight"]
    train = [Example(t, "synthetic", "en") for t in named + plain]
    contrast = [Example("immigrants are welcome", "synthetic", "en")]  # oversampled: no teacher
    tiny_config.train.distill_from = str(tiny_model_dir)
    manifest = {"oversampled": {"hardcases.jsonl": 1}}
    off = Trainer(tiny_config, train + contrast, synthetic(3), manifest=dict(manifest),
                  progress=False)
    assert off.distill_row_weights is None  # 1.0 (the default): no scan, the plain mean

    tiny_config.train.distill_mention_weight = 3.0
    trainer = Trainer(tiny_config, train + contrast, synthetic(3), manifest=dict(manifest),
                      progress=False)
    np.testing.assert_array_equal(trainer.distill_row_weights, [3.0, 3.0, 1.0, 1.0])
    assert trainer.manifest["distill_mention_rows"] == 2
    batch = [0, 2, 3, 4]  # row 4 is the oversampled one: left out of the teacher term
    inputs = collate([trainer.train_windows[i] for i in batch], trainer.tokenizer.pad_token_id)
    with torch.no_grad():
        logits, _ = trainer.network(**inputs)
        loss = trainer._distill_loss(logits, batch)
    soft = torch.from_numpy(trainer.teacher_probs[[0, 2, 3]])
    cells = torch.nn.functional.binary_cross_entropy_with_logits(
        logits[:3].float(), soft, reduction="none")
    expected = (cells * torch.tensor([[3.0], [1.0], [1.0]])).mean()
    assert loss.item() == pytest.approx(expected.item(), rel=1e-5)
    assert not torch.isclose(loss, cells.mean())


def test_the_card_names_the_teacher_and_the_distilled_labels():
    from training.card import _distill_sentence

    on = ["train.distill_from=runs/stage1-model", "train.distill_weight=0.3"]
    some = load_config(None, [*on, "train.distill_labels=[self_harm, distress]"]).train
    assert ("Plus distillation (weight 0.3) from `runs/stage1-model` on self_harm, distress:"
            in _distill_sentence(some))
    assert _distill_sentence(load_config(None, on[1:]).train) == ""
    assert "Sampled rows that mention an identity group carry 3.0 times" in _distill_sentence(
        load_config(None, [*on, "train.distill_mention_weight=3"]).train)
    assert "mention" not in _distill_sentence(some)
    assert "On hate the teacher is `runs/teacher-0.2.3` instead." in _distill_sentence(
        load_config(None, [*on, "train.distill_from_by_label={hate: runs/teacher-0.2.3}"]).train)
    assert "instead" not in _distill_sentence(some)
    assert _distill_sentence(load_config(None, [on[0], "train.distill_weight=0"]).train) == ""


@pytest.mark.parametrize("value", ["[]", "[hate, violence]", "self_harm"])
def test_distill_labels_must_name_labels(value):
    from training.config import ConfigError

    with pytest.raises(ConfigError, match="distill_labels"):
        load_config(None, [f"train.distill_labels={value}"])


def test_alone_floor_labels_must_name_labels():
    from training.config import ConfigError

    with pytest.raises(ConfigError, match="alone_floor_labels"):
        load_config(None, ["model.alone_floor_labels=[suicide]"])


def test_distill_weight_must_not_be_negative():
    from training.config import ConfigError

    with pytest.raises(ConfigError, match="distill_weight"):
        load_config(None, ["train.distill_weight=-1"])
    with pytest.raises(ConfigError, match="distill_mention_weight"):
        load_config(None, ["train.distill_mention_weight=-0.5"])


# ------------------------------------------------------------------------ presumed negatives


def test_presumed_negatives_fill_only_unannotated_cells_of_the_named_sources():
    from training.trainer import presume_negatives

    rows = [Example("hate corpus post", "davidson", "en", labels={"hate": 1}),
            Example("annotated crisis post", "davidson", "en", labels={"self_harm": 1}),
            Example("stress post", "dreaddit", "en", labels={"distress": 1})]
    labels, _ = label_matrix(rows)
    cells = presume_negatives(rows, labels, ["self_harm"], ["davidson"], 0.25)
    sh = LABELS.index("self_harm")
    assert labels[0, sh] == 0.0 and cells[0, sh] == 0.25  # presumed
    assert labels[1, sh] == 1.0 and cells[1, sh] == 1.0  # an annotation is never overwritten
    assert np.isnan(labels[2, sh]) and cells[2, sh] == 1.0  # another source: still masked
    assert np.isnan(labels[0, LABELS.index("distress")])  # other labels untouched
    assert presume_negatives(rows, labels, [], [], 0.25) is None


def test_cell_weights_scale_each_cell_of_the_loss():
    logits = torch.tensor([[2.0, -1.0], [0.5, 3.0]])
    gold = torch.tensor([[1.0, 0.0], [0.0, float("nan")]])
    full = torch.nn.functional.binary_cross_entropy_with_logits(
        logits, torch.nan_to_num(gold), reduction="none")
    weights = torch.tensor([[1.0, 0.5], [0.2, 1.0]])
    expected = (full[0, 0] + 0.5 * full[0, 1] + 0.2 * full[1, 0]) / 1.7
    assert masked_bce(logits, gold, None, weights).item() == pytest.approx(expected.item())
    # One weight per row is the same as that weight on each of its cells.
    rows = torch.tensor([1.0, 0.2])
    assert masked_bce(logits, gold, None, rows).item() == pytest.approx(
        masked_bce(logits, gold, None, rows[:, None].expand(2, 2)).item())


def test_presumed_negatives_teach_the_head_and_leave_class_weights_alone(tiny_config):
    """A source that never annotates self_harm: presumed negative, its posts score lower."""
    crisis = synthetic(24)
    ordinary = [Example(f"i want to sleep early and end my day {w}", "davidson", "en",
                        labels={"hate": 0}) for w in FILLER * 2]
    column = LABELS.index("self_harm")
    tiny_config.train.max_steps = 30
    plain = Trainer(tiny_config, crisis + ordinary, synthetic(6), manifest={}, progress=False)
    tiny_config.train.presumed_negative_labels = ["self_harm"]
    tiny_config.train.presumed_negative_sources = ["davidson"]
    tiny_config.train.presumed_negative_weight = 1.0
    tiny_config.output.run_dir += "-presumed"
    tiny_config.output.model_dir += "-presumed"
    presumed = Trainer(tiny_config, crisis + ordinary, synthetic(6), manifest={}, progress=False)
    assert presumed.pos_weight[column].item() == plain.pos_weight[column].item()
    assert plain.cell_weights is None
    plain.fit(), presumed.fit()
    texts = [e.text for e in ordinary[:6]]
    before = load_model(plain.model_dir, apply_calibration=False).predict_proba(texts).scores
    after = load_model(presumed.model_dir, apply_calibration=False).predict_proba(texts).scores
    assert after[:, column].mean() < before[:, column].mean()


@pytest.mark.parametrize("overrides, match", [
    (["train.presumed_negative_labels=[violence]", "train.presumed_negative_sources=[olid]"],
     "presumed_negative_labels"),
    (["train.presumed_negative_labels=[self_harm]", "train.presumed_negative_sources=[reddit]"],
     "unknown source"),
    (["train.presumed_negative_labels=[self_harm]"], "together"),
    (["train.presumed_negative_labels=[self_harm]", "train.presumed_negative_sources=[olid]",
      "train.presumed_negative_weight=0"], "presumed_negative_weight"),
])
def test_presumed_negative_settings_are_validated(overrides, match):
    from training.config import ConfigError

    with pytest.raises(ConfigError, match=match):
        load_config(None, overrides)


# ------------------------------------------------------------------------- proxy positives


def test_proxy_positives_are_masked_unless_the_post_states_a_risk():
    from training.trainer import mask_unstated_positives

    rows = [Example("i hate myself so much today", "twitter_suicidal_ideation", "en",
                    labels={"self_harm": 1}),
            Example("i want to die, i wrote my note", "twitter_suicidal_ideation", "en",
                    labels={"self_harm": 1}),
            Example("i hate mondays", "twitter_suicidal_ideation", "en", labels={"self_harm": 0}),
            Example("i hate myself so much today", "sdcnl", "en", labels={"self_harm": 1})]
    labels, _ = label_matrix(rows)
    sh = LABELS.index("self_harm")
    assert mask_unstated_positives(rows, labels, ["twitter_suicidal_ideation"]) == 1
    assert np.isnan(labels[0, sh])  # a proxy positive without a stated risk: masked, not 0
    assert labels[1, sh] == 1.0  # states the risk: kept
    assert labels[2, sh] == 0.0  # a negative is never touched
    assert labels[3, sh] == 1.0  # another source: kept
    assert mask_unstated_positives(rows, labels, []) == 0


def test_proxy_positive_masking_leaves_class_weights_and_validation_alone(tiny_config):
    proxies = [Example(f"i hate myself {w}", "twitter_suicidal_ideation", "en",
                       labels={"self_harm": 1}) for w in FILLER]
    column = LABELS.index("self_harm")
    plain = Trainer(tiny_config, synthetic(12) + proxies, proxies[:3], manifest={}, progress=False)
    tiny_config.train.self_harm_rule_sources = ["twitter_suicidal_ideation"]
    masked = Trainer(tiny_config, synthetic(12) + proxies, proxies[:3], manifest={}, progress=False)
    assert masked.pos_weight[column].item() == plain.pos_weight[column].item()
    assert np.isnan(masked.train_labels[12:, column]).all()
    assert (plain.train_labels[12:, column] == 1.0).all()
    assert (masked.val_labels[:, column] == 1.0).all()  # calibration keeps the gold labels
    masked.config.train.max_steps = 1
    masked.fit()
    card = (masked.model_dir / CARD_FILE).read_text()
    assert "Proxy positives: a self_harm 1 of twitter_suicidal_ideation" in card
    assert f"masked otherwise ({len(proxies)} rows)" in card
    manifest = json.loads((masked.model_dir / "data_manifest.json").read_text())
    assert manifest["self_harm_positives_masked"] == len(proxies)
    assert "self_harm_positives_masked" not in plain.manifest


def test_proxy_positive_sources_are_validated():
    from training.config import ConfigError

    with pytest.raises(ConfigError, match="self_harm_rule_sources: unknown source"):
        load_config(None, ["train.self_harm_rule_sources=[tweets]"])


def test_a_text_max_model_trains_saves_and_scores(tiny_config):
    """``model.pooling=text_max``: heads twice the encoder's width, recorded in the artifact and
    the card, and the saved model loads and scores."""
    from safetensors.torch import load_file

    tiny_config.model.pooling = "text_max"
    tiny_config.train.epochs = 1.0
    trainer = Trainer(tiny_config, synthetic(24), synthetic(6), manifest={}, progress=False)
    trainer.fit()
    saved = json.loads((trainer.model_dir / CONFIG_FILE).read_text())
    assert saved["pooling"] == "text_max"
    heads = load_file(str(trainer.model_dir / HEADS_FILE))
    assert heads["label_head.weight"].shape[1] == 2 * saved["hidden_size"]
    assert "(`text_max`)" in (trainer.model_dir / CARD_FILE).read_text()
    scores = load_model(trainer.model_dir).predict_proba(["i am fine", "i want to die"]).scores
    assert scores.shape == (2, len(LABELS)) and np.isfinite(scores).all()


def test_a_long_post_head_learns_long_rows_apart_and_reaches_the_artifact(tiny_config):
    """Short and long posts with the same words and opposite self_harm labels: one head cannot
    fit both, a second head for long posts can, and the loaded model scores as the trainer."""
    short = "i want to die"
    long = "sun rain cat we they sun rain cat we they i want to die"  # 13 tokens
    train = [Example(short, "s", "en", labels={"self_harm": 1}),
             Example(long, "s", "en", labels={"self_harm": 0})] * 12
    tiny_config.model.long_head_labels = ["self_harm"]
    tiny_config.model.long_min_tokens = 8
    trainer = Trainer(tiny_config, train, train[:2], manifest={}, progress=False)
    network = trainer.network
    # It starts as a copy of the label head, and only the long rows are marked long.
    assert torch.equal(network.long_head.weight, network.label_head.weight)
    assert [w.long for w in trainer.train_windows[:2]] == [False, True]
    result = trainer.fit()
    probs = trainer.predict_validation()[:, LABELS.index("self_harm")]
    assert probs[0] > 0.8 and probs[1] < 0.2
    config = json.loads((result.model_dir / CONFIG_FILE).read_text())
    assert config["long_head_labels"] == ["self_harm"]
    assert config["windows"]["long_min_tokens"] == 8
    assert "more than 8 tokens read self_harm from a second head" in (
        result.model_dir / CARD_FILE).read_text()
    scores = load_model(result.model_dir).predict_proba([short, long]).scores
    np.testing.assert_allclose(scores, trainer.predict_validation(), atol=1e-4)


def test_long_head_settings_are_validated():
    from training.config import ConfigError

    with pytest.raises(ConfigError, match="go together"):
        load_config(None, ["model.long_head_labels=[self_harm]"])
    with pytest.raises(ConfigError, match="go together"):
        load_config(None, ["model.long_min_tokens=64"])
    with pytest.raises(ConfigError, match="long_head_labels"):
        load_config(None, ["model.long_head_labels=[crisis]", "model.long_min_tokens=64"])


# ------------------------------------------------------------------------- ranking term


def test_the_rank_loss_averages_every_annotated_positive_negative_pair():
    nan = float("nan")
    logits = torch.tensor([[2.0, 0.0], [-1.0, 5.0], [0.5, 1.0], [3.0, -2.0]])
    gold = torch.tensor([[1.0, nan], [0.0, 1.0], [0.0, nan], [nan, 0.0]])
    softplus = torch.nn.functional.softplus
    # Column 0: positive row 0 against negatives 1 and 2 (row 3 is unannotated).
    # Column 1: positive row 1 against negative row 3.
    column0 = (softplus(torch.tensor(-1.0 - 2.0)) + softplus(torch.tensor(0.5 - 2.0))) / 2
    column1 = softplus(torch.tensor(-2.0 - 5.0))
    assert pairwise_rank_loss(logits, gold, [0, 1]).item() == pytest.approx(
        ((column0 + column1) / 2).item())
    assert pairwise_rank_loss(logits, gold, [0]).item() == pytest.approx(column0.item())
    # A presumed negative (cell weight < 1) is no pair's negative: column 0 keeps row 1 only.
    weights = torch.ones_like(gold)
    weights[2, 0] = 0.2
    assert pairwise_rank_loss(logits, gold, [0], weights).item() == pytest.approx(
        softplus(torch.tensor(-3.0)).item())
    # Misordered pairs cost more than the same pairs in order.
    assert pairwise_rank_loss(-logits, gold, [0]) > pairwise_rank_loss(logits, gold, [0])
    # A column with no pair in the batch adds nothing and keeps the graph.
    lone = torch.tensor([[1.0], [2.0]], requires_grad=True)
    empty = pairwise_rank_loss(lone, torch.tensor([[1.0], [nan]]), [0])
    assert empty.item() == 0.0 and empty.requires_grad


def test_the_trainer_adds_the_weighted_rank_term_and_the_card_says_so(tiny_config):
    train = synthetic(24)
    tiny_config.model.head_dropout = 0.0
    tiny_config.model.lora_dropout = 0.0
    tiny_config.train.max_steps = 6
    plain = Trainer(tiny_config, train, synthetic(6), manifest={}, progress=False)
    tiny_config.train.rank_loss_labels = ["self_harm", "harassment"]
    tiny_config.train.rank_loss_weight = 0.7
    tiny_config.output.run_dir += "-ranked"
    tiny_config.output.model_dir += "-ranked"
    ranked = Trainer(tiny_config, train, synthetic(6), manifest={}, progress=False)
    batch = list(range(12))
    inputs = collate([ranked.train_windows[i] for i in batch], ranked.tokenizer.pad_token_id)
    gold = torch.from_numpy(ranked.train_labels[batch])
    with torch.no_grad():
        logits, _ = ranked.network(**inputs)
        columns = [LABELS.index("self_harm"), LABELS.index("harassment")]
        term = pairwise_rank_loss(logits, gold, columns).item()
        assert term > 0
        assert ranked._loss(batch).item() == pytest.approx(plain._loss(batch).item() + 0.7 * term,
                                                           rel=1e-5)
    result = ranked.fit()
    assert ("pairwise ranking term (weight 0.7) on self_harm, harassment"
            in (result.model_dir / CARD_FILE).read_text())


@pytest.mark.parametrize("overrides, match", [
    (["train.rank_loss_labels=[crisis]"], "rank_loss_labels"),
    (["train.rank_loss_labels=[self_harm]", "train.rank_loss_weight=0"], "rank_loss_weight"),
])
def test_rank_loss_settings_are_validated(overrides, match):
    from training.config import ConfigError

    with pytest.raises(ConfigError, match=match):
        load_config(None, overrides)


def _paired(pairs: int, singles: int) -> list[Example]:
    """``pairs`` contrast pairs (one group, two functionalities) after ``singles`` lone rows."""
    rows = [Example(f"lone post {i}", "synthetic", "en", labels={"self_harm": 0})
            for i in range(singles)]
    for i in range(pairs):
        rows += [Example(f"risk {i}", "hardcases", "en", labels={"self_harm": 1}, group=f"pair:{i}",
                         functionality="crisis_contrast_risk"),
                 Example(f"safe {i} too", "hardcases", "en", labels={"self_harm": 0},
                         group=f"pair:{i}", functionality="crisis_contrast_safe")]
    return rows


def test_pair_units_put_both_sides_of_a_pair_into_one_batch():
    rows = _paired(pairs=12, singles=40)
    windows = [Window(index=i, input_ids=[0] * (3 + i % 7), token_type_ids=[]) for i in range(len(rows))]
    units = pair_units(windows, rows, ["crisis_contrast_risk", "crisis_contrast_safe"], batch_size=8)
    assert sorted(len(u) for u in units if len(u) > 1) == [2] * 12
    lengths = [len(w.input_ids) for w in windows]
    batches = bucketed_batches(lengths, 8, 2, seed=3, units=units)
    assert sorted(i for b in batches for i in b) == list(range(len(rows)))
    assert max(len(b) for b in batches) <= 8
    where = {i: k for k, b in enumerate(batches) for i in b}
    for i in range(12):
        assert where[40 + 2 * i] == where[41 + 2 * i]
    assert batches == bucketed_batches(lengths, 8, 2, seed=3, units=units)
    # Without units the same rows almost never meet: the old shuffle, row by row.
    plain = bucketed_batches(lengths, 8, 2, seed=3)
    apart = {i: k for k, b in enumerate(plain) for i in b}
    assert sum(apart[40 + 2 * i] == apart[41 + 2 * i] for i in range(12)) < 12
    # A group larger than a batch is cut to the batch size; unnamed functionalities stay alone.
    big = pair_units(windows, [*rows[:40], *[Example("x", "h", "en", group="g",
                                                     functionality="crisis_contrast_risk")] * 24],
                     ["crisis_contrast_risk"], batch_size=8)
    assert sorted(len(u) for u in big if len(u) > 1) == [8, 8, 8]
    assert all(len(u) == 1 for u in pair_units(windows, rows, ["quote_reject"], batch_size=8))


def test_the_trainer_batches_pairs_together_and_the_card_counts_them(tiny_config):
    tiny_config.train.max_steps = 4
    tiny_config.train.rank_loss_labels = ["self_harm"]
    tiny_config.train.pair_batch_functionalities = ["crisis_contrast_risk", "crisis_contrast_safe"]
    trainer = Trainer(tiny_config, _paired(pairs=6, singles=20), synthetic(6), manifest={},
                      progress=False)
    assert trainer.manifest["pair_batches"] == {"units": 6, "rows": 12}
    result = trainer.fit()
    assert ("Rows of crisis_contrast_risk, crisis_contrast_safe that share a pair group were put "
            "into one batch (6 groups, 12 rows)" in (result.model_dir / CARD_FILE).read_text())


def test_pair_batch_functionalities_must_be_a_list_of_names():
    from training.config import ConfigError

    with pytest.raises(ConfigError, match="pair_batch_functionalities"):
        load_config(None, ["train.pair_batch_functionalities=3"])
    assert load_config(None, ["train.pair_batch_functionalities=[quote_reject]"]
                       ).train.pair_batch_functionalities == ["quote_reject"]
