"""Structured JSON logs. Post text never reaches a log line.

Only whitelisted ``extra`` fields are emitted, so a careless ``log.info(..., extra={"text": t})``
cannot leak a post: unknown fields are dropped, not printed.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

#: ``extra`` fields allowed into log lines. None of them carries post text.
SAFE_FIELDS = frozenset({
    "request_id", "method", "route", "status", "duration_ms", "key_id", "role", "posts",
    "decisions", "post_ids", "review_id", "delivery_id", "outcome", "status_code", "attempt",
    "error", "error_type", "policies", "community_id", "model", "count", "path",
})


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for name in SAFE_FIELDS:
            if name in record.__dict__:
                line[name] = record.__dict__[name]
        if record.exc_info and record.exc_info[0] is not None:
            # Type and traceback only: exception messages can quote the input.
            line["exc_type"] = record.exc_info[0].__name__
            line["traceback"] = _frames_only(record)
        return json.dumps(line, default=str)


def _frames_only(record: logging.LogRecord) -> str:
    import traceback

    assert record.exc_info is not None
    frames = traceback.extract_tb(record.exc_info[2])
    return "".join(traceback.format_list(frames))


def configure_logging(level: str = "INFO", fmt: str = "json") -> None:
    """Route the root, uvicorn and haven loggers through one stderr handler."""
    handler = logging.StreamHandler(sys.stderr)
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # Alembic announces every plugin and migration step at INFO on each start-up.
    logging.getLogger("alembic").setLevel(max(root.level, logging.WARNING))
    # Our middleware logs each request without query strings; uvicorn's access log would repeat it.
    logging.getLogger("uvicorn.access").disabled = True
