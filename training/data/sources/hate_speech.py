"""Adapters for the hate-speech and offensive-language corpora.

Convention for identity targets (documented per source): targets are set only on hate-positive
rows; a target the source's scheme can express is 1 when annotated and 0 when the scheme could
have said it but did not; targets outside the scheme stay ``None``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from models.examples import Example, Label
from training.data.clean import join_key
from training.data.sources.base import (
    SourceAdapter,
    SourceStats,
    flag,
    make_example,
    read_csv_rows,
)


def scheme_targets(scheme: Iterable[str], positives: Iterable[str]) -> dict[str, Label]:
    """1 for annotated targets, 0 for the rest of what the source's scheme covers."""
    positive = set(positives)
    return {name: int(name in positive) for name in scheme} | {name: 1 for name in positive}


# --------------------------------------------------------------------------------------------
# Davidson et al. 2017

def load_davidson(folder: Path, stats: SourceStats | None = None) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    classes: dict[str, dict[str, Label]] = {
        "0": {"hate": 1},
        "1": {"hate": 0, "offensive": 1},
        "2": {"hate": 0, "offensive": 0, "harassment": 0},
    }
    for row in read_csv_rows(folder / "labeled_data.csv"):
        stats.rows_read += 1
        labels = classes.get((row.get("class") or "").strip())
        if labels is None or row.get("tweet") is None:
            stats.unparseable += 1
            continue
        example = make_example(stats, row["tweet"], source="davidson", language="en",
                               labels=labels)
        if example:
            yield example


DAVIDSON = SourceAdapter(
    name="davidson",
    languages=("en",),
    files=("labeled_data.csv",),
    mapping="""\
- Source: Davidson et al. 2017, English tweets; `class` is the majority of 3+ annotators.
- `class` 0 (hate speech) -> `hate` 1. Davidson's hate class is dominated by slurs, often
  without an identity attack in our sense: a noisy positive. `offensive` stays unset (a
  hate-positive row is not "offensive-only"), `harassment` unset.
- `class` 1 (offensive) -> `offensive` 1, `hate` 0. `harassment` unset: offensive tweets often
  insult a person, which Davidson does not separate.
- `class` 2 (neither) -> `hate` 0, `offensive` 0, `harassment` 0 (refined from the suggested
  mapping: "neither offensive nor hateful" excludes insulting or threatening a person).
- No targets (Davidson does not annotate them). Crisis labels unset.
""",
    load=load_davidson,
)


# --------------------------------------------------------------------------------------------
# OLID / OffensEval 2019

_OLID: dict[tuple[str, str, str], dict[str, Label]] = {
    ("NOT", "NULL", "NULL"): {"hate": 0, "harassment": 0, "offensive": 0},
    ("OFF", "UNT", "NULL"): {"hate": 0, "harassment": 0, "offensive": 1},
    ("OFF", "TIN", "IND"): {"hate": 0, "harassment": 1},
    ("OFF", "TIN", "GRP"): {"harassment": 0, "offensive": 1},
    ("OFF", "TIN", "OTH"): {"hate": 0, "harassment": 0, "offensive": 1},
}


def load_olid(folder: Path, stats: SourceStats | None = None) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    for row in read_csv_rows(folder / "olid-training-v1.0.tsv", delimiter="\t"):
        stats.rows_read += 1
        key = tuple((row.get(f"subtask_{t}") or "NULL").strip() for t in "abc")
        labels = _OLID.get(key)  # type: ignore[arg-type]
        if labels is None or row.get("tweet") is None:
            stats.unparseable += 1
            continue
        example = make_example(stats, row["tweet"], source="olid", language="en", labels=labels,
                               group=None)
        if example:
            yield example


