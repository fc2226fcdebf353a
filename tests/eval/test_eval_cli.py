"""`haven eval`, `haven eval calibrate` and the `haven eval compare` gate's exit codes."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import numpy as np
import pytest

import eval.cli
import haven_cli
from models.artifact import read_thresholds
from models.calibration import read_calibration
from models.labelled_io import write_labelled

from eval_stubs import StubPredictor, example


def scores_for(text: str, pair: str | None) -> dict[str, float]:
    """Deterministic, imperfect scores keyed on the row number in the text."""
    i = int(text.split()[-1])
    return {"hate": ((i * 37) % 100) / 100, "self_harm": ((i * 53) % 100) / 100}


@pytest.fixture
def loads() -> list[bool]:
    """``apply_calibration`` of every model load the CLI makes."""
    return []


@pytest.fixture
def model_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loads: list[bool]) -> Path:
    """A model directory whose "model" is a stub; records how the CLI asked to load it."""
    path = tmp_path / "model"
    path.mkdir()

    def fake_load(p: str, *, device: str | None, apply_calibration: bool) -> StubPredictor:
        loads.append(apply_calibration)
        return StubPredictor(scores_for, thresholds=read_thresholds(Path(p)))

    monkeypatch.setattr(eval.cli, "load_predictor", fake_load)
    return path


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    rng = np.random.default_rng(0)
    rows = []
    for i in range(300):
        text = f"row about women {i}" if i % 5 == 0 else f"row {i}"
        hate_score, sh_score = scores_for(text, None)["hate"], scores_for(text, None)["self_harm"]
        rows.append(
            example(
                text,
                source="a" if i % 2 else "b",
                hate=int(rng.random() < 0.2 + 0.6 * hate_score),
                self_harm=int(rng.random() < sh_score**2),
            )
        )
    path = tmp_path / "val.jsonl"
    write_labelled(rows, path)
    return path


@pytest.fixture
def suite_file(tmp_path: Path) -> Path:
    path = tmp_path / "suite.csv"
    path.write_text(
        "case_id,functionality,text,expected,forbidden\n"
        "s1,f,case 4,,self_harm\ns2,f,case 1,self_harm,\ns3,g,case 5,hate,\n",
        encoding="utf-8",
    )
    return path


def run(*argv: str) -> int:
    return haven_cli.main(["eval", *argv])


def test_eval_writes_report_and_updates_card(
    model_dir: Path, data_file: Path, suite_file: Path, tmp_path: Path, capsys, loads: list[bool]
) -> None:
    out = tmp_path / "report"
    code = run(
        "--model",
        str(model_dir),
        "--data",
        str(data_file),
        "--suite",
        str(suite_file),
        "--out",
        str(out),
        "--update-card",
        "--batch-size",
        "8",
    )
    assert code == 0
    results = json.loads((out / "report.json").read_text())
    assert results["data"]["n"] == 300 and results["suites"]["n"] == 3
    assert loads == [True]  # evaluation uses the calibrated model, as shipped
    assert "haven:eval:start" in (model_dir / "MODEL_CARD.md").read_text()
    printed = capsys.readouterr().out
    assert "suites: " in printed and "row " not in printed  # no post text on the terminal


def test_eval_on_a_training_run(model_dir: Path, data_file: Path, tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / "validation.jsonl").write_bytes(data_file.read_bytes())
    assert (
        run(
            "--model",
            str(model_dir),
            "--run",
            str(run_dir),
            "--no-suites",
            "--out",
            str(tmp_path / "r"),
            "--max-per-source",
            "40",
        )
        == 0
    )
    results = json.loads((tmp_path / "r" / "report.json").read_text())
    assert results["data"]["n"] == 80 and "suites" not in results
    assert "validation split of" in results["data"]["description"]


@pytest.mark.parametrize(
    "argv",
    [
        ["--data", "x.jsonl", "--out", "r"],  # no --model
        ["--model", "MODEL", "--data", "DATA", "--run", "RUN", "--out", "r"],  # both sources
        ["--model", "MODEL", "--data", "missing.jsonl", "--out", "r"],
        ["--model", "MODEL", "--run", "no-such-run", "--out", "r"],
        ["--model", "MODEL", "--data", "DATA"],  # no --out
    ],
)
def test_eval_usage_errors_exit_2(argv: list[str], model_dir: Path, data_file: Path) -> None:
    argv = [str(model_dir) if a == "MODEL" else str(data_file) if a == "DATA" else a for a in argv]
    assert run(*argv) == 2


class _HashEncoder:
    """A stand-in sentence encoder (the real one is a 30 MB package): hash-seeded vectors."""

    name = "test-hash"
    dim = 8

    def encode(self, texts):
        import hashlib

        rows = [np.random.default_rng(int.from_bytes(hashlib.sha256(t.encode()).digest()[:4],
                                                     "big")).normal(size=self.dim)
                for t in texts]
        return np.array(rows, np.float32).reshape(len(texts), self.dim)


@pytest.fixture
def multilingual_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A per-language model serving Arabic, on the stand-in encoder."""
    import models.multilingual as ml
    from models.taxonomy import LABELS, TARGETS

    monkeypatch.setitem(ml.ENCODERS, _HashEncoder.name, _HashEncoder)
    dim = _HashEncoder.dim
    heads = ml.Heads(np.zeros((dim, len(LABELS)), np.float32), np.zeros(len(LABELS), np.float32),
                     np.zeros((dim, len(TARGETS)), np.float32), np.zeros(len(TARGETS), np.float32))
    config = ml.MultilingualConfig(
        name="test-ml", version="0.0.1", languages=["ar"],
        encoder=ml.EncoderConfig(name=_HashEncoder.name, package="none", dim=dim))
    return ml.MultilingualClassifier(config, heads).save_pretrained(tmp_path / "ml")


