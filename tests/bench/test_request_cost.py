"""The instruction-count benchmark's driver runs the real app to completion (no valgrind here:
the counts themselves are the benchmark's business, not a test's)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("variant", ["full", "language", "storage"])
def test_the_driver_answers_every_request_with_200(tmp_path, variant):
    posts = tmp_path / "posts.json"
    posts.write_text(json.dumps(["a long and lovely day at the lake with friends", "ok thanks"]))
    (tmp_path / "db").mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "bench.request_cost", "--child", "--variant", variant,
         "--requests", "64", "--posts-file", str(posts), "--workdir", str(tmp_path / "db")],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout.strip().splitlines()[-1]) == {"requests": 64}


def test_an_unknown_ablation_is_refused(tmp_path):
    run = subprocess.run([sys.executable, "-m", "bench.request_cost", "--ablate", "everything"],
                         cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 2 and "unknown ablation" in run.stderr
