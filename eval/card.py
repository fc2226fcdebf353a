"""Headline evaluation numbers as Markdown, written into a model card between markers.

The trainer writes ``MODEL_CARD.md`` and keeps whatever sits between the ``haven:eval`` markers,
so ``haven eval --update-card`` can refresh the numbers without touching the rest of the card.
The same Markdown serves the README's headline table (``headline_markdown``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

EVAL_START, EVAL_END = "<!-- haven:eval:start -->", "<!-- haven:eval:end -->"
CARD_FILE = "MODEL_CARD.md"


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


def replace_block(card: str, block: str) -> str:
    """``card`` with the marked block replaced by ``block`` (appended when there is none)."""
    wrapped = f"{EVAL_START}\n{block.rstrip()}\n{EVAL_END}"
    start, end = card.find(EVAL_START), card.find(EVAL_END)
    if start != -1 and end > start:
        return card[:start] + wrapped + card[end + len(EVAL_END) :]
    sep = "" if not card or card.endswith("\n\n") else ("\n" if card.endswith("\n") else "\n\n")
    return card + sep + wrapped + "\n"


def update_card(model_dir: str | Path, results: Mapping[str, Any]) -> Path:
    """Refresh the eval block of ``<model_dir>/MODEL_CARD.md`` (creating the card if absent)."""
    path = Path(model_dir) / CARD_FILE
    card = path.read_text(encoding="utf-8") if path.is_file() else ""
    path.write_text(replace_block(card, headline_markdown(results)), encoding="utf-8")
    return path
