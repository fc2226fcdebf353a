"""Text normalisation shared by every source adapter and by user-supplied training files.

Sources write the same thing differently (``&amp;`` vs ``&``, literal ``\\n`` escapes, ``<LF>``,
raw ``@handles`` vs OLID's ``@USER``). If the model sees these as different tokens it learns which
*source* a text came from instead of what it says, so all text passes through :func:`clean_text`.
"""

from __future__ import annotations

import html
import re

# A run of consecutive \xHH escapes (any number of backslashes: kaggle_insults holds both "\xa0"
# and the double-escaped UTF-8 bytes "\\xc2\\xa0"). Decoded together so multi-byte UTF-8 works.
_HEX_RUN = re.compile(r"(?:\\+x[0-9a-fA-F]{2})+")
_UNICODE_RUN = re.compile(r"(?:\\+u[0-9a-fA-F]{4})+")
_HEX_ONE = re.compile(r"\\+x([0-9a-fA-F]{2})")
_UNICODE_ONE = re.compile(r"\\+u([0-9a-fA-F]{4})")
_ESCAPED_NEWLINE = re.compile(r"\\+[nr]")
_ESCAPED_TAB = re.compile(r"\\+t")
_ESCAPED_QUOTE = re.compile(r"\\+(['\"])")
# Line-break placeholders: "<LF>" (OSACT 2020) and "|LBR|" (GermEval 2018).
_LF_MARKER = re.compile(r"<LF>|\|LBR\|", re.IGNORECASE)
# Leading retweet markers ("RT @user:"), possibly chained; mid-text ones ("... RT @user: ...")
# too, since they carry no content and are a Twitter-source tell.
_LEADING_RT = re.compile(r"^(?:\s*RT\s*[:\"\u201c!.]*\s*@\w+\s*:?\s*)+", re.IGNORECASE)
_INNER_RT = re.compile(r"(?<=\s)RT\s+@\w+\s*:\s*")
# Also tweet-truncated links ("http:/…", "https…").
_URL = re.compile(r"\bhttps?(?::/*|\u2026)\S*|\bwww\.\S+", re.IGNORECASE)
# "@handle" not preceded by a word character (so e-mail addresses stay untouched).
_HANDLE = re.compile(r"(?<![\w@])@\w+")
# Reddit markdown escapes ("\\*", "\\(", "\\+"): the backslash is formatting, not text.
_MARKDOWN_ESCAPE = re.compile(r"\\([*()~+#>\[\]])")
# UTF-8 read as cp1252/Latin-1 ("donâ\x80\x99t", "IÂ´m"): a lead byte U+00C2-U+00F4 followed
# by continuation bytes, shown as U+0080-U+00BF or their cp1252 glyphs (€, ™, “, ...).
_CP1252_HIGH = "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
    "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_HIGH}]{{1,3}}")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def _decode_hex_run(match: re.Match[str]) -> str:
    data = bytes(int(h, 16) for h in _HEX_ONE.findall(match.group(0)))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # A lone "\xe4" is a Latin-1 code point (ä), not a UTF-8 byte.
        return data.decode("latin-1")


def _decode_unicode_run(match: re.Match[str]) -> str:
    units = [int(h, 16) for h in _UNICODE_ONE.findall(match.group(0))]
    raw = b"".join(u.to_bytes(2, "big") for u in units)
    # utf-16 joins surrogate pairs (emoji); lone surrogates become U+FFFD, never invalid str.
    return raw.decode("utf-16-be", errors="replace")


def _to_byte(char: str) -> int:
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(char)  # bytes cp1252 leaves undefined (0x81, 0x8d, ...) pass through Latin-1


def _fix_mojibake_run(match: re.Match[str]) -> str:
    try:
        return bytes(_to_byte(c) for c in match.group(0)).decode("utf-8")
    except (UnicodeDecodeError, ValueError):
        return match.group(0)


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 text that was decoded as cp1252/Latin-1 (only runs that decode strictly).

    Up to three rounds: some tweets were mis-decoded twice ("Ã°Â\x9f..." for one emoji).
    """
    for _ in range(3):
        fixed = _MOJIBAKE.sub(_fix_mojibake_run, text)
        if fixed == text:
            break
        text = fixed
    return text


def decode_literal_escapes(text: str) -> str:
    """Turn literal backslash escapes (``\\n``, ``\\xc2\\xa0``, ``\\u2019``) into characters."""
    if "\\" not in text:
        return text
    text = _HEX_RUN.sub(_decode_hex_run, text)
    text = _UNICODE_RUN.sub(_decode_unicode_run, text)
    text = _ESCAPED_NEWLINE.sub("\n", text)
    text = _ESCAPED_TAB.sub(" ", text)
    return _ESCAPED_QUOTE.sub(r"\1", text)


def clean_text(text: str) -> str:
    """Normalise one post: decode escapes and entities, mask handles and URLs, tidy whitespace.

    Newlines survive (single, or one blank line between paragraphs) because post structure is
    signal for crisis texts; every other whitespace run becomes one space.
    """
    text = decode_literal_escapes(text)
    # Twice: scraped text is sometimes double-escaped ("&amp;#8220;").
    text = html.unescape(html.unescape(text))
    text = fix_mojibake(text)
    text = _MARKDOWN_ESCAPE.sub(r"\1", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LF_MARKER.sub("\n", text)
    text = _INVISIBLE.sub("", text).replace("\xa0", " ")
    text = _LEADING_RT.sub("", text)
    text = _INNER_RT.sub("", text)
    text = _URL.sub("URL", text)
    text = _HANDLE.sub("@USER", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines))
    return text.strip()


def join_key(text: str) -> str:
    """Aggressive key (lower-case letters and digits only) for joining two files of one source."""
    return re.sub(r"\W+", "", text.lower())
