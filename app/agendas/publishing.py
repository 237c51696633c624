"""Publishing the agenda: the invitations go out, and the session moves on to "prepared"
when nothing else is missing. Publishing again after a change announces the change."""

from dataclasses import dataclass

from sqlmodel import Session

from app.agendas.service import AgendaChangedError, agenda_items
from app.auth.principal import Principal
from app.db import utcnow
from app.errors import ConflictError, InvalidInputError
from app.labels import N_
from app.learning_sessions import workflow
from app.learning_sessions.models import LearningSession
from app.mail.session_mail import queue_agenda_invitations
from app.vocabulary import SessionStatus


@dataclass(frozen=True)
class Published:
    update: bool  # the agenda had been published before
    messages: int  # emails queued
    prepared: bool  # the session moved to "prepared" with it


def publish_agenda(
    *, db: Session, learning_session: LearningSession, actor: Principal, expected: int
) -> Published:
    assert learning_session.id is not None
    if learning_session.agenda_version != expected:
        raise AgendaChangedError(
            N_("Someone else changed this agenda since you opened it; check it, then publish."),
            current_version=learning_session.agenda_version,
        )
    if learning_session.cancelled_at is not None:
        raise ConflictError(N_("This session is cancelled; its agenda cannot be published."))
    if not agenda_items(db=db, session_id=learning_session.id):
        raise InvalidInputError(N_("Add at least one item to the agenda before publishing it."))
    update = learning_session.agenda_published_at is not None
    if update and learning_session.agenda_published_version == learning_session.agenda_version:
        raise ConflictError(N_("The published agenda is up to date; there is no change to send."))
    now = utcnow()
    learning_session.agenda_published_at = learning_session.agenda_published_at or now
    learning_session.agenda_published_version = learning_session.agenda_version
    db.add(learning_session)
    db.flush()
    messages = queue_agenda_invitations(db=db, learning_session=learning_session, update=update)
    prepared = False
    if learning_session.status == SessionStatus.planned and not workflow.preparation_shortfalls(
        db=db, learning_session=learning_session
    ):
        workflow.prepare(db=db, learning_session=learning_session, actor=actor)
        prepared = True
    return Published(update=update, messages=messages, prepared=prepared)
