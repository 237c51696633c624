"""Every list page's filter form works as shown (blank fields mean "any"); dates are range-checked."""

from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.community.models import LearningCommunity
from tests import factories

RANGE_MESSAGE = "Enter a date between 2000 and 2100, like 2026-10-02."


class _FilterForm(HTMLParser):
    """The fields of the page's GET form with the values a browser would submit unchanged."""

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


def submit_as_shown(client: TestClient, path: str) -> tuple[int, list[tuple[str, str]]]:
    page = client.get(path)
    assert page.status_code == 200, page.text[:300]
    form = _FilterForm()
    form.feed(page.text)
    assert form.action and form.fields, f"no filter form on {path}"
    submitted = client.get(form.action, params=form.fields)
    return submitted.status_code, form.fields


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
        assert f'name="{field}" type="date"' in response.text
        assert f'value="{value}" aria-invalid="true"' in response.text  # what was typed is kept


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
