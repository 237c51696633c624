"""The demo's held sessions as they went: every item of sessions 1 and 2 has the time it
took, and everyone who came sat at one of three tables, in the demo's language."""

import pytest
from sqlmodel import Session, col, select

from app.agendas.models import AgendaItem
from app.demo.seed import seed_demo
from app.learning_sessions.models import Attendance, LearningSession


@pytest.mark.parametrize(("language", "table"), [("en", "Table"), ("nl", "Tafel")])
def test_held_sessions_have_timings_and_tables(db: Session, language: str, table: str) -> None:
    assert seed_demo(db, language=language, invitations=False)
    for number in (1, 2):
        session_id = db.exec(
            select(LearningSession.id).where(LearningSession.number == number)
        ).one()
        took = db.exec(
            select(AgendaItem.actual_minutes).where(AgendaItem.session_id == session_id)
        ).all()
        assert took and all(minutes is not None and minutes > 0 for minutes in took)
        groups = db.exec(
            select(Attendance.group_name, Attendance.attended).where(
                Attendance.session_id == session_id
            )
        ).all()
        assert {group for group, came in groups if came} == {f"{table} {n}" for n in (1, 2, 3)}
        assert all(group == "" for group, came in groups if not came)
    # Session 3 has not been held: nothing recorded.
    upcoming = db.exec(select(LearningSession.id).where(LearningSession.number == 3)).one()
    assert not db.exec(
        select(AgendaItem).where(
            AgendaItem.session_id == upcoming, col(AgendaItem.actual_minutes).is_not(None)
        )
    ).first()
