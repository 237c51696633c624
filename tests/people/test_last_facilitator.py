"""A learning community always keeps a facilitator: pages and API refuse to remove the last."""

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.audit.models import AuditEntry
from app.community.models import LearningCommunity
from app.people.models import Membership, Person
from app.vocabulary import AuditAction, Role
from tests import factories

ONLY = "is the only facilitator of the learning community"


def facilitator_role(db: Session, person: Person) -> Membership:
    return db.exec(
        select(Membership).where(
            Membership.person_id == person.id, Membership.role == Role.facilitator
        )
    ).one()


def facilitator_roles(db: Session) -> list[Membership]:
    db.expire_all()
    return list(db.exec(select(Membership).where(Membership.role == Role.facilitator)).all())


def test_the_api_refuses_to_delete_the_last_facilitator_role(
    client: TestClient, db: Session, facilitator: Person
) -> None:
    role = facilitator_role(db, facilitator)

    refused = client.delete(f"/api/v1/memberships/{role.id}")

    assert refused.status_code == 409
    assert f"{facilitator.name} {ONLY}" in refused.json()["detail"]
    assert "Give someone else the facilitator role first" in refused.json()["detail"]
    assert len(facilitator_roles(db)) == 1


def test_the_api_refuses_to_change_the_last_facilitator_role_away(
    client: TestClient, db: Session, facilitator: Person
) -> None:
    role = facilitator_role(db, facilitator)

    refused = client.patch(f"/api/v1/memberships/{role.id}", json={"role": "chair"})

    assert refused.status_code == 409
    assert ONLY in refused.json()["detail"]
    assert [m.role for m in facilitator_roles(db)] == [Role.facilitator]
    # Other fields of the role can still change.
    kept = client.patch(f"/api/v1/memberships/{role.id}", json={"role": "facilitator"})
    assert kept.status_code == 200


def test_the_api_refuses_to_delete_the_last_facilitator(
    sign_in: Callable[[Person], TestClient],
    db: Session,
    community: LearningCommunity,
    facilitator: Person,
) -> None:
    newcomer = factories.person(db, community)
    factories.membership(db, newcomer, Role.facilitator)
    browser = sign_in(newcomer)
    # The newcomer takes over, then cannot delete themselves: no one would be left.
    handed_over = browser.delete(f"/api/v1/memberships/{facilitator_role(db, facilitator).id}")
    assert handed_over.status_code == 204

    refused = browser.delete(f"/api/v1/people/{newcomer.id}")

    assert refused.status_code == 409
    assert ONLY in refused.json()["detail"]
    assert db.get(Person, newcomer.id) is not None


def test_the_page_refuses_to_remove_the_last_facilitator_role(
    client: TestClient, db: Session, facilitator: Person
) -> None:
    role = facilitator_role(db, facilitator)

    refused = client.post(
        f"/memberships/{role.id}/delete",
        data={"next": f"/people/{facilitator.id}"},
        follow_redirects=False,
    )

    assert refused.status_code == 409
    assert f"{facilitator.name} {ONLY}" in refused.text
    assert len(facilitator_roles(db)) == 1
    revoked = db.exec(select(AuditEntry).where(AuditEntry.action == AuditAction.role_revoked))
    assert revoked.all() == []


def test_with_a_second_facilitator_one_of_them_can_go(
    client: TestClient, db: Session, community: LearningCommunity, facilitator: Person
) -> None:
    second = factories.person(db, community)
    second_role = factories.membership(db, second, Role.facilitator)

    removed = client.post(f"/memberships/{second_role.id}/delete", follow_redirects=False)

    assert removed.status_code == 303
    assert [m.person_id for m in facilitator_roles(db)] == [facilitator.id]
    assert (
        client.delete(f"/api/v1/memberships/{facilitator_role(db, facilitator).id}").status_code
        == 409
    )
