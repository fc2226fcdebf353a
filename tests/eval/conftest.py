"""Make the eval tests' stub module importable (pytest's importlib mode does not add test dirs)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