def test_eval_scores_like_the_service_with_the_per_language_model(
    model_dir: Path, data_file: Path, multilingual_dir: Path, tmp_path: Path
) -> None:
    pytest.importorskip("py3langid", reason="language detection needs py3langid")
    rows = [example(f"row {i}", source="b", hate=i % 2) for i in range(40)]
    # Arabic posts: the stub default model cannot score these (no row number), so the run only
    # succeeds if every one of them went to the per-language model.
    rows += [example(f"رقم {i} هذه رسالة عربية طويلة بما يكفي للكشف عن اللغة", source="ar",
                     language="ar", hate=i % 2) for i in range(30)]
    path = tmp_path / "mixed.jsonl"
    write_labelled(rows, path)
    out = tmp_path / "report"
    code = run("--model", str(model_dir), "--data", str(path), "--no-suites",
               "--multilingual", str(multilingual_dir), "--out", str(out))
    assert code == 0
    results = json.loads((out / "report.json").read_text())
    assert results["model"]["name"].endswith("+test-ml[ar]")
    assert set(results["by_language"]) >= {"ar"}


def test_eval_multilingual_usage_errors_exit_2(
    model_dir: Path, data_file: Path, multilingual_dir: Path, tmp_path: Path
) -> None:
    base = ["--model", str(model_dir), "--data", str(data_file), "--no-suites",
            "--out", str(tmp_path / "r")]
    assert run(*base, "--multilingual", str(tmp_path / "missing")) == 2
    # The card describes the model directory alone, not the routed pair.
    assert run(*base, "--multilingual", str(multilingual_dir), "--update-card") == 2


