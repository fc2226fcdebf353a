"""``haven eval``: evaluate a model, calibrate its thresholds, compare two evaluations.

    haven eval --model DIR (--data FILE ... | --run RUN_DIR) [--suite CSV ...]
               [--multilingual [DIR]] --out DIR
    haven eval calibrate --model DIR (--data FILE ... | --run RUN_DIR) [--targets YAML]
                         [--method temperature|isotonic|none]
    haven eval compare OLD NEW [--tolerance 0.01] [--by-source] [--also-old REPORT ...]
    haven eval headline REPORT [REPORT ...] [--name NAME ...] [--bar FILE | --write-bar FILE]

The handlers only parse and print; the work is in ``eval.pipeline``, ``eval.calibrate``,
``eval.report``, ``eval.compare`` and ``eval.headline``. Exit codes: 0 ok, 1 regression
(compare) or the last report under a bar (headline --bar), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_REGRESSION, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments or inputs: reported on stderr with exit code 2."""


def load_predictor(path: str, *, device: str | None, apply_calibration: bool) -> Any:
    """Load a model directory. A seam for tests, which swap in a stub predictor."""
    from models import load_model

    return load_model(path, device=device, apply_calibration=apply_calibration)


def route_languages(predictor: Any, multilingual_dir: str | None) -> Any:
    """``predictor`` behind the service's language router (``multilingual_dir``: directories,
    comma-separated, or ``None`` for the shipped ones). Unlike the service, a missing or broken
    per-language model is an error here: the report would silently describe another system."""
    from models.multilingual import load_language_models
    from models.routing import LanguageRouter

    try:
        served = load_language_models(multilingual_dir)
    except Exception as exc:  # ArtifactError, OSError, a missing encoder package
        raise UsageError(f"per-language model: {exc}") from exc
    return LanguageRouter(predictor, served)


