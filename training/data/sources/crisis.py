"""Adapters for crisis-signal (self-harm) and distress corpora.

These labels are proxies (subreddit membership, per-user clinical labels); each adapter says
which proxy it uses so the model card can state how far to trust ``self_harm`` and ``distress``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from models.examples import Example, Label
from training.data.clean import clean_text
from training.data.sources.base import SourceAdapter, SourceStats, make_example, read_csv_rows

# --------------------------------------------------------------------------------------------
# C-SSRS Reddit (Gaur et al. 2019)

#: Characters kept per C-SSRS user. Half the users write more; we keep the *end* (the last
#: posts), cut at a post boundary, because the list ends with the posts closest to the label
#: decision and crisis statements tend to come last.
CSSRS_MAX_CHARS = 3000

_CSSRS: dict[str, dict[str, Label]] = {
    "Supportive": {"self_harm": 0},
    "Indicator": {"self_harm": 0, "distress": 1},
    "Ideation": {"self_harm": 1},
    "Behavior": {"self_harm": 1},
    "Attempt": {"self_harm": 1},
}
_PY_STRING = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*\"""", re.DOTALL)


def parse_posts(cell: str) -> tuple[list[str], bool]:
    """Posts of one user from the Python-list string; ``(posts, parsed_cleanly)``.

    28 cells were cut at 32,759 characters (a spreadsheet cell limit) and do not parse; for
    those every complete string literal is kept and the cut-off last post is dropped.
    """
    try:
        value = ast.literal_eval(cell)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        value = None
    if isinstance(value, list) and all(isinstance(post, str) for post in value):
        return value, True
    posts: list[str] = []
    for literal in _PY_STRING.findall(cell):
        try:
            posts.append(ast.literal_eval(literal))
        except (SyntaxError, ValueError):
            continue
    return posts, False


def keep_end(posts: list[str], limit: int = CSSRS_MAX_CHARS) -> str:
    """The last posts that fit in ``limit`` characters, joined by blank lines."""
    kept: list[str] = []
    size = 0
    for post in reversed(posts):
        if kept and size + len(post) + 2 > limit:
            break
        kept.append(post)
        size += len(post) + 2
    text = "\n\n".join(reversed(kept))
    if len(text) > limit:  # a single post longer than the limit: keep its end, at a word start
        tail = text[-limit:]
        space = tail.find(" ")
        text = tail[space + 1:] if 0 <= space < 50 else tail
    return text.strip()


def load_cssrs_reddit(folder: Path, stats: SourceStats | None = None) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    recovered = 0
    for row in read_csv_rows(folder / "500_Reddit_users_posts_labels.csv"):
        stats.rows_read += 1
        labels = _CSSRS.get((row.get("Label") or "").strip())
        user = (row.get("User") or "").strip()
        if labels is None or not user or row.get("Post") is None:
            stats.unparseable += 1
            continue
        posts, clean_parse = parse_posts(row["Post"])
        if not clean_parse:
            if not posts:
                stats.unparseable += 1
                continue
            recovered += 1
        posts = [post for post in (clean_text(p) for p in posts) if post]
        example = make_example(stats, keep_end(posts), source="cssrs_reddit", language="en",
                               labels=dict(labels), group=f"cssrs_reddit:{user}")
        if example:
            yield example
    if recovered:
        stats.notes.append(f"{recovered} users' post lists recovered by the fallback parser")


CSSRS_REDDIT = SourceAdapter(
    name="cssrs_reddit",
    languages=("en",),
    files=("500_Reddit_users_posts_labels.csv",),
    mapping=f"""\
- Source: C-SSRS Reddit (Gaur et al. 2019), 500 users of r/SuicideWatch and related subreddits,
  labelled per user by clinicians on the Columbia Suicide Severity Rating Scale.
- One example per user: the user's posts, cleaned and joined with blank lines; `group` = the
  user id so a user never straddles train and validation. Texts longer than
  {CSSRS_MAX_CHARS} characters keep their end (the last whole posts that fit): crisis signs
  tend to come last, and the model's tokenizer would otherwise keep only the start.
- Post lists are parsed with `ast.literal_eval`; the 28 cells truncated at 32,759 characters
  fall back to extracting every complete string literal (the cut-off last post is dropped).
- `Supportive` -> `self_harm` 0 (distress unknown). `Indicator` -> `self_harm` 0, `distress` 1.
  `Ideation`, `Behavior`, `Attempt` -> `self_harm` 1 (`distress` unset, as for any
  self-harm-positive row).
- Caveats: labels are per user, not per post, so early posts may show no risk; some words were
  replaced by medical concept names in the source's preprocessing. Harm labels unset.
""",
    load=load_cssrs_reddit,
)


