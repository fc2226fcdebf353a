"""The few numbers every model change is read by, side by side: ``haven eval headline R1 R2 ...``.

``haven eval compare`` gates hundreds of numbers between two reports. A candidate is judged first
by a handful: the pair (members' posts kept, attacks and crises flagged), the crisis cases found,
the long posts in both directions, the Arabizi crisis posts, each label's public ROC-AUC, hate
fairness, missed referrals and the referral burden (docs/hardcases.md). Until now they were summed
by hand from report.json for every run, and a rule written before a run ("at least the worst of
the shipped recipe's seeds on every item") was checked by eye. This table reads them from the
reports; with several reports it adds the worst of them on each item, the bar such a rule sets.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eval.card import CRISIS, FLAGGED, KEPT
from eval.compare import lookup
from models.taxonomy import LABELS

#: Case ids of the Arabizi crisis posts in eval/suites/arabic.csv: the only crisis posts in a
#: script the English model must read (the per-language router sends Arabic script elsewhere).
ARABIZI_CRISIS_PREFIX = "ar-latn-crisis"


@dataclass(frozen=True)
class Item:
    name: str
    higher_is_better: bool
    read: Callable[[Mapping[str, Any]], float | None]
    digits: int = 0  # 0: a count; otherwise decimals shown


def _passed(functionalities: Sequence[str]) -> Callable[[Mapping[str, Any]], float | None]:
    """Cases passed over the named functionalities the report has (None when it has none)."""

    def read(results: Mapping[str, Any]) -> float | None:
        funcs = lookup(results, "suites", "functionalities") or {}
        present = [funcs[f]["passed"] for f in functionalities if f in funcs]
        return float(sum(present)) if present else None

    return read


def _arabizi_crisis(results: Mapping[str, Any]) -> float | None:
    cases = lookup(results, "suites", "cases") or {}
    found = [v["passed"] for k, v in cases.items() if k.startswith(ARABIZI_CRISIS_PREFIX)]
    return float(sum(found)) if found else None


def _label(label: str, *keys: str) -> Callable[[Mapping[str, Any]], float | None]:
    return lambda results: lookup(results, "labels", label, *keys)


def _burden(results: Mapping[str, Any]) -> float | None:
    share = lookup(results, "referral_burden", "share_at_refer_point")
    return None if share is None else 100.0 * share


ITEMS: tuple[Item, ...] = (
    Item("suites passed", True, lambda r: lookup(r, "suites", "passed")),
    Item("kept (members' posts)", True, _passed(KEPT)),
    Item("flagged (attacks and crises)", True, _passed(FLAGGED)),
    Item("crisis cases found", True, _passed(CRISIS)),
    Item("crisis_in_long_post", True, _passed(("crisis_in_long_post",))),
    Item("long_post_without_risk", True, _passed(("long_post_without_risk",))),
    Item("Arabizi crisis found", True, _arabizi_crisis),
    *(Item(f"ROC-AUC {label}", True, _label(label, "roc_auc"), 3) for label in LABELS),
    Item("data BPSN (hate)", True,
         lambda r: lookup(r, "fairness", "data", "generalized_mean", "bpsn_auc"), 3),
    Item("self_harm threshold", True, lambda r: lookup(r, "suites", "thresholds", "self_harm"), 3),
    Item("missed referrals", False, lambda r: lookup(r, "routing", "missed_referrals")),
    Item("referral burden %", False, _burden, 1),
)

#: Items shown for information only: a threshold is neither better high nor low.
_NO_WORST = {"self_harm threshold"}


def _denominators(results: Mapping[str, Any]) -> dict[str, int]:
    """Case counts for the suite items, so "222" reads as "222/269"."""
    funcs = lookup(results, "suites", "functionalities") or {}

    def n(names: Sequence[str]) -> int:
        return sum(funcs[f]["n"] for f in names if f in funcs)

    cases = lookup(results, "suites", "cases") or {}
    return {
        "suites passed": lookup(results, "suites", "n") or 0,
        "kept (members' posts)": n(KEPT),
        "flagged (attacks and crises)": n(FLAGGED),
        "crisis cases found": n(CRISIS),
        "crisis_in_long_post": n(("crisis_in_long_post",)),
        "long_post_without_risk": n(("long_post_without_risk",)),
        "Arabizi crisis found": sum(k.startswith(ARABIZI_CRISIS_PREFIX) for k in cases),
    }


def _source_items(reports: Sequence[Mapping[str, Any]]) -> list[Item]:
    """``self_harm`` ROC-AUC on each public source that has crisis posts: the long Reddit
    posts' numbers moved the most between two seeds of one recipe, so they are read apart."""
    sources = sorted({s for r in reports for s, v in (lookup(r, "by_source") or {}).items()
                      if lookup(v, "labels", "self_harm", "roc_auc") is not None})
    return [Item(f"ROC-AUC self_harm on {source}", True,
                 lambda r, s=source: lookup(r, "by_source", s, "labels", "self_harm", "roc_auc"), 3)
            for source in sources]


def headline(reports: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per item: its value in each report and, with several, the worst of them."""
    rows = []
    for item in (*ITEMS, *_source_items(reports)):
        values = [item.read(r) for r in reports]
        present = [v for v in values if v is not None]
        worst = None
        if len(reports) > 1 and present and item.name not in _NO_WORST:
            worst = min(present) if item.higher_is_better else max(present)
        rows.append({"item": item.name, "values": values, "worst": worst,
                     "higher_is_better": item.higher_is_better, "digits": item.digits})
    return rows


def _fmt(value: float | None, digits: int) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}" if digits else f"{value:.0f}"


def format_headline(reports: Sequence[Mapping[str, Any]], names: Sequence[str]) -> str:
    """A Markdown table, ready for a model card, an issue note or docs/hardcases.md."""
    rows = headline(reports)
    totals = _denominators(reports[0]) if reports else {}
    columns = [*names, "worst"] if len(reports) > 1 else list(names)
    lines = ["| item | " + " | ".join(columns) + " |", "|---|" + "---:|" * len(columns)]
    for row in rows:
        total = totals.get(row["item"])
        label = f"{row['item']} / {total}" if total else row["item"]
        if row["item"] in _NO_WORST:
            label += " (shown only)"
        elif not row["higher_is_better"]:
            label += " (lower is better)"
        cells = [_fmt(v, row["digits"]) for v in row["values"]]
        if len(reports) > 1:
            cells.append(_fmt(row["worst"], row["digits"]))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
