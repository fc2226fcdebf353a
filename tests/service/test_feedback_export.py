"""Decisions become labelled examples the training loader reads back."""

from __future__ import annotations

from datetime import timedelta

from haven_cli import main as haven
from models.labelled_io import read_labelled
from models.taxonomy import LABELS


def decide(h, client, mod, post: dict, body: dict) -> str:
    review_id = h.moderate(client, post).json()["results"][0]["review_id"]
    assert review_id, post
    h.client.post(f"/v1/reviews/{review_id}/claim", headers=h.headers(mod))
    r = h.client.post(f"/v1/reviews/{review_id}/decision", json=body, headers=h.headers(mod))
    assert r.status_code == 200, r.text
    return review_id


def scenario(h):
    client, mod = h.key("platform"), h.key("mod", "moderator", ["*"])
    decide(h, client, mod, {"id": "relabel", "text": "vermin go home", "language": "en",
                            "author_id": "u1", "reply_to_text": "parent"},
           {"action": "reject", "labels": ["hate", "harassment"], "targets": ["national_origin"]})
    decide(h, client, mod, {"id": "approve", "text": "hate=0.7 reclaimed word"},
           {"action": "approve"})
    decide(h, client, mod, {"id": "reject", "text": "harassment=0.6 you idiot"},
           {"action": "reject"})
    decide(h, client, mod, {"id": "crisis", "text": "end it all"}, {"action": "approve"})
    decide(h, client, mod, {"id": "escalated", "text": "hate=0.6"}, {"action": "escalate"})
    return mod


def check(examples):
    by_text = {e.text: e for e in examples}
    assert set(by_text) == {"vermin go home", "hate=0.7 reclaimed word",
                            "harassment=0.6 you idiot"}
    relabel = by_text["vermin go home"]
    assert relabel.labels == {name: int(name in ("hate", "harassment")) for name in LABELS}
    assert relabel.targets["national_origin"] == 1 and relabel.targets["religion"] == 0
    assert relabel.text_pair == "parent" and relabel.language == "en"
    assert relabel.group and "u1" not in relabel.group
    approve = by_text["hate=0.7 reclaimed word"]
    assert approve.labels["hate"] == 0 and approve.labels["harassment"] is None
    assert approve.language == "und"
    reject = by_text["harassment=0.6 you idiot"]
    assert reject.labels["harassment"] == 1 and reject.labels["hate"] is None
    assert all(e.source == "haven_feedback" for e in examples)


def test_http_export_reads_back_with_training_loader(harness, tmp_path):
    mod = scenario(harness)
    r = harness.client.get("/v1/feedback/export", headers=harness.headers(mod))
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/x-ndjson")
    assert r.headers["x-haven-examples"] == "3"
    path = tmp_path / "feedback.jsonl"
    path.write_bytes(r.content)
    check(list(read_labelled(path)))
    later = (harness.clock.now + timedelta(seconds=1)).isoformat()
    r = harness.client.get("/v1/feedback/export", params={"since": later},
                           headers=harness.headers(mod))
    assert r.content == b""


def test_moderator_export_is_scoped(harness):
    client = harness.key("platform")
    m1, m2 = harness.key("m1", "moderator", ["c1"]), harness.key("m2", "moderator", ["c2"])
    decide(harness, client, m1, {"id": "a", "text": "hate=0.7", "community_id": "c1"},
           {"action": "reject"})
    assert harness.client.get("/v1/feedback/export", headers=harness.headers(m2)).content == b""
    assert harness.client.get("/v1/feedback/export",
                              headers=harness.headers(m1)).content.count(b"\n") == 1


def test_cli_export_writes_loader_format(harness, tmp_path, monkeypatch, capsys):
    scenario(harness)
    monkeypatch.setenv("HAVEN_DATABASE_URL", harness.services.settings.database_url)
    out = tmp_path / "out" / "feedback.jsonl"
    assert haven(["feedback", "export", "--out", str(out)]) == 0
    assert "exported 3 examples" in capsys.readouterr().err
    check(list(read_labelled(out)))
    assert haven(["feedback", "export", "--out", str(out), "--community", "nope"]) == 0
    assert out.read_text() == ""