# --------------------------------------------------------------------------------------------
# SDCNL (Haque et al. 2021)

def load_sdcnl(folder: Path, stats: SourceStats | None = None) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    for row in read_csv_rows(folder / "training-set.csv"):
        stats.rows_read += 1
        value = (row.get("is_suicide") or "").strip()
        if value not in ("0", "1"):
            stats.unparseable += 1
            continue
        title = (row.get("title") or "").strip()
        body = (row.get("selftext") or "").strip()
        if body == "emptypost":  # the dataset's placeholder for title-only posts
            body = ""
        labels: dict[str, Label] = ({"self_harm": 1} if value == "1"
                                    else {"self_harm": 0, "distress": 1})
        example = make_example(stats, "\n\n".join(part for part in (title, body) if part),
                               source="sdcnl", language="en", labels=labels)
        if example:
            yield example


SDCNL = SourceAdapter(
    name="sdcnl",
    languages=("en",),
    files=("training-set.csv",),
    mapping="""\
- Source: SDCNL (Haque et al. 2021), Reddit posts from r/SuicideWatch and r/depression.
- Text = `title` + blank line + `selftext` (the raw columns, not the `*_clean` variants); the
  `emptypost` placeholder body is dropped, keeping the title alone.
- `is_suicide` 1 (r/SuicideWatch) -> `self_harm` 1. `is_suicide` 0 (r/depression) ->
  `self_harm` 0, `distress` 1: depression posts are distress, not automatically crisis.
- Caveat: subreddit membership is a proxy; some r/depression posts mention suicidal thoughts and
  some r/SuicideWatch posts support others. Harm labels unset.
""",
    load=load_sdcnl,
)


# --------------------------------------------------------------------------------------------
# Twitter suicidal ideation

def load_twitter_suicidal_ideation(
    folder: Path, stats: SourceStats | None = None
) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    classes = {"Potential Suicide post": 1, "Not Suicide post": 0}
    for row in read_csv_rows(folder / "Suicide_Ideation_Dataset_Twitter.csv"):
        stats.rows_read += 1
        value = classes.get((row.get("Suicide") or "").strip())
        if value is None or row.get("Tweet") is None:
            stats.unparseable += 1
            continue
        example = make_example(stats, row["Tweet"], source="twitter_suicidal_ideation",
                               language="en", labels={"self_harm": value})
        if example:
            yield example


TWITTER_SUICIDAL_IDEATION = SourceAdapter(
    name="twitter_suicidal_ideation",
    languages=("en",),
    files=("Suicide_Ideation_Dataset_Twitter.csv",),
    mapping="""\
- Source: Twitter suicidal-ideation dataset (Kaggle), English tweets.
- `Potential Suicide post ` (trailing space in the file) -> `self_harm` 1; `Not Suicide post`
  -> `self_harm` 0. `distress` unset: negatives are everyday tweets, some of them sad.
- Harm labels unset.
""",
    load=load_twitter_suicidal_ideation,
)


# --------------------------------------------------------------------------------------------
# Dreaddit (Turcan and McKeown 2019)

def load_dreaddit(folder: Path, stats: SourceStats | None = None) -> Iterator[Example]:
    stats = SourceStats() if stats is None else stats
    for row in read_csv_rows(folder / "dreaddit-train.csv"):
        stats.rows_read += 1
        value = (row.get("label") or "").strip()
        if value not in ("0", "1") or row.get("text") is None:
            stats.unparseable += 1
            continue
        post = (row.get("post_id") or "").strip()
        example = make_example(stats, row["text"], source="dreaddit", language="en",
                               labels={"distress": int(value)},
                               group=f"dreaddit:{post}" if post else None)
        if example:
            yield example


DREADDIT = SourceAdapter(
    name="dreaddit",
    languages=("en",),
    files=("dreaddit-train.csv",),
    mapping="""\
- Source: Dreaddit training set, Reddit post segments (ptsd, anxiety, domestic violence,
  homelessness, relationships, ...), stress annotated by crowd workers.
- `label` 1 (stress) -> `distress` 1; 0 -> `distress` 0. `self_harm` unset: stress posts are
  not screened for self-harm.
- `group` = `post_id`, so segments of one post stay in the same split.
- Harm labels unset. LIWC feature columns are not used.
""",
    load=load_dreaddit,
)
