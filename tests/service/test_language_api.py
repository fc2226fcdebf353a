"""Languages in /v1/moderate: detected language fields, the unsupported-language policy,
referral by detected language, and routing posts to a per-language model."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from service_fakes import FakePredictor, RaisingPredictor

from models.predictor import Prediction
from models.routing import LanguageRouter
from models.taxonomy import LABELS, TARGETS
from service.errors import PolicyError
from service.policy import parse_policy
from service.settings import DEFAULT_POLICY_DIR

pytest.importorskip("py3langid", reason="language detection needs py3langid")

ARABIC = "أشعر بالوحدة منذ انتقلت إلى مدينة جديدة، ولا أعرف كيف أكوّن صداقات."
ENGLISH = "Welcome to the group, glad you found us and hope you feel at home here"
RUSSIAN = "Привет всем, я здесь новенький и хочу найти друзей в этом сообществе"


def post(pid: str, text: str, **extra: object) -> dict[str, object]:
    return {"id": pid, "text": text, **extra}


def policy_dir_with(tmp_path: Path, **communities: str) -> Path:
    directory = tmp_path / "policies"
    directory.mkdir()
    (directory / "default.yaml").write_text((DEFAULT_POLICY_DIR / "default.yaml").read_text())
    for name, body in communities.items():
        (directory / f"{name}.yaml").write_text(body)
    return directory


def test_each_result_reports_language_source_and_support(harness):
    r = harness.moderate(harness.key("p"), post("ar", ARABIC), post("en", ENGLISH),
                         post("short", "ok merci", language="fr"), post("emoji", "🙏🙏"))
    assert r.status_code == 200, r.text
    by_id = {x["id"]: x for x in r.json()["results"]}
    assert (by_id["ar"]["language"], by_id["ar"]["language_source"],
            by_id["ar"]["language_supported"]) == ("ar", "detected", True)
    assert (by_id["en"]["language"], by_id["en"]["language_source"]) == ("en", "detected")
    assert (by_id["short"]["language"], by_id["short"]["language_source"]) == ("fr", "declared")
    assert (by_id["emoji"]["language"], by_id["emoji"]["language_source"],
            by_id["emoji"]["language_supported"]) == ("und", "fallback", True)
    for result in by_id.values():
        assert result["decision"] == "allow"
        assert result["reasons"] == []


def test_unsupported_language_is_held_for_review_by_default(harness):
    (result,) = harness.moderate(harness.key("p"), post("ru", RUSSIAN)).json()["results"]
    assert result["language"] == "ru" and result["language_supported"] is False
    assert result["decision"] == "review"
    assert result["review_id"]
    assert [r["code"] for r in result["reasons"]] == ["unsupported_language"]
    assert "held for a moderator" in result["reasons"][0]["message"]


def test_allow_flagged_publishes_unsupported_language_with_a_reason(make_harness, tmp_path):
    policies = policy_dir_with(
        tmp_path, casual="name: casual\nversion: 1\nunsupported_language: allow_flagged\n")
    h = make_harness(policy_dir=policies)
    r = h.moderate(h.key("p"), post("a", RUSSIAN, community_id="casual"),
                   post("b", RUSSIAN + " !"))
    a, b = r.json()["results"]
    assert a["decision"] == "allow" and a["review_id"] is None
    assert a["language_supported"] is False
    assert [x["code"] for x in a["reasons"]] == ["unsupported_language"]
    assert b["decision"] == "review"  # the default community keeps the default: review


def test_unsupported_language_never_weakens_a_stronger_decision(harness):
    (result,) = harness.moderate(harness.key("p"), post("ru", RUSSIAN + " self_harm=0.95")
                                 ).json()["results"]
    assert result["language_supported"] is False
    assert result["decision"] == "refer"
    codes = [r["code"] for r in result["reasons"]]
    assert codes == ["crisis_signal", "unsupported_language"]


def test_unsupported_language_is_held_not_blocked_under_review(make_harness, tmp_path):
    """Nobody measured the block point in an unsupported language, so a high score there holds
    the post for a moderator (still unpublished) instead of silencing its author."""
    policies = policy_dir_with(
        tmp_path, casual="name: casual\nversion: 1\nunsupported_language: allow_flagged\n"
                         "rules:\n  hate:\n    block: 0.9\n")
    h = make_harness(policy_dir=policies)
    r = h.moderate(h.key("p"), post("held", RUSSIAN + " hate=0.97"),
                   post("blocked", RUSSIAN + " hate=0.97", community_id="casual"),
                   post("en", ENGLISH + " hate=0.97"))
    assert r.status_code == 200, r.text
    by_id = {x["id"]: x for x in r.json()["results"]}
    held = by_id["held"]
    assert (held["decision"], held["language_supported"]) == ("review", False)
    assert held["review_id"] and held["labels"] == ["hate"]
    assert [x["code"] for x in held["reasons"]] == ["block_not_calibrated", "unsupported_language"]
    assert "no model was measured on the language" in held["reasons"][0]["message"]
    assert by_id["blocked"]["decision"] == "block"  # allow_flagged: the scores decide
    assert [x["code"] for x in by_id["blocked"]["reasons"]] == ["block_threshold",
                                                               "unsupported_language"]
    assert by_id["en"]["decision"] == "block"  # a supported language keeps its block point


def test_language_fields_are_present_when_the_model_is_unavailable(make_harness):
    h = make_harness(model=RaisingPredictor())
    (result,) = h.moderate(h.key("p"), post("ar", ARABIC)).json()["results"]
    assert result["decision"] == "review"
    assert (result["language"], result["language_supported"]) == ("ar", True)


def test_replayed_results_keep_the_language_fields(harness):
    token = harness.key("p")
    first = harness.moderate(token, post("p1", ARABIC)).json()["results"][0]
    again = harness.moderate(token, post("p1", ARABIC)).json()["results"][0]
    assert again["replayed"] is True
    assert again["language"] == first["language"] == "ar"


RESOURCES = """\
version: test
notice: Every listing must be verified by the platform.
resources:
  - id: intl-en
    name: English line
    countries: ["*"]
    languages: [en]
    url: https://example.org/en
    hours: 24/7
  - id: intl-ar
    name: Arabic line
    countries: ["*"]
    languages: [ar]
    url: https://example.org/ar
    hours: 24/7
