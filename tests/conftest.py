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
    (path / "vocab.txt").write_text("\n".join(TINY_VOCAB) + "\n")
    tokenizer = BertTokenizerFast(vocab_file=str(path / "vocab.txt"), do_lower_case=True)
    tokenizer.save_pretrained(path)
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(TINY_VOCAB), hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64, max_position_embeddings=128)
    BertModel(config).save_pretrained(path)
    return path
