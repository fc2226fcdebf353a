"""Which half of a varied bank a post is in: even indexes train, odd ones are the held-out probe.

A module of its own because the generator needs it at import time (it builds the long-post
functionalities from the even half), and importing it from ``heldout`` made the package import
``heldout`` too, so ``python -m training.hardcases.heldout`` loaded that module twice (runpy's
RuntimeWarning). ``training.hardcases.heldout`` re-exports both names.
"""

from __future__ import annotations

HALVES = ("even", "odd", "all")


def in_half(index: int, half: str) -> bool:
    if half not in HALVES:
        raise ValueError(f"half must be one of {', '.join(HALVES)}, got {half!r}")
    return half == "all" or (index % 2 == 0) == (half == "even")
