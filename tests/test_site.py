"""The favicon, the icons and the web app manifest answer every visitor, with the right types."""

from fastapi.testclient import TestClient


def test_favicon_ico_is_an_icon(anonymous: TestClient) -> None:
    response = anonymous.get("/favicon.ico")

    assert response.status_code == 200
    assert response.headers["content-type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # the ICO header


def test_svg_icon_and_png_icons_are_served(anonymous: TestClient) -> None:
    svg = anonymous.get("/static/icon.svg")
    assert svg.status_code == 200
    assert svg.headers["content-type"].startswith("image/svg+xml")
    for size in (180, 192, 512):
        png = anonymous.get(f"/static/icon-{size}.png")
        assert png.status_code == 200
        assert png.headers["content-type"] == "image/png"


def test_manifest_lets_a_phone_add_the_site_to_its_home_screen(anonymous: TestClient) -> None:
    response = anonymous.get("/manifest.webmanifest")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/manifest+json")
    manifest = response.json()
    assert manifest["name"] == "Leerkring"
    assert manifest["start_url"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#1f5f5b"
    for icon in manifest["icons"]:
        assert anonymous.get(icon["src"]).status_code == 200


def test_every_page_links_its_icons_and_manifest(anonymous: TestClient) -> None:
    page = anonymous.get("/sign-in").text

    assert '<link rel="icon" href="/favicon.ico"' in page
    assert 'type="image/svg+xml"' in page
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
