"""Bad input on every endpoint: a 4xx with a JSON error naming the problem, never a 5xx.

One app serves the whole table (small limits so "too long" and "too large" are cheap to send).
Each row: what is sent, the status expected, and the field (``details[].field``) or words
(``message``) the error must name.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from haven_testkit import Haven, haven_app, make_settings

from service.limits import MAX_JSON_DEPTH, json_depth_exceeds, unsupported_media_type

MAX_TEXT = 100
MAX_POSTS = 3
MAX_BYTES = 64 * 1024


@pytest.fixture(scope="module")
def haven(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Haven]:
    settings = make_settings(Path(tmp_path_factory.mktemp("bad-input")),
                             max_text_chars=MAX_TEXT, max_posts_per_request=MAX_POSTS,
                             max_request_bytes=MAX_BYTES)
    with haven_app(settings) as h:
        h.key("client", "client")
        h.key("admin", "admin")
        h.key("mod", "moderator", ["c1"])
        response = h.moderate(h.keys["client"], {"id": "held", "text": "hate=0.6",
                                                 "community_id": "c1"})
        h.keys["review_id"] = response.json()["results"][0]["review_id"]
        # Claimed, so a decision with a bad body fails on the body, not on the claim.
        h.client.post(f"/v1/reviews/{h.keys['review_id']}/claim", headers=h.headers(h.keys["mod"]))
        yield h


def post(**fields: Any) -> dict[str, Any]:
    return {"id": "p1", "text": "hello", **fields}


def body(*posts: dict[str, Any], **extra: Any) -> bytes:
    return json.dumps({"posts": list(posts), **extra}).encode()


JSON = {"Content-Type": "application/json"}

# name, role, method, path, request kwargs, status, field named in details (or None),
# words in the message (or None)
CASES: list[tuple[str, str, str, str, dict[str, Any], int, str | None, str | None]] = [
    # --- /v1/moderate: text
    ("empty text", "client", "POST", "/v1/moderate", {"content": body(post(text=""))},
     422, "body.posts.0.text", None),
    ("whitespace text", "client", "POST", "/v1/moderate",
     {"content": body(post(text=" \n\t\u3000 "))}, 422, "body.posts.0.text", "blank"),
    ("invisible text", "client", "POST", "/v1/moderate",
     {"content": body(post(text="\u200b\u200d\ufeff"))}, 422, "body.posts.0.text", "blank"),
    ("text over limit", "client", "POST", "/v1/moderate",
     {"content": body(post(text="x" * (MAX_TEXT + 1)))}, 422, "body.posts.0.text", "longer"),
    ("reply over limit", "client", "POST", "/v1/moderate",
     {"content": body(post(reply_to_text="x" * (MAX_TEXT + 1)))},
     422, "body.posts.0.reply_to_text", None),
    ("NUL in text", "client", "POST", "/v1/moderate",
     {"content": body(post(text="a\u0000b"))}, 422, "body.posts.0.text", "NUL"),
    ("bell in text", "client", "POST", "/v1/moderate",
     {"content": body(post(text="a\u0007b"))}, 422, "body.posts.0.text", "U+0007"),
    ("escape in reply", "client", "POST", "/v1/moderate",
     {"content": body(post(reply_to_text="\u001b[31mred"))},
     422, "body.posts.0.reply_to_text", "U+001B"),
    ("newline in id", "client", "POST", "/v1/moderate",
     {"content": body(post(id="a\nb"))}, 422, "body.posts.0.id", "U+000A"),
    ("C1 control in author", "client", "POST", "/v1/moderate",
     {"content": body(post(author_id="u\u0085"))}, 422, "body.posts.0.author_id", "U+0085"),
    ("lone high surrogate", "client", "POST", "/v1/moderate",
     {"content": b'{"posts":[{"id":"p1","text":"a\\ud800b"}]}'}, 422, "body.posts.0.text", None),
    ("lone low surrogate id", "client", "POST", "/v1/moderate",
     {"content": b'{"posts":[{"id":"\\udc00","text":"a"}]}'}, 422, "body.posts.0.id", None),
    ("raw control byte", "client", "POST", "/v1/moderate",
     {"content": b'{"posts":[{"id":"p1","text":"a\x07b"}]}'}, 422, None, "JSON"),
    # --- /v1/moderate: shape and types
    ("no posts", "client", "POST", "/v1/moderate", {"content": body()}, 422, "body.posts", None),
    ("too many posts", "client", "POST", "/v1/moderate",
     {"content": body(*(post(id=f"p{i}") for i in range(MAX_POSTS + 1)))},
     422, "body.posts", f"at most {MAX_POSTS}"),
    ("duplicate ids", "client", "POST", "/v1/moderate",
     {"content": body(post(id="dup"), post(id="dup", text="other"))}, 422, "body.posts", "dup"),
    ("duplicate id as number and text", "client", "POST", "/v1/moderate",
     {"content": body(post(id=7), post(id="7"))}, 422, "body.posts", "duplicate"),
    ("posts is an object", "client", "POST", "/v1/moderate",
     {"content": b'{"posts": {"id": "p1"}}'}, 422, "body.posts", None),
    ("text is a number", "client", "POST", "/v1/moderate",
     {"content": body(post(text=12))}, 422, "body.posts.0.text", None),
    ("id is a boolean", "client", "POST", "/v1/moderate",
     {"content": body(post(id=True))}, 422, "body.posts.0.id", None),
    ("id is a float", "client", "POST", "/v1/moderate",
     {"content": body(post(id=1.5))}, 422, "body.posts.0.id", None),
    ("id is a list", "client", "POST", "/v1/moderate",
     {"content": body(post(id=["a"]))}, 422, "body.posts.0.id", None),
    ("id too long", "client", "POST", "/v1/moderate",
     {"content": body(post(id="i" * 201))}, 422, "body.posts.0.id", None),
    ("bad country", "client", "POST", "/v1/moderate",
     {"content": body(post(country="Lebanon"))}, 422, "body.posts.0.country", None),
    ("bad language", "client", "POST", "/v1/moderate",
     {"content": body(post(language="english please"))}, 422, "body.posts.0.language", None),
    ("bad community", "client", "POST", "/v1/moderate",
     {"content": body(post(community_id="../etc/passwd"))},
     422, "body.posts.0.community_id", None),
    ("unknown post field", "client", "POST", "/v1/moderate",
     {"content": body(post(community="c1"))}, 422, "body.posts.0.community", "Extra"),
    ("unknown top-level field", "client", "POST", "/v1/moderate",
     {"content": body(post(), dry_run=True)}, 422, "body.dry_run", "Extra"),
    ("body is null", "client", "POST", "/v1/moderate", {"content": b"null"}, 422, "body", None),
    ("body is a list", "client", "POST", "/v1/moderate", {"content": b"[]"}, 422, "body", None),
    ("malformed JSON", "client", "POST", "/v1/moderate", {"content": b'{"posts": ['},
     422, None, "JSON"),
    ("empty body", "client", "POST", "/v1/moderate", {"content": b""}, 422, "body", None),
    ("NaN", "client", "POST", "/v1/moderate",
     {"content": b'{"posts":[{"id":"p1","text":NaN}]}'}, 422, "body.posts.0.text", None),
    ("idempotency key too long", "client", "POST", "/v1/moderate",
     {"content": body(post()), "headers": {"Idempotency-Key": "k" * 201}},
     422, "header.idempotency-key", None),
    # --- encoding, depth, size, media type (the limits middleware)
    ("invalid UTF-8", "client", "POST", "/v1/moderate",
     {"content": b'{"posts":[{"id":"p1","text":"\xff\xfe"}]}'}, 422, "body", "UTF-8"),
    ("UTF-16 body", "client", "POST", "/v1/moderate",
     {"content": json.dumps({"posts": [post()]}).encode("utf-16")}, 422, "body", "UTF-8"),
    ("nested past the limit", "client", "POST", "/v1/moderate",
     {"content": b'{"posts":[{"id":"p1","text":"a","x":'
      + b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH + b"}]}"}, 422, "body", "nested"),
    ("nested past the recursion limit", "client", "POST", "/v1/moderate",
     {"content": b"[" * 30_000 + b"]" * 30_000}, 422, "body", "nested"),
    ("body over the cap", "client", "POST", "/v1/moderate",
     {"content": body(post(text="x" * MAX_BYTES))}, 413, None, str(MAX_BYTES)),
    ("text/plain", "client", "POST", "/v1/moderate",
     {"content": body(post()), "headers": {"Content-Type": "text/plain"}},
     415, None, "text/plain"),
    ("form body", "client", "POST", "/v1/moderate",
     {"content": b"posts=1", "headers": {"Content-Type": "application/x-www-form-urlencoded"}},
     415, None, "application/x-www-form-urlencoded"),
    ("multipart", "client", "POST", "/v1/moderate",
     {"files": {"posts": ("p.json", body(post()), "application/json")}}, 415, None,
     "multipart/form-data"),
    ("no content type", "client", "POST", "/v1/moderate",
     {"content": body(post()), "headers": {"Content-Type": ""}}, 415, None, "Content-Type"),
    ("latin-1 charset", "client", "POST", "/v1/moderate",
     {"content": body(post()), "headers": {"Content-Type": "application/json; charset=latin-1"}},
     415, None, "charset"),
    # --- keys (admin)
    ("key: unknown field", "admin", "POST", "/v1/keys",
     {"json": {"name": "k", "role": "client", "scopes": ["all"]}}, 422, "body.scopes", None),
    ("key: empty name", "admin", "POST", "/v1/keys",
     {"json": {"name": "", "role": "client"}}, 422, "body.name", None),
    ("key: control in name", "admin", "POST", "/v1/keys",
     {"json": {"name": "a\u0000", "role": "client"}}, 422, "body.name", "NUL"),
    ("key: unknown role", "admin", "POST", "/v1/keys",
     {"json": {"name": "k", "role": "root"}}, 422, "body.role", None),
    ("key: bad community", "admin", "POST", "/v1/keys",
     {"json": {"name": "k", "role": "moderator", "communities": ["a b"]}},
     422, "body.communities", "community"),
    ("key: moderator without community", "admin", "POST", "/v1/keys",
     {"json": {"name": "k", "role": "moderator"}}, 422, None, "community"),
    ("key: bad webhook url", "admin", "POST", "/v1/keys",
     {"json": {"name": "k", "role": "client", "webhook_url": "javascript:alert(1)"}},
     422, "body.webhook_url", None),
    ("key: negative rate limit", "admin", "POST", "/v1/keys",
     {"json": {"name": "k", "role": "client", "rate_limit_per_minute": -1}},
     422, "body.rate_limit_per_minute", None),
    ("key: text/plain", "admin", "POST", "/v1/keys",
     {"content": b'{"name":"k","role":"client"}', "headers": {"Content-Type": "text/plain"}},
     415, None, None),
    ("webhook: unknown field", "admin", "PUT", "/v1/keys/{client_key_id}/webhook",
     {"json": {"webhook_url": None, "secret": "mine"}}, 422, "body.secret", None),
    ("keys: unknown id", "admin", "DELETE", "/v1/keys/nope", {}, 404, None, "nope"),
    # --- review queue (moderator)
    ("claim: unknown field", "mod", "POST", "/v1/reviews/claim",
     {"json": {"community": "c1"}}, 422, "body.community", None),
    ("claim: unknown label", "mod", "POST", "/v1/reviews/claim",
     {"json": {"label": "spam"}}, 422, "body.label", None),
    ("claim: text/plain", "mod", "POST", "/v1/reviews/claim",
     {"content": b"{}", "headers": {"Content-Type": "text/plain"}}, 415, None, None),
    ("decision: bad action", "mod", "POST", "/v1/reviews/{review_id}/decision",
     {"json": {"action": "delete"}}, 422, "body.action", None),
    ("decision: unknown label", "mod", "POST", "/v1/reviews/{review_id}/decision",
     {"json": {"action": "reject", "labels": ["spam"]}}, 422, "body.labels.0", None),
    ("decision: reason too long", "mod", "POST", "/v1/reviews/{review_id}/decision",
     {"json": {"action": "reject", "reason": "r" * 501}}, 422, "body.reason", None),
    ("decision: control in note", "mod", "POST", "/v1/reviews/{review_id}/decision",
     {"json": {"action": "reject", "note": "a\u0008"}}, 422, "body.note", "U+0008"),
    ("decision: unknown field", "mod", "POST", "/v1/reviews/{review_id}/decision",
     {"json": {"action": "reject", "labelz": []}}, 422, "body.labelz", None),
    ("decision: missing body", "mod", "POST", "/v1/reviews/{review_id}/decision",
     {}, 422, "body", None),
    ("list: limit 0", "mod", "GET", "/v1/reviews?limit=0", {}, 422, "query.limit", None),
    ("list: limit too big", "mod", "GET", "/v1/reviews?limit=201", {}, 422, "query.limit", None),
    ("list: negative offset", "mod", "GET", "/v1/reviews?offset=-1", {}, 422, "query.offset",
     None),
    ("list: offset overflows SQL", "mod", "GET", "/v1/reviews?offset=99999999999999999999", {},
     422, "query.offset", None),
    ("list: bad status", "mod", "GET", "/v1/reviews?status=deleted", {}, 422, "query.status",
     None),
    ("list: bad label", "mod", "GET", "/v1/reviews?label=spam", {}, 422, "query.label", None),
    ("list: limit not a number", "mod", "GET", "/v1/reviews?limit=1e400", {}, 422,
     "query.limit", None),
    ("item: unknown id", "mod", "GET", "/v1/reviews/nope", {}, 404, None, "nope"),
    # --- feedback, audit, webhooks, policies
    ("export: limit overflows SQL", "mod", "GET",
     "/v1/feedback/export?limit=99999999999999999999", {}, 422, "query.limit", None),
    ("export: bad since", "mod", "GET", "/v1/feedback/export?since=yesterday", {}, 422,
     "query.since", None),
    ("audit: limit too big", "admin", "GET", "/v1/audit?limit=100000", {}, 422, "query.limit",
     None),
    ("deliveries: bad status", "admin", "GET", "/v1/webhooks/deliveries?status=lost", {}, 422,
     "query.status", None),
    ("deliveries: unknown id", "admin", "POST", "/v1/webhooks/deliveries/nope/retry", {}, 404,
     None, "nope"),
    ("policy: out of scope", "mod", "GET", "/v1/policies/other", {}, 404, None, "other"),
    # --- routing
    ("unknown route", "client", "GET", "/v1/nothing-here", {}, 404, None, None),
    ("wrong method", "client", "PATCH", "/v1/moderate", {"json": {}}, 405, None, None),
]


@pytest.mark.parametrize(("name", "role", "method", "path", "kwargs", "status", "field", "words"),
                         CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_a_4xx_naming_the_problem(haven: Haven, name: str, role: str, method: str,
                                               path: str, kwargs: dict[str, Any], status: int,
                                               field: str | None, words: str | None) -> None:
    client_key_id = haven.keys["client"].split("_")[1]
    path = path.format(review_id=haven.keys["review_id"], client_key_id=client_key_id)
    headers = {**(JSON if "content" in kwargs else {}), **kwargs.get("headers", {})}
    headers = {k: v for k, v in headers.items() if v}
    request = {k: v for k, v in kwargs.items() if k != "headers"}
    response = haven.client.request(method, path, headers=haven.headers(haven.keys[role],
                                                                        **headers), **request)
    assert response.status_code == status, (name, response.text[:500])
    error = response.json()["error"]
    assert error["code"] and error["message"]
    if field is not None:
        fields = [d.get("field") for d in error.get("details") or [] if isinstance(d, dict)]
        assert field in fields, (name, error)
    if words is not None:
        assert words in json.dumps(error, ensure_ascii=False), (name, error)


def test_valid_edge_cases_are_accepted(haven: Haven) -> None:
    """The refusals above must not catch ordinary text: tabs, newlines, emoji joiners, RTL
    text, a BOM-free max-length post, numeric ids, and a JSON media-type suffix."""
    token = haven.keys["client"]
    response = haven.client.post(
        "/v1/moderate", headers=haven.headers(token, **{"Content-Type":
                                                        "application/vnd.haven+json"}),
        content=body(post(id="ok1", text="line one\n\tline two\r\n"),
                     post(id=42, text="👩\u200d👩\u200d👧 مرحبا שלום"),
                     post(id="ok3", text="y" * MAX_TEXT)))
    assert response.status_code == 200, response.text
    assert [r["id"] for r in response.json()["results"]] == ["ok1", "42", "ok3"]
    response = haven.client.post("/v1/moderate", headers=haven.headers(
        token, **{"Content-Type": "application/json; charset=UTF-8"}),
        content=body(post(id="ok4")))
    assert response.status_code == 200, response.text


def test_every_body_route_refuses_non_json(haven: Haven) -> None:
    """Every JSON API route that takes a body answers 415 to a form post (new routes too)."""
    spec = haven.client.get("/openapi.json").json()
    with_body = [(method.upper(), path) for path, ops in spec["paths"].items()
                 for method, op in ops.items() if "requestBody" in op]
    assert len(with_body) >= 5, with_body
    for method, path in with_body:
        url = path.replace("{review_id}", haven.keys["review_id"]).replace("{key_id}", "x")
        response = haven.client.request(method, url, content=b"a=1", headers=haven.headers(
            haven.keys["admin"], **{"Content-Type": "application/x-www-form-urlencoded"}))
        assert response.status_code == 415, (method, path, response.text)
        assert response.json()["error"]["code"] == "unsupported_media_type"


def test_depth_scan_ignores_brackets_inside_strings() -> None:
    deep = b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1)
    assert json_depth_exceeds(deep, MAX_JSON_DEPTH)
    shallow_text = json.dumps({"posts": [{"text": "[[[[{{{{" * 100 + '\\"]]'}]}).encode()
    assert not json_depth_exceeds(shallow_text, MAX_JSON_DEPTH)
    assert not json_depth_exceeds(b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH, MAX_JSON_DEPTH)


@pytest.mark.parametrize(("content_type", "refused"), [
    ("application/json", False), ("Application/JSON; charset=utf-8", False),
    ("application/problem+json", False), ('application/json; charset="UTF8"', False),
    (None, True), ("text/json", True), ("application/json; charset=utf-16", True),
    ("application/jsonp", True),
])
def test_media_type_rules(content_type: str | None, refused: bool) -> None:
    assert (unsupported_media_type(content_type) is not None) is refused
