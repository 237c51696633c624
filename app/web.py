"""What every route needs from an HTTP request: htmx or not, who is asking, where to go next."""

from fastapi import Request
from fastapi.responses import RedirectResponse


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
