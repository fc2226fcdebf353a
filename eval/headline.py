"""The few numbers every model change is read by, side by side: ``haven eval headline R1 R2 ...``.

``haven eval compare`` gates hundreds of numbers between two reports. A candidate is judged first
by a handful: the pair (members' posts kept, attacks and crises flagged), the crisis cases found,
the long posts in both directions, the Arabizi crisis posts, each label's public ROC-AUC, hate
fairness, missed referrals and the referral burden (docs/hardcases.md). Until now they were summed
by hand from report.json for every run, and a rule written before a run ("at least the worst of
the shipped recipe's seeds on every item") was checked by eye. This table reads them from the
reports; with several reports it adds the worst of them on each item, the bar such a rule sets.

The runs a bar was read from are rarely kept (a model directory per seed), so a bar is saved as a
small JSON file (``--write-bar``) and a later candidate is read against the file (``--bar``): the
rule's verdict is then printed, not summed by eye, and a reader can rerun it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval.card import CRISIS, FLAGGED, KEPT, suite_counts
from eval.compare import lookup
from models.taxonomy import LABELS

#: Case ids of the Arabizi crisis posts in eval/suites/arabic.csv: the only crisis posts in a
#: script the English model must read (the per-language router sends Arabic script elsewhere).
ARABIZI_CRISIS_PREFIX = "ar-latn-crisis"

#: The per-source items are named from the reports' sources, so a bar file may name any of them.
SOURCE_ITEM_PREFIX = "ROC-AUC self_harm on "


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
    return [Item(f"{SOURCE_ITEM_PREFIX}{source}", True,
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


#: A bar file says what it is: a bar read from other runs than the one it is checked against.
BAR_FORMAT = "haven-headline-bar/1"


def bar_of(rows: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """The bar the rows set: the worst of several reports, or one report's own values, on every
    item with a direction (the threshold has none) and a value."""
    bar = {}
    for row in rows:
        value = row["worst"] if len(row["values"]) > 1 else row["values"][0]
        if row["higher_is_better"] is not None and value is not None:
            bar[row["item"]] = value
    return bar


def write_bar(path: str | Path, bar: Mapping[str, float], names: Sequence[str]) -> None:
    """Save a bar with the names of the runs it was read from (a bar without its source is a
    number nobody can check)."""
    document = {"format": BAR_FORMAT, "from": list(names), "items": dict(bar)}
    Path(path).write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def read_bar(path: str | Path) -> dict[str, float]:
    """Load a bar file; ValueError names what is wrong with it."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{path}: not JSON ({error})") from error
    if not isinstance(document, dict) or document.get("format") != BAR_FORMAT:
        raise ValueError(f"{path}: not a headline bar (expected \"format\": \"{BAR_FORMAT}\")")
    items = document.get("items")
    if not isinstance(items, dict) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in items.values()):
        raise ValueError(f"{path}: \"items\" must map item names to numbers")
    known = {item.name for item in ITEMS}
    unknown = [name for name in items
               if name not in known and not name.startswith(SOURCE_ITEM_PREFIX)]
    if unknown:
        raise ValueError(f"{path}: unknown headline items {unknown}")
    return {name: float(value) for name, value in items.items()}


def _beats(row: Mapping[str, Any], value: float | None, other: float | None, *,
           strictly: bool) -> bool:
    if value is None or other is None:
        return False
    if row["higher_is_better"]:
        return value > other if strictly else value >= other
    return value < other if strictly else value <= other


def verdict(rows: Sequence[Mapping[str, Any]], bar: Mapping[str, float], column: int
            ) -> dict[str, list[str]]:
    """Which bar items the report in ``column`` meets, falls under, or lacks (no allowance: a
    rule written before a run says "at least", and 0.001 under is under)."""
    by_item = {row["item"]: row for row in rows}
    result: dict[str, list[str]] = {"met": [], "under": [], "missing": []}
    for name, floor in bar.items():
        row = by_item.get(name)
        value = row["values"][column] if row else None
        if row is None or value is None:
            result["missing"].append(name)
        else:
            result["met" if _beats(row, value, floor, strictly=False) else "under"].append(name)
    return result


def better_than_first(rows: Sequence[Mapping[str, Any]], column: int) -> list[str]:
    """The items on which the report in ``column`` is strictly better than the first report
    (the shipped model, by convention): how a rule asks that a candidate gains, not only holds."""
    return [row["item"] for row in rows if row["higher_is_better"] is not None
            and _beats(row, row["values"][column], row["values"][0], strictly=True)]


def format_headline(reports: Sequence[Mapping[str, Any]], names: Sequence[str],
                    bar: Mapping[str, float] | None = None) -> str:
    """A Markdown table, ready for a model card, an issue note or docs/hardcases.md; with a bar,
    a ``bar`` column and each report's verdict under the table."""
    rows = headline(reports)
    columns = [*names, "worst"] if len(reports) > 1 else list(names)
    if bar is not None:
        columns.append("bar")
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
        if bar is not None:
            cells.append(_fmt(bar.get(row["item"]), row["digits"]))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    if bar is not None:
        lines.append("")
        for column, name in enumerate(names):
            result = verdict(rows, bar, column)
            line = f"- {name}: at least the bar on {len(result['met'])} of {len(bar)} items"
            if result["under"]:
                line += "; under it on: " + ", ".join(result["under"])
            if result["missing"]:
                line += "; not in the report: " + ", ".join(result["missing"])
            if column:
                directed = sum(row["higher_is_better"] is not None for row in rows)
                line += (f"; strictly better than {names[0]} on "
                         f"{len(better_than_first(rows, column))} of {directed} items")
            lines.append(line)
    return "\n".join(lines)
