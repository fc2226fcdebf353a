"""Headline evaluation numbers as Markdown, written into a model card between markers.

The trainer writes ``MODEL_CARD.md`` and keeps whatever sits between the ``haven:eval`` markers,
so ``haven eval --update-card`` can refresh the numbers without touching the rest of the card.
The same Markdown serves the README's headline table (``headline_markdown``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from models.artifact import CARD_COMPARE, CARD_EVAL, CARD_FILE
from models.taxonomy import LABELS

EVAL_START, EVAL_END = CARD_EVAL


def _f(value: Any) -> str:
    return "–" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))


def headline_markdown(results: Mapping[str, Any]) -> str:
    """Per-label table, routing safety counts, suite pass rates per functionality, fairness."""
    lines = ["## Evaluation (`haven eval`)", ""]
    created = results.get("created", "")
    if "labels" in results:
        data = results["data"]
        lines += [
            f"Labelled data: {data['n']} rows ({data.get('description') or 'unnamed'}), evaluated "
            f"{created}. Rows a source does not annotate are excluded per label.",
            "",
            "| label | annotated | positives | threshold | precision | recall | F1 | ROC-AUC | "
            "PR-AUC | ECE |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for name, m in results["labels"].items():
            lines.append(
                "| "
                + " | ".join(
                    [
                        name,
                        *(
                            _f(m.get(k))
                            for k in (
                                "n",
                                "support",
                                "threshold",
                                "precision",
                                "recall",
                                "f1",
                                "roc_auc",
                                "pr_auc",
                                "ece",
                            )
                        ),
                    ]
                )
                + " |"
            )
        routing = results.get("routing") or {}
        if routing.get("n"):
            lines += [
                "",
                f"Decision routing over {routing['n']} rows: accuracy "
                f"{_f(routing['accuracy'])}, missed crisis referrals "
                f"{routing['missed_referrals']}, blocks of non-abusive posts "
                f"{routing['false_blocks']}.",
            ]
        lines += _burden_lines(results.get("referral_burden"))
    suites = results.get("suites")
    if suites:
        lines += [
            "",
            f"Functional suites: {suites['passed']}/{suites['n']} cases pass "
            f"({_f(suites['pass_rate'])}).",
            "",
            "| functionality | suite | cases | pass rate |",
            "|---|---|---|---|",
        ]
        for func, v in suites["functionalities"].items():
            lines.append(f"| {func} | {v['suite']} | {v['n']} | {_f(v['pass_rate'])} |")
        if any(v["suite"] == "arabic" for v in suites["functionalities"].values()):
            lines += ["", "The `arabic` rows are this model alone. In the service, Arabic-script "
                      "posts are scored by the per-language model (models/multilingual-ar/"
                      "MODEL_CARD.md; docs/languages.md), and only Arabizi (`arabizi`) by this "
                      "one."]
        wp = suites.get("without_parent")
        if wp:
            lines += [
                "",
                f"Replies ({wp['n']} cases) scored with their parent post as a text pair and "
                "as single texts:",
                "",
                "| functionality | cases | with parent | without parent |",
                "|---|---|---|---|",
            ]
            for func, v in wp["functionalities"].items():
                lines.append(f"| {func} | {v['n']} | {_f(v['pass_rate_with_parent'])} | "
                             f"{_f(v['pass_rate_without_parent'])} |")
    for key, title in (("data", "labelled data"), ("suites", "suites")):
        fairness = (results.get("fairness") or {}).get(key)
        if not fairness:
            continue
        gm = fairness["generalized_mean"]
        lines += [
            "",
            f"Fairness on {title} (`hate`, {fairness['n']} rows; generalised mean "
            f"p = {fairness['power']:g}): subgroup AUC {_f(gm['subgroup_auc'])}, BPSN "
            f"{_f(gm['bpsn_auc'])}, BNSP {_f(gm['bnsp_auc'])}, final "
            f"{_f(fairness['final_score'])}.",
            "",
            "| group | rows | subgroup AUC | BPSN AUC | BNSP AUC | FPR non-hateful |",
            "|---|---|---|---|---|---|",
        ]
        for group, v in fairness["groups"].items():
            lines.append(
                f"| {group} | {v['n']} | {_f(v['subgroup_auc'])} | {_f(v['bpsn_auc'])} | "
                f"{_f(v['bnsp_auc'])} | {_f(v['fpr'])} |"
            )
    return "\n".join(lines)


def _burden_lines(burden: Mapping[str, Any] | None) -> list[str]:
    """One sentence: the share of ordinary posts that would be referred (eval.metrics)."""
    if not burden or not burden.get("n"):
        return []
    return [
        "",
        f"Referral burden: of the {burden['n']} rows from sources with no crisis label (hate, "
        f"insult and abuse corpora), {100 * burden['share_at_threshold']:.1f} % reach the "
        f"`self_harm` threshold ({_f(burden['threshold'])}) and "
        f"{100 * burden['share_at_refer_point']:.1f} % the default policy's refer point "
        f"({_f(burden['refer_at'])}).",
    ]


def replace_block(card: str, block: str, markers: tuple[str, str] = (EVAL_START, EVAL_END)
                  ) -> str:
    """``card`` with the marked block replaced by ``block`` (appended when there is none)."""
    begin, finish = markers
    wrapped = f"{begin}\n{block.rstrip()}\n{finish}"
    start, end = card.find(begin), card.find(finish)
    if start != -1 and end > start:
        return card[:start] + wrapped + card[end + len(finish) :]
    sep = "" if not card or card.endswith("\n\n") else ("\n" if card.endswith("\n") else "\n\n")
    return card + sep + wrapped + "\n"


def _rewrite_block(path: Path, block: str, markers: tuple[str, str]) -> Path:
    """Replace (or append) one marked block of a Markdown file, creating the file if absent."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    path.write_text(replace_block(text, block, markers), encoding="utf-8")
    return path