OLID = SourceAdapter(
    name="olid",
    languages=("en",),
    files=("olid-training-v1.0.tsv",),
    mapping="""\
- Source: OLID (OffensEval 2019) training set, English tweets; `@USER`/`URL` already masked.
- A `NOT` -> `hate` 0, `harassment` 0, `offensive` 0.
- A `OFF` + B `UNT` (untargeted profanity) -> `offensive` 1, `hate` 0, `harassment` 0.
- `OFF`+`TIN`+C `IND` (targeted at an individual) -> `harassment` 1, `hate` 0; `offensive` unset.
- `OFF`+`TIN`+`GRP` (targeted at a group) -> `offensive` 1, `harassment` 0, `hate` unset: OLID's
  GRP is any group (political parties, fans, ...), not only protected identities, so it can be
  neither confirmed nor denied as hate.
- `OFF`+`TIN`+`OTH` (organisation, event, issue) -> `offensive` 1, `hate` 0, `harassment` 0.
- OLID's 33 duplicate texts are merged by the dataset builder (positive wins on conflict).
- No targets; crisis labels unset.
""",
    load=load_olid,
)


# --------------------------------------------------------------------------------------------
# ETHOS

_ETHOS_TARGETS = {
    "gender": "gender",
    "race": "race_ethnicity",
    "national_origin": "national_origin",
    "disability": "disability",
    "religion": "religion",
    "sexual_orientation": "sexual_orientation_gender_identity",
}


def load_ethos(folder: Path, stats: SourceStats | None = None) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    multi = {join_key(row["comment"]): row
             for row in read_csv_rows(folder / "Ethos_Dataset_Multi_Label.csv", delimiter=";")}
    unmatched = 0
    for row in read_csv_rows(folder / "Ethos_Dataset_Binary.csv", delimiter=";"):
        stats.rows_read += 1
        try:
            score = float(row["isHate"])
            text = row["comment"]
        except (KeyError, TypeError, ValueError):
            stats.unparseable += 1
            continue
        labels: dict[str, Label]
        targets: dict[str, Label] = {}
        if score >= 0.5:
            labels = {"hate": 1}
            detail = multi.get(join_key(text))
            if detail is None:
                unmatched += 1
            else:
                labels["harassment"] = int(flag(detail["directed_vs_generalized"]))
                targets = scheme_targets(
                    _ETHOS_TARGETS.values(),
                    (ours for theirs, ours in _ETHOS_TARGETS.items() if flag(detail[theirs])),
                )
        elif score == 0:
            labels = {"hate": 0}
        else:
            labels = {}  # a minority of annotators saw hate: ambiguous, dropped as unlabelled
        example = make_example(stats, text, source="ethos", language="en", labels=labels,
                               targets=targets)
        if example:
            yield example
    if unmatched:
        stats.notes.append(f"{unmatched} hateful rows not found in the multi-label file")


ETHOS = SourceAdapter(
    name="ethos",
    languages=("en",),
    files=("Ethos_Dataset_Binary.csv", "Ethos_Dataset_Multi_Label.csv"),
    mapping="""\
- Source: ETHOS (YouTube and Reddit comments), binary file joined with the multi-label file by
  normalised text (letters and digits only).
- `isHate` is the fraction of annotators who saw hate: >= 0.5 -> `hate` 1; exactly 0 -> `hate` 0;
  strictly between (1-2 of ~6 annotators) -> dropped as ambiguous (counted as `unlabelled`),
  because neither a positive nor a clean negative is justified.
- Hateful rows: multi-label fractions >= 0.5 give targets (`race` -> race_ethnicity,
  `sexual_orientation` -> sexual_orientation_gender_identity; gender, national_origin,
  disability, religion as named); targets in ETHOS's scheme below 0.5 -> 0; `age` unset.
- Hateful rows: `directed_vs_generalized` >= 0.5 (aimed at a specific person) -> `harassment` 1,
  otherwise `harassment` 0 (hate at a group in general). `violence` is not used.
- Non-hateful rows: only `hate` 0; `harassment`/`offensive` unset (ETHOS does not annotate them).
""",
    load=load_ethos,
)


# --------------------------------------------------------------------------------------------
# MLMA (Ousidhoum et al. 2019)

_MLMA_FILES = {"en": "en_dataset_with_stop_words.csv", "fr": "fr_dataset.csv",
               "ar": "ar_dataset.csv"}
_MLMA_TARGETS = {
    "origin": "national_origin",
    "gender": "gender",
    "sexual_orientation": "sexual_orientation_gender_identity",
    "religion": "religion",
    "disability": "disability",
}
_MLMA_HOSTILE = {"offensive", "abusive", "disrespectful"}


