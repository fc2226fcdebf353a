"""Identity terms per target group, written for training only.

This lexicon is Haven's *training* vocabulary for identity mentions. It is written independently
of ``eval/identity_terms.yaml`` (the evaluation's mention detector) and deliberately reaches for
other terms where a group has several (Hmong, Igbo, Eritrean, Sikh, people with epilepsy, ...):
a model that only learns "Muslims, Black, gay" as neutral mentions would pass the fairness
metrics without generalising. The core group names ("women", "Muslims") cannot differ and do
overlap; ``docs/hardcases.md`` reports the overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from models.taxonomy import TARGETS


@dataclass(frozen=True)
class IdentityTerm:
    """One way to name a group: ``plural`` for "X are ...", ``member`` (no article) for "a X"."""

    group: str
    plural: str
    member: str

    @property
    def a_member(self) -> str:
        return with_article(self.member)


def with_article(noun_phrase: str) -> str:
    """'a'/'an' by the first letter: good enough for these hand-picked phrases."""
    return ("an " if noun_phrase[0].lower() in "aeiou" else "a ") + noun_phrase


_TERMS: dict[str, list[tuple[str, str]]] = {
    "race_ethnicity": [
        ("Black people", "Black woman"), ("Black folks", "Black guy"),
        ("Asian people", "Asian man"), ("East Asians", "Korean American girl"),
        ("Latinos", "Latina"), ("Arabs", "Arab man"), ("Indigenous people", "Indigenous artist"),
        ("mixed-race people", "mixed-race kid"), ("Roma people", "Romani woman"),
        ("Pacific Islanders", "Samoan guy"), ("South Asians", "Desi girl"),
        ("Hmong people", "Hmong student"), ("brown people", "brown kid"),
        ("Igbo people", "Igbo man"), ("Afro-Caribbean people", "Jamaican-born nurse"),
    ],
    "religion": [
        ("Muslims", "Muslim woman"), ("Jews", "Jewish man"), ("Christians", "Christian"),
        ("Sikhs", "Sikh man"), ("Hindus", "Hindu family man"), ("atheists", "atheist"),
        ("Buddhists", "Buddhist monk"), ("Catholics", "Catholic priest"),
        ("Jehovah's Witnesses", "Jehovah's Witness"), ("Orthodox Jews", "Orthodox Jewish kid"),
        ("women who wear the hijab", "hijabi"), ("Bahá'ís", "Bahá'í neighbour"),
    ],
    "gender": [
        ("women", "woman"), ("girls", "teenage girl"), ("men", "man"),
        ("female gamers", "female gamer"), ("single mothers", "single mum"),
        ("women in tech", "female engineer"), ("female drivers", "female driver"),
        ("girls who play football", "girl on the football team"),
    ],
    "sexual_orientation_gender_identity": [
        ("gay men", "gay man"), ("lesbians", "lesbian"), ("bisexual people", "bi woman"),
        ("trans women", "trans woman"), ("trans men", "trans man"),
        ("nonbinary people", "nonbinary person"), ("queer people", "queer teenager"),
        ("asexual people", "asexual person"), ("gay couples", "gay dad"),
        ("trans kids", "trans kid"), ("drag queens", "drag queen"),
    ],
    "disability": [
        ("disabled people", "disabled person"), ("autistic people", "autistic guy"),
        ("Deaf people", "Deaf woman"), ("blind people", "blind man"),
        ("wheelchair users", "wheelchair user"),
        ("people with Down syndrome", "young man with Down syndrome"),
        ("people with schizophrenia", "person with schizophrenia"),
        ("people with epilepsy", "woman with epilepsy"), ("amputees", "amputee"),
        ("people with ADHD", "kid with ADHD"), ("people with cerebral palsy", "girl with CP"),
        ("stroke survivors", "stroke survivor"),
    ],
    "national_origin": [
        ("immigrants", "immigrant"), ("refugees", "refugee"), ("asylum seekers", "asylum seeker"),
        ("Mexicans", "Mexican guy"), ("Nigerians", "Nigerian nurse"), ("Poles", "Polish builder"),
        ("Syrians", "Syrian family man"), ("Somalis", "Somali mum"), ("Filipinos", "Filipina"),
        ("Romanians", "Romanian"), ("Eritreans", "Eritrean student"),
        ("Haitians", "Haitian cab driver"), ("Turkish people", "Turkish shop owner"),
        ("Venezuelans", "Venezuelan"), ("Bangladeshis", "Bangladeshi waiter"),
    ],
    "age": [
        ("old people", "old man"), ("elderly people", "elderly woman"),
        ("pensioners", "pensioner"), ("teenagers", "teenager"), ("boomers", "boomer"),
        ("young people", "young person"), ("people over sixty", "woman in her sixties"),
        ("millennials", "millennial"), ("retirees", "retiree"), ("Gen Z kids", "Gen Z kid"),
    ],
}

IDENTITY_TERMS: tuple[IdentityTerm, ...] = tuple(
    IdentityTerm(group, plural, member)
    for group, pairs in _TERMS.items()
    for plural, member in pairs
)

if set(_TERMS) != set(TARGETS):  # pragma: no cover - a taxonomy change must update this file
    raise RuntimeError(f"lexicon groups {sorted(_TERMS)} do not match TARGETS {TARGETS}")


def terms_for(group: str) -> tuple[IdentityTerm, ...]:
    return tuple(term for term in IDENTITY_TERMS if term.group == group)


#: Lexicon phrases too ambiguous to mark a mention: "man" is an English interjection ("man, this
#: week") and the German pronoun "one"; it was 719 of the public training split's rows.
_NOT_MENTIONS = frozenset({"man"})


@cache
def mention_pattern() -> re.Pattern[str]:
    """Whole lexicon phrases, case-insensitive, with an optional plural "s".

    Used to find public training rows that name a group (``train.distill_mention_weight``); the
    evaluation's own detector (eval/identity_terms.yaml) stays on the evaluation's side.
    """
    phrases = sorted({p.lower() for term in IDENTITY_TERMS for p in (term.plural, term.member)}
                     - _NOT_MENTIONS)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")s?\b",
                      re.IGNORECASE)


def mentions_identity(text: str) -> bool:
    return mention_pattern().search(text) is not None
