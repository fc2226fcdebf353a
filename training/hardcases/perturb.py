"""Spelling perturbations that people use to get slurs, insults and crisis words past filters.

Every function takes the rng explicitly (determinism) and always returns a string that differs
from its input for words of three or more letters, so a "spaced slur" example really is spaced.
In a multi-word phrase only the longest word is changed (the last one on ties, usually the head
noun), which is how people write them: "jungle b*nny", "coffin d0dgers".
"""

from __future__ import annotations

import random
from collections.abc import Callable

_LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "5$", "t": "7", "g": "9", "l": "1"}
_VOWELS = set("aeiou")


def _longest_word_span(text: str) -> tuple[int, int]:
    best = (0, 0)
    start = None
    for i, ch in enumerate(text + " "):
        if ch.isalpha():
            if start is None:
                start = i
        elif start is not None:
            if i - start >= best[1] - best[0]:  # ties: the last word, usually the head noun
                best = (start, i)
            start = None
    return best


def _on_longest_word(text: str, change: Callable[[str], str]) -> str:
    start, end = _longest_word_span(text)
    return text[:start] + change(text[start:end]) + text[end:]


def spaced(text: str, rng: random.Random | None = None, sep: str = " ") -> str:
    """'idiot' -> 'i d i o t' (every letter of the longest word separated)."""
    return _on_longest_word(text, lambda word: sep.join(word))


def separated(text: str, rng: random.Random) -> str:
    """'suicide' -> 's.u.i.c.i.d.e' or 's-u-i-c-i-d-e' or 's_u_i...'."""
    return spaced(text, sep=rng.choice([".", "-", "_", "*"]))


def leet(text: str, rng: random.Random) -> str:
    """'faggot' -> 'f4gg0t': one or more letters replaced by look-alike digits or symbols."""

    def change(word: str) -> str:
        positions = [i for i, ch in enumerate(word) if ch.lower() in _LEET]
        if not positions:
            return word + rng.choice(["z", "zz", "xx"])
        count = rng.randint(1, max(1, min(3, len(positions))))
        chosen = set(rng.sample(positions, count))
        return "".join(rng.choice(_LEET[ch.lower()]) if i in chosen else ch
                       for i, ch in enumerate(word))

    return _on_longest_word(text, change)


def drop_vowels(text: str, rng: random.Random) -> str:
    """'retard' -> 'rtrd' (all inner vowels) or 'retrd' (some): the abbreviation habit."""

    def change(word: str) -> str:
        inner = [i for i in range(1, len(word)) if word[i].lower() in _VOWELS]
        if not inner:
            return drop_letter(word, rng)
        keep_some = rng.random() < 0.5 and len(inner) > 1
        dropped = set(rng.sample(inner, len(inner) - 1)) if keep_some else set(inner)
        return "".join(ch for i, ch in enumerate(word) if i not in dropped)

    return _on_longest_word(text, change)


def drop_letter(text: str, rng: random.Random) -> str:
    """'idiot' -> 'idot': one inner letter missing (typo or deliberate)."""

    def change(word: str) -> str:
        if len(word) < 3:
            return word + word[-1]
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1:]

    return _on_longest_word(text, change)


def asterisk(text: str, rng: random.Random) -> str:
    """'faggot' -> 'f*ggot' or 'f**got': self-censoring that still says the word."""

    def change(word: str) -> str:
        inner = [i for i in range(1, len(word) - 1) if word[i].lower() in _VOWELS] or [
            i for i in range(1, len(word) - 1)] or [len(word) - 1]
        count = 1 if rng.random() < 0.7 else min(2, len(inner))
        start = rng.choice(inner[: len(inner) - count + 1])
        stars = set(range(start, start + count))
        return "".join("*" if i in stars else ch for i, ch in enumerate(word))

    return _on_longest_word(text, change)


def stretch(text: str, rng: random.Random) -> str:
    """'loser' -> 'loooser': repeated letters."""

    def change(word: str) -> str:
        i = rng.randrange(len(word))
        return word[: i + 1] + word[i] * rng.randint(2, 3) + word[i + 1:]

    return _on_longest_word(text, change)


#: Named perturbations; generated examples record which one was used in their group id.
PERTURBATIONS: dict[str, Callable[[str, random.Random], str]] = {
    "spaced": spaced,
    "separated": separated,
    "leet": leet,
    "drop_vowels": drop_vowels,
    "drop_letter": drop_letter,
    "asterisk": asterisk,
    "stretch": stretch,
}

SPACING = ("spaced", "separated")
RESPELLING = ("leet", "drop_vowels", "drop_letter", "asterisk", "stretch")


def perturb(text: str, rng: random.Random, kinds: tuple[str, ...] = tuple(PERTURBATIONS)) -> str:
    """Apply one perturbation chosen by ``rng`` among ``kinds``."""
    return PERTURBATIONS[rng.choice(kinds)](text, rng)
