"""Helpers shared by the UI tests (a module of its own: ``conftest`` is not importable by name
when several test folders have one)."""

from __future__ import annotations

import re

SESSION_SECRET = "ui-test-secret-" + "x" * 32
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    """The CSRF token of the first form in a page."""
    found = _CSRF.search(html)
    assert found, "no CSRF token in the page"
    return found.group(1)
