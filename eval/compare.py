"""Side-by-side comparison of two evaluations, and the regression gate for retraining.

A retrained model ships only if no *gated* number got worse by more than a tolerance. Gated:

* per label: ROC-AUC, PR-AUC and F1 at the model's own thresholds, plus ``self_harm`` recall
  (a missed crisis is the worst error, so it is gated on its own, not only through F1);
* functional suites: overall pass rate and the pass rate of every functionality;
* fairness (data and suites): per group subgroup/BPSN/BNSP AUC, their generalised means and the
  FPR on non-hateful mentions (lower is better).

Precision and recall of other labels are shown but not gated: recalibrating thresholds trades
one for the other on purpose. A gated number present in OLD but missing in NEW counts as a
regression (an evaluation that silently dropped a suite must not pass the gate); numbers new in
NEW are shown only.

Several runs of the old recipe (``others``: e.g. another training seed) make the baseline the
worst of them, number by number, and a suite case counts as broken only if every old run passed
it. Why: two seeds of the shipped recipe differed by 0.013 in public ``self_harm`` ROC-AUC and by
up to 6 suite cases in one functionality (docs/hardcases.md, "How far a second run of the
shipped recipe moves"), so a gate against one run calls a rerun of the same recipe a regression.

Per-source numbers (``by_source``: ROC-AUC and macro-F1 of every label on each dataset's slice of
the validation data) are gated only with ``by_source=True`` (``haven eval compare --by-source``),
the gate for a retraining that must not lose what the model gets right on any public dataset
(docs/hardcases.md). A slice is gated only where the label has at least ``min_support``
positives and negatives in it: on fewer, one example moves the number by more than the
tolerance, and the row is shown but not gated.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval.fairness import BIAS_METRICS
from eval.pipeline import RESULTS_SCHEMA
from eval.report import RESULTS_FILE
from models.taxonomy import CRISIS_LABELS, LABELS

DEFAULT_TOLERANCE = 0.01
_GATED_LABEL_METRICS = ("roc_auc", "pr_auc", "f1")
_SHOWN_LABEL_METRICS = ("precision", "recall", "ece")


@dataclass(frozen=True)
class Row:
    key: str
    old: float | None
    new: float | None
    higher_is_better: bool
    gated: bool

    @property
    def delta(self) -> float | None:
        return None if self.old is None or self.new is None else self.new - self.old

    def status(self, tolerance: float) -> str:
        if self.old is None:
            return "new" if self.new is not None else "n/a"
        if self.new is None:
            return "MISSING" if self.gated else "missing"
        worse = -self.delta if self.higher_is_better else self.delta
        if worse > tolerance + 1e-12:
            return "REGRESSION" if self.gated else "worse"
        if -worse > tolerance + 1e-12:
            return "better"
        return "ok"

    def failed(self, tolerance: float) -> bool:
        return self.status(tolerance) in ("REGRESSION", "MISSING")


class CompareError(ValueError):
    """Inputs are not evaluation results (usage error, exit code 2)."""


def load_results(path: str | Path) -> dict[str, Any]:
    """A results dict from ``report.json`` or from a report directory containing it."""
    path = Path(path)
    if path.is_dir():
        path = path / RESULTS_FILE
    if not path.is_file():
        raise CompareError(f"{path}: no such file (expected a {RESULTS_FILE} or its directory)")
    try:
        results = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise CompareError(f"{path}: not JSON ({error.msg})") from None
    if not isinstance(results, dict) or results.get("schema") != RESULTS_SCHEMA:
        raise CompareError(f"{path}: not a Haven evaluation result (schema {RESULTS_SCHEMA})")
    return results


def lookup(doc: Mapping[str, Any], *keys: str) -> Any:
    """``doc[k1][k2]...``, or None where a key is missing: reports of older versions lack some."""
    for key in keys:
        if not isinstance(doc, Mapping) or key not in doc:
            return None
        doc = doc[key]
    return doc


DEFAULT_MIN_SUPPORT = 30
_SOURCE_METRICS = ("roc_auc", "macro_f1")


def _source_rows(old: Mapping[str, Any], new: Mapping[str, Any],
                 min_support: int) -> Iterator[Row]:
    sources = sorted(set(lookup(old, "by_source") or {}) | set(lookup(new, "by_source") or {}))
    for source in sources:
        for label in LABELS:
            before = lookup(old, "by_source", source, "labels", label) or {}
            positives, n = before.get("support") or 0, before.get("n") or 0
            gated = min(positives, n - positives) >= min_support
            for metric in _SOURCE_METRICS:
                yield Row(f"by_source.{source}.{label}.{metric}", before.get(metric),
                          lookup(new, "by_source", source, "labels", label, metric), True, gated)


def _rows(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Row]:
    for label in LABELS:
        for metric in (*_GATED_LABEL_METRICS, *_SHOWN_LABEL_METRICS):
            gated = metric in _GATED_LABEL_METRICS or (
                metric == "recall" and label in CRISIS_LABELS
            )
            yield Row(
                f"labels.{label}.{metric}",
                lookup(old, "labels", label, metric),
                lookup(new, "labels", label, metric),
                metric != "ece",
                gated,
            )
    yield Row(
        "routing.accuracy",
        lookup(old, "routing", "accuracy"),
        lookup(new, "routing", "accuracy"),
        True,
        False,
    )
    # Shown, not gated: a lower share can come from a head that refers less of everything, so
    # it is read beside self_harm recall (gated) and the crisis suites, never alone.
    for metric in ("share_at_threshold", "share_at_refer_point"):
        yield Row(
            f"referral_burden.{metric}",
            lookup(old, "referral_burden", metric),
            lookup(new, "referral_burden", metric),
            False,
            False,
        )
    yield Row(
        "suites.pass_rate",
        lookup(old, "suites", "pass_rate"),
        lookup(new, "suites", "pass_rate"),
        True,
        True,
    )
    funcs = sorted(
        set(lookup(old, "suites", "functionalities") or {})
        | set(lookup(new, "suites", "functionalities") or {})
    )
    for func in funcs:
        yield Row(
            f"suites.{func}",
            lookup(old, "suites", "functionalities", func, "pass_rate"),
            lookup(new, "suites", "functionalities", func, "pass_rate"),
            True,
            True,
        )
    for where in ("data", "suites"):
        for metric in BIAS_METRICS:
            yield Row(
                f"fairness.{where}.gmean.{metric}",
                lookup(old, "fairness", where, "generalized_mean", metric),
                lookup(new, "fairness", where, "generalized_mean", metric),
                True,
                True,
            )
        groups = sorted(
            set(lookup(old, "fairness", where, "groups") or {})
            | set(lookup(new, "fairness", where, "groups") or {})
        )
        for group in groups:
            for metric in (*BIAS_METRICS, "fpr"):
                yield Row(
                    f"fairness.{where}.{group}.{metric}",
                    lookup(old, "fairness", where, "groups", group, metric),
                    lookup(new, "fairness", where, "groups", group, metric),
                    metric != "fpr",
                    True,
                )


def _candidate_rows(old: Mapping[str, Any], new: Mapping[str, Any], by_source: bool,
                    min_support: int) -> list[Row]:
    rows = list(_rows(old, new))
    if by_source:
        rows += _source_rows(old, new, min_support)
    return rows


def _worst_of(runs: list[list[Row]]) -> list[Row]:
    """One row per key whose old value is the worst of the old runs' (NEW is the same in all)."""
    merged: dict[str, Row] = {}
    for rows in runs:
        for row in rows:
            kept = merged.get(row.key)
            if kept is None or kept.old is None:
                merged[row.key] = row
            elif row.old is not None:
                worse = min if row.higher_is_better else max
                merged[row.key] = Row(row.key, worse(kept.old, row.old), row.new,
                                      row.higher_is_better, kept.gated)
    return list(merged.values())


