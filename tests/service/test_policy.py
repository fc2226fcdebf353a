"""Policy files: validation that names the field, decisions, per-community lookup, reloads."""

from __future__ import annotations

import os
import time

import pytest

from models.taxonomy import LABELS
from service.errors import PolicyError
from service.policy import Decision, PolicyStore, load_policy_dir, parse_policy
from service.settings import DEFAULT_POLICY_DIR

NO_SCORES = {label: 0.0 for label in LABELS}


def policy(rules: dict, **extra):
    return parse_policy({"name": "t", "version": 1, "rules": rules, **extra}, source="t.yaml",
                        community="t")


def scores(**values: float) -> dict[str, float]:
    return {**NO_SCORES, **values}


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"rules": {"hate": {"block": 1.5}}}, "rules.hate.block", "between 0 and 1 (got 1.5)"),
        ({"rules": {"hat": {"block": 0.5}}}, "rules.hat", "unknown label 'hat'"),
        ({"rules": {"self_harm": {"block": 0.5}}}, "rules.self_harm.block", "cannot block"),
        ({"rules": {"hate": {"refer": 0.5}}}, "rules.hate.refer", "only for labels about"),
        ({"rules": {"hate": {"review": 0.9, "block": 0.5}}}, "rules.hate.review",
         "must not exceed"),
        ({"rules": {"hate": {"blok": 0.5}}}, "rules.hate.blok", "Extra inputs"),
        ({"fail_open": "maybe"}, "fail_open", "valid boolean"),
        ({"name": ""}, "name", "at least 1 character"),
    ],
)
def test_validation_errors_name_the_field(data, field, message):
    base = {"name": "t", "version": "1"}
    with pytest.raises(PolicyError) as info:
        parse_policy({**base, **data}, source="communities/t.yaml", community="t")
    error = info.value
    assert error.message.startswith("communities/t.yaml: ")
    fields = {p["field"]: p["message"] for p in error.details["errors"]}
    assert field in fields and message in fields[field], fields


def test_default_policy_is_valid_and_routes_as_documented():
    p = load_policy_dir(DEFAULT_POLICY_DIR)["default"]
    assert p.decide(scores(hate=0.95), {}).decision is Decision.BLOCK
    assert p.decide(scores(hate=0.5), {}).decision is Decision.REVIEW
    assert p.decide(scores(hate=0.49), {}).decision is Decision.ALLOW
    assert p.decide(scores(self_harm=0.45), {}).decision is Decision.REFER
    assert p.decide(scores(distress=0.99), {}).decision is Decision.ALLOW
    assert not p.spec.fail_open


def test_an_unblockable_label_is_held_for_review_never_blocked_nor_published():
    p = policy({"hate": {"block": 0.8}, "harassment": {"block": 0.8, "review": 0.4}})
    held = p.decide(scores(hate=0.95), {}, unblockable=frozenset({"hate"}))
    assert held.decision is Decision.REVIEW  # no review number for hate: still never published
    assert [r.code for r in held.reasons] == ["block_not_calibrated"]
    assert held.labels == ["hate"]
    # the other label still blocks, and a score under the block number is unaffected
    assert p.decide(scores(hate=0.95, harassment=0.9), {},
                    unblockable=frozenset({"hate"})).decision is Decision.BLOCK
    assert p.decide(scores(hate=0.5), {}, unblockable=frozenset({"hate"})).decision \
        is Decision.ALLOW
    assert p.decide(scores(hate=0.95), {}).decision is Decision.BLOCK


def test_crisis_always_wins_over_block():
    p = policy({"hate": {"block": 0.5}, "harassment": {"block": 0.5},
                "self_harm": {"refer": 0.3}})
    verdict = p.decide(scores(hate=0.99, harassment=0.99, self_harm=0.31), {})
    assert verdict.decision is Decision.REFER
    assert verdict.labels == ["hate", "harassment", "self_harm"]
    assert verdict.reasons[-1].code == "crisis_overrides_block"


def test_labels_use_model_thresholds_unless_policy_sets_flag():
    p = policy({"hate": {"review": 0.8}, "offensive": {"flag": 0.2}})
    verdict = p.decide(scores(hate=0.6, offensive=0.3, distress=0.65), {"hate": 0.55,
                                                                         "distress": 0.7})
    assert verdict.decision is Decision.ALLOW
    assert verdict.labels == ["hate", "offensive"]


def write(directory, name, body):
    path = directory / name
    path.write_text(body)
    # Make sure a rewrite within the same clock tick still changes the signature.
    stamp = time.time() + len(body) / 1000
    os.utime(path, (stamp, stamp))
    return path


