"""``haven train`` and ``haven data``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

DEFAULT_CONFIG = Path(__file__).resolve().parent / "configs" / "default.yaml"


def _config_args(parser: argparse.ArgumentParser,
                 config_help: str = "YAML config (default: training/configs/default.yaml)") -> None:
    """``--config`` and ``--set``: the training config every data-reading command starts from."""
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help=config_help)
    parser.add_argument("--set", dest="overrides", action="append", default=[],
                        metavar="SECTION.KEY=VALUE",
                        help="override a config value, e.g. --set train.epochs=1 (repeatable)")


def register(sub: argparse._SubParsersAction) -> None:
    train = sub.add_parser("train", help="fine-tune a model from a YAML config",
                           description="Fine-tune a Haven model (LoRA + heads) from a YAML config.")
    _config_args(train)
    train.add_argument("--data", dest="extra_files", action="append", default=[], metavar="FILE",
                       help="extra labelled CSV/JSONL (e.g. `haven feedback export` output), repeatable")
    train.add_argument("--fresh", action="store_true",
                       help="ignore an existing checkpoint in the run directory and start over")
    train.add_argument("--quiet", action="store_true", help="no progress bar")
    train.set_defaults(handler=run_train)

    data = sub.add_parser("data", help="inspect the training data (sources, counts, splits)")
    _config_args(data)
    data.add_argument("--json", action="store_true", help="print the full manifest as JSON")
    data.add_argument("--write-split", type=Path, default=None, metavar="DIR",
                      help="also write DIR/train.jsonl and DIR/validation.jsonl (the exact split "
                           "`haven train` uses, e.g. to evaluate a shipped model without retraining)")
    data.set_defaults(handler=run_data)

    soup = sub.add_parser(
        "soup", help="interpolate the weights of two fine-tuned models",
        description="Write the model (1 - W) x FIRST + W x SECOND: adapters and heads of two "
        "models fine-tuned from the same base encoder, mixed exactly (training/soup.py). "
        "Then run `haven eval calibrate` on it, as on any new model.")
    soup.add_argument("first", type=Path, help="model directory (weight 1 - W)")
    soup.add_argument("second", type=Path, help="model directory (weight W); its inference "
                      "settings (pooling, windows, alone floor) are kept")
    soup.add_argument("--weight", type=float, required=True, metavar="W",
                      help="the second model's share, between 0 and 1")
    soup.add_argument("--out", type=Path, required=True, help="new model directory")
    soup.add_argument("--version", default=None, help="version of the new model "
                      "(default: the second model's)")
    where = soup.add_mutually_exclusive_group(required=True)
    where.add_argument("--run", type=Path, metavar="RUN_DIR",
                       help="score RUN_DIR/validation.jsonl for metrics.json and thresholds")
    where.add_argument("--data", type=Path, metavar="FILE",
                       help="labelled CSV/JSONL to score instead")
    soup.set_defaults(handler=run_soup)

    refit = sub.add_parser(
        "refit", help="refit a model's label head on its frozen encoder",
        description="Refit MODEL's label head on its frozen encoder, with the config's training "
        "data and its hard-case rows (data.oversample_files) weighted by --hard-weight "
        "(training/refit.py). Then run `haven eval calibrate` on it, as on any new model.")
    refit.add_argument("model", type=Path, help="trained model directory")
    _config_args(refit, "the YAML config MODEL was trained with: its data section gives the "
                        "training rows and the validation split")
    refit.add_argument("--hard-weight", type=float, default=0.5, metavar="W",
                       help="loss weight of the oversampled hard-case rows (public rows: 1; "
                            "default 0.5)")
    refit.add_argument("--labels", type=lambda v: [x.strip() for x in v.split(",") if x.strip()],
                       default=None, metavar="L1,L2",
                       help="refit only these outputs, e.g. self_harm,distress (default: all); "
                            "the others keep the model's own weights")
    refit.add_argument("--epochs", type=int, default=20, help="passes over the features (20)")
    refit.add_argument("--seed", type=int, default=13)
    refit.add_argument("--feature-cache", type=Path, default=None, metavar="DIR",
                       help="keep the encoder's pooled features of the training rows here and "
                            "reuse them when the same encoder sees the same rows again: a sweep "
                            "of --hard-weight or presumed-negative settings then takes seconds "
                            "per refit after the first (off by default: the vectors derive from "
                            "posts; keep DIR with the training data, e.g. runs/features)")
    refit.add_argument("--pooling", choices=["text_max"], default=None,
                       help="add the per-token maximum to a text-pooled model's vector: the "
                            "refitted outputs read both, the others score as before")
    refit.add_argument("--out", type=Path, required=True, help="new model directory")
    refit.add_argument("--version", default=None, help="version of the new model "
                       "(default: MODEL's)")
    refit.set_defaults(handler=run_refit)

    from training.hardcases.__main__ import build_parser, run

    hardcases = sub.add_parser("hardcases", help="generate the hard-case training set",
                               description="Generate Haven's hard-case training set (docs/hardcases.md).")
    build_parser(hardcases)
    hardcases.set_defaults(handler=run)


def _load(args) -> tuple:
    from training.config import ConfigError, load_config
    from training.data.dataset import DataDirMissing, build_dataset

    try:
        config = load_config(args.config, args.overrides)
    except (ConfigError, OSError) as exc:
        print(f"haven: bad training config: {exc}", file=sys.stderr)
        return None, None
    dc = config.data
    extra = [*dc.extra_files, *getattr(args, "extra_files", [])]
    try:
        splits = build_dataset(
            dc.resolved_data_dir(), dc.sources, extra_files=extra, val_fraction=dc.val_fraction,
            seed=dc.split_seed, max_train_per_source=dc.max_train_per_source,
            max_val_per_source=dc.max_val_per_source)
    except DataDirMissing as exc:
        print(f"haven: {exc}", file=sys.stderr)
        return config, None
    except (ValueError, FileNotFoundError) as exc:
        print(f"haven: cannot read training data: {exc}", file=sys.stderr)
        return config, None
    try:
        added = oversample(splits, dc.oversample_files)
    except (ValueError, FileNotFoundError) as exc:
        print(f"haven: cannot read oversample file: {exc}", file=sys.stderr)
        return config, None
    if added:
        splits.manifest["oversampled"] = added
    unpaired = pair_batch_error(config.train.pair_batch_functionalities, splits.train)
    if unpaired:
        print(f"haven: {unpaired}", file=sys.stderr)
        return config, None
    return config, splits


def pair_batch_error(names: list[str], train: list) -> str | None:
    """Why train.pair_batch_functionalities cannot work on ``train`` (None when it can): a run
    whose pairs never reach the data would spend its hour batching nothing together."""
    missing = set(names) - {e.functionality for e in train}
    if not missing:
        return None
    return (f"train.pair_batch_functionalities names {sorted(missing)}, but no training row has "
            "that functionality (generate it with haven hardcases --functionalities and add the "
            "file to data.oversample_files)")


def oversample(splits, files: list[str]) -> dict[str, int]:
    """Append rows of ``files`` to the training split (see ``data.oversample_files``)."""
    from models.examples import text_key
    from models.labelled_io import read_labelled

    held_out = {text_key(e.text) for e in splits.validation}
    added: dict[str, int] = {}
    for path in files:
        rows = [e for e in read_labelled(path) if text_key(e.text) not in held_out]
        splits.train.extend(rows)
        added[str(path)] = len(rows)
    return added


def run_data(args) -> int:
    config, splits = _load(args)
    if splits is None:
        return 2
    if args.write_split is not None:
        from models.labelled_io import write_labelled

        args.write_split.mkdir(parents=True, exist_ok=True)
        for name, rows in (("train", splits.train), ("validation", splits.validation)):
            write_labelled(rows, args.write_split / f"{name}.jsonl")
        print(f"wrote {len(splits.train)} train and {len(splits.validation)} validation rows to "
              f"{args.write_split}", file=sys.stderr)
    if args.json:
        print(json.dumps(splits.manifest, indent=2))
        return 0
    print(f"{'source':28} {'train':>7} {'val':>6}")
    for name, info in splits.manifest.get("sources", {}).items():
        if isinstance(info, dict):
            print(f"{name:28} {info.get('train', 0):>7} {info.get('validation', 0):>6}")
    print(f"{'total':28} {len(splits.train):>7} {len(splits.validation):>6}")
    return 0


def run_train(args) -> int:
    logging.basicConfig(level=logging.WARNING)
    config, splits = _load(args)
    if splits is None:
        return 2
    from training.trainer import CHECKPOINT_FILE, Trainer

    trainer = Trainer(config, splits.train, splits.validation, splits.manifest,
                      progress=not args.quiet)
    if args.fresh:
        (trainer.run_dir / CHECKPOINT_FILE).unlink(missing_ok=True)
    print(f"training on {len(splits.train)} examples, validating on {len(splits.validation)}; "
          f"{trainer.total_steps} steps on {trainer.device}; run dir {trainer.run_dir}", flush=True)
    result = trainer.fit(resume=not args.fresh)
    print_summary(result.metrics)
    print(f"\nmodel written to {result.model_dir} (stopped: {result.stopped_because}, "
          f"best step {result.state.best_step})")
    return 0


def print_summary(metrics: dict) -> None:
    from models.taxonomy import LABELS

    overall = metrics["overall"]
    header = f"{'label':11} {'support':>8} {'pos':>6} {'thresh':>7} {'ROC-AUC':>8} {'PR-AUC':>7} {'prec':>6} {'recall':>7} {'F1':>6}"
    print("\n" + header + "\n" + "-" * len(header))
    for label in LABELS:
        m = overall[label]
        f = lambda x: "   –" if x is None else f"{x:.3f}"  # noqa: E731
        print(f"{label:11} {m['support']:>8} {m['positives']:>6} {m['threshold']:>7.3f} {f(m['roc_auc']):>8} "
              f"{f(m['pr_auc']):>7} {f(m['precision']):>6} {f(m['recall']):>7} {f(m['f1']):>6}")


def run_soup(args) -> int:
    from models.labelled_io import read_labelled
    from training.soup import SoupError, interpolate, write_validation

    data = args.data if args.data is not None else args.run / "validation.jsonl"
    try:
        examples = list(read_labelled(data))
    except (OSError, ValueError) as exc:
        print(f"haven: cannot read validation data {data}: {exc}", file=sys.stderr)
        return 2
    if not examples:
        print(f"haven: {data} holds no labelled examples", file=sys.stderr)
        return 2
    try:
        config = interpolate(args.first, args.second, args.weight, args.out, version=args.version)
    except SoupError as exc:
        print(f"haven: {exc}", file=sys.stderr)
        return 2
    summary = write_validation(args.out, config, examples)
    print_summary(summary)
    print(f"\nwrote {args.out} ({config.name} {config.version}: {1 - args.weight:g} x "
          f"{args.first} + {args.weight:g} x {args.second}); next: haven eval calibrate "
          f"--model {args.out} ...")
    return 0


def run_refit(args) -> int:
    logging.basicConfig(level=logging.WARNING)
    from training.refit import RefitError, RefitSettings, refit, write_card

    config, splits = _load(args)
    if splits is None:
        return 2
    oversampled = sum((splits.manifest.get("oversampled") or {}).values())
    tc = config.train
    settings = RefitSettings(hard_weight=args.hard_weight, epochs=args.epochs, seed=args.seed,
                             pos_weight_max=tc.pos_weight_max,
                             presumed_labels=tuple(tc.presumed_negative_labels),
                             presumed_sources=tuple(tc.presumed_negative_sources),
                             presumed_weight=tc.presumed_negative_weight)
    try:
        refitted = refit(args.model, splits.train, oversampled, args.out, settings,
                         version=args.version, labels=args.labels,
                         feature_cache=args.feature_cache, pooling=args.pooling)
    except RefitError as exc:
        print(f"haven: {exc}", file=sys.stderr)
        return 2
    from training.metrics import write_validation

    summary = write_validation(args.out, splits.validation, {"heads_refit": refitted.heads_refit},
                               "F1-optimal per label on the validation split, after `haven refit`")
    write_card(args.out, refitted, summary)
    print_summary(summary)
    outputs = ", ".join(refitted.heads_refit["labels"])
    print(f"\nwrote {args.out} ({refitted.name} {refitted.version}: {args.model}'s label head "
          f"refitted for {outputs}, hard cases at weight {args.hard_weight:g}); next: haven eval "
          f"calibrate --model {args.out} ...")
    return 0
