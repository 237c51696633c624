"""`leerkring send-reminders`: the reminders due today, each queued once ever.

A session is due for reminders from ``reminder_days`` before its day until the day itself
(so a day the command did not run is caught up the next); the dedupe keys make a second
run queue nothing.
"""

from datetime import date, timedelta

from sqlmodel import Session, col, select

from app.agendas.models import ReflectiveQuestion
from app.config import Settings
from app.db import Database, utcnow
from app.learning_sessions.models import LearningSession
from app.mail import session_mail
from app.mail.recipients import invitees
from app.mail.sending import SendReport, send_pending
from app.reflections.models import Reflection
from app.time_zone import community_zone
from app.vocabulary import SessionStatus


def sessions_due(*, db: Session, today: date, reminder_days: int) -> list[LearningSession]:
    """Sessions ahead (not cancelled, not held) whose day is at most ``reminder_days`` away."""
    # A rough cut in SQL (a day either side for time zones); the exact day in Python.
    upcoming = db.exec(
        select(LearningSession)
        .where(
            col(LearningSession.cancelled_at).is_(None),
            col(LearningSession.status).in_([SessionStatus.planned, SessionStatus.prepared]),
            col(LearningSession.starts_at) >= utcnow() - timedelta(days=2),
        )
        .order_by(col(LearningSession.starts_at))
    ).all()
    return [s for s in upcoming if 0 <= (session_mail.local_day(s) - today).days <= reminder_days]


def open_questions(
    *, db: Session, learning_session: LearningSession, today: date
) -> dict[int, list[str]]:
    """Per invitee, the questions addressed to one of their roles they have not answered.

    A question for everyone (no target roles) is addressed to nobody in particular.
    """
    deadline = learning_session.reflection_deadline
    if deadline is not None and deadline < today:
        return {}
    questions = db.exec(
        select(ReflectiveQuestion)
        .where(ReflectiveQuestion.session_id == learning_session.id)
        .order_by(col(ReflectiveQuestion.position), col(ReflectiveQuestion.id))
    ).all()
    if not questions:
        return {}
    answered = set(
        db.exec(
            select(Reflection.author_id, Reflection.reflective_question_id).where(
                col(Reflection.reflective_question_id).in_([q.id for q in questions])
            )
        ).all()
    )
    found: dict[int, list[str]] = {}
    for invitee in invitees(db=db, learning_session=learning_session):
        person_id = invitee.person.id or 0
        for question in questions:
            addressed = {str(role) for role in question.target_roles} & set(invitee.roles)
            if addressed and (person_id, question.id) not in answered:
                wording = question.plain_text if invitee.is_family else ""
                found.setdefault(person_id, []).append(wording or question.text)
    return found


def queue_reminders(*, db: Session, reminder_days: int, today: date | None = None) -> int:
    """Queue every reminder that is due and was not queued before; how many were queued."""
    today = today or utcnow().astimezone(community_zone()).date()
    queued = 0
    for learning_session in sessions_due(db=db, today=today, reminder_days=reminder_days):
        queued += session_mail.queue_reminder(
            db=db,
            learning_session=learning_session,
            open_questions=open_questions(db=db, learning_session=learning_session, today=today),
        )
    return queued


def run_reminders(
    database: Database, settings: Settings, *, today: date | None = None
) -> tuple[int, SendReport]:
    """`leerkring send-reminders`: queue what is due (committed first), then send the outbox."""
    with database.transaction(write=True) as db:
        queued = queue_reminders(db=db, reminder_days=settings.reminder_days, today=today)
    return queued, send_pending(database, settings)
