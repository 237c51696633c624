"""The privacy pages: a person downloads their own data and deletes their reflections (also
through their personal link); the facilitator does both for anyone and erases after a
confirmation page; everyone else is refused."""

import io
import zipfile
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.audit.models import AuditEntry
from app.community.models import LearningCommunity
from app.people.models import Person
from app.reflections import consent
from app.reflections.models import Reflection
from app.vocabulary import AuditAction, Perspective, Role
from tests import factories
from tests.helpers import csrf_from, open_access_link

SignIn = Callable[[Person], TestClient]


@pytest.fixture
def family(db: Session, community: LearningCommunity) -> Person:
    person = factories.person(db, community, name="Ingrid Smit", email="ingrid@example.org")
    factories.membership(db, person, Role.family_representative)
    held = factories.learning_session(db, community, number=2)
    factories.attendance(db, held, person, attended=True)
    for text in ("Nobody showed me a figure.", "Who do I call?"):
        db.add(
            Reflection(
                author_id=person.id,
                session_id=held.id,
                text=text,
                perspective=Perspective.family,
                evidence_consent=True,
            )
        )
    consent.record_consent(
        db=db, person_id=person.id or 0, read_by_participants=True, quoted_as_evidence=True
    )
    db.flush()
    return person


def _reflections(db: Session, person: Person) -> int:
    db.expire_all()
    return db.exec(select(func.count()).where(Reflection.author_id == person.id)).one()


def test_through_her_link_she_downloads_her_data_and_deletes_her_reflections(
    db: Session, family: Person, anonymous: TestClient
) -> None:
    _link, token = factories.access_link(db, family)
    assert open_access_link(anonymous, token).status_code == 303
    page = anonymous.get(f"/people/{family.id}/privacy")
    assert page.status_code == 200
    assert "Your personal data" in page.text and "Reflections written: 2." in page.text
    assert "Erase this person" not in page.text

    download = anonymous.get(f"/people/{family.id}/data.zip")
    assert download.status_code == 200
    assert download.headers["content-type"] == "application/zip"
    assert download.headers["cache-control"] == "no-store"
    names = zipfile.ZipFile(io.BytesIO(download.content)).namelist()
    assert {"README.txt", "person.json", "reflection.json", "reflections.pdf"} <= set(names)

    csrf = {"csrf_token": csrf_from(page.text)}
    refused = anonymous.post(f"/people/{family.id}/reflections/delete", data=csrf)
    assert refused.status_code == 422 and "Tick the box to confirm" in refused.text
    assert _reflections(db, family) == 2
    deleted = anonymous.post(
        f"/people/{family.id}/reflections/delete",
        data={**csrf, "confirm": "yes"},
        follow_redirects=False,
    )
    assert deleted.status_code == 303
    assert _reflections(db, family) == 0
    actions = set(db.exec(select(AuditEntry.action)).all())
    assert {AuditAction.exported, AuditAction.reflections_deleted} <= actions


def test_the_facilitator_erases_after_the_confirmation_page(
    db: Session, family: Person, client: TestClient
) -> None:
    plan = client.get(f"/people/{family.id}/erase")
    assert plan.status_code == 200
    assert "Erase Ingrid Smit?" in plan.text
    assert "Their reflections (2), anonymised" in plan.text
    assert f"person #{family.id}" in plan.text

    unconfirmed = client.post(f"/people/{family.id}/erase", data={})
    assert unconfirmed.status_code == 422
    db.refresh(family)
    assert family.erased_at is None and family.name == "Ingrid Smit"

    erased = client.post(
        f"/people/{family.id}/erase", data={"confirm": "yes"}, follow_redirects=False
    )
    assert erased.status_code == 303
    db.refresh(family)
    assert (family.name, family.email, family.erased_at is not None) == (
        f"person #{family.id}",
        None,
        True,
    )
    after = client.get(f"/people/{family.id}/privacy")
    assert "This person's data was erased on" in after.text
    assert "Ingrid Smit" not in after.text
    assert client.get(f"/people/{family.id}/erase").status_code == 200  # says: erased already


def test_others_are_refused_and_another_communitys_person_is_not_found(
    db: Session, community: LearningCommunity, family: Person, sign_in: SignIn
) -> None:
    policymaker = factories.person(db, community)
    factories.membership(db, policymaker, Role.policymaker, factories.initiative(db, community))
    browser = sign_in(policymaker)
    for path in ("/privacy", "/data.zip", "/erase"):
        assert browser.get(f"/people/{family.id}{path}").status_code == 403
    assert (
        browser.post(f"/people/{family.id}/reflections/delete", data={"confirm": "yes"}).status_code
        == 403
    )
    assert _reflections(db, family) == 2
    elsewhere = factories.person(db, factories.community(db))
    assert browser.get(f"/people/{elsewhere.id}/privacy").status_code == 404


def test_the_account_menu_links_to_ones_own_data(family: Person, sign_in: SignIn) -> None:
    page = sign_in(family).get("/")
    assert f'href="/people/{family.id}/privacy"' in page.text
