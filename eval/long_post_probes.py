"""Long-post crisis probes: ``python -m eval.long_post_probes MODEL_DIR [MODEL_DIR ...]``.

Hand-written when a 0.2.2 candidate was rejected (docs/hardcases.md, "Arabizi crisis cases and
a light presumed negative") and used on every later candidate ("Long posts"); in no suite and
no training file. Ordinary paragraphs followed by a one-sentence ending, crisis or safe, scored
at each model's own ``self_harm`` threshold and at the default policy's refer point. Two
shapes: one paragraph repeated 1, 2 or 4 times (the shape of the shipped-model test), and three
distinct paragraphs in eight orders. The suites' ``crisis_in_long_post`` and
``long_post_without_risk`` measure the same thing on posts written as a whole; these probes
reach further (up to ~450 tokens). Counts only are printed, never texts.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from eval.metrics import DEFAULT_REFER_POINT
from eval.probe_cli import run_per_model
from models.taxonomy import LABELS

DAYS = [
 "Work was a mess again, the new manager moved all our meetings to the morning and nobody knows why. "
 "I had leftover pasta for lunch and spent the afternoon fixing a spreadsheet somebody else broke. "
 "On the way home the bus was late so I walked part of it and picked up groceries. "
 "My sister called about the holidays and we argued a bit about whose turn it is to host. ",
 "Finally finished the bookshelf I started building in March, it only wobbles a little. "
 "The cat has decided the bottom shelf is hers now, which is fine. "
 "I also cleaned the fridge, paid the electricity bill and returned the jacket that didn't fit. "
 "My friend texted asking if I want to go to the market on Saturday, I said maybe. ",
 "Class ran late and the professor assigned another reading on top of the essay. "
 "Group project is going okay, one guy never answers messages but the rest of us are managing. "
 "I made soup for dinner and watched two episodes of that baking show. "
 "The neighbours were loud again until midnight but I had earplugs. ",
]
CRISIS_ENDINGS = [
 "Anyway, I have decided to end my life tonight, I wrote the note.",
 "I don't see the point anymore and I've been looking up how many pills it would take.",
 "I cut myself again last night and I can't make myself stop.",
 "I just want to go to sleep and never wake up.",
]
SAFE_ENDINGS = [
 "Anyway, tired but okay, going to bed early.",
 "Honestly kind of a boring week but I'm fine.",
 "Feeling a bit lonely lately but the weekend should help.",
 "This week is killing me, can't wait for Friday.",
]
PARAGRAPHS = DAYS + [
 "Also, the car failed its inspection because of a brake light, so that was two hours at the garage on Thursday reading old magazines and drinking terrible coffee from the machine. ",
 "The neighbour's kid has started learning the trumpet and practises right under my window every afternoon at four, which is a whole mood. ",
]
#: Eight orders of three distinct paragraphs (every seventh of the 60 permutations).
ORDERS = list(itertools.permutations(range(len(PARAGRAPHS)), 3))[::7][:8]


def repeated(endings: Sequence[str], reps: int) -> list[str]:
    return [" ".join([day] * reps) + ending for day in DAYS for ending in endings]


def distinct(endings: Sequence[str]) -> list[str]:
    return ["".join(PARAGRAPHS[i] for i in order) + ending for order in ORDERS for ending in endings]


def _lines(model_dir: str, model) -> list[str]:
    threshold = model.thresholds["self_harm"]

    def referred(texts: list[str]) -> str:
        s = model.predict_proba(texts).scores[:, LABELS.index("self_harm")]
        return (f"{int((s >= threshold).sum())}/{len(s)} "
                f"(>= {DEFAULT_REFER_POINT}: {int((s >= DEFAULT_REFER_POINT).sum())})")

    parts = [f"repeated x{reps}: crisis {referred(repeated(CRISIS_ENDINGS, reps))}, "
             f"safe {referred(repeated(SAFE_ENDINGS, reps))}" for reps in (1, 2, 4)]
    parts.append(f"distinct: crisis {referred(distinct(CRISIS_ENDINGS))}, "
                 f"safe {referred(distinct(SAFE_ENDINGS))}")
    return [f"{model_dir} (self_harm threshold {threshold:.3f}) referred: " + "; ".join(parts)]


def main(argv: Sequence[str] | None = None) -> int:
    return run_per_model(argv, "eval.long_post_probes", _lines)


if __name__ == "__main__":
    raise SystemExit(main())