def update_card(model_dir: str | Path, results: Mapping[str, Any]) -> Path:
    """Refresh the eval block of ``<model_dir>/MODEL_CARD.md`` (creating the card if absent)."""
    return _rewrite_block(Path(model_dir) / CARD_FILE, headline_markdown(results), CARD_EVAL)


def comparison_markdown(result: Mapping[str, Any], old_name: str, new_name: str) -> str:
    """Before/after tables of a ``haven eval compare`` result, for the model card.

    Per label (threshold-free ROC-AUC and PR-AUC, F1 at each model's thresholds), per suite
    functionality, and the gate's verdict with the regressions it found, so the card says what
    the retraining bought and what it cost.
    """
    rows = {r["key"]: r for r in result["rows"]}

    def cell(key: str) -> tuple[str, str, str]:
        row = rows.get(key) or {}
        delta = row.get("delta")
        return (_f(row.get("old")), _f(row.get("new")),
                "–" if delta is None else f"{delta:+.3f}")

    lines = [
        f"### Before / after: `{old_name}` → `{new_name}`",
        "",
        "| label | ROC-AUC before | after | Δ | PR-AUC before | after | Δ | F1 before | after | Δ |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for label in LABELS:
        cells = [c for metric in ("roc_auc", "pr_auc", "f1")
                 for c in cell(f"labels.{label}.{metric}")]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += ["", "| functionality | pass rate before | after | Δ |", "|---|---|---|---|"]
    for key in sorted(k for k in rows if k.startswith("suites.") and k != "suites.pass_rate"):
        lines.append(f"| {key.removeprefix('suites.')} | " + " | ".join(cell(key)) + " |")
    overall = cell("suites.pass_rate")
    lines += ["", f"All suite cases: {overall[0]} → {overall[1]} ({overall[2]})."]
    regressions = result.get("regressions") or []
    gated_sources = any(r["key"].startswith("by_source.") and r["gated"]
                        for r in result["rows"])
    verdict = (f"The gate (`haven eval compare`, tolerance {result['tolerance']}"
               + (", per source" if gated_sources else "") + ") ")
    if not regressions:
        lines += ["", verdict + "found no regression."]
    else:
        lines += ["", verdict + f"found {len(regressions)} regression(s): "
                  + ", ".join(f"`{k}`" for k in regressions) + "."]
    return "\n".join(lines)


def update_card_comparison(model_dir: str | Path, markdown: str) -> Path:
    """Refresh the before/after block of ``<model_dir>/MODEL_CARD.md``."""
    return _rewrite_block(Path(model_dir) / CARD_FILE, markdown, CARD_COMPARE)


README_START, README_END = "<!-- haven:readme-model:start -->", "<!-- haven:readme-model:end -->"

#: Functionality groups headlined in the README: what members of a peer-support community write
#: (kept) and what attacks them (flagged), the pair every model change is judged by.
KEPT = ("reported_slur", "reported_abuse", "quoted_hate_received", "counter_speech",
        "negated_hate", "reclaimed_slur", "identity_neutral", "identity_positive",
        "hyperbole_idiom", "worry_about_friend", "recovered_past_attempt", "suicide_news",
        "supportive_reply", "distress_without_risk", "reply_counter_speech",
        "reply_supports_victim", "everyday_plans", "long_post_without_risk")
FLAGGED = ("group_hate", "identity_attack_on_person", "harassment_not_hate",
           "reply_agrees_with_hate", "reply_insults_victim", "explicit_ideation",
           "passive_ideation", "suicide_plan", "self_harm_act", "evasive_spelling",
           "ideation_in_reply", "crisis_in_long_post")
#: The short crisis functionalities among them, the "English crisis cases" every rule in
#: docs/hardcases.md counts (the long posts are counted apart).
CRISIS = ("explicit_ideation", "passive_ideation", "suicide_plan", "self_harm_act",
          "evasive_spelling", "ideation_in_reply")


def suite_counts(results: Mapping[str, Any], names: Sequence[str]) -> tuple[int, int]:
    """Cases passed and cases in all, over the named functionalities a report has."""
    funcs = (results.get("suites") or {}).get("functionalities") or {}
    present = [funcs[n] for n in names if n in funcs]
    return sum(v["passed"] for v in present), sum(v["n"] for v in present)


def readme_markdown(results: Mapping[str, Any], model_name: str, card_path: str) -> str:
    """The README's short summary of the shipped model: per-label validation numbers, the pair of
    suite pass rates (posts kept, attacks flagged), crisis routing and fairness; details live in
    the model card."""
    lines = [f"`{model_name}` ({card_path}), evaluated with `haven eval` on the validation split "
             "of the public datasets and on our functional suites.", ""]
    if "labels" in results:
        lines += ["| label | ROC-AUC | PR-AUC | precision | recall | F1 |", "|---|---|---|---|---|---|"]
        for name, m in results["labels"].items():
            lines.append(f"| {name} | {_f(m.get('roc_auc'))} | {_f(m.get('pr_auc'))} | "
                         f"{_f(m.get('precision'))} | {_f(m.get('recall'))} | {_f(m.get('f1'))} |")
    suites = results.get("suites") or {}
    funcs = suites.get("functionalities") or {}
    if funcs:
        kept, kept_n = suite_counts(results, KEPT)
        flagged, flagged_n = suite_counts(results, FLAGGED)
        lines += ["", f"Functional suites: {suites['passed']}/{suites['n']} cases pass "
                  f"({_f(suites['pass_rate'])}); posts of victims and allies **kept** "
                  f"{kept}/{kept_n}, attacks and crises **flagged** {flagged}/{flagged_n}."]
    routing = results.get("routing") or {}
    if routing.get("n"):
        lines += ["", f"Crisis referrals missed on validation: {routing['missed_referrals']}; "
                  f"blocks of non-abusive posts: {routing['false_blocks']} of {routing['n']} rows."]
    burden = results.get("referral_burden") or {}
    if burden.get("n"):
        lines += ["", f"Ordinary posts referred (the referral burden): "
                  f"{100 * burden['share_at_refer_point']:.1f} % of the {burden['n']} validation rows "
                  f"from sources with no crisis label reach the default refer point "
                  f"({_f(burden['refer_at'])})."]
    fairness = (results.get("fairness") or {}).get("suites")
    if fairness:
        gm = fairness["generalized_mean"]
        lines += ["", f"Fairness on the suites (hate, generalised mean over identity groups): "
                  f"subgroup AUC {_f(gm['subgroup_auc'])}, BPSN {_f(gm['bpsn_auc'])}, "
                  f"BNSP {_f(gm['bnsp_auc'])}."]
    return "\n".join(lines)


def update_readme(readme: str | Path, results: Mapping[str, Any], model_name: str,
                  card_path: str) -> Path:
    """Refresh the shipped-model block of the README (between the readme-model markers)."""
    path = Path(readme)
    if README_START not in path.read_text(encoding="utf-8"):
        raise ValueError(f"{path}: no {README_START} marker to write between")
    return _rewrite_block(path, readme_markdown(results, model_name, card_path),
                          (README_START, README_END))
