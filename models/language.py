"""Language identification for posts, and the languages Haven's models support.

``detect_language(text, declared)`` combines three signals, in this order:

1. **Script.** Letters are counted per Unicode script. A post whose letters are at least
   ``ARABIC_SHARE`` Arabic script is Arabic (``ar``) even when it is one word long: statistical
   detectors are unreliable on two-word posts, but script is not, and Arabic is the only
   supported language written in it. A confident detector answer for another Arabic-script
   language (Persian, Urdu, ...) still wins, so those are not mistaken for a supported language.
2. **Arabizi.** Arabic written in Latin letters with digits for sounds Latin lacks (``3`` ain,
   ``7`` ha, ``2`` hamza, ``5`` kha, ``9`` sad/qaf) and a few very common words (``yalla``,
   ``wallah``, ``kteer``...). Detectors call it Hausa or Somali; we tag it ``ar-Latn`` (the
   BCP 47 tag for Arabic in Latin script), so referral picks Arabic-speaking services while
   model support is decided separately (the Arabic model was trained on Arabic script only).
3. **A statistical detector**, py3langid (a maintained langid.py fork; its model ships inside
   the package, 0.1 ms a post). Chosen by measurement over lingua, pycld2 and langdetect:
   docs/languages.md.

Short or ambiguous posts: under ``MIN_WORDS`` words, or under ``MIN_CONFIDENCE``, the
platform's declared language is used when given (``source="declared"``); otherwise the guess
is ``und`` (``source="fallback"``). Post text is never logged here.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np

log = logging.getLogger(__name__)

Source = Literal["detected", "declared", "fallback"]

#: Below this many words a detector's guess is not trusted over a declared language.
MIN_WORDS = 3
#: py3langid's normalised probability under which a guess is not trusted (measured: wrong
#: guesses on the shared data cluster under 0.5, docs/languages.md).
MIN_CONFIDENCE = 0.5
#: Share of letters in Arabic script from which a post counts as Arabic (mixed posts included:
#: the Arabic model also reads the English or French words of a code-switched post).
ARABIC_SHARE = 0.3
#: A detector answer for another Arabic-script language must be this sure to beat rule 1.
OTHER_ARABIC_SCRIPT_CONFIDENCE = 0.9
UNDETERMINED = "und"

#: Detector codes folded into the language we support: Arabic varieties into ``ar``
#: (py3langid knows Egyptian ``arz`` and Moroccan ``ary``), Norwegian written forms into ``no``.
_MACRO = {"arz": "ar", "ary": "ar", "apc": "ar", "ajp": "ar", "acm": "ar", "afb": "ar",
          "aeb": "ar", "ayl": "ar", "arq": "ar", "nb": "no", "nn": "no", "zxx": UNDETERMINED}
#: Languages other than Arabic that are written in Arabic script.
_OTHER_ARABIC_SCRIPT = {"fa", "ur", "ps", "ckb", "sd", "ug", "ku", "sdh"}

_URL = re.compile(r"https?://\S+|www\.\S+", re.I)
_MENTION = re.compile(r"@\w+|\bUSER\b|\bURL\b|<LF>")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_DIGIT = re.compile(r"\d")
#: Arabizi: a digit standing for an Arabic sound inside or before letters (3ala, ta3ban, 7abibi,
#: 2alb). English text-speak (2day, gr8, b4, 4u) uses 2/4/8 differently, hence the exclusions.
_ARABIZI_DIGIT_WORD = re.compile(r"^(?:[a-z]*[2357689][a-z]+|[a-z]+[35796][a-z]*)$")
_TEXTSPEAK = re.compile(r"^(?:2day|2nite|2night|2morrow|2moro|gr8|l8r|m8|h8|str8|2u|b4|4u|"
                        r"2go|w8|sk8|mp3|ps3|ps5|5g|3d|9am|9pm|5am|5pm|3am|3pm|7am|7pm|2am|2pm|\d+(?:st|nd|rd|th|s))$")
_ARABIZI_WORDS = frozenset("""
yalla yallah habibi habibti habibi7 wallah wallahi walla inshallah inshalla insha mashallah
alhamdulillah hamdulilah khalas khalass shu shou sho shoo kteer ktir kter ktiir ana enta enti
inta inti ente mesh mish msh mich mafi mafish mafeesh 3am leh leish lesh lei laish ahla
ahlan marhaba marhaban shukran shokran tayeb tayyeb tab akid akeed hayda hayde haida haide
hek heik kaman kaman kamaan elli illi baddi bade bidi bedde 3ayez 3ayza 3awz 3ayz ezay ezzay
izzay keda kida kda awi 2awi gedan geddan abadan ma3 ma3i ma3ak 3andi 3ndi 3leik 3lek 3aleik
fi fih fiye fiya ya3ni yaani ya3ny la2 lah2 tamam zay zai zalameh zalame sa7 sa7i7 7abibi
7ayati 7aram 7elo 7elwe 7ilo 7lwe ba3d ba3den ba3dein lesa lissa lessa ba7eb ba7ebak bahebak
bhebak b7ebak b7bk ya3 yaa 5alas 5alass 3anjad 3njd wlak wle yel3an tfeh mnee7 mni7 mabsout
ta3ban ta3bane ta3bana zahe2 za3lan za3lane 3ayesh 3aysh ymoot amoot mot mout moot
""".split())

# Scripts we name (ISO 15924). Unicode character names start with the script for letters.
_SCRIPT_PREFIXES = (
    ("ARABIC", "Arab"), ("LATIN", "Latn"), ("CYRILLIC", "Cyrl"), ("GREEK", "Grek"),
    ("HEBREW", "Hebr"), ("DEVANAGARI", "Deva"), ("CJK", "Hani"), ("HIRAGANA", "Jpan"),
    ("KATAKANA", "Jpan"), ("HANGUL", "Hang"), ("THAI", "Thai"), ("BENGALI", "Beng"),
    ("TAMIL", "Taml"), ("ETHIOPIC", "Ethi"), ("ARMENIAN", "Armn"), ("GEORGIAN", "Geor"),
)


@dataclass(frozen=True)
class LanguageGuess:
    """What we believe a post's language is, and why.

    ``language``: BCP 47 tag (``ar``, ``en``, ``ar-Latn`` for Arabizi) or ``und``.
    ``confidence``: 0-1 (the detector's probability, or the share of letters in the deciding
    script; 1.0 for a declared language, which we take on trust).
    ``script``: ISO 15924 code of the post's dominant script (``Zyyy`` when it has no letters).
    ``source``: ``detected`` from the text, ``declared`` by the platform because the text was
    too short or ambiguous, ``fallback`` when neither was available.
    """

    language: str
    confidence: float
    script: str
    source: Source

    @property
    def primary(self) -> str:
        """Primary language subtag (``ar-Latn`` -> ``ar``), what referral directories match on."""
        return primary_subtag(self.language)


def primary_subtag(tag: str | None) -> str:
    if not tag:
        return UNDETERMINED
    return tag.replace("_", "-").split("-")[0].lower() or UNDETERMINED


def normalise_code(code: str | None) -> str:
    """Detector output -> the code we report (macrolanguage folding, ``zxx`` -> ``und``)."""
    if not code:
        return UNDETERMINED
    code = code.lower()
    return _MACRO.get(code, code)


@lru_cache(maxsize=4096)
def _script_of(char: str) -> str | None:
    # Cached: a post repeats its letters, and the name lookup is the cost of detection.
    if char.isascii():
        return "Latn" if char.isalpha() else None
    name = unicodedata.name(char, "")
    for prefix, script in _SCRIPT_PREFIXES:
        if name.startswith(prefix):
            return script
    return "Zzzz" if char.isalpha() else None


#: Every ASCII byte that is not a letter: deleting them leaves an ASCII text's letters.
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


def script_counts(text: str) -> Counter[str]:
    """Letters per script (ISO 15924); digits, punctuation and emoji are not counted."""
    counts: Counter[str] = Counter()
    if text.isascii():
        # Most posts: every letter is Latin, and one C-level pass counts them.
        letters = len(text.encode("ascii").translate(None, _ASCII_NON_LETTERS))
        if letters:
            counts["Latn"] = letters
        return counts
    # Count distinct characters first: a post has a few dozen distinct letters, hundreds in all.
    for char, n in Counter(text).items():
        if char.isalpha():
            script = _script_of(char)
            if script:
                counts[script] += n
    return counts


def _strip_markup(text: str) -> str:
    # The substring checks skip a regex scan of the whole post when it cannot match (most
    # posts have no link and no mention); the result is the same either way.
    if "://" in text or "www." in text.lower():
        text = _URL.sub(" ", text)
    if "@" in text or "USER" in text or "URL" in text or "<LF>" in text:
        text = _MENTION.sub(" ", text)
    return text.replace("#", " ")


def arabizi_score(text: str) -> tuple[int, int, int]:
    """(words with Arabizi digits, Arabizi lexicon words, words) in a Latin-script text."""
    # Lower-casing the whole text is cheaper than each word, and identical for ASCII (in other
    # scripts lower() can change a word's length: Turkish İ).
    words = (_WORD.findall(text.lower()) if text.isascii()
             else [w.lower() for w in _WORD.findall(text)])
    # Only words with a digit can be Arabizi digit-words; most posts have none, and this runs
    # on every Latin-script post the service scores.
    digit_words = sum(1 for w in words if not w.isalpha() and _ARABIZI_DIGIT_WORD.match(w)
                      and not _TEXTSPEAK.match(w) and not w.isdigit()) if _DIGIT.search(text) else 0
    lexicon = sum(1 for w in words if w in _ARABIZI_WORDS)
    return digit_words, lexicon, len(words)


def looks_like_arabizi(text: str, detector_confidence: float = 1.0) -> bool:
    """Heuristic: two Arabizi signals, at least one a digit-word (or three lexicon words and a
    third of the post), so English that says "yalla" or "habibi" once stays English. One
    digit-word is enough when the detector cannot name the language either (short posts)."""
    digit_words, lexicon, n = arabizi_score(text)
    if n == 0:
        return False
    if digit_words >= 1 and (digit_words + lexicon >= 2 or detector_confidence < MIN_CONFIDENCE):
        return True
    return lexicon >= 3 and lexicon / n >= 0.3


@lru_cache(maxsize=1)
def _identifier():
    """py3langid with normalised probabilities, loaded once (about 30 ms, 4 MB); ``None`` when
    the package is missing, so moderation degrades to script rules and declared languages
    instead of failing."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        log.warning("py3langid is not installed: language detection uses script rules and "
                    "declared languages only")
        return None

    class Float32Rows(LanguageIdentifier):  # type: ignore[misc, valid-type]
        """Scores from float32 copies of the table rows a post uses, made once per row.

        py3langid keeps its feature table (100,053 features x 142 languages) in float16 and
        casts the ~100 rows a post uses on every call: measured with callgrind, that cast was a
        third of language detection and a tenth of a whole one-post request. The copies give
        exactly the same floats (a float16 always has an exact float32); they fill a zeroed
        float32 table that the OS maps page by page, so only rows met take memory (14 MB after
        the 4,962 validation posts, 57 MB at most). Concurrent callers at worst convert a row
        twice, to the same value: a row is marked done only after it is written."""

        def _sparse_score(self, visits, table):  # noqa: ANN001, ANN202 (py3langid's signature)
            if table is not self._full_model[0]:  # restricted by set_languages
                return super()._sparse_score(visits, table)
            idx = np.fromiter(visits.keys(), dtype=np.intp, count=len(visits))
            counts = np.fromiter(visits.values(), dtype=np.float32, count=len(visits))
            fresh = idx[~self._converted[idx]]
            if fresh.size:
                self._rows32[fresh] = table[fresh]
                self._converted[fresh] = True
            return np.log1p(counts) @ self._rows32[idx] + self.nb_pc

    identifier = Float32Rows.from_model_file(MODEL_FILE, norm_probs=True)
    # Zeroed (calloc): no page is touched until a row is converted into it.
    identifier._rows32 = np.zeros(identifier.nb_ptc.shape, np.float32)
    identifier._converted = np.zeros(identifier.nb_ptc.shape[0], bool)
    # Each distinct label's first column, and its folded code, for _classify.
    first: dict[str, int] = {}
    for i, label in enumerate(identifier.nb_classes):
        first.setdefault(label, i)
    identifier.haven_columns = np.fromiter(first.values(), dtype=np.intp, count=len(first))
    identifier.haven_codes = [normalise_code(label) for label in first]
    return identifier


