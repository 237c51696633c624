"""The demo's held sessions as they went: how long each agenda item really took, and who sat
at which table in the mixed-level groups (each table a mix of roles and initiatives)."""

from sqlmodel import Session, col, select

from app.agendas.models import AgendaItem
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Person

# Per held session, the minutes each item took, in agenda order (planned: content.AGENDAS).
TOOK: dict[int, tuple[int, ...]] = {
    1: (25, 45, 55, 15, 30, 10),
    2: (35, 30, 30, 15, 20, 30, 25, 10),
}
TABLES = 3
TABLE_NAME = {"en": "Table {number}", "nl": "Tafel {number}"}


def add_demo_timings(db: Session, *, community_id: int, language: str) -> None:
    sessions = dict(
        db.exec(
            select(LearningSession.number, LearningSession.id).where(
                LearningSession.community_id == community_id,
                col(LearningSession.number).in_(TOOK),
            )
        ).all()
    )
    for number, took in TOOK.items():
        items = db.exec(
            select(AgendaItem)
            .where(AgendaItem.session_id == sessions[number])
            .order_by(col(AgendaItem.position))
        ).all()
        for item, minutes in zip(items, took, strict=True):
            item.actual_minutes = minutes
            db.add(item)
        # Dealt out in the order of the invitation list, which runs initiative by
        # initiative, so neighbours land at different tables.
        present = db.exec(
            select(Attendance)
            .join(Person, col(Person.id) == Attendance.person_id)
            .where(Attendance.session_id == sessions[number], col(Attendance.attended).is_(True))
            .order_by(col(Person.id))
        ).all()
        for index, attendance in enumerate(present):
            attendance.group_name = TABLE_NAME[language].format(number=index % TABLES + 1)
            db.add(attendance)
    db.flush()
