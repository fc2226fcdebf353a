"""build_dataset: dedupe and merge, deterministic leak-free split, caps, manifest, errors."""

from __future__ import annotations

import csv
import json
import os
import random
from pathlib import Path

import pytest

from models.examples import Example, text_key
from models.labelled_io import write_labelled
from training.data.dataset import (
    DataDirMissing,
    build_dataset,
    cap_train,
    cap_validation,
    in_validation,
)
from training.data.sources import ADAPTERS

REPO_ROOT = Path(__file__).resolve().parents[2]
REAL_DATA = Path(os.environ.get("HAVEN_DATA_DIR") or REPO_ROOT.parent / "shared" / "datasets")


def write_twitter(root: Path, rows: list[tuple[str, str]]) -> None:
    folder = root / "twitter_suicidal_ideation"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "Suicide_Ideation_Dataset_Twitter.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Tweet", "Suicide"])
        writer.writerows(rows)


def write_cssrs(root: Path, users: int) -> None:
    folder = root / "cssrs_reddit"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "500_Reddit_users_posts_labels.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["User", "Post", "Label"])
        for i in range(users):
            writer.writerow([f"user-{i}", str([f"made-up post {i} a", f"made-up post {i} b"]),
                             "Ideation" if i % 2 else "Supportive"])


def synthetic(n: int, source: str = "extra") -> list[Example]:
    """Invented examples: 1 in 10 self-harm positive, the rest negatives."""
    return [
        Example(text=f"synthetic post number {i}", source=source, language="en",
                labels={"self_harm": int(i % 10 == 0), "hate": 0})
        for i in range(n)
    ]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    root = tmp_path / "datasets"
    write_twitter(root, [("i want it to be over", "Potential Suicide post "),
                         ("Cooking   dinner now", "Not Suicide post"),
                         ("cooking dinner now", "Not Suicide post"),  # duplicate after normalising
                         ("a quiet evening", "Not Suicide post")])
    write_cssrs(root, 6)
    return root


def test_data_dir_missing_message(tmp_path):
    with pytest.raises(DataDirMissing) as error:
        build_dataset(tmp_path / "nowhere")
    message = str(error.value)
    assert "nowhere" in message and "data.data_dir" in message and "HAVEN_DATA_DIR" in message


def test_explicit_missing_source_is_an_error(data_dir):
    with pytest.raises(DataDirMissing, match="olid"):
        build_dataset(data_dir, ["twitter_suicidal_ideation", "olid"])


def test_unknown_source(data_dir):
    with pytest.raises(ValueError, match="unknown sources"):
        build_dataset(data_dir, ["no_such_source"])


def test_implicit_missing_sources_are_skipped(data_dir):
    splits = build_dataset(data_dir)
    sources = splits.manifest["sources"]
    assert set(sources) == set(ADAPTERS)
    assert sources["twitter_suicidal_ideation"]["status"] == "ok"
    assert sources["olid"]["status"] == "missing"
    assert any("olid" in w for w in splits.manifest["warnings"])
    json.dumps(splits.manifest)  # serialisable


def test_within_source_dedupe_and_manifest(data_dir):
    splits = build_dataset(data_dir, ["twitter_suicidal_ideation"], val_fraction=0.5)
    entry = splits.manifest["sources"]["twitter_suicidal_ideation"]
    assert entry["rows_read"] == 4 and entry["rows_kept"] == 3
    assert entry["dropped"]["duplicate"] == 1
    assert entry["train"] + entry["validation"] == 3
    counts = entry["labels"]["self_harm"]
    assert counts["train_pos"] + counts["val_pos"] == 1
    assert counts["train_neg"] + counts["val_neg"] == 2
    assert "distress" not in entry["labels"]  # not annotated by this source
    assert entry["mapping"] == ADAPTERS["twitter_suicidal_ideation"].mapping
    assert entry["language"] == ["en"]


def test_cross_source_merge_positive_wins(data_dir, tmp_path):
    extra = tmp_path / "moderator_decisions.jsonl"
    write_labelled([
        Example(text="I WANT it to be over", source="x", language="en",
                labels={"self_harm": 0, "distress": 1}),
        Example(text="a quiet  evening", source="x", language="en",
                labels={"hate": 0, "self_harm": 1}),
        Example(text="something new", source="x", language="und", labels={"hate": 0}),
    ], extra)
    splits = build_dataset(data_dir, ["twitter_suicidal_ideation"], extra_files=[extra])
    by_key = {text_key(e.text): e for e in splits.train + splits.validation}
    over = by_key[text_key("i want it to be over")]
    assert over.source == "twitter_suicidal_ideation"  # first source kept
    assert over.labels["self_harm"] == 1
    assert over.labels["distress"] is None  # unset: a self-harm-positive row is not distress
    evening = by_key[text_key("a quiet evening")]
    assert evening.labels["self_harm"] == 1 and evening.labels["hate"] == 0
    dedupe = splits.manifest["dedupe"]
    assert dedupe["label_conflicts_positive_won"] == {"label:self_harm": 2}
    assert dedupe["duplicates_across_sources"] == 2
    assert dedupe["examples_from_several_sources"] == 2
    entry = splits.manifest["sources"]["moderator_decisions"]
    assert entry["kind"] == "extra_file" and entry["rows_kept"] == 1
    assert entry["dropped"]["duplicate_of_other_source"] == 2
    assert splits.manifest["sources"]["twitter_suicidal_ideation"]["merged_with"] == {
        "moderator_decisions": 2}


