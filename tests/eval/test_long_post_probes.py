"""The long-post probes build the posts docs/hardcases.md counts (model-free checks)."""

from __future__ import annotations

from eval.long_post_probes import (
    CRISIS_ENDINGS,
    DAYS,
    SAFE_ENDINGS,
    distinct,
    main,
    repeated,
)


def test_each_probe_shape_has_the_documented_size_and_ends_in_its_sentence() -> None:
    for endings in (CRISIS_ENDINGS, SAFE_ENDINGS):
        for reps in (1, 2, 4):
            posts = repeated(endings, reps)
            assert len(posts) == 12 and len(set(posts)) == 12
            assert all(post.count(DAYS[0][:40]) in (0, reps) for post in posts)
        posts = distinct(endings)
        assert len(posts) == 32 and len(set(posts)) == 32
        assert all(any(post.endswith(e) for e in endings) for post in posts)
    # Crisis and safe probes share their openings: only the last sentence differs.
    assert [p[: -len(e)] for p, e in zip(distinct(CRISIS_ENDINGS), CRISIS_ENDINGS * 8)] == \
        [p[: -len(e)] for p, e in zip(distinct(SAFE_ENDINGS), SAFE_ENDINGS * 8)]


def test_without_a_model_directory_it_is_a_usage_error(capsys) -> None:
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err


def test_help_and_a_directory_that_is_no_model_get_a_clear_answer(tmp_path, capsys) -> None:
    assert main(["--help"]) == 0
    assert "usage" in capsys.readouterr().err
    assert main([str(tmp_path)]) == 2
    assert "not a Haven model directory" in capsys.readouterr().err
