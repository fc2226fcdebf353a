"""Mine hard cases from the shared datasets: texts a trained model gets confidently wrong, kept
only when a rule confirms the gold label.

Why rules and not review: nobody hand-labels here, and a model's confident errors are as often
label noise as model mistakes. A rule that recognises *why* a text is a hard case (a slur inside
a reporting frame, a negation, a figurative idiom, someone else's risk) separates the two
without anyone flipping a label:

- rule says "benign frame" for a label, gold is 0, model says p > ``high`` -> kept
  (``mined_<rule>``): a confident false positive the frame explains.
- rule says "positive signal" (an obfuscated slur, evasive crisis slang), gold is 1, model says
  p < ``low`` -> kept: a confident miss the rule explains.
- rule and gold disagree (rule says benign, gold says 1, model agrees with the rule; or the
  reverse) -> counted only, never kept and never relabelled. These counts say how noisy a
  source is around that construction; they are reported in the summary.

Examples keep their ORIGINAL labels, source and group; only ``functionality`` is set. Only the
training split of ``build_dataset`` is mined, so validation stays untouched.

Cost: rules are regular expressions run on every candidate first; only texts that fire a rule
are scored, at most ``max_texts`` of them (seeded sample), so a run takes minutes on CPU.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from models.examples import Example
from models.predictor import Predictor
from models.taxonomy import LABELS
from training.hardcases.slurs import all_slur_words

DEFAULT_MAX_TEXTS = 6000
#: "Confidently wrong": the model is on the far side of any plausible threshold.
DEFAULT_HIGH = 0.8
DEFAULT_LOW = 0.2
#: The rules read English constructions; other languages are not mined.
MINED_LANGUAGES = frozenset({"en"})


# ------------------------------------------------------------------------------------ rules
def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


_LEET_CLASS = {"a": "a4@", "e": "e3", "i": "i1!l", "o": "o0", "s": "s5$z", "t": "t7", "g": "g9",
               "l": "l1"}


def _fuzzy_word(word: str) -> str:
    """A regex for ``word`` and its respellings: leet, asterisks, stretched letters, separators
    between letters ("f a g", "f.a.g") and, for words of 5+ letters, dropped vowels (a 4-letter
    slur without vowels is an ordinary word too often: "coon" -> "con")."""
    parts = []
    for ch in word:
        if ch == " ":
            parts.append(r"[\s._-]*")
            continue
        letter = f"[{re.escape(_LEET_CLASS.get(ch, ch))}*]+"
        if ch in "aeiou" and len(word) >= 5:
            letter = letter[:-1] + "*"  # dropped vowels
        parts.append(letter + r"[\s._*-]?")
    return "".join(parts)


#: Slur-list words that are also everyday words; they would make the rules fire on "illegal
#: parking" or "old geezer" banter, so the rules ignore them.
_AMBIGUOUS = frozenset({"illegal", "illegals", "bitch", "bitches", "geezer", "geezers",
                        "wrinkly", "wrinklies", "slut", "sluts", "whore", "whores"})
_RULE_SLURS = tuple(w for w in all_slur_words() if w not in _AMBIGUOUS)
_SLUR_PLAIN = _words(*(re.escape(w) for w in _RULE_SLURS))
# Obfuscated forms (the plain regex handles the rest); words of 4+ letters only, because a
# fuzzy "fag"/"spic" would match ordinary words.
_SLUR_FUZZY = re.compile(
    r"(?<![a-z0-9])(?:" + "|".join(_fuzzy_word(w) for w in _RULE_SLURS if len(w) >= 4)
    + r")(?![a-z0-9])", re.IGNORECASE)

_REPORTING = _words(
    r"call(?:ed|s|ing)? me", r"(?:was|been|got|get|being) called", r"said to me", r"told me",
    r"yell(?:ed|s|ing)? at me", r"shout(?:ed|s|ing)? at me", r"scream(?:ed|s|ing)? at me",
    r"(?:someone|somebody|he|she|they|people) (?:wrote|said|posted|commented|called)",
    r"to my face", r"(?:dm|message|comment) (?:that )?said", r"sprayed", r"spray-?painted",
    r"graffiti", r"in front of (?:everyone|the class|my)",
)
_COUNTER = _words(
    r"racis[mt]s?", r"bigot(?:ry|ed|s)?", r"hate speech", r"homophob(?:ic|ia)",
    r"transphob(?:ic|ia)", r"sexis[mt]", r"misogyn(?:y|ist|istic)", r"xenophob(?:ic|ia)",
    r"islamophob(?:ic|ia)", r"antisemit(?:ic|ism)", r"ableis[mt]", r"people who say",
    r"stop (?:saying|using|calling)", r"not (?:okay|ok|acceptable|funny)", r"dehumani[sz]\w*",
    r"slur", r"how dare", r"(?:is|are) (?:wrong|unacceptable|disgusting)",
)
#: Identity-group cues for the negation and counter-speech rules: a short hand-written list of
#: common group words (the training lexicon's phrases are too specific for real posts).
_IDENTITY_ALTERNATIVES: tuple[str, ...] = (
    r"black", r"white", r"asians?", r"latin[oax]s?", r"hispanics?", r"arabs?", r"indigenous",
    r"natives?", r"mixed[- ]race", r"roma", r"jews?", r"jewish", r"muslims?", r"islam\w*",
    r"christians?", r"sikhs?", r"hindus?", r"atheists?", r"buddhists?", r"catholics?",
    r"wom[ae]n", r"girls?", r"m[ae]n", r"females?", r"males?", r"gays?", r"lesbians?",
    r"bisexuals?", r"bi", r"trans", r"transgender", r"queer", r"non-?binary", r"lgbt\w*",
    r"homosexuals?", r"disabled", r"disabilit(?:y|ies)", r"autistic", r"deaf", r"blind",
    r"wheelchair", r"immigrants?", r"refugees?", r"migrants?", r"asylum", r"foreigners?",
    r"mexicans?", r"africans?", r"elderly", r"boomers?", r"old people", r"races?",
    r"religions?", r"gender",
)
_IDENTITY = _words(*_IDENTITY_ALTERNATIVES)
_IDENT = "(?:" + "|".join(_IDENTITY_ALTERNATIVES) + ")"
_IDIOM = _words(
    r"(?:is|are|was|were) killing me", r"kill(?:s|ing)? me now", r"killed it", r"killing it",
    r"dying (?:of|from) (?:laughter|laughing|embarrassment|boredom|heat)", r"died laughing",
    r"dying to", r"to die for", r"(?:be|been) the death of me", r"i'?m dead", r"i'?m dying",
    r"(?:would|'d) rather die than", r"bored to death", r"scared to death", r"dead tired",
    r"over my dead body", r"kill for", r"could murder", r"my (?:phone|battery|laptop) (?:is )?died?",
)
_FIRST_PERSON_RISK = _words(
    r"kill(?:ing)? myself", r"end(?:ing)? my life", r"take my (?:own )?life", r"i want to die",
    r"i wanna die", r"suicidal", r"hurt(?:ing)? myself", r"cut(?:ting)? myself", r"kms",
    r"unalive myself", r"better off without me", r"don'?t want to (?:live|be alive|exist)",
)
_THIRD_PARTY = _words(
    r"my (?:best )?(?:friend|brother|sister|mom|mum|mother|dad|father|son|daughter|partner|"
    r"boyfriend|girlfriend|husband|wife|roommate|flatmate|cousin|student|classmate|kid|child)",
)
_THIRD_PARTY_RISK = _words(
    r"(?:him|her|them)sel(?:f|ves)", r"(?:he|she|they) (?:wants?|tried|attempted|is suicidal|"
    r"are suicidal|said)", r"(?:his|her|their) (?:own )?life",
)
_PAST = _words(
    r"\w+ (?:years?|months?) ago", r"used to", r"survived", r"survivor", r"(?:years?|months?) clean",
    r"clean (?:for|since)", r"recover(?:ed|y|ing)", r"when i was (?:younger|\d+|a teen\w*)",
    r"in the past", r"back then",
)
_PRESENT_RISK = _words(r"again (?:tonight|today|now)", r"relapsed", r"right now", r"tonight",
                       r"this (?:time|week|weekend)", r"going to", r"gonna", r"want to die")
_NEWS = _words(
    r"according to", r"stud(?:y|ies)", r"research\w*", r"rates?", r"report(?:ed|s)?", r"article",
    r"documentary", r"prevention", r"statistics?", r"awareness", r"coroner", r"inquest",
    r"news", r"journalis\w+", r"per cent", r"percent",
)
_NEGATED_CRISIS = _words(
    r"not suicidal", r"(?:don'?t|do not|never) want to (?:die|kill myself|end (?:it|my life))",
    r"not going to (?:hurt|kill|do anything)", r"would never (?:hurt|kill)", r"not planning",
    r"no (?:thoughts|plans?) of", r"i'?m safe",
)
_FIRST_PERSON_NOW = _words(r"i'?m", r"i am", r"i want", r"i'?ll", r"i will", r"myself", r"i feel")
_EVASIVE = re.compile(
    r"\b(?:kms|kys myself|unalive(?:d|ing)? (?:my ?self)|sewer ?slide|self[- ]?delet\w*|"
    r"s[\W_]+u[\W_]+i[\W_]+c[\W_]+i[\W_]+d[\W_]+e|su[i1!]c[i1!]d[e3]|su[i1!*]c[i1!*]de|"
    r"k[i1!*]ll? ?m[y¥]s[e3]lf|toaster bath)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    """A construction that explains a confident error on ``label``.

    ``says`` is the label value the rule vouches for: 0 for benign frames (the text mentions the
    harmful thing without doing it), 1 for positive signals a model misses (respelled slurs).
    """

    name: str
    label: str
    says: int
    fires: Callable[[str], bool] = field(repr=False)
    description: str = ""


# A quoted span ("...", '...', curly quotes) opening after a space: not a contraction's apostrophe.
_QUOTED = re.compile(r"(?:^|\s)[\"“‘'][^\"”’']{1,120}[\"”’'](?=\s|[.,!?:;]|$)")


def _reported_slur(text: str) -> bool:
    return bool(_REPORTING.search(text) and (_SLUR_PLAIN.search(text) or _SLUR_FUZZY.search(text)
                                             or _QUOTED.search(text)))


# A negation attached to a claim about a group: "X are not ...", "I don't think X ...",
# "it's not true that ...", "not all X". A "not" anywhere in a post about a group is too loose.
_NEGATED_CLAIM = re.compile(
    rf"\b{_IDENT}\W+(?:\w+\W+){{0,3}}?(?:are|is|were|was)(?:n'?t|\s+not|\s+never)\b"
    rf"|\b(?:don'?t|do not|never|doesn'?t|does not) (?:think|believe|say|hate|agree)\b[^.!?]{{0,60}}\b{_IDENT}\b"
    rf"|\b(?:not|n'?t) true that\b|\bfalse that\b|\bnot all {_IDENT}\b"
    rf"|\bnothing wrong with (?:being )?(?:an? )?{_IDENT}\b"
    rf"|\b(?:no one|nobody) should (?:hate|fear|attack|be hated)\b",
    re.IGNORECASE)


def _negated_identity(text: str) -> bool:
    return bool(_NEGATED_CLAIM.search(text) and (_IDENTITY.search(text) or _SLUR_PLAIN.search(text)))


def _counter_speech(text: str) -> bool:
    return bool(_COUNTER.search(text) and (_IDENTITY.search(text) or _SLUR_PLAIN.search(text)
                                           or _SLUR_FUZZY.search(text)))


def _obfuscated_slur(text: str) -> bool:
    if _REPORTING.search(text) or _COUNTER.search(text):
        return False  # a respelled slur in a report is a reported slur, not a missed attack
    return bool(_SLUR_FUZZY.search(text)) and not _SLUR_PLAIN.search(text)


def _idiom(text: str) -> bool:
    return bool(_IDIOM.search(text)) and not _FIRST_PERSON_RISK.search(text)


def _third_party(text: str) -> bool:
    return bool(_THIRD_PARTY.search(text) and _THIRD_PARTY_RISK.search(text)
                and not _FIRST_PERSON_RISK.search(text))


def _recovered(text: str) -> bool:
    return bool(_PAST.search(text)) and not _PRESENT_RISK.search(text)


def _news(text: str) -> bool:
    return bool(_NEWS.search(text)) and not _FIRST_PERSON_NOW.search(text)


def negated_crisis(text: str) -> bool:
    """The text denies its author's risk ('not suicidal', 'I'm safe'); also read by
    training.tail_labels."""
    return bool(_NEGATED_CRISIS.search(text))


_PLAIN_CRISIS_WORDS = frozenset({"suicide", "kill myself", "killmyself"})


def evasive_crisis(text: str) -> bool:
    """Crisis slang or a respelling ('kms', 'unalive', 's-u-i-c-i-d-e'), not the plain words."""
    # The broad pattern also matches the plain words; a plain "suicide" is not evasive.
    return any(match.group(0).lower() not in _PLAIN_CRISIS_WORDS
               for match in _EVASIVE.finditer(text))


#: In priority order: the first rule that fires names an example's functionality.
RULES: tuple[Rule, ...] = (
    Rule("reported_slur", "hate", 0, _reported_slur,
         "A slur or quote inside a reporting frame ('he called me ...', 'someone wrote ...')."),
    Rule("counter_speech", "hate", 0, _counter_speech,
         "Names bigotry as such ('that's racist', 'stop saying ...') about an identity group."),
    Rule("negated_hate", "hate", 0, _negated_identity,
         "A negation cue in a sentence about an identity group ('X are not ...')."),
    Rule("obfuscated_slur", "hate", 1, _obfuscated_slur,
         "A respelled slur ('f a g', 'r3tard', 'n*gger') outside any reporting frame."),
    Rule("negated_crisis", "self_harm", 0, negated_crisis,
         "Negated ideation ('I'm not suicidal', 'I don't want to die')."),
    Rule("figurative_idiom", "self_harm", 0, _idiom,
         "A death idiom ('this exam is killing me') with no first-person risk phrase."),
    Rule("third_party", "self_harm", 0, _third_party,
         "Someone else's risk ('my friend wants to kill herself') with no first-person phrase."),
    Rule("recovered_past", "self_harm", 0, _recovered,
         "A past attempt or self-harm ('years ago', 'clean for') with no present-risk phrase."),
    Rule("news_discussion", "self_harm", 0, _news,
         "Reporting or research language with no first-person statement."),
    Rule("evasive_crisis", "self_harm", 1, evasive_crisis,
         "Evasive crisis spelling or slang ('kms', 'unalive', 's-u-i-c-i-d-e')."),
)
RULE_NAMES: tuple[str, ...] = tuple(rule.name for rule in RULES)


def firing_rules(text: str, annotated: Sequence[str] = LABELS) -> list[Rule]:
    """Rules that fire on ``text`` for labels in ``annotated``, in priority order."""
    return [rule for rule in RULES if rule.label in annotated and rule.fires(text)]


# ----------------------------------------------------------------------------------- mining
@dataclass
class MiningResult:
    examples: list[Example]
    #: Counts only (never texts): what was scanned, scored, kept and disagreed per rule.
    summary: dict[str, Any]


def _capped(candidates: list[tuple[Example, list[Rule]]], cap: int,
            rng: random.Random) -> list[tuple[Example, list[Rule]]]:
    """At most ``cap`` candidates, shared equally between rules (by first firing rule), rarest
    first, so the loose rules (negation) do not crowd out the rare ones (evasive spellings)."""
    if len(candidates) <= cap:
        return candidates
    by_rule: dict[str, list[int]] = {}
    for i, (_, rules) in enumerate(candidates):
        by_rule.setdefault(rules[0].name, []).append(i)
    chosen: list[int] = []
    ordered = sorted(by_rule, key=lambda name: (len(by_rule[name]), name))
    for position, name in enumerate(ordered):
        share = (cap - len(chosen)) // (len(ordered) - position)
        indices = by_rule[name]
        chosen.extend(rng.sample(indices, min(share, len(indices))))
    return [candidates[i] for i in sorted(chosen)]


def mine(
    predictor: Predictor,
    examples: Sequence[Example],
    *,
    max_texts: int = DEFAULT_MAX_TEXTS,
    high: float = DEFAULT_HIGH,
    low: float = DEFAULT_LOW,
    seed: int = 13,
    batch_size: int = 32,
    languages: frozenset[str] = MINED_LANGUAGES,
) -> MiningResult:
    """Score the rule-firing examples (at most ``max_texts``) and keep confirmed hard cases."""
    if not 0.0 <= low < high <= 1.0:
        raise ValueError(f"need 0 <= low < high <= 1, got low={low}, high={high}")
    candidates: list[tuple[Example, list[Rule]]] = []
    skipped_language = 0
    for example in examples:
        if example.language not in languages:
            skipped_language += 1
            continue
        annotated = [label for label in LABELS if example.labels.get(label) is not None]
        rules = firing_rules(example.text, annotated)
        if rules:
            candidates.append((example, rules))
    fired = Counter(rule.name for _, rules in candidates for rule in rules)
    candidates = _capped(candidates, max_texts, random.Random(seed))

    if candidates:
        texts = [e.text for e, _ in candidates]
        pairs = [e.text_pair for e, _ in candidates]
        scores = predictor.predict_proba(texts, pairs if any(pairs) else None,
                                         batch_size=batch_size).scores
    else:
        scores = np.zeros((0, len(LABELS)), dtype=np.float32)

    kept: list[Example] = []
    kept_by_rule: Counter[str] = Counter()
    disagreements: Counter[str] = Counter()
    for (example, rules), row in zip(candidates, scores, strict=True):
        for rule in rules:
            gold = example.labels[rule.label]
            p = float(row[LABELS.index(rule.label)])
            model_says = 1 if p > high else 0 if p < low else None
            if model_says is None or model_says == gold:
                continue  # not a confident error
            if gold == rule.says:
                kept.append(replace(example, labels=dict(example.labels),
                                    targets=dict(example.targets),
                                    functionality=f"mined_{rule.name}"))
                kept_by_rule[rule.name] += 1
                break
            # The model sides with the rule against the gold label: possibly label noise,
            # possibly a bad rule. Never relabelled; counted so the summary shows it.
            disagreements[rule.name] += 1
            break
    summary = {
        "examples_in": len(examples),
        "skipped_language": skipped_language,
        "rule_fired": dict(sorted(fired.items())),
        "scored": len(candidates),
        "max_texts": max_texts,
        "high": high,
        "low": low,
        "kept": dict(sorted(kept_by_rule.items())),
        "kept_total": len(kept),
        "kept_by_source": dict(sorted(Counter(e.source for e in kept).items())),
        "rule_disagrees_with_gold": dict(sorted(disagreements.items())),
    }
    return MiningResult(kept, summary)


# ------------------------------------------------------------------------------------- CLI
def main(argv: Sequence[str] | None = None) -> int:
    """``python -m training.hardcases.mining --model models/default --out runs/mined.jsonl``."""
    parser = argparse.ArgumentParser(prog="python -m training.hardcases.mining",
                                     description="Mine rule-confirmed hard cases (counts only "
                                                 "are printed, never texts).")
    parser.add_argument("--model", required=True, help="trained model directory")
    parser.add_argument("--out", required=True, help="output .jsonl for the mined examples")
    parser.add_argument("--config", default=None,
                        help="training config whose data section (data_dir, sources, split) to use")
    parser.add_argument("--max-texts", type=int, default=DEFAULT_MAX_TEXTS)
    parser.add_argument("--high", type=float, default=DEFAULT_HIGH)
    parser.add_argument("--low", type=float, default=DEFAULT_LOW)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--summary", default=None, help="also write the summary JSON here")
    parser.add_argument("--keep-leaks", action="store_true",
                        help="do not drop mined texts that near-duplicate an evaluation suite")
    args = parser.parse_args(argv)

    from models import load_model
    from models.labelled_io import write_labelled
    from training.config import load_config
    from training.data.dataset import build_dataset

    data = load_config(args.config).data
    # No caps: every training-split text is a candidate; the validation split is never mined.
    splits = build_dataset(data.resolved_data_dir(), data.sources, extra_files=data.extra_files,
                           val_fraction=data.val_fraction, seed=data.split_seed)
    result = mine(load_model(args.model), splits.train, max_texts=args.max_texts, high=args.high,
                  low=args.low, seed=args.seed, batch_size=args.batch_size)
    mined = result.examples
    if not args.keep_leaks:
        from training.hardcases.leakage import SuiteIndex, drop_leaks, suite_texts

        suites = sorted((Path(__file__).resolve().parents[2] / "eval" / "suites").glob("*.csv"))
        mined, dropped = drop_leaks(mined, SuiteIndex(suite_texts(suites)))
        result.summary["dropped_as_suite_leaks"] = dropped
    result.summary["written"] = write_labelled(mined, args.out)
    text = json.dumps(result.summary, indent=2)
    if args.summary:
        Path(args.summary).write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
