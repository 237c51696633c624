"""Every way of giving a role applies the same rule, the same duplicate message and the same
audit text: the person page, the initiative page, the memberships API and an invitation
(the command line is tested in tests/test_cli.py)."""

import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlmodel import Session, select

from app.audit.models import AuditEntry
from app.community.models import LearningCommunity
from app.initiatives.models import Initiative
from app.invitations.models import OutboxMessage
from app.people.models import Membership, Person
from app.vocabulary import AuditAction, Role
from tests import factories

NOT_ALLOWED = "This role is held in the whole community: leave the initiative empty."
NEEDED = "This role is held in an initiative: choose which one."
HELD_ALREADY = "This person has this role here already."
EMAIL = "eva.de.boer@example.org"

# Each way in: post (role, person, initiative) and answer with the response.
Grant = Callable[[TestClient, Person, Initiative | None, Role], Response]


def _fields(role: Role) -> dict[str, str]:
    family = role == Role.family_representative
    return {
        "role": role.value,
        "perspective": "family" if family else "local_government",
        "level": "clinical" if family else "system",
    }


def _person_page(client: TestClient, person: Person, at: Initiative | None, role: Role) -> Response:
    data = {**_fields(role), "initiative_id": str(at.id) if at else ""}
    return client.post(f"/people/{person.id}/memberships", data=data, follow_redirects=False)


def _initiative_page(
    client: TestClient, person: Person, at: Initiative | None, role: Role
) -> Response:
    assert at is not None  # the initiative page adds members to its own initiative only
    return client.post(
        f"/initiatives/{at.id}/members",
        data={**_fields(role), "person_id": str(person.id)},
        follow_redirects=False,
    )


def _api(client: TestClient, person: Person, at: Initiative | None, role: Role) -> Response:
    body = {**_fields(role), "person_id": person.id, "initiative_id": at.id if at else None}
    return client.post("/api/v1/memberships", json=body)


def _invitation(client: TestClient, person: Person, at: Initiative | None, role: Role) -> Response:
    data = {
        **_fields(role),
        "name": person.name,
        "email": person.email or "",
        "initiative_id": str(at.id) if at else "",
    }
    return client.post("/community/invitations", data=data, follow_redirects=False)


WAYS_IN: dict[str, Grant] = {
    "person page": _person_page,
    "initiative page": _initiative_page,
    "api": _api,
    "invitation": _invitation,
}


def _message(response: Response) -> str:
    if response.headers["content-type"].startswith("application/json"):
        return str(response.json()["detail"])
    return response.text


def _roles(db: Session, person: Person) -> list[tuple[Role, int | None]]:
    rows = db.exec(
        select(Membership.role, Membership.initiative_id).where(Membership.person_id == person.id)
    ).all()
    return sorted((role, initiative_id) for role, initiative_id in rows)


def _granted(db: Session) -> list[AuditEntry]:
    return list(
        db.exec(select(AuditEntry).where(AuditEntry.action == AuditAction.role_granted)).all()
    )


@pytest.fixture
def eva(db: Session, community: LearningCommunity) -> Person:
    return factories.person(db, community, name="Eva de Boer", email=EMAIL)


@pytest.mark.parametrize("way_in", WAYS_IN)
def test_a_family_representative_is_not_held_in_an_initiative(
    way_in: str, client: TestClient, db: Session, community: LearningCommunity, eva: Person
) -> None:
    initiative = factories.initiative(db, community)

    response = WAYS_IN[way_in](client, eva, initiative, Role.family_representative)

    assert response.status_code == 422
    assert NOT_ALLOWED in _message(response)
    assert _roles(db, eva) == []
    assert _granted(db) == []


@pytest.mark.parametrize("way_in", ["person page", "api", "invitation"])
def test_an_initiative_role_needs_an_initiative(
    way_in: str, client: TestClient, db: Session, eva: Person
) -> None:
    response = WAYS_IN[way_in](client, eva, None, Role.practitioner_researcher)

    assert response.status_code == 422
    assert NEEDED in _message(response)
    assert _roles(db, eva) == []


@pytest.mark.parametrize("way_in", ["person page", "api", "invitation"])
def test_a_family_representative_is_held_in_the_whole_community(
    way_in: str, client: TestClient, db: Session, eva: Person
) -> None:
    response = WAYS_IN[way_in](client, eva, None, Role.family_representative)

    assert response.status_code in (201, 303), response.text
    assert _roles(db, eva) == [(Role.family_representative, None)]
    assert [e.detail for e in _granted(db)] == ["role: family_representative; community-wide"]


