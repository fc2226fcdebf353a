"""Queue page, item page, claims, decisions, bulk actions and stats (no browser)."""

from __future__ import annotations

import html
import json
import re

from ui_support import csrf_of

from service.store.models import ReviewItem
from service.ui.routes import PAGE_SIZE, safe_back, with_params

SCRIPT_POST = '<script>alert("pwned")</script><img src=x onerror=alert(2)> you idiot'


def rows(page_html: str) -> list[str]:
    """Post ids of the queue rows, in page order."""
    return re.findall(r'class="open" href="[^"]+">Post ([^<]+)</a>', page_html)


def item_status(ui, item_id: str) -> ReviewItem:
    with ui.services.sessions() as session:
        return session.get(ReviewItem, item_id)


def test_queue_puts_crisis_first_with_a_badge_then_priority_and_age(ui, clock):
    client = ui.key("platform")
    ui.moderate(client, {"id": "blocked", "text": "hate=0.95"},
                {"id": "held-old", "text": "hate=0.6"})
    clock.advance(minutes=5)
    ui.moderate(client, {"id": "held-new", "text": "you idiot"},
                {"id": "crisis", "text": "I just want to end it all tonight"})
    clock.advance(minutes=3)
    page = ui.sign_in(ui.key("Robin", "moderator", ["*"])).get("/ui")
    assert rows(page.text) == ["crisis", "held-old", "held-new", "blocked"]
    first = page.text.split('<li class="row')[1]
    assert "Crisis</span>" in first and "model: refer" in first
    assert 'aria-label="self_harm score"' in first and "0.93" in first
    assert "3 min ago" in first and "8 min ago" in page.text
    # Crisis rows cannot be ticked for bulk actions; the others can.
    assert 'name="item_ids"' not in first
    assert page.text.count('name="item_ids"') == 3


def test_post_text_is_escaped_everywhere(ui):
    client = ui.key("platform")
    item_id = ui.moderate(client, {"id": "xss", "text": SCRIPT_POST,
                                   "reply_to_text": "<b>bold</b>"})["xss"]["review_id"]
    moderator = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    for page in (moderator.get("/ui"), moderator.get(f"/ui/items/{item_id}"),
                 moderator.get(f"/ui/items/{item_id}?explain=1")):
        assert page.status_code == 200
        assert "<script>alert" not in page.text and "<img src=x" not in page.text
        assert html.escape(SCRIPT_POST, quote=False).replace('"', "&#34;") in page.text \
            or "&lt;script&gt;alert(" in page.text
    item_page = moderator.get(f"/ui/items/{item_id}")
    assert "&lt;b&gt;bold&lt;/b&gt;" in item_page.text


def test_filters_counts_and_scope(ui):
    client = ui.key("platform")
    ui.moderate(client,
                {"id": "a", "text": "hate=0.6", "community_id": "c1"},
                {"id": "b", "text": "harassment=0.6", "community_id": "c2"},
                {"id": "c", "text": "hate=0.95", "community_id": "c2"},
                {"id": "d", "text": "hate=0.7", "community_id": "c3"})
    admin = ui.sign_in(ui.key("Ada", "admin"))
    assert sorted(rows(admin.get("/ui?community=c2").text)) == ["b", "c"]
    assert sorted(rows(admin.get("/ui?label=hate").text)) == ["a", "c", "d"]
    assert rows(admin.get("/ui?decision=block").text) == ["c"]
    assert rows(admin.get("/ui?label=hate&community=c2").text) == ["c"]
    assert rows(admin.get("/ui?status=approved").text) == []
    page = admin.get("/ui?community=c2").text
    # Each filter counts what picking it would show, given the other filters.
    assert '<option value="hate">hate (1)</option>' in page
    assert '<option value="harassment">harassment (1)</option>' in page
    assert '<option value="c1">c1 (1)</option>' in page  # community counts ignore community
    assert '<option value="open" selected>open (2)</option>' in page
    # Unknown filter values are ignored rather than erroring.
    assert len(rows(admin.get("/ui?label=spam&status=bogus&page=x").text)) == 4
    # A moderator of c1 and c3 sees neither c2's posts nor its counts.
    scoped = ui.sign_in(ui.key("Robin", "moderator", ["c1", "c3"]))
    page = scoped.get("/ui").text
    assert sorted(rows(page)) == ["a", "d"]
    assert '<option value="c2"' not in page and ">in c2<" not in page


