"""Shared fixtures: a tiny BERT built on the fly (fast, no downloads) and the repo's paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("HAVEN_DATA_DIR", REPO_ROOT.parent / "shared" / "datasets"))

TINY_VOCAB = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
    *"i you we they he she it am are is was not a the to and of my me your hate love kill want die "
     "idiot stupid people group great day hope help sad tired alone end life go away shut up fine "
     "happy good bad thank friends dog cat sun rain today tomorrow exam killing hurt cut myself".split(),
    *[chr(c) for c in range(ord("a"), ord("z") + 1)],
    *[f"##{chr(c)}" for c in range(ord("a"), ord("z") + 1)],
    ".", ",", "!", "?", "'",
]


@pytest.fixture(scope="session")
def tiny_base_model(tmp_path_factory) -> Path:
    """A 2-layer, 32-wide BERT with a small WordPiece vocabulary, saved like a hub model."""
    import torch
    from transformers import BertConfig, BertModel, BertTokenizerFast

    path = tmp_path_factory.mktemp("tiny-bert")
    # transformers 5 ignores `vocab_file=` here (every token becomes [UNK]): pass the dict.
    vocab = {token: i for i, token in enumerate(TINY_VOCAB)}
    tokenizer = BertTokenizerFast(vocab=vocab, do_lower_case=True)
    assert "[UNK]" not in tokenizer.tokenize("i hate you")
    tokenizer.save_pretrained(path)
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(TINY_VOCAB), hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64, max_position_embeddings=128)
    BertModel(config).save_pretrained(path)
    return path


def tiny_examples(n: int) -> list:
    """A learnable toy task: insults -> harassment, death wishes -> self_harm, the rest clean."""
    import random

    from models.examples import Example

    rng = random.Random(0)
    patterns = [
        ("i hate you idiot shut up", {"harassment": 1, "hate": 0, "self_harm": None}),
        ("i want to die and end my life", {"self_harm": 1, "distress": None, "harassment": None}),
        ("great day with my dog and friends", {"harassment": 0, "hate": 0, "self_harm": 0}),
    ]
    out = []
    for i in range(n):
        text, labels = patterns[i % 3]
        # Random filler varies the lengths, so length-bucketed batches mix the three patterns.
        words = text.split() + rng.choices(["the", "a", "today", "sun", "rain", "cat"], k=rng.randint(0, 7))
        rng.shuffle(words)
        out.append(Example(" ".join(words), source=f"toy{i % 2}", language="en", labels=labels))
    return out


@pytest.fixture(scope="session")
def tiny_model_dir(tiny_base_model, tmp_path_factory) -> Path:
    """A real Haven model directory (LoRA adapter + heads) trained for a few seconds on toy data."""
    from training.config import load_config
    from training.trainer import Trainer

    root = tmp_path_factory.mktemp("tiny-model")
    config = load_config(None, [
        f"model.base_model={tiny_base_model}", "model.max_length=32", "model.lora_r=4",
        "model.lora_target_modules=[query, value]", "model.name=tiny-test", "model.version=0.0.1",
        "train.epochs=10.0", "train.batch_size=8", "train.lr=0.01", "train.head_lr=0.05",
        "train.eval_every_steps=20",
        f"output.run_dir={root / 'run'}", f"output.model_dir={root / 'model'}",
    ])
    Trainer(config, tiny_examples(48), tiny_examples(12), manifest={}, progress=False).fit()
    return root / "model"


def with_long_head(model_dir: Path, min_tokens: int = 16) -> Path:
    """Give a saved model a second ``self_harm`` head for long posts, of zeros: every long
    window's self_harm logit is then 0 (models.network.HavenNetwork.long_head)."""
    import json

    import torch
    from safetensors.torch import load_file, save_file

    from models.artifact import CONFIG_FILE, HEADS_FILE

    doc = json.loads((model_dir / CONFIG_FILE).read_text())
    doc["long_head_labels"], doc["windows"]["long_min_tokens"] = ["self_harm"], min_tokens
    (model_dir / CONFIG_FILE).write_text(json.dumps(doc))
    heads = load_file(str(model_dir / HEADS_FILE))
    heads["long_head.weight"] = torch.zeros_like(heads["label_head.weight"])
    heads["long_head.bias"] = torch.zeros_like(heads["label_head.bias"])
    save_file(heads, str(model_dir / HEADS_FILE))
    return model_dir