def test_calibrate_writes_files_the_loader_reads(
    model_dir: Path, data_file: Path, tmp_path: Path, capsys, loads: list[bool]
) -> None:
    targets = tmp_path / "targets.yaml"
    targets.write_text(
        "min_positives: 10\nlabels:\n"
        "  self_harm: {review: {recall: 0.9}}\n"
        "  hate: {review: {recall: 0.8}, block: {precision: 0.9}}\n"
    )
    assert (
        run(
            "calibrate",
            "--model",
            str(model_dir),
            "--data",
            str(data_file),
            "--targets",
            str(targets),
        )
        == 0
    )
    assert loads == [False]  # fitted on raw probabilities
    doc = json.loads((model_dir / "thresholds.json").read_text())
    thresholds = read_thresholds(model_dir)
    assert thresholds["self_harm"] == doc["operating_points"]["self_harm"]["review"]["threshold"]
    assert doc["operating_points"]["self_harm"]["review"]["recall"] >= 0.9
    assert set(doc["operating_points"]["hate"]) == {"review", "block"}
    assert thresholds["distress"] == 0.5
    assert str(data_file) in doc["calibrated_on"]
    calibration = read_calibration(model_dir)
    assert calibration["method"] == "temperature"
    assert {"hate", "self_harm"} <= set(calibration["labels"])
    assert "self_harm" in capsys.readouterr().out

    assert (
        run(
            "calibrate",
            "--model",
            str(model_dir),
            "--data",
            str(data_file),
            "--targets",
            str(targets),
            "--method",
            "none",
        )
        == 0
    )
    assert not (model_dir / "calibration.json").exists()


def test_calibrate_with_an_audit_fits_on_the_audited_labels(
    model_dir: Path, data_file: Path, tmp_path: Path, capsys
) -> None:
    """--audit: the same thresholds as calibrating on data relabelled by hand with the audit's
    verdicts (unclear rows left out), and calibrated_on says the audit fixed them."""
    from eval.pipeline import load_examples
    from models.examples import text_key

    targets = tmp_path / "targets.yaml"
    targets.write_text("min_positives: 5\nlabels:\n  self_harm: {review: {recall: 0.9}}\n")
    rows = load_examples([data_file])
    audit, relabelled = ["text_key,source,label,audited"], []
    for i, e in enumerate(rows):
        verdict = {0: "0", 1: "unclear"}.get(i % 7)  # every 7th turned down, every 7th unclear
        if verdict is not None:
            audit.append(f"{text_key(e.text)},{e.source},self_harm,{verdict}")
        labels = dict(e.labels)
        if verdict == "unclear":
            labels["self_harm"] = None
        elif verdict == "0":
            labels["self_harm"] = 0
        relabelled.append(example(e.text, source=e.source, **labels))
    audit_file = tmp_path / "audit.csv"
    audit_file.write_text("\n".join(audit) + "\n")
    by_hand = tmp_path / "relabelled.jsonl"
    write_labelled(relabelled, by_hand)
    base = ["calibrate", "--model", str(model_dir), "--targets", str(targets), "--method", "none"]
    assert run(*base, "--data", str(data_file)) == 0
    gold = read_thresholds(model_dir)["self_harm"]
    assert run(*base, "--data", str(by_hand)) == 0
    expected = read_thresholds(model_dir)["self_harm"]
    assert expected != gold  # the audit moves this threshold
    assert run(*base, "--data", str(data_file), "--audit", str(audit_file)) == 0
    assert read_thresholds(model_dir)["self_harm"] == expected
    doc = json.loads((model_dir / "thresholds.json").read_text())
    assert "self_harm from audit" in doc["calibrated_on"]
    assert "unclear left out" in doc["calibrated_on"]
    assert "self_harm from audit" in capsys.readouterr().out
    # An audit of other posts, or not an audit at all: a usage error, nothing written over.
    other = tmp_path / "other.csv"
    other.write_text("text_key,source,label,audited\nffffffffffff,a,self_harm,1\n")
    assert run(*base, "--data", str(data_file), "--audit", str(other)) == 2
    assert run(*base, "--data", str(data_file), "--audit", str(data_file)) == 2
    assert run(*base, "--data", str(data_file), "--audit", str(tmp_path / "missing.csv")) == 2
    assert read_thresholds(model_dir)["self_harm"] == expected


def test_calibrate_dry_run_writes_nothing(model_dir: Path, data_file: Path) -> None:
    assert run("calibrate", "--model", str(model_dir), "--data", str(data_file), "--dry-run") == 0
    assert not (model_dir / "thresholds.json").exists()


# --- compare ---------------------------------------------------------------------------------


@pytest.fixture
def baseline(model_dir: Path, data_file: Path, suite_file: Path, tmp_path: Path) -> Path:
    out = tmp_path / "old"
    assert (
        run(
            "--model",
            str(model_dir),
            "--data",
            str(data_file),
            "--suite",
            str(suite_file),
            "--out",
            str(out),
        )
        == 0
    )
    return out


