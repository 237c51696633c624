"""Responses the sign-in, password and access-link pages share (no routes here)."""

from fastapi import Request
from fastapi.responses import Response

from app.auth import rate_limit
from app.templating import render


def rate_limited(request: Request, blocked: rate_limit.Exceeded) -> Response:
    """429 with the moment to try again; a response, not an exception, so the audit entry
    recorded before it is committed."""
    response = render(
        request,
        "auth/rate_limited.html",
        {"retry_at": blocked.retry_at, "minutes": max(1, blocked.retry_after_seconds // 60)},
        status_code=429,
    )
    response.headers["Retry-After"] = str(blocked.retry_after_seconds)
    return response
