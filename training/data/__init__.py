"""Training data: source adapters, text cleaning, and the deduplicated, split dataset."""

from training.data.clean import clean_text
from training.data.dataset import DataDirMissing, DatasetSplits, build_dataset
from training.data.sources import ADAPTERS, SourceAdapter

__all__ = ["ADAPTERS", "DataDirMissing", "DatasetSplits", "SourceAdapter", "build_dataset",
           "clean_text"]
