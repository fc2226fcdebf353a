"""The evaluation pipeline as plain functions: load data, predict, compute every number.

``evaluate(predictor, examples, suites)`` returns one JSON-ready dict (the report's source of
truth); ``eval.report.write_report`` renders it and ``eval.compare`` diffs two of them. The CLI
only parses arguments and calls these, so notebooks and CI use the same code path.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import random
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from eval.fairness import IdentityTagger, fairness_metrics
from eval.metrics import (
    binary_metrics,
    breakdown,
    count_by,
    gold_matrix,
    label_metrics,
    referral_burden,
    routing_matrix,
)
from eval.suites import SuiteCase, score_suites, suite_examples
from models.examples import Example, text_key
from models.predictor import Prediction, Predictor
from models.taxonomy import DEFAULT_THRESHOLD, LABELS, TARGETS, TAXONOMY_VERSION

RESULTS_SCHEMA = "haven-eval/1"
VALIDATION_FILE = "validation.jsonl"
#: Target-group metrics use this cut: the target head has no calibrated thresholds.
TARGET_THRESHOLD = 0.5


def validation_path(run_dir: str | Path) -> Path:
    """The validation split a training run wrote (``<run_dir>/validation.jsonl``)."""
    path = Path(run_dir) / VALIDATION_FILE
    if not path.is_file():
        raise FileNotFoundError(
            f"{run_dir}: no {VALIDATION_FILE}; is this a finished training run?"
        )
    return path


def load_examples(
    paths: Iterable[str | Path], *, max_per_source: int | None = None, seed: int = 0
) -> list[Example]:
    """Examples from labelled files (CSV/JSONL generic format), optionally capped per source.

    The cap samples uniformly with a fixed seed (same rows every run, so two models compared on
    a capped file see the same rows) and keeps file order, for quick evaluations on a laptop.
    """
    from models.labelled_io import read_labelled

    examples: list[Example] = []
    for path in paths:
        examples.extend(read_labelled(path))
    if max_per_source is None:
        return examples
    if max_per_source < 1:
        raise ValueError("max_per_source must be at least 1")
    by_source: dict[str, list[int]] = {}
    for i, ex in enumerate(examples):
        by_source.setdefault(ex.source, []).append(i)
    rng = random.Random(seed)
    keep: set[int] = set()
    for source in sorted(by_source):
        rows = by_source[source]
        keep.update(rows if len(rows) <= max_per_source else rng.sample(rows, max_per_source))
    return [ex for i, ex in enumerate(examples) if i in keep]


def fingerprint(texts: Iterable[str]) -> str:
    """Order-insensitive hash of the evaluated texts: tells ``compare`` whether data matched."""
    digest = hashlib.sha1()
    for key in sorted(text_key(t) for t in texts):
        digest.update(key.encode("ascii"))
    return digest.hexdigest()[:16]


def predict(
    predictor: Predictor,
    texts: Sequence[str],
    text_pairs: Sequence[str | None] | None,
    batch_size: int,
    languages: Sequence[str | None] | None = None,
) -> Prediction:
    """Run the predictor once and check the shapes it promised. ``languages`` reach a
    predictor that routes by language (``accepts_languages``), so it does not detect them
    again."""
    pairs = (
        list(text_pairs)
        if text_pairs is not None and any(p is not None for p in text_pairs)
        else None
    )
    if languages is not None:
        prediction = predictor.predict_proba(list(texts), pairs, batch_size,
                                             languages=list(languages))
    else:
        prediction = predictor.predict_proba(list(texts), pairs, batch_size)
    if prediction.scores.shape != (len(texts), len(LABELS)):
        raise ValueError(
            f"predictor returned scores of shape {prediction.scores.shape}, "
            f"expected ({len(texts)}, {len(LABELS)})"
        )
    return prediction


def _targets_metrics(examples: Sequence[Example], prediction: Prediction) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if prediction.targets.shape != (len(examples), len(TARGETS)):
        return out
    for j, name in enumerate(TARGETS):
        y = np.array(
            [np.nan if ex.targets.get(name) is None else float(ex.targets[name]) for ex in examples]
        )
        if (~np.isnan(y)).sum() == 0:
            continue
        out[name] = binary_metrics(y, prediction.targets[:, j], TARGET_THRESHOLD, curves=False)
    return out


def _sanitize(value: Any) -> Any:
    """JSON-safe copy: numpy scalars to Python, NaN/inf to None (JSON has no NaN)."""
    if isinstance(value, Mapping):
        return {str(k): _sanitize(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_sanitize(v) for v in value]
    if isinstance(value, np.ndarray):
        return [_sanitize(v) for v in value.tolist()]
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return None if not math.isfinite(float(value)) else float(value)
    return value


def _unblockable(predictor: Predictor, languages: Sequence[str | None] | None
                 ) -> np.ndarray | None:
    """Rows x labels: where the service would hold instead of block, because the model serving
    the row's language has no measured block point (``LanguageRouter.unblockable``)."""
    method = getattr(predictor, "unblockable", None)
    if method is None or languages is None:
        return None
    mask = np.zeros((len(languages), len(LABELS)), bool)
    for i, language in enumerate(languages):
        for label in method(language):
            mask[i, LABELS.index(label)] = True
    return mask


