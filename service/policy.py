"""Policies: per-community rules that turn label scores into a decision.

A policy file maps labels to thresholds for the actions ``refer``, ``block`` and ``review``.
Decisions are ranked refer > block > review > allow: a crisis signal always wins over blocking,
so a post showing self-harm risk is never silently discarded but held, referred and queued first.
Crisis labels may not ``block`` at all (validation refuses it).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

from models.taxonomy import CRISIS_LABELS, DEFAULT_THRESHOLD, LABELS
from service.errors import PolicyError

log = logging.getLogger(__name__)

DEFAULT_COMMUNITY = "default"
COMMUNITY_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
#: Labels about the author's own wellbeing: the only ones a policy may route to ``refer``.
AUTHOR_LABELS: tuple[str, ...] = (*CRISIS_LABELS, "distress")


class Decision(StrEnum):
    ALLOW = "allow"
    REVIEW = "review"
    BLOCK = "block"
    REFER = "refer"


#: Strength of each decision when several rules fire; the strongest wins.
_RANK = {Decision.ALLOW: 0, Decision.REVIEW: 1, Decision.BLOCK: 2, Decision.REFER: 3}


def _threshold(value: Any) -> float | str | None:
    if value is None or value == "model":
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        # A ValueError, not a TypeError: pydantic turns only ValueErrors into field errors.
        raise ValueError("must be a number between 0 and 1, or 'model'")  # noqa: TRY004
    if not 0 <= value <= 1:
        raise ValueError(f"must be between 0 and 1 (got {value}), or 'model'")
    return float(value)


#: A threshold in a policy: a score in [0, 1], or ``model`` for the model's own calibrated one
#: (its label threshold for ``review`` and ``refer``, its block operating point for ``block``), so
#: thresholds chosen by ``haven eval calibrate`` on validation data drive routing directly.
Threshold = Annotated[float | str, BeforeValidator(_threshold)]


class LabelRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refer: Threshold | None = None
    block: Threshold | None = None
    review: Threshold | None = None
    #: Threshold for listing the label in ``labels``; unset uses the model's calibrated one.
    flag: float | None = Field(None, ge=0, le=1)


class PolicyFile(BaseModel):
    """The YAML schema of a policy file (see service/policies/default.yaml)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    version: str = Field(min_length=1, max_length=100)
    description: str = ""
    #: When inference fails: False (default) holds posts for review; True publishes them.
    fail_open: bool = False
    #: Keep blocked posts in the review queue so a moderator can confirm or overturn the block.
    queue_blocked: bool = True
    #: Posts in a language no model was trained and measured on (docs/languages.md): ``review``
    #: holds them for a moderator (the scores may be meaningless); ``allow_flagged`` lets the
    #: scores decide and adds reason ``unsupported_language`` (the response always carries
    #: ``language_supported: false``). Under ``review`` such a post is never blocked either (held
    #: with reason ``block_not_calibrated``): no block point was measured in its language.
    #: Crisis referral applies either way.
    unsupported_language: Literal["review", "allow_flagged"] = "review"
    rules: dict[str, LabelRule] = Field(default_factory=dict)

    @field_validator("version", mode="before")
    @classmethod
    def _version_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value


def _rule_problems(spec: PolicyFile) -> list[dict[str, str]]:
    """Checks that span fields, each reported at the exact field path (``rules.hate.review``)."""
    problems: list[dict[str, str]] = []
    for label, rule in spec.rules.items():
        where = f"rules.{label}"
        if label not in LABELS:
            problems.append({"field": where, "message":
                             f"unknown label {label!r}; valid labels: {', '.join(LABELS)}"})
            continue
        if label in CRISIS_LABELS and rule.block is not None:
            problems.append({"field": f"{where}.block", "message":
                             "a crisis label cannot block (a post showing crisis must never be "
                             "silently discarded); use refer"})
        if rule.refer is not None and label not in AUTHOR_LABELS:
            problems.append({"field": f"{where}.refer", "message":
                             f"refer is only for labels about the author "
                             f"({', '.join(AUTHOR_LABELS)})"})
        if (isinstance(rule.review, float) and isinstance(rule.block, float)
                and rule.review > rule.block):
            problems.append({"field": f"{where}.review", "message":
                             f"must not exceed {where}.block ({rule.block})"})
    return problems


@dataclass(frozen=True)
class Reason:
    code: str
    message: str
    label: str | None = None
    score: float | None = None
    threshold: float | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.label is not None:
            out.update(label=self.label, score=self.score, threshold=self.threshold)
        return out


