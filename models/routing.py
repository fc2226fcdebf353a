"""Send each post to the model that serves its language; one Predictor to the caller.

``LanguageRouter(default, {"ar": multilingual})`` scores Arabic posts with the multilingual
model and everything else with the default model, returning one :class:`Prediction` in the
caller's order. The caller passes ``languages`` (the service has already detected them, with the
platform's declared language as fallback); without it the router detects them itself.

Score alignment: each model chose its own per-label thresholds (best F1 on its own data), but
the service applies one set, the router's ``thresholds`` (the default model's), and policies are
written against those. So a per-language model's probabilities are shifted in log-odds so that
its threshold lands exactly on the default model's: ``logit(p') = logit(p) + logit(t_default)
- logit(t_own)``. The shift is monotone, so ranking (ROC-AUC, PR-AUC) is unchanged and a post
is flagged by the router exactly when its own model would have flagged it.

The default model also has block points (hate, harassment: 90 % precision). One shift cannot
put two of a model's points on two of the default's, and the default's block point reached
through the review shift blocked Arabic hate at 53 % precision. So where a per-language model
has its own block point for the post's language (chosen on that language's dev rows), the map
is piecewise linear in log-odds: review point onto review point, block point onto block point,
a shift below and above. Where the target was not reachable there, the review shift stays and
:meth:`LanguageRouter.unblockable` names the label, so the service's policy holds such a post for
review and never blocks it, whatever the community's block number. Both maps are monotone, so
rankings are unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from models.predictor import Prediction, Predictor
from models.taxonomy import DEFAULT_THRESHOLD, LABELS, TARGETS

log = logging.getLogger(__name__)

_EPS = 1e-6


def _logit(p: np.ndarray | float) -> np.ndarray:
    q = np.clip(np.asarray(p, dtype=np.float64), _EPS, 1 - _EPS)
    return np.log(q) - np.log1p(-q)


def align_scores(scores: np.ndarray, own: Mapping[str, float],
                 target: Mapping[str, float]) -> np.ndarray:
    """Shift each label's scores so that ``own[label]`` maps onto ``target[label]``."""
    shift = np.array([_logit(target.get(n, DEFAULT_THRESHOLD)) - _logit(own.get(n, DEFAULT_THRESHOLD))
                      for n in LABELS])
    if not np.any(shift):
        return np.asarray(scores, np.float32)
    z = _logit(scores) + shift
    return (1.0 / (1.0 + np.exp(-z))).astype(np.float32)


def align_block(scores: np.ndarray, review_own: float, block_own: float | None,
                review_target: float, block_target: float) -> np.ndarray:
    """One label's scores mapped so that the own review and block points land on the target's
    (see the module docstring); ``block_own`` None keeps the review shift."""
    z = _logit(scores)
    r_own, r_t, b_t = _logit(review_own), _logit(review_target), _logit(block_target)
    if block_own is None:  # no measured block point: the service never blocks (unblockable)
        return (1.0 / (1.0 + np.exp(-(z + r_t - r_own)))).astype(np.float32)
    b_own = _logit(block_own)
    if b_own <= r_own or b_t <= r_t:  # degenerate points: keep the review shift
        return (1.0 / (1.0 + np.exp(-(z + r_t - r_own)))).astype(np.float32)
    slope = (b_t - r_t) / (b_own - r_own)
    mapped = np.where(z <= r_own, z + r_t - r_own,
                      np.where(z >= b_own, z + b_t - b_own, r_t + (z - r_own) * slope))
    return (1.0 / (1.0 + np.exp(-mapped))).astype(np.float32)


