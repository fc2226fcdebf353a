"""Interpolate the weights of two Haven models fine-tuned from one base encoder (a "model soup").

Why: the hard-case model learns the functional suites but loses public validation ROC-AUC
against stage 1, which never saw the hard cases (docs/hardcases.md). Both are LoRA fine-tunes of
the same base encoder, so their weight changes live in one space, and the models on the line
between them trade one side for the other without another training run (weight-space
ensembling, Wortsman et al. 2022, "Robust fine-tuning of zero-shot models"). One merged model
scores as fast as either parent; an ensemble of their outputs would cost two forward passes.

The interpolation is exact, not an approximation of the adapters. A LoRA module adds
``s·B·A`` to a base weight (``s = alpha / r``). The weighted sum
``(1 - w)·s1·B1·A1 + w·s2·B2·A2`` is itself a LoRA update of rank ``r1 + r2``: stack the ``A``
matrices, put the scaled ``B`` matrices side by side, and set ``alpha = r`` (scale 1). The
adapter doubles in size (2.7 -> 5.4 MB for the shipped rank 16), and merging it at load time
makes inference cost the same as before. The heads are linear and interpolate the same way.

The result's thresholds are F1-optimal on the validation data given here, like a freshly
trained model's; run ``haven eval calibrate`` on it before shipping, as for any model.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.artifact import (
    ADAPTER_CONFIG_FILE,
    ADAPTER_DIR,
    ADAPTER_WEIGHTS_FILE,
    CONFIG_FILE,
    HEADS_FILE,
    MANIFEST_FILE,
    ArtifactError,
    ModelConfig,
    read_config,
    write_json,
)
from models.examples import Example


#: peft settings under which ``alpha / r`` is the whole scale of a module's update: anything
#: else (DoRA, rsLoRA, per-module ranks or alphas, trained biases) is refused, not approximated.
_PLAIN_LORA = {"peft_type": "LORA", "use_dora": False, "use_rslora": False, "bias": "none"}


class SoupError(ValueError):
    """The two models cannot be interpolated (different bases, shapes or adapter kinds)."""


def _adapter_config(model_dir: Path) -> dict[str, Any]:
    path = model_dir / ADAPTER_DIR / ADAPTER_CONFIG_FILE
    if not path.is_file():
        raise SoupError(f"{model_dir} has no LoRA adapter ({path} is missing)")
    config = json.loads(path.read_text())
    for key, expected in _PLAIN_LORA.items():
        if config.get(key, expected) != expected:
            raise SoupError(f"{path}: {key}={config.get(key)!r}; only plain LoRA "
                            f"({key}={expected!r}) can be interpolated exactly")
    for key in ("rank_pattern", "alpha_pattern"):
        if config.get(key):
            raise SoupError(f"{path}: {key} is set; only one rank and alpha per adapter is supported")
    return config


def _check_compatible(first: ModelConfig, second: ModelConfig, a: dict[str, Any],
                      b: dict[str, Any]) -> None:
    for field in ("base_model", "hidden_size", "pooling", "labels", "targets", "taxonomy_version"):
        if getattr(first, field) != getattr(second, field):
            raise SoupError(f"the models differ in {field}: {getattr(first, field)!r} vs "
                            f"{getattr(second, field)!r}; only models fine-tuned from the same "
                            "base encoder with the same pooling and taxonomy can be interpolated")
    if sorted(a.get("target_modules") or []) != sorted(b.get("target_modules") or []):
        raise SoupError(f"the adapters wrap different modules: {a.get('target_modules')} vs "
                        f"{b.get('target_modules')}")


def mix_adapters(first: dict[str, Any], second: dict[str, Any], scale_first: float,
                 scale_second: float, weight: float) -> dict[str, Any]:
    """The rank-(r1 + r2) LoRA weights whose update is ``(1 - weight)·first + weight·second``.

    ``first`` and ``second`` are peft state dicts (``...lora_A.weight``: r x in,
    ``...lora_B.weight``: out x r); the scales are each adapter's ``alpha / r``. The result is
    meant for ``alpha = r`` (scale 1).
    """
    import torch

    if set(first) != set(second):
        missing = sorted(set(first) ^ set(second))[:3]
        raise SoupError(f"the adapters have different weights (e.g. {missing})")
    mixed = {}
    for key, a in first.items():
        b = second[key]
        if ".lora_A." in key:
            if a.shape[1:] != b.shape[1:]:
                raise SoupError(f"{key}: shapes {tuple(a.shape)} and {tuple(b.shape)} differ")
            mixed[key] = torch.cat([a, b], dim=0).contiguous()
        elif ".lora_B." in key:
            if a.shape[:1] != b.shape[:1]:
                raise SoupError(f"{key}: shapes {tuple(a.shape)} and {tuple(b.shape)} differ")
            mixed[key] = torch.cat([(1.0 - weight) * scale_first * a,
                                    weight * scale_second * b], dim=1).contiguous()
        else:
            raise SoupError(f"{key}: not a LoRA A or B matrix; cannot interpolate it exactly")
    return mixed


def mix_heads(first: dict[str, Any], second: dict[str, Any], weight: float) -> dict[str, Any]:
    if set(first) != set(second) or any(first[k].shape != second[k].shape for k in first):
        raise SoupError("the models' heads have different shapes")
    return {k: ((1.0 - weight) * first[k] + weight * second[k]).contiguous() for k in first}


def interpolate(first_dir: Path, second_dir: Path, weight: float, out_dir: Path, *,
                version: str | None = None) -> ModelConfig:
    """Write the model ``(1 - weight)·first + weight·second`` to ``out_dir``.

    Inference settings (pooling, windows, the alone floor) are the second model's: it is the one
    being moved towards the first, and in Haven's use it is the model that knows replies.
    """
    from safetensors.torch import load_file, save_file

    if not 0.0 <= weight <= 1.0:
        raise SoupError(f"weight must be between 0 and 1 (the second model's share), not {weight}")
    first_dir, second_dir, out_dir = Path(first_dir), Path(second_dir), Path(out_dir)
    if out_dir.resolve() in (first_dir.resolve(), second_dir.resolve()):
        raise SoupError("--out must be a new directory, not one of the two models")
    try:
        first, second = read_config(first_dir), read_config(second_dir)
    except ArtifactError as exc:
        raise SoupError(str(exc)) from exc
    if first.long_head_labels or second.long_head_labels:
        raise SoupError("a model with a second head for long posts cannot be interpolated yet")
    a_cfg, b_cfg = _adapter_config(first_dir), _adapter_config(second_dir)
    _check_compatible(first, second, a_cfg, b_cfg)
    adapter = mix_adapters(
        load_file(str(first_dir / ADAPTER_DIR / ADAPTER_WEIGHTS_FILE)),
        load_file(str(second_dir / ADAPTER_DIR / ADAPTER_WEIGHTS_FILE)),
        a_cfg["lora_alpha"] / a_cfg["r"], b_cfg["lora_alpha"] / b_cfg["r"], weight)
    heads = mix_heads(load_file(str(first_dir / HEADS_FILE)),
                      load_file(str(second_dir / HEADS_FILE)), weight)

    rank = int(a_cfg["r"]) + int(b_cfg["r"])
    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / ADAPTER_DIR).mkdir(parents=True)
    save_file(adapter, str(out_dir / ADAPTER_DIR / ADAPTER_WEIGHTS_FILE))
    write_json(out_dir / ADAPTER_DIR / ADAPTER_CONFIG_FILE, {**b_cfg, "r": rank, "lora_alpha": rank})
    save_file(heads, str(out_dir / HEADS_FILE))
    if (second_dir / MANIFEST_FILE).is_file():  # the second model's data: a superset in Haven's use
        shutil.copy2(second_dir / MANIFEST_FILE, out_dir / MANIFEST_FILE)
    config = dataclasses.replace(
        second,
        version=version or second.version,
        lora={**second.lora, "r": rank, "alpha": rank},
        created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        interpolated_from={
            "first": {"name": first.name, "version": first.version, "weight": round(1 - weight, 6)},
            "second": {"name": second.name, "version": second.version, "weight": round(weight, 6)},
        },
    )
    write_json(out_dir / CONFIG_FILE, config.to_json())
    return config


def write_validation(out_dir: Path, config: ModelConfig, examples: Sequence[Example],
                     batch_size: int = 64) -> dict:
    """Metrics, F1 thresholds and the model card of the interpolated model (``config``, as
    ``interpolate`` returned it), as the trainer writes them for a model it trains."""
    from training.metrics import write_validation as write_metrics

    summary = write_metrics(
        out_dir, examples, {"interpolated_from": config.interpolated_from},
        "F1-optimal per label on the validation data given to `haven soup`", batch_size)
    write_card(out_dir, config, summary)
    return summary


def write_card(out_dir: Path, config: ModelConfig, summary: dict[str, Any]) -> Path:
    from training.card import write_derived_card

    mix = config.interpolated_from
    first, second = mix["first"], mix["second"]
    how = (f"Weight interpolation (`haven soup`) of two models fine-tuned from "
           f"`{config.base_model}`: {first['weight']:g} x `{first['name']} {first['version']}` + "
           f"{second['weight']:g} x `{second['name']} {second['version']}`, adapters and heads "
           f"alike (the adapters are stacked into one LoRA of rank {config.lora.get('r')}, so the "
           "weighted sum is exact). Their training, data and intended use are described in their "
           "own model cards; this model uses the second one's inference settings (pooling, "
           "windows, alone floor). See docs/hardcases.md for why and what it measured.")
    return write_derived_card(out_dir, config, how, "the validation data given to `haven soup`",
                              summary)