@dataclass(frozen=True)
class Verdict:
    decision: Decision
    labels: list[str]
    reasons: list[Reason] = field(default_factory=list)


@dataclass(frozen=True)
class Policy:
    community: str
    spec: PolicyFile
    path: Path | None = None

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def version(self) -> str:
        return self.spec.version

    def decide(self, scores: Mapping[str, float], model_thresholds: Mapping[str, float],
               model_block_thresholds: Mapping[str, float] | None = None,
               unblockable: frozenset[str] = frozenset()) -> Verdict:
        """Route one post: every firing rule becomes a reason; the strongest decision wins.

        ``model`` thresholds resolve to ``model_thresholds`` (review, refer) and
        ``model_block_thresholds`` (block). A ``block: model`` rule on a model with no calibrated
        block point never blocks: the post falls through to review, because blocking silences a
        member and must rest on a measured operating point. For the same reason a label in
        ``unblockable`` (the model that scored this post has no measured block point for it in
        the post's language) never blocks either, whatever the rule's number.
        """
        decision = Decision.ALLOW
        reasons: list[Reason] = []
        triggered: set[str] = set()
        for label in LABELS:
            rule = self.spec.rules.get(label)
            if rule is None:
                continue
            score = float(scores[label])
            for action, setting in (
                (Decision.REFER, rule.refer),
                (Decision.BLOCK, rule.block),
                (Decision.REVIEW, rule.review),
            ):
                threshold = _resolve(setting, action, label, model_thresholds,
                                     model_block_thresholds or {})
                if (action is Decision.BLOCK and label in unblockable and threshold is not None
                        and score >= threshold):
                    # Held, never published: a rule with a block and no review number would
                    # otherwise let the post through.
                    reasons.append(Reason("block_not_calibrated", _BLOCK_NOT_CALIBRATED
                                          .format(label=label, score=score), label=label,
                                          score=round(score, 6), threshold=threshold))
                    triggered.add(label)
                    if _RANK[Decision.REVIEW] > _RANK[decision]:
                        decision = Decision.REVIEW
                    break
                if threshold is not None and score >= threshold:
                    reasons.append(_reason(action, label, score, threshold))
                    triggered.add(label)
                    if _RANK[action] > _RANK[decision]:
                        decision = action
                    break  # one action per label: the strongest that fires
        labels = [
            label
            for label in LABELS
            if label in triggered or scores[label] >= self.flag_threshold(label, model_thresholds)
        ]
        if decision is Decision.REFER and any(r.code == "block_threshold" for r in reasons):
            reasons.append(
                Reason(
                    "crisis_overrides_block",
                    "A crisis signal overrides blocking: the post is held for a moderator and the "
                    "author is offered support, never silently discarded.",
                )
            )
        return Verdict(decision=decision, labels=labels, reasons=reasons)

    def flag_threshold(self, label: str, model_thresholds: Mapping[str, float]) -> float:
        """The score at which ``label`` is listed in ``labels``: the rule's ``flag``, else the
        model's threshold."""
        rule = self.spec.rules.get(label)
        if rule is not None and rule.flag is not None:
            return rule.flag
        return float(model_thresholds.get(label, DEFAULT_THRESHOLD))


def _resolve(setting: float | str | None, action: Decision, label: str,
             model_thresholds: Mapping[str, float],
             model_block_thresholds: Mapping[str, float]) -> float | None:
    if setting != "model":
        return setting  # type: ignore[return-value]
    if action is Decision.BLOCK:
        return model_block_thresholds.get(label)
    return float(model_thresholds.get(label, DEFAULT_THRESHOLD))


_BLOCK_NOT_CALIBRATED = (
    "{label} score {score:.2f} is at or over the block threshold, but no block point was "
    "measured in this post's language (the per-language model did not reach 90 % precision on "
    "its data, or no model was measured on the language at all): held for a moderator instead "
    "of blocked")

_REASON_TEXT = {
    Decision.REFER: ("crisis_signal", ("{label} score {score:.2f} is at or over the referral "
                                       "threshold {threshold:.2f}: the author may be at risk")),
    Decision.BLOCK: ("block_threshold", ("{label} score {score:.2f} is at or over the block "
                                         "threshold {threshold:.2f}")),
    Decision.REVIEW: ("review_threshold", ("{label} score {score:.2f} is at or over the review "
                                           "threshold {threshold:.2f}")),
}


