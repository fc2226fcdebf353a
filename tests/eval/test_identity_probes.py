"""The identity probes build the posts docs/hardcases.md counts (model-free checks)."""

from __future__ import annotations

from collections import Counter

from eval.identity_probes import BENIGN, FRAMES, GROUPS, HATEFUL, fill, main, posts
from models.taxonomy import TARGETS
from training.hardcases.leakage import shingles


def test_every_target_group_is_named_twice_and_every_frame_takes_a_group() -> None:
    assert Counter(group for group, _ in GROUPS) == {target: 2 for target in TARGETS}
    assert {kind: len(frames) for kind, frames in BENIGN.items()} == {
        "rights": 16, "praise": 16, "neutral": 16, "reported": 16}
    assert len(HATEFUL) == 32
    assert len(FRAMES) == 96 and all("{group}" in frame for frame in FRAMES)
    for frames_of_kind in [*BENIGN.values(), HATEFUL]:
        texts = posts(frames_of_kind)
        assert len(texts) == len(frames_of_kind) * len(GROUPS) == len(set(texts))


def test_a_sentence_that_opens_with_the_group_is_capitalised() -> None:
    assert fill("{group} belong here.", "trans women") == "Trans women belong here."
    assert fill("I stand with {group}.", "refugees") == "I stand with refugees."


def test_no_two_frames_share_a_run_of_five_words() -> None:
    """Distinct wordings, so a count is not one frame scored many times over."""
    seen: dict[str, str] = {}
    for frame in FRAMES:
        for run in shingles(frame.format(group="people")):
            if len(run.split()) == 5:
                assert seen.setdefault(run, frame) == frame, (run, frame)


def test_without_a_model_directory_it_is_a_usage_error(capsys) -> None:
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err
    assert main(["--help"]) == 0


def test_a_directory_that_is_no_model_gets_a_clear_answer(tmp_path, capsys) -> None:
    assert main([str(tmp_path)]) == 2
    assert "not a Haven model directory" in capsys.readouterr().err
