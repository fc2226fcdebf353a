"""Arabizi crisis hard cases for the default model: Arabic written in Latin letters and digits.

Why: the per-language model reads Arabic script; a post in Arabizi (``ana ta3bana w bedde
mout``) is detected as ``ar-Latn`` and scored by the default model, whose crisis head has seen
no Arabizi at all, so its referral rests on the few English-looking words in the post. Missing a
crisis is the worst error Haven can make, so the crisis head gets Arabizi contrasts of its own:
the author's ideation, stated and passive, against death idioms, tiredness and sadness without
risk, worry about someone else, risk denied, and everyday chatter.

Variation is what Arabizi writers vary: the digit letters (``3`` or ``a`` for ain, ``7`` or
``h``, ``5`` or ``kh``, ``2`` or nothing for hamza), doubled vowels, ``w`` or ``wa``, the dialect
(Levantine, Egyptian, Gulf, Maghrebi, in the seeds). Seeds were written for this file and share
no sentence with ``eval/suites/arabic.csv`` (the leakage test checks word 5-grams). Source
``hardcases_arabizi``, language ``ar-Latn``; every example carries all five labels and no target.
Generation is a pure function of the seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from models.examples import Example
from training.hardcases.arabic import bank_builder
from training.hardcases.generator import Functionality, expand, labels

SOURCE = "hardcases_arabizi"
LANGUAGE = "ar-Latn"
DEFAULT_SEED = 13
#: Seeds per functionality are few (10-14): more variants of one seed add weight, not signal.
DEFAULT_PER_FUNCTIONALITY = 60

CRISIS_EXPLICIT: tuple[str, ...] = (
    "bade mot w khalas, ma fi shi y5alleni 3ayesh",
    "ana bfakker 2ente7er, 5alas ma 3ad fiyyi",
    "3ayza amoot w artaa7 men kol 7aga",
    "nefsi amoot el leila di",
    "ana 7a2tel nafsi, mesh 2adra akammel keda",
    "wallah ma bade 3eesh, bade mout el yom",
    "abi amoot, ta3abt men had el 7ayat",
    "bghit nmout, ma b9a 3andi 7ta sbab n3ich",
    "ra7 e2tol 7ali, ma 7ada ra7 yfta2edni",
    "el mout a7san men el 3eesha hay",
    "ana mesh 3ayez a3eesh tani, 5alas",
    "fakkart ente7er mbare7 w el yom kamen",
    "bedde 5alles 7ayati, ta3abt kteer",
    "ana 3ayez amoot w mesh 3aref a3mel eh",
)
CRISIS_PASSIVE: tuple[str, ...] = (
    "yareet ma kent 5le2t aslan",
    "ya rab 5odni w ri7ni",
    "nfsi anam w ma 2om",
    "ya retni amoot fi nomi el leila",
    "law mot bokra ma 7ada ra7 yla7ez",
    "ma 3ad bade kun mawjoud",
    "3ayza a5tefy men el donia",
    "ya reit el 3omr y5las bsor3a",
    "ana 3eb2 3ala kol el nas, a7sanlhom law ma kent",
    "tmanit ma n9a7ach men n3ass",
    "bas bade naam w ma fi2",
    "ma 3ad fi sabab 2dal 3aysh",
)
IDIOMS: tuple[tuple[str, int], ...] = (
    ("mot men el da7k 3al video hahaha", 0),
    ("el jo3 ra7 ymawetni, wen el akel", 0),
    ("2atalni el 7ar el yom", 0),
    ("el shoghl da 2atelni, 3andi 3 projects", 1),
    ("bamoot fi el akla di 😍", 0),
    ("ya 3ami mawattni el mosalsal da", 0),
    ("hal dars ra7 y2tolni, ma fhemt shi", 1),
    ("metet men el ta3ab bas el 7amdella 5alasna", 0),
    ("el match kan ra7 ymawetni men el 5ouf", 0),
    ("bmout 3ala hal oghniye", 0),
    ("el zaa7me ra7 tetla3 rou7i", 1),
    ("2ahwa wa7da kamen w ba2dar a3eesh", 0),
)
DISTRESS: tuple[str, ...] = (
    "ana ta3bana kteer el fatra di w mesh 3arfa anam",
    "7ases b wa7da kbeera men yom ma et2alna",
    "el imti7anat mda22ini w ma 3am nam",
    "za3lana men a5i, ma 3am y7ki ma3i",
    "mdaye2 kteer el yom, kol shi ghalat",
    "mesh 3aref leh ba3yat kteer el ayam di",
    "5ayfa men el natije, albi 3am ydo2",
    "ta3ban men el shoghl w mafeesh 7ad yesa3edni",
    "fa2adt jeddi mbare7 w lessa mesh mesda2",
    "7assa 7alli lwa7di bel ghorbe",
    "3andi 2alak kteer 2abl el interview",
    "el denya te2ela 3alayya el ayam di bas ha3addi",
)
THIRD_PARTY: tuple[str, ...] = (
    "sa7beti ba3tetli enha bedha tmout, shu a3mel?",
    "a5oya 2al enno 3ayez yente7er, ana 5ayfa 3aleh",
    "sadi2i 3am y7ki 3an el mout kteer, 2al2an 3aleh",
    "binti katbet enha ma bedha t3eesh, kif bsa3edha?",
    "wa7ed fel group 2al enno ra7 ye2tol 7alo, fi 7ada 3ando ra2am mosa3ade?",
    "ommi sa2alatni law 5ayyi bifakker bel mout, ana mesh 3arfa",
    "zamili fel shoghl katab enno ta3ban men el 7aya, lazem a7ki ma3o",
    "sa7beti jar7et 7alha mbare7, a3mel eh?",
    "5ayfa 3ala ibni, sar y2ool kalam 3an el mout",
    "jari 3ayesh lwa7do w 2al enno ma fi 7ada bya3'del 3aleh",
)
NEGATED_CRISIS: tuple[str, ...] = (
    "ana ta3ban bas la2 ma bfakker 2ezi nafsi",
    "mesh 3ayza amoot, bas 3ayza 7ad yesma3ni",
    "ma bade mout wallah, bas bade ertaa7 shway",
    "msh ha2tel nafsi matkhafoosh, ana bas mdaye2",
    "la2 ma fakkart ente7er, bas el denya ghamme",
    "ana za3lan bas 3ayez a3eesh, ma t2la2o",
    "ma 3ndi afkar enni ezi nafsi, bas ta3bane",
    "wallah la2, ma bfakker bel mout, bas ta3abt",
    "ana mnee7 ma fi 5atar, bas bade 7ki",
    "mesh 3ayez amoot, 3ayez el wa7da di tenteh",
)
EVERYDAY: tuple[str, ...] = (
    "7ad ra2e7 el beach bokra? n2aba3 3al sa3a 10",
    "mabrook 3al shoghl el jdeed ya 3asal",
    "shu 3am ta3mlo el weekend? bade etla3 ma3kon",
    "el akel 3and teta kan ya3ni wa7ed 3ashara",
    "fi 7ada ya3ref ma7al mni7 la tasle7 el mobile?",
    "ana wasalt el matar, ra7 ashoufkon ba3d shway",
    "sabah el 5eir ya 7elwin, kif el sabah?",
    "bade ashtre hadiyye la ommi, a2tra7at?",
    "el film kan 7elo bas tawil shway",
    "yalla ya jama3a el 2ahwa 3alayya el yom",
    "5allasna el emte7an akheeran, ra7 n7tfel",
    "3eid sa3eed 3al kel w kol sana w entom b5eir",
)

PREFIXES: tuple[str, ...] = ("", "", "", "wallah ", "bser7a ", "sorry 3al iz3aj bas ",
                             "ma ba3ref la min e7ki. ")
CRISIS_SUFFIXES: tuple[str, ...] = ("", "", "...", " 💔", " 😞", " sam7ouni")
CASUAL_PREFIXES: tuple[str, ...] = ("", "", "hahaha ", "ya 3ami ", "el mohem ")
CASUAL_SUFFIXES: tuple[str, ...] = ("", "", " 😂", " lol", " 🙃")

#: Digit letters and the Latin spellings used for the same sounds: writers mix both.
_LETTER_SWAPS: tuple[tuple[str, Sequence[str]], ...] = (
    ("3", ("a", "e", "")),
    ("7", ("h",)),
    ("5", ("kh",)),
    ("2", ("", "a", "'")),
    ("9", ("s",)),
)


def arabizi_style(text: str, rng: random.Random) -> str:
    """Everyday Arabizi variation, each change independent: some digit letters spelt out, a
    vowel doubled, ``w`` written ``wa``, no final punctuation, all lower or first letter up."""
    for digit, spellings in _LETTER_SWAPS:
        if digit in text and rng.random() < 0.25:
            text = text.replace(digit, rng.choice(spellings))
    if rng.random() < 0.2:
        text = re.sub(r"\bw\b", "wa", text)
    if rng.random() < 0.15:
        words = text.split(" ")
        candidates = [i for i, w in enumerate(words) if re.search(r"[aeiou]$", w)]
        if candidates:
            i = rng.choice(candidates)
            words[i] = words[i] + words[i][-1] * rng.randint(1, 3)
            text = " ".join(words)
    if rng.random() < 0.2:
        text = text.rstrip(".!?,")
    if rng.random() < 0.2:
        text = text[:1].upper() + text[1:]
    return re.sub(r"\s+", " ", text).strip()


def _bank(name: str, bank: Sequence[str] | Sequence[tuple[str, int]], positives: dict[str, int],
          prefixes: Sequence[str], suffixes: Sequence[str], *, flag: str | None = None):
    """The Arabic set's seed-bank builder with Arabizi spelling variation."""
    return bank_builder(name, bank, labels(**positives), prefixes, suffixes, flag=flag,
                        style=arabizi_style)


