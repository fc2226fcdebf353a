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
        extra = sorted({f"{m.name}[{','.join(sorted(k for k, v in self.per_language.items() if v is m))}]"
                        for m in self.per_language.values()})
        self.name = "+".join([str(default.name), *extra])
        self.version = "+".join([str(default.version),
                                 *sorted({str(m.version) for m in self.per_language.values()})])

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages with a dedicated model."""
        return tuple(sorted(self.per_language))

    def model_for(self, language: str | None) -> Predictor:
        return self.per_language.get(language or "", self.default)

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
                part_scores = align_scores(part_scores, model.thresholds, self.thresholds)
            scores[index] = part_scores
            targets[index] = np.asarray(part.targets, np.float32)
        return Prediction(scores=scores, targets=targets)


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
