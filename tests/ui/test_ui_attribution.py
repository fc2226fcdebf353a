"""Word-occlusion highlights: the algorithm, the endpoint, batching and caching."""

from __future__ import annotations

import asyncio

import numpy as np
from ui_fakes import BrokenPredictor, KeywordPredictor

from service.inference import InferenceEngine
from service.ui.attribution import (
    MAX_WORDS,
    AttributionCache,
    explain,
    occluded,
    segments_for,
    word_spans,
)


def test_segments_rebuild_the_exact_text_with_levels():
    text = "  I want\tto end 🌧 it all\n"
    spans, truncated = word_spans(text)
    assert not truncated and [text[a:b] for a, b in spans] == \
        ["I", "want", "to", "end", "🌧", "it", "all"]
    assert occluded("a b c", word_spans("a b c")[0]) == [" b c", "a  c", "a b "]
    drops = np.array([0.0, 0.01, 0.0, 0.9, 0.0, 0.45, 0.3])
    segments = segments_for(text, spans, drops)
    assert "".join(s.text for s in segments) == text
    levels = {s.text: s.level for s in segments if s.text.strip()}
    assert levels == {"I": 0, "want": 0, "to": 0, "end": 4, "🌧": 0, "it": 2, "all": 2}


def test_weak_drops_are_not_painted_bright():
    spans, _ = word_spans("a b")
    segments = segments_for("a b", spans, np.array([0.03, 0.0]))
    assert segments[0].level == 2  # 0.03 of a 0.1 floor, not 4 of 4 for being the strongest


def test_explain_finds_the_phrase_in_one_batch():
    predictor = KeywordPredictor()
    engine = InferenceEngine(predictor)
    try:
        text = "tonight I just want to end it all, really"
        result = asyncio.run(explain(engine, text, None, ["self_harm"]))
    finally:
        engine.close()
    assert predictor.calls == [1 + len(text.split())]  # the text and every variant, one call
    assert result.top_label == "self_harm" and abs(result.base["self_harm"] - 0.93) < 1e-6
    marked = {s.text for s in result.segments["self_harm"] if s.level}
    assert marked == {"end", "it", "all,"}
    assert not any(s.level for s in result.segments["hate"])


def test_explain_caps_long_posts():
    predictor = KeywordPredictor()
    engine = InferenceEngine(predictor, batch_size=64)
    try:
        text = "end it all " + "filler " * 300
        result = asyncio.run(explain(engine, text, None, ["self_harm"]))
    finally:
        engine.close()
    assert predictor.calls == [MAX_WORDS + 1]
    assert result.truncated and result.words_analysed == MAX_WORDS
    assert "".join(s.text for s in result.segments["self_harm"]) == text


def test_cache_is_lru_and_keyed_by_model_version():
    engine = InferenceEngine(KeywordPredictor())
    try:
        cache = AttributionCache(max_items=2)
        result = asyncio.run(explain(engine, "end it all", None, []))
        for item in ("a", "b"):
            cache.put(cache.key(item, engine), result)
        assert cache.get(cache.key("a", engine)) is result  # a is now most recent
        cache.put(cache.key("c", engine), result)
        assert cache.get(cache.key("b", engine)) is None and len(cache) == 2
        newer = KeywordPredictor()
        newer.version = "test-2"
        engine.set_predictor(newer)
        assert cache.get(cache.key("a", engine)) is None  # a new model invalidates
        assert AttributionCache.key("a", InferenceEngine(None)) is None
    finally:
        engine.close()


def test_endpoint_computes_once_then_serves_the_cache(ui):
    client = ui.key("platform")
    item_id = ui.moderate(client, {"id": "c", "text": "I want to end it all"})["c"]["review_id"]
    moderator = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    calls_before = len(ui.predictor.calls)
    first = moderator.get(f"/ui/items/{item_id}/attribution")
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["label"] == "self_harm" and body["model"] == {"name": "ui-fake",
                                                             "version": "test-1"}
    segments = body["labels"]["self_harm"]["segments"]
    assert "".join(text for text, _level, _drop in segments) == "I want to end it all"
    assert [text for text, level, _drop in segments if level] == ["end", "it", "all"]
    assert moderator.get(f"/ui/items/{item_id}/attribution").json() == body
    assert len(ui.predictor.calls) == calls_before + 1
    # The item page now renders the cached highlights without JavaScript.
    page = moderator.get(f"/ui/items/{item_id}").text
    assert '<mark class="hl-4" title="self_harm score drops by 0.92 without this word">end</mark>' \
        in page
    other_label = moderator.get(f"/ui/items/{item_id}?explain=1&label=hate").text
    assert "Marked words lower the <strong>hate</strong> score" in other_label
    assert "<mark" not in other_label.split('id="post-text"')[1].split("</div>")[0]


def test_item_page_without_javascript_can_ask_for_highlights(ui):
    client = ui.key("platform")
    item_id = ui.moderate(client, {"id": "c", "text": "you idiot"})["c"]["review_id"]
    moderator = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    plain = moderator.get(f"/ui/items/{item_id}").text
    assert "<mark" not in plain and "computed by the model on request" in plain
    explained = moderator.get(f"/ui/items/{item_id}?explain=1").text
    assert '<mark class="hl-4"' in explained and ">idiot</mark>" in explained


def test_model_failure_is_reported_not_raised(make_ui):
    ui = make_ui(BrokenPredictor())
    client = ui.key("platform")
    # The model fails, so moderation fails safe: the post is held for review.
    item_id = ui.moderate(client, {"id": "p", "text": "anything"})["p"]["review_id"]
    moderator = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    response = moderator.get(f"/ui/items/{item_id}/attribution")
    assert response.status_code == 503 and "Highlights unavailable" in response.json()["error"]
    page = moderator.get(f"/ui/items/{item_id}?explain=1")
    assert page.status_code == 200 and "Highlights unavailable" in page.text
