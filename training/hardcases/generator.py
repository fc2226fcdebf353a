"""Expand the hand-written banks into labelled hard cases, one builder per functionality.

Why these cases: a plain fine-tune flags the victim who quotes a slur, the member who denies a
hateful claim and the student whose "exam is killing me", and misses hate written as "f a g" and
crisis posts that say "kms". Every functionality below is a pair to one of those failures (a
positive with a slur, its reported and negated counterparts; explicit ideation, its figurative
and third-party counterparts), so the model has to read the frame, not the keyword.

Every example carries all five labels as 0/1, all seven targets (the hate target is 1 only on
hate-positive examples), its functionality, source ``hardcases``, language ``en`` and a group id
naming the seed sentence or template it came from, so all variants of one seed land in the same
split of ``training.data.build_dataset``. Generation is a pure function of the seed.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from models.examples import Example, text_key
from models.taxonomy import LABELS, TARGETS
from training.data.clean import clean_text
from training.hardcases import contrast_banks as cnb
from training.hardcases import crisis_banks as cb
from training.hardcases import crisis_contrast_banks as ccb
from training.hardcases import everyday_paragraphs as ep
from training.hardcases import identity_banks as ib
from training.hardcases import long_endings as le
from training.hardcases import quote_banks as qb
from training.hardcases import varied_crisis_banks as vb
from training.hardcases import varied_identity_banks as vib
from training.hardcases import worry_banks as wb
from training.hardcases.halves import in_half
from training.hardcases.lexicon import IdentityTerm, terms_for, with_article
from training.hardcases.perturb import RESPELLING, SPACING, perturb
from training.hardcases.slurs import SLURS

SOURCE = "hardcases"
LANGUAGE = "en"
DEFAULT_SEED = 13
#: ~43 functionalities x 150 = ~6.4k examples: enough to move a LoRA fine-tune, small enough
#: that the public corpora (capped at 2,500 per source) still dominate the mix.
DEFAULT_PER_FUNCTIONALITY = 150
#: Attempts per wanted example before a functionality gives up (its banks are exhausted).
_ATTEMPTS_PER_EXAMPLE = 40


@dataclass(frozen=True)
class Draft:
    """One generated case before it becomes an :class:`Example`."""

    text: str
    #: Seed sentence or template the case came from (becomes the split group).
    seed_id: str
    labels: Mapping[str, int]
    #: Hate target group; only meaningful when ``labels["hate"] == 1``.
    target: str | None = None
    text_pair: str | None = None


Builder = Callable[[random.Random, int], Draft]


@dataclass(frozen=True)
class Functionality:
    name: str
    description: str
    build: Builder = field(repr=False)


def labels(**positives: int) -> dict[str, int]:
    """All five labels, 0 unless named: generated cases are fully annotated by construction."""
    unknown = set(positives) - set(LABELS)
    if unknown:
        raise ValueError(f"unknown labels {sorted(unknown)}")
    return {name: int(positives.get(name, 0)) for name in LABELS}


# ----------------------------------------------------------------------------------- helpers
def _sentence(text: str) -> str:
    """Capitalise the first letter (templates may start with a lower-case group term)."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:]
    return text


def _join(prefix: str, body: str) -> str:
    """``prefix + body``, lower-casing the body's first letter when the prefix does not end a
    sentence ("Not gonna lie, this ..."), except for "I"."""
    if not prefix or prefix.rstrip()[-1:] in ".!?:":
        return prefix + body
    first = body.split(" ", 1)[0]
    if first == "I" or first.startswith("I'"):
        return prefix + body
    return prefix + body[:1].lower() + body[1:]


def _style(text: str, rng: random.Random) -> str:
    """Casual-writing variation: all lower case or no final full stop, as members type."""
    roll = rng.random()
    if roll < 0.2:
        text = text.lower()
    elif roll < 0.35 and text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    return text


def _template(templates: Sequence[ib.Template], index: int) -> tuple[str, frozenset[str]]:
    entry = templates[index % len(templates)]
    if isinstance(entry, tuple):
        return entry
    return entry, frozenset(TARGETS)


def _pick_group(rng: random.Random, allowed: frozenset[str] = frozenset(TARGETS)) -> str:
    return rng.choice([g for g in TARGETS if g in allowed])


def _slots(rng: random.Random, group: str, *, slur_kinds: tuple[str, ...] = (),
           slur_obfuscation: float = 0.0, insult_kinds: tuple[str, ...] = ()) -> dict[str, str]:
    """Fill every identity slot for one group.

    The slur is respelled with one of ``slur_kinds`` (always, or with probability
    ``slur_obfuscation`` when that is set), the insult with one of ``insult_kinds``.
    """
    term: IdentityTerm = rng.choice(terms_for(group))
    slur, slurs = rng.choice(SLURS[group])
    if slur_kinds and rng.random() < (slur_obfuscation or 1.0):
        slur, slurs = perturb(slur, rng, slur_kinds), perturb(slurs, rng, slur_kinds)
    insult, insults = rng.choice(ib.INSULTS)
    if insult_kinds:
        insult, insults = perturb(insult, rng, insult_kinds), perturb(insults, rng, insult_kinds)
    return {
        "pl": term.plural, "member": term.member, "a_member": term.a_member,
        "pred": rng.choice(ib.HATE_PREDICATES),
        "slur": slur, "slurs": slurs, "a_slur": with_article(slur),
        "insult": insult, "insults": insults, "a_insult": with_article(insult),
        "name": rng.choice(ib.FIRST_NAMES),
    }


def _hate_sentence(rng: random.Random, group: str) -> tuple[str, dict[str, str]]:
    """A hateful sentence about ``group`` (for quotes and reply parents) and its slots, so a
    reply can name the same people and predicate as its parent."""
    for _ in range(50):
        index = rng.randrange(len(ib.HATE_GROUP_ATTACK))
        text, allowed = _template(ib.HATE_GROUP_ATTACK, index)
        if group in allowed:
            slots = _slots(rng, group)
            return _sentence(text.format(**slots)), slots
    raise RuntimeError(f"no hate template allows group {group!r}")  # pragma: no cover


def _unquoted(sentence: str) -> str:
    """A sentence as it reads inside quotes: no final full stop."""
    return sentence.removesuffix(".")


def _identity_builder(name: str, templates: Sequence[ib.Template], label_spec: Mapping[str, int],
                      *, hate_target: bool = False, slur_kinds: tuple[str, ...] = (),
                      slur_obfuscation: float = 0.0,
                      insult_kinds: tuple[str, ...] = ()) -> Builder:
    def build(rng: random.Random, index: int) -> Draft:
        text, allowed = _template(templates, index)
        group = _pick_group(rng, allowed)
        slots = _slots(rng, group, slur_kinds=slur_kinds, slur_obfuscation=slur_obfuscation,
                       insult_kinds=insult_kinds)
        return Draft(_style(_sentence(text.format(**slots)), rng),
                     f"{name}:{index % len(templates)}", label_spec,
                     target=group if hate_target else None)
    return build