def _reason(action: Decision, label: str, score: float, threshold: float) -> Reason:
    code, template = _REASON_TEXT[action]
    return Reason(
        code=code,
        message=template.format(label=label, score=score, threshold=threshold),
        label=label,
        score=round(score, 6),
        threshold=threshold,
    )


def parse_policy(data: Any, *, source: str, community: str, path: Path | None = None) -> Policy:
    """Validate a parsed YAML document; errors name the source and the field path."""
    if not isinstance(data, dict):
        raise PolicyError(f"{source}: a policy must be a YAML mapping", details={"file": source})
    try:
        spec = PolicyFile.model_validate(data)
        problems = _rule_problems(spec)
    except ValidationError as exc:
        problems = [
            {
                "field": ".".join(str(p) for p in err["loc"]) or "(root)",
                "message": err["msg"].removeprefix("Value error, "),
            }
            for err in exc.errors()
        ]
    if problems:
        summary = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
        raise PolicyError(f"{source}: {summary}", details={"file": source, "errors": problems})
    return Policy(community=community, spec=spec, path=path)


def load_policy_file(path: Path) -> Policy:
    community = path.stem
    if not COMMUNITY_ID_RE.match(community):
        raise PolicyError(f"{path}: file name must be a community id ([A-Za-z0-9._-])")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PolicyError(f"{path}: cannot read YAML: {exc}", details={"file": str(path)})
    return parse_policy(data, source=str(path), community=community, path=path)


def load_policy_dir(directory: Path) -> dict[str, Policy]:
    """Load and validate every ``*.yaml`` in ``directory``; ``default.yaml`` is required."""
    if not directory.is_dir():
        raise PolicyError(f"{directory}: policy directory does not exist")
    policies: dict[str, Policy] = {}
    errors: list[str] = []
    for path in sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")]):
        try:
            policy = load_policy_file(path)
        except PolicyError as exc:
            errors.append(exc.message)
            continue
        if policy.community in policies:
            errors.append(f"{path}: community {policy.community!r} has two policy files")
        policies[policy.community] = policy
    if DEFAULT_COMMUNITY not in policies and not errors:
        errors.append(f"{directory}: missing {DEFAULT_COMMUNITY}.yaml (the fallback policy)")
    if errors:
        raise PolicyError("; ".join(errors), details={"errors": errors})
    return policies


def _dir_signature(directory: Path) -> tuple[tuple[str, int, int], ...]:
    try:
        files = sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
        return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    except OSError:
        return ()


class PolicyStore:
    """The loaded policies of one process; reloads atomically (all files valid, or none taken).

    Files are re-checked at most every ``reload_interval_s`` seconds when a policy is looked up,
    so edits reach every replica without a restart; ``reload()`` forces it (admin endpoint).
    """

    def __init__(self, directory: Path, *, reload_interval_s: float = 0.0) -> None:
        self.directory = directory
        self.reload_interval_s = reload_interval_s
        self._lock = threading.Lock()
        self._policies = load_policy_dir(directory)
        self._signature = _dir_signature(directory)
        self._checked_at = time.monotonic()
        self.last_error: str | None = None

    def reload(self) -> dict[str, Policy]:
        with self._lock:
            signature = _dir_signature(self.directory)
            try:
                policies = load_policy_dir(self.directory)
            except PolicyError as exc:
                self.last_error = exc.message
                raise
            self._policies, self._signature, self.last_error = policies, signature, None
            self._checked_at = time.monotonic()
            log.info("policies reloaded", extra={"policies": sorted(policies)})
            return dict(policies)

    def _maybe_reload(self) -> None:
        if self.reload_interval_s <= 0:
            return
        now = time.monotonic()
        if now - self._checked_at < self.reload_interval_s:
            return
        self._checked_at = now
        if _dir_signature(self.directory) == self._signature:
            return
        try:
            self.reload()
        except PolicyError as exc:
            # Keep serving the last valid policies: a typo must not take moderation down.
            self._signature = _dir_signature(self.directory)
            log.error("policy reload failed; keeping previous policies",
                      extra={"error": exc.message})

    def for_community(self, community: str | None) -> Policy:
        self._maybe_reload()
        policies = self._policies
        return policies.get(community or DEFAULT_COMMUNITY) or policies[DEFAULT_COMMUNITY]

    def all(self) -> dict[str, Policy]:
        self._maybe_reload()
        return dict(self._policies)
