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

from eval.card import CRISIS, FLAGGED, KEPT, suite_counts
from eval.compare import lookup
from models.taxonomy import LABELS

#: Case ids of the Arabizi crisis posts in eval/suites/arabic.csv: the only crisis posts in a
#: script the English model must read (the per-language router sends Arabic script elsewhere).
ARABIZI_CRISIS_PREFIX = "ar-latn-crisis"


Reader = Callable[[Mapping[str, Any]], float | None]


@dataclass(frozen=True)
class Item:
    name: str
    #: None: shown only, with no worst (a threshold is neither better high nor low).
    higher_is_better: bool | None
    read: Reader
    digits: int = 0  # 0: a count; otherwise decimals shown
    total: Reader | None = None  # the case count a suite item is out of ("222 / 269")


def _suite_item(name: str, functionalities: Sequence[str]) -> Item:
    """Cases passed over ``functionalities`` (None when the report has none of them)."""

    def count(results: Mapping[str, Any], which: int) -> float | None:
        counts = suite_counts(results, functionalities)
        return float(counts[which]) if counts[1] else None

    return Item(name, True, lambda r: count(r, 0), total=lambda r: count(r, 1))


def _arabizi(results: Mapping[str, Any], *, passed_only: bool) -> float | None:
    cases = lookup(results, "suites", "cases") or {}
    found = [v["passed"] or not passed_only
             for k, v in cases.items() if k.startswith(ARABIZI_CRISIS_PREFIX)]
    return float(sum(found)) if found else None


def _burden(results: Mapping[str, Any]) -> float | None:
    share = lookup(results, "referral_burden", "share_at_refer_point")
    return None if share is None else 100.0 * share


def _at(*keys: str) -> Reader:
    return lambda results: lookup(results, *keys)


ITEMS: tuple[Item, ...] = (
    Item("suites passed", True, _at("suites", "passed"), total=_at("suites", "n")),
    _suite_item("kept (members' posts)", KEPT),
    _suite_item("flagged (attacks and crises)", FLAGGED),
    _suite_item("crisis cases found", CRISIS),
    _suite_item("crisis_in_long_post", ("crisis_in_long_post",)),
    _suite_item("long_post_without_risk", ("long_post_without_risk",)),
    Item("Arabizi crisis found", True, lambda r: _arabizi(r, passed_only=True),
         total=lambda r: _arabizi(r, passed_only=False)),
    *(Item(f"ROC-AUC {label}", True, _at("labels", label, "roc_auc"), 3) for label in LABELS),
    Item("data BPSN (hate)", True, _at("fairness", "data", "generalized_mean", "bpsn_auc"), 3),
    Item("self_harm threshold", None, _at("suites", "thresholds", "self_harm"), 3),
    Item("missed referrals", False, _at("routing", "missed_referrals")),
    Item("referral burden %", False, _burden, 1),
)


def _source_items(reports: Sequence[Mapping[str, Any]]) -> list[Item]:
    """``self_harm`` ROC-AUC on each public source that has crisis posts: the long Reddit
    posts' numbers moved the most between two seeds of one recipe, so they are read apart."""
    sources = sorted({s for r in reports for s, v in (lookup(r, "by_source") or {}).items()
                      if lookup(v, "labels", "self_harm", "roc_auc") is not None})
    return [Item(f"ROC-AUC self_harm on {source}", True,
                 _at("by_source", source, "labels", "self_harm", "roc_auc"), 3)
            for source in sources]


def headline(reports: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per item: its value in each report and, with several, the worst of them."""
    rows = []
    for item in (*ITEMS, *_source_items(reports)):
        values = [item.read(r) for r in reports]
        present = [v for v in values if v is not None]
        worst = None
        if len(reports) > 1 and present and item.higher_is_better is not None:
            worst = min(present) if item.higher_is_better else max(present)
        total = item.total(reports[0]) if item.total and reports else None
        rows.append({"item": item.name, "values": values, "worst": worst, "total": total,
                     "higher_is_better": item.higher_is_better, "digits": item.digits})
    return rows


def _fmt(value: float | None, digits: int) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}" if digits else f"{value:.0f}"


def format_headline(reports: Sequence[Mapping[str, Any]], names: Sequence[str]) -> str:
    """A Markdown table, ready for a model card, an issue note or docs/hardcases.md."""
    rows = headline(reports)
    columns = [*names, "worst"] if len(reports) > 1 else list(names)
    lines = ["| item | " + " | ".join(columns) + " |", "|---|" + "---:|" * len(columns)]
    for row in rows:
        label = row["item"] if row["total"] is None else f"{row['item']} / {row['total']:.0f}"
        if row["higher_is_better"] is None:
            label += " (shown only)"
        elif not row["higher_is_better"]:
            label += " (lower is better)"
        cells = [_fmt(v, row["digits"]) for v in row["values"]]
        if len(reports) > 1:
            cells.append(_fmt(row["worst"], row["digits"]))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
