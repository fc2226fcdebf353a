"""The held-out long-post counts are taken on the posts docs/hardcases.md describes
(model-free checks; the counts themselves are measured on real models in the docs)."""

from __future__ import annotations

from eval.held_out_long_posts import main, shapes
from eval.long_post_probes import DAYS
from eval.tail_calibration import long_posts


def test_the_shapes_hold_the_forty_and_forty_posts_and_then_news_only_appends() -> None:
    by_name = shapes()
    written, news = by_name["as written"], by_name["then news"]
    posts = long_posts()
    assert written == ([t for t, y in posts if y == 1], [t for t, y in posts if y == 0])
    for endings, texts in zip(by_name["ending alone"], written, strict=True):
        assert [t.endswith(e) for t, e in zip(texts, endings, strict=True)] == [True] * 40
    for plain, longer in zip(written, news, strict=True):
        assert len(plain) == len(longer) == 40
        for i, (a, b) in enumerate(zip(plain, longer, strict=True)):
            assert b.startswith(a) and b.endswith(DAYS[i % len(DAYS)].strip())


def test_usage_and_a_directory_that_is_no_model_get_a_clear_answer(tmp_path, capsys) -> None:
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err
    assert main([str(tmp_path)]) == 2
    assert "not a Haven model directory" in capsys.readouterr().err
