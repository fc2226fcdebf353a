"""Every source adapter on a tiny hand-written fixture in its real file format.

All texts are invented for the tests; no dataset content is copied here.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from models.examples import Example
from training.data.sources import ADAPTERS, SourceStats
from training.data.sources.crisis import CSSRS_MAX_CHARS, keep_end, parse_posts

ALL_FOLDERS = {
    "convabuse", "cssrs_reddit", "cyberbullying", "davidson", "dreaddit", "dynahate", "ethos",
    "germeval2018", "kaggle_insults", "lhsab", "mlma", "olid", "osact2020", "portuguese_hs",
    "sdcnl", "twitter_suicidal_ideation",
}


def write_csv(path: Path, header: list[str], rows: list[list[object]], delimiter: str = ",",
              quoting: int = csv.QUOTE_MINIMAL) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter, quoting=quoting)
        writer.writerow(header)
        writer.writerows(rows)


def load(name: str, folder: Path) -> tuple[list[Example], SourceStats]:
    stats = SourceStats()
    return list(ADAPTERS[name].load(folder, stats)), stats


def ex(text: str, source: str, language: str, labels: dict, targets: dict | None = None,
       **extra) -> Example:
    return Example(text=text, source=source, language=language, labels=labels,
                   targets=targets or {}, **extra)


def test_registry_covers_every_folder():
    assert set(ADAPTERS) == ALL_FOLDERS
    for name, adapter in ADAPTERS.items():
        assert adapter.name == name
        assert adapter.files and adapter.languages and adapter.mapping.strip()
        assert all(len(code) == 2 for code in adapter.languages)


def test_davidson(tmp_path):
    write_csv(tmp_path / "labeled_data.csv",
              ["", "count", "hate_speech", "offensive_language", "neither", "class", "tweet"],
              [[0, 3, 3, 0, 0, 0, "RT @someone: those people are vermin"],
               [1, 3, 0, 3, 0, 1, "this damn printer &amp; its jams"],
               [2, 3, 0, 0, 3, 2, "lunch was great today"],
               [3, 3, 0, 0, 3, "x", "broken row"]])
    examples, stats = load("davidson", tmp_path)
    assert examples == [
        ex("those people are vermin", "davidson", "en", {"hate": 1}),
        ex("this damn printer & its jams", "davidson", "en", {"hate": 0, "offensive": 1}),
        ex("lunch was great today", "davidson", "en",
           {"hate": 0, "offensive": 0, "harassment": 0}),
    ]
    assert stats.rows_read == 4 and stats.unparseable == 1


def test_olid(tmp_path):
    write_csv(tmp_path / "olid-training-v1.0.tsv",
              ["id", "tweet", "subtask_a", "subtask_b", "subtask_c"],
              [[1, "@USER have a nice day", "NOT", "NULL", "NULL"],
               [2, "what the hell URL", "OFF", "UNT", "NULL"],
               [3, "@USER you are a clown", "OFF", "TIN", "IND"],
               [4, "fans of that team are clowns", "OFF", "TIN", "GRP"],
               [5, "that company is garbage", "OFF", "TIN", "OTH"]], delimiter="\t")
    examples, _ = load("olid", tmp_path)
    assert [e.labels for e in examples] == [
        {"hate": 0, "harassment": 0, "offensive": 0, "self_harm": None, "distress": None},
        {"hate": 0, "harassment": 0, "offensive": 1, "self_harm": None, "distress": None},
        {"hate": 0, "harassment": 1, "offensive": None, "self_harm": None, "distress": None},
        {"hate": None, "harassment": 0, "offensive": 1, "self_harm": None, "distress": None},
        {"hate": 0, "harassment": 0, "offensive": 1, "self_harm": None, "distress": None},
    ]
    assert examples[0].text == "@USER have a nice day" and examples[1].text == "what the hell URL"


def test_ethos(tmp_path):
    (tmp_path / "Ethos_Dataset_Binary.csv").write_text(
        "comment;isHate\n"
        "Group X should be thrown out of the country;1.0\n"
        "What a lovely song;0.0\n"
        "Maybe a bit rude;0.3333333333333333\n"
        "You personally are subhuman because of your faith;0.8333333333333334\n"
        "Unmatched hateful comment;0.5\n", encoding="utf-8")
    (tmp_path / "Ethos_Dataset_Multi_Label.csv").write_text(
        "comment;violence;directed_vs_generalized;gender;race;national_origin;disability;"
        "religion;sexual_orientation\n"
        "Group X should be thrown out of the country;0.6;0.2;0;0.166666667;0.8;0;0;0\n"
        "You personally are subhuman because of your faith ;0;0.75;0;0;0;0;1;0\n",
        encoding="utf-8")
    examples, stats = load("ethos", tmp_path)
    scheme_zero = {"gender": 0, "race_ethnicity": 0, "national_origin": 0, "disability": 0,
                   "religion": 0, "sexual_orientation_gender_identity": 0}
    assert examples == [
        ex("Group X should be thrown out of the country", "ethos", "en",
           {"hate": 1, "harassment": 0}, scheme_zero | {"national_origin": 1}),
        ex("What a lovely song", "ethos", "en", {"hate": 0}),
        ex("You personally are subhuman because of your faith", "ethos", "en",
           {"hate": 1, "harassment": 1}, scheme_zero | {"religion": 1}),
        ex("Unmatched hateful comment", "ethos", "en", {"hate": 1}),
    ]
    assert examples[0].targets["age"] is None
    assert stats.unlabelled == 1 and stats.notes  # the ambiguous row; the unmatched note


def test_mlma(tmp_path):
    header = ["HITId", "tweet", "sentiment", "directness", "annotator_sentiment", "target",
              "group"]
    write_csv(tmp_path / "en_dataset_with_stop_words.csv", header,
              [[0, "Send them all back where they came from", "hateful_normal", "indirect",
                "anger", "origin", "immigrants"],
               [1, "what an idiot take", "offensive_disrespectful", "direct", "disgust",
                "other", "individual"],
               [2, "just a normal tweet", "normal", "indirect", "indifference", "other",
                "other"],
               [3, "scary stuff", "fearful", "indirect", "fear", "other", "other"]])
    write_csv(tmp_path / "fr_dataset.csv", header,
              [[1, "rt @user ces gens-là sont une honte", "abusive_hateful", "direct", "anger",
                "religion", "muslims"]])
    write_csv(tmp_path / "ar_dataset.csv", header,
              [[1, "نص عادي تماما", "normal", "indirect", "indifference", "other", "other"]])
    (tmp_path / "en_dataset.csv").write_text("unused\n", encoding="utf-8")
    examples, stats = load("mlma", tmp_path)
    assert [(e.text, e.language) for e in examples] == [
        ("Send them all back where they came from", "en"), ("what an idiot take", "en"),
        ("just a normal tweet", "en"), ("ces gens-là sont une honte", "fr"),
        ("نص عادي تماما", "ar"),
    ]
    hateful, offensive, normal, french, arabic = examples
    assert hateful.labels["hate"] == 1 and hateful.labels["offensive"] is None
    assert hateful.targets == {"race_ethnicity": None, "religion": 0, "gender": 0,
                               "sexual_orientation_gender_identity": 0, "disability": 0,
                               "national_origin": 1, "age": None}
    assert offensive.labels["offensive"] == 1 and offensive.labels["hate"] == 0
    assert offensive.labels["harassment"] is None and offensive.targets["gender"] is None
    assert normal.labels["hate"] == normal.labels["offensive"] == normal.labels["harassment"] == 0
    assert french.targets["religion"] == 1 and french.targets["race_ethnicity"] == 0
    assert arabic.labels["hate"] == 0
    assert stats.unlabelled == 1  # fearful only


def test_cyberbullying(tmp_path):
    write_csv(tmp_path / "cyberbullying_tweets_partial.csv", ["tweet_text", "cyberbullying_type"],
              [["women can't do anything right", "gender"],
               ["their religion is a disease", "religion"],
               ["great cooking tonight #show", "not_cyberbullying"]])
    examples, _ = load("cyberbullying", tmp_path)
    assert examples[0].labels["hate"] == 1
    assert examples[0].targets == {"race_ethnicity": 0, "religion": 0, "gender": 1,
                                   "sexual_orientation_gender_identity": None,
                                   "disability": None, "national_origin": None, "age": 0}
    assert examples[1].targets["religion"] == 1 and examples[1].targets["gender"] == 0
    assert examples[2].labels == {"hate": 0, "harassment": 0, "offensive": None,
                                  "self_harm": None, "distress": None}


def test_dynahate(tmp_path):
    (tmp_path / "Train.csv").write_text(
        'members of group Y are parasites\n"I said ""hello"", nothing more"\n',
        encoding="utf-8")
    (tmp_path / "Train_label.csv").write_text("1\n0\n", encoding="utf-8")
    (tmp_path / "Test.csv").write_text("group Y deserve respect\u2028really\n",
                                       encoding="utf-8")
    (tmp_path / "Test_label.csv").write_text("0\n", encoding="utf-8")
    examples, _ = load("dynahate", tmp_path)
    assert [(e.text, e.labels["hate"]) for e in examples] == [
        ("members of group Y are parasites", 1), ('I said "hello", nothing more', 0),
        ("group Y deserve respect really", 0),
    ]
    assert all(e.labels["offensive"] is None for e in examples)
    (tmp_path / "Test_label.csv").write_text("0\n1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line-aligned"):
        load("dynahate", tmp_path)


def test_portuguese_hs(tmp_path):
    write_csv(tmp_path / "portuguese_hate_speech_binary_classification.csv",
              ["text", "hatespeech_comb", "hatespeech_G1", "annotator_G1"],
              [['Essas "mulheres" não prestam', 1, 1, "A"],
               ["Que dia bonito", 0, 0, "A"],
               ["Refugiados e gays fora daqui", 1, 1, "B"],
               ["Texto odioso sem par", 1, 1, "B"]], quoting=csv.QUOTE_ALL)
    write_csv(tmp_path / "portuguese_hate_speech_hierarchical_classification.csv",
              ["text", "Hate.speech", "Sexism", "Women", "Homophobia", "Gays", "Refugees",
               "Rural.people", "Old.people"],
              [["Essas 'mulheres'  não prestam", 1, 1, 1, 0, 0, 0, 0, 0],
               ["Que dia bonito", 0, 0, 0, 0, 0, 0, 0, 0],
               ["Refugiados e gays fora daqui", 1, 0, 0, 1, 1, 1, 1, 0]])
    examples, stats = load("portuguese_hs", tmp_path)
    women, nice, refugees, unmatched = examples
    assert women.language == "pt" and women.labels["hate"] == 1
    assert women.targets == {"race_ethnicity": 0, "religion": 0, "gender": 1,
                             "sexual_orientation_gender_identity": 0, "disability": 0,
                             "national_origin": 0, "age": 0}
    assert nice.labels["hate"] == 0 and all(v is None for v in nice.targets.values())
    assert refugees.targets["national_origin"] == 1
    assert refugees.targets["sexual_orientation_gender_identity"] == 1
    assert refugees.targets["gender"] == 0
    assert unmatched.labels["hate"] == 1 and all(v is None for v in unmatched.targets.values())
    assert stats.notes


def test_kaggle_insults(tmp_path):
    write_csv(tmp_path / "train.csv", ["Insult", "Date", "Comment"],
              [[1, "20120618192155Z", '"You are a complete fool\\\\xc2\\\\xa0mate"'],
               [0, "", '"Nice point.\\\\nI agree\\xa0with you"']])
    examples, _ = load("kaggle_insults", tmp_path)
    assert examples == [
        ex("You are a complete fool mate", "kaggle_insults", "en", {"harassment": 1}),
        ex("Nice point.\nI agree with you", "kaggle_insults", "en", {"harassment": 0}),
    ]


CONVABUSE_ATTRIBUTES = ["is_abuse.1", "is_abuse.0", "is_abuse.-1", "is_abuse.-2", "is_abuse.-3",
                        "ableist", "homophobic", "intellectual", "racist", "sexist",
                        "sex_harassment", "transphobic", "target.generalised",
                        "target.individual", "target.system", "explicit", "implicit"]


def annotator(vote: int | None = None, *flags: str, cells: dict[str, str] | None = None
              ) -> list[str]:
    """One annotator's 17 cells: ``vote`` is the is_abuse value; ``flags`` set to 1."""
    if vote is None and not cells:
        return [""] * len(CONVABUSE_ATTRIBUTES)
    row = {a: "0" for a in CONVABUSE_ATTRIBUTES}
    if vote is not None:
        row[f"is_abuse.{vote}"] = "1"
    row.update({flag: "1" for flag in flags})
    row.update(cells or {})
    return [row[a] for a in CONVABUSE_ATTRIBUTES]


