"""Render evaluation results: ``report.json`` (all numbers), PNG plots and a static HTML page.

Everything is drawn from the results dict alone (curves are stored in it), so a report can be
re-rendered from an old ``report.json`` without the model. No post text ever goes into a report:
suite failures are listed by case id, which points into the suite CSV.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # headless: reports are written on servers and in CI

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from eval.fairness import BIAS_METRICS  # noqa: E402

RESULTS_FILE = "report.json"
HTML_FILE = "report.html"


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _save(fig: plt.Figure, path: Path) -> str:
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path.name


def plot_pr_curves(labels: Mapping[str, Any], path: Path) -> str | None:
    curves = {n: m["pr_curve"] for n, m in labels.items() if m.get("pr_curve")}
    if not curves:
        return None
    fig, ax = plt.subplots(figsize=(6, 5))
    for name, curve in curves.items():
        ap = labels[name].get("pr_auc")
        ax.step(
            curve["recall"], curve["precision"], where="post", label=f"{name} (PR-AUC {_fmt(ap)})"
        )
        m = labels[name]
        if m.get("precision") is not None and m.get("recall") is not None:
            ax.plot(m["recall"], m["precision"], "o", color=ax.lines[-1].get_color())
    ax.set(
        xlabel="recall",
        ylabel="precision",
        xlim=(0, 1.01),
        ylim=(0, 1.02),
        title="Precision-recall (dot = operating threshold)",
    )
    ax.legend(loc="best", fontsize=8)
    ax.grid(alpha=0.3)
    return _save(fig, path)


def plot_reliability(labels: Mapping[str, Any], path: Path) -> str | None:
    curves = {n: m["reliability"] for n, m in labels.items() if m.get("reliability")}
    if not curves:
        return None
    fig, ax = plt.subplots(figsize=(6, 5))
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfectly calibrated")
    for name, rel in curves.items():
        ax.plot(
            rel["prob_pred"],
            rel["prob_true"],
            "o-",
            label=f"{name} (ECE {_fmt(labels[name].get('ece'))})",
        )
    ax.set(
        xlabel="mean predicted probability",
        ylabel="observed frequency",
        xlim=(0, 1),
        ylim=(0, 1),
        title="Reliability diagram",
    )
    ax.legend(loc="upper left", fontsize=8)
    ax.grid(alpha=0.3)
    return _save(fig, path)


def plot_routing(routing: Mapping[str, Any], path: Path) -> str | None:
    if not routing.get("n"):
        return None
    matrix = np.asarray(routing["matrix"])
    routes = routing["routes"]
    fig, ax = plt.subplots(figsize=(5, 4.2))
    ax.imshow(matrix, cmap="Blues")
    for i in range(len(routes)):
        for j in range(len(routes)):
            ax.text(
                j,
                i,
                str(matrix[i, j]),
                ha="center",
                va="center",
                color="white" if matrix[i, j] > matrix.max() / 2 else "black",
            )
    ax.set_xticks(range(len(routes)), routes)
    ax.set_yticks(range(len(routes)), routes)
    ax.set(xlabel="predicted route", ylabel="gold route", title="Decision routing")
    return _save(fig, path)


def _hbar(
    names: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    title: str,
    xlabel: str,
    path: Path,
    notes: Sequence[str] | None = None,
) -> str:
    height = max(2.5, 0.32 * len(names) * max(1, len(series)) + 1.2)
    fig, ax = plt.subplots(figsize=(7.5, height))
    width = 0.8 / max(1, len(series))
    y = np.arange(len(names))
    for k, (label, values) in enumerate(series.items()):
        ax.barh(
            y + k * width, [np.nan if v is None else v for v in values], height=width, label=label
        )
    for i, note in enumerate(notes or ()):
        ax.text(1.01, y[i], note, va="center", fontsize=7, transform=ax.get_yaxis_transform())
    ax.set_yticks(y + width * (len(series) - 1) / 2, names, fontsize=8)
    ax.invert_yaxis()
    ax.set(xlim=(0, 1), xlabel=xlabel, title=title)
    ax.grid(axis="x", alpha=0.3)
    if len(series) > 1:
        ax.legend(fontsize=8, loc="lower right")
    return _save(fig, path)


def plot_functionalities(suites: Mapping[str, Any], path: Path) -> str | None:
    funcs = suites.get("functionalities") or {}
    if not funcs:
        return None
    names = list(funcs)
    return _hbar(
        names,
        {"pass rate": [funcs[n]["pass_rate"] for n in names]},
        "Functional suites: pass rate per functionality",
        "pass rate",
        path,
        notes=[f"{funcs[n]['passed']}/{funcs[n]['n']}" for n in names],
    )


def plot_fairness(fairness: Mapping[str, Any], path: Path, title: str) -> str | None:
    groups = fairness.get("groups") or {}
    if not groups:
        return None
    names = list(groups)
    series = {m: [groups[g][m] for g in names] for m in BIAS_METRICS}
    series["FPR (non-hateful mentions)"] = [groups[g]["fpr"] for g in names]
    return _hbar(names, series, title, "AUC / false-positive rate", path)


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_fmt(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_LABEL_COLUMNS = (
    "n",
    "support",
    "threshold",
    "precision",
    "recall",
    "f1",
    "fpr",
    "roc_auc",
    "pr_auc",
    "ece",
    "brier",
)


def _labels_table(labels: Mapping[str, Any]) -> str:
    return _table(
        ["label", *_LABEL_COLUMNS],
        [[n, *(m.get(c) for c in _LABEL_COLUMNS)] for n, m in labels.items()],
    )


def _breakdown_table(slices: Mapping[str, Any], title: str) -> str:
    rows = []
    for key, entry in slices.items():
        for name, m in entry["labels"].items():
            rows.append(
                [
                    key,
                    name,
                    m["n"],
                    m["support"],
                    m["precision"],
                    m["recall"],
                    m["f1"],
                    m["roc_auc"],
                    m["pr_auc"],
                ]
            )
    return _table(
        [title, "label", "n", "support", "precision", "recall", "F1", "ROC-AUC", "PR-AUC"], rows
    )


def _fairness_section(fairness: Mapping[str, Any], image: str | None, title: str) -> str:
    gm = fairness["generalized_mean"]
    parts = [
        f"<h3>{html.escape(title)}</h3>",
        f"<p>{fairness['n']} rows annotated for <code>hate</code>; overall AUC "
        f"{_fmt(fairness['overall_auc'])}; generalised means (p = {fairness['power']:g}): "
        f"subgroup {_fmt(gm['subgroup_auc'])}, BPSN {_fmt(gm['bpsn_auc'])}, BNSP "
        f"{_fmt(gm['bnsp_auc'])}; Jigsaw final score {_fmt(fairness['final_score'])}.</p>",
    ]
    if fairness.get("groups_without_auc"):
        parts.append(
            "<p class=note>Groups lacking hateful or non-hateful rows (some AUCs "
            f"undefined): {html.escape(', '.join(fairness['groups_without_auc']))}.</p>"
        )
    parts.append(
        _table(
            ["group", "n", "hateful", "non-hateful", "subgroup AUC", "BPSN AUC", "BNSP AUC", "FPR"],
            [
                [
                    g,
                    v["n"],
                    v["positives"],
                    v["negatives"],
                    v["subgroup_auc"],
                    v["bpsn_auc"],
                    v["bnsp_auc"],
                    v["fpr"],
                ]
                for g, v in fairness["groups"].items()
            ],
        )
    )
    if image:
        parts.append(f'<img src="{image}" alt="{html.escape(title)}">')
    return "\n".join(parts)


_CSS = """body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;
color:#222}table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.9em}
td,th{border:1px solid #ccc;padding:.25em .55em;text-align:right}td:first-child,th:first-child,
td:nth-child(2){text-align:left}th{background:#f3f3f3}img{max-width:100%;display:block;
margin:.5em 0 1.5em}.note{color:#666;font-size:.9em}code{background:#f3f3f3;padding:0 .2em}"""


def render_html(results: Mapping[str, Any], images: Mapping[str, str | None]) -> str:
    model = results.get("model", {})
    parts = [
        f"<!doctype html><html><head><meta charset=utf-8><title>Haven evaluation: "
        f"{html.escape(str(model.get('name')))}</title><style>{_CSS}</style></head><body>",
        f"<h1>Haven evaluation: {html.escape(str(model.get('name')))} "
        f"{html.escape(str(model.get('version')))}</h1>",
        f"<p class=note>Created {html.escape(results.get('created', ''))}; taxonomy "
        f"v{html.escape(str(results.get('taxonomy_version')))}; all numbers are in "
        f"<code>{RESULTS_FILE}</code>.</p>",
    ]
    if "labels" in results:
        data = results["data"]
        parts += [
            "<h2>Labelled data</h2>",
            f"<p>{data['n']} rows ({html.escape(data.get('description') or '')}); fingerprint "
            f"<code>{data['fingerprint']}</code>. Rows a source did not annotate for a label are "
            "excluded from that label's metrics.</p>",
            _labels_table(results["labels"]),
        ]
        parts += [
            f'<img src="{images[k]}" alt="{k}">'
            for k in ("pr_curves", "reliability")
            if images.get(k)
        ]
        routing = results["routing"]
        parts += [
            "<h3>Decision routing</h3>",
            "<p class=note>Default policy: refer if self_harm ≥ threshold; block if hate or "
            "harassment ≥ block point; review if any label ≥ threshold; else allow. Gold routes "
            "follow the same rules on gold labels; both use only the labels each row's source "
            "annotates.</p>",
            f"<p>{routing['n']} rows; missed referrals: "
            f"<b>{routing.get('missed_referrals', 0)}</b>; blocks of non-abusive posts: "
            f"<b>{routing.get('false_blocks', 0)}</b>.</p>",
            _table(
                ["gold \\ predicted", *routing["routes"]],
                [[r, *row] for r, row in zip(routing["routes"], routing["matrix"], strict=True)],
            ),
        ]
        if images.get("routing"):
            parts.append(f'<img src="{images["routing"]}" alt="routing">')
        burden = results.get("referral_burden") or {}
        if burden.get("n"):
            parts += [
                "<h3>Referral burden</h3>",
                "<p class=note>Rows of sources that annotate no crisis label: with few "
                "exceptions ordinary posts, so each one reaching the referral point is a member "
                "shown crisis lines for nothing (an upper bound).</p>",
                _table(
                    ["source", "rows", f"≥ threshold {_fmt(burden['threshold'])}",
                     f"≥ refer point {_fmt(burden['refer_at'])}"],
                    [["all", burden["n"], burden["share_at_threshold"],
                      burden["share_at_refer_point"]]]
                    + [[src, v["n"], v["share_at_threshold"], v["share_at_refer_point"]]
                       for src, v in burden["by_source"].items()],
                ),
            ]
        if results.get("targets"):
            parts += ["<h3>Target groups (threshold 0.5)</h3>", _labels_table(results["targets"])]
        parts += [
            "<h3>Per source</h3>",
            _breakdown_table(results["by_source"], "source"),
            "<h3>Per language</h3>",
            _breakdown_table(results["by_language"], "language"),
        ]
    if "suites" in results:
        suites = results["suites"]
        parts += [
            "<h2>Functional suites</h2>",
            f"<p>{suites['passed']} / {suites['n']} cases pass ({_fmt(suites['pass_rate'])}).</p>",
            _table(
                ["suite", "cases", "passed", "pass rate"],
                [[s, v["n"], v["passed"], v["pass_rate"]] for s, v in suites["suites"].items()],
            ),
            _table(
                [
                    "functionality",
                    "suite",
                    "cases",
                    "pass rate",
                    "misses",
                    "false flags",
                    "failed case ids",
                ],
                [
                    [
                        f,
                        v["suite"],
                        v["n"],
                        v["pass_rate"],
                        ", ".join(f"{k}:{c}" for k, c in v["misses"].items()) or "–",
                        ", ".join(f"{k}:{c}" for k, c in v["false_flags"].items()) or "–",
                        " ".join(v["failed"]) or "–",
                    ]
                    for f, v in suites["functionalities"].items()
                ],
            ),
        ]
        if images.get("functionalities"):
            parts.append(f'<img src="{images["functionalities"]}" alt="functionalities">')
        wp = suites.get("without_parent")
        if wp:
            parts += [
                "<h3>Replies with and without their parent post</h3>",
                f"<p>The {wp['n']} reply cases scored as text pairs (as the API does when given "
                "<code>reply_to_text</code>) and as single texts.</p>",
                _table(["functionality", "cases", "with parent", "without parent"],
                       [[f, v["n"], v["pass_rate_with_parent"], v["pass_rate_without_parent"]]
                        for f, v in wp["functionalities"].items()]),
            ]
    fairness = results.get("fairness", {})
    if fairness:
        parts.append("<h2>Fairness (hate label, per identity group)</h2>")
        for key, title in (("data", "On labelled data"), ("suites", "On functional suites")):
            if key in fairness:
                parts.append(_fairness_section(fairness[key], images.get(f"fairness_{key}"), title))
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(results: Mapping[str, Any], out_dir: str | Path) -> Path:
    """Write ``report.json``, PNG plots and ``report.html`` into ``out_dir``; returns the HTML."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / RESULTS_FILE).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    images: dict[str, str | None] = {}
    if "labels" in results:
        images["pr_curves"] = plot_pr_curves(results["labels"], out / "pr_curves.png")
        images["reliability"] = plot_reliability(results["labels"], out / "reliability.png")
        images["routing"] = plot_routing(results["routing"], out / "routing.png")
    if "suites" in results:
        images["functionalities"] = plot_functionalities(
            results["suites"], out / "functionalities.png"
        )
    for key in ("data", "suites"):
        if key in results.get("fairness", {}):
            images[f"fairness_{key}"] = plot_fairness(
                results["fairness"][key],
                out / f"fairness_{key}.png",
                f"Identity-group bias ({key}): AUCs and FPR",
            )
    path = out / HTML_FILE
    path.write_text(render_html(results, images), encoding="utf-8")
    return path
