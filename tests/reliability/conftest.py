"""Fixtures of the reliability tests; the shared tools live in ``haven_testkit``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from haven_testkit import _isolated_env, make_haven, pg_database  # noqa: E402, F401