def write_convabuse(path: Path, rows: list[tuple[str, str, list[list[str]]]]) -> None:
    header = ["example_id", "conv_id", "prev_agent", "prev_user", "agent", "user", "bot"]
    for number in (1, 2, 3):
        for attribute in CONVABUSE_ATTRIBUTES:
            # reproduce the real header's typo: annotator 3's transphobic column says Annotator6
            owner = 6 if (number == 3 and attribute == "transphobic") else number
            header.append(f"Annotator{owner}_{attribute}")
    body = [[i, "c1", prev, "", "", user, "E.L.I.Z.A.", *sum(annotators, [])]
            for i, (prev, user, annotators) in enumerate(rows)]
    write_csv(path, header, body)


def test_convabuse(tmp_path):
    write_convabuse(tmp_path / "ConvAbuseEMNLPtrain.csv", [
        ("How are you feeling?", "you are a useless machine",
         [annotator(-2, "target.system"), annotator(-1, "target.system"), annotator(1)]),
        ("Tell me more.", "women belong in the kitchen",
         [annotator(-2, "sexist", "target.generalised"), annotator(-3, "sexist"), annotator()]),
        ("Hello!", "hi there", [annotator(1), annotator(0), annotator(1)]),
        ("Why?", "whatever, this is crap", [annotator(-1), annotator(1)]),  # tie: dropped
    ])
    write_convabuse(tmp_path / "ConvAbuseEMNLPvalid.csv", [
        ("Go on.", "this crap app is the worst",
         [annotator(cells={"is_abuse.-1": "1, 1", "is_abuse.1": "0, 0"}),
          annotator(cells={"is_abuse.-1": "1, 0", "is_abuse.1": "0, 1"}),
          annotator(-1, "target.generalised")]),
    ])
    examples, stats = load("convabuse", tmp_path)
    system, sexist, clean, generic = examples
    assert system.text == "you are a useless machine"
    assert system.text_pair == "How are you feeling?"
    assert system.labels == {"hate": 0, "harassment": 1, "offensive": None, "self_harm": None,
                             "distress": None}
    assert sexist.labels["hate"] == 1 and sexist.labels["harassment"] is None
    assert sexist.targets == {"race_ethnicity": 0, "religion": None, "gender": 1,
                              "sexual_orientation_gender_identity": 0, "disability": 0,
                              "national_origin": None, "age": None}
    assert clean.labels["hate"] == clean.labels["harassment"] == clean.labels["offensive"] == 0
    # repeated votes: annotators score 1.0, 0.5 and 1.0 -> abusive, no person target
    assert generic.labels == {"hate": 0, "harassment": 0, "offensive": 1, "self_harm": None,
                              "distress": None}
    assert stats.unlabelled == 1 and stats.rows_read == 5