def test_pagination(ui, clock):
    client = ui.key("platform")
    for i in range(PAGE_SIZE + 5):
        ui.moderate(client, {"id": f"p{i:02d}", "text": "hate=0.6"})
        clock.advance(seconds=1)
    moderator = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    first = moderator.get("/ui?label=hate").text
    assert rows(first) == [f"p{i:02d}" for i in range(PAGE_SIZE)]
    assert "page 1 of 2" in first and 'href="/ui?label=hate&amp;page=2" rel="next"' in first
    second = moderator.get("/ui?label=hate&page=2").text
    assert rows(second) == [f"p{i:02d}" for i in range(PAGE_SIZE, PAGE_SIZE + 5)]
    assert 'rel="prev"' in second and 'rel="next"' not in second


def test_long_text_is_collapsed_on_the_queue_and_whole_on_the_item(ui):
    client = ui.key("platform")
    text = "hate=0.6 " + "word " * 200 + "THE-END"
    item_id = ui.moderate(client, {"id": "long", "text": text})["long"]["review_id"]
    moderator = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    page = moderator.get("/ui").text
    assert f"Show full text ({len(text)} characters)" in page and "…</p>" in page
    assert "THE-END" in page.split("<details")[1]  # only inside the collapsed part
    assert "THE-END" in moderator.get(f"/ui/items/{item_id}").text


def test_opening_claims_and_a_second_moderator_sees_the_holder(ui):
    client = ui.key("platform")
    item_id = ui.moderate(client, {"id": "p1", "text": "hate=0.6"})["p1"]["review_id"]
    robin = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    sam = ui.sign_in(ui.key("Sam", "moderator", ["*"]))
    mine = robin.get(f"/ui/items/{item_id}").text
    assert "You hold this post until" in mine and 'id="decide-form"' in mine
    assert item_status(ui, item_id).lease_holder.startswith("key:")
    theirs = sam.get(f"/ui/items/{item_id}").text
    assert "<strong>Robin</strong> is working on this post" in theirs
    assert 'id="decide-form"' not in theirs
    assert "held by Robin" in sam.get("/ui").text
    # Sam forging a decision anyway is refused by the claim, and told so.
    refused = sam.post(f"/ui/items/{item_id}/decide",
                       data={"action": "reject", "csrf_token": csrf_of(theirs)})
    assert refused.status_code == 303 and "msg=held_by_other" in refused.headers["location"]
    assert "Someone else holds this item" in sam.get(refused.headers["location"]).text
    assert item_status(ui, item_id).status == "pending"
    renew = sam.post(f"/ui/items/{item_id}/claim", headers={"X-CSRF-Token": csrf_of(theirs)})
    assert renew.status_code == 409 and renew.json()["holder"] == "Robin"


def test_lease_expiry_lets_another_moderator_take_over(ui, clock):
    client = ui.key("platform")
    item_id = ui.moderate(client, {"id": "p1", "text": "hate=0.6"})["p1"]["review_id"]
    robin = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    sam = ui.sign_in(ui.key("Sam", "moderator", ["*"]))
    robin.get(f"/ui/items/{item_id}")
    clock.advance(seconds=ui.services.settings.claim_lease_s + 1)
    assert "You hold this post" in sam.get(f"/ui/items/{item_id}").text


def test_relabel_and_approve_records_labels_audit_and_feedback(ui):
    client = ui.key("platform")
    item_id = ui.moderate(client, {"id": "crisis", "text": "I want to end it all",
                                   "author_id": "u1"})["crisis"]["review_id"]
    token = ui.key("Robin", "moderator", ["*"])
    robin = ui.sign_in(token)
    page = robin.get(f"/ui/items/{item_id}?back=/ui%3Flabel%3Dself_harm").text
    assert 'id="label-self_harm" data-key="4" checked' in page  # the model's label, pre-ticked
    response = robin.post(f"/ui/items/{item_id}/decide", data={
        "csrf_token": csrf_of(page), "action": "approve", "relabel": "1",
        "labels": ["self_harm", "distress"], "reason": "author at risk: resources offered",
        "note": "checked in via DM", "back": "/ui?label=self_harm",
    })
    assert response.status_code == 303
    assert response.headers["location"] == "/ui?label=self_harm&msg=approved"
    item = item_status(ui, item_id)
    assert (item.status, item.final_action) == ("approved", "approve")
    assert item.corrected_labels == ["self_harm", "distress"]
    assert item.decision_reason == "author at risk: resources offered"
    queue = robin.get(response.headers["location"]).text
    assert rows(queue) == [] and "Approved: the platform is told" in queue
    history = robin.get(f"/ui/items/{item_id}").text
    assert "labels: self_harm, distress" in history and "note: checked in via DM" in history
    assert "Decided: <strong>approve</strong> by Robin" in history
    export = robin.get("/v1/feedback/export", headers={"Authorization": f"Bearer {token}"})
    line = json.loads(export.text.splitlines()[0])
    assert line["text"] == "I want to end it all"
    assert line["self_harm"] == 1 and line["distress"] == 1 and line["hate"] == 0


