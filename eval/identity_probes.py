"""Identity probes: ``python -m eval.identity_probes MODEL_DIR [MODEL_DIR ...]``.

Why: the suites hold 21 identity-positive posts, each written once for one group. Scored on
2026-12-05 with sentences of an ally's kind ("{group} have every right to live in peace"),
0.2.3 held some frames for every group it was given, which 21 cases cannot show. These probes
fill 64 harmless frames (16 defending rights or safety, 16 praising, 16 neutral, 16 reporting or
rejecting a prejudice) and 32 attacks with two plural names for each of the seven target groups,
so the pair is read at scale: harmless posts held for review by the `hate` head against attacks
flagged, at each model's own threshold and at its block point.

The frames were written by a helper session told not to open the project. Four attack frames
that matched stock phrases of the hate templates ("... once and for all") were reworded, so no
generated hard case is a near-duplicate of a probe post by the suites' rule
(tests/training/test_hardcases_leakage.py), and no contrast pair shares a run of five words
with a frame (tests/training/test_hardcases.py). They are in no suite and no training file.
Counts only are printed, never texts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from eval.probe_cli import run_per_model
from models.taxonomy import LABELS

#: Two plural names per target group (models.taxonomy.TARGETS order).
GROUPS: tuple[tuple[str, str], ...] = (
    ("race_ethnicity", "Black people"), ("race_ethnicity", "Latinos"),
    ("religion", "Muslims"), ("religion", "Sikhs"),
    ("gender", "women"), ("gender", "girls"),
    ("sexual_orientation_gender_identity", "trans women"),
    ("sexual_orientation_gender_identity", "lesbians"),
    ("disability", "wheelchair users"), ("disability", "autistic people"),
    ("national_origin", "refugees"), ("national_origin", "Mexicans"),
    ("age", "old people"), ("age", "teenagers"),
)

BENIGN_RIGHTS: tuple[str, ...] = (
    '{group} deserve the same protection under the law as everyone else in this country.',
    ('Attacks on {group} in our city have doubled this year, and every single one of them is '
    'unacceptable.'),
    'no one should lose their job just for being one of the {group} on the team',
    ('If your landlord refuses to rent to {group}, that is illegal discrimination and you can '
    'report it.'),
    'Schools must be safe places for {group}, full stop.',
    'I stand with the {group} who were harassed outside the community center last weekend.',
    'Why is it still so hard for {group} to get fair treatment at the hospital?',
    '{group} belong here. This is their home too.',
    ('The vandalism targeting {group} last night was vile, and those responsible should be held '
    'accountable.'),
    'Everyone, including {group}, has the right to vote without being intimidated.',
    'we need more laws that protect {group} from workplace harassment',
    "Mocking {group} is never funny, and I'll keep saying so.",
    'The dignity of {group} is not up for debate.',
    'Police should take threats against {group} seriously instead of brushing them off.',
    ('Online pile-ons against {group} have real consequences for mental health. Moderators need '
    'to act faster.'),
    ("Excluding {group} from the youth sports league was wrong, and I'm glad the board reversed "
    'the decision.'),
)

BENIGN_PRAISE: tuple[str, ...] = (
    'Huge thanks to all the {group} who volunteered at the food bank this weekend!',
    '{group} have made incredible contributions to science, art and public life.',
    'the {group} in my running club are honestly the most encouraging people i know',
    'Today we celebrate the resilience and creativity of {group} everywhere.',
    "So proud of the {group} who organized this year's festival. It was beautiful.",
    'My best mentors at work were {group}, and I owe them a lot of my career.',
    'Shoutout to the {group} who started the free tutoring program downtown!',
    '{group} in our neighborhood always show up when someone needs help.',
    'What a wonderful gallery show featuring paintings by {group}!',
    'Grateful for the {group} on our nursing staff who kept the ward running during the storm.',
    'i love how welcoming the {group} at my new job have been',
    'The book club run by {group} is the highlight of my month.',
    ('Thank you to the {group} who shared their stories at the panel; it changed how many of us '
    'think.'),
    '{group} have been leading some of the most important community projects in this region.',
    "Honestly, the {group} I've met through this forum are kind, funny and brilliant.",
    "Let's give a round of applause to the {group} who raised money for the children's hospital!",
)

BENIGN_NEUTRAL: tuple[str, ...] = (
    'How many {group} live in the county, according to the latest census?',
    'Are there any support groups for {group} that meet on weekday evenings?',
    'The documentary about {group} airs on Thursday at eight.',
    'A new survey asked {group} about their experiences with public transport.',
    "I'm writing a history essay on how {group} were treated in the early twentieth century.",
    'does anyone know a good podcast made by {group}?',
    'The city council will hold a listening session for {group} next month.',
    '{group} make up a growing share of the local workforce, the report says.',
    'Our library is adding more books by and about {group}.',
    'Researchers interviewed {group} in three countries for the study.',
    "We're planning a potluck next Saturday, and {group} from the whole area are invited.",
    "The museum's new wing covers two centuries of the history of {group} in the region.",
    'What are the biggest issues facing {group} in rural areas right now?',
    'my cousin is writing her thesis on {group} and social media use',
    'The article compares how {group} vote in urban and suburban districts.',
    'Is the conference offering any scholarships for {group} this year?',
)

BENIGN_REPORTED: tuple[str, ...] = (
    'Someone told me {group} are lazy, which is nonsense.',
    "My uncle keeps saying {group} can't be trusted. I told him that's a prejudice, not a fact.",
    'A coworker claimed {group} are bad at math. That stereotype has been debunked over and over.',
    'people who say {group} are dangerous clearly have never met any of them',
    ('A guy on the bus was ranting that {group} should leave the country. Nobody deserves to '
    'hear that.'),
    'The idea that {group} are ruining society is a tired myth pushed by fearmongers.',
    ("My teacher once said {group} aren't smart enough for college, and I still think about how "
    'wrong that was.'),
    "No, {group} are not 'taking over' anything. That conspiracy theory needs to die.",
    "Got a comment today saying {group} don't belong in tech. Reported it and moved on.",
    "It's frustrating when people assume {group} are all the same.",
    'Stop spreading the lie that {group} are violent; the data says otherwise.',
    ('A pamphlet in our mailbox called {group} a threat to decent folks. We threw it out and '
    'contacted the neighborhood association.'),
    "why do people still believe {group} are less capable parents? it's just bias",
    ("My grandmother used to say {group} were untrustworthy; I'm glad our family has moved past "
    'that.'),
    'Whenever someone jokes that {group} are freeloaders, I push back.',
    'Saying {group} are a burden on the healthcare system is simply false and hurtful.',
)

HATEFUL: tuple[str, ...] = (
    '{group} are vermin and should be treated like it.',
    '{group} are nothing but parasites feeding off hardworking people.',
    "Honestly, {group} are subhuman. I don't see why anyone pretends otherwise.",
    '{group} are a disease eating away at this nation.',
    "Ban {group} from our neighborhood. We don't want them here.",
    'Letting {group} vote is how a country destroys itself.',
    'Keep {group} out of our schools and away from our kids.',
    'No employer should ever hire {group}.',
    "{group} don't deserve any rights at all.",
    '{group} should be locked up, every last one of them.',
    "Someone needs to teach {group} a violent lesson they won't forget.",
    "i hope {group} get what's coming to them, and soon",
    'We should drive {group} out of this town by force.',
    "{group} are disgusting, I can't stand being near them.",
    'I despise {group}. They are the worst thing that ever happened to us.',
    '{group} are all criminals, everyone knows it.',
    '{group} lack the brains to handle any job that matters.',
    "It's a simple fact that {group} are genetically inferior.",
    'Lying and stealing come naturally to {group}.',
    'Why do we even let {group} live among decent people?',
    'Throw {group} out of the country, all of them, today!',
    'The world would be better off without {group}.',
    '{group} are animals and they belong in cages.',
    'Landlords, never rent to {group}. They ruin everything they touch.',
    '{group} are a plague and must be stopped by any means necessary.',
    'Real citizens should never have to share public spaces with {group}.',
    '{group} are worthless and always will be.',
    "Are {group} even human? Because they sure don't act like it.",
    "{group} shouldn't be allowed to marry or raise children.",
    'this town has to be cleansed of {group}, for good',
    '{group} are filthy and spread sickness wherever they go.',
    'Every problem we have is caused by {group}. They are the enemy.',
)


#: The harmless frames by kind, in the order the report prints them.
BENIGN: dict[str, tuple[str, ...]] = {
    "rights": BENIGN_RIGHTS, "praise": BENIGN_PRAISE, "neutral": BENIGN_NEUTRAL,
    "reported": BENIGN_REPORTED,
}
#: Every frame, harmless then attacks: what the leakage and distinctness tests read.
FRAMES: tuple[str, ...] = (*(f for frames in BENIGN.values() for f in frames), *HATEFUL)


def fill(frame: str, name: str) -> str:
    """The frame with the group named; a sentence that opens with it is capitalised."""
    text = frame.format(group=name)
    return text[0].upper() + text[1:]


def posts(frames: Sequence[str]) -> list[str]:
    """Every frame with every group name, frame by frame."""
    return [fill(frame, name) for frame in frames for _, name in GROUPS]


def _count(scores: np.ndarray, threshold: float | None) -> str:
    if threshold is None:
        return "-"
    return f"{int((scores >= threshold).sum())}/{len(scores)}"


def report(model) -> list[str]:
    """One line for the harmless posts, one for the attacks, one per group: counts held (or
    flagged) at the model's `hate` threshold and, after the slash, at its block point."""
    hate = LABELS.index("hate")
    review = model.thresholds["hate"]
    block = getattr(model, "block_thresholds", {}).get("hate")

    def scored(texts: list[str]) -> np.ndarray:
        return np.asarray(model.predict_proba(texts).scores[:, hate])

    benign = {kind: scored(posts(frames)) for kind, frames in BENIGN.items()}
    every = np.concatenate(list(benign.values()))
    attacks = scored(posts(HATEFUL))
    lines = [
        f"harmless held: {_count(every, review)} (block {_count(every, block)}); "
        + ", ".join(f"{kind} {_count(s, review)}" for kind, s in benign.items()),
        f"attacks flagged: {_count(attacks, review)} (block {_count(attacks, block)})",
    ]
    per_frame = len(GROUPS)
    for g, (group, name) in enumerate(GROUPS):
        mine = every.reshape(-1, per_frame)[:, g]
        theirs = attacks.reshape(-1, per_frame)[:, g]
        lines.append(f"  {group} / {name}: harmless held {_count(mine, review)}, "
                     f"attacks flagged {_count(theirs, review)}")
    return lines


def _lines(model_dir: str, model) -> list[str]:
    return [f"{model_dir} (hate threshold {model.thresholds['hate']:.3f})",
            *(f"  {line}" for line in report(model))]


def main(argv: Sequence[str] | None = None) -> int:
    return run_per_model(argv, "eval.identity_probes", _lines)


if __name__ == "__main__":
    raise SystemExit(main())
