"""clean_text: one normal form for text from every source."""

from __future__ import annotations

import pytest

from training.data.clean import clean_text, join_key


@pytest.mark.parametrize("raw, expected", [
    ("fish &amp; chips &#8220;yum&#8221;", "fish & chips \u201cyum\u201d"),
    ("double &amp;amp; escaped", "double & escaped"),
    # kaggle_insults: literal escapes, including double-escaped UTF-8 bytes
    ("first\\nsecond", "first\nsecond"),
    ("a\\xa0b", "a b"),
    ("a\\\\xc2\\\\xa0b", "a b"),
    ("it\\\\xe2\\\\x80\\\\x99s fine", "it\u2019s fine"),
    ("caf\\xe9 au lait", "caf\u00e9 au lait"),
    ("wait\\u2026 what", "wait\u2026 what"),
    ("don\\'t", "don't"),
    ("col1\\tcol2", "col1 col2"),
    # osact2020 / germeval2018 line breaks
    ("one<LF>two", "one\ntwo"),
    ("eins|LBR|zwei", "eins\nzwei"),
    # retweet markers and placeholders
    ("RT @someone: the actual tweet", "the actual tweet"),
    ("RT @a: RT @b: nested", "nested"),
    ("rt @user bonjour", "bonjour"),
    ("my comment RT @other: quoted", "my comment quoted"),
    ("hey @jane_doe look", "hey @USER look"),
    ("@USER @USER already masked", "@USER @USER already masked"),
    ("mail me at jane@example.org", "mail me at jane@example.org"),
    ("see https://t.co/abc123 now", "see URL now"),
    ("see www.example.com/x", "see URL"),
    ("truncated http:/\u2026", "truncated URL"),
    ("URL stays URL", "URL stays URL"),
    # mojibake (UTF-8 read as cp1252), once and twice
    ("don\u00e2\u20ac\u2122t", "don\u2019t"),
    ("caf\u00c3\u00a9", "caf\u00e9"),
    ("S\u00e3o Paulo \u00e0 noite", "S\u00e3o Paulo \u00e0 noite"),
    # reddit markdown escapes, whitespace
    ("18\\+ only \\*really\\*", "18+ only *really*"),
    ("  lots   of\t\tspace \n\n\n\n next  ", "lots of space\n\nnext"),
    ("zero\u200bwidth\ufeff", "zerowidth"),
    ("   ", ""),
])
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


def test_clean_text_is_stable_on_clean_text():
    text = "Already clean.\n\nSecond paragraph with @USER and URL."
    assert clean_text(text) == text
    assert clean_text(clean_text("RT @x: a &amp; b http://t.co/y")) == "a & b URL"


def test_join_key_ignores_quoting_and_spacing():
    assert join_key('He said "no" ') == join_key("he said 'no'")