def _add_data_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="DIR", help="model directory (e.g. models/default)")
    parser.add_argument(
        "--data",
        nargs="+",
        metavar="FILE",
        default=[],
        help="labelled CSV/JSONL files in the generic format",
    )
    parser.add_argument(
        "--run",
        metavar="RUN_DIR",
        help="a training run directory: evaluate on its validation.jsonl",
    )
    parser.add_argument(
        "--max-per-source",
        type=int,
        metavar="N",
        help="sample at most N rows per source (fixed seed) for a quick run",
    )
    parser.add_argument("--batch-size", type=int, default=32, metavar="N")
    parser.add_argument("--device", help="torch device (default: cuda if available, else cpu)")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="evaluate a model, calibrate thresholds, compare models",
        description="Evaluate a model on labelled data and functional suites and write a report. "
        "Subcommands: 'calibrate' (choose thresholds), 'compare' (regression gate), "
        "'headline' (the few numbers a model change is read by, for several reports).",
    )
    _add_data_args(parser)
    parser.add_argument(
        "--suite",
        nargs="+",
        metavar="CSV",
        help="functional suite CSVs (default: all of eval/suites/*.csv)",
    )
    parser.add_argument("--no-suites", action="store_true", help="skip the functional suites")
    parser.add_argument(
        "--multilingual",
        nargs="?",
        const="",
        metavar="DIR",
        help="score as the service does: posts detected in a per-language model's languages "
        "by that model, the rest by --model (DIR: comma-separated directories, the first "
        "serving a language winning; default the shipped models/multilingual-ar and "
        "models/multilingual)",
    )
    parser.add_argument(
        "--identity-terms",
        metavar="YAML",
        help="identity lexicon for fairness (default: eval/identity_terms.yaml)",
    )
    parser.add_argument("--out", metavar="DIR", help="report directory (report.html, report.json)")
    parser.add_argument(
        "--update-card",
        action="store_true",
        help="write headline numbers into the model directory's MODEL_CARD.md",
    )
    parser.add_argument(
        "--update-readme",
        metavar="README",
        default=None,
        help="write the shipped-model summary between the haven:readme-model markers of README",
    )
    parser.set_defaults(handler=run_eval)
    sub = parser.add_subparsers(dest="eval_command", metavar="{calibrate,compare,headline}")

    calibrate = sub.add_parser(
        "calibrate",
        help="choose thresholds (and calibrate probabilities) on validation data",
        description="Fit probability calibration and choose per-label thresholds against targets; "
        "writes thresholds.json and calibration.json into the model directory.",
    )
    _add_data_args(calibrate)
    calibrate.add_argument("--targets", metavar="YAML", help="default: eval/targets.yaml")
    calibrate.add_argument(
        "--method",
        choices=("temperature", "isotonic", "none"),
        default="temperature",
        help="probability calibration (default: %(default)s)",
    )
    calibrate.add_argument(
        "--dry-run",
        action="store_true",
        help="print what the thresholds would buy without writing files",
    )
    calibrate.add_argument(
        "--audit",
        metavar="CSV",
        help="an audit of the data (eval/audits/ format): its verdicts replace the gold labels "
        "of the rows and labels it covers, and rows it judged unclear are left out",
    )
    calibrate.set_defaults(handler=run_calibrate)

    compare = sub.add_parser(
        "compare",
        help="compare two evaluations; exit 1 if NEW regresses beyond the tolerance",
        description="Show two evaluations side by side. Exit 0 when no gated number is worse by "
        "more than the tolerance, 1 on a regression, 2 on a usage error.",
    )
    compare.add_argument("old", metavar="OLD", help="report.json or report directory")
    compare.add_argument("new", metavar="NEW", help="report.json or report directory")
    compare.add_argument(
        "--tolerance",
        type=float,
        default=0.01,
        help="allowed drop per number (default: %(default)s)",
    )
    compare.add_argument("--by-source", action="store_true",
                         help="also gate ROC-AUC and macro-F1 of every label on each source's "
                              "slice of the data (where it has --min-support positives and "
                              "negatives)")
    compare.add_argument("--min-support", type=int, default=30, metavar="N",
                         help="smallest class size of a gated per-source slice (default 30)")
    compare.add_argument("--also-old", action="append", default=[], metavar="REPORT",
                         help="another run of OLD's recipe (e.g. another seed), repeatable: each "
                              "number is compared with the worst of the OLD runs, and a suite "
                              "case is broken only if every OLD run passed it")
    compare.add_argument("--json", metavar="FILE", help="also write the comparison as JSON")
    compare.add_argument("--update-card", metavar="MODEL_DIR", default=None,
                         help="write the before/after tables into MODEL_DIR/MODEL_CARD.md")
    compare.set_defaults(handler=run_compare)

    headline = sub.add_parser(
        "headline",
        help="the headline numbers of one or more reports side by side (Markdown)",
        description="Print the numbers a model change is read by (members' posts kept, attacks "
        "and crises flagged, long posts, Arabizi crisis posts, ROC-AUC per label and per crisis "
        "source, BPSN, missed referrals, referral burden) for each report, and with several "
        "reports the worst of them on each item: the bar for a candidate read against several "
        "runs of a recipe.",
    )
    headline.add_argument("reports", nargs="+", metavar="REPORT",
                          help="report.json or report directory")
    headline.add_argument("--name", action="append", default=[], metavar="NAME",
                          help="column name, one per report in order (default: the directory)")
    bar = headline.add_mutually_exclusive_group()
    bar.add_argument("--bar", metavar="FILE",
                     help="read every report against a bar saved with --write-bar: a bar column, "
                     "each report's verdict, and exit code 1 if the LAST report is under the "
                     "bar on any item or lacks one")
    bar.add_argument("--write-bar", metavar="FILE",
                     help="save the worst of the reports (one report: its values) as a bar file, "
                     "so that later candidates can be read against runs no longer kept")
    headline.set_defaults(handler=run_headline)


def _guard(handler):  # type: ignore[no-untyped-def]
    """Turn expected input problems into a one-line message and exit code 2."""

    def wrapped(args: argparse.Namespace) -> int:
        from eval.compare import CompareError
        from eval.suites import SuiteError

        try:
            return handler(args)
        except (UsageError, CompareError, SuiteError, FileNotFoundError, ValueError) as error:
            print(f"haven eval: error: {error}", file=sys.stderr)
            return EXIT_USAGE

    wrapped.__name__ = handler.__name__
    wrapped.__doc__ = handler.__doc__
    return wrapped


def _data_paths(args: argparse.Namespace) -> tuple[list[Path], str]:
    from eval.pipeline import validation_path

    if args.data and args.run:
        raise UsageError("give --data or --run, not both")
    if args.run:
        path = validation_path(args.run)
        return [path], f"validation split of {args.run}"
    for path in args.data:
        if not Path(path).is_file():
            raise UsageError(f"{path}: no such file")
    return [Path(p) for p in args.data], ", ".join(str(p) for p in args.data)


def _require_model(args: argparse.Namespace) -> str:
    if not args.model:
        raise UsageError("--model DIR is required")
    if not Path(args.model).is_dir():
        raise UsageError(f"{args.model}: not a directory")
    return args.model


