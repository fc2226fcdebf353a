/* Haven review UI: keyboard shortcuts, word highlights, lease renewal.
 * Progressive enhancement only: every action is a plain form that works without this file.
 * Post text is only ever inserted with textContent, never as HTML. */
(function () {
  "use strict";

  var page = document.body.getAttribute("data-page");
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute("content") : "";

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    if (tag === "textarea" || tag === "select" || target.isContentEditable) return true;
    if (tag === "input") {
      var type = (target.getAttribute("type") || "text").toLowerCase();
      return ["checkbox", "radio", "button", "submit", "reset"].indexOf(type) === -1;
    }
    return false;
  }

  function submitWith(form, buttonId) {
    var button = document.getElementById(buttonId);
    if (!form || !button || form.dataset.submitting) return;
    form.dataset.submitting = "1";
    if (form.requestSubmit) form.requestSubmit(button); else button.click();
  }

  function go(linkId) {
    var link = document.getElementById(linkId);
    if (link) window.location.assign(link.href);
  }

  /* ------------------------------------------------------------------ queue page */

  var rows = Array.prototype.slice.call(document.querySelectorAll(".queue .row"));
  var selected = -1;

  function select(index) {
    if (!rows.length) return;
    index = Math.max(0, Math.min(rows.length - 1, index));
    if (selected >= 0 && rows[selected]) rows[selected].classList.remove("selected");
    selected = index;
    var row = rows[selected];
    row.classList.add("selected");
    var link = row.querySelector("a.open");
    if (link) link.focus();
    row.scrollIntoView({ block: "nearest" });
  }

  rows.forEach(function (row, index) {
    row.addEventListener("focusin", function () {
      if (selected >= 0 && rows[selected]) rows[selected].classList.remove("selected");
      selected = index;
      row.classList.add("selected");
    });
  });

  var selectAll = document.getElementById("select-all");
  if (selectAll) {
    selectAll.addEventListener("change", function () {
      document.querySelectorAll(".queue input.pick").forEach(function (box) {
        box.checked = selectAll.checked;
      });
    });
  }

  function anyPicked() {
    return document.querySelectorAll(".queue input.pick:checked").length > 0;
  }

  function queueKey(key) {
    var form = document.getElementById("bulk-form");
    switch (key) {
      case "j": select(selected + 1); return true;
      case "k": select(selected < 0 ? 0 : selected - 1); return true;
      case "o":
        if (selected >= 0) { rows[selected].querySelector("a.open").click(); return true; }
        return false;
      case "x":
        if (selected < 0) return false;
        var box = rows[selected].querySelector("input.pick");
        if (box) box.checked = !box.checked;
        return true;
      case "a": if (anyPicked()) { submitWith(form, "bulk-approve"); return true; } return false;
      case "r": if (anyPicked()) { submitWith(form, "bulk-reject"); return true; } return false;
    }
    return false;
  }

  /* ------------------------------------------------------------------ item page */

  var relabel = document.getElementById("relabel");
  document.querySelectorAll('.label-picks input[type="checkbox"]').forEach(function (box) {
    box.addEventListener("change", function () { if (relabel) relabel.checked = true; });
  });

  function toggleLabel(n) {
    var box = document.querySelector('input[name="labels"][data-key="' + n + '"]');
    if (!box) return false;
    box.checked = !box.checked;
    if (relabel) relabel.checked = true;
    box.focus();
    return true;
  }

  function itemKey(key) {
    var form = document.getElementById("decide-form");
    switch (key) {
      case "j": go("next-link"); return true;
      case "k": go("prev-link"); return true;
      case "a": if (form) { submitWith(form, "act-approve"); return true; } return false;
      case "r": if (form) { submitWith(form, "act-reject"); return true; } return false;
      case "e": if (form) { submitWith(form, "act-escalate"); return true; } return false;
      case "/":
        var reason = document.getElementById("reason");
        if (reason) { reason.focus(); return true; }
        return false;
    }
    if (/^[1-9]$/.test(key)) return toggleLabel(key);
    return false;
  }

  /* Word highlights: fetched once per page (the server caches them per item and model). */
  var postText = document.getElementById("post-text");
  var labelPicker = document.getElementById("attr-label");
  var attrStatus = document.getElementById("attr-status");
  var attribution = null;

  function renderAttribution(label) {
    if (!attribution || !postText) return;
    var entry = attribution.labels[label];
    if (!entry) return;
    var fragment = document.createDocumentFragment();
    entry.segments.forEach(function (segment) {
      var text = segment[0], level = segment[1], drop = segment[2];
      if (level > 0) {
        var mark = document.createElement("mark");
        mark.className = "hl-" + level;
        mark.textContent = text;
        mark.title = label + " score drops by " + drop.toFixed(2) + " without this word";
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(text));
      }
    });
    postText.replaceChildren(fragment);
    if (attrStatus) {
      attrStatus.textContent = "Marked words lower the " + label + " score (" +
        entry.base.toFixed(2) + ") most when removed; darker is stronger." +
        (attribution.truncated ? " Only the first " + attribution.words_analysed +
          " words were analysed." : "");
    }
  }

  if (postText && postText.dataset.attributionUrl) {
    var go_button = document.getElementById("attr-go");
    if (go_button) go_button.hidden = true;
    if (attrStatus) attrStatus.textContent = "Finding the words that drove the scores…";
    fetch(postText.dataset.attributionUrl, { credentials: "same-origin",
                                             headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (!result.ok) {
          if (attrStatus) attrStatus.textContent = result.body.error || "Highlights unavailable.";
          return;
        }
        attribution = result.body;
        var wanted = labelPicker ? labelPicker.value : attribution.label;
        if (!postText.querySelector("mark") || !labelPicker) wanted = attribution.label;
        if (labelPicker) labelPicker.value = wanted;
        renderAttribution(wanted);
        postText.setAttribute("data-attributed", wanted);
      })
      .catch(function () {
        if (attrStatus) attrStatus.textContent = "Highlights unavailable (network error).";
      });
    if (labelPicker) {
      labelPicker.addEventListener("change", function () {
        renderAttribution(labelPicker.value);
        postText.setAttribute("data-attributed", labelPicker.value);
      });
    }
  }

  /* Lease renewal: keep the claim while the page is open and visible. */
  var lease = document.getElementById("lease");
  if (lease && lease.dataset.renewUrl) {
    var renew = function () {
      if (document.visibilityState !== "visible") return;
      fetch(lease.dataset.renewUrl, { method: "POST", credentials: "same-origin",
                                      headers: { "X-CSRF-Token": csrf } })
        .then(function (response) { return response.json().then(function (body) {
          if (response.ok && body.held) {
            var until = document.getElementById("lease-until");
            if (until && body.lease_expires_at) {
              until.textContent = body.lease_expires_at.substring(11, 16) + " UTC";
              until.setAttribute("datetime", body.lease_expires_at);
            }
          } else {
            lease.classList.remove("mine");
            lease.classList.add("other");
            lease.textContent = body.holder
              ? body.holder + " holds this post now. Reload before acting."
              : "You no longer hold this post. Reload the page.";
          }
        }); })
        .catch(function () { /* offline: the next tick tries again */ });
    };
    window.setInterval(renew, 60000);
    document.addEventListener("visibilitychange", renew);
  }

  /* ------------------------------------------------------------------ keys */

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (typing(event.target)) {
      if (event.key === "Escape") event.target.blur();
      return;
    }
    var key = event.key;
    var handled = false;
    if (key === "?") {
      var help = document.getElementById("shortcuts");
      if (help) {
        help.open = !help.open;
        if (help.open) help.querySelector("summary").focus();
        handled = true;
      }
    } else if (key === "u" && page === "item") {
      go("back-link"); handled = true;
    } else if (page === "queue") {
      handled = queueKey(key);
    } else if (page === "item") {
      handled = itemKey(key);
    }
    if (handled) event.preventDefault();
  });
})();