def mlma_labels(sentiment: str, target: str) -> tuple[dict[str, Label], dict[str, Label]] | None:
    """Labels and targets for one MLMA row, ``None`` if the sentiment string is not recognised."""
    parts = {part for part in sentiment.strip().lower().split("_") if part}
    if not parts or not parts <= _MLMA_HOSTILE | {"hateful", "normal", "fearful"}:
        return None
    if "hateful" in parts:
        target = target.strip().lower()
        scheme = list(_MLMA_TARGETS.values())
        if target != "origin":
            scheme.append("race_ethnicity")  # MLMA files race under "origin"
        chosen = [_MLMA_TARGETS[target]] if target in _MLMA_TARGETS else []
        return {"hate": 1}, scheme_targets(scheme, chosen)
    if parts & _MLMA_HOSTILE:
        return {"hate": 0, "offensive": 1}, {}
    if parts == {"normal"}:
        return {"hate": 0, "offensive": 0, "harassment": 0}, {}
    return {}, {}  # fearful only: no Haven label


def load_mlma(folder: Path, stats: SourceStats | None = None) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    for language, name in _MLMA_FILES.items():
        for row in read_csv_rows(folder / name):
            stats.rows_read += 1
            mapped = mlma_labels(row.get("sentiment") or "", row.get("target") or "")
            if mapped is None or row.get("tweet") is None:
                stats.unparseable += 1
                continue
            labels, targets = mapped
            example = make_example(stats, row["tweet"], source="mlma", language=language,
                                   labels=labels, targets=targets)
            if example:
                yield example


MLMA = SourceAdapter(
    name="mlma",
    languages=("en", "fr", "ar"),
    files=tuple(_MLMA_FILES.values()),
    mapping="""\
- Source: MLMA (Ousidhoum et al. 2019) tweets in English, French and Arabic; language per file.
- English: `en_dataset_with_stop_words.csv`, not `en_dataset.csv`. Both carry the same
  annotations, but `en_dataset.csv` is lower-cased with stop words removed, a text form Haven
  never sees in production; training on it would teach a distribution shift.
- `sentiment` joins the labels of several annotators (e.g. `offensive_hateful_normal`); positive
  wins: contains `hateful` -> `hate` 1; else contains offensive/abusive/disrespectful ->
  `offensive` 1, `hate` 0; exactly `normal` -> `hate` 0, `offensive` 0, `harassment` 0 (MLMA's
  hostile classes cover insults at a person); `fearful` alone -> no Haven label, dropped
  (counted `unlabelled`). Mixed strings with `normal` are noisy positives.
- Targets (hateful rows only), from the single-choice `target` column: origin -> national_origin
  (race_ethnicity unset: MLMA's "origin" mixes race and nationality), gender -> gender,
  sexual_orientation -> sexual_orientation_gender_identity, religion, disability; the other
  scheme targets -> 0; `other` -> all scheme targets 0; `age` unset. The `group` column is noisy
  (e.g. origin/special_needs) and not used.
- `harassment` unset for hostile rows (`directness` is not a person-vs-group distinction).
""",
    load=load_mlma,
)


# --------------------------------------------------------------------------------------------
# Cyberbullying tweets (Wang et al. 2020), truncated copy

_CYBERBULLYING_SCHEME = ("gender", "religion", "race_ethnicity", "age")
_CYBERBULLYING: dict[str, tuple[dict[str, Label], dict[str, Label]]] = {
    "not_cyberbullying": ({"hate": 0, "harassment": 0}, {}),
    "gender": ({"hate": 1}, scheme_targets(_CYBERBULLYING_SCHEME, ["gender"])),
    "religion": ({"hate": 1}, scheme_targets(_CYBERBULLYING_SCHEME, ["religion"])),
    # Not in the truncated copy; mapped so the full dataset also loads.
    "ethnicity": ({"hate": 1}, scheme_targets(_CYBERBULLYING_SCHEME, ["race_ethnicity"])),
    "age": ({"hate": 1}, scheme_targets(_CYBERBULLYING_SCHEME, ["age"])),
    "other_cyberbullying": ({"harassment": 1}, {}),
}


