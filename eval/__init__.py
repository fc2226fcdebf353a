"""Haven's evaluation tools: metrics, calibrated thresholds, functional suites, fairness, reports.

Python entry points (the ``haven eval`` CLI is a thin layer over them)::

    from eval import evaluate, write_report
    results = evaluate(predictor, examples, load_suites(default_suites()))
    write_report(results, "reports/latest")
"""

from __future__ import annotations

from eval.pipeline import evaluate, load_examples
from eval.report import write_report
from eval.suites import default_suites, load_suites

__all__ = ["default_suites", "evaluate", "load_examples", "load_suites", "write_report"]