def test_model_thresholds_route_at_the_models_calibrated_points():
    p = policy({"hate": {"block": "model", "review": "model"},
                "self_harm": {"refer": "model"}})
    model = {**{label: 0.5 for label in LABELS}, "hate": 0.7, "self_harm": 0.3}
    blocks = {"hate": 0.92}
    assert p.decide(scores(hate=0.69), model, blocks).decision is Decision.ALLOW
    held = p.decide(scores(hate=0.75), model, blocks)
    assert held.decision is Decision.REVIEW and held.reasons[0].threshold == 0.7
    assert p.decide(scores(hate=0.95), model, blocks).decision is Decision.BLOCK
    assert p.decide(scores(self_harm=0.31), model, blocks).decision is Decision.REFER
    # No calibrated block point: `block: model` never blocks, the post is held instead.
    assert p.decide(scores(hate=0.99), model, {}).decision is Decision.REVIEW
    assert p.decide(scores(hate=0.99), model).decision is Decision.REVIEW


@pytest.mark.parametrize("value", ["high", True, -0.1, [0.5]])
def test_threshold_must_be_a_score_or_model(value):
    with pytest.raises(PolicyError) as error:
        policy({"hate": {"review": value}})
    assert "rules.hate.review" in str(error.value.details)
    assert "'model'" in str(error.value.details)


def test_model_block_thresholds_reach_the_policy_from_the_model(make_harness, tmp_path):
    from service_fakes import FakePredictor

    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "default.yaml").write_text(
        "name: calibrated\nversion: 1\nrules:\n  hate: {block: model, review: model}\n")
    model = FakePredictor()
    model.block_thresholds = {"hate": 0.8}
    h = make_harness(model=model, policy_dir=tmp_path / "policies")
    token = h.key("platform")
    body = h.moderate(token, {"id": "a", "text": "hate=0.85"}, {"id": "b", "text": "hate=0.6"})
    decisions = {r["id"]: r["decision"] for r in body.json()["results"]}
    assert decisions == {"a": "block", "b": "review"}


def test_store_falls_back_to_default_and_reloads_without_restart(tmp_path):
    write(tmp_path, "default.yaml", "name: base\nversion: 1\nrules: {hate: {review: 0.5}}\n")
    store = PolicyStore(tmp_path, reload_interval_s=0.01)
    assert store.for_community("anything").name == "base"
    write(tmp_path, "teens.yaml", "name: teens\nversion: 2\nrules: {hate: {block: 0.3}}\n")
    time.sleep(0.02)
    assert store.for_community("teens").name == "teens"
    write(tmp_path, "teens.yaml", "name: teens\nversion: 3\nrules: {hate: {block: 2}}\n")
    time.sleep(0.02)
    kept = store.for_community("teens")  # invalid edit: keep serving the last valid version
    assert kept.version == "2"
    assert "rules.hate.block" in (store.last_error or "")
    write(tmp_path, "teens.yaml", "name: teens\nversion: 4\nrules: {hate: {block: 0.4}}\n")
    time.sleep(0.02)
    assert store.for_community("teens").version == "4" and store.last_error is None


def test_directory_without_default_is_refused(tmp_path):
    write(tmp_path, "teens.yaml", "name: teens\nversion: 1\n")
    with pytest.raises(PolicyError, match="missing default.yaml"):
        load_policy_dir(tmp_path)


def test_admin_reload_endpoint(make_harness, tmp_path):
    policy_dir = tmp_path / "policies"
    policy_dir.mkdir()
    write(policy_dir, "default.yaml", "name: default\nversion: 1\nrules: {hate: {review: 0.5}}\n")
    h = make_harness(policy_dir=policy_dir)
    admin, client = h.key("admin", "admin"), h.key("platform")
    write(policy_dir, "default.yaml", "name: default\nversion: 2\nrules: {hate: {block: 0.5}}\n")
    r = h.client.post("/v1/policies/reload", headers=h.headers(admin))
    assert r.status_code == 200 and r.json()[0]["version"] == "2"
    (result,) = h.moderate(client, {"id": "a", "text": "hate=0.6"}).json()["results"]
    assert result["decision"] == "block"
    write(policy_dir, "default.yaml", "name: default\nversion: 3\nrules: {hate: {block: 7}}\n")
    r = h.client.post("/v1/policies/reload", headers=h.headers(admin))
    assert r.status_code == 422 and r.json()["error"]["code"] == "policy_invalid"
    assert "rules.hate.block" in r.json()["error"]["message"]
    got = h.client.get("/v1/policies/default", headers=h.headers(admin)).json()
    assert got["version"] == "2"
    audit = h.client.get("/v1/audit", params={"action": "policies_reloaded"},
                         headers=h.headers(admin)).json()
    assert len(audit) == 1


def test_moderator_policy_view_is_scoped(harness):
    mod = harness.key("mod", "moderator", ["c1"])
    assert harness.client.get("/v1/policies/c1", headers=harness.headers(mod)).status_code == 200
    assert harness.client.get("/v1/policies/c2", headers=harness.headers(mod)).status_code == 404
