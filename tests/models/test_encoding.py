"""Long posts are scored in windows, with the end of the post always covered."""

from __future__ import annotations

from models.artifact import WindowConfig
from models.encoding import collate, encode_head_tail, encode_tails, encode_windows, head_tail


class FakeTokenizer:
    cls_token_id, sep_token_id, pad_token_id = 101, 102, 0

    def __call__(self, texts, add_special_tokens=False, truncation=False):
        return {"input_ids": [[int(w) for w in t.split()] for t in texts]}


def test_short_text_is_one_window_with_special_tokens():
    windows = encode_windows(FakeTokenizer(), ["5 6 7"], None, WindowConfig(max_length=16))
    assert [w.input_ids for w in windows] == [[101, 5, 6, 7, 102]]


def test_long_text_windows_cover_start_and_end_and_respect_the_cap():
    text = " ".join(str(i) for i in range(1000, 1400))  # 400 tokens
    config = WindowConfig(max_length=34, stride=24, max_windows=4)
    windows = encode_windows(FakeTokenizer(), [text], None, config)
    assert len(windows) == 4
    assert all(len(w.input_ids) <= 34 for w in windows)
    assert windows[0].input_ids[1] == 1000  # the opening is kept...
    assert windows[-1].input_ids[-2] == 1399  # ...and so is the very end (crisis signs come late)


def test_tail_window_reads_the_end_of_a_long_text_alone_and_only_when_asked():
    text = " ".join(str(i) for i in range(1000, 1100))  # 100 tokens, several windows of 34
    plain = encode_windows(FakeTokenizer(), [text], None, WindowConfig(max_length=34, stride=24))
    tailed = encode_windows(FakeTokenizer(), [text, "5 6 7"], None,
                            WindowConfig(max_length=34, stride=24, tail_tokens=8))
    assert [w.input_ids for w in tailed[:len(plain)]] == [w.input_ids for w in plain]
    assert tailed[len(plain)].index == 0
    assert tailed[len(plain)].input_ids == [101, *range(1092, 1100), 102]
    # a text that fits in one window gets no extra window
    assert [w.input_ids for w in tailed[len(plain) + 1:]] == [[101, 5, 6, 7, 102]]


def test_tail_min_tokens_adds_the_tail_window_to_texts_shorter_than_a_window():
    config = WindowConfig(max_length=34, stride=24, tail_tokens=8, tail_min_tokens=20)
    text = " ".join(str(i) for i in range(1000, 1025))  # 25 tokens: one window, over 20
    whole, tail = encode_windows(FakeTokenizer(), [text], None, config)
    assert whole.input_ids == [101, *range(1000, 1025), 102]
    assert tail.input_ids == [101, *range(1017, 1025), 102]
    # not longer than tail_min_tokens: no tail window
    assert len(encode_windows(FakeTokenizer(), [" ".join(["5"] * 20)], None, config)) == 1


def test_encode_tails_gives_the_tail_windows_inference_adds_and_nothing_else():
    text = " ".join(str(i) for i in range(1000, 1100))
    config = WindowConfig(max_length=34, stride=24, tail_tokens=8)
    inference = encode_windows(FakeTokenizer(), ["5 6 7", text], ["8 9", "8 9"], config)
    (tail,) = encode_tails(FakeTokenizer(), ["5 6 7", text], ["8 9", "8 9"], config)
    assert tail == inference[-1] and tail.index == 1
    assert encode_tails(FakeTokenizer(), [text], None, WindowConfig(max_length=34)) == []


def test_pair_is_second_segment_and_keeps_its_end():
    config = WindowConfig(max_length=16, pair_max_tokens=3)
    (window,) = encode_windows(FakeTokenizer(), ["5 6"], ["7 8 9 10 11"], config)
    assert window.input_ids == [101, 5, 6, 102, 9, 10, 11, 102]
    assert window.token_type_ids == [0, 0, 0, 0, 1, 1, 1, 1]


def test_head_tail_keeps_a_third_head_and_the_rest_tail():
    assert head_tail(list(range(10)), 6) == [0, 1, 6, 7, 8, 9]
    (w,) = encode_head_tail(FakeTokenizer(), [" ".join(map(str, range(200, 260)))], None,
                            WindowConfig(max_length=12))
    assert w.input_ids[1:4] == [200, 201, 202] and w.input_ids[-2] == 259


def test_collate_pads_to_longest_in_batch():
    windows = encode_windows(FakeTokenizer(), ["5", "5 6 7 8"], None, WindowConfig(max_length=16))
    batch = collate(windows, pad_id=0)
    assert batch["input_ids"].shape == (2, 6)
    assert batch["attention_mask"].sum().item() == 3 + 6


class SentenceTokenizer(FakeTokenizer):
    """Token 9 is a full stop."""

    unk_token_id = 100

    def convert_tokens_to_ids(self, tokens):
        return [9 if t == "." else 100 for t in tokens]


def test_a_sentence_tail_starts_at_the_first_whole_sentence_inside_the_last_tokens():
    config = WindowConfig(max_length=34, stride=24, tail_tokens=8, tail_min_tokens=12,
                          tail_cut="sentence")
    # ... 20 21 22 . 30 31 32 33 . 40 41 42 .  : the last 8 tokens start mid-sentence (31)
    text = "5 6 7 8 9 20 21 22 9 30 31 32 33 9 40 41 42 9"
    *_, tail = encode_windows(SentenceTokenizer(), [text], None, config)
    assert tail.tail and tail.input_ids == [101, 40, 41, 42, 9, 102]
    # a final sentence longer than the tail: the last 8 tokens, as with tail_cut "tokens"
    text = "5 6 7 9 " + " ".join(str(i) for i in range(20, 40))
    *_, tail = encode_windows(SentenceTokenizer(), [text], None, config)
    assert tail.input_ids == [101, *range(32, 40), 102]