def detector_available() -> bool:
    return _identifier() is not None


def _classify(text: str) -> tuple[str, float]:
    """Detector guess with probability mass of folded codes added up (``ar`` + ``arz`` + ...).

    Sums the ten likeliest labels, as ranked by py3langid's ``rank`` (best first, ties in
    label order), without ``rank``'s sort of all 142 as Python objects; the answer is the
    same (tests/models/test_language.py compares the two)."""
    identifier = _identifier()
    if identifier is None:
        return UNDETERMINED, 0.0
    scores = identifier._decide(text.lower())[identifier.haven_columns]
    top = np.argsort(-scores, kind="stable")[:10]
    totals: Counter[str] = Counter()
    codes = identifier.haven_codes
    for i, prob in zip(top.tolist(), scores[top].tolist()):
        totals[codes[i]] += prob
    code, prob = totals.most_common(1)[0]
    return code, min(prob, 1.0)


def _declared_or_fallback(declared: str | None, script: str, guess: str, confidence: float
                          ) -> LanguageGuess:
    if declared:
        return LanguageGuess(declared, 1.0, script, "declared")
    return LanguageGuess(UNDETERMINED, round(confidence, 4), script, "fallback")


def detect_language(text: str, declared: str | None = None) -> LanguageGuess:
    """Best guess of a post's language; see the module docstring for the rules."""
    declared = declared.strip() if declared and declared.strip() else None
    if declared and declared.lower() in (UNDETERMINED, "mul", "zxx"):
        declared = None
    body = _strip_markup(text)
    counts = script_counts(body)
    letters = sum(counts.values())
    if letters == 0:
        # Emoji, numbers, links only: nothing to detect, nothing language-specific to miss.
        return _declared_or_fallback(declared, "Zyyy", UNDETERMINED, 0.0)
    script, top = counts.most_common(1)[0]
    words = len(_WORD.findall(body))

    arabic = counts.get("Arab", 0) / letters
    if arabic >= ARABIC_SHARE:
        arabic_part = "".join(ch if _script_of(ch) == "Arab" or not ch.isalpha() else " "
                              for ch in body)
        code, prob = _classify(arabic_part)
        if code in _OTHER_ARABIC_SCRIPT and prob >= OTHER_ARABIC_SCRIPT_CONFIDENCE:
            return LanguageGuess(code, round(prob, 4), "Arab", "detected")
        return LanguageGuess("ar", round(arabic, 4), "Arab" if arabic >= 0.5 else script,
                             "detected")

    if script not in ("Latn", "Zzzz"):
        # Cyrillic, CJK, Hebrew, ...: no supported language is written in them, so the script
        # alone rules out a declared supported language; report the detector's best guess.
        code, prob = _classify(body)
        return LanguageGuess(code, round(prob, 4), script, "detected")

    code, prob = _classify(body)
    if script == "Latn" and looks_like_arabizi(body, prob):
        # A confident detector still wins: French or English posts quoting an Arabizi word.
        if not (code in ("en", "fr", "de", "pt", "es", "it") and prob >= 0.9):
            digit_words, lexicon, n = arabizi_score(body)
            confidence = min(1.0, (digit_words + lexicon) / max(n, 1) + 0.3)
            return LanguageGuess("ar-Latn", round(confidence, 4), "Latn", "detected")

    trusted = prob >= MIN_CONFIDENCE and code != UNDETERMINED
    # A short post keeps a confident guess only when the platform declared nothing better.
    if trusted and (words >= MIN_WORDS or not declared):
        return LanguageGuess(code, round(prob, 4), script, "detected")
    return _declared_or_fallback(declared, script, code, prob)


