"""What every route needs from an HTTP request: htmx or not, who is asking, where to go next."""

import base64
import binascii
import hmac
import json
from dataclasses import dataclass, field
from typing import TypeVar

from fastapi import Request, Response
from fastapi.responses import RedirectResponse

from app.auth.cookies import is_https
from app.auth.secrets import keyed_digest

TOAST_COOKIE = "leerkring_toast"
AnyResponse = TypeVar("AnyResponse", bound=Response)


def is_htmx(request: Request) -> bool:
    """An htmx request that wants a fragment; a history restore (back button) needs the page."""
    return request.headers.get("HX-Request") == "true" and not request.headers.get(
        "HX-History-Restore-Request"
    )


def client_ip(request: Request) -> str:
    return request.client.host if request.client else ""


def link_base(request: Request) -> str:
    """Where links in messages point: the configured address, never the request's Host header.

    A forged Host header on the reset form must not put a link to another site into a real
    person's message (Settings.link_base: LEERKRING_PUBLIC_URL, or HOST and PORT).
    """
    base: str = request.app.state.settings.link_base
    return base


def safe_local_path(target: str | None, fallback: str = "/") -> str:
    """Only a path on this site, so that no form or link becomes an open redirect.

    Browsers read a backslash as a slash: "/\\evil.example" would leave the site like "//".
    """
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return fallback


class HXRedirect(RedirectResponse):
    """Go to ``url``: htmx follows an HX-Redirect header (204), a plain browser a 303."""

    def __init__(self, request: Request, url: str) -> None:
        super().__init__(url, status_code=303)
        if is_htmx(request):
            # htmx would follow a 303 inside the XHR and swap the next page into this one.
            self.status_code = 204
            self.headers["HX-Redirect"] = self.headers["location"]
            del self.headers["location"]


@dataclass(frozen=True)
class Toast:
    """A short "done" message: an N_-marked message, translated with its arguments when shown."""

    message: str
    arguments: dict[str, int | str] = field(default_factory=dict)
    # Where to go next, if anywhere: a local path and its N_-marked link text.
    link: tuple[str, str] | None = None


def _toast_signature(request: Request, payload: str) -> str:
    return keyed_digest(request.app.state.settings.secret_key, f"toast:{payload}")


def with_toast(request: Request, response: AnyResponse, toast: Toast) -> AnyResponse:
    """Carry ``toast`` to the next page the browser shows, through a redirect or HX-Redirect.

    Signed, so another site cannot put words on our page; read and cleared by that page.
    """
    # Unpadded base64url: "=" would make the cookie a quoted string that browsers keep quoted.
    payload = (
        base64.urlsafe_b64encode(json.dumps([toast.message, toast.arguments, toast.link]).encode())
        .decode()
        .rstrip("=")
    )
    response.set_cookie(
        TOAST_COOKIE,
        f"{payload}.{_toast_signature(request, payload)}",
        max_age=60,
        path="/",
        secure=is_https(request),
        httponly=True,
        samesite="lax",
    )
    return response


def pending_toast(request: Request) -> Toast | None:
    """The toast a redirect left for this page, if its signature holds."""
    payload, _, signature = request.cookies.get(TOAST_COOKIE, "").partition(".")
    if not payload or not hmac.compare_digest(signature, _toast_signature(request, payload)):
        return None
    try:
        padded = payload + "=" * (-len(payload) % 4)
        message, arguments, link = json.loads(base64.urlsafe_b64decode(padded))
    except (ValueError, TypeError, binascii.Error):
        return None
    return Toast(str(message), dict(arguments), (str(link[0]), str(link[1])) if link else None)


def clear_toast(request: Request, response: Response) -> None:
    response.delete_cookie(TOAST_COOKIE, path="/", secure=is_https(request), httponly=True)
