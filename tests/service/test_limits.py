"""Text-field checks (service/limits.py): the regex scan refuses exactly the characters its
rules name, for every Unicode code point."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from service.limits import check_characters


def _refused(char: str, multiline: bool) -> bool:
    try:
        check_characters(f"ok {char} ok", multiline=multiline)
    except ValueError as exc:
        assert "at index 3" in str(exc)
        return True
    return False


def test_every_code_point_is_judged_by_the_documented_rule() -> None:
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue  # lone surrogates cannot arrive in decoded JSON
        char = chr(code)
        multiline_rule = (code < 0x20 and char not in "\t\n\r") or code == 0x7F
        assert _refused(char, True) is multiline_rule, hex(code)
        assert _refused(char, False) is (unicodedata.category(char) == "Cc"), hex(code)


@pytest.mark.parametrize(("text", "multiline", "message"), [
    ("a\x00b", True, "NUL (\\u0000) at index 1"),
    ("line\x1b[2J", True, "U+001B at index 4"),
    ("id\x85", False, "U+0085 at index 2"),
])
def test_the_first_offender_is_named(text: str, multiline: bool, message: str) -> None:
    with pytest.raises(ValueError, match="control characters") as caught:
        check_characters(text, multiline=multiline)
    assert str(caught.value).endswith(message)


def test_line_breaks_and_c1_pass_in_multiline_text() -> None:
    assert check_characters("a\tb\nc\r\nd\x85e", multiline=True) == "a\tb\nc\r\nd\x85e"
