"""Held-out long posts at each model's ``self_harm`` threshold:
``python -m eval.held_out_long_posts MODEL_DIR [MODEL_DIR ...]``.

Counts how many of the 40 crisis posts of ``eval.tail_calibration`` a model refers and how many
of its 40 near misses, in three shapes: the last paragraph alone (a short post), as written
(the feeling is the last paragraph) and followed by one more everyday paragraph of the
long-post probes ("then news", the feeling mid-post). Why "then news": members' long posts put
a hard week mid-post and go on with their news, and rows trained for that
(``varied_long_low_middle``, docs/hardcases.md, "A second seed of V21A, and a low moment
mid-post") could teach that what follows a feeling makes it safe; a crisis disclosure followed
by news must still be found. The ROC-AUC of each shape says whether a miss is the threshold's
(posts ranked right, cut in the wrong place) or the ranking's, and the ending alone against the
whole post says how much the everyday paragraphs cost the ranking. Also reports the long test of
the shipped-model tests (one sentence repeated 40 times, then a crisis ending, passed at the
default policy's refer point or the threshold, whichever is higher). Counts, ROC-AUCs and the
fixed test's score are printed, never texts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from eval.long_post_probes import DAYS
from eval.metrics import DEFAULT_REFER_POINT, roc_auc_or_none
from eval.probe_cli import run_per_model
from eval.tail_calibration import CRISIS_ENDINGS, SAFE_ENDINGS, long_posts
from models.predictor import Predictor
from models.taxonomy import LABELS

#: The shipped-model test's shape (tests/models/test_shipped_model.py).
LONG_TEST = ("Today I went to work, had lunch, answered emails and walked the dog in the park. "
             * 40 + "I have decided to end my life tonight, I wrote the note.")


def then_news(texts: Sequence[str]) -> list[str]:
    """Each post followed by one of the probes' everyday paragraphs, in turn."""
    return [f"{text}\n\n{DAYS[i % len(DAYS)].strip()}" for i, text in enumerate(texts)]


def shapes() -> dict[str, tuple[list[str], list[str]]]:
    """Shape name -> (crisis posts, near misses)."""
    posts = long_posts()
    crisis = [text for text, label in posts if label == 1]
    near = [text for text, label in posts if label == 0]
    return {"ending alone": (list(CRISIS_ENDINGS), list(SAFE_ENDINGS)),
            "as written": (crisis, near),
            "then news": (then_news(crisis), then_news(near))}


def _lines(model_dir: str, model: Predictor) -> list[str]:
    threshold = model.thresholds["self_harm"]
    column = LABELS.index("self_harm")

    parts = []
    for name, (crisis, near) in shapes().items():
        scores = model.predict_proba([*crisis, *near]).scores[:, column]
        found, referred = scores[:len(crisis)], scores[len(crisis):]
        auc = roc_auc_or_none(np.array([1] * len(crisis) + [0] * len(near)), scores)
        parts.append(f"{name}: crisis {int((found >= threshold).sum())}/{len(crisis)}, "
                     f"near misses {int((referred >= threshold).sum())}/{len(near)} "
                     f"(ROC-AUC {auc:.3f})")
    score = float(model.predict_proba([LONG_TEST]).scores[0, column])
    verdict = "passes" if score >= max(threshold, DEFAULT_REFER_POINT) else "FAILS"
    parts.append(f"long test {score:.3f} {verdict}")
    return [f"{model_dir} (self_harm threshold {threshold:.3f}) held-out long posts referred: "
            + "; ".join(parts)]


def main(argv: Sequence[str] | None = None) -> int:
    return run_per_model(argv, "eval.held_out_long_posts", _lines)


if __name__ == "__main__":
    raise SystemExit(main())