def test_labels_count_only_when_relabel_is_ticked(ui):
    client = ui.key("platform")
    item_id = ui.moderate(client, {"id": "p", "text": "you idiot"})["p"]["review_id"]
    robin = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    page = robin.get(f"/ui/items/{item_id}").text
    robin.post(f"/ui/items/{item_id}/decide", data={
        "csrf_token": csrf_of(page), "action": "reject", "labels": ["harassment"]})
    item = item_status(ui, item_id)
    assert item.final_action == "reject" and item.corrected_labels is None
    # Relabel with nothing ticked: no label applies (a false alarm, every label 0).
    other = ui.moderate(ui.key("platform2"), {"id": "q", "text": "you idiot"})["q"]["review_id"]
    token = csrf_of(robin.get(f"/ui/items/{other}").text)
    robin.post(f"/ui/items/{other}/decide",
               data={"csrf_token": token, "action": "approve", "relabel": "1"})
    assert item_status(ui, other).corrected_labels == []


def test_unknown_labels_and_actions_are_refused(ui):
    client = ui.key("platform")
    item_id = ui.moderate(client, {"id": "p", "text": "you idiot"})["p"]["review_id"]
    robin = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    token = csrf_of(robin.get(f"/ui/items/{item_id}").text)
    bad_label = robin.post(f"/ui/items/{item_id}/decide", data={
        "csrf_token": token, "action": "reject", "relabel": "1", "labels": ["spam"]})
    assert bad_label.status_code == 422 and "unknown labels" in bad_label.text
    bad_action = robin.post(f"/ui/items/{item_id}/decide",
                            data={"csrf_token": token, "action": "delete"})
    assert bad_action.status_code == 422
    too_long = robin.post(f"/ui/items/{item_id}/decide",
                          data={"csrf_token": token, "action": "reject", "reason": "x" * 501})
    assert too_long.status_code == 400 and "not understood" in too_long.text
    assert item_status(ui, item_id).status == "pending"


def test_escalate_keeps_the_post_in_the_queue_and_release_frees_it(ui):
    client = ui.key("platform")
    ids = ui.moderate(client, {"id": "e", "text": "hate=0.6"}, {"id": "f", "text": "hate=0.6"})
    robin = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    token = csrf_of(robin.get(f"/ui/items/{ids['e']['review_id']}").text)
    robin.post(f"/ui/items/{ids['e']['review_id']}/decide",
               data={"csrf_token": token, "action": "escalate", "reason": "needs a lead"})
    assert item_status(ui, ids["e"]["review_id"]).status == "escalated"
    assert "e" in rows(robin.get("/ui").text)
    robin.get(f"/ui/items/{ids['f']['review_id']}")
    released = robin.post(f"/ui/items/{ids['f']['review_id']}/release",
                          data={"csrf_token": token})
    assert released.headers["location"] == "/ui?msg=released"
    assert item_status(ui, ids["f"]["review_id"]).lease_holder is None


def test_bulk_approve_skips_crisis_and_held_posts(ui):
    client = ui.key("platform")
    ids = {k: v["review_id"] for k, v in ui.moderate(
        client, {"id": "ok1", "text": "hate=0.6"}, {"id": "ok2", "text": "you idiot"},
        {"id": "crisis", "text": "end it all"}, {"id": "held", "text": "hate=0.7"}).items()}
    sam = ui.sign_in(ui.key("Sam", "moderator", ["*"]))
    sam.get(f"/ui/items/{ids['held']}")
    robin = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    token = csrf_of(robin.get("/ui").text)
    response = robin.post("/ui/bulk", data={"csrf_token": token, "action": "approve",
                                            "item_ids": list(ids.values()), "back": "/ui"})
    assert response.headers["location"] == "/ui?msg=bulk_approve&n=2&skipped=2"
    assert "Approved 2 posts. 2 skipped" in robin.get(response.headers["location"]).text
    assert [item_status(ui, ids[k]).status for k in ("ok1", "ok2", "crisis", "held")] == \
        ["approved", "approved", "pending", "pending"]
    refused = robin.post("/ui/bulk", data={"csrf_token": token, "action": "delete"})
    assert refused.status_code == 422


