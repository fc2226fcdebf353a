"""`haven score` streams JSONL in, JSONL out, and reports bad lines clearly."""

from __future__ import annotations

import json

from haven_cli import main
from models.taxonomy import LABELS, TARGETS


def test_score_writes_one_line_per_post(tiny_model_dir, tmp_path):
    posts = tmp_path / "posts.jsonl"
    posts.write_text("\n".join(json.dumps({"id": f"p{i}", "text": t}) for i, t in enumerate(
        ["shut up i hate you idiot", "great day with my dog and friends", "i want to die and end my life"] * 3)) + "\n")
    out = tmp_path / "scores.jsonl"
    assert main(["score", "--input", str(posts), "--output", str(out), "--model", str(tiny_model_dir),
                 "--quiet"]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == [f"p{i}" for i in range(9)]
    assert set(rows[0]["scores"]) == set(LABELS) and set(rows[0]["targets"]) == set(TARGETS)
    assert rows[0]["scores"]["harassment"] > rows[1]["scores"]["harassment"]
    assert "harassment" in rows[0]["labels"] and "harassment" not in rows[1]["labels"]


def test_score_rejects_bad_lines_with_line_number(tiny_model_dir, tmp_path, capsys):
    posts = tmp_path / "posts.jsonl"
    posts.write_text('{"id": 1, "text": "fine"}\n{"id": 2, "text": ""}\n')
    assert main(["score", "--input", str(posts), "--output", str(tmp_path / "o.jsonl"),
                 "--model", str(tiny_model_dir), "--quiet"]) == 2
    assert "line 2" in capsys.readouterr().err


def test_score_reports_missing_model(tmp_path, capsys):
    posts = tmp_path / "posts.jsonl"
    posts.write_text('{"id": 1, "text": "fine"}\n')
    assert main(["score", "--input", str(posts), "--output", "-", "--model", str(tmp_path)]) == 2
    assert "not a Haven model directory" in capsys.readouterr().err
