"""GET /v1/feedback/export: moderators' decisions as JSONL training examples."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from service.deps import Db, ModeratorKey, SessionRoute
from service.feedback import jsonl_lines
from service.limits import MAX_QUERY_INT
from service.store.repositories import ReviewRepository

router = APIRouter(prefix="/v1/feedback", tags=["feedback"], route_class=SessionRoute)


@router.get(
    "/export",
    response_class=StreamingResponse,
    summary="Export decided items as labelled JSONL",
    responses={200: {"content": {"application/x-ndjson": {}},
                     "description": "One JSON object per line (the training loader's format)."}},
)
def export_feedback(
    principal: ModeratorKey,
    db: Db,
    since: Annotated[datetime | None,
                     Query(description="Only items decided at or after this.")] = None,
    community_id: str | None = None,
    limit: Annotated[int | None, Query(ge=1, le=MAX_QUERY_INT)] = None,
) -> StreamingResponse:
    """Lines as written by `models.labelled_io.write_labelled`; see docs/service.md for how
    decisions map to labels. Moderators export only their communities."""
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    items = ReviewRepository(db).decided_with_text(principal.scope, since=since,
                                                   community=community_id, limit=limit)
    lines = list(jsonl_lines(items))
    return StreamingResponse(
        iter(lines), media_type="application/x-ndjson",
        headers={"Content-Disposition": 'attachment; filename="haven-feedback.jsonl"',
                 "X-Haven-Examples": str(len(lines))},
    )