@_guard
def run_eval(args: argparse.Namespace) -> int:
    """Evaluate, write the report, optionally refresh the model card."""
    from eval.card import update_card
    from eval.fairness import IdentityTagger
    from eval.pipeline import evaluate, load_examples
    from eval.report import write_report
    from eval.suites import default_suites, load_suites
    from eval.thresholds import block_thresholds, read_thresholds

    model_dir = _require_model(args)
    if not args.out:
        raise UsageError("--out DIR is required")
    paths, description = _data_paths(args)
    suite_paths = [] if args.no_suites else [Path(p) for p in (args.suite or default_suites())]
    if not paths and not suite_paths:
        raise UsageError("nothing to evaluate: give --data, --run or --suite")
    examples = load_examples(paths, max_per_source=args.max_per_source) if paths else []
    if args.max_per_source and paths:
        description += f" (at most {args.max_per_source} rows per source)"
    cases = load_suites(suite_paths)
    tagger = IdentityTagger.from_yaml(args.identity_terms) if args.identity_terms else None
    predictor = load_predictor(model_dir, device=args.device, apply_calibration=True)
    if args.multilingual is not None:
        if args.update_card:
            raise UsageError("--update-card describes the model directory alone: "
                             "drop --multilingual to refresh its card")
        # The report's model name then says which languages the other model served.
        predictor = route_languages(predictor, args.multilingual or None)
    results = evaluate(
        predictor,
        examples,
        cases,
        block_thresholds=block_thresholds(read_thresholds(model_dir)),
        batch_size=args.batch_size,
        tagger=tagger,
        data_description=description,
        model_path=str(model_dir),
    )
    html_path = write_report(results, args.out)
    print(summary_text(results))
    print(f"report: {html_path}")
    if args.update_card:
        print(f"model card updated: {update_card(model_dir, results)}")
    if args.update_readme:
        from eval.card import CARD_FILE, update_readme

        name = f"{results['model']['name']} {results['model']['version']}"
        card = Path(model_dir) / CARD_FILE
        try:
            card = card.resolve().relative_to(Path(args.update_readme).resolve().parent)
        except ValueError:
            pass
        print(f"README updated: {update_readme(args.update_readme, results, name, str(card))}")
    return EXIT_OK


def summary_text(results: dict[str, Any]) -> str:
    """A few lines for the terminal: per-label headline, routing safety, suite pass rate."""

    def f(v: float | None) -> str:
        return "   –  " if v is None else f"{v:6.3f}"

    lines = []
    if "labels" in results:
        lines.append(f"{results['data']['n']} labelled rows")
        lines.append(
            f"{'label':<11} {'n':>7} {'pos':>6} {'prec':>6} {'recall':>6} {'F1':>6} "
            f"{'ROC':>6} {'PR-AUC':>6} {'ECE':>6}"
        )
        for name, m in results["labels"].items():
            lines.append(
                f"{name:<11} {m['n']:>7} {m['support']:>6} {f(m['precision'])} "
                f"{f(m['recall'])} {f(m['f1'])} {f(m['roc_auc'])} {f(m['pr_auc'])} "
                f"{f(m['ece'])}"
            )
        r = results["routing"]
        lines.append(
            f"routing: {r['n']} rows, missed referrals {r.get('missed_referrals', 0)}, "
            f"blocks of non-abusive posts {r.get('false_blocks', 0)}"
        )
    if "suites" in results:
        s = results["suites"]
        lines.append(f"suites: {s['passed']}/{s['n']} cases pass ({s['pass_rate']:.3f})")
        for func, v in s["functionalities"].items():
            lines.append(f"  {func:<32} {v['passed']:>3}/{v['n']:<3} {v['pass_rate']:.3f}")
        wp = s.get("without_parent")
        if wp:
            lines.append(f"replies ({wp['n']} cases): pass rate with parent "
                         f"{wp['pass_rate_with_parent']:.3f}, without "
                         f"{wp['pass_rate_without_parent']:.3f}")
    for key in ("data", "suites"):
        fair = results.get("fairness", {}).get(key)
        if fair:
            gm = fair["generalized_mean"]
            lines.append(
                f"fairness ({key}): subgroup {f(gm['subgroup_auc'])} BPSN "
                f"{f(gm['bpsn_auc'])} BNSP {f(gm['bnsp_auc'])}"
            )
    return "\n".join(lines)


