"""Health, readiness, metrics, JSON logs without post text, settings sources."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from service.logging import JsonFormatter
from service.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SECRET_TEXT = "my very private story about hate=0.6"


def test_healthz_and_readyz(harness):
    assert harness.client.get("/healthz").json() == {"status": "ok"}
    ready = harness.client.get("/readyz")
    assert ready.status_code == 200
    checks = ready.json()["checks"]
    assert checks["model"]["ok"] and checks["database"]["ok"]


def test_readyz_reports_unreachable_database(make_harness, tmp_path):
    h = make_harness()
    h.services.sessions.kw["bind"].dispose()
    (tmp_path / "haven.db").unlink()
    (tmp_path / "haven.db").mkdir()  # a directory where the file was: SQLite cannot open it
    r = h.client.get("/readyz")
    assert r.status_code == 503 and r.json()["checks"]["database"]["ok"] is False


def test_metrics_count_requests_latency_and_decisions(harness):
    token = harness.key("platform")
    harness.moderate(token, {"id": "a", "text": "hate=0.95"}, {"id": "b", "text": "end it all"})
    harness.client.get("/v1/reviews/abc", headers=harness.headers(token))
    body = harness.client.get("/metrics").text
    assert re.search(r'haven_http_requests_total\{method="POST",route="/v1/moderate",'
                     r'status="200"\} 1\.0', body)
    assert 'route="/v1/reviews/{review_id}",status="403"' in body  # template, not the raw id
    assert 'haven_http_request_duration_seconds_bucket{le="0.005",method="POST"' in body
    assert 'haven_decisions_total{decision="block"} 1.0' in body
    assert 'haven_decisions_total{decision="refer"} 1.0' in body
    assert 'haven_label_decisions_total{decision="refer",label="self_harm"} 1.0' in body
    assert 'haven_review_queue_items{status="pending"} 2.0' in body
    assert "haven_model_ready 1.0" in body


def test_replayed_posts_are_not_counted_twice(harness):
    token = harness.key("platform")
    harness.moderate(token, {"id": "a", "text": "hate=0.95"})
    harness.moderate(token, {"id": "a", "text": "hate=0.95"})
    assert 'haven_decisions_total{decision="block"} 1.0' in harness.client.get("/metrics").text


def test_logs_are_json_and_never_contain_post_text(make_harness, caplog):
    from service_fakes import RaisingPredictor

    caplog.set_level(logging.DEBUG)
    for model in ("fake", RaisingPredictor()):
        h = make_harness(model=model)
        token = h.key(f"k{id(model)}")
        h.moderate(token, {"id": "p1", "text": SECRET_TEXT, "reply_to_text": SECRET_TEXT})
        h.client.post("/v1/moderate", content=json.dumps({"posts": [{"id": 1, "txt": SECRET_TEXT}]}),
                      headers={**h.headers(token), "Content-Type": "application/json"})
    formatter = JsonFormatter()
    lines = [formatter.format(record) for record in caplog.records]
    assert any('"route": "/v1/moderate"' in line for line in lines)
    # One line per request; the moderation request's line carries the decisions.
    moderated = [json.loads(line) for line in lines if '"route": "/v1/moderate"' in line
                 and '"status": 200' in line]
    assert moderated and all(m["posts"] == 1 and m["decisions"] == ["review"] for m in moderated)
    for line in lines:
        json.loads(line)
        assert "private story" not in line


def test_json_formatter_drops_unknown_extra_fields():
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "hello", None, None)
    record.text = SECRET_TEXT
    record.request_id = "r1"
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "r1" and "text" not in line


def test_request_id_is_echoed(harness):
    r = harness.client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert r.headers["x-request-id"] == "abc-123"
    assert len(harness.client.get("/healthz").headers["x-request-id"]) == 32


def test_settings_from_env_and_config_file(tmp_path, monkeypatch):
    config = tmp_path / "haven.yaml"
    config.write_text("claim_lease_s: 120\nport: 9000\nlog_level: debug\n")
    monkeypatch.setenv("HAVEN_CONFIG", str(config))
    monkeypatch.setenv("HAVEN_PORT", "8100")
    settings = Settings()
    assert settings.claim_lease_s == 120  # from the file
    assert settings.port == 8100  # environment beats the file
    assert settings.log_level == "DEBUG"
    toml = tmp_path / "haven.toml"
    toml.write_text("max_posts_per_request = 8\n")
    monkeypatch.setenv("HAVEN_CONFIG", str(toml))
    assert Settings().max_posts_per_request == 8


def test_settings_validation_names_the_field(monkeypatch):
    from pydantic import ValidationError

    monkeypatch.setenv("HAVEN_CLAIM_LEASE_S", "soon")
    with pytest.raises(ValidationError, match="claim_lease_s"):
        Settings()
    monkeypatch.delenv("HAVEN_CLAIM_LEASE_S")
    with pytest.raises(ValidationError, match="database_url"):
        Settings(database_url="mysql://x")
    assert Settings(database_url="postgresql://u@h/db").database_url.startswith(
        "postgresql+psycopg://")
    assert not Settings(database_url="postgresql://u@h/db").should_migrate_on_start
    assert Settings().should_migrate_on_start


@pytest.mark.parametrize("doc", ["docs/service.md", "README.md"])
def test_every_setting_is_documented(doc):
    docs = (ROOT / doc).read_text()
    missing = [name for name in Settings.model_fields if f"HAVEN_{name.upper()}" not in docs]
    assert not missing, f"undocumented settings in {doc}: {missing}"
    assert "HAVEN_CONFIG" in docs