"""


def test_referral_uses_the_detected_language_when_none_is_declared(make_harness, tmp_path):
    resources = tmp_path / "resources.yaml"
    resources.write_text(RESOURCES)
    h = make_harness(resources_file=resources)
    token = h.key("p")
    crisis_ar = "خلص ما عاد فيني كمّل self_harm=0.9"
    (detected,) = h.moderate(token, post("a", crisis_ar)).json()["results"]
    assert detected["decision"] == "refer"
    assert detected["referral"]["language"] == "ar"
    assert [r["id"] for r in detected["referral"]["resources"]][0] == "intl-ar"
    (declared,) = h.moderate(token, post("b", crisis_ar, language="en")).json()["results"]
    assert declared["referral"]["language"] == "en"
    assert [r["id"] for r in declared["referral"]["resources"]][0] == "intl-en"


class ArabicStub(FakePredictor):
    """Stands in for the per-language model: flags every post it sees as offensive."""

    name = "arabic-stub"
    version = "stub-1"

    def predict_proba(self, texts: Sequence[str], text_pairs: Sequence[str | None] | None = None,
                      batch_size: int = 32) -> Prediction:
        self.calls.append((list(texts), list(text_pairs) if text_pairs else None))
        scores = np.full((len(texts), len(LABELS)), 0.01, np.float32)
        scores[:, LABELS.index("offensive")] = 0.85
        return Prediction(scores, np.full((len(texts), len(TARGETS)), 0.01, np.float32))


def test_posts_are_routed_to_the_model_serving_their_language(make_harness):
    default, arabic = FakePredictor(), ArabicStub()
    h = make_harness(model=LanguageRouter(default, {"ar": arabic}))
    r = h.moderate(h.key("p"), post("en", ENGLISH), post("ar", ARABIC),
                   post("short-ar", "تعبت", language="en"))
    assert r.status_code == 200, r.text
    body = r.json()
    by_id = {x["id"]: x for x in body["results"]}
    assert by_id["en"]["decision"] == "allow"
    assert by_id["ar"]["decision"] == "review" and by_id["ar"]["labels"] == ["offensive"]
    assert by_id["short-ar"]["labels"] == ["offensive"]  # Arabic script beats the declared tag
    assert [texts for texts, _ in arabic.calls] == [[ARABIC, "تعبت"]]
    assert [texts for texts, _ in default.calls] == [[ENGLISH]]
    assert body["model"] == {"name": "fake-keywords+arabic-stub[ar]",
                             "version": "test-1+stub-1"}


class HatefulStub(ArabicStub):
    """Scores every post as near-certain hate, with no measured block point for Arabic."""

    block_thresholds = {"ar": {"hate": None, "harassment": None}}

    def predict_proba(self, texts, text_pairs=None, batch_size=32):
        scores = np.full((len(texts), len(LABELS)), 0.01, np.float32)
        scores[:, LABELS.index("hate")] = 0.99
        return Prediction(scores, np.full((len(texts), len(TARGETS)), 0.01, np.float32))


def test_a_language_without_a_measured_block_point_is_held_never_blocked(make_harness):
    default = FakePredictor()
    default.block_thresholds = {"hate": 0.9, "harassment": 0.9}
    h = make_harness(model=LanguageRouter(default, {"ar": HatefulStub()}))
    r = h.moderate(h.key("p"), post("ar", ARABIC), post("en", "you are vermin"))
    assert r.status_code == 200, r.text
    by_id = {x["id"]: x for x in r.json()["results"]}
    assert by_id["en"]["decision"] == "block"  # the default model's block point stands
    held = by_id["ar"]
    assert held["decision"] == "review" and held["review_id"]
    assert [x["code"] for x in held["reasons"]] == ["block_not_calibrated"]
    assert held["reasons"][0]["label"] == "hate"


def test_policy_field_is_validated_and_listed(harness):
    with pytest.raises(PolicyError, match="unsupported_language"):
        parse_policy({"name": "x", "version": "1", "unsupported_language": "block"},
                     source="x.yaml", community="x")
    assert parse_policy({"name": "x", "version": "1"}, source="x.yaml",
                        community="x").spec.unsupported_language == "review"
    mod = harness.key("mod", "moderator", ["default"])
    policy = harness.client.get("/v1/policies/default", headers=harness.headers(mod)).json()
    assert policy["unsupported_language"] == "review"