def evaluate(
    predictor: Predictor,
    examples: Sequence[Example] = (),
    suites: Sequence[SuiteCase] = (),
    *,
    block_thresholds: Mapping[str, float] | None = None,
    batch_size: int = 32,
    tagger: IdentityTagger | None = None,
    data_description: str = "",
    model_path: str | None = None,
) -> dict[str, Any]:
    """Every number of a Haven evaluation, as one JSON-ready dict.

    ``examples`` give per-label metrics, routing, calibration, per-source/language breakdowns and
    data fairness; ``suites`` give functional pass rates and suite fairness. Either may be empty.
    Thresholds are the predictor's own (``predictor.thresholds``): we evaluate what ships.
    ``block_thresholds`` are the calibrated block operating points (``thresholds.json``).
    """
    if not examples and not suites:
        raise ValueError("nothing to evaluate: give labelled examples, suites, or both")
    tagger = tagger or IdentityTagger.from_yaml()
    thresholds = {n: float(predictor.thresholds.get(n, DEFAULT_THRESHOLD)) for n in LABELS}
    results: dict[str, Any] = {
        "schema": RESULTS_SCHEMA,
        "created": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "taxonomy_version": TAXONOMY_VERSION,
        "model": {
            "name": getattr(predictor, "name", "unknown"),
            "version": getattr(predictor, "version", "unknown"),
            "path": model_path,
            "thresholds": thresholds,
            "block_thresholds": dict(block_thresholds or {}),
        },
    }
    if examples:
        # Languages, detected once from the text as the router itself would, serve both the
        # router (given them, it does not detect again) and the routing's unblockable labels.
        routes = getattr(predictor, "accepts_languages", False)
        languages = None
        if routes or hasattr(predictor, "unblockable"):
            from models.language import detect_language

            languages = [detect_language(e.text).language for e in examples]
        prediction = predict(
            predictor, [e.text for e in examples], [e.text_pair for e in examples], batch_size,
            languages if routes else None,
        )
        y = gold_matrix(examples)
        scores = prediction.scores.astype(np.float64)
        results["data"] = {
            "description": data_description,
            "n": len(examples),
            "fingerprint": fingerprint(e.text for e in examples),
            "sources": count_by(e.source for e in examples),
            "languages": count_by(e.language for e in examples),
        }
        results["labels"] = label_metrics(y, scores, thresholds)
        results["targets"] = _targets_metrics(examples, prediction)
        results["routing"] = routing_matrix(y, scores, thresholds, block_thresholds,
                                            _unblockable(predictor, languages))
        sources = [e.source for e in examples]
        results["referral_burden"] = referral_burden(sources, y, scores, thresholds["self_harm"])
        results["by_source"] = breakdown(sources, y, scores, thresholds)
        results["by_language"] = breakdown([e.language for e in examples], y, scores, thresholds)
        hate = LABELS.index("hate")
        results.setdefault("fairness", {})["data"] = fairness_metrics(
            [e.text for e in examples], y[:, hate], scores[:, hate], thresholds["hate"], tagger
        )
    if suites:
        prediction = predict(
            predictor, [c.text for c in suites], [c.reply_to_text for c in suites], batch_size
        )
        results["suites"] = score_suites(suites, prediction.scores.astype(np.float64), thresholds)
        results["suites"]["files"] = sorted({c.suite for c in suites})
        replies = [c for c in suites if c.reply_to_text]
        if replies:
            results["suites"]["without_parent"] = _without_parent(
                predictor, replies, results["suites"], thresholds, batch_size)
        suite_y = gold_matrix(suite_examples(suites))
        hate = LABELS.index("hate")
        results.setdefault("fairness", {})["suites"] = fairness_metrics(
            [c.text for c in suites],
            suite_y[:, hate],
            prediction.scores[:, hate].astype(np.float64),
            thresholds["hate"],
            tagger,
        )
    return _sanitize(results)


def _without_parent(predictor: Any, replies: Sequence[SuiteCase], scored: Mapping[str, Any],
                    thresholds: Mapping[str, float], batch_size: int) -> dict[str, Any]:
    """The reply cases scored again as single texts, their parent post dropped.

    Says what the parent buys: a reply agreeing with a hateful post ("so true, every word") is
    only hate in context, and a counter-speech reply should stay clean either way. Reported per
    functionality beside the pass rate of the same cases with the parent.
    """
    alone = predict(predictor, [c.text for c in replies], [None] * len(replies), batch_size)
    result = score_suites(replies, alone.scores.astype(np.float64), thresholds)
    with_parent = scored["cases"]
    functionalities = {}
    for name, v in result["functionalities"].items():
        ids = [c.case_id for c in replies if c.functionality == name]
        functionalities[name] = {
            "suite": v["suite"], "n": v["n"],
            "pass_rate_without_parent": v["pass_rate"],
            "pass_rate_with_parent": sum(with_parent[i]["passed"] for i in ids) / len(ids),
        }
    n = len(replies)
    return {
        "n": n,
        "pass_rate_without_parent": result["passed"] / n,
        "pass_rate_with_parent": sum(with_parent[c.case_id]["passed"] for c in replies) / n,
        "functionalities": functionalities,
    }