FUNCTIONALITIES: tuple[Functionality, ...] = (
    Functionality("arabizi_crisis_explicit", "the author's suicidal ideation, in Arabizi",
                  _bank("arabizi_crisis_explicit", CRISIS_EXPLICIT,
                        {"self_harm": 1}, PREFIXES, CRISIS_SUFFIXES)),
    Functionality("arabizi_crisis_passive", "wishing not to exist, in Arabizi",
                  _bank("arabizi_crisis_passive", CRISIS_PASSIVE,
                        {"self_harm": 1}, PREFIXES, CRISIS_SUFFIXES)),
    Functionality("arabizi_idiom", "death and killing as figures of speech, in Arabizi",
                  _bank("arabizi_idiom", IDIOMS, {}, CASUAL_PREFIXES, CASUAL_SUFFIXES,
                        flag="distress")),
    Functionality("arabizi_distress", "sadness, stress and grief without risk, in Arabizi",
                  _bank("arabizi_distress", DISTRESS, {"distress": 1}, PREFIXES,
                        ("", "", "...", " 😔"))),
    Functionality("arabizi_third_party", "worry about someone else's risk, in Arabizi",
                  _bank("arabizi_third_party", THIRD_PARTY, {"distress": 1}, ("", "", "ya jama3a "),
                        ("", "", " 🙏", "..."))),
    Functionality("arabizi_negated_crisis", "risk denied, distress kept, in Arabizi",
                  _bank("arabizi_negated_crisis", NEGATED_CRISIS, {"distress": 1}, PREFIXES,
                        ("", "", " 🙂", "..."))),
    Functionality("arabizi_everyday", "ordinary chatter and plans, in Arabizi",
                  _bank("arabizi_everyday", EVERYDAY, {}, CASUAL_PREFIXES, CASUAL_SUFFIXES)),
)
FUNCTIONALITY_NAMES: tuple[str, ...] = tuple(f.name for f in FUNCTIONALITIES)


def generate_arabizi(seed: int = DEFAULT_SEED,
                     per_functionality: int | None = None) -> list[Example]:
    """The Arabizi hard-case set: a pure function of its arguments, texts unique by
    :func:`models.examples.text_key` (fewer than asked where a bank runs out of variants)."""
    wanted = DEFAULT_PER_FUNCTIONALITY if per_functionality is None else per_functionality
    return expand(FUNCTIONALITIES, seed, wanted, source=SOURCE, language=LANGUAGE)
