"""Unintended identity bias on the ``hate`` label: the Jigsaw subgroup AUC metrics.

Haven's members mention their own identities constantly; a model that learnt "mentions of gay
people -> hate" flags the very people it should protect. Following Borkan et al. (2019), "Nuanced
Metrics for Measuring Unintended Bias" (the Jigsaw Unintended Bias competition), for each identity
group g, among rows annotated for ``hate``:

* **subgroup AUC**: ROC-AUC on rows mentioning g only. Low = the model cannot tell hate from
  non-hate when g is mentioned.
* **BPSN AUC** (background positive, subgroup negative): non-hateful rows mentioning g vs hateful
  rows not mentioning it. Low = non-hateful mentions of g score like hate (false positives).
* **BNSP AUC** (background negative, subgroup positive): hateful rows mentioning g vs non-hateful
  rows not mentioning it. Low = hate against g scores like innocuous text (misses).

Each is summarised across groups by the generalised mean with p = -5, which is pulled towards the
worst group (a model is as fair as its most-harmed group), and the Jigsaw final score averages
overall AUC with the three means. We also report the false-positive rate at the model's ``hate``
threshold on non-hateful mentions of each group: the number a moderator feels.

Which rows mention which group is decided by the lexicon ``eval/identity_terms.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from eval.metrics import roc_auc_or_none
from models.taxonomy import TARGETS

DEFAULT_IDENTITY_TERMS = Path(__file__).with_name("identity_terms.yaml")
#: Power of the generalised mean; -5 is the value the Jigsaw competition used.
POWER = -5.0
#: Weight of overall AUC (and of each of the three bias means) in the Jigsaw final score.
FINAL_WEIGHT = 0.25
BIAS_METRICS: tuple[str, ...] = ("subgroup_auc", "bpsn_auc", "bnsp_auc")


class IdentityTagger:
    """Finds identity-group mentions with whole-word, case-insensitive term matching."""

    def __init__(self, terms: Mapping[str, Sequence[str]]) -> None:
        unknown = set(terms) - set(TARGETS)
        if unknown:
            raise ValueError(f"identity terms for unknown groups: {sorted(unknown)}")
        self.groups: tuple[str, ...] = tuple(g for g in TARGETS if terms.get(g))
        self._patterns: dict[str, re.Pattern[str]] = {}
        for group in self.groups:
            # Longest first so "native american" wins over a shorter overlapping term.
            alternatives = sorted(
                {t.strip().lower() for t in terms[group] if t.strip()}, key=len, reverse=True
            )
            body = "|".join(re.escape(t) for t in alternatives)
            self._patterns[group] = re.compile(rf"(?<!\w)(?:{body})(?:s|es)?(?!\w)", re.IGNORECASE)

    @classmethod
    def from_yaml(cls, path: str | Path = DEFAULT_IDENTITY_TERMS) -> IdentityTagger:
        with open(path, encoding="utf-8") as fh:
            return cls(yaml.safe_load(fh) or {})

    def tag(self, text: str) -> set[str]:
        """Groups ``text`` mentions."""
        return {g for g in self.groups if self._patterns[g].search(text)}

    def matrix(self, texts: Sequence[str]) -> np.ndarray:
        """``(n, len(self.groups))`` boolean mention matrix."""
        out = np.zeros((len(texts), len(self.groups)), dtype=bool)
        for i, text in enumerate(texts):
            for k, group in enumerate(self.groups):
                out[i, k] = bool(self._patterns[group].search(text))
        return out


def bias_aucs(y: np.ndarray, s: np.ndarray, in_group: np.ndarray) -> dict[str, float | None]:
    """Subgroup, BPSN and BNSP AUC for one group (``None`` when a needed class is absent)."""
    y = np.asarray(y, dtype=int)
    s = np.asarray(s, dtype=np.float64)
    in_group = np.asarray(in_group, dtype=bool)
    bpsn = (in_group & (y == 0)) | (~in_group & (y == 1))
    bnsp = (in_group & (y == 1)) | (~in_group & (y == 0))
    return {
        "subgroup_auc": roc_auc_or_none(y[in_group], s[in_group]),
        "bpsn_auc": roc_auc_or_none(y[bpsn], s[bpsn]),
        "bnsp_auc": roc_auc_or_none(y[bnsp], s[bnsp]),
    }


def generalized_mean(values: Sequence[float], p: float = POWER) -> float | None:
    """``(mean(v ** p)) ** (1 / p)``; 0 if any value is 0 (the limit for p < 0); None if empty."""
    arr = np.asarray([v for v in values if v is not None], dtype=np.float64)
    if arr.size == 0:
        return None
    if p < 0 and np.any(arr == 0):
        return 0.0
    return float(np.mean(arr**p) ** (1.0 / p))


def fairness_metrics(
    texts: Sequence[str],
    y_hate: np.ndarray,
    hate_scores: np.ndarray,
    threshold: float,
    tagger: IdentityTagger,
) -> dict[str, Any]:
    """Per-group bias AUCs and FPR for the ``hate`` label, plus their generalised means.

    Rows whose ``hate`` label is ``NaN`` (not annotated) are dropped first.
    """
    y_all = np.asarray(y_hate, dtype=np.float64)
    keep = ~np.isnan(y_all)
    y = y_all[keep].astype(int)
    s = np.asarray(hate_scores, dtype=np.float64)[keep]
    kept_texts = [t for t, k in zip(texts, keep, strict=True) if k]
    mentions = tagger.matrix(kept_texts)
    groups: dict[str, dict[str, Any]] = {}
    for k, group in enumerate(tagger.groups):
        in_group = mentions[:, k]
        negatives = in_group & (y == 0)
        n_neg = int(negatives.sum())
        groups[group] = {
            "n": int(in_group.sum()),
            "positives": int((in_group & (y == 1)).sum()),
            "negatives": n_neg,
            **bias_aucs(y, s, in_group),
            "fpr": float(np.mean(s[negatives] >= threshold)) if n_neg else None,
        }
    means = {
        m: generalized_mean([g[m] for g in groups.values() if g[m] is not None])
        for m in BIAS_METRICS
    }
    overall = roc_auc_or_none(y, s)
    final = (
        FINAL_WEIGHT * overall + sum(FINAL_WEIGHT * v for v in means.values())
        if overall is not None and all(v is not None for v in means.values())
        else None
    )
    return {
        "label": "hate",
        "threshold": float(threshold),
        "n": int(y.size),
        "power": POWER,
        "overall_auc": overall,
        "generalized_mean": means,
        "final_score": final,
        "groups": groups,
        "groups_without_auc": sorted(
            g for g, v in groups.items() if any(v[m] is None for m in BIAS_METRICS)
        ),
    }
