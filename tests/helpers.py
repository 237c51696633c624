"""What many tests share: counting SQL statements, reading HTML as a browser, the CSRF header,
signing a test browser in (the form, a set-password link, a personal access link)."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import event
from sqlmodel import Session

from app.auth.cookies import BROWSER_COOKIE, CSRF_HEADER, SESSION_COOKIE
from app.auth.secrets import keyed_digest


@contextmanager
def counted_statements(db: Session) -> Iterator[list[str]]:
    """The SQL statements sent on ``db``'s connection inside the block, in order."""
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    engine = db.get_bind()
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


class _StartTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def start_tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every start tag of the page with its attributes, as a browser parses them."""
    parser = _StartTags()
    parser.feed(html)
    return parser.found


def attributes(html: str, element_id: str) -> dict[str, str | None]:
    """The attributes of the element with this id, as a browser reads them."""
    for _tag, found in start_tags(html):
        if found.get("id") == element_id:
            return found
    raise AssertionError(f"no element with id {element_id}")


class _GetForm(HTMLParser):
    """The first GET form of a page, read as a browser would submit it unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.fields: list[tuple[str, str]] = []
        self._in_form = False
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method") == "get" and self.action is None:
            self._in_form, self.action = True, a.get("action", "")
        elif not self._in_form:
            return
        elif tag == "input" and a.get("name"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.fields.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self._select, self._options = a.get("name"), []
        elif tag == "option" and self._select:
            self._options.append((a.get("value", ""), "selected" in a))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select:
            chosen = [v for v, selected in self._options if selected] or [self._options[0][0]]
            self.fields.append((self._select, chosen[0]))
            self._select = None
        elif tag == "form" and self._in_form:
            self._in_form = False


def get_form_as_shown(html: str) -> tuple[str | None, list[tuple[str, str]]]:
    """The page's first GET form: its action and the (name, value) pairs sent unchanged."""
    form = _GetForm()
    form.feed(html)
    return form.action, form.fields


def csrf_token(secret_key: str, *, session_token: str | None = None, browser_id: str = "") -> str:
    """The CSRF token the app expects from a signed-in session, or else from a browser id."""
    if session_token:
        return keyed_digest(secret_key, f"csrf:session:{session_token}")
    return keyed_digest(secret_key, f"csrf:browser:{browser_id}")


def use_session(client: TestClient, secret_key: str, session_token: str) -> TestClient:
    """``client`` with the sign-in cookie and the CSRF header set, as htmx sends it."""
    client.cookies.set(SESSION_COOKIE, session_token)
    client.headers[CSRF_HEADER] = csrf_token(secret_key, session_token=session_token)
    return client


def use_browser_id(client: TestClient, secret_key: str, browser_id: str) -> TestClient:
    """``client`` signed out, with a browser id cookie and its CSRF header."""
    client.cookies.set(BROWSER_COOKIE, browser_id)
    client.headers[CSRF_HEADER] = csrf_token(secret_key, browser_id=browser_id)
    return client


_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_LINK = re.compile(r"https?://[^/\s]+(/set-password/[A-Za-z0-9_-]+)")


def csrf_from(html: str) -> str:
    """The CSRF token of the first form on a page."""
    found = _CSRF.search(html)
    assert found is not None, "no csrf_token field on the page"
    return found.group(1)


def set_password_path(body: str) -> str:
    """The path of the set-password link in an outbox message."""
    found = _LINK.search(body)
    assert found is not None, f"no set-password link in {body!r}"
    return found.group(1)


def open_access_link(browser: TestClient, token: str) -> Response:
    """Open a personal link and press its button, as its holder does; the POST's answer."""
    page = browser.get(f"/access/{token}")
    return browser.post(
        f"/access/{token}", data={"csrf_token": csrf_from(page.text)}, follow_redirects=False
    )


def sign_in_with_password(app: FastAPI, email: str, password: str) -> tuple[TestClient, Response]:
    """A fresh browser that fills in the sign-in form, as a person would."""
    browser = TestClient(app)
    form = browser.get("/sign-in")
    response = browser.post(
        "/sign-in",
        data={"email": email, "password": password, "csrf_token": csrf_from(form.text)},
        follow_redirects=False,
    )
    return browser, response