def test_extra_file_name_collision(data_dir, tmp_path):
    extra = tmp_path / "twitter_suicidal_ideation.jsonl"
    write_labelled(synthetic(3), extra)
    with pytest.raises(ValueError, match="already used"):
        build_dataset(data_dir, ["twitter_suicidal_ideation"], extra_files=[extra])


def keys(examples: list[Example]) -> set[str]:
    return {text_key(e.text) for e in examples}


def test_split_deterministic_and_leak_free(data_dir, tmp_path):
    extra = tmp_path / "extra.jsonl"
    write_labelled(synthetic(400), extra)
    grouped = tmp_path / "grouped.jsonl"
    write_labelled([Example(text=f"grouped post {i}", source="g", language="en",
                            labels={"distress": i % 2}, group=f"thread-{i % 8}")
                    for i in range(80)], grouped)
    files = [extra, grouped]
    first = build_dataset(data_dir, ["cssrs_reddit"], extra_files=files, seed=1)
    again = build_dataset(data_dir, ["cssrs_reddit"], extra_files=files, seed=1)
    other = build_dataset(data_dir, ["cssrs_reddit"], extra_files=files, seed=2)
    assert first.train == again.train and first.validation == again.validation
    assert keys(first.validation) != keys(other.validation)
    assert not keys(first.train) & keys(first.validation)
    train_groups = {e.split_key for e in first.train}
    val_groups = {e.split_key for e in first.validation}
    assert not train_groups & val_groups  # no thread or C-SSRS user on both sides
    assert all(e.group and e.group.startswith("cssrs_reddit:")
               for e in first.train + first.validation if e.source == "cssrs_reddit")
    assert 0 < len(first.validation) < len(first.train)
    # the split of a text never depends on the other sources
    alone = build_dataset(data_dir, [], extra_files=[extra], seed=1)
    assert keys(alone.validation) == {k for k in keys(first.validation)
                                      if k in keys(alone.train + alone.validation)}


def test_caps_never_move_examples_between_splits(data_dir, tmp_path):
    extra = tmp_path / "extra.jsonl"
    write_labelled(synthetic(500), extra)
    full = build_dataset(data_dir, [], extra_files=[extra], val_fraction=0.2)
    capped = build_dataset(data_dir, [], extra_files=[extra], val_fraction=0.2,
                           max_train_per_source=50, max_val_per_source=20)
    assert len(capped.train) == 50 and len(capped.validation) == 20
    assert keys(capped.train) <= keys(full.train)
    assert keys(capped.validation) <= keys(full.validation)
    entry = capped.manifest["sources"]["extra"]
    assert entry["train_before_cap"] == len(full.train) and entry["train"] == 50
    # positives are kept preferentially: all of them fit in half the cap
    full_pos = sum(e.labels["self_harm"] == 1 for e in full.train)
    assert sum(e.labels["self_harm"] == 1 for e in capped.train) == min(full_pos, 25)
    again = build_dataset(data_dir, [], extra_files=[extra], val_fraction=0.2,
                          max_train_per_source=50, max_val_per_source=20)
    assert again.train == capped.train and again.validation == capped.validation


def test_cap_train_prefers_rare_labels():
    examples = [Example(text=f"t{i}", source="s", language="en",
                        labels={"hate": int(i < 60), "harassment": int(60 <= i < 64)})
                for i in range(200)]
    chosen = cap_train(examples, 40, random.Random(0))
    assert len(chosen) == 40
    assert sum(e.labels["harassment"] == 1 for e in chosen) == 4  # every rare positive
    assert sum(e.labels["hate"] == 1 for e in chosen) == 16  # the rest of half the cap
    assert cap_train(examples, None, random.Random(0)) == examples


def test_cap_validation_is_stratified():
    examples = [Example(text=f"t{i}", source="s", language="en", labels={"hate": int(i < 20)})
                for i in range(100)]
    chosen = cap_validation(examples, 10, random.Random(0))
    assert len(chosen) == 10 and sum(e.labels["hate"] for e in chosen) == 2


def test_in_validation_fraction():
    share = sum(in_validation(f"key{i}", 13, 0.1) for i in range(5000)) / 5000
    assert 0.08 < share < 0.12
    assert not any(in_validation(f"key{i}", 13, 0.0) for i in range(100))


@pytest.mark.shared_data
@pytest.mark.skipif(not REAL_DATA.is_dir(),
                    reason=f"shared datasets not found at {REAL_DATA} (set HAVEN_DATA_DIR)")
def test_real_datasets_every_source_contributes():
    splits = build_dataset(REAL_DATA, max_train_per_source=300, max_val_per_source=60)
    sources = splits.manifest["sources"]
    for name in ADAPTERS:
        entry = sources[name]
        assert entry["status"] == "ok", name
        assert entry["train"] > 0 and entry["validation"] > 0, name
        assert entry["train"] <= 300 and entry["validation"] <= 60, name
    assert not keys(splits.train) & keys(splits.validation)
    assert not {e.split_key for e in splits.train} & {e.split_key for e in splits.validation}
    json.dumps(splits.manifest)
