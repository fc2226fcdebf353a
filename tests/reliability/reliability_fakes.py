"""Predictor factories for the ``HAVEN_PREDICTOR`` testing hook of the multi-process tests.

``slow_predictor`` makes every batch take 0.2 s, so a process killed under load is killed with
requests in the middle of being scored or stored, not between them.
"""

from __future__ import annotations

from service_fakes import SlowPredictor


def slow_predictor() -> SlowPredictor:
    return SlowPredictor(0.2)
