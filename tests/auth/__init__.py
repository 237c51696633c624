"""Tests of accounts, invitations and passwords, and the helpers they share."""

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response

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