def _variant(baseline: Path, tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    results = copy.deepcopy(json.loads((baseline / "report.json").read_text()))
    edit(results)
    path = tmp_path / "new.json"
    path.write_text(json.dumps(results))
    return path


def test_compare_identical_is_ok(baseline: Path, capsys) -> None:
    assert run("compare", str(baseline), str(baseline / "report.json")) == 0
    assert "no regression" in capsys.readouterr().out


def test_compare_flags_a_label_regression(baseline: Path, tmp_path: Path, capsys) -> None:
    def worse(r: dict) -> None:
        r["labels"]["hate"]["pr_auc"] -= 0.05

    new = _variant(baseline, tmp_path, worse)
    assert run("compare", str(baseline), str(new)) == 1
    assert "labels.hate.pr_auc" in capsys.readouterr().out
    assert run("compare", str(baseline), str(new), "--tolerance", "0.06") == 0


def test_compare_flags_suite_and_fairness_regressions(baseline: Path, tmp_path: Path) -> None:
    def broken_case(r: dict) -> None:
        func = r["suites"]["functionalities"]["f"]
        func["pass_rate"] -= 0.5

    assert run("compare", str(baseline), str(_variant(baseline, tmp_path, broken_case))) == 1

    def more_false_positives(r: dict) -> None:
        r["fairness"]["data"]["groups"]["gender"]["fpr"] += 0.2  # lower is better

    assert (
        run("compare", str(baseline), str(_variant(baseline, tmp_path, more_false_positives))) == 1
    )

    def better(r: dict) -> None:
        r["labels"]["hate"]["roc_auc"] += 0.05
        r["fairness"]["data"]["groups"]["gender"]["fpr"] = 0.0

    assert run("compare", str(baseline), str(_variant(baseline, tmp_path, better))) == 0


def test_compare_missing_gated_number_fails_and_ungated_drop_passes(
    baseline: Path, tmp_path: Path
) -> None:
    def dropped_suites(r: dict) -> None:
        del r["suites"]

    assert run("compare", str(baseline), str(_variant(baseline, tmp_path, dropped_suites))) == 1

    def precision_traded(r: dict) -> None:
        r["labels"]["hate"]["precision"] -= 0.2  # threshold trade-offs are shown, not gated

    assert run("compare", str(baseline), str(_variant(baseline, tmp_path, precision_traded))) == 0


def test_compare_reports_broken_cases_and_writes_json(baseline: Path, tmp_path: Path) -> None:
    old = json.loads((baseline / "report.json").read_text())
    passing = [c for c, v in old["suites"]["cases"].items() if v["passed"]]
    assert passing

    def break_one(r: dict) -> None:
        r["suites"]["cases"][passing[0]]["passed"] = False

    out = tmp_path / "cmp.json"
    assert (
        run(
            "compare",
            str(baseline),
            str(_variant(baseline, tmp_path, break_one)),
            "--json",
            str(out),
        )
        == 0
    )  # pass rates unchanged in this edit
    assert json.loads(out.read_text())["broken_cases"] == [passing[0]]


def test_compare_against_several_old_runs_takes_the_worst_of_them(
    baseline: Path, tmp_path: Path, capsys
) -> None:
    """A drop that another run of the old recipe also shows is within the recipe's spread; a
    drop beyond every old run is still a regression, on higher- and lower-is-better numbers."""
    old = json.loads((baseline / "report.json").read_text())
    passing = [c for c, v in old["suites"]["cases"].items() if v["passed"]]

    def rerun(r: dict) -> None:  # another seed: lower hate PR-AUC, more FPR, one case lost
        r["labels"]["hate"]["pr_auc"] -= 0.05
        r["fairness"]["data"]["groups"]["gender"]["fpr"] += 0.2
        r["suites"]["cases"][passing[0]]["passed"] = False

    other = tmp_path / "seed2"
    other.mkdir()
    _variant(baseline, other, rerun)

    def candidate(r: dict) -> None:
        rerun(r)
        r["labels"]["hate"]["roc_auc"] -= 0.05  # no old run is this low

    new = _variant(baseline, tmp_path, candidate)
    cmp_json = tmp_path / "cmp.json"
    assert run("compare", str(baseline), str(new), "--json", str(cmp_json)) == 1
    alone = json.loads(cmp_json.read_text())
    assert {"labels.hate.pr_auc", "fairness.data.gender.fpr",
            "labels.hate.roc_auc"} <= set(alone["regressions"])
    assert alone["broken_cases"] == [passing[0]]
    capsys.readouterr()
    assert run("compare", str(baseline), str(new), "--also-old", str(other / "new.json"),
               "--json", str(cmp_json)) == 1
    assert "the worst of 2 runs" in capsys.readouterr().out
    both = json.loads(cmp_json.read_text())
    assert both["regressions"] == ["labels.hate.roc_auc"]
    assert both["broken_cases"] == [] and both["old_runs"] == 2

    def fixed_rerun(r: dict) -> None:
        rerun(r)
        r["labels"]["hate"]["roc_auc"] -= 0.05

    _variant(baseline, other, fixed_rerun)
    assert run("compare", str(baseline), str(new), "--also-old", str(other / "new.json")) == 0
    assert run("compare", str(baseline), str(new), "--also-old", str(tmp_path / "nope")) == 2


def test_compare_usage_errors_exit_2(baseline: Path, tmp_path: Path) -> None:
    assert run("compare", str(baseline), str(tmp_path / "missing.json")) == 2
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"labels": {}}))
    assert run("compare", str(baseline), str(other)) == 2
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json")
    assert run("compare", str(garbage), str(baseline)) == 2
    assert run("compare", str(baseline), str(baseline), "--tolerance", "-1") == 2
    with pytest.raises(SystemExit) as exc:
        run("compare", str(baseline))  # argparse: missing NEW
    assert exc.value.code == 2


