"""Haven's label taxonomy (v1): the single source of label names and definitions.

Every other module (training adapters, metrics, policies, the API) reads label names from here,
so renaming or adding a label is a one-file change plus a taxonomy version bump.
"""

from __future__ import annotations

TAXONOMY_VERSION = "1"

#: Harm and crisis labels: one independent probability each (multi-label).
LABEL_DEFINITIONS: dict[str, str] = {
    "hate": "Attacks or dehumanises people for a protected identity (race, religion, gender, ...).",
    "harassment": "Insults, threatens, bullies or sexually harasses a specific person.",
    "offensive": "Profane or insulting language that is neither hate nor harassment.",
    "self_harm": "The author shows suicidal ideation, self-harm, a plan or an attempt.",
    "distress": "The author expresses emotional distress without signs of self-harm.",
}

#: Identity groups a hateful post targets (second head, multi-label).
TARGET_DEFINITIONS: dict[str, str] = {
    "race_ethnicity": "Race, ethnicity or skin colour.",
    "religion": "Religion or belief, including its absence.",
    "gender": "Gender or sex, including women and men as groups.",
    "sexual_orientation_gender_identity": "Sexual orientation or gender identity (LGBTQ+ people).",
    "disability": "Physical, mental or intellectual disability or illness.",
    "national_origin": "Nationality, national origin, immigration or refugee status.",
    "age": "Age (young or old people as a group).",
}

LABELS: tuple[str, ...] = tuple(LABEL_DEFINITIONS)
TARGETS: tuple[str, ...] = tuple(TARGET_DEFINITIONS)

#: Labels that signal a risk to the author rather than harm to others: policies route them to
#: referral, never to silent blocking.
CRISIS_LABELS: tuple[str, ...] = ("self_harm",)

#: Thresholds used when a model directory carries no calibrated ones. 0.5 is the natural cut of a
#: sigmoid trained with a balanced loss; calibrated thresholds (``haven eval calibrate``) replace it.
DEFAULT_THRESHOLD = 0.5


def label_index(name: str) -> int:
    """Position of a label in model outputs; raises ``KeyError`` naming the valid labels."""
    try:
        return LABELS.index(name)
    except ValueError:
        raise KeyError(f"unknown label {name!r}; valid labels: {', '.join(LABELS)}") from None


def target_index(name: str) -> int:
    """Position of a target group in model outputs."""
    try:
        return TARGETS.index(name)
    except ValueError:
        raise KeyError(f"unknown target {name!r}; valid targets: {', '.join(TARGETS)}") from None
