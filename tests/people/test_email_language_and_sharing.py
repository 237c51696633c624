"""A person's email language and whether they share their accessibility needs with the chair:
in the facilitator's form, on the person's page and in the people API."""

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.community.models import LearningCommunity
from app.people.models import Person
from tests import factories
from tests.helpers import attributes


def _selected_language(html: str) -> str | None:
    for value in ("en", "nl"):
        if f'<option value="{value}" selected>' in html:
            return value
    return None


def test_a_new_person_gets_dutch_emails_and_keeps_the_needs_from_the_chair_by_default(
    client: TestClient,
) -> None:
    form = client.get("/people/new")

    assert form.status_code == 200
    assert _selected_language(form.text) == "nl"
    assert "Nederlands" in form.text and "English" in form.text
    assert "checked" not in attributes(form.text, "shares_needs_with_chair")


def test_add_a_person_with_english_emails_who_shares_their_needs(
    client: TestClient, db: Session
) -> None:
    response = client.post(
        "/people",
        data={
            "name": "Grace Okafor",
            "accessibility_needs": "Hearing loop",
            "shares_needs_with_chair": "yes",
            "preferred_format": "standard",
            "language": "en",
        },
        follow_redirects=False,
    )

    assert response.status_code == 303
    person = db.exec(select(Person).where(Person.name == "Grace Okafor")).one()
    assert (person.language, person.shares_needs_with_chair) == ("en", True)
    page = client.get(f"/people/{person.id}")
    assert "Language of their emails" in page.text and "<dd>English</dd>" in page.text
    assert "Yes, for the sessions they are invited to" in page.text
    edit = client.get(f"/people/{person.id}/edit")
    assert _selected_language(edit.text) == "en"
    assert "checked" in attributes(edit.text, "shares_needs_with_chair")


def test_editing_unticks_the_box_and_changes_the_language(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    person = factories.person(db, community, language="en", shares_needs_with_chair=True)

    response = client.post(
        f"/people/{person.id}/edit",
        data={
            "name": person.name,
            "preferred_format": "standard",
            "language": "nl",
            "version": "1",
        },
        follow_redirects=False,
    )

    assert response.status_code == 303
    db.refresh(person)
    assert (person.language, person.shares_needs_with_chair) == ("nl", False)


def test_an_unknown_language_is_refused_next_to_the_field(client: TestClient, db: Session) -> None:
    response = client.post(
        "/people",
        data={
            "name": "Hanna de Boer",
            "preferred_format": "standard",
            "language": "fr",
            "shares_needs_with_chair": "yes",
        },
    )

    assert response.status_code == 422
    assert 'id="language-error"' in response.text
    assert attributes(response.text, "language")["aria-invalid"] == "true"
    assert 'value="Hanna de Boer"' in response.text  # what was typed is kept
    assert "checked" in attributes(response.text, "shares_needs_with_chair")
    assert db.exec(select(Person).where(Person.name == "Hanna de Boer")).first() is None


def test_a_strange_checkbox_value_is_refused_next_to_the_box(client: TestClient) -> None:
    response = client.post(
        "/people",
        data={"name": "Hanna de Boer", "language": "nl", "shares_needs_with_chair": "perhaps"},
    )

    assert response.status_code == 422
    assert 'id="shares_needs_with_chair-error"' in response.text


def test_a_form_without_a_language_keeps_the_stored_one_or_the_default(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    person = factories.person(db, community, language="en")

    for language in ({}, {"language": ""}):  # not posted, or left on "Choose…"
        response = client.post(
            f"/people/{person.id}/edit",
            data={"name": "Renamed", "preferred_format": "standard", "version": str(person.version)}
            | language,
            follow_redirects=False,
        )
        assert response.status_code == 303
        db.refresh(person)
        assert (person.name, person.language) == ("Renamed", "en")

    created = client.post(
        "/people", data={"name": "Kees Bos", "preferred_format": "standard", "language": ""}
    )
    assert created.status_code == 200  # followed to the new person's page
    assert db.exec(select(Person).where(Person.name == "Kees Bos")).one().language == "nl"


def test_the_people_api_reads_and_writes_both_fields(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    created = client.post(
        "/api/v1/people",
        json={"name": "Iris Jansen", "language": "en", "shares_needs_with_chair": True},
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["language"], body["shares_needs_with_chair"]) == ("en", True)

    default = client.post("/api/v1/people", json={"name": "Joost Peters"}).json()
    assert (default["language"], default["shares_needs_with_chair"]) == ("nl", False)

    changed = client.patch(
        f"/api/v1/people/{body['id']}", json={"version": 1, "shares_needs_with_chair": False}
    )
    assert changed.status_code == 200
    assert (changed.json()["language"], changed.json()["shares_needs_with_chair"]) == ("en", False)

    refused = client.patch(f"/api/v1/people/{body['id']}", json={"version": 2, "language": "de"})
    assert refused.status_code == 422
    assert db.get(Person, body["id"]).language == "en"  # type: ignore[union-attr]