def test_compare_by_source_gates_well_supported_slices_only() -> None:
    from eval.compare import compare
    from eval.pipeline import RESULTS_SCHEMA

    def results(big_auc: float, big_macro: float, small_auc: float) -> dict:
        return {"schema": RESULTS_SCHEMA, "by_source": {
            "big": {"labels": {"hate": {"n": 400, "support": 100, "roc_auc": big_auc,
                                        "macro_f1": big_macro}}},
            "small": {"labels": {"hate": {"n": 400, "support": 8, "roc_auc": small_auc,
                                          "macro_f1": 0.5}}}}}

    old = results(0.90, 0.80, 0.90)
    assert compare(old, results(0.90, 0.80, 0.50))["regressions"] == []  # not gated by default
    gated = compare(old, results(0.85, 0.80, 0.50), by_source=True)
    # The 8-positive slice is shown but not gated; the 100-positive one is.
    assert gated["regressions"] == ["by_source.big.hate.roc_auc"]
    rows = {r["key"]: r for r in gated["rows"]}
    assert rows["by_source.small.hate.roc_auc"]["gated"] is False
    assert compare(old, results(0.90, 0.75, 0.90), by_source=True)["regressions"] == [
        "by_source.big.hate.macro_f1"]
    assert compare(old, results(0.85, 0.80, 0.90), by_source=True, min_support=200)[
        "regressions"] == []


def test_label_metrics_include_macro_f1() -> None:
    import numpy as np

    from eval.metrics import binary_metrics

    m = binary_metrics(np.array([1, 1, 0, 0]), np.array([0.9, 0.2, 0.1, 0.6]), 0.5)
    # One TP, one FN, one FP, one TN: F1 of each class is 0.5.
    assert m["f1"] == 0.5 and m["macro_f1"] == 0.5
    assert binary_metrics(np.array([0, 0]), np.array([0.1, 0.2]), 0.5)["macro_f1"] is None


