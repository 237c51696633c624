"""Each kind exports the demo's rows, counted independently here; reflections only with
their author's consent and never with anyone's name."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, func, select

from app.actions.models import Action
from app.demo.seed import seed_demo
from app.evidence.models import EvidenceItem
from app.learning_sessions.models import Attendance, LearningSession, SessionEvaluation
from app.monitoring.models import Measurement, MonitoringIndicator
from app.people.models import Membership, Person
from app.reflections.models import Reflection
from app.vocabulary import ReflectionStatus, Role


@pytest.fixture
def demo(db: Session, sign_in: Callable[[Person], TestClient]) -> TestClient:
    """The demo's facilitator."""
    assert seed_demo(db, language="en", invitations=False)
    facilitator = db.exec(
        select(Person)
        .join(Membership, col(Membership.person_id) == Person.id)
        .where(Membership.role == Role.facilitator)
    ).first()
    assert facilitator is not None
    return sign_in(facilitator)


def _count(db: Session, statement: object) -> int:
    return int(db.exec(statement).one())  # type: ignore[call-overload]


def test_evidence_actions_and_indicators_export_every_row(db: Session, demo: TestClient) -> None:
    evidence = demo.get("/community/exports/evidence.json").json()
    actions = demo.get("/community/exports/actions.json").json()
    indicators = demo.get("/community/exports/indicators.json").json()

    assert len(evidence) == _count(db, select(func.count()).select_from(EvidenceItem)) > 0
    assert len(actions) == _count(db, select(func.count()).select_from(Action)) > 0
    with_values = _count(db, select(func.count()).select_from(Measurement))
    without = _count(
        db,
        select(func.count())
        .select_from(MonitoringIndicator)
        .where(~col(MonitoringIndicator.id).in_(select(Measurement.indicator_id))),
    )
    assert len(indicators) == with_values + without
    assert all(row["conditions"] for row in evidence)


def test_attendance_counts_match_the_database(db: Session, demo: TestClient) -> None:
    rows = demo.get("/community/exports/attendance.json").json()
    attended = _count(
        db,
        select(func.count())
        .select_from(Attendance)
        .join(Membership, col(Membership.person_id) == Attendance.person_id)
        .where(col(Attendance.attended).is_(True)),
    )
    invited = _count(
        db,
        select(func.count())
        .select_from(Attendance)
        .join(Membership, col(Membership.person_id) == Attendance.person_id)
        .where(col(Attendance.invited).is_(True)),
    )
    assert sum(row["attended"] for row in rows) == attended > 0
    assert sum(row["invited"] for row in rows) == invited
    assert set(rows[0]) == {"session", "initiative", "role", "invited", "attended"}


def test_evaluations_leave_out_the_person_and_the_comments(db: Session, demo: TestClient) -> None:
    rows = demo.get("/community/exports/evaluations.json").json()
    assert len(rows) == _count(db, select(func.count()).select_from(SessionEvaluation)) > 0
    comments = [c for c in db.exec(select(SessionEvaluation.comment)).all() if c.strip()]
    text = demo.get("/community/exports/evaluations.csv").text
    assert comments and not any(comment in text for comment in comments)
    assert "person" not in rows[0] and "comment" not in rows[0]


def test_reflections_only_with_consent_and_never_a_name(db: Session, demo: TestClient) -> None:
    session = db.exec(select(LearningSession).order_by(col(LearningSession.number))).first()
    rows = demo.get("/community/exports/reflections.json").json()
    consented = _count(
        db,
        select(func.count())
        .select_from(Reflection)
        .where(
            col(Reflection.evidence_consent).is_(True),
            Reflection.status == ReflectionStatus.submitted,
            col(Reflection.hidden_at).is_(None),
        ),
    )
    unconsented = db.exec(
        select(Reflection.text).where(col(Reflection.evidence_consent).is_(False))
    ).all()
    assert 0 < len(rows) <= consented
    assert {row["id"] for row in rows} <= set(
        db.exec(select(Reflection.id).where(col(Reflection.evidence_consent).is_(True))).all()
    )
    csv_text = demo.get("/community/exports/reflections.csv").text
    json_text = demo.get("/community/exports/reflections.json").text
    for text in unconsented:
        assert text not in json_text
    for name in db.exec(select(Person.name)).all():
        for part in {name, *name.split()}:
            if len(part) > 3:
                assert part not in csv_text and part not in json_text, part
    assert session is not None
    assert "author" not in json_text


def test_action_owners_appear_as_their_role(db: Session, demo: TestClient) -> None:
    rows = demo.get("/community/exports/actions.json").json()
    owned = [row["owner"] for row in rows if row["owner"]]
    assert owned and all(owner.startswith("a ") for owner in owned)
    text = demo.get("/community/exports/actions.csv").text
    for name in db.exec(select(Person.name)).all():
        assert name not in text
