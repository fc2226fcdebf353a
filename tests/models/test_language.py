"""Language identification: scripts, the detector, short posts, declared fallback, Arabizi."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from models.language import (
    FALLBACK_SUPPORTED,
    SUPPORTED_LANGUAGES,
    LanguageGuess,
    arabizi_score,
    detect_language,
    is_supported,
    looks_like_arabizi,
    normalise_code,
    primary_subtag,
    script_counts,
    supported_languages,
)

try:  # the statistical detector is a runtime dependency; script rules work without it
    import py3langid  # noqa: F401

    HAVE_DETECTOR = True
except ImportError:  # pragma: no cover - depends on the environment
    HAVE_DETECTOR = False

needs_detector = pytest.mark.skipif(not HAVE_DETECTOR, reason="py3langid is not installed")


# ----------------------------------------------------------------------------- script rules


def test_arabic_sentence_is_arabic() -> None:
    guess = detect_language("أشعر بالوحدة منذ انتقلت إلى مدينة جديدة، ولا أعرف كيف أكوّن صداقات.")
    assert guess == LanguageGuess("ar", 1.0, "Arab", "detected")


def test_one_arabic_word_is_arabic_even_when_english_is_declared() -> None:
    # Script is reliable where detectors are not: a one-word post in Arabic script is Arabic.
    guess = detect_language("تعبت", declared="en")
    assert (guess.language, guess.source, guess.script) == ("ar", "detected", "Arab")


def test_arabic_with_mentions_and_links_is_arabic() -> None:
    guess = detect_language("@USER شو هالحكي 😂 https://example.org/x")
    assert guess.language == "ar"


@needs_detector
def test_mixed_script_with_enough_arabic_goes_to_arabic() -> None:
    guess = detect_language("honestly الله يعينك on this exam")
    assert guess.language == "ar"
    assert guess.script == "Latn"  # dominant script reported as is
    assert 0.3 <= guess.confidence < 0.5


@needs_detector
def test_english_with_a_single_arabic_word_stays_english() -> None:
    guess = detect_language("We had the best dinner with my grandmother tonight, she kept saying "
                            "حبيبي to everyone at the table")
    assert guess.language == "en"


@needs_detector
def test_persian_is_not_mistaken_for_arabic() -> None:
    guess = detect_language("این یک جمله فارسی است که برای آزمایش نوشته شده است")
    assert guess.language == "fa"
    assert not is_supported(guess.language)


@needs_detector
def test_other_scripts_are_detected_not_declared() -> None:
    guess = detect_language("Привет, как у тебя дела сегодня?", declared="en")
    assert guess.script == "Cyrl"
    assert guess.source == "detected"
    assert guess.language != "en"


def test_emoji_only_post_uses_declared_language_or_falls_back() -> None:
    assert detect_language("😂😂🔥", declared="pt") == LanguageGuess("pt", 1.0, "Zyyy", "declared")
    assert detect_language("😂😂🔥") == LanguageGuess("und", 0.0, "Zyyy", "fallback")


def test_script_counts_ignore_digits_and_punctuation() -> None:
    assert script_counts("abc 123 !! عرب") == {"Latn": 3, "Arab": 3}


# ------------------------------------------------------------------------- the detector


@needs_detector
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I am so tired of everything and nobody here listens to me anymore", "en"),
        ("Je suis vraiment fatiguée de tout ça, personne ne m'écoute jamais.", "fr"),
        ("Ich bin so müde und niemand hört mir zu, das ist alles zu viel.", "de"),
        ("Estou muito cansada de tudo isso, ninguém me escuta mais.", "pt"),
    ],
)
def test_latin_script_languages(text: str, language: str) -> None:
    guess = detect_language(text)
    assert (guess.language, guess.source, guess.script) == (language, "detected", "Latn")
    assert guess.confidence >= 0.5


@needs_detector
def test_short_post_falls_back_to_declared_language() -> None:
    guess = detect_language("ok merci", declared="fr")
    assert guess == LanguageGuess("fr", 1.0, "Latn", "declared")


@needs_detector
def test_short_ambiguous_post_without_declared_language_is_undetermined() -> None:
    guess = detect_language("lol ok")
    assert (guess.language, guess.source) == ("und", "fallback")
    assert guess.confidence < 0.5


@needs_detector
def test_declared_language_does_not_override_a_long_confident_post() -> None:
    guess = detect_language("Ich bin so müde und niemand hört mir zu, das ist alles zu viel.",
                            declared="en")
    assert (guess.language, guess.source) == ("de", "detected")


def test_undetermined_declared_tags_are_ignored() -> None:
    assert detect_language("😂", declared="und").source == "fallback"
    assert detect_language("😂", declared="  ").source == "fallback"


# ------------------------------------------------------------------------------- Arabizi


@needs_detector
@pytest.mark.parametrize("text", [
    "ana ta3ban kteer w bade mout, ma 3ad fiye kammel",
    "7ad y3raf doctor kwayes fe masr el gedida?",
    "yalla shabab, min jey 3al match bukra?",
])
def test_arabizi_is_tagged_arabic_in_latin_script(text: str) -> None:
    guess = detect_language(text)
    assert (guess.language, guess.script, guess.source) == ("ar-Latn", "Latn", "detected")
    assert guess.primary == "ar"


@needs_detector
def test_english_with_one_arabic_loanword_or_textspeak_stays_english() -> None:
    assert detect_language("Yalla, let's go to the gym before work tomorrow morning").language == "en"
    assert detect_language("see you 2day at 3pm, gr8 to have you back in the group").language == "en"


def test_arabizi_score_counts_digit_words_and_lexicon() -> None:
    digit_words, lexicon, words = arabizi_score("wallah ma 3ad fiye")
    assert (digit_words, words) == (1, 4)
    assert lexicon >= 2
    assert looks_like_arabizi("wallah ma 3ad fiye")
    assert not looks_like_arabizi("mp3 player for sale")


# ------------------------------------------------------------------- codes and support


def test_codes_are_normalised() -> None:
    assert normalise_code("arz") == "ar"
    assert normalise_code("ARY") == "ar"
    assert normalise_code("zxx") == "und"
    assert normalise_code(None) == "und"
    assert primary_subtag("ar-LB") == "ar"
    assert primary_subtag("pt_BR") == "pt"
    assert primary_subtag(None) == "und"


def _label(roc_auc: float | None, positives: int = 50) -> dict:
    return {"roc_auc": roc_auc, "pr_auc": roc_auc, "positives": positives, "support": 400}


def test_supported_languages_come_from_the_artifacts(tmp_path: Path) -> None:
    default, multilingual = tmp_path / "default", tmp_path / "multilingual"
    default.mkdir()
    multilingual.mkdir()
    (default / "metrics.json").write_text(json.dumps({"per_language": {
        "en": {"hate": _label(0.9), "self_harm": _label(0.88)},
        "de": {"offensive": _label(0.75), "hate": _label(0.4, positives=4)},  # 4: not measured
        "fr": {"hate": _label(0.6)},                                         # measured, too weak
        "pt": {"hate": _label(None, positives=0)},                           # nothing measured
        "ar": {"hate": _label(0.6)},                            # weak, but served by the other
    }}))
    (multilingual / "haven_multilingual.json").write_text(json.dumps({"languages": ["ar"]}))
    (multilingual / "metrics.json").write_text(json.dumps({"validation": {
        "ar": {"hate": _label(0.75), "offensive": _label(0.8)}}}))
    assert supported_languages(default, multilingual) == {"en", "de", "ar"}


def test_a_served_language_is_judged_on_the_model_that_serves_it(tmp_path: Path) -> None:
    (tmp_path / "metrics.json").write_text(json.dumps({"per_language": {
        "en": {"hate": _label(0.9)}, "ar": {"hate": _label(0.9)}}}))
    (tmp_path / "haven_multilingual.json").write_text(json.dumps({"languages": ["ar"]}))
    # The per-language model has no measurements: its languages are not claimed.
    assert supported_languages(tmp_path, tmp_path) == {"en"}


def test_measured_support_rule() -> None:
    from models.language import MIN_MEASURED_POSITIVES, MIN_SUPPORTED_ROC_AUC, measured_support

    assert measured_support({"hate": _label(MIN_SUPPORTED_ROC_AUC)})
    assert not measured_support({"hate": _label(0.9), "offensive": _label(0.69)})
    assert not measured_support({"hate": _label(0.9, positives=MIN_MEASURED_POSITIVES - 1)})
    assert not measured_support({}) and not measured_support(None)


def test_supported_languages_read_the_manifest_when_metrics_are_missing(tmp_path: Path) -> None:
    (tmp_path / "data_manifest.json").write_text(json.dumps({"sources": {
        "olid": {"status": "ok", "language": ["en"]},
        "germeval2018": {"status": "missing", "language": ["de"]},
    }}))
    assert supported_languages(tmp_path, tmp_path / "none") == {"en"}


def test_supported_languages_fall_back_without_artifacts(tmp_path: Path) -> None:
    assert supported_languages(tmp_path, tmp_path) == FALLBACK_SUPPORTED


def test_a_missing_default_artifact_still_leaves_its_languages_supported(tmp_path: Path) -> None:
    multilingual = tmp_path / "multilingual"
    multilingual.mkdir()
    (multilingual / "haven_multilingual.json").write_text(json.dumps({"languages": ["ar"]}))
    (multilingual / "metrics.json").write_text(json.dumps({"validation": {
        "ar": {"hate": _label(0.6)}}}))
    # A model directory elsewhere (HAVEN_MODEL_DIR) or not yet trained: English is not dropped.
    assert supported_languages(tmp_path / "none", multilingual) == FALLBACK_SUPPORTED - {"ar"}


def test_shipped_support_covers_the_trained_languages() -> None:
    assert {"en", "ar"} <= SUPPORTED_LANGUAGES
    assert SUPPORTED_LANGUAGES == supported_languages()  # what the shipped artifacts measure
    assert is_supported("ar")
    assert not is_supported("ar-Latn")  # Arabizi: no model was trained on it
    assert not is_supported("und", frozenset({"en"}))


# ------------------------------------------------------------- the shortcuts change no answer

_SUITES = Path(__file__).resolve().parents[2] / "eval" / "suites"
_MIXED = [
    "Je suis tellement fatiguée de tout, personne ne m'écoute au travail.",
    "Ich habe heute wieder einen Kommentar über meinen Akzent gehört.",
    "Hoje foi um dia difícil, mas a minha irmã ligou e ajudou muito.",
    "No sé por qué sigo aquí, todo me cuesta demasiado últimamente.",
    "Привет всем, я новенькая здесь и немного волнуюсь.",
    "ana ta3bana kteer el yom, ma 3am 2olak", "kms lol", "", "!!! 123 ...",
    "Visit https://example.org/help or www.example.com now @USER #support",
    "ÇA SUFFIT, JE N'EN PEUX PLUS", "İstanbul'da yaşıyorum ve çok mutluyum.",
]


def _suite_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(_SUITES.glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                texts += [t for t in (row.get("text"), row.get("reply_to_text")) if t]
    return texts


def _reference_classify(identifier, text: str) -> tuple[str, float]:  # noqa: ANN001
    # What _classify computed before its shortcuts: py3langid's public rank, top ten folded.
    totals: Counter[str] = Counter()
    for code, prob in identifier.rank(text.lower())[:10]:
        totals[normalise_code(code)] += float(prob)
    code, prob = totals.most_common(1)[0]
    return code, min(prob, 1.0)


@needs_detector
def test_classify_shortcuts_give_py3langids_own_answers() -> None:
    """The float32 rows and the top-ten shortcut must give exactly what the library's plain
    identifier and its ``rank`` give, on every suite text (English and Arabic) and a few other
    languages and shapes; a py3langid upgrade that changes its internals fails here."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from models import language

    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    texts = _suite_texts() + _MIXED
    assert len(texts) > 500
    for text in texts:
        assert language._classify(text) == _reference_classify(plain, text), text
    fast = language._identifier()
    assert fast._converted.any()  # the float32 rows were used, not the library's own path
    converted = np.flatnonzero(fast._converted)
    assert np.array_equal(fast._rows32[converted], plain.nb_ptc[converted].astype(np.float32))


def test_ascii_script_count_and_markup_shortcuts_match_the_general_rules() -> None:
    from models import language

    for text in _suite_texts()[:200] + _MIXED:
        general: dict[str, int] = {}
        for char in text:
            if char.isalpha() and (script := language._script_of(char)):
                general[script] = general.get(script, 0) + 1
        assert script_counts(text) == general, text
        body = language._MENTION.sub(" ", language._URL.sub(" ", text)).replace("#", " ")
        assert language._strip_markup(text) == body, text
