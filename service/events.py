"""Webhook event payloads built from review items (never containing post text)."""

from __future__ import annotations

from typing import Any

from service.store.models import ReviewItem

#: What a moderator's action means for the platform holding the post.
OUTCOMES = {"approve": "publish", "reject": "remove", "escalate": "hold"}


def decision_event(item: ReviewItem, action: str, labels: list[str] | None) -> dict[str, Any]:
    return {
        "event": "review.decided",
        "review_id": item.id,
        "post_id": item.post_id,
        "community_id": item.community_id,
        "action": action,
        "outcome": OUTCOMES[action],
        "model_decision": item.model_decision,
        "labels": labels if labels is not None else list(item.labels),
        "reason": item.decision_reason,
        "status": item.status,
        "decided_at": (item.decided_at or item.updated_at).isoformat(),
    }