# ------------------------------------------------------------------------ supported languages

_MODELS_DIR = Path(__file__).resolve().parent


#: A language is supported when the model that serves it reaches this validation ROC-AUC on
#: every label measured in that language (docs/languages.md) ...
MIN_SUPPORTED_ROC_AUC = 0.70
#: ... counting only labels with at least this many positive validation rows there: fewer are
#: too few to decide either way (a ROC-AUC on 11 positives is +-0.15 or so).
MIN_MEASURED_POSITIVES = 20


def measured_support(per_label: dict[str, Any] | None, *,
                     min_roc_auc: float = MIN_SUPPORTED_ROC_AUC,
                     min_positives: int = MIN_MEASURED_POSITIVES) -> bool:
    """Whether one language's validation metrics (``label -> {roc_auc, positives, ...}``) show
    the model works there: at least one label measured on enough positives, and every such
    label at or over the ROC-AUC bar."""
    measured = [m.get("roc_auc") for m in (per_label or {}).values()
                if isinstance(m, dict) and m.get("roc_auc") is not None
                and (m.get("positives") or 0) >= min_positives]
    return bool(measured) and all(auc >= min_roc_auc for auc in measured)


def _read_json(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def supported_languages(default_dir: Path | None = None,
                        multilingual_dir: Path | Sequence[Path] | None = None) -> frozenset[str]:
    """Languages the shipped models were trained on *and* measured to work on.

    Read from the artifacts, not hard-coded. Each language is judged on the validation metrics
    of the model that serves it: a per-language model's (its ``metrics.json``) for the
    languages it serves (the first of ``multilingual_dir`` listing a language serves it, as in
    the router), the default model's (``metrics.json`` ``per_language``) for the rest; see
    :func:`measured_support`. Without metrics (a fresh checkout before training) the default
    model's data manifest says what it was trained on, and without that ``FALLBACK_SUPPORTED``
    (the languages of the training data) stands in for the default model's part.
    """
    from models.multilingual import model_dirs

    default_dir = default_dir or _MODELS_DIR / "default"
    served_metrics: dict[str, Any] = {}
    for directory in model_dirs(multilingual_dir):
        config = _read_json(directory / "haven_multilingual.json") or {}
        metrics = (_read_json(directory / "metrics.json") or {}).get("validation", {})
        for language in config.get("languages", []):
            served_metrics.setdefault(language, metrics.get(language))
    served = set(served_metrics)
    default_metrics = _read_json(default_dir / "metrics.json")
    manifest = _read_json(default_dir / "data_manifest.json")
    found: set[str] = set()
    if default_metrics is not None:
        for language, per_label in default_metrics.get("per_language", {}).items():
            if language not in served and measured_support(per_label):
                found.add(language)
    elif manifest is not None:
        for entry in manifest.get("sources", {}).values():
            if entry.get("status") == "ok":
                found.update(set(entry.get("language", [])) - served)
    else:
        found.update(FALLBACK_SUPPORTED - served)
    for language in served:
        if measured_support(served_metrics[language]):
            found.add(language)
    found.discard(UNDETERMINED)
    return frozenset(found)


#: What the training data covers (training/data/sources/): used only when no model artifact
#: is present (a fresh checkout before training), so the service still answers sensibly.
FALLBACK_SUPPORTED: frozenset[str] = frozenset({"en", "ar", "fr", "de", "pt"})

#: Computed once at import from the shipped artifacts.
SUPPORTED_LANGUAGES: frozenset[str] = supported_languages()


def is_supported(language: str, supported: frozenset[str] = SUPPORTED_LANGUAGES) -> bool:
    """Exact tag match: ``ar-Latn`` (Arabizi) is only supported if a model lists it."""
    return language in supported