def load_cyberbullying(folder: Path, stats: SourceStats | None = None) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    for row in read_csv_rows(folder / "cyberbullying_tweets_partial.csv"):
        stats.rows_read += 1
        mapped = _CYBERBULLYING.get((row.get("cyberbullying_type") or "").strip())
        if mapped is None or row.get("tweet_text") is None:
            stats.unparseable += 1
            continue
        labels, targets = mapped
        example = make_example(stats, row["tweet_text"], source="cyberbullying", language="en",
                               labels=dict(labels), targets=dict(targets))
        if example:
            yield example


CYBERBULLYING = SourceAdapter(
    name="cyberbullying",
    languages=("en",),
    files=("cyberbullying_tweets_partial.csv",),
    mapping="""\
- Source: cyberbullying tweets (Wang et al. 2020), a truncated copy with three classes only.
- `gender` -> `hate` 1 with target gender; `religion` -> `hate` 1 with target religion. The
  other targets of the original single-choice scheme (race_ethnicity, age) -> 0; the rest unset.
  Noisy: the classes come from keyword-driven collection, and many "gender" tweets are jokes
  or discussions about sexism rather than attacks.
- `not_cyberbullying` -> `hate` 0, `harassment` 0; `offensive` unset (may still be profane).
- Not in this copy but mapped for the full dataset: `ethnicity`/`age` -> `hate` 1 with that
  target; `other_cyberbullying` -> `harassment` 1.
""",
    load=load_cyberbullying,
)


# --------------------------------------------------------------------------------------------
# DynaHate (Vidgen et al. 2021)

def _unquote_line(line: str) -> str:
    """DynaHate lines are one CSV field each: quoted (with doubled quotes) when needed."""
    if len(line) >= 2 and line.startswith('"') and line.endswith('"'):
        return line[1:-1].replace('""', '"')
    return line


def _lines(path: Path) -> list[str]:
    """Lines split on "\\n" only: texts contain U+2028 and other breaks str.splitlines splits on."""
    lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def load_dynahate(folder: Path, stats: SourceStats | None = None) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    for split in ("Train", "Test"):
        texts = _lines(folder / f"{split}.csv")
        labels = _lines(folder / f"{split}_label.csv")
        if len(texts) != len(labels):
            raise ValueError(
                f"dynahate: {split}.csv has {len(texts)} lines but {split}_label.csv has "
                f"{len(labels)}; the files are line-aligned, so labels would be misassigned"
            )
        for text, label in zip(texts, labels):
            stats.rows_read += 1
            if label.strip() not in ("0", "1"):
                stats.unparseable += 1
                continue
            example = make_example(stats, _unquote_line(text), source="dynahate", language="en",
                                   labels={"hate": int(label.strip())})
            if example:
                yield example


DYNAHATE = SourceAdapter(
    name="dynahate",
    languages=("en",),
    files=("Train.csv", "Train_label.csv", "Test.csv", "Test_label.csv"),
    mapping="""\
- Source: Dynamically Generated Hate Speech (Vidgen et al. 2021), train + test of the DynBERT
  redistribution; texts and labels are line-aligned files (the loader fails if counts differ).
- Label 1 -> `hate` 1, 0 -> `hate` 0. Nothing else: the non-hate side includes counter-speech,
  quotes and identity mentions (valuable hard negatives) but may be abusive, so `offensive` and
  `harassment` stay unset. Targets are not in this copy.
""",
    load=load_dynahate,
)


# --------------------------------------------------------------------------------------------
# Portuguese hate speech (Fortuna et al. 2019)