def _framed_builder(name: str, frames: Sequence[tuple[str, int]],
                    fill: Callable[[random.Random, str], dict[str, str]],
                    base: Mapping[str, int] | None = None) -> Builder:
    """Reporting frames with a per-frame distress flag; ``fill`` supplies the quoted content."""
    def build(rng: random.Random, index: int) -> Draft:
        frame, distress = frames[index % len(frames)]
        group = _pick_group(rng)
        text = _sentence(frame.format(**fill(rng, group)))
        spec = dict(base or labels())
        spec["distress"] = distress
        return Draft(_style(text, rng), f"{name}:{index % len(frames)}", spec)
    return build


def _reported_slot(rng: random.Random, group: str) -> dict[str, str]:
    # Victims often self-censor the slur they report ("called me a f*ggot"): a third of reports.
    return _slots(rng, group, slur_kinds=("asterisk", "drop_vowels"), slur_obfuscation=0.35)


def _quote_slot(rng: random.Random, group: str) -> dict[str, str]:
    slots = _slots(rng, group)
    slots["quote"] = _unquoted(_hate_sentence(rng, group)[0])
    return slots


def _insult_slot(rng: random.Random, group: str) -> dict[str, str]:
    return _slots(rng, group)


def _bank_builder(name: str, bank: Sequence[str], label_spec: Mapping[str, int],
                  prefixes: Sequence[str] = ("",), suffixes: Sequence[str] = ("",)) -> Builder:
    """Seed sentences with optional framing before/after: the seed decides the label."""
    def build(rng: random.Random, index: int) -> Draft:
        seed = bank[index % len(bank)]
        text = _join(rng.choice(prefixes), seed) + rng.choice(suffixes)
        return Draft(_style(_sentence(text), rng), f"{name}:{index % len(bank)}", label_spec)
    return build


def _flagged_bank_builder(name: str, bank: Sequence[tuple[str, int]], label_spec: Mapping[str, int],
                          prefixes: Sequence[str] = ("",), suffixes: Sequence[str] = ("",)) -> Builder:
    """Like :func:`_bank_builder` for ``(text, distress)`` banks."""
    def build(rng: random.Random, index: int) -> Draft:
        seed, distress = bank[index % len(bank)]
        spec = dict(label_spec)
        spec["distress"] = distress
        text = _join(rng.choice(prefixes), seed) + rng.choice(suffixes)
        return Draft(_style(_sentence(text), rng), f"{name}:{index % len(bank)}", spec)
    return build


CASUAL_PREFIXES = ("", "", "Ugh. ", "lol ", "Okay so ", "Update: ", "Not gonna lie, ", "Today: ")
CASUAL_SUFFIXES = ("", "", " 🙃", " lol", " Anyway.", " Send help.", " 😂", " Typical.")

#: Crisis sentences that may end a long post or open a reply thread, with stable ids.
_CRISIS_SEEDS: tuple[tuple[str, str], ...] = (
    *((f"crisis_explicit:{i}", s) for i, s in enumerate(cb.EXPLICIT)),
    *((f"crisis_passive:{i}", s) for i, s in enumerate(cb.PASSIVE)),
    *((f"crisis_plan:{i}", s) for i, s in enumerate(cb.PLAN)),
)


def _long_post(rng: random.Random, ending: str) -> str:
    """4-7 everyday sentences, then ``ending``: risk signals often come last in long posts."""
    filler = rng.sample(cb.BENIGN_FILLER, rng.randint(4, 7))
    joiner = "\n" if rng.random() < 0.3 else " "
    return joiner.join([*filler, ending])


def _window_long_post(rng: random.Random, ending: str) -> str:
    """14-20 everyday sentences (about 150-280 tokens), then ``ending``.

    Why: ``_long_post``'s 35-95 tokens fit in one 128-token window, so training's tail window
    (``model.tail_tokens``) never read their endings alone (docs/hardcases.md, "Tail rows with
    their positive side back"). These are longer than a window.
    """
    filler = rng.sample(cb.BENIGN_FILLER + cb.MORE_FILLER, rng.randint(14, 20))
    joiner = "\n" if rng.random() < 0.3 else " "
    return joiner.join([*filler, ending])


def _evasive(rng: random.Random, index: int) -> Draft:
    template = cb.EVASIVE_TEMPLATES[index % len(cb.EVASIVE_TEMPLATES)]
    verb = rng.choice(cb.EVASIVE_VERBS)
    noun = rng.choice(cb.EVASIVE_NOUNS)
    if rng.random() < 0.3:  # fresh respellings beyond the hand-written ones
        noun = perturb("suicide", rng, SPACING + RESPELLING)
    text = template.format(verb=verb, noun=noun)
    return Draft(text, f"crisis_evasive:{index % len(cb.EVASIVE_TEMPLATES)}",
                 labels(self_harm=1))


def _crisis_long_post(rng: random.Random, index: int, build=_long_post) -> Draft:
    seed_id, ending = _CRISIS_SEEDS[index % len(_CRISIS_SEEDS)]
    return Draft(build(rng, ending), seed_id, labels(self_harm=1))


def _vent_long_post(rng: random.Random, index: int, build=_long_post) -> Draft:
    ending = cb.VENT_ENDINGS[index % len(cb.VENT_ENDINGS)]
    return Draft(build(rng, ending), f"long_post_vent_end:{index % len(cb.VENT_ENDINGS)}",
                 labels(distress=1))


#: Endings of a long everyday post that are not the author's risk, by kind: ``(seed id, text
#: or template, distress)``. Each reuses a seed of its own functionality (and keeps its id).
_SAFE_ENDINGS: tuple[tuple[tuple[str, str, int], ...], ...] = (
    tuple((f"idiom_figurative:{i}", t, d) for i, (t, d) in enumerate(cb.IDIOMS)),
    tuple((f"third_party_concern:{i}", t, d) for i, (t, d) in enumerate(cb.THIRD_PARTY)),
    tuple((f"recovered_attempt:{i}", t, 0) for i, t in enumerate(cb.RECOVERED)),
    tuple((f"accidental_injury:{i}", t, 0) for i, t in enumerate(cb.ACCIDENTAL_INJURY)),
    tuple((f"negated_crisis:{i}", t, 1) for i, t in enumerate(cb.NEGATED)),
)


