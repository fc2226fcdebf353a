"""``haven keys | purge | db | policy`` against a temporary database."""

from __future__ import annotations

import json

import pytest

from haven_cli import main as haven
from service.store import db
from service.store.models import ReviewItem


@pytest.fixture
def env(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("HAVEN_DATABASE_URL", url)
    return url


def test_keys_create_list_revoke(env, capsys):
    assert haven(["keys", "create", "--role", "moderator", "--name", "Sam",
                  "--community", "c1", "--community", "c2", "--json"]) == 0
    created = json.loads(capsys.readouterr().out)
    assert created["key"].startswith(f"hvn_{created['id']}_")
    assert created["communities"] == ["c1", "c2"]
    assert haven(["keys", "list"]) == 0
    assert created["id"] in capsys.readouterr().out
    assert haven(["keys", "revoke", created["id"]]) == 0
    capsys.readouterr()
    assert haven(["keys", "list"]) == 0
    assert created["id"] not in capsys.readouterr().out
    assert haven(["keys", "revoke", "nope"]) == 1
    assert "no API key" in capsys.readouterr().err


def test_keys_create_with_webhook_prints_secret(env, capsys):
    assert haven(["keys", "create", "--role", "client", "--name", "acme",
                  "--webhook-url", "https://hooks.example/h"]) == 0
    out = capsys.readouterr().out
    assert "key:   hvn_" in out and "webhook secret: whsec_" in out


def test_moderator_key_needs_community(env, capsys):
    assert haven(["keys", "create", "--role", "moderator", "--name", "x"]) == 1
    assert "at least one community" in capsys.readouterr().err


def test_db_upgrade_and_current(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HAVEN_DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.db'}")
    monkeypatch.setenv("HAVEN_MIGRATE_ON_START", "false")
    assert haven(["db", "current"]) == 3  # empty database: not at head
    assert haven(["db", "upgrade"]) == 0
    assert haven(["db", "current"]) == 0
    assert "current: 0001" in capsys.readouterr().out


def test_purge_deletes_old_text(make_harness, monkeypatch, capsys):
    h = make_harness(real_clock=True)
    client, mod = h.key("platform"), h.key("mod", "moderator", ["*"])
    old = h.moderate(client, {"id": "old", "text": "hate=0.6"}).json()["results"][0]
    h.client.post(f"/v1/reviews/{old['review_id']}/claim", headers=h.headers(mod))
    h.client.post(f"/v1/reviews/{old['review_id']}/decision", json={"action": "approve"},
                  headers=h.headers(mod))
    fresh = h.moderate(client, {"id": "new", "text": "hate=0.6"}).json()["results"][0]
    monkeypatch.setenv("HAVEN_DATABASE_URL", h.services.settings.database_url)
    assert haven(["purge", "--text-retention-days", "1"]) == 0
    assert "purged the text of 0 review items" in capsys.readouterr().out
    assert haven(["purge", "--dry-run", "--text-retention-days", "0"]) == 0
    assert "would purge the text of 1 review items" in capsys.readouterr().out
    assert haven(["purge", "--text-retention-days", "0"]) == 0
    assert "purged the text of 1 review items" in capsys.readouterr().out
    with h.services.sessions() as session:
        assert session.get(ReviewItem, old["review_id"]).text is None
        assert session.get(ReviewItem, fresh["review_id"]).text == "hate=0.6"
    item = h.client.get(f"/v1/reviews/{old['review_id']}", headers=h.headers(mod)).json()
    assert item["text"] is None and item["text_purged_at"]
    assert haven(["purge", "--open-text-retention-days", "0"]) == 0
    assert "purged the text of 1 review items" in capsys.readouterr().out


def test_policy_validate(tmp_path, capsys):
    good = tmp_path / "good"
    good.mkdir()
    (good / "default.yaml").write_text("name: d\nversion: 1\nrules: {hate: {review: 0.5}}\n")
    assert haven(["policy", "validate", str(good)]) == 0
    assert "ok: " in capsys.readouterr().out
    bad = tmp_path / "teens.yaml"
    bad.write_text("name: t\nversion: 1\nrules: {self_harm: {block: 0.5}}\n")
    assert haven(["policy", "validate", str(bad)]) == 1
    assert "rules.self_harm.block" in capsys.readouterr().err
    assert haven(["policy", "validate"]) == 0  # the shipped default


def test_policy_show(capsys):
    assert haven(["policy", "show", "anything"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["community"] == "default" and shown["rules"]["self_harm"]["refer"] == 0.4


def test_every_service_subcommand_is_registered():
    import argparse

    from service.cli import register

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    register(sub)
    assert set(sub.choices) == {"serve", "keys", "feedback", "purge", "db", "policy"}
    assert all(callable(parser.parse_args(argv).handler) for argv in (
        ["serve"], ["keys", "list"], ["feedback", "export", "--out", "-"], ["purge"],
        ["db", "upgrade"], ["policy", "validate"]))


def test_default_database_is_created_under_dot_haven(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert haven(["keys", "create", "--role", "admin", "--name", "a", "--json"]) == 0
    engine = db.make_engine("sqlite:///.haven/haven.db")
    assert (tmp_path / ".haven" / "haven.db").is_file()
    assert db.current_revision(engine) == db.head_revision()
    engine.dispose()