def test_germeval2018(tmp_path):
    (tmp_path / "germeval2018.training.txt").write_text(
        "@jemand Schönen Tag noch!\tOTHER\tOTHER\n"
        "Diese Gruppe ist Abschaum|LBR|alle raus\tOFFENSE\tABUSE\n"
        "@jemand du bist ein Depp\tOFFENSE\tINSULT\n"
        "So ein Mist heute\tOFFENSE\tPROFANITY\n"
        "kaputte Zeile ohne Tabs\n", encoding="utf-8")
    examples, stats = load("germeval2018", tmp_path)
    assert [e.labels for e in examples] == [
        {"hate": 0, "harassment": 0, "offensive": 0, "self_harm": None, "distress": None},
        {"hate": 1, "harassment": None, "offensive": None, "self_harm": None, "distress": None},
        {"hate": 0, "harassment": 1, "offensive": None, "self_harm": None, "distress": None},
        {"hate": 0, "harassment": 0, "offensive": 1, "self_harm": None, "distress": None},
    ]
    assert examples[0].text == "@USER Schönen Tag noch!" and examples[0].language == "de"
    assert examples[1].text == "Diese Gruppe ist Abschaum\nalle raus"
    assert stats.unparseable == 1


def test_cssrs_reddit(tmp_path):
    long_posts = [f"post number {i} " + "word " * 100 for i in range(12)]
    truncated = str(["first complete post", "second complete post", "third one is cut off"])
    truncated = truncated[: truncated.index("cut off")]  # like the 28 cells cut at 32,759 chars
    write_csv(tmp_path / "500_Reddit_users_posts_labels.csv", ["User", "Post", "Label"],
              [["user-1", str(["I can help, message me", "you are not alone"]), "Supportive"],
               ["user-2", str(["I feel so empty lately", "can't sleep &amp; can't eat"]),
                "Indicator"],
               ["user-3", str(long_posts), "Ideation"],
               ["user-4", truncated, "Attempt"],
               ["user-5", str(["x"]), "Unknown"]])
    examples, stats = load("cssrs_reddit", tmp_path)
    supportive, indicator, ideation, attempt = examples
    assert supportive == ex("I can help, message me\n\nyou are not alone", "cssrs_reddit", "en",
                            {"self_harm": 0}, group="cssrs_reddit:user-1")
    assert indicator.labels["self_harm"] == 0 and indicator.labels["distress"] == 1
    assert indicator.text == "I feel so empty lately\n\ncan't sleep & can't eat"
    assert ideation.labels["self_harm"] == 1 and ideation.labels["distress"] is None
    assert len(ideation.text) <= CSSRS_MAX_CHARS
    assert ideation.text.startswith("post number") and ideation.text.endswith(
        long_posts[-1].strip())  # the end is kept, cut at a post boundary
    assert attempt.text == "first complete post\n\nsecond complete post"
    assert attempt.group == "cssrs_reddit:user-4"
    assert stats.unparseable == 1 and stats.notes


