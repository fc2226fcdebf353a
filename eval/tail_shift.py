"""Give a post's ending read alone its own threshold: ``python -m eval.tail_shift MODEL --run RUN``.

Why: a tail window (the last ``tail_tokens`` tokens scored alone) finds a crisis sentence that
closes a long everyday post, but max-pooled at the whole post's threshold it also refers long
posts whose endings only sound sad, and the ending of a depression post read alone looks like a
crisis far more often than the whole post does (docs/hardcases.md, "The ending read alone").
This tool reads the tail for one label only and sets how much higher its own threshold is.

The rule, on validation only: the tail's extra referrals at a score ``tau`` are the posts the
whole post does not refer whose ending alone scores at least ``tau``. ``tau`` is the lowest score
at which those extras number at least ``--min-extra`` and are at least as precise as the whole
post's own referrals: a referral the tail adds is never worse than the average one. The shift
``logit(tau) - logit(r0)`` (``r0``: the whole post's threshold before calibration) goes into
haven_model.json's ``windows.tail_logit_shift``, so pooling refers on the tail exactly when it
reaches ``tau``. Run ``haven eval calibrate`` again afterwards: the extra referrals move the
validation scores the threshold is chosen on.

The public validation posts may have no crisis that only a long post's ending shows (measured:
docs/hardcases.md, "A tail score with its own threshold"), and then that rule never picks a
threshold. ``--calibrate-on long-posts`` is the second rule, for that case: on the held-out long
posts of ``eval.tail_calibration`` (everyday paragraphs, then a crisis post or a near miss,
written for this and in no suite or training file), ``tau`` is the highest at which the whole
post or its ending refers ``--recall`` of the crisis posts, the label's own recall target.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from models.artifact import TAIL_CUTS, WindowConfig
from models.calibration import apply_temperature, logit, sigmoid
from models.taxonomy import LABELS

#: Fewest extra referrals a tail threshold is judged on: below this a precision is a coin toss.
DEFAULT_MIN_EXTRA = 5
#: Logits taken off the written shift. ``tau`` is a score a post actually has, and that post is
#: scored again in another batch at inference (other padding, float32): without the margin it
#: can land a hair under its own threshold, and the post the rule counted is not referred.
SHIFT_MARGIN = 1e-4


@dataclass(frozen=True)
class TailPoint:
    """What the tail adds at one threshold ``tau``, on validation."""

    tau: float
    extra: int  # posts referred by the tail only
    extra_positive: int

    @property
    def precision(self) -> float:
        return self.extra_positive / self.extra if self.extra else 0.0


def raw_threshold(threshold: float, calibration: dict | None, label: str) -> float:
    """The whole post's threshold on the raw (uncalibrated) scale the tail logits live on."""
    params = ((calibration or {}).get("labels") or {}).get(label)
    if params is None:
        return threshold
    if calibration.get("method") != "temperature":
        raise ValueError(f"{label}: a tail shift needs temperature calibration (or none), "
                         f"not {calibration.get('method')!r}")
    # calibrated = sigmoid(logit(raw) / T), so raw = sigmoid(logit(calibrated) * T).
    return float(apply_temperature(np.array([threshold]), 1.0 / float(params["temperature"]))[0])


def tail_points(y: np.ndarray, whole: np.ndarray, tail: np.ndarray, r0: float) -> list[TailPoint]:
    """The tail's extra referrals at every distinct tail score, highest ``tau`` first.

    ``tail`` is NaN for posts that get no tail window."""
    extra = (whole < r0) & ~np.isnan(tail)
    scores, gold = tail[extra], y[extra]
    order = np.argsort(-scores, kind="stable")
    scores, positives = scores[order], np.cumsum(gold[order])
    points = []
    for i, tau in enumerate(scores):
        if i + 1 < scores.size and scores[i + 1] == tau:
            continue  # ties enter together
        points.append(TailPoint(float(tau), i + 1, int(positives[i])))
    return points


def choose_tau(points: Sequence[TailPoint], precision: float, min_extra: int) -> TailPoint | None:
    """The lowest ``tau`` whose extras number ``min_extra`` or more at ``precision`` or more."""
    passing = [p for p in points if p.extra >= min_extra and p.precision >= precision]
    return min(passing, key=lambda p: p.tau) if passing else None


