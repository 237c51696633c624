import pytest
from starlette.requests import Request

from app.web import HXRedirect, client_ip, is_htmx, safe_local_path


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
