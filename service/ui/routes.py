"""The moderator web UI: sign-in, queue, item, bulk actions, stats, under ``/ui``.

Thin handlers over ``ReviewRepository`` (claims, decisions, audit) and ``service.ui.queries``
(reads the JSON API does not need). Every page is server-rendered with autoescaping on, so post
text is always shown as text; ``static/haven.js`` adds keyboard shortcuts, word highlights and
lease renewal, and every action also works without it.

Auth: a moderator or admin API key is exchanged once for a signed session cookie (see
``service.ui.sessions``); each POST carries the session's CSRF token. Errors are HTML pages, not
the API's JSON bodies: ``UiRoute`` catches domain errors for this router only.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from anyio import to_thread
from fastapi import APIRouter, Depends, FastAPI, Form, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from models.taxonomy import (
    CRISIS_LABELS,
    DEFAULT_THRESHOLD,
    LABEL_DEFINITIONS,
    LABELS,
    TARGET_DEFINITIONS,
)
from service.deps import AppServices, Principal, Services
from service.errors import ClaimConflict, HavenError, InvalidRequest, ModelUnavailable
from service.limits import MAX_QUERY_INT
from service.security import Role
from service.store.db import is_unavailable
from service.store.models import ReviewItem
from service.store.repositories import (
    FINAL_STATUSES,
    OPEN_STATUSES,
    AuditRepository,
    KeyRepository,
    ReviewRepository,
    scope_for,
)
from service.ui import queries
from service.ui.attribution import Attribution, AttributionCache
from service.ui.attribution import explain as explain_words
from service.ui.sessions import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    SESSION_MAX_AGE_S,
    SessionSigner,
    new_csrf_token,
    tokens_match,
)

log = logging.getLogger(__name__)

UI_DIR = Path(__file__).resolve().parent
STATIC_DIR = UI_DIR / "static"
PAGE_SIZE = 25
#: Longer texts are collapsed on the queue page (a preview plus "show full text").
PREVIEW_CHARS = 280
BULK_MAX = 100
STATUS_OPTIONS = ("open", "pending", "escalated", "approved", "rejected", "all")
#: Common reasons offered as suggestions; the field stays free text.
REASON_SUGGESTIONS = (
    "reclaimed or in-group language", "quoting or reporting abuse", "targeted insult",
    "dehumanising a protected group", "author at risk: resources offered", "spam or off-topic",
)

#: The only messages a redirect can ask a page to show (``?msg=code``): nothing user-supplied
#: is ever reflected.
FLASH = {
    "signed_out": "You are signed out.",
    "approved": "Approved: the platform is told to publish the post.",
    "rejected": "Rejected: the platform is told to remove the post.",
    "escalated": "Escalated: the post stays held for a senior moderator.",
    "released": "Released: the item is back in the queue for anyone.",
    "held_by_other": "Someone else holds this item now; it was not changed.",
    "already_decided": "This item was already decided; it was not changed.",
}

# Security headers of every /ui response. No 'unsafe-inline' anywhere: post text can never
# become script or style, even if escaping were bypassed.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'; object-src 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


# --------------------------------------------------------------------------- wiring


def mount_ui(app: FastAPI) -> None:
    """Add the UI to an app built by ``create_app``: routes, static files, headers, and the
    per-app session signer and attribution cache."""
    services: AppServices = app.state.services
    secret = services.settings.ui_session_secret
    if secret is None and services.settings.workers > 1:
        log.warning("HAVEN_UI_SESSION_SECRET is unset: each worker signs web UI sessions with "
                    "its own random secret, so moderators will be signed out at random; set it")
    app.state.ui_signer = SessionSigner.from_secret(secret.get_secret_value() if secret else None)
    app.state.ui_attributions = AttributionCache()
    app.include_router(router)
    app.mount("/ui/static", StaticFiles(directory=STATIC_DIR), name="ui-static")
    app.add_middleware(UiSecurityHeadersMiddleware)


class UiSecurityHeadersMiddleware:
    """Security headers on /ui responses; pages also get ``Cache-Control: no-store`` because
    they hold post text that must not linger in shared browser caches."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not (path == "/ui" or path.startswith("/ui/")):
            await self.app(scope, receive, send)
            return
        static = path.startswith("/ui/static/")
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                if not static and b"cache-control" not in names:
                    extra.append((b"cache-control", b"no-store"))
                if https:
                    extra.append((b"strict-transport-security", b"max-age=31536000"))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


