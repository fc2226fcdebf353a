"""End to end in headless Chromium against a live server on 127.0.0.1.

The server is a real ``uvicorn`` process (``service.app:create_app_from_env``) on a temporary
SQLite file, running the keyword fake model through the ``HAVEN_PREDICTOR`` testing hook. Keys
and posts are created through the HTTP API; the browser is Debian's Chromium driven by
Playwright's Python package (never a downloaded browser build).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from ui_support import SESSION_SECRET

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    # Without these Chromium phones home at start-up, which a closed network refuses.
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

try:
    from playwright.sync_api import Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None  # type: ignore[assignment]

_missing = [what for what, ok in (("Playwright's Python package (pip install playwright)",
                                   sync_playwright is not None),
                                  (f"Chromium at {CHROMIUM} (apt-get install chromium)",
                                   CHROMIUM.exists())) if not ok]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(bool(_missing), reason="browser test needs " + " and ".join(_missing)),
]

CRISIS_TEXT = "I can't keep going like this. Tonight I want to end it all."
SCRIPT_TEXT = ('<script>window.__havenPwned = 1; alert("pwned")</script>'
               '<img src=x onerror="window.__havenPwned = 2"> what an idiot')


@dataclass
class LiveServer:
    url: str
    admin: str
    moderator: str
    client: str
    items: dict[str, str]

    def api(self, method: str, path: str, token: str, **kwargs: Any) -> httpx.Response:
        return httpx.request(method, self.url + path, headers={"Authorization": f"Bearer {token}"},
                             timeout=10, **kwargs)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    tmp = tmp_path_factory.mktemp("ui-live")
    database_url = f"sqlite:///{tmp / 'haven.db'}"
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("HAVEN_")}
    env.update({
        "HAVEN_DATABASE_URL": database_url,
        "HAVEN_PREDICTOR": "ui_fakes:make_predictor",
        "HAVEN_WEBHOOKS_ENABLED": "false",
        "HAVEN_POLICY_RELOAD_INTERVAL_S": "0",
        "HAVEN_UI_SESSION_SECRET": SESSION_SECRET,
        "HAVEN_LOG_FORMAT": "text",
        "HAVEN_LOG_LEVEL": "WARNING",
        "PYTHONPATH": os.pathsep.join([str(REPO), str(Path(__file__).parent)]),
    })
    log_path = tmp / "server.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "service.app:create_app_from_env", "--factory",
             "--host", "127.0.0.1", "--port", str(port)],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                pytest.fail(f"the server exited:\n{log_path.read_text()[-3000:]}")
            try:
                if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the server was not ready in 60 s:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        yield _seed(url, database_url)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _seed(url: str, database_url: str) -> LiveServer:
    """The first admin key comes from the database (as `haven keys create` does); everything
    else goes through the API, as a deployment would."""
    from service.store import db
    from service.store.repositories import KeyRepository

    engine = db.make_engine(database_url)
    try:
        with db.make_sessionmaker(engine)() as session:
            _, admin = KeyRepository(session).create(name="admin", role="admin")
    finally:
        engine.dispose()
    server = LiveServer(url=url, admin=admin, moderator="", client="", items={})

    def new_key(**body: Any) -> str:
        response = server.api("POST", "/v1/keys", admin, json=body)
        assert response.status_code == 201, response.text
        return str(response.json()["key"])

    server.moderator = new_key(name="Robin", role="moderator", communities=["peer-support"])
    server.client = new_key(name="forum", role="client")
    posts = [  # the crisis post comes last: it must still be first in the queue
        {"id": "older-1", "text": "everything is hopeless and you idiots never help",
         "author_id": "u-1"},
        {"id": "regular-1", "text": "You absolute idiot, nobody wants you here.",
         "author_id": "u-2"},
        {"id": "script-1", "text": SCRIPT_TEXT, "author_id": "u-3"},
        {"id": "crisis-1", "text": CRISIS_TEXT, "author_id": "u-1", "country": "GB"},
    ]
    for post in posts:
        response = server.api("POST", "/v1/moderate", server.client,
                              json={"posts": [{**post, "community_id": "peer-support"}]})
        assert response.status_code == 200, response.text
        result = response.json()["results"][0]
        assert result["review_id"], result
        server.items[post["id"]] = result["review_id"]
        time.sleep(0.01)  # distinct created_at, so age order is defined
    return server


def _row_ids(page: Page) -> list[str]:
    links = page.locator(".queue .row a.open").all_inner_texts()
    return [text.removeprefix("Post ") for text in links]


def test_moderator_works_a_crisis_post_with_the_keyboard(live_server: LiveServer) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    dialogs: list[str] = []
    csp_violations: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("console", lambda msg: csp_violations.append(msg.text)
                    if "Content Security Policy" in msg.text else None)

            # Sign in: any /ui page sends us to the form first.
            page.goto(live_server.url + "/ui")
            assert "/ui/login" in page.url
            page.get_by_label("Moderator API key").fill(live_server.moderator)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(live_server.url + "/ui")
            assert page.get_by_text("Signed in as").is_visible()

            # The crisis post, queued last, is first, with a visible badge.
            assert _row_ids(page) == ["crisis-1", "older-1", "regular-1", "script-1"]
            first = page.locator(".queue .row").first
            assert "crisis" in (first.get_attribute("class") or "")
            assert first.locator(".badge.crisis").is_visible()
            assert first.locator(".badge.crisis").inner_text().strip().lower() == "crisis"

            # The <script> post is shown as text and never runs.
            script_row = page.locator(".queue .row", has=page.locator("text=Post script-1"))
            assert script_row.locator("p.text").inner_text() == SCRIPT_TEXT
            assert page.evaluate("window.__havenPwned") is None

            page.screenshot(path=str(ARTIFACTS / "ui-queue-1280.png"), full_page=True)
            page.set_viewport_size({"width": 375, "height": 812})
            assert page.evaluate("document.documentElement.scrollWidth") <= 375
            page.screenshot(path=str(ARTIFACTS / "ui-queue-375.png"), full_page=True)
            page.set_viewport_size({"width": 1280, "height": 900})

            # Keyboard: j selects the first row, o opens it (and claims it).
            page.keyboard.press("j")
            assert page.evaluate("document.activeElement.textContent") == "Post crisis-1"
            page.keyboard.press("o")
            page.wait_for_url(f"**/ui/items/{live_server.items['crisis-1']}**")
            assert page.locator("#lease").inner_text().startswith("You hold this post")
            # Occlusion highlights arrive from the model: the phrase that drove self_harm.
            page.locator("#post-text mark").first.wait_for()
            marked = page.locator("#post-text mark").all_inner_texts()
            assert marked == ["end", "it", "all."]
            assert page.locator("#post-text").inner_text() == CRISIS_TEXT
            assert page.get_by_text("Post older-1").is_visible()  # the author's other post

            # Relabel: self_harm is pre-ticked from the model; 5 ticks distress too.
            assert page.locator("#label-self_harm").is_checked()
            assert not page.locator("#relabel").is_checked()
            page.keyboard.press("5")
            assert page.locator("#label-distress").is_checked()
            assert page.locator("#relabel").is_checked()
            page.keyboard.press("/")
            page.keyboard.type("author at risk: resources offered")
            page.keyboard.press("Escape")
            page.screenshot(path=str(ARTIFACTS / "ui-item-1280.png"), full_page=True)
            page.set_viewport_size({"width": 375, "height": 812})
            assert page.evaluate("document.documentElement.scrollWidth") <= 375
            page.screenshot(path=str(ARTIFACTS / "ui-item-375.png"), full_page=True)
            page.set_viewport_size({"width": 1280, "height": 900})

            # a approves: back on the queue, the post is gone.
            page.keyboard.press("a")
            page.wait_for_url("**/ui?msg=approved")
            assert page.get_by_role("status").first.inner_text().startswith("Approved")
            assert _row_ids(page) == ["older-1", "regular-1", "script-1"]

            # The item page now shows the decision and its audit trail.
            response = page.goto(f"{live_server.url}/ui/items/{live_server.items['crisis-1']}")
            assert response is not None
            assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
            assert "Decided: approve by Robin" in page.locator("#lease").inner_text()
            history = page.locator(".history tbody").inner_text()
            assert "decided" in history and "labels: self_harm, distress" in history
            assert "reason: author at risk: resources offered" in history

            # Stats: the relabel judged five labels; the model missed distress (4 of 5 agree).
            page.get_by_role("link", name="Stats").click()
            page.wait_for_url("**/ui/stats")
            agreement = page.locator(".tile", has_text="model–moderator agreement")
            assert agreement.locator(".tile-num").inner_text() == "80%"
            page.screenshot(path=str(ARTIFACTS / "ui-stats-1280.png"), full_page=True)

            # The <script> post's own page: text intact, nothing executed.
            page.goto(f"{live_server.url}/ui/items/{live_server.items['script-1']}")
            page.locator("#post-text mark").first.wait_for()  # highlights rebuilt via DOM API
            assert page.locator("#post-text").inner_text() == SCRIPT_TEXT
            assert page.evaluate("window.__havenPwned") is None
            assert page.locator("#post-text script, #post-text img").count() == 0
        finally:
            browser.close()
    assert dialogs == []
    assert csp_violations == []

    # The API agrees: the audit log and the feedback export carry the decision.
    crisis_id = live_server.items["crisis-1"]
    history = live_server.api("GET", f"/v1/reviews/{crisis_id}/history", live_server.moderator)
    decided = [e for e in history.json() if e["action"] == "decided"]
    assert len(decided) == 1 and decided[0]["details"]["action"] == "approve"
    assert decided[0]["details"]["labels"] == ["self_harm", "distress"]
    export = live_server.api("GET", "/v1/feedback/export", live_server.moderator)
    lines = [json.loads(line) for line in export.text.splitlines()]
    crisis = next(line for line in lines if line["text"] == CRISIS_TEXT)
    assert crisis["self_harm"] == 1 and crisis["distress"] == 1 and crisis["hate"] == 0
    assert crisis["functionality"] == "moderator_approve"
    audit = live_server.api("GET", "/v1/audit", live_server.admin, params={"action": "decided"})
    assert [e["item_id"] for e in audit.json()] == [crisis_id]