_PT_BINARY = "portuguese_hate_speech_binary_classification.csv"
_PT_HIERARCHY = "portuguese_hate_speech_hierarchical_classification.csv"
#: Hierarchy columns per Haven target. Body, Ideology, OtherLifestyle and groups such as
#: Criminals, Homeless, Poor.people, Rural.people, Left.wing.ideology are not protected
#: identities in the taxonomy and are not mapped.
PT_TARGET_COLUMNS: dict[str, tuple[str, ...]] = {
    "race_ethnicity": ("Racism", "Black.people", "Black.Women", "Indigenous", "White.people",
                       "Asians", "Latins"),
    "religion": ("Religion", "Jews", "Muslims", "Muslims.women", "Islamists", "Agnostic"),
    "gender": ("Sexism", "Women", "Men", "Feminists", "Men.Feminists", "Aborting.women",
               "Blond.women", "Brazilians.women", "Football.players.women", "Homeless.women",
               "Old.women", "Ugly.women", "Thin.women", "Fat.women", "Black.Women",
               "Muslims.women", "Trans.women"),
    "sexual_orientation_gender_identity": ("Homophobia", "Gays", "Lesbians", "Bissexuals",
                                           "Transexuals", "Trans.women", "Travestis",
                                           "Homossexuals"),
    "disability": ("Health", "Disabled.people", "Autists"),
    "national_origin": ("Refugees", "Immigrants", "Migrants", "Argentines", "Brazilians",
                        "Egyptians", "Iranians", "Mexicans", "Russians", "Ucranians",
                        "Venezuelans", "Angolans", "East.europeans", "South.Americans", "Arabic",
                        "Africans", "Chinese", "Japaneses", "Nordestines"),
    "age": ("Old.people", "Young.people", "Ageing", "Old.women"),
}


def load_portuguese_hs(folder: Path, stats: SourceStats | None = None) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    hierarchy: dict[str, dict[str, str]] = {}
    for row in read_csv_rows(folder / _PT_HIERARCHY):
        hierarchy.setdefault(join_key(row.get("text") or ""), row)
    unmatched = 0
    for row in read_csv_rows(folder / _PT_BINARY):
        stats.rows_read += 1
        value = (row.get("hatespeech_comb") or "").strip()
        if value not in ("0", "1") or row.get("text") is None:
            stats.unparseable += 1
            continue
        targets: dict[str, Label] = {}
        if value == "1":
            detail = hierarchy.get(join_key(row["text"]))
            if detail is None:
                unmatched += 1
            else:
                targets = {
                    target: int(any(flag(detail.get(column)) for column in columns))
                    for target, columns in PT_TARGET_COLUMNS.items()
                }
        example = make_example(stats, row["text"], source="portuguese_hs", language="pt",
                               labels={"hate": int(value)}, targets=targets)
        if example:
            yield example
    if unmatched:
        stats.notes.append(f"{unmatched} hateful rows not found in the hierarchical file")


PORTUGUESE_HS = SourceAdapter(
    name="portuguese_hs",
    languages=("pt",),
    files=(_PT_BINARY, _PT_HIERARCHY),
    mapping="""\
- Source: Portuguese hate speech (Fortuna et al. 2019), tweets. The binary file gives the label,
  the hierarchical file the targets; joined by normalised text (letters and digits only, since
  the two files quote and space the same tweets differently).
- `hatespeech_comb` 1 -> `hate` 1, 0 -> `hate` 0. The hierarchical file's own `Hate.speech`
  column disagrees on ~1,100 rows and is not used for the label.
- Targets (hate rows only; all seven set, 0 where no mapped column is 1):
  race_ethnicity <- Racism, Black.people, Black.Women, Indigenous, White.people, Asians, Latins;
  religion <- Religion, Jews, Muslims, Muslims.women, Islamists, Agnostic;
  gender <- Sexism, Women, Men, Feminists, Men.Feminists and the *.women groups;
  sexual_orientation_gender_identity <- Homophobia, Gays, Lesbians, Bissexuals, Transexuals,
  Trans.women, Travestis, Homossexuals;
  disability <- Health, Disabled.people, Autists;
  national_origin <- Refugees, Immigrants, Migrants, the nationality columns, Arabic, Africans,
  Nordestines (regional origin, the Brazilian analogue of xenophobia);
  age <- Old.people, Young.people, Ageing, Old.women.
  Not mapped (not protected identities): Body, Fat/Ugly/Thin people, Ideology, Left.wing.ideology,
  OtherLifestyle, Criminals, Homeless, Poor.people, Rural.people, Sertanejos, Jornalists, ...
  The top-level `Origin` column is not used because it includes Rural.people and Sertanejos.
- `offensive`/`harassment` unset; crisis labels unset.
""",
    load=load_portuguese_hs,
)
