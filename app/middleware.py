"""ASGI middleware: request body limit, and the language every response speaks."""

import json
from typing import Any

from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.db import RequestGate
from app.i18n import LANGUAGE_COOKIE, negotiate_language


class BodySizeLimit:
    """Answer 413 before a handler sees a body larger than ``max_bytes``, streamed or not."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._too_large(send)
            return
        received = 0
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _BodyTooLargeError
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            response_started = response_started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLargeError:
            if not response_started:
                await self._too_large(send)

    async def _too_large(self, send: Send) -> None:
        body = json.dumps(
            {"detail": f"The request body is larger than {self.max_bytes // 1024} KiB."}
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class RejectNul:
    """Answer 422 to a NUL character in the path, the query or a urlencoded form.

    PostgreSQL cannot store or even compare text with NUL; refusing it at the door keeps
    every route safe, whichever field it arrives in. (JSON fields are checked by schemas.)
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = (scope.get("raw_path") or scope["path"].encode()) + b"?" + scope["query_string"]
        if b"%00" in raw.lower() or b"\x00" in raw:
            await _nul_refused(send)
            return
        content_type = dict(scope["headers"]).get(b"content-type", b"")
        if not content_type.startswith(b"application/x-www-form-urlencoded"):
            await self.app(scope, receive, send)
            return
        tail = b""
        response_started = False

        async def checked_receive() -> Message:
            nonlocal tail
            message = await receive()
            if message["type"] == "http.request":
                chunk = tail + message.get("body", b"")
                if b"%00" in chunk.lower() or b"\x00" in chunk:
                    raise _NulInBodyError
                tail = chunk[-2:]
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            response_started = response_started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, checked_receive, tracking_send)
        except _NulInBodyError:
            if not response_started:
                await _nul_refused(send)


async def _nul_refused(send: Send) -> None:
    body = json.dumps(
        {"detail": "The request contains a NUL character, which cannot be stored.", "errors": []}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 422,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class _NulInBodyError(BaseException):
    # BaseException for the same reason as _BodyTooLargeError below.
    pass


class _BodyTooLargeError(BaseException):
    # BaseException: FastAPI turns any Exception raised while reading a body into a 400.
    pass


class Language:
    """Put the negotiated language on ``request.state.language`` for templates and errors."""

    def __init__(self, app: ASGIApp, default: str) -> None:
        self.app = app
        self.default = default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = {
                k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]
            }
            cookie = _cookie(headers.get("cookie", ""), LANGUAGE_COOKIE)
            state: dict[str, Any] = scope.setdefault("state", {})
            state["language"] = negotiate_language(
                cookie, headers.get("accept-language"), self.default
            )
        await self.app(scope, receive, send)


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


CONTENT_SECURITY_POLICY = (
    "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
# Swagger UI and ReDoc load their scripts from a CDN and run inline code: only on those pages.
DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
    "font-src https://fonts.gstatic.com; worker-src blob:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
STATIC_PREFIXES = ("/static/", "/factsheet-files/")
SESSION_COOKIES = (b"leerkring_session=", b"__Host-leerkring_session=")


class SecurityHeaders:
    """CSP, nosniff, referrer policy; no-store for every response to a signed-in browser."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        cookie = dict(scope["headers"]).get(b"cookie", b"")
        signed_in = any(name in cookie for name in SESSION_COOKIES)
        policy = (
            DOCS_CONTENT_SECURITY_POLICY if path in ("/docs", "/redoc") else CONTENT_SECURITY_POLICY
        )

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                extra = [
                    (b"content-security-policy", policy.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"DENY"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                ]
                sets_cookie = b"set-cookie" in present
                # Pages for a signed-in person are never stored; a route that chose its own
                # caching (a PDF with an ETag, private) keeps it.
                static = path.startswith(STATIC_PREFIXES)
                if (signed_in or sets_cookie) and not static and b"cache-control" not in present:
                    extra.append((b"cache-control", b"no-store"))
                headers.extend(h for h in extra if h[0] not in present)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class TrustedHosts:
    """Answer 400 to a Host header not in ``allowed_hosts``; /healthz answers any host.

    The health check asks by address (http://127.0.0.1:8000/healthz) and builds no links.
    """

    def __init__(self, app: ASGIApp, allowed_hosts: list[str]) -> None:
        self.app = app
        self.checked = TrustedHostMiddleware(app, allowed_hosts=allowed_hosts, www_redirect=False)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == "/healthz":
            await self.app(scope, receive, send)
            return
        await self.checked(scope, receive, send)


class DatabaseGate:
    """Every request that may use the database passes the database's gate (app.db.RequestGate)."""

    def __init__(self, app: ASGIApp, gate: RequestGate) -> None:
        self.app = app
        self.gate = gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(STATIC_PREFIXES):
            await self.app(scope, receive, send)
            return
        writes = scope["method"] not in ("GET", "HEAD", "OPTIONS")
        async with self.gate.admit(writes=writes):
            await self.app(scope, receive, send)
