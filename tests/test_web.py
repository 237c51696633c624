import base64
import json
from http.cookies import SimpleCookie
from types import SimpleNamespace

import pytest
from starlette.requests import Request
from starlette.responses import Response

from app.web import (
    TOAST_COOKIE,
    HXRedirect,
    Toast,
    client_ip,
    is_htmx,
    pending_toast,
    safe_local_path,
    with_toast,
)


def _request(headers: dict[str, str] | None = None) -> Request:
    raw = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    return Request(
        {"type": "http", "method": "GET", "path": "/", "headers": raw, "client": ("10.0.0.7", 1)}
    )


def test_is_htmx_only_for_an_htmx_request_that_is_not_a_history_restore() -> None:
    assert is_htmx(_request({"HX-Request": "true"}))
    assert not is_htmx(_request())
    assert not is_htmx(_request({"HX-Request": "false"}))
    # The back button after a partial update: htmx asks again, and needs the whole page.
    assert not is_htmx(_request({"HX-Request": "true", "HX-History-Restore-Request": "true"}))


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "evil.example",
        "/ok\\..\\evil",
        "",
        None,
    ],
)
def test_safe_local_path_refuses_what_leaves_the_site(target: str | None) -> None:
    assert safe_local_path(target) == "/"
    assert safe_local_path(target, "/people/3") == "/people/3"


def test_safe_local_path_keeps_a_local_path() -> None:
    assert safe_local_path("/ok") == "/ok"
    assert safe_local_path("/sessions/2?tab=agenda#item-3") == "/sessions/2?tab=agenda#item-3"


def test_hx_redirect_is_a_303_for_a_browser() -> None:
    response = HXRedirect(_request(), "/sign-in?next=%2Fpeople")

    assert response.status_code == 303
    assert response.headers["location"] == "/sign-in?next=%2Fpeople"
    assert "hx-redirect" not in response.headers


def test_hx_redirect_is_an_hx_redirect_header_for_htmx() -> None:
    response = HXRedirect(_request({"HX-Request": "true"}), "/sign-in?next=%2Fpeople")

    assert response.status_code == 204
    assert response.headers["hx-redirect"] == "/sign-in?next=%2Fpeople"
    assert "location" not in response.headers


def test_hx_redirect_is_a_303_for_a_history_restore() -> None:
    restore = _request({"HX-Request": "true", "HX-History-Restore-Request": "true"})

    assert HXRedirect(restore, "/sign-in").status_code == 303


def test_client_ip() -> None:
    assert client_ip(_request()) == "10.0.0.7"
    assert client_ip(Request({"type": "http", "headers": [], "client": None})) == ""


def _request_with_cookie(cookie: str | None) -> Request:
    class _App:
        state = SimpleNamespace(settings=SimpleNamespace(secret_key="k" * 40))

    headers = [(b"cookie", f"{TOAST_COOKIE}={cookie}".encode())] if cookie is not None else []
    return Request({"type": "http", "method": "GET", "path": "/", "headers": headers, "app": _App})


def test_a_toast_survives_the_redirect_signed_and_a_forged_one_is_ignored() -> None:
    response = with_toast(
        _request_with_cookie(None), Response(), Toast("Invited: %(count)s.", {"count": 3})
    )
    cookie = SimpleCookie(response.headers["set-cookie"])[TOAST_COOKIE]
    assert '"' not in response.headers["set-cookie"]  # a quoted value would not come back as is
    assert cookie["httponly"] and cookie["max-age"] == "60"
    assert pending_toast(_request_with_cookie(cookie.value)) == Toast(
        "Invited: %(count)s.", {"count": 3}
    )
    payload, _, signature = cookie.value.partition(".")
    forged = base64.urlsafe_b64encode(json.dumps(["You won!", {}, None]).encode()).decode()
    assert pending_toast(_request_with_cookie(f"{forged}.{signature}")) is None
    assert pending_toast(_request_with_cookie(payload)) is None
    assert pending_toast(_request_with_cookie("not base64!.x")) is None
