"""Sign-in, sessions, CSRF and security headers of the web UI (no browser)."""

from __future__ import annotations

from ui_support import SESSION_SECRET, csrf_of

from service.ui.sessions import SESSION_COOKIE, SessionSigner, UiSession


def test_pages_redirect_to_sign_in_with_next(ui):
    anonymous = ui.client()
    response = anonymous.get("/ui?label=hate")
    assert response.status_code == 303
    assert response.headers["location"] == "/ui/login?next=%2Fui%3Flabel%3Dhate"
    assert anonymous.get("/ui/stats").headers["location"].startswith("/ui/login")


def test_moderator_signs_in_with_httponly_samesite_cookie(ui):
    token = ui.key("Robin", "moderator", ["c1"])
    client = ui.client()
    form = client.get("/ui/login?next=/ui/stats")
    assert 'name="next" value="/ui/stats"' in form.text
    response = client.post("/ui/login", data={"api_key": token, "csrf_token": csrf_of(form.text),
                                              "next": "/ui/stats"})
    assert response.status_code == 303 and response.headers["location"] == "/ui/stats"
    cookie = next(v for v in response.headers.get_list("set-cookie")
                  if v.startswith(SESSION_COOKIE + "="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/ui" in cookie
    assert "Secure" not in cookie  # plain http in tests; set whenever the scheme is https
    assert token not in cookie  # the key's secret never travels in the cookie
    page = client.get("/ui")
    assert page.status_code == 200 and "Signed in as <strong>Robin</strong>" in page.text


def test_secure_cookie_over_https(ui):
    token = ui.key("Robin", "moderator", ["c1"])
    client = ui.client()
    client.base_url = "https://testserver"
    form = client.get("/ui/login")
    response = client.post("/ui/login", data={"api_key": token, "csrf_token": csrf_of(form.text)})
    cookie = next(v for v in response.headers.get_list("set-cookie")
                  if v.startswith(SESSION_COOKIE + "="))
    assert "Secure" in cookie


def test_client_keys_are_refused_with_a_clear_message(ui):
    token = ui.key("platform")
    client = ui.client()
    form = client.get("/ui/login")
    response = client.post("/ui/login", data={"api_key": token, "csrf_token": csrf_of(form.text)})
    assert response.status_code == 403
    assert "platform (client) key" in response.text
    assert SESSION_COOKIE not in response.headers.get("set-cookie", "")


def test_invalid_and_revoked_keys_are_refused(ui):
    client = ui.client()
    form = client.get("/ui/login")
    bad = client.post("/ui/login", data={"api_key": "hvn_nope_nope",
                                         "csrf_token": csrf_of(form.text)})
    assert bad.status_code == 401 and "not valid" in bad.text


def test_sign_in_form_needs_its_csrf_cookie(ui):
    token = ui.key("Robin", "moderator", ["c1"])
    client = ui.client()
    form = client.get("/ui/login")
    client.cookies.clear()  # a cross-site form post would not carry the login cookie
    response = client.post("/ui/login", data={"api_key": token, "csrf_token": csrf_of(form.text)})
    assert response.status_code == 403 and "expired" in response.text
    assert SESSION_COOKIE not in response.headers.get("set-cookie", "")


def test_posts_without_the_session_csrf_token_are_rejected(ui):
    client_key = ui.key("platform")
    moderator = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    item_id = ui.moderate(client_key, {"id": "p1", "text": "hate=0.6"})["p1"]["review_id"]
    page = moderator.get(f"/ui/items/{item_id}")
    token = csrf_of(page.text)
    for data in ({"action": "reject"}, {"action": "reject", "csrf_token": "forged"}):
        refused = moderator.post(f"/ui/items/{item_id}/decide", data=data)
        assert refused.status_code == 403 and "expired" in refused.text
    assert moderator.post(f"/ui/items/{item_id}/claim").status_code == 403
    assert moderator.post(f"/ui/items/{item_id}/claim",
                          headers={"X-CSRF-Token": token}).json()["held"] is True
    assert moderator.post("/ui/logout").status_code == 403
    with ui.services.sessions() as session:
        from service.store.models import ReviewItem

        assert session.get(ReviewItem, item_id).status == "pending"


def test_logout_clears_the_session(ui):
    moderator = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    token = csrf_of(moderator.get("/ui").text)
    response = moderator.post("/ui/logout", data={"csrf_token": token})
    assert response.status_code == 303
    assert response.headers["location"] == "/ui/login?msg=signed_out"
    assert f'{SESSION_COOKIE}=""' in response.headers["set-cookie"]
    assert moderator.get("/ui").status_code == 303
    assert "You are signed out." in moderator.get("/ui/login?msg=signed_out").text


def test_forged_expired_and_revoked_sessions_end(ui, clock):
    token = ui.key("Robin", "moderator", ["*"])
    with ui.services.sessions() as session:
        from service.store.repositories import KeyRepository

        key = KeyRepository(session).authenticate(token)
        key_id = key.id
    forger = SessionSigner.from_secret("another-secret-" + "y" * 32)
    client = ui.client()
    client.cookies.set(SESSION_COOKIE, forger.dumps(forger.issue(key_id)), path="/ui")
    assert client.get("/ui").status_code == 303
    real = SessionSigner.from_secret(SESSION_SECRET)
    stale = UiSession(key_id=key_id, issued_at=1, csrf="c")
    client.cookies.set(SESSION_COOKIE, real.dumps(stale), path="/ui")
    assert client.get("/ui").status_code == 303
    signed_in = ui.sign_in(token)
    assert signed_in.get("/ui").status_code == 200
    with ui.services.sessions() as session:
        KeyRepository(session).revoke(key_id)
    ended = signed_in.get("/ui")  # revoking the key ends its web sessions
    assert ended.status_code == 303 and f'{SESSION_COOKIE}=""' in ended.headers["set-cookie"]
    assert signed_in.get("/ui/login").status_code == 200  # the form, not a redirect loop


def test_signed_in_visitors_skip_the_form(ui):
    moderator = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    response = moderator.get("/ui/login?next=/ui/stats")
    assert response.status_code == 303 and response.headers["location"] == "/ui/stats"


def test_signer_rejects_tampering():
    signer = SessionSigner.from_secret("s" * 40)
    token = signer.dumps(signer.issue("abc"))
    assert signer.loads(token).key_id == "abc"
    payload, signature = token.split(".")
    assert signer.loads(payload + "." + signature[:-2] + "AA") is None
    assert signer.loads(payload[:-1] + "x." + signature) is None
    for junk in ("garbage", "", None):
        assert signer.loads(junk) is None


def test_security_headers_on_pages_static_and_errors_but_not_the_api(ui):
    client = ui.client()
    for path in ("/ui/login", "/ui/static/haven.css", "/ui/items/nope"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "same-origin"
    assert client.get("/ui/login").headers["cache-control"] == "no-store"
    assert "content-security-policy" not in client.get("/healthz").headers
    assert "strict-transport-security" not in client.get("/ui/login").headers
    client.base_url = "https://testserver"
    assert client.get("/ui/login").headers["strict-transport-security"] == "max-age=31536000"


def test_pages_load_no_inline_script_or_style(ui):
    moderator = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    html = moderator.get("/ui").text
    assert '<script src="/ui/static/haven.js?v=' in html
    assert "<script>" not in html and "style=" not in html and " on" + "click=" not in html