class LanguageRouter:
    """A :class:`~models.predictor.Predictor` that dispatches posts by language tag.

    Tags match exactly (``ar`` serves ``ar`` but not ``ar-Latn``): a model serves only what it
    was measured on. Unmatched, missing or ``und`` languages go to ``default``.
    """

    #: Lets callers (the service's inference engine) know they may pass ``languages=``.
    accepts_languages = True

    def __init__(self, default: Predictor, per_language: Mapping[str, Predictor] | None = None
                 ) -> None:
        self.default = default
        self.per_language: dict[str, Predictor] = dict(per_language or {})
        self.thresholds: dict[str, float] = dict(default.thresholds)
        # Scores of the other models are aligned to the default's thresholds, so its block
        # operating points apply to them too.
        self.block_thresholds: dict[str, float] = dict(getattr(default, "block_thresholds", {}))
        # Asked for every post the service decides on: fixed by the models, so computed once.
        self._unblockable: dict[str, frozenset[str]] = {
            language: frozenset(
                label for label in self.block_thresholds
                if getattr(model, "block_thresholds", {}).get(language, {}).get(label) is None)
            for language, model in self.per_language.items() if model is not default}
        # One entry per distinct model, ordered by name; versions in the same order as names.
        models = sorted({id(m): m for m in self.per_language.values()}.values(),
                        key=lambda m: str(m.name))
        extra = [f"{m.name}[{','.join(sorted(k for k, v in self.per_language.items() if v is m))}]"
                 for m in models]
        self.name = "+".join([str(default.name), *extra])
        self.version = "+".join([str(default.version), *(str(m.version) for m in models)])

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages with a dedicated model."""
        return tuple(sorted(self.per_language))

    def model_for(self, language: str | None) -> Predictor:
        return self.per_language.get(language or "", self.default)

    def unblockable(self, language: str | None) -> frozenset[str]:
        """Labels the default model blocks on that must not block a post in ``language``: its
        model is a per-language one without a measured block point for them there (an
        artifact with no block points at all counts as unmeasured)."""
        return self._unblockable.get(language or "", frozenset())

    def predict_proba(
        self,
        texts: Sequence[str],
        text_pairs: Sequence[str | None] | None = None,
        batch_size: int = 32,
        *,
        languages: Sequence[str | None] | None = None,
    ) -> Prediction:
        n = len(texts)
        if languages is None:
            from models.language import detect_language

            languages = [detect_language(t).language for t in texts]
        if len(languages) != n or (text_pairs is not None and len(text_pairs) != n):
            raise ValueError(f"{n} texts but {len(languages)} languages"
                             + ("" if text_pairs is None else f" and {len(text_pairs)} pairs"))
        scores = np.zeros((n, len(LABELS)), np.float32)
        targets = np.zeros((n, len(TARGETS)), np.float32)
        groups: dict[int, tuple[Predictor, list[int]]] = {}
        for i, language in enumerate(languages):
            model = self.model_for(language)
            groups.setdefault(id(model), (model, []))[1].append(i)
        for model, index in groups.values():
            pairs = None if text_pairs is None else [text_pairs[i] for i in index]
            if pairs is not None and all(p is None for p in pairs):
                pairs = None
            part = model.predict_proba([texts[i] for i in index], pairs, batch_size)
            part_scores = np.asarray(part.scores, np.float32)
            if model is not self.default:
                part_scores = self._align(model, part_scores, [languages[i] for i in index])
            scores[index] = part_scores
            targets[index] = np.asarray(part.targets, np.float32)
        return Prediction(scores=scores, targets=targets)

    def _align(self, model: Predictor, scores: np.ndarray,
               languages: Sequence[str | None]) -> np.ndarray:
        """``model``'s scores on the default's scale: the review shift for every label, and the
        piecewise map for a label the default blocks on where ``model`` has a block point for
        the post's language."""
        out = align_scores(scores, model.thresholds, self.thresholds)
        blocks: Mapping[str, Mapping[str, float | None]] = getattr(model, "block_thresholds", {})
        if not blocks or not self.block_thresholds:
            return out
        langs = np.array([language or "" for language in languages])
        for language, points in blocks.items():
            rows = langs == language
            if not rows.any():
                continue
            for label, block_target in self.block_thresholds.items():
                if label not in points:
                    continue
                j = LABELS.index(label)
                out[rows, j] = align_block(scores[rows, j], model.thresholds[label],
                                           points[label], self.thresholds[label], block_target)
        return out


def with_language_models(default: Predictor,
                         multilingual_dirs: str | Path | Sequence[str | Path] | None = None, *,
                         warm_up: bool = True) -> Predictor:
    """``default`` wrapped in a router with the per-language models, or ``default`` unchanged
    when they or their encoder package are unavailable (logged): a missing optional model must
    not take moderation down, and the default model was trained on every language too.

    ``multilingual_dirs``: one directory, several (a sequence or comma-separated; a language
    goes to the first that serves it), or ``None`` for the shipped ones
    (``models.multilingual.MULTILINGUAL_MODEL_DIRS``). ``warm_up`` encodes one text per model
    so the encoder's weights load now (in the caller's loader thread), not during the first
    request in one of its languages.
    """
    from models.artifact import ArtifactError
    from models.multilingual import load_language_models

    try:
        served = load_language_models(multilingual_dirs)
        if warm_up:
            for model in {id(m): m for m in served.values()}.values():
                model.predict_proba(["warm up"])
    except (ArtifactError, OSError, ValueError) as exc:
        log.warning("per-language model unavailable; scoring every post with the default model",
                    extra={"error_type": type(exc).__name__, "error": str(exc)})
        return default
    return LanguageRouter(default, served)
