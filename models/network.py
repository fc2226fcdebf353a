"""The Haven network: a (LoRA-adapted) transformer encoder, mean pooling, two sigmoid heads."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch
from torch import nn

from models.artifact import POOLING_MODES, is_local, resolve_base_model


def load_encoder(reference: str, *, eager_attention: bool = False) -> nn.Module:
    """Load the base encoder from a local directory (never the network) or a hub id."""
    from transformers import AutoModel

    resolved = resolve_base_model(reference)
    kwargs: dict[str, Any] = {"local_files_only": is_local(resolved)}
    if eager_attention:  # ONNX export traces the eager attention path
        kwargs["attn_implementation"] = "eager"
    return AutoModel.from_pretrained(resolved, **kwargs)


def load_tokenizer(reference: str):
    from transformers import AutoTokenizer

    resolved = resolve_base_model(reference)
    return AutoTokenizer.from_pretrained(resolved, local_files_only=is_local(resolved))


# ``mean``: average every token; ``text``: average the post's own tokens (segment A) only, so a
# parent post given as the second segment informs them through attention without its words
# being averaged into the post's vector (a reply quoting hate is not the hate it quotes);
# ``text_max``: that average next to the per-dimension maximum over the same tokens, so one
# sentence's strong features (a crisis disclosure closing a long everyday post) are not
# outvoted by the tokens around it. The heads then read twice the encoder's width.
# (models.artifact.POOLING_MODES lists them.)
def pooled_size(pooling: str, hidden_size: int) -> int:
    """The width of the vector the heads read under ``pooling``."""
    return 2 * hidden_size if pooling == "text_max" else hidden_size


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    # MiniLM-L6 (sentence-transformers) was trained with mean pooling, so its embeddings are
    # meaningful averaged over tokens; the [CLS] vector alone is not.
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-6)


def max_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """The per-dimension maximum over the tokens ``mask`` keeps (padding never wins)."""
    floor = torch.finfo(hidden.dtype).min
    return hidden.masked_fill(mask.unsqueeze(-1) == 0, floor).amax(1)


#: The heads whose weights heads.safetensors holds; ``long_head`` only where the model has one.
HEAD_NAMES = ("label_head", "target_head", "long_head")


class HavenNetwork(nn.Module):
    def __init__(self, encoder: nn.Module, n_labels: int, n_targets: int, dropout: float = 0.1,
                 pooling: str = "mean", long_columns: Sequence[int] = ()):
        super().__init__()
        if pooling not in POOLING_MODES:
            raise ValueError(f"unknown pooling {pooling!r}; expected one of {POOLING_MODES}")
        self.pooling = pooling
        self.encoder = encoder
        hidden = pooled_size(pooling, encoder.config.hidden_size)
        self.dropout = nn.Dropout(dropout)
        self.label_head = nn.Linear(hidden, n_labels)
        self.target_head = nn.Linear(hidden, n_targets)
        # A second label head for long posts (models.artifact.ModelConfig.long_head_labels): the
        # columns in ``long_columns`` of a long post's label logits come from it. Created under
        # a forked RNG, so a run with it draws the same dropout masks as the same run without.
        self.long_head: nn.Linear | None = None
        if long_columns:
            with torch.random.fork_rng(devices=[]):
                self.long_head = nn.Linear(hidden, n_labels)
            columns = torch.zeros(n_labels, dtype=torch.bool)
            columns[list(long_columns)] = True
            self.register_buffer("long_columns", columns, persistent=False)

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        token_type_ids: torch.Tensor | None = None,
        long: torch.Tensor | None = None,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Label and target logits; rows where ``long`` is true take the long head's columns."""
        pooled = self.dropout(self.pooled(input_ids, attention_mask, token_type_ids))
        labels = self.label_head(pooled)
        if self.long_head is not None and long is not None:
            use = long.to(torch.bool).unsqueeze(-1) & self.long_columns.unsqueeze(0)
            labels = torch.where(use, self.long_head(pooled), labels)
        return labels, self.target_head(pooled)

    def pooled(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        token_type_ids: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """The vector both heads read (before dropout): what a head refit is trained on."""
        out = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        )
        mask = attention_mask
        if self.pooling != "mean" and token_type_ids is not None:
            mask = attention_mask * (token_type_ids == 0).to(attention_mask.dtype)
        mean = mean_pool(out.last_hidden_state, mask)
        if self.pooling == "text_max":
            return torch.cat([mean, max_pool(out.last_hidden_state, mask)], dim=-1)
        return mean

    def heads(self) -> list[str]:
        """The names of the heads this network has (``long_head`` only when configured)."""
        return [name for name in HEAD_NAMES if getattr(self, name) is not None]

    def head_state(self) -> dict[str, torch.Tensor]:
        return {
            f"{name}.{key}": value.detach().cpu().contiguous()
            for name in self.heads()
            for key, value in getattr(self, name).state_dict().items()
        }

    def load_head_state(self, state: dict[str, torch.Tensor]) -> list[str]:
        """Load every head ``state`` holds; return the names of this network's heads it lacks
        (left as they were), so the caller decides whether that is an error."""
        missing = []
        for name in self.heads():
            prefix = f"{name}."
            weights = {k[len(prefix) :]: v for k, v in state.items() if k.startswith(prefix)}
            if weights:
                getattr(self, name).load_state_dict(weights)
            else:
                missing.append(name)
        return missing


def save_heads(network: HavenNetwork, path: Path) -> None:
    from safetensors.torch import save_file

    save_file(network.head_state(), str(path))


def load_heads(network: HavenNetwork, path: Path) -> list[str]:
    """Load a heads file; returns the network's heads the file lacks."""
    from safetensors.torch import load_file

    return network.load_head_state(load_file(str(path)))
