"""Training on a tiny mix of generated hard cases and toy public-style rows runs end to end."""

from __future__ import annotations

import numpy as np

from models import load_model
from models.examples import Example
from training.config import load_config
from training.data.dataset import build_dataset
from training.hardcases import generate, write
from training.trainer import Trainer


def toy_rows(n: int) -> list[Example]:
    """Public-corpus-like rows: partially annotated (None = not annotated), no parent post."""
    patterns = [
        ("i hate you idiot shut up", {"harassment": 1, "hate": 0}),
        ("i want to die and end my life", {"self_harm": 1}),
        ("great day with my dog and friends", {"harassment": 0, "self_harm": 0}),
    ]
    return [Example(f"{patterns[i % 3][0]} {i}", source="toy", language="en",
                    labels=patterns[i % 3][1]) for i in range(n)]


def test_tiny_mix_trains_end_to_end_through_build_dataset(tiny_base_model, tmp_path):
    # The hard cases reach the trainer the way they will in a real run: as an extra file
    # through build_dataset, with their groups deciding the split.
    path = tmp_path / "hardcases.jsonl"
    write(generate(per_functionality=3), path)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    splits = build_dataset(data_dir, sources=[], extra_files=[path], val_fraction=0.25)
    train = splits.train + toy_rows(12)
    validation = splits.validation + toy_rows(6)
    assert any(e.text_pair for e in train), "replies must reach training with their parent"

    config = load_config(None, [
        f"model.base_model={tiny_base_model}", "model.max_length=64", "model.lora_r=4",
        "model.lora_target_modules=[query, value]",
        "train.epochs=2.0", "train.batch_size=8", "train.lr=0.01", "train.head_lr=0.05",
        "train.eval_every_steps=10", "train.checkpoint_every_steps=10",
        f"output.run_dir={tmp_path / 'run'}", f"output.model_dir={tmp_path / 'model'}",
    ])
    trainer = Trainer(config, train, validation, manifest=splits.manifest, progress=False)
    # Replies are encoded as text pairs: their windows carry a second segment.
    replies = [i for i, e in enumerate(train) if e.text_pair]
    assert all(1 in trainer.train_windows[i].token_type_ids for i in replies)
    assert all(1 not in trainer.train_windows[i].token_type_ids
               for i, e in enumerate(train) if not e.text_pair)

    losses: list[float] = []
    result = trainer.fit(on_step=lambda step, loss: losses.append(loss))
    assert result.state.step == trainer.total_steps > 0
    assert all(np.isfinite(losses))
    assert "hardcases" in result.metrics["per_source"]
    # Fully annotated hard cases train every label head; the only masked cells are the weaker
    # label of a stronger positive (offensive under hate/harassment, distress under self_harm),
    # which build_dataset unsets on purpose.
    labels = trainer.train_labels[:len(splits.train)]
    hate, harassment, offensive, self_harm, distress = (labels[:, i] for i in range(5))
    assert not np.isnan(np.stack([hate, harassment, self_harm])).any()
    assert np.array_equal(np.isnan(offensive), (hate == 1) | (harassment == 1))
    assert np.array_equal(np.isnan(distress), self_harm == 1)

    model = load_model(result.model_dir)
    reply = next(e for e in validation + train if e.text_pair)
    with_parent = model.predict_proba([reply.text], [reply.text_pair]).scores
    alone = model.predict_proba([reply.text]).scores
    assert with_parent.shape == alone.shape == (1, 5)
    assert not np.allclose(with_parent, alone)  # the parent post reaches the model