def test_cssrs_helpers():
    assert parse_posts("['a', \"it's\"]") == (["a", "it's"], True)
    assert parse_posts("['a', 'b\\'c', 'trunc") == (["a", "b'c"], False)
    assert keep_end(["a" * 10, "b" * 10], limit=15) == "b" * 10
    assert keep_end(["word " * 10], limit=12) == "word word"


def test_sdcnl(tmp_path):
    write_csv(tmp_path / "training-set.csv",
              ["", "title", "selftext", "author", "num_comments", "is_suicide", "url",
               "selftext_clean", "title_clean", "author_clean", "selftext_length",
               "title_length", "megatext_clean"],
              [[0, "I can't do this anymore", "I have a plan for tonight", "a", 1, 1, "u", "",
                "", "", 1, 1, ""],
               [1, "Everything feels grey", "emptypost", "b", 0, 0, "u", "", "", "", 1, 1, ""]])
    examples, _ = load("sdcnl", tmp_path)
    assert examples == [
        ex("I can't do this anymore\n\nI have a plan for tonight", "sdcnl", "en",
           {"self_harm": 1}),
        ex("Everything feels grey", "sdcnl", "en", {"self_harm": 0, "distress": 1}),
    ]


def test_twitter_suicidal_ideation(tmp_path):
    write_csv(tmp_path / "Suicide_Ideation_Dataset_Twitter.csv", ["Tweet", "Suicide"],
              [["i just want it all to end", "Potential Suicide post "],
               ["making some pasta", "Not Suicide post"],
               ["", "Not Suicide post"]])
    examples, stats = load("twitter_suicidal_ideation", tmp_path)
    assert [(e.text, e.labels["self_harm"], e.labels["distress"]) for e in examples] == [
        ("i just want it all to end", 1, None), ("making some pasta", 0, None)]
    assert stats.empty == 1