@pytest.mark.parametrize("way_in", WAYS_IN)
def test_a_role_held_already_is_refused_with_the_same_message(
    way_in: str, client: TestClient, db: Session, community: LearningCommunity, eva: Person
) -> None:
    initiative = factories.initiative(db, community)
    factories.membership(db, eva, Role.policymaker, initiative)

    response = WAYS_IN[way_in](client, eva, initiative, Role.policymaker)

    assert response.status_code == 409
    assert HELD_ALREADY in _message(response)
    assert _roles(db, eva) == [(Role.policymaker, initiative.id)]
    assert _granted(db) == []
    assert db.exec(select(OutboxMessage)).all() == []


@pytest.mark.parametrize("way_in", WAYS_IN)
def test_every_grant_is_audited_in_the_same_words(
    way_in: str,
    client: TestClient,
    db: Session,
    community: LearningCommunity,
    eva: Person,
    facilitator: Person,
) -> None:
    initiative = factories.initiative(db, community, name="Samen1Plan Drechtsteden")

    response = WAYS_IN[way_in](client, eva, initiative, Role.policymaker)

    assert response.status_code in (201, 303), response.text
    granted = _granted(db)
    assert [(e.subject, e.detail, e.initiative_id, e.actor_person_id) for e in granted] == [
        (
            "Eva de Boer",
            "role: policymaker; initiative: Samen1Plan Drechtsteden",
            initiative.id,
            facilitator.id,
        )
    ]


def test_the_initiative_page_offers_only_initiative_roles(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    initiative = factories.initiative(db, community)
    factories.person(db, community, name="Eva de Boer")

    html = client.get(f"/initiatives/{initiative.id}").text

    select_html = re.search(r'<select[^>]*id="member-role".*?</select>', html, re.S)
    assert select_html is not None
    offered = re.findall(r'<option value="([a-z_]+)"', select_html.group(0))
    assert offered == ["policymaker", "manager", "practitioner", "practitioner_researcher"]


# -- changing and removing (the API's PATCH and DELETE, the people page's remove button) -------


def test_a_changed_role_passes_the_same_checks_and_is_audited(
    client: TestClient, db: Session, community: LearningCommunity, eva: Person
) -> None:
    initiative = factories.initiative(db, community, name="Samen1Plan Drechtsteden")
    membership = factories.membership(db, eva, Role.policymaker, initiative)
    factories.membership(db, eva, Role.manager, initiative)
    url = f"/api/v1/memberships/{membership.id}"

    to_family = client.patch(url, json={"role": "family_representative"})
    to_held = client.patch(url, json={"role": "manager"})
    to_practitioner = client.patch(url, json={"role": "practitioner"})

    assert to_family.status_code == 422
    assert NOT_ALLOWED in to_family.json()["detail"]
    assert to_held.status_code == 409
    assert HELD_ALREADY in to_held.json()["detail"]
    assert to_practitioner.status_code == 200
    assert _roles(db, eva) == [
        (Role.manager, initiative.id),
        (Role.practitioner, initiative.id),
    ]
    changed = db.exec(select(AuditEntry).where(AuditEntry.action == AuditAction.role_changed))
    assert [e.detail for e in changed] == [
        "role: practitioner; initiative: Samen1Plan Drechtsteden"
    ]


@pytest.mark.parametrize("way_out", ["person page", "api"])
def test_a_removed_role_is_audited_in_the_words_of_its_grant(
    way_out: str, client: TestClient, db: Session, community: LearningCommunity, eva: Person
) -> None:
    initiative = factories.initiative(db, community, name="Samen1Plan Drechtsteden")
    membership = factories.membership(db, eva, Role.policymaker, initiative)

    if way_out == "api":
        response = client.delete(f"/api/v1/memberships/{membership.id}")
    else:
        response = client.post(f"/memberships/{membership.id}/delete", follow_redirects=False)

    assert response.status_code in (204, 303)
    assert _roles(db, eva) == []
    revoked = db.exec(select(AuditEntry).where(AuditEntry.action == AuditAction.role_revoked))
    assert [(e.subject, e.detail, e.initiative_id) for e in revoked] == [
        ("Eva de Boer", "role: policymaker; initiative: Samen1Plan Drechtsteden", initiative.id)
    ]