@dataclass(frozen=True)
class ScoredSet:
    """Posts scored whole and by their ending; ``want`` says which should be referred."""

    name: str
    whole: np.ndarray
    tail: np.ndarray
    want: np.ndarray  # bool


def tau_for_recall(scored: ScoredSet, r0: float, recall: float) -> float | None:
    """The highest ``tau`` at which the whole post or its ending refers ``recall`` of the
    wanted posts: the tail's own threshold by the same recall target as the label's. ``None``
    when the whole post alone reaches it (the tail is not needed) or when even every tail
    score cannot (then no threshold is honest)."""
    need = math.ceil(recall * int(scored.want.sum()) - 1e-9)
    found = scored.want & (scored.whole >= r0)
    missing = need - int(found.sum())
    candidates = np.sort(scored.tail[scored.want & ~found & ~np.isnan(scored.tail)])[::-1]
    if missing <= 0 or candidates.size < missing:
        return None
    return float(candidates[missing - 1])


def tail_shift(tau: float, r0: float) -> float:
    return float(logit(np.array([tau]))[0] - logit(np.array([r0]))[0])


def whole_and_tail(model, texts: Sequence[str], pairs: Sequence[str | None] | None,
                   view: WindowConfig, column: int, batch_size: int
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Raw scores of one label: each post as scored without a tail window, and its ending alone
    under ``view`` (NaN for posts that get no tail window). ``model`` is loaded uncalibrated."""
    from eval.pipeline import predict
    from models.encoding import encode_tails

    saved = model.config.windows
    model.config.windows = replace(view, tail_tokens=0)
    try:
        whole = predict(model, texts, pairs, batch_size).scores[:, column].astype(np.float64)
    finally:
        model.config.windows = saved
    windows = encode_tails(model.tokenizer, texts, pairs, view)
    tail = np.full(len(texts), np.nan)
    if windows:
        logits, _ = model.logits(windows, batch_size)
        tail[[w.index for w in windows]] = sigmoid(logits[:, column])
    return whole, tail


def referred_at(scored: ScoredSet, r0: float, tau: float) -> np.ndarray:
    """Referred with the tail at its own threshold: pooling the shifted tail refers exactly when
    the whole post reaches ``r0`` or its ending alone reaches ``tau``."""
    return (scored.whole >= r0) | (np.nan_to_num(scored.tail, nan=-1.0) >= tau)


def sweep_lines(sets: Sequence[ScoredSet], r0: float, taus: Sequence[float]) -> list[str]:
    """Per tail threshold and set: wanted posts referred, unwanted posts referred."""
    lines = []
    for tau in taus:
        cells = []
        for scored in sets:
            hit = referred_at(scored, r0, tau)
            cells.append(f"{scored.name} {int(hit[scored.want].sum())}/{int(scored.want.sum())}"
                         f" + {int(hit[~scored.want].sum())}/{int((~scored.want).sum())}")
        lines.append(f"  tau {tau:.2f}: " + "; ".join(cells))
    return lines


def diagnostic_sets(model, view: WindowConfig, label: str, batch_size: int) -> list[ScoredSet]:
    """The English suite cases that expect or forbid ``label``, split into long crisis posts,
    long posts without risk and the rest, and the long-post probes' distinct paragraphs."""
    from eval.long_post_probes import CRISIS_ENDINGS, SAFE_ENDINGS, distinct
    from eval.suites import default_suites, load_suites

    column = LABELS.index(label)
    cases = [c for c in load_suites(default_suites())
             if c.language == "en" and (label in c.expected or label in c.forbidden)]
    whole, tail = whole_and_tail(model, [c.text for c in cases], [c.reply_to_text for c in cases],
                                 view, column, batch_size)
    want = np.array([label in c.expected for c in cases])
    groups = np.array([c.functionality for c in cases])
    sets = [ScoredSet(name, whole[rows], tail[rows], want[rows]) for name, rows in (
        ("suites long crisis", groups == "crisis_in_long_post"),
        ("suites long no risk", groups == "long_post_without_risk"),
        ("suites other", ~np.isin(groups, ["crisis_in_long_post", "long_post_without_risk"])))]
    probes = distinct(CRISIS_ENDINGS) + distinct(SAFE_ENDINGS)
    whole, tail = whole_and_tail(model, probes, None, view, column, batch_size)
    want = np.arange(len(probes)) < len(distinct(CRISIS_ENDINGS))
    return [*sets, ScoredSet("probes distinct", whole, tail, want)]


def source_aucs(y: np.ndarray, scores: np.ndarray, sources: np.ndarray) -> str:
    """Each source's ROC-AUC ("n/a" for a source with one class only)."""
    from eval.metrics import roc_auc_or_none

    cells = []
    for name in sorted(set(sources)):
        rows = sources == name
        auc = roc_auc_or_none(y[rows], scores[rows])
        cells.append(f"{name} {'n/a' if auc is None else f'{auc:.3f}'}")
    return ", ".join(cells)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m eval.tail_shift", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", help="a single model directory (torch or ONNX), calibrated")
    parser.add_argument("--run", required=True, help="training run directory (validation split)")
    parser.add_argument("--label", default="self_harm", choices=LABELS)
    parser.add_argument("--tail-tokens", type=int, default=32)
    parser.add_argument("--min-tokens", type=int, default=64,
                        help="posts longer than this many tokens get the tail window")
    parser.add_argument("--tail-cut", choices=TAIL_CUTS, default="tokens",
                        help="where the tail starts: the last N tokens, or the last whole "
                             "sentences that fit in them")
    parser.add_argument("--calibrate-on", choices=("validation", "long-posts"),
                        default="validation",
                        help="validation: the tail's referrals as precise as the whole post's; "
                             "long-posts: the held-out long posts of eval.tail_calibration, at "
                             "--recall of their crisis posts")
    parser.add_argument("--recall", type=float, default=None,
                        help="recall target on the held-out long posts' crisis posts (default: "
                             "the label's review recall target in eval/targets.yaml)")
    parser.add_argument("--min-extra", type=int, default=DEFAULT_MIN_EXTRA)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--sweep", default="",
                        help="comma-separated tail thresholds to report on validation, the "
                             "suites and the long-post probes (a diagnostic; it chooses nothing)")
    parser.add_argument("--write", action="store_true",
                        help="write the tail settings into the model's haven_model.json")
    return parser