@_guard
def run_headline(args: argparse.Namespace) -> int:
    """Print the headline table of the given reports; save or apply a bar."""
    from eval.compare import load_results
    from eval.headline import bar_of, format_headline, headline, read_bar, verdict, write_bar

    if args.name and len(args.name) != len(args.reports):
        raise UsageError(f"{len(args.name)} --name for {len(args.reports)} reports: give one "
                         "per report, or none")
    reports = [load_results(path) for path in args.reports]
    names = args.name or [_report_name(path) for path in args.reports]
    bar = None
    if args.bar:
        try:
            bar = read_bar(args.bar)
        except (OSError, ValueError) as error:
            raise UsageError(f"--bar: {error}") from error
    print(format_headline(reports, names, bar))
    if args.write_bar:
        write_bar(args.write_bar, bar_of(headline(reports)), names)
        print(f"wrote the bar of {', '.join(names)} to {args.write_bar}", file=sys.stderr)
    if bar is not None:
        last = verdict(headline(reports), bar, len(reports) - 1)
        if last["under"] or last["missing"]:
            return EXIT_REGRESSION
    return EXIT_OK


def _report_name(path: str) -> str:
    """A report's directory name: ``reports/seed41`` and ``reports/seed41/report.json`` alike."""
    p = Path(path)
    return p.name if p.is_dir() else p.parent.name


@_guard
def run_calibrate(args: argparse.Namespace) -> int:
    """Fit calibration and thresholds on validation data; write them into the model directory."""
    from eval.calibrate import calibrate, describe_points
    from eval.metrics import gold_matrix
    from eval.pipeline import fingerprint, load_examples, predict
    from eval.thresholds import (
        DEFAULT_TARGETS,
        THRESHOLDS_FILE,
        load_targets,
        read_thresholds,
        thresholds_document,
        write_json,
    )
    from models.calibration import CALIBRATION_FILE, read_calibration

    model_dir = Path(_require_model(args))
    paths, description = _data_paths(args)
    if not paths:
        raise UsageError("calibration needs labelled validation data: --run RUN_DIR or --data FILE")
    targets = load_targets(args.targets or DEFAULT_TARGETS)
    examples = load_examples(paths, max_per_source=args.max_per_source)
    # Raw scores: the calibration is fitted on them, and thresholds on the calibrated result.
    predictor = load_predictor(str(model_dir), device=args.device, apply_calibration=False)
    raw = predict(
        predictor, [e.text for e in examples], [e.text_pair for e in examples], args.batch_size
    ).scores.astype("float64")
    y = gold_matrix(examples)
    calibrated_on = (
        f"{description}: {len(examples)} rows, fingerprint {fingerprint(e.text for e in examples)}"
    )
    if args.audit:
        from eval.threshold_tail import apply_audit

        try:
            y, relabelled = apply_audit(y, [e.text for e in examples], args.audit)
        except (OSError, ValueError) as exc:
            raise UsageError(f"--audit: {exc}") from exc
        print(relabelled)
        calibrated_on += f"; {relabelled}"
    result = calibrate(
        y, raw, targets, args.method, previous_calibration=read_calibration(model_dir)
    )
    if result["calibration"]:
        result["calibration"]["fitted_on"] = calibrated_on
    print(describe_points(result["points"], result["skipped"]))
    for warning in result["warnings"]:
        print(f"WARNING: {warning}")
    if args.dry_run:
        print("dry run: nothing written")
        return EXIT_OK
    doc = thresholds_document(result["points"], read_thresholds(model_dir), targets, calibrated_on)
    doc["calibration_method"] = args.method
    write_json(model_dir / THRESHOLDS_FILE, doc)
    calibration_path = model_dir / CALIBRATION_FILE
    if result["calibration"]:
        write_json(calibration_path, result["calibration"])
        print(f"wrote {model_dir / THRESHOLDS_FILE} and {calibration_path} ({args.method})")
    else:
        calibration_path.unlink(missing_ok=True)
        print(
            f"wrote {model_dir / THRESHOLDS_FILE}; no probability calibration "
            f"({calibration_path.name} removed if present)"
        )
    return EXIT_OK


@_guard
def run_compare(args: argparse.Namespace) -> int:
    """Print OLD and NEW side by side; exit 1 if a gated number regressed."""
    from eval.compare import compare, format_comparison, load_results

    old, new = load_results(args.old), load_results(args.new)
    others = [load_results(path) for path in args.also_old]
    result = compare(old, new, args.tolerance, by_source=args.by_source,
                     min_support=args.min_support, others=others)
    old_name = " + ".join(str(p) for p in (args.old, *args.also_old))
    print(format_comparison(result, old_name, str(args.new)))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.update_card:
        from eval.card import comparison_markdown, update_card_comparison

        names = [_report_name(p) for p in (args.old, args.new)]
        if others:  # the old column holds the worst of the runs, not that report's numbers
            names[0] += f" (the worst of {len(others) + 1} runs)"
        card = update_card_comparison(args.update_card, comparison_markdown(result, *names))
        print(f"model card updated: {card}")
    return EXIT_REGRESSION if result["regressions"] else EXIT_OK
