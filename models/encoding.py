"""Turning posts (and optional parent posts) into encoder inputs, for training and inference.

Inference scores every window of a long post and max-pools; training uses one head+tail window
per example (cheap, and keeps the end of long posts where crisis signs tend to be).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import torch

from models.artifact import WindowConfig

#: Hard cap on tokens read from one post: beyond ~4k tokens we keep the head and the tail only,
#: which bounds the cost of a pathological 1 MB post to ``max_windows`` forward passes.
MAX_TOKENS_PER_TEXT = 4096


@dataclass(frozen=True)
class Window:
    index: int  # which input text this window belongs to
    input_ids: list[int]
    token_type_ids: list[int]
    tail: bool = False  # the extra window of the text's ending alone (``WindowConfig.tail_tokens``)
    long: bool = False  # the text is a long post (``WindowConfig.long_min_tokens``): second head


def _token_ids(tokenizer, texts: Sequence[str]) -> list[list[int]]:
    # Long texts are cut at the character level first so the tokenizer never sees megabytes.
    clipped = [t if len(t) <= 40_000 else t[:20_000] + " " + t[-20_000:] for t in texts]
    return tokenizer(clipped, add_special_tokens=False, truncation=False)["input_ids"]


def _frame(tokenizer, body: list[int], pair: list[int] | None) -> tuple[list[int], list[int]]:
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    ids = [cls, *body, sep]
    types = [0] * len(ids)
    if pair:
        ids += [*pair, sep]
        types += [1] * (len(pair) + 1)
    return ids, types


def _pair_budget(pair: list[int] | None, config: WindowConfig) -> list[int] | None:
    if not pair:
        return None
    # The parent is context: keep its end, which is what a reply usually answers. It never takes
    # more than a third of the window, so the post itself always keeps most of the space.
    return pair[-min(config.pair_max_tokens, (config.max_length - 3) // 3) :]


def is_long(tokens: list[int], config: WindowConfig) -> bool:
    """Whether a text of these tokens (its own, not its parent's) reads the long-post head."""
    return 0 < config.long_min_tokens < len(tokens)


def head_tail(tokens: list[int], budget: int) -> list[int]:
    """Keep the first third and the last two thirds of the budget (crisis signs come late)."""
    if len(tokens) <= budget:
        return tokens
    head = budget // 3
    return tokens[:head] + tokens[len(tokens) - (budget - head) :]


def _prepared(tokenizer, texts, pairs, config: WindowConfig):
    """Per text: its tokens, its (trimmed) parent tokens, and the token budget left for the text."""
    token_lists = _token_ids(tokenizer, texts)
    for tokens, pair in zip(token_lists, _pair_tokens(tokenizer, pairs, len(texts)), strict=True):
        pair = _pair_budget(pair, config)
        yield tokens, pair, config.max_length - 2 - (len(pair) + 1 if pair else 0)


def encode_windows(
    tokenizer,
    texts: Sequence[str],
    pairs: Sequence[str | None] | None,
    config: WindowConfig,
) -> list[Window]:
    """All windows of all texts; every text yields at least one window."""
    windows: list[Window] = []
    for index, (tokens, pair, budget) in enumerate(_prepared(tokenizer, texts, pairs, config)):
        tokens = head_tail(tokens, MAX_TOKENS_PER_TEXT)
        long = is_long(tokens, config)
        for body in _slide(tokens, budget, min(config.stride, budget), config.max_windows):
            windows.append(Window(index, *_frame(tokenizer, body, pair), long=long))
        windows += _tail_window(tokenizer, index, tokens, pair, budget, config)
    return windows


def _tail_window(tokenizer, index: int, tokens: list[int], pair: list[int] | None, budget: int,
                 config: WindowConfig) -> list[Window]:
    """The extra window of a text's last ``config.tail_tokens`` tokens: none (``[]``) when the
    option is off or the text is not longer than ``config.tail_min_tokens`` or, whichever is
    shorter, than one window (the only bound when ``tail_min_tokens`` is 0)."""
    longer_than = min(config.tail_min_tokens, budget) if config.tail_min_tokens else budget
    if not 0 < config.tail_tokens < longer_than < len(tokens):
        return []
    start = len(tokens) - config.tail_tokens
    if config.tail_cut == "sentence":
        start = _sentence_start(tokenizer, tokens, start)
    return [Window(index, *_frame(tokenizer, tokens[start:], pair), tail=True,
                   long=is_long(tokens, config))]


#: Tokens that end a sentence (the tokenizer's ids for them are looked up per tokenizer).
SENTENCE_ENDS = (".", "!", "?", "…")


@functools.lru_cache(maxsize=8)
def _sentence_end_ids(tokenizer) -> frozenset[int]:
    """The tokenizer's ids of ``SENTENCE_ENDS``, looked up once per tokenizer, not per post."""
    ids = tokenizer.convert_tokens_to_ids(list(SENTENCE_ENDS))
    return frozenset(ids) - {tokenizer.unk_token_id}


def _sentence_start(tokenizer, tokens: list[int], earliest: int) -> int:
    """The first token of the earliest sentence that starts at or after ``earliest``: the tail
    then holds whole sentences only. ``earliest`` itself when the final sentence alone is
    longer than the tail (no boundary to cut at) or the tokenizer has no sentence-end tokens."""
    ends = _sentence_end_ids(tokenizer)
    for position in range(max(earliest, 1), len(tokens) - 1):
        if tokens[position - 1] in ends and tokens[position] not in ends:
            return position
    return earliest


def encode_tails(
    tokenizer,
    texts: Sequence[str],
    pairs: Sequence[str | None] | None,
    config: WindowConfig,
) -> list[Window]:
    """The tail window inference adds (``config.tail_tokens``), for the texts that get one.

    Training reads them as extra rows, so the head has seen a closing sentence on its own before
    it scores one (docs/hardcases.md, "Long posts").
    """
    return [
        window
        for index, (tokens, pair, budget) in enumerate(_prepared(tokenizer, texts, pairs, config))
        for window in _tail_window(tokenizer, index, tokens, pair, budget, config)
    ]


def encode_head_tail(
    tokenizer,
    texts: Sequence[str],
    pairs: Sequence[str | None] | None,
    config: WindowConfig,
) -> list[Window]:
    """One window per text (training): head+tail truncation to the window size."""
    return [
        Window(index, *_frame(tokenizer, head_tail(tokens, budget), pair),
               long=is_long(tokens, config))
        for index, (tokens, pair, budget) in enumerate(_prepared(tokenizer, texts, pairs, config))
    ]


def _pair_tokens(tokenizer, pairs, n: int) -> list[list[int] | None]:
    if pairs is None:
        return [None] * n
    if len(pairs) != n:
        raise ValueError(f"got {n} texts but {len(pairs)} text pairs")
    present = [i for i, p in enumerate(pairs) if p]
    out: list[list[int] | None] = [None] * n
    if present:
        ids = _token_ids(tokenizer, [pairs[i] for i in present])
        for i, tok in zip(present, ids, strict=True):
            out[i] = tok
    return out


def _slide(tokens: list[int], size: int, stride: int, max_windows: int) -> Iterator[list[int]]:
    if len(tokens) <= size:
        yield tokens
        return
    starts = list(range(0, len(tokens) - size + stride, stride))
    starts[-1] = min(starts[-1], len(tokens) - size)
    if len(starts) > max_windows:
        # Keep the opening window and the last ones: the end of a long post matters most.
        starts = [starts[0], *starts[-(max_windows - 1) :]]
    for start in starts:
        yield tokens[start : start + size]


def length_sorted_batches(windows: Sequence[Window], batch_size: int) -> list[list[int]]:
    """Batches of window positions with similar lengths, so dynamic padding wastes little."""
    order = sorted(range(len(windows)), key=lambda i: len(windows[i].input_ids))
    return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]


def collate(windows: Sequence[Window], pad_id: int) -> dict[str, torch.Tensor]:
    """Pad to the longest window in the batch (dynamic padding)."""
    width = max(len(w.input_ids) for w in windows)
    ids = torch.full((len(windows), width), pad_id, dtype=torch.long)
    types = torch.zeros((len(windows), width), dtype=torch.long)
    mask = torch.zeros((len(windows), width), dtype=torch.long)
    for row, w in enumerate(windows):
        n = len(w.input_ids)
        ids[row, :n] = torch.tensor(w.input_ids)
        types[row, :n] = torch.tensor(w.token_type_ids)
        mask[row, :n] = 1
    return {"input_ids": ids, "token_type_ids": types, "attention_mask": mask}
