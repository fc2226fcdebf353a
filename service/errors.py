"""Domain errors, each carrying its HTTP status and a stable machine-readable code.

Domain code raises these; one exception handler in ``service.app`` turns them into the JSON error
body ``{"error": {"code", "message", "details"?}}``. Nothing below the API layer raises
``HTTPException``, so repositories and the policy engine stay usable from the CLI and the web UI.
"""

from __future__ import annotations

from typing import Any


class HavenError(Exception):
    """Base class: ``status`` is the HTTP status, ``code`` a stable snake_case identifier."""

    status: int = 400
    code: str = "bad_request"

    def __init__(self, message: str, *, details: Any = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details
        if code is not None:
            self.code = code

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details is not None:
            error["details"] = self.details
        return {"error": error}


class InvalidRequest(HavenError):
    status = 422
    code = "invalid_request"


class Unauthenticated(HavenError):
    status = 401
    code = "unauthenticated"


class Forbidden(HavenError):
    status = 403
    code = "forbidden"


class ItemNotFound(HavenError):
    status = 404
    code = "not_found"


class ClaimConflict(HavenError):
    """The review item is leased by someone else, or already decided."""

    status = 409
    code = "claim_conflict"


class IdempotencyConflict(HavenError):
    """An idempotency key or post id was reused with a different request."""

    status = 409
    code = "idempotency_conflict"


class RateLimited(HavenError):
    status = 429
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message, details={"retry_after": retry_after})
        self.retry_after = retry_after


class PolicyError(HavenError):
    """A policy file is invalid; ``message`` names the file and the field."""

    status = 422
    code = "policy_invalid"


class ReferralError(HavenError):
    """The crisis-resource directory is invalid."""

    status = 500
    code = "referral_directory_invalid"


class ModelUnavailable(HavenError):
    """Inference failed, timed out, or the model is not loaded yet.

    The moderation endpoint never lets this escape: it turns it into a fail-safe ``review``.
    """

    status = 503
    code = "model_unavailable"


class NotReady(HavenError):
    status = 503
    code = "not_ready"


class StorageUnavailable(HavenError):
    """The database cannot be reached (refused, dropped, timed out).

    Answered ``503`` with ``Retry-After``: nothing of the request was stored, so the client must
    send it again. ``/v1/moderate`` puts its fail-safe results in ``details``.
    """

    status = 503
    code = "storage_unavailable"

    def __init__(self, message: str, *, retry_after: int = 5, details: Any = None) -> None:
        super().__init__(message, details={"retry_after": retry_after, **(details or {})})
        self.retry_after = retry_after
