"""Adapters for corpora about insults and abuse aimed at a person."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from models.examples import Example, Label
from training.data.sources.base import (
    SourceAdapter,
    SourceStats,
    make_example,
    read_csv_rows,
    read_tab_lines,
)

# --------------------------------------------------------------------------------------------
# Kaggle "Detecting Insults in Social Commentary"


def load_kaggle_insults(folder: Path, stats: SourceStats | None = None) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    for row in read_csv_rows(folder / "train.csv"):
        stats.rows_read += 1
        insult = (row.get("Insult") or "").strip()
        comment = row.get("Comment")
        if insult not in ("0", "1") or comment is None:
            stats.unparseable += 1
            continue
        # Every comment is a Python-style literal: wrapped in quotes, with escapes inside
        # (decoded by clean_text).
        if len(comment) >= 2 and comment[0] == comment[-1] == '"':
            comment = comment[1:-1]
        example = make_example(stats, comment, source="kaggle_insults", language="en",
                               labels={"harassment": int(insult)})
        if example:
            yield example


KAGGLE_INSULTS = SourceAdapter(
    name="kaggle_insults",
    languages=("en",),
    files=("train.csv",),
    mapping="""\
- Source: Kaggle "Detecting Insults in Social Commentary" (2012) training set, English comments.
- `Insult` 1 (insults a participant of the conversation) -> `harassment` 1; 0 -> `harassment` 0.
  `hate` and `offensive` unset: a non-insult may still be profane or hateful towards a group.
- Text: the surrounding quotes are removed and the literal escapes (`\\n`, `\\xa0`, the
  double-escaped UTF-8 bytes `\\xc2\\xa0`, `\\u2019`) decoded by `clean_text`.
""",
    load=load_kaggle_insults,
)


# --------------------------------------------------------------------------------------------
# ConvAbuse (Cercas Curry et al. 2021)

_CONVABUSE_FILES = ("ConvAbuseEMNLPtrain.csv", "ConvAbuseEMNLPvalid.csv")
_ABUSE_VALUES = (1, 0, -1, -2, -3)
#: ConvAbuse abuse types that attack a protected identity -> Haven target.
_CONVABUSE_IDENTITY = {
    "racist": "race_ethnicity",
    "sexist": "gender",
    "homophobic": "sexual_orientation_gender_identity",
    "transphobic": "sexual_orientation_gender_identity",
    "ableist": "disability",
}


def _votes(row: list[str], index: int) -> list[int]:
    """A cell holds one 0/1 per annotation pass ("1", "1, 0"); blank = not annotated."""
    cell = row[index] if index < len(row) else ""
    return [int(float(part)) for part in cell.split(",") if part.strip()]


def _annotator_blocks(header: list[str]) -> list[dict[str, int]]:
    """Column index per attribute for each annotator, found by position.

    The header repeats ``Annotator6_transphobic`` in the blocks of annotators 7 and 8, so names
    cannot be trusted for the annotator; the attribute suffix after ``AnnotatorN_`` can.
    """
    blocks: list[dict[str, int]] = []
    for index, name in enumerate(header):
        if not name.startswith("Annotator") or "_" not in name:
            continue
        attribute = name.split("_", 1)[1]
        if attribute == "is_abuse.1":
            blocks.append({})
        if blocks:
            blocks[-1][attribute] = index
    return blocks


def convabuse_labels(
    row: list[str], blocks: list[dict[str, int]]
) -> tuple[dict[str, Label], dict[str, Label]] | None:
    """Majority labels for one row; ``({}, {})`` on a tie, ``None`` if no annotator voted."""
    abusive_scores: list[float] = []
    abusive_annotators: list[dict[str, float]] = []
    for block in blocks:
        columns = {value: _votes(row, block[f"is_abuse.{value}"]) for value in _ABUSE_VALUES}
        passes = max(len(votes) for votes in columns.values())
        if passes == 0:
            continue
        chosen = [
            next((value for value, votes in columns.items()
                  if p < len(votes) and votes[p] == 1), None)
            for p in range(passes)
        ]
        chosen = [value for value in chosen if value is not None]
        if not chosen:
            continue
        score = sum(value < 0 for value in chosen) / len(chosen)
        abusive_scores.append(score)
        if score > 0.5:
            attributes: dict[str, float] = {}
            for attribute, index in block.items():
                votes = _votes(row, index)
                attributes[attribute] = sum(votes) / len(votes) if votes else 0.0
            abusive_annotators.append(attributes)
    if not abusive_scores:
        return None
    total, n = sum(abusive_scores), len(abusive_scores)
    if total < n / 2:
        return {"hate": 0, "harassment": 0, "offensive": 0}, {}
    if total == n / 2:
        return {}, {}

    def majority(attribute: str) -> bool:
        hits = sum(a.get(attribute, 0.0) >= 0.5 for a in abusive_annotators)
        return hits * 2 > len(abusive_annotators)

    identities = {target for attribute, target in _CONVABUSE_IDENTITY.items()
                  if majority(attribute)}
    at_person = any(majority(a) for a in ("target.individual", "target.system",
                                          "sex_harassment"))
    if identities:
        labels: dict[str, Label] = {"hate": 1, "harassment": 1 if at_person else None}
        targets = {t: int(t in identities) for t in set(_CONVABUSE_IDENTITY.values())}
        return labels, targets
    if at_person:
        return {"hate": 0, "harassment": 1}, {}
    return {"hate": 0, "harassment": 0, "offensive": 1}, {}


def load_convabuse(folder: Path, stats: SourceStats | None = None) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    for name in _CONVABUSE_FILES:
        with (folder / name).open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            blocks = _annotator_blocks(header)
            user, prev_agent = header.index("user"), header.index("prev_agent")
            for row in reader:
                stats.rows_read += 1
                try:
                    mapped = convabuse_labels(row, blocks)
                except (ValueError, IndexError, KeyError):
                    mapped = None
                if mapped is None:
                    stats.unparseable += 1
                    continue
                labels, targets = mapped
                example = make_example(stats, row[user], source="convabuse", language="en",
                                       labels=labels, targets=targets,
                                       text_pair=row[prev_agent])
                if example:
                    yield example


CONVABUSE = SourceAdapter(
    name="convabuse",
    languages=("en",),
    files=_CONVABUSE_FILES,
    mapping="""\
