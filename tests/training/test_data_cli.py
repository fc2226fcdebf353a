"""``haven data``: counts per source, and --write-split writes the exact split training uses."""

from __future__ import annotations

import pytest
import yaml

from haven_cli import main
from models.examples import Example
from models.labelled_io import read_labelled, write_labelled
from models.taxonomy import LABELS


def _rows(n: int) -> list[Example]:
    return [Example(text=f"post number {i} about my week", source="feedback", language="en",
                    labels={label: (i % 2 if label == "hate" else None) for label in LABELS})
            for i in range(n)]


@pytest.fixture(autouse=True)
def _no_data_dir_override(monkeypatch):
    """HAVEN_DATA_DIR (set by CI) wins over the config's data_dir: these tests set their own."""
    monkeypatch.delenv("HAVEN_DATA_DIR", raising=False)


def test_write_split_writes_train_and_validation_without_overlap(tmp_path, capsys):
    extra = tmp_path / "feedback.jsonl"
    write_labelled(_rows(40), extra)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"data": {"data_dir": str(data_dir), "sources": [],
                                               "extra_files": [str(extra)],
                                               "val_fraction": 0.25}}))
    out = tmp_path / "split"
    assert main(["data", "--config", str(config), "--write-split", str(out)]) == 0
    train = list(read_labelled(out / "train.jsonl"))
    validation = list(read_labelled(out / "validation.jsonl"))
    assert len(train) + len(validation) == 40 and train and validation
    assert not {e.text for e in train} & {e.text for e in validation}
    printed = capsys.readouterr().out
    assert f"{len(train):>7} {len(validation):>6}" in printed  # the table shows the same split
    # Deterministic: a second run writes the same validation rows.
    assert main(["data", "--config", str(config), "--write-split", str(tmp_path / "again")]) == 0
    again = list(read_labelled(tmp_path / "again" / "validation.jsonl"))
    assert [e.text for e in again] == [e.text for e in validation]


def test_missing_data_dir_exits_non_zero(tmp_path, capsys):
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"data": {"data_dir": str(tmp_path / "absent")}}))
    assert main(["data", "--config", str(config), "--write-split", str(tmp_path / "s")]) == 2
    assert "absent" in capsys.readouterr().err
    assert not (tmp_path / "s").exists()
