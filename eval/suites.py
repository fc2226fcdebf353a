"""Functional test suites: hand-written cases that say what the model must and must not flag.

Aggregate metrics hide the failures that hurt a peer-support community most (flagging a member who
reports a slur, sending "this exam is killing me" to a crisis line). A suite is a CSV of cases, each
with a *functionality* (the behaviour it probes) and the labels that must (``expected``) and must
not (``forbidden``) be at or over threshold; results are pass rates per functionality, in the
spirit of CheckList (Ribeiro et al., 2020) and HateCheck (Röttger et al., 2021).
Format and functionalities: ``eval/suites/README.md``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from models.examples import Example
from models.taxonomy import DEFAULT_THRESHOLD, LABELS

SUITES_DIR = Path(__file__).with_name("suites")
REQUIRED_COLUMNS: tuple[str, ...] = ("case_id", "functionality", "text", "expected", "forbidden")
OPTIONAL_COLUMNS: tuple[str, ...] = ("reply_to_text", "language")


class SuiteError(ValueError):
    """A malformed suite file; the message names the file and row."""


@dataclass(frozen=True)
class SuiteCase:
    case_id: str
    functionality: str
    text: str
    expected: tuple[str, ...]
    forbidden: tuple[str, ...]
    suite: str
    reply_to_text: str | None = None
    language: str = "en"


def default_suites() -> list[Path]:
    """Haven's own suites, shipped in ``eval/suites/``."""
    return sorted(SUITES_DIR.glob("*.csv"))


def _label_list(cell: str | None, where: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in (cell or "").split(";") if n.strip())
    for name in names:
        if name not in LABELS:
            raise SuiteError(f"{where}: unknown label {name!r}; valid labels: {', '.join(LABELS)}")
    return names


def load_suite(path: str | Path) -> list[SuiteCase]:
    """Parse and validate one suite CSV (UTF-8, header row, ``;``-separated label lists)."""
    path = Path(path)
    cases: list[SuiteCase] = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise SuiteError(f"{path}: missing columns {missing}")
        seen: set[str] = set()
        for line, row in enumerate(reader, start=2):
            where = f"{path.name}:{line}"
            case_id = (row["case_id"] or "").strip()
            text = (row["text"] or "").strip()
            functionality = (row["functionality"] or "").strip()
            if not case_id or not text or not functionality:
                raise SuiteError(f"{where}: case_id, functionality and text are required")
            if case_id in seen:
                raise SuiteError(f"{where}: duplicate case_id {case_id!r}")
            seen.add(case_id)
            expected = _label_list(row["expected"], where)
            forbidden = _label_list(row["forbidden"], where)
            if not expected and not forbidden:
                # A case that constrains nothing always passes and would inflate pass rates.
                raise SuiteError(f"{where}: a case needs at least one expected or forbidden label")
            if set(expected) & set(forbidden):
                raise SuiteError(f"{where}: a label cannot be both expected and forbidden")
            reply_to = (row.get("reply_to_text") or "").strip() or None
            cases.append(
                SuiteCase(
                    case_id=case_id,
                    functionality=functionality,
                    text=text,
                    expected=expected,
                    forbidden=forbidden,
                    suite=path.stem,
                    reply_to_text=reply_to,
                    language=(row.get("language") or "").strip() or "en",
                )
            )
    return cases


def load_suites(paths: Iterable[str | Path]) -> list[SuiteCase]:
    """Several suites; case ids must be unique across them so results can key on them."""
    cases: list[SuiteCase] = []
    seen: dict[str, str] = {}
    for path in paths:
        for case in load_suite(path):
            if case.case_id in seen:
                raise SuiteError(
                    f"case_id {case.case_id!r} is in both {seen[case.case_id]} and {case.suite}"
                )
            seen[case.case_id] = case.suite
            cases.append(case)
    return cases


def suite_examples(cases: Sequence[SuiteCase]) -> list[Example]:
    """Cases as labelled examples (expected -> 1, forbidden -> 0, others not annotated).

    Lets the fairness metrics run over the suites' identity cases like over any labelled data.
    """
    return [
        Example(
            text=c.text,
            source=f"suite:{c.suite}",
            language=c.language,
            labels={**{n: 1 for n in c.expected}, **{n: 0 for n in c.forbidden}},
            text_pair=c.reply_to_text,
            functionality=c.functionality,
            group=c.case_id,
        )
        for c in cases
    ]


def score_suites(
    cases: Sequence[SuiteCase], scores: np.ndarray, thresholds: Mapping[str, float]
) -> dict[str, Any]:
    """Pass/fail per case and pass rates per functionality and per suite.

    A case passes iff every expected label is at or over its threshold and no forbidden label is.
    Per functionality we also count *misses* (an expected label not flagged) and *false flags* (a
    forbidden label flagged) per label, which says which way the model fails.
    """
    if scores.shape != (len(cases), len(LABELS)):
        raise ValueError(f"scores shape {scores.shape} does not match {len(cases)} cases")
    thr = np.array([thresholds.get(n, DEFAULT_THRESHOLD) for n in LABELS])
    flagged = scores >= thr
    case_results: dict[str, dict[str, Any]] = {}
    functionalities: dict[str, dict[str, Any]] = {}
    suites: dict[str, dict[str, Any]] = {}
    for case, row in zip(cases, flagged, strict=True):
        flags = {n for n, f in zip(LABELS, row, strict=True) if f}
        missed = [n for n in case.expected if n not in flags]
        false_flags = [n for n in case.forbidden if n in flags]
        passed = not missed and not false_flags
        case_results[case.case_id] = {"passed": passed, "flagged": sorted(flags, key=LABELS.index)}
        func = functionalities.setdefault(
            case.functionality,
            {
                "suite": case.suite,
                "n": 0,
                "passed": 0,
                "failed": [],
                "misses": {},
                "false_flags": {},
            },
        )
        func["n"] += 1
        func["passed"] += int(passed)
        if not passed:
            func["failed"].append(case.case_id)
        for n in missed:
            func["misses"][n] = func["misses"].get(n, 0) + 1
        for n in false_flags:
            func["false_flags"][n] = func["false_flags"].get(n, 0) + 1
        suite = suites.setdefault(case.suite, {"n": 0, "passed": 0})
        suite["n"] += 1
        suite["passed"] += int(passed)
    for bucket in (*functionalities.values(), *suites.values()):
        bucket["pass_rate"] = bucket["passed"] / bucket["n"]
    total = len(cases)
    passed_total = sum(r["passed"] for r in case_results.values())
    return {
        "n": total,
        "passed": passed_total,
        "pass_rate": passed_total / total if total else None,
        "thresholds": {n: float(t) for n, t in zip(LABELS, thr, strict=True)},
        "suites": dict(sorted(suites.items())),
        "functionalities": dict(sorted(functionalities.items())),
        "cases": case_results,
    }