- Source: ConvAbuse (Cercas Curry et al. 2021), users talking to chatbots; train + valid files.
- Text = the `user` turn; `text_pair` = `prev_agent`, the agent turn it replies to.
- Annotators are read by column position (the header names annotators 7 and 8's
  `transphobic` column `Annotator6_transphobic`). A cell may hold several passes ("1, 0"): each
  annotator's abuse score is the share of their passes with `is_abuse` < 0.
- Majority over annotators: abusive if the scores sum to more than half the annotators
  (reproduces the published 338 train / 112 valid); clearly non-abusive -> `hate` 0,
  `harassment` 0, `offensive` 0; exact ties -> dropped (counted `unlabelled`).
- Abusive rows, attributes by strict majority of the annotators who found it abusive:
  racist/sexist/homophobic/transphobic/ableist -> `hate` 1 with targets race_ethnicity,
  gender, sexual_orientation_gender_identity, disability (the others of these four 0;
  religion, national_origin, age unset).
  Target `individual` **or `system`** (the chatbot itself), or `sex_harassment` -> `harassment`
  1 (refinement: abuse at one's conversation partner is harassment in a peer-support thread,
  and almost all ConvAbuse abuse targets the system).
  Identity-based and person-directed -> `hate` 1 and `harassment` 1; person-directed only ->
  `harassment` 1, `hate` 0; other abusive (generalised or no target) -> `offensive` 1, `hate` 0,
  `harassment` 0.
""",
    load=load_convabuse,
)


# --------------------------------------------------------------------------------------------
# GermEval 2018

_GERMEVAL: dict[tuple[str, str], dict[str, Label]] = {
    ("OTHER", "OTHER"): {"hate": 0, "harassment": 0, "offensive": 0},
    ("OFFENSE", "ABUSE"): {"hate": 1},
    ("OFFENSE", "INSULT"): {"hate": 0, "harassment": 1},
    ("OFFENSE", "PROFANITY"): {"hate": 0, "harassment": 0, "offensive": 1},
}


def load_germeval2018(folder: Path, stats: SourceStats | None = None) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    for fields in read_tab_lines(folder / "germeval2018.training.txt", 3):
        stats.rows_read += 1
        labels = _GERMEVAL.get((fields[1].strip(), fields[2].strip())) if fields else None
        if fields is None or labels is None:
            stats.unparseable += 1
            continue
        example = make_example(stats, fields[0], source="germeval2018", language="de",
                               labels=dict(labels))
        if example:
            yield example


GERMEVAL2018 = SourceAdapter(
    name="germeval2018",
    languages=("de",),
    files=("germeval2018.training.txt",),
    mapping="""\
- Source: GermEval 2018 training set, German tweets; `|LBR|` line breaks become newlines.
- Fine-grained label: `ABUSE` -> `hate` 1 (GermEval's ABUSE ascribes a social identity to
  someone and degrades it; the closest Haven label is hate, though it includes some
  non-protected groups such as politicians' parties); `harassment`/`offensive` unset.
- `INSULT` (negative qualities ascribed to a person, no identity) -> `harassment` 1, `hate` 0.
- `PROFANITY` -> `offensive` 1, `hate` 0, `harassment` 0.
- `OTHER` -> `hate` 0, `harassment` 0, `offensive` 0. No targets.
""",
    load=load_germeval2018,
)
