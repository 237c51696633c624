"""The demo's reflections: Ingrid Smit consented (both choices, the current wording) and
has one submitted and one draft reflection for session 3; Ricardo Martina has not answered
the consent question; practitioners and policymakers answered in advance, so the chair's
grouped page has something under every condition."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.demo import content
from app.demo.seed import seed_demo
from app.learning_sessions.models import LearningSession
from app.people.models import Consent, Person
from app.reflections import consent
from app.reflections.models import Reflection
from app.vocabulary import PartnershipCondition, ReflectionStatus


@pytest.fixture
def session_3(db: Session) -> LearningSession:
    assert seed_demo(db, language="en", invitations=False)
    found = db.exec(select(LearningSession).where(LearningSession.number == 3)).one()
    return found


def _person(db: Session, email: str) -> Person:
    return db.exec(select(Person).where(Person.email == email)).one()


def test_ingrid_consented_to_both_and_ricardo_has_not_answered(
    db: Session, session_3: LearningSession
) -> None:
    ingrid = _person(db, content.FAMILY)
    ricardo = _person(db, content.FAMILY_LARGE_PRINT)
    assert ingrid.name == "Ingrid Smit"
    state = consent.consent_state(db=db, person_id=ingrid.id or 0)
    assert state.read_by_participants and state.quoted_as_evidence and state.may_write
    rows = db.exec(select(Consent).where(Consent.person_id == ingrid.id)).all()
    assert {row.purpose for row in rows} == set(consent.PURPOSES)
    assert {row.wording_version for row in rows} == {consent.WORDING_VERSION}
    assert not consent.consent_state(db=db, person_id=ricardo.id or 0).asked
    # Nothing of his is read by participants or quoted before he answers.
    his = db.exec(select(Reflection).where(Reflection.author_id == ricardo.id)).all()
    assert all(r.visibility == "private" and not r.evidence_consent for r in his)


def test_ingrid_has_one_submitted_and_one_draft_reflection_for_session_3(
    db: Session, session_3: LearningSession
) -> None:
    ingrid = _person(db, content.FAMILY)
    hers = db.exec(
        select(Reflection).where(
            Reflection.author_id == ingrid.id, Reflection.session_id == session_3.id
        )
    ).all()
    by_status = sorted((r.status, r.submitted_at is not None) for r in hers)
    assert by_status == [(ReflectionStatus.draft, False), (ReflectionStatus.submitted, True)]
    assert all(not r.shows_name and r.reflective_question_id for r in hers)


def test_the_chairs_grouped_page_has_answers_under_every_condition_without_ingrids_name(
    db: Session, session_3: LearningSession, sign_in: Callable[[Person], TestClient]
) -> None:
    chair = _person(db, content.CHAIR)
    page = sign_in(chair).get(f"/sessions/{session_3.id}/reflections")
    assert page.status_code == 200
    for condition in PartnershipCondition:
        start = page.text.index(f'id="condition-{condition}"')
        end = page.text.find('<section class="reflection-condition"', start)
        part = page.text[start : end if end > 0 else None]
        assert 'class="reflection' in part, condition
    assert "For a long time I did not know who to call." in page.text
    assert "A family representative" in page.text
    assert "Ingrid Smit</strong>" not in page.text
    assert "I want to think about this a bit more." not in page.text  # her draft
    # The private one reaches the facilitator only.
    assert "I would like the facilitator's advice" not in page.text.replace("&#39;", "'")
    facilitator = _person(db, content.FACILITATOR)
    theirs = sign_in(facilitator).get(f"/sessions/{session_3.id}/reflections")
    assert "I would like the facilitator&#39;s advice" in theirs.text
    submitted = db.exec(
        select(Reflection).where(
            Reflection.session_id == session_3.id,
            col(Reflection.status) == ReflectionStatus.submitted,
        )
    ).all()
    assert len(submitted) >= 6
