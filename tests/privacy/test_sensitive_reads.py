"""Reading sensitive data is audited: the evidence list, another person's page with their
contact details, the grouped reflections of those who prepare a session, a session's evidence
sources and a reflection's follow-up page; the audit page filters on it."""

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.audit.models import AuditEntry
from app.community.models import LearningCommunity
from app.people.models import Person
from app.vocabulary import AuditAction, Role
from tests import factories

SignIn = Callable[[Person], TestClient]


def _reads(db: Session) -> list[tuple[int | None, str]]:
    db.expire_all()
    return list(
        db.exec(
            select(AuditEntry.actor_person_id, AuditEntry.subject)
            .where(AuditEntry.action == AuditAction.sensitive_read)
            .order_by(AuditEntry.id)  # type: ignore[arg-type]
        ).all()
    )


def test_evidence_people_and_grouped_reflections_are_audited_when_read(
    db: Session,
    community: LearningCommunity,
    client: TestClient,
    facilitator: Person,
    sign_in: SignIn,
) -> None:
    initiative = factories.initiative(db, community, name="Gezinsteam Plus")
    learning_session = factories.learning_session(db, community, number=4)
    someone = factories.person(db, community, name="Kees Verhoeven")
    factories.membership(db, someone, Role.policymaker, initiative)

    assert client.get(f"/initiatives/{initiative.id}/evidence").status_code == 200
    assert client.get(f"/people/{someone.id}").status_code == 200
    assert client.get(f"/sessions/{learning_session.id}/reflections").status_code == 200

    assert _reads(db) == [
        (facilitator.id, "evidence of Gezinsteam Plus"),
        (facilitator.id, f"contact details of person #{someone.id}"),
        (facilitator.id, "grouped reflections of session 4"),
    ]
    entry = db.exec(
        select(AuditEntry).where(AuditEntry.action == AuditAction.sensitive_read)
    ).first()
    assert entry is not None and entry.initiative_id == initiative.id

    # One's own page, and the reflections as a participant reads them, are not.
    own = sign_in(someone)
    assert own.get(f"/people/{someone.id}").status_code == 200
    assert own.get(f"/sessions/{learning_session.id}/reflections").status_code == 200
    assert len(_reads(db)) == 3

    filtered = client.get("/community/audit", params={"action": "sensitive_read"})
    assert filtered.status_code == 200
    assert "evidence of Gezinsteam Plus" in filtered.text
    assert "Sensitive data read" in filtered.text


def test_a_sessions_evidence_sources_and_a_reflections_follow_up_are_audited_when_read(
    db: Session, facilitator: Person, client: TestClient
) -> None:
    from tests.reflections.reading_world import reading_world, reflection

    world = reading_world(db, facilitator)
    written = reflection(db, world.session, world.people["family"])
    number = world.session.number

    evidence = client.get(f"/sessions/{world.session.id}/evidence")
    follow_up = client.get(f"/sessions/{world.session.id}/reflections/{written.id}/follow-up")

    assert (evidence.status_code, follow_up.status_code) == (200, 200)
    assert _reads(db) == [
        (facilitator.id, f"evidence sources of session {number}"),
        (facilitator.id, f"reflection #{written.id} of session {number} (follow-up)"),
    ]
