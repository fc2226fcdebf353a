"""Fixtures of the security tests; the shared tools live in ``tests/reliability/haven_testkit``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))

from haven_testkit import _isolated_env, make_haven, pg_database  # noqa: E402, F401
