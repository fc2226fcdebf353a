"""Hard-negative mining: rules, the keep/count decision, the scoring cap, and the CLI."""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence

import numpy as np
import pytest
import yaml

from models.examples import Example
from models.labelled_io import read_labelled, write_labelled
from models.predictor import Prediction
from models.taxonomy import LABELS, TARGETS
from training.hardcases.mining import RULE_NAMES, firing_rules, main, mine

HATE, SELF_HARM = LABELS.index("hate"), LABELS.index("self_harm")


class StubPredictor:
    """Scores looked up by text (default 0.5 everywhere); records what it was asked to score."""

    name, version, thresholds = "stub", "0", {}

    def __init__(self, scores: dict[str, dict[str, float]]):
        self.scores = scores
        self.calls: list[list[str]] = []

    def predict_proba(self, texts: Sequence[str], text_pairs=None, batch_size: int = 32) -> Prediction:
        self.calls.append(list(texts))
        rows = np.full((len(texts), len(LABELS)), 0.5, dtype=np.float32)
        for i, text in enumerate(texts):
            for label, value in self.scores.get(text, {}).items():
                rows[i, LABELS.index(label)] = value
        return Prediction(rows, np.zeros((len(texts), len(TARGETS)), dtype=np.float32))

    @property
    def scored(self) -> list[str]:
        return [t for call in self.calls for t in call]


def ex(text: str, language: str = "en", source: str = "corpus", **labels: int | None) -> Example:
    return Example(text, source, language, labels=labels, group=f"g-{zlib.crc32(text.encode())}")


@pytest.mark.parametrize("text, rule", [
    ("he called me a f*ggot in front of everyone", "reported_slur"),
    ("someone wrote 'go home paki' under my photo", "reported_slur"),
    ("that's a racist thing to say about immigrants", "counter_speech"),
    ("people who say women can't code are wrong", "counter_speech"),
    ("muslims are not terrorists", "negated_hate"),
    ("you dumb r3tard", "obfuscated_slur"),
    ("k i k e s everywhere in this town", "obfuscated_slur"),
    ("I'm not suicidal, just tired of this job", "negated_crisis"),
    ("this exam is killing me", "figurative_idiom"),
    ("my brother said he wants to kill himself", "third_party"),
    ("6 years ago I tried to end it. Today I'm happy", "recovered_past"),
    ("suicide rates rose according to the new study", "news_discussion"),
    ("honestly might kms", "evasive_crisis"),
    ("planning my s-u-i-c-i-d-e", "evasive_crisis"),
])
def test_rule_fires(text, rule):
    assert rule in [r.name for r in firing_rules(text)]


@pytest.mark.parametrize("text, rule", [
    ("I want to kill myself tonight", "evasive_crisis"),  # plain words are not evasive
    ("my sister is killing it at university and I want to kill myself", "figurative_idiom"),
    ("my friend and I both want to kill ourselves, I'm cutting myself again", "third_party"),
    ("years ago I stopped, but I relapsed tonight", "recovered_past"),
    ("I'm reading a study and I want to die", "news_discussion"),
    ("he is a con artist", "obfuscated_slur"),  # "coon" minus vowels is not matched
    ("he called me a retard", "obfuscated_slur"),  # reported, and spelled plainly
    ("illegal parking everywhere, he told me", "reported_slur"),  # ambiguous word ignored
    ("I love my dog", "negated_hate"),
    ("women should not be allowed to vote", "negated_hate"),  # a prescription, not a denial
    ("he told me he doesn't like it", "reported_slur"),  # an apostrophe is not a quote
])
def test_rule_does_not_fire(text, rule):
    assert rule not in [r.name for r in firing_rules(text)]


def test_rules_only_apply_to_annotated_labels():
    assert firing_rules("this exam is killing me", annotated=["hate"]) == []
    assert [r.name for r in firing_rules("this exam is killing me", annotated=["self_harm"])] \
        == ["figurative_idiom"]