def _safe_long_post(rng: random.Random, index: int, build=_long_post) -> Draft:
    """The counterpart of ``crisis_long_post_end`` for every kind of safe ending, not only
    sadness (``long_post_vent_end``): without it, "a long everyday post that ends in something
    about death or injury" reads as a crisis whatever the ending says (measured on 0.2.1:
    `long_post_without_risk` 2 of 12, docs/hardcases.md)."""
    kind = _SAFE_ENDINGS[index % len(_SAFE_ENDINGS)]
    seed_id, ending, distress = kind[(index // len(_SAFE_ENDINGS)) % len(kind)]
    ending = ending.format(n=rng.choice(["two", "three", "five", "eight", "ten"]))
    return Draft(build(rng, _sentence(ending)), seed_id, labels(distress=distress))


def _recovered(rng: random.Random, index: int) -> Draft:
    template = cb.RECOVERED[index % len(cb.RECOVERED)]
    text = template.format(n=rng.choice(["two", "three", "four", "five", "six", "eight", "ten",
                                         "twelve", "fifteen"]))
    text = text + rng.choice(("", "", " ❤️", " Thank you all for being here.",
                              " If you're in it right now, please reach out."))
    return Draft(_style(_sentence(text), rng), f"recovered_attempt:{index % len(cb.RECOVERED)}",
                 labels())


def _obfuscated_group_attack(rng: random.Random, index: int) -> Draft:
    """A group attack whose identity word is respelled ("m u s l i m s", "j3ws")."""
    text, allowed = _template(ib.HATE_GROUP_ATTACK, index)
    group = _pick_group(rng, allowed)
    single_word = [t for t in terms_for(group) if " " not in t.plural]
    slots = _slots(rng, group)
    if single_word:
        term = rng.choice(single_word)
        slots["pl"] = perturb(term.plural, rng, SPACING + RESPELLING)
        slots["a_member"] = with_article(perturb(term.member, rng, SPACING + RESPELLING))
    else:  # no one-word plural: respell the identity word in the phrase
        term = rng.choice(terms_for(group))
        slots["pl"] = perturb(term.plural, rng, RESPELLING)
        slots["a_member"] = with_article(perturb(term.member, rng, RESPELLING))
    return Draft(_style(_sentence(text.format(**slots)), rng),
                 f"hate_obfuscated_group:{index % len(ib.HATE_GROUP_ATTACK)}",
                 labels(hate=1), target=group)


def _reclaimed(rng: random.Random, index: int) -> Draft:
    seeds = [(word, i, s) for word, bank in ib.RECLAIMED.items() for i, s in enumerate(bank)]
    word, i, seed = seeds[index % len(seeds)]
    text = _join(rng.choice(("", "", "lol ", "Ok ", "Honestly, ")), seed) + rng.choice(
        ("", "", " 🌈", " ❤️", " 💜", " lol", " Love this community."))
    return Draft(_style(_sentence(text), rng), f"reclaimed:{word}:{i}", labels())


# ------------------------------------------------------------------------------------ replies
_REPLY_OPENERS = ("", "", "Wow. ", "Seriously? ", "lol ", "Ok but ", "{name}, ", "Reply to OP: ")
_SUPPORT_OPENERS = ("", "{name} here. ", "Reading your post, ", "I hear you. ",
                    "Thank you for posting this. ", "Hey, ", "Oh friend. ", "I see you. ")


def _victim_post(rng: random.Random) -> tuple[str, str]:
    """A parent post by someone reporting abuse or venting, and its identity group."""
    group = _pick_group(rng)
    roll = rng.random()
    if roll < 0.45:
        frame, _ = rng.choice(ib.REPORTED_SLUR)
        return _sentence(frame.format(**_reported_slot(rng, group))), group
    if roll < 0.8:
        frame, _ = rng.choice(ib.REPORTED_HATE)
        return _sentence(frame.format(**_quote_slot(rng, group))), group
    return rng.choice(cb.DISTRESS), group


def _reply_insult_victim(rng: random.Random, index: int) -> Draft:
    parent, group = _victim_post(rng)
    slots = _slots(rng, group)
    template = ib.INSULT_VICTIM[index % len(ib.INSULT_VICTIM)]
    text = _join(rng.choice(_REPLY_OPENERS).format(**slots), _sentence(template.format(**slots)))
    return Draft(_style(_sentence(text), rng),
                 f"reply_insult_victim:{index % len(ib.INSULT_VICTIM)}",
                 labels(harassment=1), text_pair=parent)


def _reply_support_victim(rng: random.Random, index: int) -> Draft:
    parent, group = _victim_post(rng)
    slots = _slots(rng, group)
    template = ib.SUPPORT_VICTIM[index % len(ib.SUPPORT_VICTIM)]
    text = _join(rng.choice(_SUPPORT_OPENERS).format(**slots), _sentence(template.format(**slots)))
    return Draft(_style(_sentence(text), rng),
                 f"reply_support_victim:{index % len(ib.SUPPORT_VICTIM)}", labels(),
                 text_pair=parent)


def _reply_counter_speech(rng: random.Random, index: int) -> Draft:
    group = _pick_group(rng)
    parent, slots = _hate_sentence(rng, group)
    template = ib.COUNTER_REPLY[index % len(ib.COUNTER_REPLY)]
    slots["quote"] = _unquoted(parent)
    text = _join(rng.choice(_REPLY_OPENERS[:6]), _sentence(template.format(**slots)))
    return Draft(_style(_sentence(text), rng),
                 f"reply_counter_speech:{index % len(ib.COUNTER_REPLY)}", labels(),
                 text_pair=parent)


def _reply_endorse_hate(rng: random.Random, index: int) -> Draft:
    group = _pick_group(rng)
    parent, slots = _hate_sentence(rng, group)
    template = ib.ENDORSE_REPLY[index % len(ib.ENDORSE_REPLY)]
    slots["quote"] = _unquoted(parent)
    text = _join(rng.choice(("", "", "Yep. ", "Say it louder. ", "Based. ")),
                 _sentence(template.format(**slots)))
    return Draft(_style(_sentence(text), rng),
                 f"reply_endorse_hate:{index % len(ib.ENDORSE_REPLY)}", labels(hate=1),
                 target=group, text_pair=parent)


def _crisis_parent(rng: random.Random) -> str:
    _, seed = rng.choice(_CRISIS_SEEDS + tuple((f"p{i}", s) for i, s in enumerate(cb.PREPARATION)))
    return rng.choice(cb.PREFIXES) + seed + rng.choice(cb.SUFFIXES)


def _reply_supportive_crisis(rng: random.Random, index: int) -> Draft:
    template = cb.SUPPORTIVE[index % len(cb.SUPPORTIVE)]
    opener = rng.choice(_SUPPORT_OPENERS[1:]).format(name=rng.choice(ib.FIRST_NAMES))
    return Draft(_style(_sentence(_join(opener, template)), rng),
                 f"supportive:{index % len(cb.SUPPORTIVE)}", labels(),
                 text_pair=_crisis_parent(rng))


def _reply_crisis_disclosure(rng: random.Random, index: int) -> Draft:
    template = cb.REPLY_DISCLOSURE[index % len(cb.REPLY_DISCLOSURE)]
    parent = rng.choice(cb.DISCLOSURE_PARENTS + cb.DISTRESS)
    opener = rng.choice(("", "", "Honestly, ", "ngl ", "Hey. ", "Can I be honest? "))
    closer = rng.choice(("", "", " Sorry for hijacking.", " Not sure why I'm saying this here.",
                         " I don't really know what to do."))
    return Draft(_style(_sentence(_join(opener, template) + closer), rng),
                 f"reply_crisis_disclosure:{index % len(cb.REPLY_DISCLOSURE)}",
                 labels(self_harm=1), text_pair=parent)


# ---------------------------------------------------------------- varied crisis (optional)
#: Framing shared by the varied crisis posts and their near misses, so that no prefix or suffix
#: tells one side from the other: the default crisis suffixes (" Nobody would even notice.")
#: carry risk of their own, and the default near misses have framings the crisis rows never get.
_VARIED_PREFIXES = ("", "", "", "", "Throwaway. ", "idk. ", "Long-time lurker. ",
                    "Posting from my phone. ", "Hi all. ")
_VARIED_SUFFIXES = ("", "", "", "", " Sorry for the long post.", " Thanks for reading.",
                    " Anyway.", " That's all.")


def _varied_reply_builder(name: str, bank: Sequence[tuple[str, str, int]],
                          label_spec: Mapping[str, int]) -> Builder:
    """``(parent, reply, distress)`` banks: the reply is the post scored, the parent its
    thread; the reply alone decides the label."""
    def build(rng: random.Random, index: int) -> Draft:
        parent, reply, distress = bank[index % len(bank)]
        spec = dict(label_spec)
        spec["distress"] = distress
        return Draft(_style(reply, rng), f"{name}:{index % len(bank)}", spec, text_pair=parent)
    return build


def _varied(name: str, description: str, bank: Sequence[str]) -> Functionality:
    return _f(name, description, _bank_builder(name, bank, labels(self_harm=1), _VARIED_PREFIXES,
                                               _VARIED_SUFFIXES))


def _near_miss(name: str, description: str, bank: Sequence[tuple[str, int]]) -> Functionality:
    return _f(name, description, _flagged_bank_builder(name, bank, labels(), _VARIED_PREFIXES,
                                                       _VARIED_SUFFIXES))


# ------------------------------------------------------------------------------ registry
def _f(name: str, description: str, build: Builder) -> Functionality:
    return Functionality(name, description, build)


FUNCTIONALITIES: tuple[Functionality, ...] = (
    # --- hate positives
    _f("hate_group_attack", "Dehumanising statement about a protected group (hate 1).",
       _identity_builder("hate_group_attack", ib.HATE_GROUP_ATTACK, labels(hate=1),
                         hate_target=True)),
    _f("hate_slur", "Slur used against a group (hate 1).",
       _identity_builder("hate_slur", ib.HATE_SLUR, labels(hate=1), hate_target=True)),
    _f("hate_spaced_slur", "Slur with inserted spaces or separators ('f a g', 'k.i.k.e') (hate 1).",
       _identity_builder("hate_spaced_slur", ib.HATE_SLUR, labels(hate=1), hate_target=True,
                         slur_kinds=SPACING)),
    _f("hate_leet_slur", "Slur in leetspeak, with dropped letters, asterisks or stretched "
       "letters (hate 1).",
       _identity_builder("hate_leet_slur", ib.HATE_SLUR, labels(hate=1), hate_target=True,
                         slur_kinds=RESPELLING)),
    _f("hate_obfuscated_group", "Group attack whose identity word is respelled (hate 1).",
       _obfuscated_group_attack),
    _f("hate_directed_at_person", "Identity attack addressed to a person (hate 1, harassment 1).",
       _identity_builder("hate_directed_at_person", ib.HATE_DIRECTED,
                         labels(hate=1, harassment=1), hate_target=True,
                         slur_kinds=SPACING + RESPELLING, slur_obfuscation=0.3)),
    # --- identity negatives
    _f("reported_slur", "Author reports a slur thrown at them (hate 0; distress per frame).",
       _framed_builder("reported_slur", ib.REPORTED_SLUR, _reported_slot)),
    _f("reported_hate", "Author quotes a hateful sentence they received (hate 0).",
       _framed_builder("reported_hate", ib.REPORTED_HATE, _quote_slot)),
    _f("counter_speech", "Rejects a hateful claim while stating it (hate 0).",
       _identity_builder("counter_speech", ib.COUNTER_SPEECH, labels())),
    _f("counter_speech_slur", "Condemns a slur by mentioning it (hate 0).",
       _identity_builder("counter_speech_slur", ib.COUNTER_SPEECH_SLUR, labels(),
                         slur_kinds=("asterisk",), slur_obfuscation=0.25)),
    _f("negated_hate", "Denies a hateful claim ('X are not ...') (hate 0).",
       _identity_builder("negated_hate", ib.NEGATED_HATE, labels())),
    _f("identity_neutral", "Neutral mention of an identity group or member (all 0).",
       _identity_builder("identity_neutral", ib.IDENTITY_NEUTRAL, labels())),
    _f("identity_positive", "Positive statement about a group or one's own identity (all 0).",
       _identity_builder("identity_positive", ib.IDENTITY_POSITIVE, labels())),
    _f("identity_question", "Question or opinion about a group, not an attack (all 0).",
       _identity_builder("identity_question", ib.IDENTITY_QUESTION, labels())),
    _f("reclaimed", "In-group reclaimed use of a slur (all 0).", _reclaimed),
    # --- harassment / offensive
    _f("harassment_direct", "Insult or threat to a specific person, no identity (harassment 1).",
       _identity_builder("harassment_direct", ib.HARASSMENT_DIRECT, labels(harassment=1))),
    _f("harassment_obfuscated", "Personal insult with a respelled insult word (harassment 1).",
       _identity_builder("harassment_obfuscated", [t for t in ib.HARASSMENT_DIRECT if "insult" in t],
                         labels(harassment=1), insult_kinds=SPACING + RESPELLING)),
    _f("reported_insult", "Author reports an insult they received (harassment 0).",
       _framed_builder("reported_insult", ib.REPORTED_INSULT, _insult_slot)),
    _f("nonprotected_group_insult", "Insult to a non-protected group (offensive 1, hate 0).",
       _identity_builder("nonprotected_group_insult", ib.NONPROTECTED_GROUP_INSULT,
                         labels(offensive=1))),
    _f("profanity_benign", "Untargeted profanity (offensive 1, hate 0, harassment 0).",
       _bank_builder("profanity_benign", ib.PROFANITY_BENIGN, labels(offensive=1),
                     CASUAL_PREFIXES, CASUAL_SUFFIXES)),
    _f("self_deprecation", "Joking self-insult (all 0).",
       _bank_builder("self_deprecation", ib.SELF_DEPRECATION, labels(), CASUAL_PREFIXES,
                     CASUAL_SUFFIXES)),
    # --- crisis positives
    _f("crisis_explicit", "Explicit suicidal ideation (self_harm 1).",
       _bank_builder("crisis_explicit", cb.EXPLICIT, labels(self_harm=1), cb.PREFIXES,
                     cb.SUFFIXES)),
    _f("crisis_passive", "Passive ideation: wishing not to exist (self_harm 1).",
       _bank_builder("crisis_passive", cb.PASSIVE, labels(self_harm=1), cb.PREFIXES,
                     cb.SUFFIXES)),
    _f("crisis_plan", "A plan, method or date (self_harm 1).",
       _bank_builder("crisis_plan", cb.PLAN, labels(self_harm=1), cb.PREFIXES, cb.SUFFIXES)),
    _f("crisis_preparation", "Preparations: letters, giving things away (self_harm 1).",
       _bank_builder("crisis_preparation", cb.PREPARATION, labels(self_harm=1), cb.PREFIXES,
                     cb.SUFFIXES)),
    _f("self_injury", "Current self-injury (self_harm 1).",
       _bank_builder("self_injury", cb.SELF_INJURY, labels(self_harm=1), cb.PREFIXES,
                     cb.SUFFIXES)),
    _f("crisis_evasive", "Ideation in slang or evasive spelling (unalive, kms, s-u-i-c-i-d-e) "
       "(self_harm 1).", _evasive),
    _f("crisis_long_post_end", "Long everyday post whose last sentence is ideation (self_harm 1).",
       _crisis_long_post),
    # --- crisis negatives
    _f("long_post_vent_end", "Long everyday post ending in sadness, no risk (distress 1).",
       _vent_long_post),
    _f("idiom_figurative", "Figurative death idioms ('this exam is killing me') (self_harm 0).",
       _flagged_bank_builder("idiom_figurative", cb.IDIOMS, labels(), CASUAL_PREFIXES,
                             CASUAL_SUFFIXES)),
    _f("accidental_injury", "Accidental injury, not self-harm (all 0).",
       _bank_builder("accidental_injury", cb.ACCIDENTAL_INJURY, labels(), CASUAL_PREFIXES,
                     CASUAL_SUFFIXES)),
    _f("third_party_concern", "Worry about someone else's risk (self_harm 0; distress per seed).",
       _flagged_bank_builder("third_party_concern", cb.THIRD_PARTY, labels(),
                             ("", "", "Please help. ", "Long-time lurker. ", "Need advice. ",
                              "Not sure where else to ask. "),
                             ("", "", " Any advice welcome.", " Thank you.", " I feel so lost.",
                              " I don't want to make it worse."))),
    _f("recovered_attempt", "Recovered past attempt or self-harm (self_harm 0).", _recovered),
    _f("suicide_news", "News, research or discussion about suicide (self_harm 0).",
       _bank_builder("suicide_news", cb.NEWS, labels(),
                     ("", "", "Interesting read: ", "From today's paper: ", "Question for the group: ",
                      "Saw this today. "),
                     ("", "", " Thoughts?", " Worth a read.", " Link in comments.",
                      " Curious what people here think."))),
    _f("supportive_reply", "Supportive message to someone at risk (self_harm 0).",
       _bank_builder("supportive", cb.SUPPORTIVE, labels(),
                     ("", "", "Hey. ", "Hi friend. ", "I read your post. ", "Oh no. ", "Hugs. "),
                     ("", "", " ❤️", " 💛", " Take care.", " We're here.", " 🫂"))),
    _f("negated_crisis", "Negated ideation ('I'm not suicidal, just exhausted') (self_harm 0, "
       "distress 1).",
       _bank_builder("negated_crisis", cb.NEGATED, labels(distress=1),
                     ("", "", "Just venting. ", "Long day. ", "Ugh. ", "Before anyone worries: "),
                     ("", "", " Thanks for listening.", " I'll be okay.", " Just needed to say it.",
                      " Tomorrow's another day."))),
    _f("distress_no_risk", "Sadness, anxiety or grief without risk (distress 1).",
       _bank_builder("distress_no_risk", cb.DISTRESS, labels(distress=1),
                     ("", "", "Just venting. ", "Long day. ", "Ugh. ", "Can't sleep. "),
                     ("", "", " Thanks for listening.", " Not sure what to do.",
                      " Just needed to say it.", " Anyone else?"))),
    # --- replies (text_pair = parent post)
    _f("reply_counter_speech", "Reply quoting a hateful parent to reject it (hate 0).",
       _reply_counter_speech),
    _f("reply_endorse_hate", "Reply agreeing with a hateful parent (hate 1).",
       _reply_endorse_hate),
    _f("reply_insult_victim", "Insulting reply to someone reporting abuse (harassment 1).",
       _reply_insult_victim),
    _f("reply_support_victim", "Supportive reply to someone reporting abuse (all 0).",
       _reply_support_victim),
    _f("reply_supportive_crisis", "Supportive reply to a crisis post (self_harm 0).",
       _reply_supportive_crisis),
    _f("reply_crisis_disclosure", "Reply disclosing the replier's own risk (self_harm 1).",
       _reply_crisis_disclosure),
)

FUNCTIONALITY_NAMES: tuple[str, ...] = tuple(f.name for f in FUNCTIONALITIES)

#: Functionalities outside the default set, generated only when named (``generate(...,
#: functionalities=[...])``, ``haven hardcases --functionalities``): the default set is what the
#: shipped model was trained on, and ``make train`` must keep reproducing it.
OPTIONAL_FUNCTIONALITIES: tuple[Functionality, ...] = (
    _f("long_post_safe_end", "Long everyday post ending in an idiom, worry about someone else, a "
       "recovered attempt, an accident or denied risk (self_harm 0).", _safe_long_post),
    # The three long-post functionalities again, longer than one 128-token window, so that
    # train.tail_label_functionalities can name them (training's tail window reads the ending).
    _f("crisis_very_long_post_end", "crisis_long_post_end, 14-20 everyday sentences long "
       "(self_harm 1).", partial(_crisis_long_post, build=_window_long_post)),
    _f("very_long_post_vent_end", "long_post_vent_end, 14-20 everyday sentences long "
       "(distress 1).", partial(_vent_long_post, build=_window_long_post)),
    _f("very_long_post_safe_end", "long_post_safe_end, 14-20 everyday sentences long "
       "(self_harm 0).", partial(_safe_long_post, build=_window_long_post)),
)


#: Many distinct crisis posts and near misses (``training/hardcases/varied_crisis_banks.py``;
#: at ``--per-functionality 100`` each post is used about twice). Why: the default banks' 12-18
#: sentences per crisis functionality, repeated under prefixes and suffixes, are learnt by heart
#: (their rows are found 0.99-1.00 of the time, other wordings of the same acts 0.64-1.00:
#: docs/hardcases.md, "Adapter rank 32"). Opt-in, so the default set stays the shipped one's.
VARIED_CRISIS_FUNCTIONALITIES: tuple[Functionality, ...] = (
    _varied("varied_self_injury", "Current self-injury in many wordings (self_harm 1).",
            vb.VARIED_SELF_INJURY),
    _varied("varied_explicit", "Explicit ideation or intent in many wordings (self_harm 1).",
            vb.VARIED_EXPLICIT),
    _varied("varied_passive", "Passive ideation in many wordings (self_harm 1).",
            vb.VARIED_PASSIVE),
    _varied("varied_plan", "A plan, method, place, date or means in many wordings (self_harm 1).",
            vb.VARIED_PLAN),
    _varied("varied_preparation", "Final preparations in many wordings (self_harm 1).",
            vb.VARIED_PREPARATION),
    _varied("varied_evasive", "Ideation in slang, euphemism or respelling (self_harm 1).",
            vb.VARIED_EVASIVE),
    _f("varied_reply_disclosure", "Reply disclosing the replier's own risk under any kind of "
       "thread, cheerful ones included (self_harm 1).",
       _varied_reply_builder("varied_reply_disclosure",
                             [(parent, reply, 0) for parent, reply in vb.VARIED_REPLY_DISCLOSURE],
                             labels(self_harm=1))),
    _near_miss("near_miss_past", "A past attempt or self-harm the author came through "
               "(self_harm 0).", vb.NEAR_MISS_PAST),
    _near_miss("near_miss_others", "Worry about someone else's risk (self_harm 0).",
               vb.NEAR_MISS_OTHERS),
    _near_miss("near_miss_figurative", "Figurative death or violence about mundane things "
               "(self_harm 0).", vb.NEAR_MISS_FIGURATIVE),
    _near_miss("near_miss_sad", "Sadness, grief, burnout or loneliness without risk "
               "(self_harm 0).", vb.NEAR_MISS_SAD),
    _near_miss("near_miss_denied", "Venting that denies any risk (self_harm 0).",
               vb.NEAR_MISS_DENIED),
    _near_miss("near_miss_topic", "Suicide or self-harm as a topic: news, research, art, "
               "volunteering (self_harm 0).", vb.NEAR_MISS_TOPIC),
    _near_miss("near_miss_injury", "Accidents, medical procedures, tattoos, sports injuries "
               "(self_harm 0).", vb.NEAR_MISS_INJURY),
    _f("near_miss_reply", "Supportive, empathetic or everyday reply; the replier is not at risk "
       "(self_harm 0).", _varied_reply_builder("near_miss_reply", vb.NEAR_MISS_REPLIES, labels())),
)
OPTIONAL_FUNCTIONALITIES += VARIED_CRISIS_FUNCTIONALITIES
#: Outside the ``varied_crisis`` group so that the group's runs in docs/hardcases.md stay
#: reproducible: ask for it by name (``--functionalities varied_crisis,near_miss_everyday``).
OPTIONAL_FUNCTIONALITIES += (
    _near_miss("near_miss_everyday", "Ordinary plans, goodbyes, endings and give-aways that "
               "state their mundane reason (self_harm 0).", vb.NEAR_MISS_EVERYDAY),
    # The counterweight to the rights posts' affirming side (docs/hardcases.md, "A counterweight
    # of worried posts"): opt-in by name too, so earlier recipes stay reproducible.
    _near_miss("varied_worry_other", "Someone else's cuts, pills, notes or goodbyes, told by "
               "the person who fears for them (self_harm 0).", wb.VARIED_WORRY_OTHER),
)


# -------------------------------------------------------------- varied identity (optional)
#: Framing shared by every side of the varied identity banks, for the same reason as
#: ``_VARIED_PREFIXES``: no prefix may tell an attack from the post that answers it.
_IDENTITY_PREFIXES = ("", "", "", "", "Honestly, ", "Okay. ", "PSA: ", "Just saying. ")
_IDENTITY_SUFFIXES = ("", "", "", "", " That's all.", " Thoughts?", " Anyway.", " Simple as that.")

#: ``(parent or None, post, labels, hate target or None)``: one shape for every bank below.
_Entry = tuple[str | None, str, Mapping[str, int], str | None]


def _entry_builder(name: str, entries: Sequence[_Entry]) -> Builder:
    """Single posts get the shared framing; replies are scored as written, under their parent
    (the reply alone decides the label)."""
    def build(rng: random.Random, index: int) -> Draft:
        parent, text, spec, target = entries[index % len(entries)]
        if parent is None:
            text = _join(rng.choice(_IDENTITY_PREFIXES), text) + rng.choice(_IDENTITY_SUFFIXES)
        return Draft(_style(_sentence(text), rng), f"{name}:{index % len(entries)}", spec,
                     target=target, text_pair=parent)
    return build


#: Many distinct posts for the hate, harassment and reply functionalities that template banks
#: of 10-30 sentences left under 85 % on the suites (``varied_identity_banks.py``; at
#: ``--per-functionality 100`` each post is used about one and a half times). Opt-in.
VARIED_IDENTITY_FUNCTIONALITIES: tuple[Functionality, ...] = (
    _f("varied_counter_reply", "Reply rejecting a hateful parent, often quoting it (all 0).",
       _entry_builder("varied_counter_reply",
                      [(p, r, labels(), None) for p, r in vib.VARIED_COUNTER_REPLY])),
    _f("varied_endorse_reply", "Reply that is itself hateful, under a hateful or a harmless "
       "parent (hate 1).",
       _entry_builder("varied_endorse_reply",
                      [(p, r, labels(hate=1), t) for p, r, t in vib.VARIED_ENDORSE_REPLY])),
    _f("varied_identity_positive", "Praise, pride or gratitude naming a group (all 0).",
       _entry_builder("varied_identity_positive",
                      [(None, t, labels(), None) for t in vib.VARIED_IDENTITY_POSITIVE])),
    _f("varied_group_hate", "Attack on a group in many forms and registers, no slur (hate 1).",
       _entry_builder("varied_group_hate",
                      [(None, t, labels(hate=1), g) for t, g in vib.VARIED_GROUP_HATE])),
    _f("varied_harassment", "Insult, threat or exposure aimed at one person, no identity "
       "(harassment 1).",
       _entry_builder("varied_harassment",
                      [(None, t, labels(harassment=1), None) for t in vib.VARIED_HARASSMENT])),
    _f("varied_self_deprecation", "Joking self-insult about a mishap (offensive 1 when profane, "
       "else all 0).",
       _entry_builder("varied_self_deprecation",
                      [(None, t, labels(offensive=p), None)
                       for t, p in vib.VARIED_SELF_DEPRECATION])),
    _f("varied_support_reply", "Peer's supportive reply to a crisis post, often naming suicide or "
       "a crisis line (all 0).",
       _entry_builder("varied_support_reply",
                      [(p, r, labels(), None) for p, r in vib.VARIED_SUPPORT_REPLY])),
)
OPTIONAL_FUNCTIONALITIES += VARIED_IDENTITY_FUNCTIONALITIES

# ------------------------------------------------------------- varied long posts (optional)
def _interleave(columns: Sequence[Sequence[tuple[str, str, int]]]
                ) -> tuple[tuple[str, str, int], ...]:
    """The rows of each column in turn (first of each, then second of each, ...), so that any
    count of rows draws on every column."""
    return tuple(row for group in itertools.zip_longest(*columns) for row in group if row)


def _even_half(banks: Sequence[str]) -> tuple[tuple[str, str, int], ...]:
    """``(seed id, text, distress)`` for the even-indexed posts of the named varied banks
    (``varied_passive`` is ``vb.VARIED_PASSIVE``), interleaved bank by bank so that any count of
    rows draws on every bank.

    Why only the even half: the odd half of the varied banks is the held-out probe
    (``training.hardcases.heldout``) and must stay unseen in every form, a long post's ending
    included. Plain-text banks (the crisis posts) have ``distress`` 0; ``(text, distress)``
    banks (the near misses) carry their own."""
    columns = []
    for name in banks:
        rows = []
        for index, entry in enumerate(getattr(vb, name.upper())):
            if not in_half(index, "even"):
                continue
            text, distress = (entry, 0) if isinstance(entry, str) else entry
            rows.append((f"{name}:{index}", text, distress))
        columns.append(rows)
    return _interleave(columns)


_LONG_CRISIS_ENDINGS = _even_half(
    ["varied_passive", "varied_explicit", "varied_self_injury", "varied_plan",
     "varied_preparation", "varied_evasive"])
_LONG_SAFE_ENDINGS = _even_half(
    ["near_miss_sad", "near_miss_figurative", "near_miss_others", "near_miss_past",
     "near_miss_denied", "near_miss_everyday", "near_miss_injury", "near_miss_topic"])


def _varied_long_builder(name: str, endings: Sequence[tuple[str, str, int]],
                         label_spec: Mapping[str, int]) -> Builder:
    """Two to four distinct everyday paragraphs, then one ending (``(seed id, text, distress)``):
    a post of a varied bank or a written closing paragraph.

    Why: the default long posts draw their filler from 36 sentences, learnt as filler by heart;
    after paragraphs a model has never seen, a passive ending ("I just want to go to sleep and
    never wake up.") fell under the threshold (run V2, docs/hardcases.md). The ending alone
    decides the labels, as in ``crisis_long_post_end``."""
    def build(rng: random.Random, index: int) -> Draft:
        seed_id, ending, distress = endings[index % len(endings)]
        paragraphs = rng.sample(ep.PARAGRAPHS, rng.randint(2, 4))
        joiner = rng.choice(("\n\n", "\n", " "))
        spec = dict(label_spec)
        spec["distress"] = distress
        return Draft(joiner.join([*paragraphs, _sentence(ending)]), f"{name}:{seed_id}", spec)
    return build


#: Long posts of many distinct paragraphs ending in a varied crisis post or a varied near miss
#: (even halves only). Opt-in: ``--functionalities varied_long``.
VARIED_LONG_FUNCTIONALITIES: tuple[Functionality, ...] = (
    _f("varied_long_crisis_end", "Distinct everyday paragraphs, then a varied crisis post "
       "(self_harm 1).", _varied_long_builder("varied_long_crisis_end", _LONG_CRISIS_ENDINGS,
                                              labels(self_harm=1))),
    _f("varied_long_safe_end", "Distinct everyday paragraphs, then a varied near miss "
       "(self_harm 0).", _varied_long_builder("varied_long_safe_end", _LONG_SAFE_ENDINGS,
                                             labels())),
)
OPTIONAL_FUNCTIONALITIES += VARIED_LONG_FUNCTIONALITIES

#: ``(seed id, text, distress)`` for each written closing paragraph of ``long_endings``.
_LONG_ENDING_ROWS = tuple((f"long_endings:{i}", text, distress)
                          for i, (text, distress) in enumerate(le.ENDINGS))

#: A counterweight for long posts without risk (docs/hardcases.md, "A counterweight of long everyday
#: posts"): the same distinct paragraphs, then the ordinary last paragraph of a post by someone
#: at no risk (a question, a sign-off, a low but safe vent, a harmless idiom, worry for someone
#: else). Outside the ``varied_long`` group, whose near-miss endings are the varied banks' even
#: half: these endings were written for this functionality. Opt-in by name.
OPTIONAL_FUNCTIONALITIES += (
    _f("varied_long_everyday", "Distinct everyday paragraphs, then an ordinary closing "
       "paragraph, low or cheerful, never a risk (self_harm 0).",
       _varied_long_builder("varied_long_everyday", _LONG_ENDING_ROWS, labels())),
)


def _low_middle_builder(name: str, middles: Sequence[tuple[str, str, int]],
                        closings: Sequence[str]) -> Builder:
    """One or two distinct everyday paragraphs, a low moment (``(seed id, text, distress)``),
    one or two more paragraphs, then an ordinary closing: all labels 0 but ``distress``, which
    the low moment decides.

    Why: members' long updates put the hard week, the idiom or the worried friend mid-post and
    go on with their news. Every earlier long row put its feeling last, so a model could learn
    "a feeling after everyday paragraphs" as the sign of a crisis (runs V15, V21A,
    docs/hardcases.md)."""
    def build(rng: random.Random, index: int) -> Draft:
        seed_id, middle, distress = middles[index % len(middles)]
        before = rng.randint(1, 2)
        paragraphs = rng.sample(ep.PARAGRAPHS, before + rng.randint(1, 2))
        joiner = rng.choice(("\n\n", "\n", " "))
        parts = [*paragraphs[:before], _sentence(middle), *paragraphs[before:],
                 rng.choice(closings)]
        return Draft(joiner.join(parts), f"{name}:{seed_id}", {**labels(), "distress": distress})
    return build


#: The low moments of ``varied_long_low_middle``: the near-miss banks' even half and the written
#: low, idiomatic or worried paragraphs, interleaved so that any count of rows draws on both.
_LOW_MIDDLES = _interleave([_LONG_SAFE_ENDINGS, _LONG_ENDING_ROWS[len(le.CLOSINGS):]])

#: A counterweight for long posts whose feeling sits mid-post (docs/hardcases.md, "A second seed
#: of V21A, and a low moment mid-post"). Opt-in by name.
OPTIONAL_FUNCTIONALITIES += (
    _f("varied_long_low_middle", "Distinct everyday paragraphs around a low moment, idiom, "
       "worry for someone else or near miss, then an ordinary closing (self_harm 0).",
       _low_middle_builder("varied_long_low_middle", _LOW_MIDDLES,
                           tuple(text for text, _ in le.CLOSINGS))),
)


# ------------------------------------------- pairs that differ in stance only (optional)
def _pair_builder(bank: str, posts: Sequence[str], label_spec: Mapping[str, int],
                  distressed: frozenset[int] = frozenset()) -> Builder:
    """One side of a bank of pairs (``posts[i]`` is that side of pair ``i``; the pairs in
    ``distressed`` get distress 1): row ``i`` of either side names the same group with the same
    words (a seeded pick from the bank and the index, not from the functionality's stream), so
    the two posts of a pair differ in stance only, and both land in the split group of their
    pair."""
    def build(rng: random.Random, index: int) -> Draft:
        pair = index % len(posts)
        pick = random.Random(f"{bank}:{index}")
        group = _pick_group(pick)
        term = pick.choice(terms_for(group))
        text = posts[pair].format(pl=term.plural)
        spec = {**label_spec, "distress": 1} if pair in distressed else label_spec
        return Draft(_style(_sentence(text), rng), f"{bank}:{pair}", spec,
                     target=group if label_spec["hate"] else None)
    return build


#: Posts that defend a group's rights, place or safety, each beside an attack on the same
#: topic naming the same group. Opt-in: ``--functionalities identity_contrast``.
IDENTITY_CONTRAST_FUNCTIONALITIES: tuple[Functionality, ...] = (
    _f("contrast_affirm", "Defends a group's rights, belonging or safety, beside its attacking "
       "pair (all 0).", _pair_builder("identity_contrast", [a for a, _ in cnb.PAIRS], labels())),
    _f("contrast_attack", "Denies a group's rights, belonging or safety, beside its affirming "
       "pair (hate 1).", _pair_builder("identity_contrast", [b for _, b in cnb.PAIRS],
                                       labels(hate=1))),
)
OPTIONAL_FUNCTIONALITIES += IDENTITY_CONTRAST_FUNCTIONALITIES

#: Posts that quote an attack on a group and reject it, each beside a post that quotes the same
#: attack and endorses it. Opt-in: ``--functionalities quote_contrast``.
QUOTE_CONTRAST_FUNCTIONALITIES: tuple[Functionality, ...] = (
    _f("quote_reject", "Quotes an attack on a group and rejects it, beside its endorsing pair "
       "(all 0; distress 1 where a member says how it felt).",
       _pair_builder("quote_contrast", qb.posts(1), labels(), qb.FELT)),
    _f("quote_endorse", "Quotes the same attack and endorses it, beside its rejecting pair "
       "(hate 1).", _pair_builder("quote_contrast", qb.posts(2), labels(hate=1))),
)
OPTIONAL_FUNCTIONALITIES += QUOTE_CONTRAST_FUNCTIONALITIES


def _crisis_pair_builder(bank: str, posts: Sequence[str], label_spec: Mapping[str, int],
                         distressed: frozenset[int] = frozenset()) -> Builder:
    """One side of a bank of (risk, safe) pairs: row ``i`` of either side gets the same casual
    styling (seeded by the bank and the index, not by the functionality's stream) and the same
    split group, so the two posts differ only in the words that carry the risk."""
    def build(rng: random.Random, index: int) -> Draft:
        pair = index % len(posts)
        spec = {**label_spec, "distress": 1} if pair in distressed else label_spec
        styled = _style(posts[pair], random.Random(f"{bank}:{index}"))
        return Draft(styled, f"{bank}:{pair}", spec)
    return build


#: A crisis post beside a post that shares its words without the risk ("sad it didn't work",
#: "glad it didn't work"). With ``train.pair_batch_functionalities`` naming both, the two sides
#: meet in a batch and the ranking term compares them. Opt-in: ``--functionalities
#: crisis_contrast``.
CRISIS_CONTRAST_FUNCTIONALITIES: tuple[Functionality, ...] = (
    _f("crisis_contrast_risk", "The author's own risk, beside a pair sharing its words without "
       "it (self_harm 1).", _crisis_pair_builder("crisis_contrast", [r for r, _ in ccb.PAIRS],
                                                 labels(self_harm=1))),
    _f("crisis_contrast_safe", "The same words without risk for the author, beside its crisis "
       "pair (self_harm 0; distress 1 where it is sad).",
       _crisis_pair_builder("crisis_contrast", [n for _, n in ccb.PAIRS], labels(),
                            ccb.DISTRESSED)),
)
OPTIONAL_FUNCTIONALITIES += CRISIS_CONTRAST_FUNCTIONALITIES


#: Names that stand for several functionalities in ``generate(functionalities=...)`` and
#: ``haven hardcases --functionalities``.
FUNCTIONALITY_GROUPS: dict[str, tuple[str, ...]] = {
    "varied_crisis": tuple(f.name for f in VARIED_CRISIS_FUNCTIONALITIES),
    "varied_identity": tuple(f.name for f in VARIED_IDENTITY_FUNCTIONALITIES),
    "varied_long": tuple(f.name for f in VARIED_LONG_FUNCTIONALITIES),
    "identity_contrast": tuple(f.name for f in IDENTITY_CONTRAST_FUNCTIONALITIES),
    "quote_contrast": tuple(f.name for f in QUOTE_CONTRAST_FUNCTIONALITIES),
    "crisis_contrast": tuple(f.name for f in CRISIS_CONTRAST_FUNCTIONALITIES),
}


def to_example(draft: Draft, functionality: str, source: str = SOURCE,
               language: str = LANGUAGE) -> Example:
    """A draft as a fully labelled example; its group names the seed it came from."""
    if draft.labels.get("hate") == 1 and draft.target is None:
        raise ValueError(f"{functionality}: hate-positive draft without a target group")
    targets = {name: int(draft.labels.get("hate") == 1 and name == draft.target)
               for name in TARGETS}
    return Example(
        text=clean_text(draft.text),
        source=source,
        language=language,
        labels=dict(draft.labels),
        targets=targets,
        group=f"{source}:{draft.seed_id}",
        text_pair=clean_text(draft.text_pair) if draft.text_pair else None,
        functionality=functionality,
    )


def expand(functionalities: Sequence[Functionality], seed: int, wanted: int, *,
           source: str = SOURCE, language: str = LANGUAGE) -> list[Example]:
    """Up to ``wanted`` examples per functionality, each functionality drawing from its own
    seeded generator (so adding one never changes another's examples). Texts are unique across
    the whole set by :func:`models.examples.text_key`, the same key ``build_dataset`` dedupes
    on, so nothing generated is silently merged away at training time."""
    if wanted < 0:
        raise ValueError(f"per_functionality must be >= 0, got {wanted}")
    seen: set[str] = set()
    out: list[Example] = []
    for functionality in functionalities:
        rng = random.Random(f"{seed}:{functionality.name}")
        kept = 0
        for attempt in range(wanted * _ATTEMPTS_PER_EXAMPLE):
            if kept >= wanted:
                break
            example = to_example(functionality.build(rng, attempt), functionality.name,
                                 source, language)
            key = text_key(example.text)
            if key in seen:
                continue
            seen.add(key)
            out.append(example)
            kept += 1
    return out


def generate(seed: int = DEFAULT_SEED, per_functionality: int | None = None,
             functionalities: Sequence[str] | None = None) -> list[Example]:
    """Generate the hard-case set: a pure function of its arguments.

    ``per_functionality`` examples per functionality (default
    :data:`DEFAULT_PER_FUNCTIONALITY`; fewer when a functionality's banks run out).
    """
    wanted = DEFAULT_PER_FUNCTIONALITY if per_functionality is None else per_functionality
    names = FUNCTIONALITY_NAMES if functionalities is None else tuple(
        member for name in functionalities for member in FUNCTIONALITY_GROUPS.get(name, (name,)))
    known = (*FUNCTIONALITIES, *OPTIONAL_FUNCTIONALITIES)
    unknown = sorted(set(names) - {f.name for f in known})
    if unknown:
        raise ValueError(f"unknown functionalities {unknown}; known: "
                         f"{', '.join(f.name for f in known)}; "
                         f"groups: {', '.join(FUNCTIONALITY_GROUPS)}")
    return expand([f for f in known if f.name in names], seed, wanted)