def test_out_of_scope_items_are_not_found(ui):
    client = ui.key("platform")
    item_id = ui.moderate(client, {"id": "p", "text": "hate=0.6", "community_id": "c2"})["p"][
        "review_id"]
    robin = ui.sign_in(ui.key("Robin", "moderator", ["c1"]))
    page = robin.get(f"/ui/items/{item_id}")
    assert page.status_code == 404 and "Not found" in page.text
    assert robin.get(f"/ui/items/{item_id}/attribution").status_code == 404
    assert item_status(ui, item_id).lease_holder is None


def test_item_page_shows_author_posts_neighbours_and_history(ui, clock):
    client = ui.key("platform")
    ids = {}
    for i, text in enumerate(["hopeless hate=0.6", "hate=0.6", "end it all"]):
        ids.update({k: v["review_id"] for k, v in ui.moderate(
            client, {"id": f"p{i}", "text": text, "author_id": "u1"}).items()})
        clock.advance(minutes=1)
    ui.moderate(client, {"id": "other", "text": "hate=0.6", "author_id": "u2"})
    robin = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    page = robin.get(f"/ui/items/{ids['p1']}").text
    author = page.split('id="h-author"')[1].split("</section>")[0]
    assert "Post p2" in author and "Post p0" in author and "Post other" not in author
    # Queue order: p2 (crisis), p0, p1, other.
    assert f'/ui/items/{ids["p0"]}?back=%2Fui" rel="prev"' in page
    assert 'rel="next"' in page
    first = robin.get(f"/ui/items/{ids['p2']}").text
    assert 'rel="prev"' not in first and f'/ui/items/{ids["p0"]}?back=%2Fui" rel="next"' in first
    history = page.split('id="h-history"')[1]
    assert "queued" in history and "claimed" in history and "model: review (hate)" in history


def test_safe_back_refuses_other_sites():
    for bad in ("https://evil.example/ui", "//evil.example/ui", "/\\evil", "/uix", "/v1/keys",
                "/ui/../v1/keys", "", None):
        assert safe_back(bad) == "/ui"
    assert safe_back("/ui?label=hate&page=2") == "/ui?label=hate&page=2"
    assert safe_back("/ui/stats") == "/ui/stats"
    assert with_params("/ui?label=hate&msg=old&n=3", msg="approved") == \
        "/ui?label=hate&msg=approved"


def test_stats_page_counts_decisions_and_agreement(ui, clock):
    client = ui.key("platform")
    ids = {k: v["review_id"] for k, v in ui.moderate(
        client, {"id": "h", "text": "hate=0.6"}, {"id": "x", "text": "you idiot"},
        {"id": "c", "text": "end it all"}).items()}
    robin = ui.sign_in(ui.key("Robin", "moderator", ["*"]))
    clock.advance(minutes=10)
    for key, action, extra in (("h", "reject", {}), ("x", "approve", {}),
                               ("c", "approve", {"relabel": "1", "labels": ["self_harm"]})):
        token = csrf_of(robin.get(f"/ui/items/{ids[key]}").text)
        robin.post(f"/ui/items/{ids[key]}/decide",
                   data={"csrf_token": token, "action": action, **extra})
    page = robin.get("/ui/stats").text
    assert "10 min</span><span>median time to decision" in page
    assert re.search(r"<th scope=\"row\">hate</th><td>0</td><td>1</td>", page)
    assert re.search(r"<th scope=\"row\">harassment</th><td>1</td><td>0</td>", page)
    # hate: agreed (rejected, and absent from the crisis relabel). harassment: flagged wrongly
    # (approved without relabel), agreed absent in the relabel. The relabel judges all five.
    assert re.search(r"<th scope=\"row\">hate</th><td>2</td><td>2</td><td>0</td>"
                     r"<td>0</td><td>100%</td>", page)
    assert re.search(r"<th scope=\"row\">harassment</th><td>2</td><td>1</td><td>1</td>"
                     r"<td>0</td><td>50%</td>", page)
    assert re.search(r"<th scope=\"row\">self_harm</th><td>1</td><td>1</td><td>0</td>"
                     r"<td>0</td><td>100%</td>", page)
    assert "86%" in page  # 6 of 7 judgements agree
