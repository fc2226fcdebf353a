"""Average the probabilities of several Haven models (an output ensemble).

Why: training runs of the shipped recipe that differ only in their seed spread as widely as most
of the changes measured on them (docs/hardcases.md, "A third seed"), and the two weight soups
measured both lost hate fairness (BPSN). Averaging the members' *outputs* is the standard way to
cut run-to-run variance, and unlike a soup it keeps every member's encoder exactly as trained.
It costs one encoder pass per member, so an ensemble of two scores half as many posts per second:
an option to measure, not the shipped default.

An ensemble is a model directory whose ``haven_model.json`` lists ``members``: directories inside
it, each a complete model directory with its own calibration. Members' calibrated probabilities
are averaged, which puts them on one scale first. The ensemble's own ``thresholds.json`` and
``calibration.json`` (``haven eval calibrate``, as for any model) are fitted on the averages.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from models.artifact import (
    CARD_FILE,
    CONFIG_FILE,
    ArtifactError,
    ModelConfig,
    read_block_thresholds,
    read_calibration,
    read_config,
    read_thresholds,
    write_json,
)
from models.predictor import Prediction, Predictor

MEMBERS_DIR = "members"
#: Caches a member may hold that an ensemble does not copy (``haven export``'s ONNX graphs).
_NOT_COPIED = ("onnx",)


def _single_model(path: str | Path) -> ModelConfig:
    """``path``'s config, refused when it is an ensemble: members hold networks, not members."""
    config = read_config(Path(path))
    if config.members:
        raise ArtifactError(f"{path}: an ensemble member cannot itself be an ensemble")
    return config


def member_dirs(model_dir: str | Path, config: ModelConfig | None = None) -> list[Path]:
    """The member directories of an ensemble, checked; ``[]`` for a single model."""
    model_dir = Path(model_dir)
    config = config or read_config(model_dir)
    root = model_dir.resolve()
    found = []
    for relative in config.members:
        path = (model_dir / relative).resolve()
        if Path(relative).is_absolute() or root not in path.parents:
            raise ArtifactError(f"{model_dir / CONFIG_FILE}: member {relative!r} must be a "
                                "directory inside the ensemble")
        _single_model(path)
        found.append(path)
    return found


class EnsembleClassifier:
    """Averages its members' predictions (implements :class:`models.predictor.Predictor`)."""

    def __init__(self, members: Sequence[Predictor], config: ModelConfig,
                 thresholds: dict[str, float], calibration: dict | None = None,
                 block_thresholds: dict[str, float] | None = None):
        if not members:
            raise ArtifactError("an ensemble needs at least one member")
        self.members = list(members)
        self.config = config
        self.name = config.name
        self.version = config.version
        self.thresholds = thresholds
        self.calibration = calibration
        #: Calibrated block operating points (policies' ``block: model``); empty if none.
        self.block_thresholds: dict[str, float] = dict(block_thresholds or {})

    @classmethod
    def from_pretrained(cls, model_dir: str | Path, load_member: Callable[[Path], Predictor], *,
                        apply_calibration: bool = True) -> EnsembleClassifier:
        """``load_member`` loads one member directory with its own calibration applied (the
        caller's backend and device); ``apply_calibration`` is about the ensemble's own."""
        model_dir = Path(model_dir)
        config = read_config(model_dir)
        members = [load_member(path) for path in member_dirs(model_dir, config)]
        return cls(members, config, read_thresholds(model_dir),
                   read_calibration(model_dir) if apply_calibration else None,
                   read_block_thresholds(model_dir))

    def predict_proba(
        self,
        texts: Sequence[str],
        text_pairs: Sequence[str | None] | None = None,
        batch_size: int = 32,
    ) -> Prediction:
        predictions = [m.predict_proba(texts, text_pairs, batch_size) for m in self.members]
        scores = np.mean([p.scores for p in predictions], axis=0).astype(np.float32)
        targets = np.mean([p.targets for p in predictions], axis=0).astype(np.float32)
        if self.calibration:
            from models.calibration import apply_calibration

            scores = apply_calibration(scores, self.calibration).astype(np.float32)
        return Prediction(scores=scores, targets=targets)


def build_ensemble(members: Sequence[str | Path], out_dir: str | Path, *, name: str,
                   version: str) -> ModelConfig:
    """Copy ``members`` into ``out_dir/members/`` and write the ensemble's ``haven_model.json``.

    Copies, not links: a model directory must travel whole (a release, a container image).
    The ensemble starts with the default thresholds; calibrate it before use. ``out_dir`` must be
    new or empty.
    """
    out_dir = Path(out_dir)
    if len(members) < 2:
        raise ArtifactError("an ensemble needs at least two member models")
    configs = [_single_model(m) for m in members]
    if out_dir.exists() and any(out_dir.iterdir()):
        # Never delete: a mistyped --out (a member, models/) must not cost a model.
        raise ArtifactError(f"--out must be a new or empty directory: {out_dir} holds files")
    relatives = []
    for i, (path, config) in enumerate(zip(members, configs, strict=True), 1):
        relative = f"{MEMBERS_DIR}/{i:02d}-{config.name}-{config.version}"
        shutil.copytree(path, out_dir / relative, ignore=shutil.ignore_patterns(*_NOT_COPIED))
        relatives.append(relative)
    config = ModelConfig(
        name=name, version=version, base_model=configs[0].base_model,
        created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), members=relatives)
    write_json(out_dir / CONFIG_FILE, config.to_json())
    listed = "\n".join(f"- `{r}`: {c.name} {c.version}" for r, c in zip(relatives, configs,
                                                                       strict=True))
    (out_dir / CARD_FILE).write_text(
        f"# {name} {version}\n\nAn output ensemble (`haven ensemble`, models/ensemble.py): the "
        f"average of its members' calibrated probabilities, one encoder pass per member.\n\n"
        f"{listed}\n\nEach member's training, data and measurements are in its own model card. "
        "The ensemble's thresholds come from `haven eval calibrate` on the averaged scores.\n",
        encoding="utf-8")
    return config
