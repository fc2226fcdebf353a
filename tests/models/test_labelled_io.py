"""The generic labelled-file format: CSV and JSONL in, JSONL out, missing is not negative."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.examples import Example
from models.labelled_io import read_labelled, write_labelled
from models.taxonomy import LABELS, TARGETS


def write(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path


def test_csv_blank_is_missing_and_true_false_accepted(tmp_path):
    path = write(tmp_path / "decisions.csv",
                 "id,text,hate,harassment,offensive,self_harm,gender,language\n"
                 "a1,you are all wonderful,0,,false,,,en\n"
                 "a2,they should all disappear,1,0,,,TRUE,\n")
    first, second = read_labelled(path)
    assert first.text == "you are all wonderful"
    assert first.labels == {"hate": 0, "harassment": None, "offensive": 0, "self_harm": None,
                            "distress": None}
    assert first.language == "en" and first.source == "decisions"
    assert second.labels["hate"] == 1 and second.labels["harassment"] == 0
    assert second.labels["offensive"] is None
    assert second.targets["gender"] == 1 and second.targets["religion"] is None
    assert second.language == "und"


def test_jsonl_null_missing_optional_columns(tmp_path):
    rows = [
        {"text": "nobody would notice if I was gone", "self_harm": 1, "distress": None,
         "source": "feedback", "group": "thread-7", "reply_to_text": "how are you?",
         "functionality": "crisis_direct"},
        {"text": "lovely weather", "hate": False, "language": "en"},
    ]
    path = write(tmp_path / "x.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n\n")
    first, second = read_labelled(path)
    assert first.labels["self_harm"] == 1 and first.labels["distress"] is None
    assert first.source == "feedback" and first.group == "thread-7"
    assert first.text_pair == "how are you?" and first.functionality == "crisis_direct"
    assert second.labels["hate"] == 0 and second.source == "x"


def test_source_argument_overrides_column(tmp_path):
    path = write(tmp_path / "f.jsonl", json.dumps({"text": "hi", "hate": 0, "source": "a"}))
    assert next(read_labelled(path, source="forced")).source == "forced"


def test_custom_text_column(tmp_path):
    path = write(tmp_path / "f.csv", "comment,hate\nhello there,0\n")
    assert next(read_labelled(path, text_column="comment")).text == "hello there"


def test_bad_value_names_file_line_and_column(tmp_path):
    # The first record spans two physical lines, so the bad record starts on line 4.
    path = write(tmp_path / "bad.csv",
                 'text,hate\n"a post\nover two lines",1\nfine,2\n')
    with pytest.raises(ValueError) as error:
        list(read_labelled(path))
    message = str(error.value)
    assert "bad.csv" in message and "line 4" in message and "'hate'" in message


def test_bad_jsonl_value_line_number(tmp_path):
    path = write(tmp_path / "bad.jsonl",
                 json.dumps({"text": "ok", "hate": 1}) + "\n\n"
                 + json.dumps({"text": "x", "self_harm": "maybe"}) + "\n")
    with pytest.raises(ValueError, match=r"line 3.*'self_harm'"):
        list(read_labelled(path))


@pytest.mark.parametrize("content, pattern", [
    ("body,hate\nhello,1\n", "missing text column 'text'"),
    ("text,hate\n  ,1\n", r"line 2.*empty text"),
])
def test_missing_or_empty_text(tmp_path, content, pattern):
    with pytest.raises(ValueError, match=pattern):
        list(read_labelled(write(tmp_path / "t.csv", content)))


def test_jsonl_missing_text_and_invalid_json(tmp_path):
    with pytest.raises(ValueError, match=r"line 1.*missing text column"):
        list(read_labelled(write(tmp_path / "a.jsonl", json.dumps({"hate": 1}))))
    with pytest.raises(ValueError, match=r"line 1.*invalid JSON"):
        list(read_labelled(write(tmp_path / "b.jsonl", "{not json")))


def test_unsupported_extension(tmp_path):
    with pytest.raises(ValueError, match="unsupported extension"):
        list(read_labelled(write(tmp_path / "a.txt", "text\nx\n")))


def test_round_trip(tmp_path):
    examples = [
        Example(text="line one\nline two, with \"quotes\" and ünïcode 🙂", source="feedback",
                language="en", labels={"hate": 1, "offensive": None, "harassment": 0},
                targets={"religion": 1, "age": 0}, group="g1", text_pair="parent post",
                functionality="counter_speech"),
        Example(text="just a post", source="other", language="und", labels={"distress": 1}),
    ]
    path = tmp_path / "out" / "export.jsonl"
    assert write_labelled(examples, path) == 2
    assert list(read_labelled(path)) == examples
    record = json.loads(path.read_text(encoding="utf-8").splitlines()[1])
    assert set(LABELS) | set(TARGETS) <= set(record)  # every label and target, null = missing
    assert record["hate"] is None and "group" not in record
    assert not list(path.parent.glob(".export.jsonl.*"))  # no temporary file left behind


def test_write_refuses_csv(tmp_path):
    with pytest.raises(ValueError, match="JSON Lines"):
        write_labelled([], tmp_path / "out.csv")
