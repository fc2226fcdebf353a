"""Arabic hard cases for the per-language model: the English set's contrasts, in Arabic.

``generate_arabic()`` expands ``arabic_banks`` like ``generator.generate()`` expands the English
banks: every example carries all five labels, all seven targets, its functionality (``ar_...``),
source ``hardcases_ar``, language ``ar`` and a group naming its seed. No replies: the
per-language model reads a post without its parent.

Variation is what Arabic writers actually vary: the dialect (in the seeds), the hamza and the
final taa marbuta / alif maqsura (often written plain: "انا", "حياه", "علي"), letters stretched
for emphasis, and slurs broken up with spaces, dots or the tatweel to slip past filters.
Generation is a pure function of the seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping, Sequence

from models.examples import Example
from models.taxonomy import TARGETS
from training.hardcases import arabic_banks as ab
from training.hardcases.generator import Builder, Draft, Functionality, expand, labels

SOURCE = "hardcases_ar"
LANGUAGE = "ar"
DEFAULT_SEED = 13
#: Fewer than the English set's 150: the banks are smaller, and the per-language heads sit on a
#: frozen encoder, to which near-identical variants of one seed add weight but no information.
DEFAULT_PER_FUNCTIONALITY = 100

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


def _arabic_style(text: str, rng: random.Random) -> str:
    """Everyday spelling: hamza dropped, final ة written ه and ى written ي, a stretched word,
    no final punctuation. Each independently, so most texts keep most of their spelling."""
    if rng.random() < 0.25:
        text = text.translate(_HAMZA)
    if rng.random() < 0.2:
        text = re.sub(r"ة\b", "ه", text)
    if rng.random() < 0.15:
        text = re.sub(r"ى\b", "ي", text)
    if rng.random() < 0.1:
        words = text.split(" ")
        candidates = [i for i, w in enumerate(words) if len(w) >= 3 and _ARABIC_LETTER.match(w[-1])]
        if candidates:
            i = rng.choice(candidates)
            words[i] = words[i] + words[i][-1] * rng.randint(2, 4)
            text = " ".join(words)
    if rng.random() < 0.15:
        text = text.rstrip("،.!؟?")
    return text


def obfuscate(word: str, rng: random.Random) -> str:
    """A slur broken up the way filters are dodged: letters spaced, dotted or stretched."""
    letters = word.replace(" ", "")
    kind = rng.choice(("space", "dot", "tatweel"))
    if kind == "space":
        return " ".join(letters)
    if kind == "dot":
        return ".".join(letters)
    return "ـ".join(letters[:2]) + letters[2:] if len(letters) > 2 else word


def _li(plural: str) -> str:
    """The plural after the preposition لـ: "ال..." becomes "لل...", anything else takes "ل"."""
    return "لل" + plural[2:] if plural.startswith("ال") else "ل" + plural


def _slots(rng: random.Random, group: str, *, slur_obfuscation: float = 0.0) -> dict[str, str]:
    plural, member, member_f = rng.choice(ab.GROUPS[group])
    slur, slurs = rng.choice(ab.SLURS[group])
    if slur_obfuscation and rng.random() < slur_obfuscation:
        slur, slurs = obfuscate(slur, rng), obfuscate(slurs, rng)
    return {"pl": plural, "li_pl": _li(plural), "member": member, "member_f": member_f,
            "pred": rng.choice(ab.HATE_PREDICATES), "slur": slur, "slurs": slurs,
            "name": rng.choice(ab.NAMES)}


def _frame(rng: random.Random, text: str, prefixes: Sequence[str], suffixes: Sequence[str]) -> str:
    return rng.choice(prefixes) + text + rng.choice(suffixes)


def _identity_builder(name: str, templates: Sequence[str], spec: Mapping[str, int], *,
                      hate_target: bool = False, slur_obfuscation: float = 0.0) -> Builder:
    def build(rng: random.Random, index: int) -> Draft:
        template = templates[index % len(templates)]
        group = rng.choice(TARGETS)
        text = template.format(**_slots(rng, group, slur_obfuscation=slur_obfuscation))
        return Draft(_arabic_style(_frame(rng, text, ab.PREFIXES, ab.SUFFIXES), rng),
                     f"{name}:{index % len(templates)}", spec,
                     target=group if hate_target else None)
    return build


def _framed_builder(name: str, frames: Sequence[tuple[str, int]], *,
                    slur_obfuscation: float = 0.0) -> Builder:
    """Reports of abuse, each frame with its own distress flag; nothing else is flagged."""
    def build(rng: random.Random, index: int) -> Draft:
        frame, distress = frames[index % len(frames)]
        text = frame.format(**_slots(rng, rng.choice(TARGETS), slur_obfuscation=slur_obfuscation))
        return Draft(_arabic_style(_frame(rng, text, ab.PREFIXES, ("", "", "..", " 💔")), rng),
                     f"{name}:{index % len(frames)}", labels(distress=distress))
    return build


def bank_builder(name: str, bank: Sequence[str] | Sequence[tuple[str, int]],
                 spec: Mapping[str, int], prefixes: Sequence[str], suffixes: Sequence[str], *,
                 flag: str | None = None,
                 style: Callable[[str, random.Random], str] = _arabic_style) -> Builder:
    """Seed sentences with an opener and a closer; ``flag`` names the label a ``(text, 0/1)``
    bank sets per seed (distress for idioms, offensive for insults). ``style`` is the spelling
    variation (Arabic script here; ``training.hardcases.arabizi`` passes its own)."""
    def build(rng: random.Random, index: int) -> Draft:
        entry = bank[index % len(bank)]
        label_spec = dict(spec)
        if flag is not None:
            text, value = entry  # type: ignore[misc]
            label_spec[flag] = value
        else:
            text = entry  # type: ignore[assignment]
        if "{name}" in text:
            text = text.format(name=rng.choice(ab.NAMES))
        return Draft(style(_frame(rng, text, prefixes, suffixes), rng),
                     f"{name}:{index % len(bank)}", label_spec)
    return build


def _insult(rng: random.Random, index: int) -> Draft:
    """An insult, sometimes addressed by name or @-mention as replies in a thread are."""
    text, offensive = ab.INSULTS[index % len(ab.INSULTS)]
    opener = rng.choice(("", "", "", "{name}، ", "@user ", "يا {name}، "))
    body = opener.format(name=rng.choice(ab.NAMES)) + text + rng.choice(ab.SUFFIXES)
    return Draft(_arabic_style(body, rng), f"ar_insult:{index % len(ab.INSULTS)}",
                 labels(harassment=1, offensive=offensive))


_CRISIS = (ab.CRISIS_PREFIXES, ab.CRISIS_SUFFIXES)
_CASUAL = (ab.CASUAL_PREFIXES, ab.CASUAL_SUFFIXES)
_PLAIN = (ab.PREFIXES, ab.SUFFIXES)

FUNCTIONALITIES: tuple[Functionality, ...] = (
    Functionality("ar_hate_group", "a hateful claim or call against a group",
                  _identity_builder("ar_hate_group", ab.HATE_GROUP, labels(hate=1),
                                    hate_target=True)),
    Functionality("ar_hate_slur_attack", "a slur thrown at the reader, sometimes broken up",
                  _identity_builder("ar_hate_slur_attack", ab.SLUR_ATTACK,
                                    labels(hate=1, harassment=1), hate_target=True,
                                    slur_obfuscation=0.3)),
    Functionality("ar_reported_slur", "a member reports a slur thrown at them",
                  _framed_builder("ar_reported_slur", ab.REPORTED_SLUR, slur_obfuscation=0.2)),
    Functionality("ar_reported_hate", "a member reports hateful talk they heard or read",
                  _framed_builder("ar_reported_hate", ab.REPORTED_HATE)),
    Functionality("ar_counter_speech", "speaking up against hate, often naming it",
                  _identity_builder("ar_counter_speech", ab.COUNTER_SPEECH, labels())),
    Functionality("ar_negated_hate", "a hateful claim denied",
                  _identity_builder("ar_negated_hate", ab.NEGATED_HATE, labels())),
    Functionality("ar_identity", "identity mentioned neutrally, with pride, or asked about",
                  _identity_builder("ar_identity", ab.IDENTITY, labels())),
    Functionality("ar_insult", "an insult or threat at a person, no identity: harassment",
                  _insult),
    Functionality("ar_profanity", "swearing at things, not people",
                  bank_builder("ar_profanity", ab.PROFANITY, labels(offensive=1), *_CASUAL)),
    Functionality("ar_crisis_explicit", "the author's suicidal ideation, stated",
                  bank_builder("ar_crisis_explicit", ab.CRISIS_EXPLICIT, labels(self_harm=1),
                                *_CRISIS)),
    Functionality("ar_crisis_passive", "wishing not to exist",
                  bank_builder("ar_crisis_passive", ab.CRISIS_PASSIVE, labels(self_harm=1),
                                *_CRISIS)),
    Functionality("ar_crisis_plan", "plans and preparations",
                  bank_builder("ar_crisis_plan", ab.CRISIS_PLAN, labels(self_harm=1), *_CRISIS)),
    Functionality("ar_self_injury", "self-injury, now",
                  bank_builder("ar_self_injury", ab.SELF_INJURY, labels(self_harm=1), *_CRISIS)),
    Functionality("ar_idiom", "death and killing as figures of speech",
                  bank_builder("ar_idiom", ab.IDIOMS, labels(), *_CASUAL, flag="distress")),
    Functionality("ar_distress", "sadness, stress and grief without risk",
                  bank_builder("ar_distress", ab.DISTRESS, labels(distress=1), *_PLAIN)),
    Functionality("ar_negated_crisis", "risk denied, distress kept",
                  bank_builder("ar_negated_crisis", ab.NEGATED_CRISIS, labels(distress=1),
                                *_PLAIN)),
    Functionality("ar_third_party", "worry about someone else's risk",
                  bank_builder("ar_third_party", ab.THIRD_PARTY, labels(), *_PLAIN,
                                flag="distress")),
    Functionality("ar_recovered", "a past attempt or self-harm, recovered from",
                  bank_builder("ar_recovered", ab.RECOVERED, labels(), *_PLAIN)),
    Functionality("ar_news", "news and discussion of suicide",
                  bank_builder("ar_news", ab.NEWS, labels(), ("", "", "مهم: ", "شاركوا: "),
                                ("", "", ".", " 🙏"))),
    Functionality("ar_supportive", "support offered to someone at risk",
                  bank_builder("ar_supportive", ab.SUPPORTIVE, labels(), ("", "", "حبيبي، ",
                                                                            "يا قلبي، "),
                                ("", "", " ❤️", " 🤍"))),
    Functionality("ar_everyday_plans", "ordinary plans, preparations and goodbyes",
                  bank_builder("ar_everyday_plans", ab.EVERYDAY_PLANS, labels(), *_CASUAL)),
)
FUNCTIONALITY_NAMES: tuple[str, ...] = tuple(f.name for f in FUNCTIONALITIES)


def generate_arabic(seed: int = DEFAULT_SEED,
                    per_functionality: int | None = None) -> list[Example]:
    """The Arabic hard-case set: a pure function of its arguments, texts unique by
    :func:`models.examples.text_key` (fewer than asked where a bank runs out of variants)."""
    wanted = DEFAULT_PER_FUNCTIONALITY if per_functionality is None else per_functionality
    return expand(FUNCTIONALITIES, seed, wanted, source=SOURCE, language=LANGUAGE)
