"""The referral burden: how many posts of sources with no crisis label would be referred."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from eval.card import headline_markdown, readme_markdown
from eval.compare import compare
from eval.metrics import DEFAULT_REFER_POINT, gold_matrix, referral_burden
from eval.pipeline import evaluate
from eval.report import render_html
from models.taxonomy import LABELS

from eval_stubs import example, table_predictor

ROOT = Path(__file__).resolve().parents[2]


def rows() -> tuple[list, dict[str, dict[str, float]]]:
    """Two hate corpora (no crisis label), one crisis corpus and one distress corpus."""
    examples = [
        example("hate a1", source="hate_a", hate=1),
        example("hate a2", source="hate_a", hate=0),
        example("hate a3", source="hate_a", hate=0),
        example("hate a4", source="hate_a", hate=0),
        example("insult b1", source="insults_b", harassment=1),
        example("insult b2", source="insults_b", harassment=0),
        # Annotated for a crisis label: never part of the burden, however they score.
        example("crisis c1", source="crisis_c", self_harm=1),
        example("crisis c2", source="crisis_c", self_harm=0),
        example("stress d1", source="stress_d", distress=1),
    ]
    scores = {
        "hate a1": {"self_harm": 0.9},   # over both points
        "hate a2": {"self_harm": 0.35},  # over the threshold (0.3) only
        "hate a3": {"self_harm": 0.1},
        "hate a4": {"self_harm": 0.0},
        "insult b1": {"self_harm": 0.45},  # over both
        "insult b2": {"self_harm": 0.2},
        "crisis c1": {"self_harm": 0.99},
        "crisis c2": {"self_harm": 0.99},
        "stress d1": {"self_harm": 0.99},
    }
    return examples, scores


def test_counts_only_rows_of_sources_without_crisis_labels() -> None:
    examples, table = rows()
    y = gold_matrix(examples)
    s = table_predictor(table).predict_proba([e.text for e in examples]).scores
    out = referral_burden([e.source for e in examples], y, s, threshold=0.3, refer_at=0.4)
    assert (out["n"], out["threshold"], out["refer_at"]) == (6, 0.3, 0.4)
    assert out["share_at_threshold"] == pytest.approx(3 / 6)
    assert out["share_at_refer_point"] == pytest.approx(2 / 6)
    assert set(out["by_source"]) == {"hate_a", "insults_b"}
    assert out["by_source"]["hate_a"] == {"n": 4, "share_at_threshold": 0.5,
                                          "share_at_refer_point": 0.25}
    assert out["by_source"]["insults_b"] == {"n": 2, "share_at_threshold": 0.5,
                                             "share_at_refer_point": 0.5}


def test_no_ordinary_rows_gives_an_empty_burden() -> None:
    examples = [example("crisis", source="c", self_harm=1)]
    y = gold_matrix(examples)
    out = referral_burden(["c"], y, np.ones((1, len(LABELS))), threshold=0.5)
    assert out["n"] == 0 and out["share_at_threshold"] is None and out["by_source"] == {}
    assert headline_markdown({"referral_burden": out}).count("Referral burden") == 0


def test_refer_point_is_the_default_policy_s() -> None:
    policy = yaml.safe_load((ROOT / "service/policies/default.yaml").read_text(encoding="utf-8"))
    assert policy["rules"]["self_harm"]["refer"] == DEFAULT_REFER_POINT


def test_evaluate_reports_it_in_the_card_the_html_and_compare() -> None:
    examples, table = rows()
    predictor = table_predictor(table, thresholds={"self_harm": 0.3})
    results = evaluate(predictor, examples, [])
    burden = results["referral_burden"]
    assert burden["n"] == 6 and burden["share_at_refer_point"] == pytest.approx(2 / 6)
    card = headline_markdown(results)
    assert "Referral burden: of the 6 rows" in card and "50.0 %" in card and "33.3 %" in card
    assert "<h3>Referral burden</h3>" in render_html(results, {})
    readme = readme_markdown(results, "stub 0.0", "card.md")
    assert "Ordinary posts referred (the referral burden): 33.3 % of the 6 validation rows" in readme

    # A model that refers fewer ordinary posts shows as better; the row is never gated.
    quieter = {**table, "hate a2": {"self_harm": 0.0}}
    after = evaluate(table_predictor(quieter, thresholds={"self_harm": 0.3}), examples, [])
    result = compare(results, after)
    row = next(r for r in result["rows"] if r["key"] == "referral_burden.share_at_threshold")
    assert row["status"] == "better" and row["gated"] is False
    worse = compare(after, results)
    row = next(r for r in worse["rows"] if r["key"] == "referral_burden.share_at_threshold")
    assert row["status"] == "worse" and not worse["regressions"]
