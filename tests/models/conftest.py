"""Fixtures for the ONNX backend tests: a private copy of the tiny trained model per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture()
def model_copy(tiny_model_dir, tmp_path) -> Path:
    """A writable copy of the tiny model, so exports and edits never leak between tests."""
    target = tmp_path / "model"
    shutil.copytree(tiny_model_dir, target, ignore=shutil.ignore_patterns("onnx"))
    return target


@pytest.fixture(scope="session")
def exported_model(tiny_model_dir, tmp_path_factory) -> Path:
    """The tiny model with its fp32 and int8 ONNX exports cached (shared, read-only use)."""
    from models.onnx_backend import export_onnx

    target = tmp_path_factory.mktemp("exported") / "model"
    shutil.copytree(tiny_model_dir, target, ignore=shutil.ignore_patterns("onnx"))
    export_onnx(target, quantize=True)  # writes model.onnx and model.int8.onnx
    return target