def _cases_where(runs: list[Mapping[str, Any]], passed: bool) -> set[str]:
    """Suite cases every run scored ``passed`` (a case missing from a run is in no such set)."""
    sets = [{c for c, v in (lookup(r, "suites", "cases") or {}).items() if v["passed"] is passed}
            for r in runs]
    return set.intersection(*sets)


def compare(
    old: Mapping[str, Any], new: Mapping[str, Any], tolerance: float = DEFAULT_TOLERANCE,
    *, by_source: bool = False, min_support: int = DEFAULT_MIN_SUPPORT,
    others: list[Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """All compared numbers with their status, regressions, and suite cases that broke.

    ``others``: more runs of OLD's recipe; each number is then compared with the worst of them.
    """
    if tolerance < 0:
        raise CompareError("tolerance must be >= 0")
    olds = [old, *(others or [])]
    candidates = _worst_of([_candidate_rows(o, new, by_source, min_support) for o in olds])
    rows = [r for r in candidates if not (r.old is None and r.new is None)]
    new_cases = lookup(new, "suites", "cases") or {}
    passed_before, failed_before = _cases_where(olds, True), _cases_where(olds, False)
    broken = sorted(c for c, v in new_cases.items()
                    if v["passed"] is False and c in passed_before)
    fixed = sorted(c for c, v in new_cases.items() if v["passed"] is True and c in failed_before)
    warnings = []
    new_fp = lookup(new, "data", "fingerprint")
    for old_fp in dict.fromkeys(lookup(o, "data", "fingerprint") for o in olds):
        if old_fp and new_fp and old_fp != new_fp:
            warnings.append(
                "the two evaluations used different labelled data "
                f"({old_fp} vs {new_fp}); label and fairness deltas mix model and data changes"
            )
    table = [
        {
            "key": r.key,
            "old": r.old,
            "new": r.new,
            "delta": r.delta,
            "gated": r.gated,
            "status": r.status(tolerance),
        }
        for r in rows
    ]
    return {
        "tolerance": tolerance,
        "old_runs": len(olds),
        "rows": table,
        "regressions": [t["key"] for t, r in zip(table, rows, strict=True) if r.failed(tolerance)],
        "broken_cases": broken,
        "fixed_cases": fixed,
        "warnings": warnings,
    }


def format_comparison(result: Mapping[str, Any], old_name: str, new_name: str) -> str:
    """Plain-text side-by-side table for the terminal."""

    def fmt(v: float | None, signed: bool = False) -> str:
        return "      –" if v is None else (f"{v:+7.3f}" if signed else f"{v:7.3f}")

    width = max([len(r["key"]) for r in result["rows"]] + [10])
    runs = result.get("old_runs", 1)
    lines = [
        f"old: {old_name}" + (f" (the worst of {runs} runs, number by number)" if runs > 1 else ""),
        f"new: {new_name}",
        f"{'metric':<{width}}  {'old':>7}  {'new':>7}  {'delta':>7}  status",
    ]
    for r in result["rows"]:
        status = r["status"]
        if not r["gated"] and status not in ("ok", "better"):
            status += " (not gated)"
        lines.append(
            f"{r['key']:<{width}}  {fmt(r['old'])}  {fmt(r['new'])}  "
            f"{fmt(r['delta'], signed=True)}  {status}"
        )
    if result["broken_cases"]:
        lines.append(
            f"suite cases that passed before and fail now: {' '.join(result['broken_cases'])}"
        )
    if result["fixed_cases"]:
        lines.append(f"suite cases fixed: {' '.join(result['fixed_cases'])}")
    for warning in result["warnings"]:
        lines.append(f"WARNING: {warning}")
    n = len(result["regressions"])
    lines.append(
        f"{n} regression(s) beyond tolerance {result['tolerance']}"
        if n
        else f"no regression beyond tolerance {result['tolerance']}"
    )
    return "\n".join(lines)
