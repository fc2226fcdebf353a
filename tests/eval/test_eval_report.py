"""Report generation (files exist, JSON numbers match), model-card block, data loading."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import f1_score, roc_auc_score

from eval.card import EVAL_END, EVAL_START, replace_block, update_card
from eval.pipeline import evaluate, load_examples
from eval.report import write_report
from eval.suites import load_suite
from models.labelled_io import write_labelled

from eval_stubs import example, table_predictor


def dataset() -> tuple[list, dict[str, dict[str, float]]]:
    """60 rows from two sources/languages; hate scores are noisy, self_harm well separated."""
    rng = np.random.default_rng(5)
    examples, table = [], {}
    for i in range(60):
        if i % 2:
            y = int(rng.random() < 0.4)
            text = f"post {i} about muslim neighbours" if i % 4 == 1 else f"post {i}"
            ex = example(text, source="hate_corpus", language="en", hate=y, offensive=0)
            table[text] = {"hate": float(np.clip(0.5 * y + rng.normal(0.3, 0.2), 0, 1))}
        else:
            y = int(rng.random() < 0.3)
            text = f"entry {i}"
            ex = example(text, source="crisis_corpus", language="de", self_harm=y, distress=None)
            table[text] = {"self_harm": 0.8 if y else 0.2}
        examples.append(ex)
    return examples, table


@pytest.fixture
def suite_cases(tmp_path: Path):
    path = tmp_path / "s.csv"
    path.write_text(
        "case_id,functionality,text,expected,forbidden\n"
        "a1,neutral,gay couples at the bakery,,hate\n"
        "a2,neutral,muslim families next door,,hate\n"
        "a3,hateful,gay people are vermin,hate,\n",
        encoding="utf-8",
    )
    return load_suite(path)


def test_report_files_exist_and_json_numbers_match(tmp_path: Path, suite_cases) -> None:
    examples, table = dataset()
    table["gay people are vermin"] = {"hate": 0.9}
    table["gay couples at the bakery"] = {"hate": 0.7}  # a false positive: case a1 fails
    predictor = table_predictor(table, thresholds={"hate": 0.5, "self_harm": 0.5})
    results = evaluate(predictor, examples, suite_cases, data_description="unit test data")
    html = write_report(results, tmp_path / "report")
    out = tmp_path / "report"
    for name in (
        "report.html",
        "report.json",
        "pr_curves.png",
        "reliability.png",
        "routing.png",
        "functionalities.png",
        "fairness_data.png",
        "fairness_suites.png",
    ):
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    assert html == out / "report.html"
    saved = json.loads((out / "report.json").read_text())
    assert saved == results

    # Independent check of the saved numbers with scikit-learn on the annotated rows.
    hate_rows = [e for e in examples if e.labels["hate"] is not None]
    y = [e.labels["hate"] for e in hate_rows]
    s = [table[e.text]["hate"] for e in hate_rows]
    assert saved["labels"]["hate"]["n"] == 30
    assert saved["labels"]["hate"]["f1"] == pytest.approx(f1_score(y, [p >= 0.5 for p in s]))
    assert saved["labels"]["hate"]["roc_auc"] == pytest.approx(roc_auc_score(y, s))
    assert saved["labels"]["self_harm"]["f1"] == 1.0
    assert "distress" not in saved["labels"]  # annotated nowhere
    assert saved["by_source"]["crisis_corpus"]["labels"].keys() == {"self_harm"}
    assert saved["by_language"]["en"]["n"] == 30
    assert saved["data"]["sources"] == {"crisis_corpus": 30, "hate_corpus": 30}
    assert saved["suites"]["functionalities"]["hateful"]["pass_rate"] == 1.0
    assert saved["fairness"]["data"]["groups"]["religion"]["n"] == 15

    # Reports name cases by id and never reproduce post texts.
    page = html.read_text()
    assert "a1" in page
    assert not any(e.text in page for e in examples)
    assert "vermin" not in page and "vermin" not in json.dumps(saved)


def test_card_block_is_replaced_or_appended(tmp_path: Path) -> None:
    results = {
        "created": "now",
        "suites": {
            "n": 2,
            "passed": 1,
            "pass_rate": 0.5,
            "functionalities": {"negation": {"suite": "x", "n": 2, "pass_rate": 0.5}},
        },
    }
    card = tmp_path / "MODEL_CARD.md"
    card.write_text("# Card\n\nTraining notes.\n", encoding="utf-8")
    update_card(tmp_path, results)
    first = card.read_text()
    assert first.startswith("# Card\n\nTraining notes.\n")
    assert "| negation | x | 2 | 0.500 |" in first and first.count(EVAL_START) == 1
    results["suites"]["functionalities"]["negation"]["pass_rate"] = 1.0
    update_card(tmp_path, results)
    second = card.read_text()
    assert second.count(EVAL_START) == 1 and second.count(EVAL_END) == 1
    assert "| negation | x | 2 | 1.000 |" in second and "0.500 |" not in second.split("pass")[-1]
    assert (
        replace_block("a\n" + EVAL_START + "\nold\n" + EVAL_END + "\nz\n", "new")
        == "a\n" + EVAL_START + "\nnew\n" + EVAL_END + "\nz\n"
    )


def test_load_examples_caps_rows_per_source_reproducibly(tmp_path: Path) -> None:
    path = tmp_path / "val.jsonl"
    rows = [example(f"t{i}", source="big" if i < 50 else "small", hate=i % 2) for i in range(55)]
    write_labelled(rows, path)
    capped = load_examples([path], max_per_source=10)
    assert sum(e.source == "big" for e in capped) == 10
    assert sum(e.source == "small" for e in capped) == 5
    assert [e.text for e in capped] == [e.text for e in load_examples([path], max_per_source=10)]
    assert len(load_examples([path])) == 55


def test_evaluate_needs_something_to_evaluate() -> None:
    with pytest.raises(ValueError, match="nothing to evaluate"):
        evaluate(table_predictor({}), [], [])


def test_routing_holds_what_the_service_would_not_block() -> None:
    """With a language router, a post whose model has no measured block point is counted as
    held for review, exactly as the service's policy routes it."""
    from eval_stubs import StubPredictor

    from models.examples import Example

    class Routed(StubPredictor):
        def unblockable(self, language):
            return frozenset({"hate"}) if language == "ar" else frozenset()

    predictor = Routed(lambda text, pair: {"hate": 0.99})
    rows = [Example("هذا نص عربي طويل بما يكفي لكي يتعرف عليه الكاشف بسهولة", "s", "ar",
                    labels={"hate": 0}),
            Example("this is an ordinary English sentence about the weather today", "s", "en",
                    labels={"hate": 0})]
    out = evaluate(predictor, rows, [], block_thresholds={"hate": 0.9})
    assert out["routing"]["matrix"][0] == [0, 1, 1, 0]
    assert out["routing"]["false_blocks"] == 1