def test_compare_writes_before_after_tables_into_the_card(
    baseline: Path, tmp_path: Path, capsys
) -> None:
    def better(r: dict) -> None:
        r["labels"]["hate"]["roc_auc"] += 0.05
        r["suites"]["functionalities"]["f"]["pass_rate"] = 1.0

    new = _variant(baseline, tmp_path, better)
    model_dir = tmp_path / "card-model"
    model_dir.mkdir()
    (model_dir / "MODEL_CARD.md").write_text("# Card\n\nkept text\n")
    assert run("compare", str(baseline), str(new), "--update-card", str(model_dir)) == 0
    card = (model_dir / "MODEL_CARD.md").read_text()
    assert card.startswith("# Card\n\nkept text\n")
    block = card.split("<!-- haven:compare:start -->")[1].split("<!-- haven:compare:end -->")[0]
    hate = next(line for line in block.splitlines() if line.startswith("| hate |"))
    assert "+0.050" in hate
    assert "| f |" in block and "found no regression" in block
    # A second run replaces the block instead of appending another.
    assert run("compare", str(baseline), str(new), "--update-card", str(model_dir)) == 0
    assert (model_dir / "MODEL_CARD.md").read_text().count("haven:compare:start") == 1
    # Against several old runs, the card says its old column is the worst of them.
    assert run("compare", str(baseline), str(new), "--also-old", str(baseline),
               "--update-card", str(model_dir)) == 0
    assert "(the worst of 2 runs)" in (model_dir / "MODEL_CARD.md").read_text()


def test_eval_writes_the_readme_summary_between_its_markers(
    model_dir: Path, data_file: Path, suite_file: Path, tmp_path: Path
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Project\n\n## The shipped model\n\n<!-- haven:readme-model:start -->\n"
                      "old\n<!-- haven:readme-model:end -->\n\n## Next\n")
    args = ("--model", str(model_dir), "--data", str(data_file), "--suite", str(suite_file),
            "--out", str(tmp_path / "report"), "--batch-size", "8")
    assert run(*args, "--update-readme", str(readme)) == 0
    text = readme.read_text()
    block = text.split("<!-- haven:readme-model:start -->")[1].split("<!-- haven:readme-model:end")[0]
    assert "old" not in block and text.endswith("## Next\n")
    assert "| hate |" in block and "Functional suites: " in block and "MODEL_CARD.md" in block
    readme.write_text("# No markers here\n")
    assert run(*args, "--update-readme", str(readme)) == 2  # a usage error, not a silent append


def test_headline_prints_each_report_and_the_worst(baseline: Path, tmp_path: Path,
                                                   capsys) -> None:
    def worse(r: dict) -> None:
        r["labels"]["hate"]["roc_auc"] = 0.5

    other = _variant(baseline, tmp_path, worse)
    assert run("headline", str(baseline), str(other), "--name", "a", "--name", "b") == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "| item | a | b | worst |"
    hate = next(line for line in out.splitlines() if line.startswith("| ROC-AUC hate |"))
    assert hate.endswith("| 0.500 | 0.500 |")
    assert run("headline", str(baseline), "--name", "a", "--name", "b") == 2  # names != reports
    assert run("headline", str(tmp_path / "missing")) == 2


def test_headline_saves_a_bar_and_reads_a_candidate_against_it(baseline: Path, tmp_path: Path,
                                                                 capsys) -> None:
    def worse(r: dict) -> None:
        r["labels"]["hate"]["roc_auc"] = 0.5

    other = _variant(baseline, tmp_path, worse)
    bar = tmp_path / "bar.json"
    assert run("headline", str(baseline), "--name", "seed 13", "--write-bar", str(bar)) == 0
    assert "seed 13" in bar.read_text()
    capsys.readouterr()
    assert run("headline", str(baseline), "--bar", str(bar)) == 0  # a run meets its own bar
    assert run("headline", str(baseline), str(other), "--name", "shipped", "--name", "candidate",
               "--bar", str(bar)) == 1  # the last report is under the bar
    verdicts = capsys.readouterr().out.splitlines()[-2:]
    assert verdicts[0].startswith("- shipped: at least the bar on ")
    assert "under it on: ROC-AUC hate" in verdicts[1]
    bar.write_text("{}")
    assert run("headline", str(baseline), "--bar", str(bar)) == 2  # not a bar: a usage error
    with pytest.raises(SystemExit) as exc:  # argparse: one or the other
        run("headline", str(baseline), "--bar", str(bar), "--write-bar", str(bar))
    assert exc.value.code == 2