def _tau_on_long_posts(model, view: WindowConfig, column: int, r0: float,
                       args: argparse.Namespace) -> float | None:
    """``--calibrate-on long-posts``: the held-out long posts of ``eval.tail_calibration``, at
    the label's recall target."""
    from eval.tail_calibration import long_posts

    posts = long_posts()
    whole, tail = whole_and_tail(model, [text for text, _ in posts], None, view, column,
                                 args.batch_size)
    held = ScoredSet("held-out long posts", whole, tail, np.array([y == 1 for _, y in posts]))
    print("held-out long posts (crisis referred/crisis + safe referred/safe), without a tail:")
    print(sweep_lines([held], r0, [math.inf])[0].replace("tau inf", "no tail"))
    tau = tau_for_recall(held, r0, args.recall)
    if tau is None:
        print(f"no tail threshold is needed or able to refer {args.recall:.0%} of the crisis posts")
        return None
    print(f"chosen tau {tau:.4f}: the highest at which {args.recall:.0%} of the crisis posts are "
          "referred")
    print(sweep_lines([held], r0, [tau])[0])
    return tau


def _target_recall(label: str) -> float | None:
    """The label's review recall target in eval/targets.yaml (``self_harm``: 0.95), read from
    the file calibration uses rather than copied here; None when it has another kind."""
    from eval.thresholds import load_targets

    target = load_targets().points.get(label, {}).get("review")
    return target.value if target is not None and target.metric == "recall" else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not 0 < args.tail_tokens < args.min_tokens or args.min_extra < 1 or args.batch_size < 1:
        parser.error("needs 0 < --tail-tokens < --min-tokens, --min-extra and --batch-size >= 1")
    if args.recall is None and args.calibrate_on == "long-posts":
        args.recall = _target_recall(args.label)
        if args.recall is None:
            parser.error(f"eval/targets.yaml gives {args.label} no review recall target: "
                         "give --recall")
    if args.recall is not None and not 0 < args.recall <= 1:
        parser.error(f"--recall must be in (0, 1], got {args.recall}")

    from eval.metrics import gold_matrix
    from eval.pipeline import load_examples, validation_path
    from models import load_model
    from models.artifact import CONFIG_FILE, ArtifactError, read_calibration, write_json

    column = LABELS.index(args.label)
    try:
        examples = load_examples([validation_path(args.run)])
        model = load_model(args.model, apply_calibration=False)
        r0 = raw_threshold(model.thresholds[args.label], read_calibration(Path(args.model)),
                           args.label)
    except (OSError, ValueError, ArtifactError) as error:
        parser.exit(2, f"error: {error}\n")
    if not hasattr(model, "logits"):
        parser.exit(2, "error: a tail shift is set per model; give a single model, not an "
                       "ensemble or a language router\n")
    gold = gold_matrix(examples)[:, column]
    picked = [examples[i] for i in np.flatnonzero(~np.isnan(gold))]
    y = gold[~np.isnan(gold)].astype(int)
    view = replace(model.config.windows, tail_tokens=args.tail_tokens,
                   tail_min_tokens=args.min_tokens, tail_labels=[args.label], tail_logit_shift=0.0,
                   tail_cut=args.tail_cut)
    whole, tail = whole_and_tail(model, [e.text for e in picked], [e.text_pair for e in picked],
                                 view, column, args.batch_size)
    referred = whole >= r0
    if not referred.any():
        parser.exit(2, f"error: the whole post refers no validation post at {args.label}'s "
                       "threshold, so there is no precision for the tail to match; calibrate "
                       "the model first\n")
    precision = float(y[referred].mean())
    print(f"{args.model}: {args.label} raw threshold {r0:.3f}; validation {y.size} rows "
          f"({int(y.sum())} positive), {int((~np.isnan(tail)).sum())} with a tail window")
    print(f"whole post refers {int(referred.sum())} at precision {precision:.3f}")
    points = tail_points(y, whole, tail, r0)
    print("tail tau   extra  positive  precision")
    for p in points[:: max(1, len(points) // 25)]:
        print(f"  {p.tau:.3f}  {p.extra:6d}  {p.extra_positive:8d}  {p.precision:9.3f}")
    if args.sweep:
        taus = [float(t) for t in args.sweep.split(",")]
        sources = np.array([e.source for e in picked])
        validation = ScoredSet("validation", whole, tail, y == 1)
        print("diagnostic sweep (wanted referred/wanted + unwanted referred/unwanted):")
        for tau, line in zip(taus, sweep_lines(
                [validation, *diagnostic_sets(model, view, args.label, args.batch_size)],
                r0, taus), strict=True):
            pooled = np.fmax(whole, sigmoid(logit(tail) - tail_shift(tau, r0)))  # as pooled
            print(f"{line}; ROC-AUC {source_aucs(y, pooled, sources)}")
    if args.calibrate_on == "long-posts":
        tau = _tau_on_long_posts(model, view, column, r0, args)
    else:
        chosen = choose_tau(points, precision, args.min_extra)
        if chosen is not None:
            print(f"chosen tau {chosen.tau:.4f}: {chosen.extra} extra referrals, "
                  f"{chosen.extra_positive} positive (precision {chosen.precision:.3f})")
        else:
            print(f"no tail threshold adds {args.min_extra}+ referrals at precision "
                  f"{precision:.3f}: the tail does not pay on this validation data")
        tau = None if chosen is None else chosen.tau
    if tau is None:
        print("nothing written")
        return 1
    shift = math.floor((tail_shift(tau, r0) - SHIFT_MARGIN) * 1e6) / 1e6  # never rounded up
    print(f"tail_logit_shift {shift:.4f}")
    if args.write:
        path = Path(args.model) / CONFIG_FILE
        doc = json.loads(path.read_text())
        doc["windows"].update(tail_tokens=args.tail_tokens, tail_min_tokens=args.min_tokens,
                              tail_labels=[args.label], tail_logit_shift=shift,
                              tail_cut=args.tail_cut)
        write_json(path, doc)
        print(f"wrote {path}; run `haven eval calibrate --model {args.model} --run {args.run}` "
              "again")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