# --------------------------------------------------------------------------- templates


def _asset_version(name: str) -> str:
    return hashlib.sha256((STATIC_DIR / name).read_bytes()).hexdigest()[:12]


_ASSET_VERSIONS = {name: _asset_version(name) for name in ("haven.css", "haven.js")}


def _age(value: datetime | None, now: datetime) -> str:
    if value is None:
        return ""
    seconds = max(0, int((now - value).total_seconds()))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 86400:
        return f"{seconds // 3600} h {seconds % 3600 // 60} min"
    return f"{seconds // 86400} d"


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(UI_DIR / "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(
        static=lambda name: f"/ui/static/{name}?v={_ASSET_VERSIONS.get(name, '0')}",
        LABELS=LABELS, LABEL_DEFINITIONS=LABEL_DEFINITIONS, TARGET_DEFINITIONS=TARGET_DEFINITIONS,
        CRISIS_LABELS=CRISIS_LABELS,
    )
    env.filters["age"] = _age
    env.filters["utc"] = lambda dt: dt.strftime("%Y-%m-%d %H:%M UTC") if dt else ""
    env.filters["pct"] = lambda x: "–" if x is None else f"{100 * x:.0f}%"
    return env


templates = Jinja2Templates(env=_environment())


# --------------------------------------------------------------------------- errors and auth


class LoginRequired(Exception):
    """No valid session: pages redirect to the sign-in form."""


class CsrfRejected(HavenError):
    status = 403
    code = "csrf_rejected"


class UiRoute(APIRoute):
    """Turns errors into HTML for this router only (the API keeps its JSON error bodies)."""

    def get_route_handler(self) -> Callable[[Request], Awaitable[Response]]:
        handler = super().get_route_handler()

        async def ui_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except LoginRequired:
                target = request.url.path
                if request.url.query:
                    target += "?" + request.url.query
                if request.method != "GET":
                    target = "/ui"
                response = RedirectResponse("/ui/login?" + urlencode({"next": target}), 303)
                if SESSION_COOKIE in request.cookies:  # forged, expired, or its key revoked
                    response.delete_cookie(SESSION_COOKIE, path="/ui")
                return response
            except RequestValidationError:
                return _error_page(request, 400, "That request was not understood.")
            except HavenError as exc:
                return _error_page(request, exc.status, exc.message)
            except Exception as exc:
                if not is_unavailable(exc):
                    raise
                return _error_page(request, 503, "The review queue's database cannot be reached "
                                   "right now. Nothing was changed; try again in a minute.")

        return ui_handler


def _error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return templates.TemplateResponse(request, "error.html",
                                      {"status": status, "message": message, "moderator": None},
                                      status_code=status)


router = APIRouter(prefix="/ui", route_class=UiRoute, include_in_schema=False)


@dataclass(frozen=True)
class Moderator:
    """The signed-in moderator: the same ``Principal`` the JSON API builds from a bearer key."""

    principal: Principal
    csrf: str

    @property
    def name(self) -> str:
        return self.principal.name

    @property
    def role(self) -> str:
        return self.principal.role.value


def current_moderator(request: Request, services: Services) -> Moderator:
    session = request.app.state.ui_signer.loads(request.cookies.get(SESSION_COOKIE))
    if session is None:
        raise LoginRequired()
    with services.sessions() as db:
        key = queries.active_ui_key(db, session.key_id)
        if key is None:  # revoked, deleted, or no longer a moderator
            raise LoginRequired()
        principal = Principal(key_id=key.id, name=key.name, role=Role(key.role),
                              communities=tuple(key.communities or ()),
                              scope=scope_for(key.role, key.communities or ()))
        per_minute = key.rate_limit_per_minute or services.settings.rate_limit_per_minute
    request.state.key_id = principal.key_id
    services.limiter.check(principal.key_id, per_minute)
    return Moderator(principal=principal, csrf=session.csrf)


UiUser = Annotated[Moderator, Depends(current_moderator)]


async def checked_moderator(request: Request, moderator: UiUser) -> Moderator:
    """For POSTs: the session's CSRF token must come back in the form or ``X-CSRF-Token``."""
    given: object = request.headers.get("x-csrf-token")
    if given is None:
        given = (await request.form()).get("csrf_token")
    if not tokens_match(moderator.csrf, given):
        raise CsrfRejected("This form has expired or did not come from Haven. Reload the page "
                           "and try again.")
    return moderator


