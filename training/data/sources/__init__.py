"""Registry of source adapters: one per dataset folder under the data directory.

Adding a source = writing a ``SourceAdapter`` (files, label mapping text, loader) and listing
it here; the dataset builder, manifest and model card pick it up from ``ADAPTERS``.
"""

from __future__ import annotations

from training.data.sources.arabic import LHSAB, OSACT2020
from training.data.sources.base import SourceAdapter, SourceStats
from training.data.sources.crisis import (
    CSSRS_REDDIT,
    DREADDIT,
    SDCNL,
    TWITTER_SUICIDAL_IDEATION,
)
from training.data.sources.harassment import CONVABUSE, GERMEVAL2018, KAGGLE_INSULTS
from training.data.sources.hate_speech import (
    CYBERBULLYING,
    DAVIDSON,
    DYNAHATE,
    ETHOS,
    MLMA,
    OLID,
    PORTUGUESE_HS,
)

ADAPTERS: dict[str, SourceAdapter] = {
    adapter.name: adapter
    for adapter in (
        CONVABUSE,
        CSSRS_REDDIT,
        CYBERBULLYING,
        DAVIDSON,
        DREADDIT,
        DYNAHATE,
        ETHOS,
        GERMEVAL2018,
        KAGGLE_INSULTS,
        LHSAB,
        MLMA,
        OLID,
        OSACT2020,
        PORTUGUESE_HS,
        SDCNL,
        TWITTER_SUICIDAL_IDEATION,
    )
}

__all__ = ["ADAPTERS", "SourceAdapter", "SourceStats"]
