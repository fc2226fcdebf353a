"""The scripts docs/hardcases.md reproduces its runs with must not rot: each parses as bash, calls
only `haven` subcommands that exist and Python modules that import, and names files that exist.

Running them is minutes of real work on the shared data (the closing notes record those runs);
this is the part a rename elsewhere would silently break.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from haven_cli import COMMANDS

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = [ROOT / "training" / "hardcases" / "baselines.sh", ROOT / "eval" / "candidate.sh"]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_parses_and_calls_what_exists(script: Path) -> None:
    bash = shutil.which("bash")
    assert bash, "bash is needed to check the reproduction scripts"
    subprocess.run([bash, "-n", str(script)], check=True)
    text = script.read_text(encoding="utf-8")
    subcommands = re.findall(r"\$H (\w+)", text)
    modules = re.findall(r"\$PY -m ([\w.]+)", text)
    assert subcommands and set(subcommands) <= set(COMMANDS), subcommands
    for module in modules:
        assert importlib.util.find_spec(module) is not None, module
    for path in re.findall(r"\beval/bars/[\w.]+\.json", text):
        assert (ROOT / path).is_file(), path


def test_candidate_script_refuses_missing_arguments() -> None:
    done = subprocess.run(["bash", str(ROOT / "eval" / "candidate.sh")], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "usage:" in done.stderr