def test_dreaddit(tmp_path):
    write_csv(tmp_path / "dreaddit-train.csv",
              ["subreddit", "post_id", "sentence_range", "text", "id", "label", "confidence"],
              [["anxiety", "abc1", "(0, 5)", "My heart races before every meeting", 1, 1, 0.8],
               ["food_pantry", "abc2", "(0, 3)", "Thanks to everyone who donated", 2, 0, 1.0]])
    examples, _ = load("dreaddit", tmp_path)
    assert examples == [
        ex("My heart races before every meeting", "dreaddit", "en", {"distress": 1},
           group="dreaddit:abc1"),
        ex("Thanks to everyone who donated", "dreaddit", "en", {"distress": 0},
           group="dreaddit:abc2"),
    ]


def test_osact2020(tmp_path):
    (tmp_path / "OSACT2020-sharedTask-train.txt").write_text(
        "RT @USER: صباح الخير<LF>يا جماعة\tNOT_OFF\tNOT_HS\n"
        "كلام بذيء هنا\tOFF\tNOT_HS\n", encoding="utf-8")
    (tmp_path / "OSACT2020-sharedTask-dev.txt").write_text(
        "كلام كراهية هنا\tOFF\tHS\n", encoding="utf-8")
    examples, _ = load("osact2020", tmp_path)
    assert [(e.text, e.language) for e in examples] == [
        ("صباح الخير\nيا جماعة", "ar"), ("كلام بذيء هنا", "ar"), ("كلام كراهية هنا", "ar")]
    assert examples[0].labels["offensive"] == examples[0].labels["harassment"] == 0
    assert examples[1].labels["offensive"] == 1 and examples[1].labels["hate"] == 0
    assert examples[2].labels["hate"] == 1 and examples[2].labels["offensive"] is None


def test_lhsab(tmp_path):
    write_csv(tmp_path / "L-HSAB.tsv", ["Tweet", "Class"],
              [["نص عادي", "normal"], ["نص مسيء", "abusive"], ["نص كراهية", "hate"]],
              delimiter="\t")
    examples, _ = load("lhsab", tmp_path)
    assert [(e.labels["hate"], e.labels["offensive"], e.labels["harassment"])
            for e in examples] == [(0, 0, 0), (0, 1, None), (1, None, None)]
    assert {e.language for e in examples} == {"ar"}