PostingUser = Annotated[Moderator, Depends(checked_moderator)]


def _page(request: Request, template: str, moderator: Moderator | None,
          **context: Any) -> HTMLResponse:
    flash = FLASH.get(request.query_params.get("msg", ""))
    if flash is None and request.query_params.get("msg", "").startswith("bulk_"):
        flash = _bulk_flash(request)
    return templates.TemplateResponse(request, template, {
        "moderator": moderator, "csrf": moderator.csrf if moderator else "", "flash": flash,
        **context,
    })


def _bulk_flash(request: Request) -> str | None:
    action = request.query_params.get("msg", "").removeprefix("bulk_")
    if action not in ("approve", "reject"):
        return None
    done = _int(request.query_params.get("n"), 0)
    skipped = _int(request.query_params.get("skipped"), 0)
    verb = "Approved" if action == "approve" else "Rejected"
    text = f"{verb} {done} post{'s' if done != 1 else ''}."
    if skipped:
        text += (f" {skipped} skipped: held by someone else, already decided, or a crisis post "
                 "(those are decided one at a time).")
    return text


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def safe_back(value: str | None) -> str:
    """A same-site /ui path to return to; anything else (other hosts, //evil) becomes /ui."""
    if not value or not value.startswith("/ui") or "\\" in value or value.startswith("//"):
        return "/ui"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not (parts.path == "/ui" or parts.path.startswith("/ui/")):
        return "/ui"
    if ".." in parts.path.split("/"):
        return "/ui"
    return value


_FLASH_PARAMS = {"msg", "n", "skipped"}


