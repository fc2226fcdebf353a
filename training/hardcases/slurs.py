"""Slurs per target group. TRAINING DATA ONLY: never shown to users, never used for filtering.

A moderation model has to see real slurs to learn the difference between a slur *used* against
people (hate), a slur *reported* by the person it was thrown at, a slur *condemned* in
counter-speech and a slur *reclaimed* by its own community. Euphemisms ("the f-word") teach
none of that. The list lives in this one file so that it is easy to audit and to keep out of
everything but the hard-case generator; each entry is ``(singular, plural)``.
"""

from __future__ import annotations

from models.taxonomy import TARGETS

SLURS: dict[str, tuple[tuple[str, str], ...]] = {
    "race_ethnicity": (
        ("nigger", "niggers"), ("coon", "coons"), ("chink", "chinks"), ("gook", "gooks"),
        ("spic", "spics"), ("jungle bunny", "jungle bunnies"), ("porch monkey", "porch monkeys"),
        ("zipperhead", "zipperheads"), ("gyppo", "gyppos"), ("sambo", "sambos"),
    ),
    "religion": (
        ("kike", "kikes"), ("heeb", "heebs"), ("muzzie", "muzzies"), ("towelhead", "towelheads"),
        ("raghead", "ragheads"), ("goat shagger", "goat shaggers"),
    ),
    "gender": (
        ("whore", "whores"), ("slut", "sluts"), ("femoid", "femoids"), ("roastie", "roasties"),
        ("feminazi", "feminazis"), ("bitch", "bitches"),
    ),
    "sexual_orientation_gender_identity": (
        ("faggot", "faggots"), ("fag", "fags"), ("dyke", "dykes"), ("tranny", "trannies"),
        ("troon", "troons"), ("shemale", "shemales"), ("poof", "poofs"),
        ("batty boy", "batty boys"),
    ),
    "disability": (
        ("retard", "retards"), ("cripple", "cripples"), ("spaz", "spazzes"), ("tard", "tards"),
        ("mongoloid", "mongoloids"), ("window licker", "window lickers"),
    ),
    "national_origin": (
        ("wetback", "wetbacks"), ("paki", "pakis"), ("beaner", "beaners"), ("polack", "polacks"),
        ("dago", "dagos"), ("illegal", "illegals"),
    ),
    "age": (
        ("coffin dodger", "coffin dodgers"), ("geezer", "geezers"), ("old hag", "old hags"),
        ("wrinkly", "wrinklies"), ("senile old bat", "senile old bats"),
    ),
}

#: In-group reclaimed forms: (group, word) pairs whose in-group use is common and accepted.
RECLAIMED: tuple[tuple[str, str], ...] = (
    ("sexual_orientation_gender_identity", "queer"),
    ("sexual_orientation_gender_identity", "dyke"),
    ("sexual_orientation_gender_identity", "fag"),
    ("disability", "crip"),
    ("race_ethnicity", "nigga"),
    ("gender", "bitch"),
)

if set(SLURS) != set(TARGETS):  # pragma: no cover - a taxonomy change must update this file
    raise RuntimeError(f"slur groups {sorted(SLURS)} do not match TARGETS {TARGETS}")


def all_slur_words() -> tuple[str, ...]:
    """Every singular and plural form, longest first (so a regex prefers "jungle bunnies")."""
    words = {form for pairs in SLURS.values() for pair in pairs for form in pair}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))