def test_mine_keeps_confirmed_errors_with_original_labels_and_counts_disagreements():
    examples = [
        # confident false positive, frame explains it, gold 0 -> kept
        ex("he called me a f*ggot in front of everyone", hate=0, offensive=1),
        # same construction but the model is not confident -> not a hard case
        ex("a guy yelled at me 'tranny' on the bus", hate=0),
        # confident false positive without any rule -> dropped (and never scored)
        ex("the weather is awful today", hate=0),
        # confident miss of an obfuscated slur, gold 1 -> kept
        ex("you dumb r3tard", hate=1, harassment=1),
        # rule says benign, gold says hate, model sides with the rule -> counted, not kept
        ex("muslims are not people, they are animals", hate=1),
        # idiom, self_harm gold 0, model says crisis -> kept
        ex("this commute is killing me", self_harm=0, distress=1),
        # idiom text but self_harm not annotated -> not a candidate for that rule
        ex("the suspense is killing me", hate=0),
        # non-English: skipped whatever it says
        ex("er hat mich f*ggot genannt, he called me", language="de", hate=0),
    ]
    originals = [(dict(e.labels), dict(e.targets), e.functionality) for e in examples]
    stub = StubPredictor({
        examples[0].text: {"hate": 0.93},
        examples[1].text: {"hate": 0.6},
        examples[2].text: {"hate": 0.99},
        examples[3].text: {"hate": 0.05},
        examples[4].text: {"hate": 0.1},
        examples[5].text: {"self_harm": 0.91},
        examples[6].text: {"self_harm": 0.95, "hate": 0.01},
    })
    result = mine(stub, examples)

    kept = {e.text: e for e in result.examples}
    assert set(kept) == {examples[0].text, examples[3].text, examples[5].text}
    assert kept[examples[0].text].functionality == "mined_reported_slur"
    assert kept[examples[3].text].functionality == "mined_obfuscated_slur"
    assert kept[examples[5].text].functionality == "mined_figurative_idiom"
    for example in result.examples:  # labels, source and group exactly as the corpus had them
        original = next(e for e in examples if e.text == example.text)
        assert example.labels == original.labels and example.targets == original.targets
        assert (example.source, example.group, example.language) == (
            original.source, original.group, original.language)
    # Inputs untouched.
    assert [(dict(e.labels), dict(e.targets), e.functionality) for e in examples] == originals

    summary = result.summary
    assert summary["kept"] == {"figurative_idiom": 1, "obfuscated_slur": 1, "reported_slur": 1}
    assert summary["rule_disagrees_with_gold"] == {"negated_hate": 1}
    assert summary["skipped_language"] == 1
    assert examples[2].text not in stub.scored  # no rule fired: never scored
    assert examples[7].text not in stub.scored
    json.dumps(summary)  # serialisable, and holds counts only
    assert not any(e.text in json.dumps(summary) for e in examples)


def test_scoring_is_capped_and_seeded():
    examples = [ex(f"my friend number {i} said she wants to kill herself", self_harm=0)
                for i in range(50)]
    stub = StubPredictor({e.text: {"self_harm": 0.95} for e in examples})
    first = mine(stub, examples, max_texts=10, seed=3)
    assert len(stub.scored) == 10 and first.summary["scored"] == 10
    assert first.summary["rule_fired"] == {"third_party": 50}
    assert len(first.examples) == 10
    again = mine(StubPredictor(stub.scores), examples, max_texts=10, seed=3)
    assert [e.text for e in again.examples] == [e.text for e in first.examples]
    other = mine(StubPredictor(stub.scores), examples, max_texts=10, seed=4)
    assert [e.text for e in other.examples] != [e.text for e in first.examples]


def test_thresholds_are_validated():
    with pytest.raises(ValueError):
        mine(StubPredictor({}), [], high=0.2, low=0.8)
    assert mine(StubPredictor({}), []).examples == []


def test_every_rule_is_documented():
    from training.hardcases.mining import RULES

    assert len(set(RULE_NAMES)) == len(RULE_NAMES)
    assert all(rule.description and rule.label in LABELS and rule.says in (0, 1) for rule in RULES)


def test_cli_mines_a_configured_training_split(tiny_model_dir, tmp_path, capsys):
    extra = tmp_path / "feedback.jsonl"
    rows = [ex(f"he called me a f*ggot again, day {i}", hate=0) for i in range(12)]
    rows += [ex(f"this exam is killing me, week {i}", self_harm=0) for i in range(12)]
    write_labelled(rows, extra)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"data": {"data_dir": str(data_dir), "sources": [],
                                               "extra_files": [str(extra)], "val_fraction": 0.2}}))
    out, summary_path = tmp_path / "mined.jsonl", tmp_path / "summary.json"
    code = main(["--model", str(tiny_model_dir), "--out", str(out), "--config", str(config),
                 "--high", "0.01", "--low", "0.0", "--summary", str(summary_path)])
    assert code == 0
    summary = json.loads(summary_path.read_text())
    assert summary == json.loads(capsys.readouterr().out)
    # Only the training split is mined: fewer than all 24 rows were candidates.
    assert 0 < summary["scored"] < len(rows)
    mined = list(read_labelled(out))
    assert len(mined) == summary["written"] == summary["kept_total"] - summary["dropped_as_suite_leaks"]
    assert all(e.functionality.startswith("mined_") for e in mined)
    assert all(e.labels["hate"] in (0, None) and e.labels["self_harm"] in (0, None) for e in mined)


def test_cap_is_shared_between_rules_so_rare_rules_survive():
    loose = [ex(f"muslims are not the problem, case {i}", hate=0) for i in range(40)]
    rare = [ex(f"honestly might kms, day {i}", self_harm=1) for i in range(5)]
    stub = StubPredictor({})
    result = mine(stub, loose + rare, max_texts=10)
    assert result.summary["scored"] == 10
    assert all(e.text in stub.scored for e in rare)
    assert sum(e.text in stub.scored for e in loose) == 5
