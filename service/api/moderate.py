"""POST /v1/moderate: score posts and route each to allow, review, block or refer."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from models.taxonomy import LABELS
from service.deps import ClientKey, Services, SessionRoute
from service.errors import InvalidRequest
from service.limits import check_characters, is_blank
from service.moderation import PostIn
from service.policy import COMMUNITY_ID_RE

router = APIRouter(prefix="/v1", tags=["moderation"], route_class=SessionRoute)


def _id_text(value: Any) -> Any:
    # Platforms often use numeric ids; accept them as their decimal text.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


class PostRequest(BaseModel):
    """One post to moderate. Unknown fields are refused so a typo (``community``) cannot
    silently route a post to the default policy."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, BeforeValidator(_id_text)] = Field(
        min_length=1, max_length=200, description="The platform's post id (idempotency key).")
    text: str = Field(min_length=1, description="The post text. Never logged.")
    author_id: Annotated[str | None, BeforeValidator(_id_text)] = Field(None, max_length=200)
    community_id: str | None = Field(
        None, max_length=200, pattern=COMMUNITY_ID_RE.pattern,
        description="Selects the community's policy and moderators; default: `default`.")
    language: str | None = Field(
        None, max_length=35, pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$",
        description="BCP 47 language tag (e.g. `en`, `ar-LB`): chooses referral services.")
    country: str | None = Field(
        None, pattern=r"^[A-Za-z]{2}$",
        description="ISO 3166-1 alpha-2 country of the author: chooses referral services.")
    reply_to_text: str | None = Field(
        None, description="Text of the post this one replies to (scored as context).")

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if is_blank(value):
            raise ValueError("text must not be blank (only whitespace or invisible characters)")
        return value

    @field_validator("text", "reply_to_text")
    @classmethod
    def _text_characters(cls, value: str | None) -> str | None:
        # NUL cannot be stored by PostgreSQL; other controls only serve to evade or garble.
        return check_characters(value, multiline=True) if value is not None else value

    @field_validator("id", "author_id")
    @classmethod
    def _id_characters(cls, value: str | None) -> str | None:
        return check_characters(value, multiline=False) if value is not None else value

    @field_validator("country")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else value


class ModerateRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"posts": [
            {"id": "p-1001", "text": "Welcome! Glad you found this group.", "community_id": "lgbtq-support",
             "language": "en", "country": "GB"},
            {"id": "p-1002", "text": "I can't do this anymore, I want to end it.",
             "author_id": "u-77", "community_id": "lgbtq-support", "language": "en",
             "country": "GB"},
        ]}]},
    )

    posts: list[PostRequest] = Field(min_length=1)

    @field_validator("posts")
    @classmethod
    def _unique_ids(cls, posts: list[PostRequest]) -> list[PostRequest]:
        seen: set[str] = set()
        duplicates = sorted({p.id for p in posts if p.id in seen or seen.add(p.id)})
        if duplicates:
            raise ValueError(f"duplicate post ids in one request: {', '.join(duplicates)}")
        return posts


class ReasonOut(BaseModel):
    code: str = Field(description="`review_threshold`, `block_threshold`, "
                      "`block_not_calibrated`, `crisis_signal`, `crisis_overrides_block`, "
                      "`model_unavailable` or `unsupported_language` "
                      "(and `storage_unavailable` in the fail-safe results of a 503).")
    message: str
    label: str | None = None
    score: float | None = None
    threshold: float | None = None


class ResourceOut(BaseModel):
    id: str
    name: str
    languages: list[str]
    audiences: list[str]
    phone: str | None = None
    text: str | None = None
    url: str | None = None
    hours: str
    notes: str | None = None
    verify_before_use: bool


class ReferralOut(BaseModel):
    message: str
    country: str | None
    language: str | None
    emergency_number: str | None
    resources: list[ResourceOut]
    notice: str = Field(description="The deploying platform must verify every listing.")
    directory_version: str


class PolicyRef(BaseModel):
    name: str
    version: str
    community_id: str


class PostResult(BaseModel):
    id: str
    decision: str = Field(description="`allow`, `review` (hold for a moderator), `block`, or "
                          "`refer` (hold, queue first, and show the author `referral`).")
    labels: list[str] = Field(description="Labels at or over their threshold, or that fired a "
                              f"rule. Possible: {', '.join(LABELS)}.")
    scores: dict[str, float] | None = Field(description="Per-label probability; null when the "
                                            "model was unavailable.")
    targets: dict[str, float] | None = Field(description="Targeted identity groups.")
    reasons: list[ReasonOut]
    review_id: str | None = Field(description="Set when the post was queued for review.")
    referral: ReferralOut | None = None
    policy: PolicyRef
    # Optional only so results stored before these fields existed still replay.
    language: str | None = Field(None, description="The post's language as Haven used it (BCP 47: "
                                 "`ar`, `en`, `ar-Latn` for Arabizi, `und` when undetermined).")
    language_source: str | None = Field(None, description="`detected` from the text, `declared` "
                                        "(the request's `language`, used for short or ambiguous "
                                        "posts), or `fallback` (neither: `und`).")
    language_supported: bool | None = Field(None, description="False when Haven's models were "
                                            "not trained and measured on this language; the "
                                            "policy's `unsupported_language` then applies.")
    replayed: bool = Field(description="True when this is the stored result of an earlier call.")


class ModelRef(BaseModel):
    name: str
    version: str


class Timing(BaseModel):
    inference_ms: float | None
    total_ms: float


class ModerateResponse(BaseModel):
    model: ModelRef | None = Field(description="Null while the model is unavailable.")
    results: list[PostResult]
    timing: Timing


@router.post(
    "/moderate",
    response_model=ModerateResponse,
    summary="Moderate up to 64 posts before publishing them",
    responses={401: {"description": "Missing or invalid key"}, 409: {"description":
               "Idempotency-Key or post id reused with different content"},
               422: {"description": "Invalid request"}, 429: {"description": "Rate limited"}},
)
async def moderate(
    request: Request,
    body: ModerateRequest,
    principal: ClientKey,
    services: Services,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> dict[str, Any]:
    """Each post gets scores, labels, a decision and reasons. Repeating a post id (per API key)
    or an `Idempotency-Key` returns the stored result and never queues a post twice. If the
    model fails or times out, posts are held for `review` with reason `model_unavailable`."""
    settings = services.settings
    if len(body.posts) > settings.max_posts_per_request:
        raise InvalidRequest(
            f"at most {settings.max_posts_per_request} posts per request",
            details=[{"field": "body.posts", "message": f"{len(body.posts)} posts given"}],
        )
    too_long = [
        {"field": f"body.posts.{i}.{name}", "message":
         f"longer than {settings.max_text_chars} characters"}
        for i, post in enumerate(body.posts)
        for name, value in (("text", post.text), ("reply_to_text", post.reply_to_text))
        if value is not None and len(value) > settings.max_text_chars
    ]
    if too_long:
        raise InvalidRequest("post text too long", details=too_long)
    posts = [PostIn(**post.model_dump()) for post in body.posts]
    response = await services.moderation.moderate(principal.key_id, posts,
                                                  idempotency_key=idempotency_key)
    # The request's one log line (service.app.RequestLogMiddleware) carries the decisions.
    request.state.log_fields = {"posts": len(posts),
                                "decisions": [r["decision"] for r in response["results"]]}
    return response
