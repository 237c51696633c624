"""No input makes a 500: each kind of bad input gets a clear 4xx."""

import pytest
from fastapi.testclient import TestClient

from app.community.models import LearningCommunity


@pytest.fixture(autouse=True)
def _with_community(community: LearningCommunity) -> None:
    """Every test here runs in a community."""


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/initiatives/9223372036854775808",
        "/api/v1/initiatives/99999999999999999999999999",
        "/api/v1/people/-1",
        "/api/v1/learning-sessions/abc",
        "/api/v1/memberships/0",
        "/initiatives/9223372036854775808",
        "/sessions/1e3",
    ],
)
def test_impossible_ids_are_422(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 422


def test_unknown_id_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/people/2147483647")
    assert response.status_code == 404
    assert response.json()["detail"] == "There is no person with id 2147483647."


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "Fatima\x00 El Amrani"}, "name"),
        ({"name": 12}, "name"),
        ({"name": ""}, "name"),
        ({"name": "Fatima", "preferred_format": "braille-ish"}, "preferred_format"),
        ({"name": "Fatima", "email": "not-an-address"}, "email"),
        ({"name": ["list"]}, "name"),
        ({}, "name"),
    ],
)
def test_bad_fields_are_422_with_the_field_named(
    client: TestClient, body: dict[str, object], field: str
) -> None:
    response = client.post("/api/v1/people", json=body)
    assert response.status_code == 422
    assert field in [e["field"] for e in response.json()["errors"]]


def test_invalid_json_is_422(client: TestClient) -> None:
    response = client.post(
        "/api/v1/people", content=b'{"name": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "is not valid JSON"


def test_oversize_body_is_413(client: TestClient) -> None:
    response = client.post("/api/v1/people", json={"name": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 413
    assert "larger than" in response.json()["detail"]


def test_oversize_streamed_body_is_413(client: TestClient) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(40):
            yield b"x" * 100_000

    response = client.post(
        "/api/v1/people", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_nul_in_query_is_422_not_500(client: TestClient) -> None:
    response = client.get("/api/v1/memberships", params={"person_id": "1\x00"})
    assert response.status_code == 422


def test_unknown_page_is_a_404_page(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "Not found" in response.text


def test_nul_in_path_query_or_form_is_422(client: TestClient, anonymous: TestClient) -> None:
    assert client.get("/community/audit?actor=a%00b").status_code == 422
    assert anonymous.get("/access/abc%00def").status_code == 422
    response = anonymous.post(
        "/sign-in",
        content=b"email=a%00b%40x.nl&password=whatever-long-1",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 422
    assert "NUL" in response.json()["detail"]
