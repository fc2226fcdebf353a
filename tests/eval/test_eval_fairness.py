"""Jigsaw bias AUCs and the identity lexicon, against hand-computed cases."""

from __future__ import annotations

import numpy as np
import pytest

from eval.fairness import IdentityTagger, bias_aucs, fairness_metrics, generalized_mean

Y = np.array([1, 0, 1, 0, 1, 0, 0, 1])
S = np.array([0.8, 0.9, 0.6, 0.2, 0.7, 0.3, 0.1, 0.95])
IN_GROUP = np.array([True] * 4 + [False] * 4)


def test_bias_aucs_by_hand() -> None:
    out = bias_aucs(Y, S, IN_GROUP)
    assert out["subgroup_auc"] == pytest.approx(2 / 4)  # {.8,.6} vs {.9,.2}
    assert out["bpsn_auc"] == pytest.approx(3 / 4)  # background {.7,.95} vs subgroup {.9,.2}
    assert out["bnsp_auc"] == pytest.approx(1.0)  # subgroup {.8,.6} vs background {.3,.1}


def test_bias_aucs_undefined_without_both_classes() -> None:
    out = bias_aucs(np.array([0, 0, 1]), np.array([0.1, 0.2, 0.9]), np.array([True, True, False]))
    assert out["subgroup_auc"] is None and out["bnsp_auc"] is None
    assert out["bpsn_auc"] == 1.0


def test_generalized_mean_is_pulled_to_the_worst_group() -> None:
    assert generalized_mean([1.0, 0.5]) == pytest.approx(16.5**-0.2)
    assert generalized_mean([0.9, 0.9]) == pytest.approx(0.9)
    assert generalized_mean([1.0, 0.5]) < 0.75  # below the arithmetic mean
    assert generalized_mean([0.8, 0.0]) == 0.0
    assert generalized_mean([]) is None


def test_tagger_matches_whole_words_plurals_and_hyphenated_forms() -> None:
    tagger = IdentityTagger(
        {
            "religion": ["muslim", "islam"],
            "gender": ["men", "women"],
            "race_ethnicity": ["native american"],
        }
    )
    assert tagger.tag("Anti-Muslim graffiti again") == {"religion"}
    assert tagger.tag("Muslims in my town") == {"religion"}
    assert tagger.tag("We flew to Islamabad") == set()
    assert tagger.tag("the menu was great") == set()
    assert tagger.tag("Native American history month, women's group") == {
        "race_ethnicity",
        "gender",
    }
    with pytest.raises(ValueError, match="unknown groups"):
        IdentityTagger({"hobbies": ["chess"]})


def test_fairness_metrics_end_to_end_with_unannotated_rows() -> None:
    texts = ["gay"] * 4 + ["other"] * 4 + ["gay"]
    y = np.append(Y.astype(float), np.nan)  # last row not annotated: must be ignored
    s = np.append(S, 0.99)
    out = fairness_metrics(
        texts, y, s, 0.5, IdentityTagger({"sexual_orientation_gender_identity": ["gay"]})
    )
    group = out["groups"]["sexual_orientation_gender_identity"]
    assert (group["n"], group["positives"], group["negatives"]) == (4, 2, 2)
    assert group["fpr"] == pytest.approx(1 / 2)  # 0.9 flagged, 0.2 not
    assert group["subgroup_auc"] == pytest.approx(0.5)
    assert out["n"] == 8
    assert out["generalized_mean"]["bpsn_auc"] == pytest.approx(0.75)
    expected_final = 0.25 * (out["overall_auc"] + 0.5 + 0.75 + 1.0)
    assert out["final_score"] == pytest.approx(expected_final)


def test_default_lexicon_covers_every_target_group() -> None:
    from models.taxonomy import TARGETS

    assert IdentityTagger.from_yaml().groups == TARGETS
