"""Every list page's filter form works as shown (blank fields mean "any"); dates are range-checked."""

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.community.models import LearningCommunity
from tests import factories
from tests.helpers import attributes, get_form_as_shown

RANGE_MESSAGE = "Enter a date between 2000 and 2100, like 2026-10-02."


def submit_as_shown(client: TestClient, path: str) -> tuple[int, list[tuple[str, str]]]:
    page = client.get(path)
    assert page.status_code == 200, page.text[:300]
    action, fields = get_form_as_shown(page.text)
    assert action and fields, f"no filter form on {path}"
    submitted = client.get(action, params=fields)
    return submitted.status_code, fields


@pytest.fixture
def pages(db: Session, community: LearningCommunity) -> list[str]:
    initiative = factories.initiative(db, community)
    return ["/community/audit", f"/initiatives/{initiative.id}/evidence", "/initiatives", "/people"]


def test_every_filter_form_submitted_as_shown_answers_200(
    client: TestClient, pages: list[str]
) -> None:
    for path in pages:
        status, fields = submit_as_shown(client, path)
        assert status == 200, (path, fields)
        assert any(value == "" for _, value in fields), path  # blank fields were sent


@pytest.mark.parametrize(
    "query",
    [
        {"from": "0001-01-01"},
        {"to": "9999-12-31"},
        {"from": "1999-12-31", "to": "2101-01-01"},
        {"from": "2026-02-30"},
        {"from": "yesterday"},
    ],
)
def test_audit_dates_out_of_range_get_a_message_next_to_the_field(
    client: TestClient, query: dict[str, str]
) -> None:
    response = client.get("/community/audit", params=query)

    assert response.status_code == 422
    for field, value in query.items():
        assert f'<p class="error" id="filter-{field}-error">{RANGE_MESSAGE}</p>' in response.text
        typed = attributes(response.text, f"filter-{field}")
        assert (typed["name"], typed["type"]) == (field, "date")
        assert (typed["value"], typed["aria-invalid"]) == (value, "true")  # what was typed is kept
        assert typed["aria-describedby"] == f"filter-{field}-error"


def test_audit_filters_by_dates_within_range(client: TestClient) -> None:
    response = client.get(
        "/community/audit", params={"action": "", "actor": "", "from": "2000-01-01", "to": ""}
    )
    assert response.status_code == 200
    assert 'class="error"' not in response.text


@pytest.mark.parametrize("field", ["observed_from", "observed_until"])
@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_evidence_dates_out_of_range_get_a_message(
    client: TestClient, db: Session, community: LearningCommunity, field: str, value: str
) -> None:
    initiative = factories.initiative(db, community)

    response = client.get(f"/initiatives/{initiative.id}/evidence", params={field: value})

    assert response.status_code == 422
    assert RANGE_MESSAGE in response.text
