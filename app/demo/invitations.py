"""The demo's published agendas: sessions 1 and 2 went out two weeks before they were held,
so their invitations are in the outbox as sent, each with its agenda, factsheet and .ics."""

from datetime import timedelta

from sqlmodel import Session, col, select

from app.invitations.models import OutboxMessage
from app.learning_sessions.models import LearningSession
from app.mail.session_mail import queue_agenda_invitations
from app.wiring import wire

PUBLISHED_SESSIONS = (1, 2)
NOTICE = timedelta(days=14)


def add_demo_invitations(db: Session, *, community_id: int) -> int:
    """Publish the held sessions' agendas and mark their invitations sent; how many."""
    wire()  # the invitations attach the agenda PDFs, from the agenda room
    sent = 0
    for learning_session in db.exec(
        select(LearningSession)
        .where(LearningSession.community_id == community_id)
        .where(col(LearningSession.number).in_(PUBLISHED_SESSIONS))
    ).all():
        published_at = learning_session.starts_at - NOTICE
        learning_session.agenda_published_at = published_at
        learning_session.agenda_published_version = learning_session.agenda_version
        db.add(learning_session)
        db.flush()
        queue_agenda_invitations(db=db, learning_session=learning_session)
        for message in db.exec(
            select(OutboxMessage).where(OutboxMessage.session_id == learning_session.id)
        ).all():
            message.created_at = published_at
            message.sent_at = published_at + timedelta(minutes=1)
            message.attempts = 1
            db.add(message)
            sent += 1
    db.flush()
    return sent
