"""Every route of the app enforces its role and its community scope: a table-driven test.

``ACCESS`` names the rule of every (method, path) the app serves; ``test_every_route_has_a_rule``
walks ``app.routes`` so a new route without a row fails here until someone decides who may call
it. ``SCOPE`` then says, for every route that touches a community's data, what a moderator of
*another* community (or another platform) sees: nothing of it (404 or filtered out).

Callers: ``anonymous`` (no key), ``bogus`` (a well-formed key that does not exist), ``client``
(platform A), ``moderator`` (of community c1) and ``admin``. Web UI routes are called with a
signed-in session (moderator of c1) with and without its CSRF token, and every answer must
carry the UI's Content-Security-Policy.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from haven_testkit import Haven, haven_app, make_settings
from httpx import Response
from sqlalchemy import select

from service.store.models import ReviewItem

ROOT = Path(__file__).resolve().parents[2]
CALLERS = ("anonymous", "bogus", "client", "moderator", "admin")
BOGUS = "hvn_000000000000_" + "x" * 43

# Who may call a route.
PUBLIC = "public"  # no key (health, metrics, docs: expose on the internal network only)
ANY_KEY = "any key"
CLIENT = "client or admin"
MODERATOR = "moderator or admin"
ADMIN = "admin"
UI_PUBLIC = "ui: anyone"
UI_LOGIN = "ui: sign-in form (its own CSRF cookie)"
UI_PAGE = "ui: signed-in moderator"
UI_POST = "ui: signed-in moderator + CSRF token"

ALLOWED = {
    PUBLIC: set(CALLERS), ANY_KEY: {"client", "moderator", "admin"},
    CLIENT: {"client", "admin"}, MODERATOR: {"moderator", "admin"}, ADMIN: {"admin"},
}


@dataclass
class World:
    """One app with two communities (c1, c2), two platforms (A, B) and their moderators."""

    haven: Haven
    ids: dict[str, str] = field(default_factory=dict)
    ui: dict[str, TestClient] = field(default_factory=dict)
    csrf: dict[str, str] = field(default_factory=dict)

    @property
    def client(self) -> TestClient:
        return self.haven.client

    def token(self, caller: str) -> str | None:
        if caller == "anonymous":
            return None
        return BOGUS if caller == "bogus" else self.haven.keys[caller]

    def fresh_item(self, community: str = "c1", platform: str = "client") -> str:
        """A new open item, for requests that change the one they touch."""
        self.ids["n"] = str(int(self.ids.get("n", "0")) + 1)
        post = {"id": f"fresh-{self.ids['n']}", "text": "hate=0.6 fresh", "community_id": community}
        answer = self.haven.moderate(self.haven.keys[platform], post).json()
        return answer["results"][0]["review_id"]

    def throwaway_key(self) -> str:
        return self.haven.key(f"throwaway-{len(self.haven.keys)}", "client").split("_")[1]


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def sign_in(world: World, name: str) -> None:
    browser = TestClient(world.haven.app, follow_redirects=False)
    form = browser.get("/ui/login")
    signed = browser.post("/ui/login", data={"api_key": world.haven.keys[name],
                                             "csrf_token": csrf_of(form.text)})
    assert signed.status_code == 303, signed.text
    world.csrf[name] = csrf_of(browser.get("/ui").text)
    world.ui[name] = browser


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    tmp = Path(tmp_path_factory.mktemp("route-access"))
    policies = tmp / "policies"
    policies.mkdir()
    for name in ("default", "c1", "c2"):
        shutil.copy(ROOT / "service/policies/default.yaml", policies / f"{name}.yaml")
    settings = make_settings(tmp, policy_dir=str(policies), ui_session_secret="s" * 40)
    with haven_app(settings) as haven:
        w = World(haven=haven)
        haven.key("client", "client", webhook_url="http://127.0.0.1:9/a")
        haven.key("client_b", "client", webhook_url="http://127.0.0.1:9/b")
        haven.key("moderator", "moderator", ["c1"])
        haven.key("moderator_c2", "moderator", ["c2"])
        haven.key("admin", "admin")
        # c1: an open item, and a decided one (feedback export, a webhook delivery for A).
        w.ids["item"] = w.fresh_item("c1")
        decided = haven.moderate(haven.keys["client"], {
            "id": "decided", "text": "hate=0.6 c1 secret words", "community_id": "c1"})
        w.ids["decided"] = decided.json()["results"][0]["review_id"]
        mod = haven.headers(haven.keys["moderator"])
        haven.client.post(f"/v1/reviews/{w.ids['decided']}/claim", headers=mod)
        assert haven.client.post(f"/v1/reviews/{w.ids['decided']}/decision", headers=mod,
                                 json={"action": "reject"}).status_code == 200
        delivery = haven.client.get("/v1/webhooks/deliveries",
                                    headers=haven.headers(haven.keys["client"])).json()
        w.ids["delivery"] = delivery[0]["id"]
        for name in ("moderator", "moderator_c2"):
            sign_in(w, name)
        yield w


# (method, path) -> (rule, request builder: world -> (url, request kwargs))
Builder = Callable[[World], tuple[str, dict[str, Any]]]


def at(url: str, **kwargs: Any) -> Builder:
    return lambda w: (url.format(**w.ids), kwargs)


ACCESS: dict[tuple[str, str], tuple[str, Builder]] = {
    ("GET", "/healthz"): (PUBLIC, at("/healthz")),
    ("GET", "/readyz"): (PUBLIC, at("/readyz")),
    ("GET", "/metrics"): (PUBLIC, at("/metrics")),
    ("GET", "/openapi.json"): (PUBLIC, at("/openapi.json")),
    ("GET", "/docs"): (PUBLIC, at("/docs")),
    ("GET", "/docs/oauth2-redirect"): (PUBLIC, at("/docs/oauth2-redirect")),
    ("GET", "/redoc"): (PUBLIC, at("/redoc")),
    ("GET", "/v1/me"): (ANY_KEY, at("/v1/me")),
    ("POST", "/v1/moderate"): (CLIENT, at("/v1/moderate", json={"posts": [
        {"id": "access-1", "text": "hello", "community_id": "c1"}]})),
    ("GET", "/v1/webhooks/deliveries"): (CLIENT, at("/v1/webhooks/deliveries")),
    ("GET", "/v1/webhooks/deliveries/{delivery_id}/attempts"): (
        CLIENT, at("/v1/webhooks/deliveries/{delivery}/attempts")),
    ("GET", "/v1/reviews"): (MODERATOR, at("/v1/reviews?community_id=c1")),
    ("POST", "/v1/reviews/claim"): (MODERATOR, at("/v1/reviews/claim", json={})),
    ("GET", "/v1/reviews/{review_id}"): (MODERATOR, at("/v1/reviews/{item}")),
    ("POST", "/v1/reviews/{review_id}/claim"): (
        MODERATOR, lambda w: (f"/v1/reviews/{w.fresh_item()}/claim", {})),
    ("POST", "/v1/reviews/{review_id}/release"): (MODERATOR, at("/v1/reviews/{item}/release")),
    ("POST", "/v1/reviews/{review_id}/decision"): (
        MODERATOR, lambda w: (f"/v1/reviews/{w.fresh_item()}/decision",
                              {"json": {"action": "approve"}})),
    ("GET", "/v1/reviews/{review_id}/history"): (MODERATOR, at("/v1/reviews/{item}/history")),
    ("GET", "/v1/feedback/export"): (MODERATOR, at("/v1/feedback/export")),
    ("GET", "/v1/policies"): (MODERATOR, at("/v1/policies")),
    ("GET", "/v1/policies/{community_id}"): (MODERATOR, at("/v1/policies/c1")),
    ("POST", "/v1/policies/reload"): (ADMIN, at("/v1/policies/reload")),
    ("POST", "/v1/keys"): (ADMIN, at("/v1/keys", json={"name": "new", "role": "client"})),
    ("GET", "/v1/keys"): (ADMIN, at("/v1/keys")),
    ("DELETE", "/v1/keys/{key_id}"): (ADMIN, lambda w: (f"/v1/keys/{w.throwaway_key()}", {})),
    ("PUT", "/v1/keys/{key_id}/webhook"): (
        ADMIN, lambda w: (f"/v1/keys/{w.throwaway_key()}/webhook",
                          {"json": {"webhook_url": None}})),
    ("POST", "/v1/webhooks/deliveries/{delivery_id}/retry"): (
        ADMIN, at("/v1/webhooks/deliveries/{delivery}/retry")),
    ("GET", "/v1/audit"): (ADMIN, at("/v1/audit")),
    # web UI
    ("GET", "/ui/static"): (UI_PUBLIC, at("/ui/static/haven.css")),
    ("GET", "/ui/login"): (UI_PUBLIC, at("/ui/login")),
    ("POST", "/ui/login"): (UI_LOGIN, at("/ui/login")),
    ("POST", "/ui/logout"): (UI_POST, at("/ui/logout")),
    ("GET", "/ui"): (UI_PAGE, at("/ui")),
    ("GET", "/ui/stats"): (UI_PAGE, at("/ui/stats")),
    ("GET", "/ui/items/{item_id}"): (UI_PAGE, at("/ui/items/{item}")),
    ("GET", "/ui/items/{item_id}/attribution"): (UI_PAGE, at("/ui/items/{item}/attribution")),
    ("POST", "/ui/bulk"): (UI_POST, at("/ui/bulk", data={"action": "approve"})),
    ("POST", "/ui/items/{item_id}/claim"): (UI_POST, at("/ui/items/{item}/claim")),
    ("POST", "/ui/items/{item_id}/decide"): (
        UI_POST, at("/ui/items/{item}/decide", data={"action": "escalate"})),
    ("POST", "/ui/items/{item_id}/release"): (UI_POST, at("/ui/items/{item}/release")),
}


def served_routes(world: World) -> set[tuple[str, str]]:
    routes = set()
    for route in iter_route_contexts(world.haven.app.routes):
        methods = route.methods or {"GET"}  # a Mount (static files) answers GET
        routes.update((m, route.path) for m in methods if m != "HEAD")
    return routes


def test_every_route_has_a_rule(world: World) -> None:
    served = served_routes(world)
    assert len(served) >= 40
    assert served - ACCESS.keys() == set(), "new routes need a row in ACCESS (and SCOPE)"
    assert ACCESS.keys() - served == set(), "rows for routes that no longer exist"


def call(world: World, method: str, caller: str, build: Builder) -> Response:
    url, kwargs = build(world)
    return world.client.request(method, url, headers=world.haven.headers(world.token(caller)),
                                **kwargs)


API_ROUTES = [(m, p) for (m, p), (rule, _) in ACCESS.items() if rule in ALLOWED]


@pytest.mark.parametrize(("method", "path"), API_ROUTES, ids=[f"{m} {p}" for m, p in API_ROUTES])
def test_api_route_enforces_its_role(world: World, method: str, path: str) -> None:
    rule, build = ACCESS[(method, path)]
    for caller in CALLERS:
        response = call(world, method, caller, build)
        assert response.status_code < 500, (caller, response.text)
        if caller in ALLOWED[rule]:
            assert response.status_code not in (401, 403), (caller, response.text)
        elif caller in ("anonymous", "bogus"):
            assert response.status_code == 401, (caller, response.text)
            assert response.headers["www-authenticate"] == "Bearer"
            assert response.json()["error"]["code"] == "unauthenticated"
        else:
            assert response.status_code == 403, (caller, response.text)
            assert response.json()["error"]["code"] == "forbidden"


UI_ROUTES = [(m, p) for (m, p), (rule, _) in ACCESS.items() if rule not in ALLOWED]


def with_csp(response: Response) -> Response:
    """Every web UI answer (pages, redirects, refusals) carries the strict CSP."""
    csp = response.headers.get("content-security-policy", "")
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, response.url
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    return response


@pytest.mark.parametrize(("method", "path"), UI_ROUTES, ids=[f"{m} {p}" for m, p in UI_ROUTES])
def test_ui_route_needs_a_session_and_csrf(world: World, method: str, path: str) -> None:
    rule, build = ACCESS[(method, path)]
    url, kwargs = build(world)
    anonymous = TestClient(world.haven.app, follow_redirects=False)
    response = with_csp(anonymous.request(method, url, **kwargs))
    if rule == UI_PUBLIC:
        assert response.status_code == 200
        return
    if rule == UI_LOGIN:  # a cross-site post carries no sign-in CSRF cookie
        response = with_csp(anonymous.post(url, data={"api_key": world.haven.keys["moderator"],
                                                      "csrf_token": "forged"}))
        assert response.status_code == 403
        return
    # No session: sent to the sign-in form, nothing done.
    assert response.status_code == 303 and response.headers["location"].startswith("/ui/login")
    # An API key is no substitute for the session (the UI only trusts its own cookie).
    with_key = anonymous.request(method, url, headers=world.haven.headers(
        world.haven.keys["admin"]), **kwargs)
    assert with_key.status_code == 303
    browser = world.ui["moderator"]
    if rule == UI_PAGE:
        assert with_csp(browser.request(method, url, **kwargs)).status_code == 200
        return
    # Signed in but without the session's CSRF token (a cross-site form), or a forged one.
    for token in (None, "forged"):
        data = {**kwargs.get("data", {}), **({"csrf_token": token} if token else {})}
        refused = with_csp(browser.request(method, url, data=data))
        assert refused.status_code == 403, (token, refused.text[:300])
    forged_header = browser.request(method, url, headers={"X-CSRF-Token": "forged"}, **kwargs)
    assert forged_header.status_code == 403


# --------------------------------------------------------------------------- community scope

# For each route that reads or changes a community's data: what an outsider (moderator of c2,
# or platform B) gets. ``who`` is the outsider; ``check`` the response (True = nothing leaked).
Check = Callable[[World, Response], bool]


def not_found(_w: World, r: Response) -> bool:
    return r.status_code == 404


#: Community c1's id as a token of its own. The page's random CSRF token (token_urlsafe(32))
#: holds the letters "c1" about once in 100 draws (measured: 0.96 % of 200,000), which made a
#: plain substring check fail at random and says nothing about c1's data.
C1_ID = re.compile(r"(?<![A-Za-z0-9_-])c1(?![A-Za-z0-9_-])")


def no_c1(_w: World, r: Response) -> bool:
    return r.status_code == 200 and not C1_ID.search(r.text) and "secret words" not in r.text


SCOPE: dict[tuple[str, str], tuple[str, Builder, Check]] = {
    ("GET", "/v1/reviews"): ("moderator_c2", at("/v1/reviews?status=all"), no_c1),
    ("POST", "/v1/reviews/claim"): (
        "moderator_c2", at("/v1/reviews/claim", json={"community_id": "c1"}),
        lambda w, r: r.status_code == 200 and r.json()["item"] is None),
    ("GET", "/v1/reviews/{review_id}"): ("moderator_c2", at("/v1/reviews/{item}"), not_found),
    ("POST", "/v1/reviews/{review_id}/claim"): (
        "moderator_c2", at("/v1/reviews/{item}/claim"), not_found),
    ("POST", "/v1/reviews/{review_id}/release"): (
        "moderator_c2", at("/v1/reviews/{item}/release"), not_found),
    ("POST", "/v1/reviews/{review_id}/decision"): (
        "moderator_c2", at("/v1/reviews/{item}/decision", json={"action": "approve"}),
        not_found),
    ("GET", "/v1/reviews/{review_id}/history"): (
        "moderator_c2", at("/v1/reviews/{decided}/history"), not_found),
    ("GET", "/v1/feedback/export"): ("moderator_c2", at("/v1/feedback/export"),
                                     lambda w, r: r.status_code == 200 and r.text.strip() == ""),
    ("GET", "/v1/policies"): (
        "moderator_c2", at("/v1/policies"),
        lambda w, r: sorted(p["community_id"] for p in r.json()) == ["c2", "default"]),
    ("GET", "/v1/policies/{community_id}"): ("moderator_c2", at("/v1/policies/c1"), not_found),
    ("GET", "/v1/webhooks/deliveries"): (
        "client_b", at("/v1/webhooks/deliveries"),
        lambda w, r: r.status_code == 200 and w.ids["delivery"] not in r.text),
    ("GET", "/v1/webhooks/deliveries/{delivery_id}/attempts"): (
        "client_b", at("/v1/webhooks/deliveries/{delivery}/attempts"), not_found),
    ("GET", "/ui"): ("moderator_c2", at("/ui?status=all"), no_c1),
    ("GET", "/ui/stats"): ("moderator_c2", at("/ui/stats"),
                           lambda w, r: r.status_code == 200 and ">c1<" not in r.text),
    ("GET", "/ui/items/{item_id}"): ("moderator_c2", at("/ui/items/{item}"), not_found),
    ("GET", "/ui/items/{item_id}/attribution"): (
        "moderator_c2", at("/ui/items/{item}/attribution"), not_found),
    ("POST", "/ui/items/{item_id}/claim"): ("moderator_c2", at("/ui/items/{item}/claim"),
                                            not_found),
    ("POST", "/ui/items/{item_id}/decide"): (
        "moderator_c2", at("/ui/items/{item}/decide", data={"action": "approve"}), not_found),
    ("POST", "/ui/items/{item_id}/release"): ("moderator_c2", at("/ui/items/{item}/release"),
                                              not_found),
    ("POST", "/ui/bulk"): (
        "moderator_c2", lambda w: ("/ui/bulk", {"data": {"action": "approve",
                                                          "item_ids": [fresh(w, "bulk")]}}),
        lambda w, r: r.status_code < 400 and item_status(w, w.ids["bulk"]) == "pending"),
}
# Rules whose routes hold no community's data (admins see every community by design).
UNSCOPED_RULES = {PUBLIC, ANY_KEY, ADMIN, UI_PUBLIC, UI_LOGIN}
UNSCOPED_ROUTES = {("POST", "/v1/moderate"),  # writes only under the calling key's post ids
                   ("POST", "/ui/logout")}


def fresh(world: World, name: str) -> str:
    world.ids[name] = world.fresh_item()
    return world.ids[name]


def item_status(world: World, item_id: str) -> str:
    with world.haven.services.sessions() as session:
        return session.scalar(select(ReviewItem.status).where(ReviewItem.id == item_id))


def test_every_community_route_has_a_scope_case() -> None:
    needs_scope = {route for route, (rule, _) in ACCESS.items()
                   if rule not in UNSCOPED_RULES and route not in UNSCOPED_ROUTES}
    assert needs_scope - SCOPE.keys() == set()
    assert SCOPE.keys() - needs_scope == set()


SCOPED_ROUTES = list(SCOPE)


@pytest.mark.parametrize(("method", "path"), SCOPED_ROUTES,
                         ids=[f"{m} {p}" for m, p in SCOPED_ROUTES])
def test_outsiders_see_nothing_of_another_community(world: World, method: str,
                                                    path: str) -> None:
    who, build, check = SCOPE[(method, path)]
    url, kwargs = build(world)
    if path.startswith("/ui"):
        browser = world.ui[who]
        if method == "POST":
            kwargs = {"data": {**kwargs.get("data", {}), "csrf_token": world.csrf[who]}}
        response = browser.request(method, url, **kwargs)
    else:
        response = world.client.request(method, url, headers=world.haven.headers(
            world.haven.keys[who]), **kwargs)
    assert check(world, response), (who, response.status_code, response.text[:500])
    # ...while an insider of c1 (or platform A) does see it: the check is not vacuous.
    insider = "client" if who == "client_b" else "moderator"
    if not path.startswith("/ui") and method == "GET":
        seen = world.client.get(url, headers=world.haven.headers(world.haven.keys[insider]))
        assert seen.status_code == 200 and not check(world, seen), seen.text[:300]
