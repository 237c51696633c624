"""The session workflow is one rule: the session page and the API move a session alike."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.audit.models import AuditEntry
from app.community.models import LearningCommunity
from app.learning_sessions.models import LearningSession
from app.vocabulary import AuditAction, FactsheetStatus, Role, SessionStatus
from tests import factories

Move = Callable[[TestClient, LearningSession, str, str], str]


def through_the_page(
    client: TestClient, learning_session: LearningSession, status: str, reason: str
) -> str:
    response = client.post(
        f"/sessions/{learning_session.id}/status",
        data={"status": status, "override_reason": reason},
        follow_redirects=False,
    )
    assert response.status_code in (303, 409), response.text
    return "moved" if response.status_code == 303 else "refused"


def through_the_api(
    client: TestClient, learning_session: LearningSession, status: str, reason: str
) -> str:
    url = f"/api/v1/learning-sessions/{learning_session.id}"
    version = client.get(url).json()["version"]
    body: dict[str, object] = {"version": version, "status": status}
    if reason:
        body["reason"] = reason
    response = client.patch(url, json=body)
    assert response.status_code in (200, 409), response.text
    if response.status_code == 409:
        assert response.json()["detail"]
        return "refused"
    assert response.json()["status"] == status
    return "moved"


CHANNELS = pytest.mark.parametrize("move", [through_the_page, through_the_api], ids=["page", "api"])


def overrides(db: Session) -> list[AuditEntry]:
    return list(
        db.exec(
            select(AuditEntry).where(
                AuditEntry.action == AuditAction.session_prepared_with_override
            )
        ).all()
    )


def incomplete_session(db: Session, community: LearningCommunity) -> LearningSession:
    """An initiative without a policymaker, no family representative, no factsheet."""
    leiden = factories.initiative(db, community)
    learning_session = factories.learning_session(db, community)
    for role in (Role.practitioner, Role.manager):
        person = factories.person(db, community)
        factories.membership(db, person, role, leiden)
        factories.attendance(db, learning_session, person)
    return learning_session


def complete_session(db: Session, community: LearningCommunity) -> LearningSession:
    leiden = factories.initiative(db, community)
    learning_session = factories.learning_session(db, community)
    for role in (Role.practitioner, Role.manager, Role.policymaker):
        person = factories.person(db, community)
        factories.membership(db, person, role, leiden)
        factories.attendance(db, learning_session, person)
    family = factories.person(db, community)
    factories.membership(db, family, Role.family_representative)
    factories.attendance(db, learning_session, family)
    factories.factsheet(db, leiden, learning_session, status=FactsheetStatus.published)
    return learning_session


@CHANNELS
def test_every_transition_follows_the_workflow_rule(
    move: Move, client: TestClient, db: Session, community: LearningCommunity
) -> None:
    learning_session = incomplete_session(db, community)

    def status() -> SessionStatus:
        db.refresh(learning_session)
        return learning_session.status

    assert move(client, learning_session, "held", "") == "refused"  # two steps at once
    assert move(client, learning_session, "followed_up", "") == "refused"
    # Prepared needs a complete composition and published factsheets, or a recorded reason.
    assert move(client, learning_session, "prepared", "") == "refused"
    assert status() == SessionStatus.planned
    assert learning_session.prepared_override_reason is None
    assert overrides(db) == []

    assert move(client, learning_session, "prepared", "The policymaker joins by phone.") == "moved"
    assert status() == SessionStatus.prepared
    assert learning_session.prepared_override_reason == "The policymaker joins by phone."
    (entry,) = overrides(db)
    assert entry.detail == "The policymaker joins by phone."

    assert move(client, learning_session, "held", "") == "moved"
    assert status() == SessionStatus.held
    assert move(client, learning_session, "followed_up", "") == "moved"
    assert status() == SessionStatus.followed_up
    assert move(client, learning_session, "prepared", "") == "refused"  # two steps back
    # One step back at a time, to correct a mistake.
    for back in (SessionStatus.held, SessionStatus.prepared, SessionStatus.planned):
        assert move(client, learning_session, back, "") == "moved"
        assert status() == back
    assert move(client, learning_session, "prepared", "") == "refused"  # the gaps are still there


@CHANNELS
def test_a_complete_session_is_prepared_without_a_reason(
    move: Move, client: TestClient, db: Session, community: LearningCommunity
) -> None:
    learning_session = complete_session(db, community)

    assert move(client, learning_session, "prepared", "") == "moved"

    db.refresh(learning_session)
    assert learning_session.status == SessionStatus.prepared
    assert learning_session.prepared_override_reason is None
    assert overrides(db) == []


def test_the_api_says_why_a_session_cannot_be_prepared(
    client: TestClient, db: Session, community: LearningCommunity
) -> None:
    learning_session = incomplete_session(db, community)
    url = f"/api/v1/learning-sessions/{learning_session.id}"

    refused = client.patch(url, json={"version": 1, "status": "prepared", "focus": "Financing"})

    assert refused.status_code == 409
    assert "no policymaker invited" in refused.json()["detail"]
    assert "Give a reason" in refused.json()["detail"]
    db.refresh(learning_session)
    assert learning_session.status == SessionStatus.planned
    assert learning_session.focus != "Financing"  # nothing of the refused change is kept
    accepted = client.patch(
        url, json={"version": 1, "status": "prepared", "reason": "  Agreed with the chair.  "}
    )
    assert accepted.status_code == 200
    assert accepted.json()["prepared_override_reason"] == "Agreed with the chair."
    too_long = client.patch(url, json={"version": 2, "status": "planned", "reason": "x" * 2001})
    assert too_long.status_code == 422
