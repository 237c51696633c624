"""Domain errors carry an English message to translate: pages speak the reader's language,
the JSON API stays English."""

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.errors import NotFoundError
from app.labels import N_
from app.people.models import Membership, Person
from app.vocabulary import Role

DUTCH = {"Accept-Language": "nl"}


def test_a_domain_error_keeps_its_english_text_and_arguments_apart() -> None:
    error = NotFoundError(N_("There is no initiative with id %(id)s."), arguments={"id": 5})

    assert error.message == "There is no initiative with id %(id)s."
    assert str(error) == "There is no initiative with id 5."
    assert error.translated(lambda text: text.replace("There is no", "No")) == (
        "No initiative with id 5."
    )


def test_an_unknown_initiative_is_a_404_in_the_pages_language(client: TestClient) -> None:
    dutch = client.get("/initiatives/4242", headers=DUTCH)
    english = client.get("/initiatives/4242", headers={"Accept-Language": "en"})

    assert dutch.status_code == english.status_code == 404
    assert "Er is geen initiatief met id 4242." in dutch.text
    assert "There is no initiative" not in dutch.text
    assert "There is no initiative with id 4242." in english.text


def test_the_last_facilitator_409_is_dutch_on_a_dutch_page(
    client: TestClient, db: Session, facilitator: Person
) -> None:
    role = db.exec(
        select(Membership).where(
            Membership.person_id == facilitator.id, Membership.role == Role.facilitator
        )
    ).one()

    refused = client.post(
        f"/memberships/{role.id}/delete",
        data={"next": f"/people/{facilitator.id}"},
        headers=DUTCH,
        follow_redirects=False,
    )

    assert refused.status_code == 409
    assert f"{facilitator.name} is de enige facilitator van de leerkring." in refused.text
    assert "only facilitator" not in refused.text


def test_the_json_api_answers_in_english_whatever_the_language(client: TestClient) -> None:
    response = client.get("/api/v1/initiatives/4242", headers=DUTCH)

    assert response.status_code == 404
    assert response.json()["detail"] == "There is no initiative with id 4242."
