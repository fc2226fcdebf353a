"""Oversampled rows join the training split only, never validation."""

from __future__ import annotations

from models.examples import Example
from models.labelled_io import write_labelled
from training.cli import oversample
from training.data.dataset import DatasetSplits


def test_oversample_appends_to_train_and_skips_validation_texts(tmp_path):
    splits = DatasetSplits(
        train=[Example("kept in train", "a", "en", labels={"hate": 0})],
        validation=[Example("Held  OUT text", "a", "en", labels={"hate": 1})],
        manifest={},
    )
    path = tmp_path / "mined.jsonl"
    write_labelled([Example("kept in train", "a", "en", labels={"hate": 0}),
                    Example("held out text", "a", "en", labels={"hate": 1})], path)
    assert oversample(splits, [str(path)]) == {str(path): 1}
    assert [e.text for e in splits.train] == ["kept in train", "kept in train"]
    assert len(splits.validation) == 1


def test_pair_batches_need_a_training_row_of_a_named_functionality():
    from training.cli import pair_batch_error

    rows = [Example("a", "a", "en", labels={"hate": 0}, functionality="crisis_contrast_risk")]
    assert pair_batch_error([], rows) is None
    assert pair_batch_error(["crisis_contrast_risk"], rows) is None
    error = pair_batch_error(["crisis_contrast_risk", "quote_reject"], rows)
    assert "['quote_reject']" in error and "no training row" in error