def with_params(url: str, **params: str | int) -> str:
    """``url`` with ``params`` set, dropping any earlier flash message."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query)
             if k not in params and k not in _FLASH_PARAMS]
    query += [(k, str(v)) for k, v in params.items()]
    return parts.path + ("?" + urlencode(query) if query else "")


def _set_session(response: Response, request: Request, value: str) -> None:
    response.set_cookie(SESSION_COOKIE, value, max_age=SESSION_MAX_AGE_S, path="/ui",
                        httponly=True, samesite="lax", secure=request.url.scheme == "https")


# --------------------------------------------------------------------------- sign-in


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, services: Services,
               next: str = "/ui") -> Response:  # noqa: A002 - the form field
    session = request.app.state.ui_signer.loads(request.cookies.get(SESSION_COOKIE))
    if session is not None:
        with services.sessions() as db:
            if queries.active_ui_key(db, session.key_id) is not None:
                return RedirectResponse(safe_back(next), 303)
    return _login_page(request, next)


def _login_page(request: Request, next_url: str, *, error: str | None = None,
                status: int = 200) -> HTMLResponse:
    # Login CSRF (double submit): the form's token must match a cookie only this site can set,
    # so another site cannot sign a moderator in under the attacker's key.
    token = new_csrf_token()
    response = _page(request, "login.html", None, login_csrf=token, next=safe_back(next_url),
                     error=error)
    response.status_code = status
    response.set_cookie(LOGIN_CSRF_COOKIE, token, max_age=3600, path="/ui/login", httponly=True,
                        samesite="strict", secure=request.url.scheme == "https")
    return response


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    services: Services,
    api_key: Annotated[str, Form(max_length=500)] = "",
    csrf_token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/ui",  # noqa: A002 - the form field
) -> Response:
    if not tokens_match(request.cookies.get(LOGIN_CSRF_COOKIE), csrf_token):
        return _login_page(request, next, status=403,
                           error="The sign-in form expired. Please sign in again.")
    with services.sessions() as db:
        key = KeyRepository(db).authenticate(api_key.strip())
        if key is None:
            return _login_page(request, next, status=401,
                               error="That key is not valid, or it has been revoked.")
        if key.role not in queries.UI_ROLES:
            return _login_page(request, next, status=403, error=(
                "That is a platform (client) key. Only moderator and admin keys can sign in to "
                "the review queue: ask an admin for a moderator key."))
        AuditRepository(db).append(f"key:{key.id}", "ui_signed_in", at=services.clock())
        db.commit()
        key_id = key.id
    signer: SessionSigner = request.app.state.ui_signer
    response = RedirectResponse(safe_back(next), 303)
    _set_session(response, request, signer.dumps(signer.issue(key_id)))
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/ui/login")
    return response


@router.post("/logout")
def logout(request: Request, moderator: PostingUser) -> Response:
    response = RedirectResponse("/ui/login?msg=signed_out", 303)
    response.delete_cookie(SESSION_COOKIE, path="/ui", httponly=True, samesite="lax",
                           secure=request.url.scheme == "https")
    return response


# --------------------------------------------------------------------------- queue


@dataclass(frozen=True)
class Row:
    item: ReviewItem
    crisis: bool
    preview: str | None  # set when the text is long and collapsed
    holder: str | None  # who else holds it, if anyone
    scores: list[tuple[str, float, float, bool]]


def is_crisis(item: ReviewItem) -> bool:
    return item.model_decision == "refer" or any(label in CRISIS_LABELS for label in item.labels)


def _score_rows(item: ReviewItem, thresholds: dict[str, float]
                ) -> list[tuple[str, float, float, bool]]:
    scores = item.scores or {}
    return [(label, float(scores[label]), thresholds.get(label, DEFAULT_THRESHOLD),
             label in item.labels) for label in LABELS if label in scores]


def _lease_holder(item: ReviewItem, now: datetime) -> str | None:
    if item.lease_holder and item.lease_expires_at and item.lease_expires_at > now:
        return item.lease_holder
    return None


@router.get("", response_class=HTMLResponse)
def queue_page(
    request: Request,
    moderator: UiUser,
    services: Services,
    status: str = "open",
    label: str = "",
    community: str = "",
    decision: str = "",
    page: str = "1",
) -> HTMLResponse:
    """The queue: crisis referrals first, then by priority and age (the repository's order)."""
    filters = queries.QueueFilters(
        community=community[:200], label=label if label in LABELS else "",
        decision=decision if decision in queries.DECISIONS else "",
        status=status if status in STATUS_OPTIONS else "open",
    )
    # Clamped: a huge page number would overflow the database's integer offset (a 500).
    page_no = min(max(1, _int(page, 1)), MAX_QUERY_INT // PAGE_SIZE)
    now = services.clock()
    scope = moderator.principal.scope
    thresholds = services.engine.thresholds
    with services.sessions() as db:
        result = ReviewRepository(db).list(
            scope, community=filters.community or None, label=filters.label or None,
            decision=filters.decision or None, status=filters.status,
            limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE,
        )
        counts = queries.filter_counts(db, scope, filters)
        names = queries.actor_names(db, [i.lease_holder for i in result.items])
    rows = []
    for item in result.items:
        text = item.text or ""
        holder = _lease_holder(item, now)
        rows.append(Row(
            item=item, crisis=is_crisis(item),
            preview=text[:PREVIEW_CHARS].rstrip() if len(text) > PREVIEW_CHARS + 40 else None,
            holder=None if holder in (None, moderator.principal.actor)
            else names.get(holder, holder),
            scores=_score_rows(item, thresholds),
        ))
    communities = sorted(set(counts.community) | set(moderator.principal.scope or ()))
    pages = max(1, -(-result.total // PAGE_SIZE))
    status_param = filters.status if filters.status != "open" else ""
    query = {k: v for k, v in (("status", status_param), ("label", filters.label),
                               ("community", filters.community),
                               ("decision", filters.decision)) if v}
    back = "/ui" + ("?" + urlencode({**query, "page": page_no}) if query or page_no > 1 else "")
    return _page(
        request, "queue.html", moderator, nav="queue", rows=rows, total=result.total,
        filters=filters, counts=counts, communities=communities, page=page_no, pages=pages,
        prev_url=f"/ui?{urlencode({**query, 'page': page_no - 1})}" if page_no > 1 else None,
        next_url=f"/ui?{urlencode({**query, 'page': page_no + 1})}" if page_no < pages else None,
        status_options=STATUS_OPTIONS, decisions=queries.DECISIONS, now=now, back=back,
        back_param=urlencode({"back": back}), reasons=REASON_SUGGESTIONS,
    )


@router.post("/bulk")
def bulk_decide(
    moderator: PostingUser,
    services: Services,
    action: Annotated[str, Form()],
    item_ids: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies defaults
    reason: Annotated[str, Form(max_length=500)] = "",
    back: Annotated[str, Form(max_length=2000)] = "/ui",
) -> Response:
    """Approve or reject the ticked items, each claimed then decided like a single one. Crisis
    referrals are skipped: a post showing risk gets a moderator's full attention."""
    if action not in ("approve", "reject"):
        raise InvalidRequest("Bulk actions are approve or reject.")
    done = skipped = 0
    actor, scope = moderator.principal.actor, moderator.principal.scope
    with services.sessions() as db:
        repo = ReviewRepository(db)
        for item_id in list(dict.fromkeys(item_ids))[:BULK_MAX]:
            try:
                item = repo.get(item_id, scope)
                if is_crisis(item) or item.status not in OPEN_STATUSES:
                    skipped += 1
                    continue
                repo.claim(item_id, actor, scope, lease_s=services.settings.claim_lease_s,
                           now=services.clock())
                repo.decide(item_id, actor, scope, action=action, reason=reason.strip() or None,
                            now=services.clock())
                done += 1
            except HavenError:  # claimed by someone else, decided meanwhile, out of scope
                db.rollback()
                skipped += 1
    return RedirectResponse(with_params(safe_back(back), msg=f"bulk_{action}", n=done,
                                        skipped=skipped), 303)


# --------------------------------------------------------------------------- item


@dataclass(frozen=True)
class ItemView:
    item: ReviewItem
    held_by_me: bool
    holder: str | None
    decided_by: str | None
    history: list[tuple[Any, str]]
    author_posts: list[ReviewItem]
    prev_id: str | None
    next_id: str | None


def _load_item(services: AppServices, moderator: Moderator, item_id: str, *,
               claim: bool) -> ItemView:
    """Read an item in scope and, when ``claim`` and it is open, lease it to this moderator
    (opening an item is taking it, so two moderators do not work the same post)."""
    actor, scope = moderator.principal.actor, moderator.principal.scope
    now = services.clock()
    with services.sessions() as db:
        repo = ReviewRepository(db)
        item = repo.get(item_id, scope)
        if claim and item.status in OPEN_STATUSES:
            try:
                item = repo.claim(item_id, actor, scope,
                                  lease_s=services.settings.claim_lease_s, now=now)
            except ClaimConflict:
                item = repo.get(item_id, scope)
        history = repo.history(item_id, scope)
        holder = _lease_holder(item, now)
        names = queries.actor_names(db, [holder, item.decided_by, *(e.actor for e in history)])
        prev_id, next_id = queries.queue_neighbours(db, scope, item)
        return ItemView(
            item=item, held_by_me=holder == actor,
            holder=names.get(holder, holder) if holder and holder != actor else None,
            decided_by=names.get(item.decided_by or "", item.decided_by),
            history=[(e, names.get(e.actor, e.actor)) for e in history],
            author_posts=queries.author_recent(db, item, scope),
            prev_id=prev_id, next_id=next_id,
        )


async def _attribution(request: Request, services: AppServices, item: ReviewItem, *,
                       compute: bool) -> Attribution | None:
    cache: AttributionCache = request.app.state.ui_attributions
    key = cache.key(item.id, services.engine)
    found = cache.get(key)
    if found is not None or not compute or item.text is None:
        return found
    result = await explain_words(services.engine, item.text, item.reply_to_text, list(item.labels))
    cache.put(cache.key(item.id, services.engine), result)
    return result


@router.get("/items/{item_id}", response_class=HTMLResponse)
async def item_page(request: Request, item_id: str, moderator: UiUser, services: Services,
                    back: str = "/ui", explain: str = "", label: str = "") -> HTMLResponse:
    view = await to_thread.run_sync(lambda: _load_item(services, moderator, item_id, claim=True))
    attribution_error = None
    try:
        attribution = await _attribution(request, services, view.item, compute=explain == "1")
    except ModelUnavailable as exc:
        attribution, attribution_error = None, exc.message
    shown_label = label if attribution and label in LABELS else (
        attribution.top_label if attribution else "")
    back = safe_back(back)
    item = view.item
    return _page(
        request, "item.html", moderator, nav="queue", view=view, item=item,
        crisis=is_crisis(item), scores=_score_rows(item, services.engine.thresholds),
        attribution=attribution, shown_label=shown_label, attribution_error=attribution_error,
        now=services.clock(), back=back, back_param=urlencode({"back": back}),
        is_open=item.status in OPEN_STATUSES, is_final=item.status in FINAL_STATUSES,
        can_act=item.status in OPEN_STATUSES and view.held_by_me, reasons=REASON_SUGGESTIONS,
        targets=list(TARGET_DEFINITIONS),
    )


@router.get("/items/{item_id}/attribution")
async def item_attribution(request: Request, item_id: str, moderator: UiUser,
                           services: Services) -> JSONResponse:
    """Word highlights as JSON for haven.js: computed on first request, then cached. Only
    moderators of the item's community get here (out of scope reads as not found)."""
    scope = moderator.principal.scope

    def read() -> ReviewItem:
        with services.sessions() as db:
            return ReviewRepository(db).get(item_id, scope)

    item = await to_thread.run_sync(read)
    if item.text is None:
        return JSONResponse({"error": "The text of this post was purged."}, status_code=410)
    try:
        result = await _attribution(request, services, item, compute=True)
    except ModelUnavailable as exc:
        return JSONResponse({"error": f"Highlights unavailable: {exc.message}"}, status_code=503)
    assert result is not None
    return JSONResponse(result.as_json())


@router.post("/items/{item_id}/claim")
def renew_claim(item_id: str, moderator: PostingUser, services: Services) -> JSONResponse:
    """Lease renewal for haven.js while the item page is open."""
    try:
        view_item = _load_item(services, moderator, item_id, claim=True)
    except HavenError as exc:
        return JSONResponse({"held": False, "message": exc.message}, status_code=exc.status)
    if not view_item.held_by_me:
        return JSONResponse({"held": False, "holder": view_item.holder,
                             "status": view_item.item.status}, status_code=409)
    expires = view_item.item.lease_expires_at
    return JSONResponse({"held": True, "lease_expires_at": expires.isoformat() if expires
                         else None})


@router.post("/items/{item_id}/decide")
def decide_item(
    item_id: str,
    moderator: PostingUser,
    services: Services,
    action: Annotated[str, Form()],
    relabel: Annotated[str, Form()] = "",
    labels: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies defaults
    targets: Annotated[list[str], Form()] = [],  # noqa: B006
    reason: Annotated[str, Form(max_length=500)] = "",
    note: Annotated[str, Form(max_length=5000)] = "",
    back: Annotated[str, Form(max_length=2000)] = "/ui",
) -> Response:
    """Approve, reject or escalate. Labels count only with ``relabel`` ticked: then the ticked
    labels apply and all others do not (the feedback export's meaning of a relabel)."""
    back = safe_back(back)
    item_url = f"/ui/items/{item_id}?{urlencode({'back': back})}"
    actor, scope = moderator.principal.actor, moderator.principal.scope
    with services.sessions() as db:
        repo = ReviewRepository(db)
        try:
            # Re-claiming extends this moderator's lease, or takes a lapsed one back; it fails
            # only if someone else holds the item now.
            repo.claim(item_id, actor, scope, lease_s=services.settings.claim_lease_s,
                       now=services.clock())
            repo.decide(item_id, actor, scope, action=action,
                        labels=labels if relabel else None,
                        targets=targets if relabel and targets else None,
                        reason=reason.strip() or None, note=note.strip() or None,
                        now=services.clock())
        except ClaimConflict as exc:
            code = "already_decided" if exc.code == "already_decided" else "held_by_other"
            return RedirectResponse(with_params(item_url, msg=code), 303)
    done = {"approve": "approved", "reject": "rejected", "escalate": "escalated"}[action]
    return RedirectResponse(with_params(back, msg=done), 303)


@router.post("/items/{item_id}/release")
def release_item(item_id: str, moderator: PostingUser, services: Services,
                 back: Annotated[str, Form(max_length=2000)] = "/ui") -> Response:
    with services.sessions() as db:
        try:
            ReviewRepository(db).release(item_id, moderator.principal.actor,
                                         moderator.principal.scope, now=services.clock())
        except ClaimConflict:
            return RedirectResponse(with_params(safe_back(back), msg="held_by_other"), 303)
    return RedirectResponse(with_params(safe_back(back), msg="released"), 303)


# --------------------------------------------------------------------------- stats


@router.get("/stats", response_class=HTMLResponse)
def stats_page(request: Request, moderator: UiUser, services: Services) -> HTMLResponse:
    with services.sessions() as db:
        figures = queries.stats(db, moderator.principal.scope, services.clock())
    peak = max((n for _, n in figures.queue_over_time), default=0)
    return _page(request, "stats.html", moderator, nav="stats", stats=figures,
                 peak=max(peak, 1))
