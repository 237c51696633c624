"""The minutes of a session: per agenda item, what was said and agreed (``AgendaItem.minutes``)
and how long the item really took (``AgendaItem.actual_minutes``).

Written by the facilitator or the chair once the session has started; each item is saved on
its own, against the version the writer read, so two people typing at once lose nothing.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from app.agendas.models import AgendaItem
from app.agendas.schedule import Schedule, schedule
from app.agendas.service import get_item
from app.db import utcnow
from app.errors import ConflictError, FieldProblem, InvalidInputError, StaleVersionError
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.vocabulary import SessionStatus

MAX_MINUTES = 20_000
TOO_LONG = N_("Keep the minutes of one item under 20000 characters.")
MAX_DURATION = 600
BAD_DURATION = N_("Give the time it took as a whole number of minutes, from 0 to 600.")


@dataclass
class MinutesChangedError(StaleVersionError):
    """Someone saved this item's minutes first: the stored text and the typed one go back."""

    stored: str = ""
    typed: str = ""
    stored_actual: int | None = None


def minutes_open(learning_session: LearningSession) -> bool:
    """Minutes are written once the session has started (or is marked as held)."""
    return (
        learning_session.status in (SessionStatus.held, SessionStatus.followed_up)
        or learning_session.starts_at <= utcnow()
    )


def session_items(*, db: Session, learning_session: LearningSession) -> Sequence[AgendaItem]:
    return db.exec(
        select(AgendaItem)
        .where(AgendaItem.session_id == (learning_session.id or 0))
        .order_by(col(AgendaItem.position), col(AgendaItem.id))
    ).all()


def minutes_schedule(*, db: Session, learning_session: LearningSession) -> Schedule[AgendaItem]:
    """The session's items in order, each with its clock times."""
    return schedule(learning_session, session_items(db=db, learning_session=learning_session))


def normalise(text: str) -> str:
    """Line ends as a browser may send them (CRLF, CR) become LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def record_minutes(
    *,
    db: Session,
    learning_session: LearningSession,
    item_id: int,
    text: str,
    actual_minutes: int | None,
    expected_version: int,
) -> AgendaItem:
    """Store ``text`` as the item's minutes and ``actual_minutes`` as the time it took (None:
    not recorded), if the item is still at ``expected_version``."""
    if not minutes_open(learning_session):
        raise ConflictError(N_("Minutes are written once the session has started."))
    item = get_item(db=db, learning_session=learning_session, item_id=item_id)
    text = normalise(text)
    if len(text) > MAX_MINUTES:
        raise InvalidInputError(TOO_LONG, [FieldProblem("minutes", TOO_LONG)])
    if actual_minutes is not None and not 0 <= actual_minutes <= MAX_DURATION:
        raise InvalidInputError(BAD_DURATION, [FieldProblem("actual_minutes", BAD_DURATION)])
    if item.version != expected_version:
        raise MinutesChangedError(
            N_(
                "Someone else saved the minutes of this item while you were writing. Nothing "
                "is lost: the saved minutes and your text are both shown."
            ),
            current_version=item.version,
            stored=item.minutes,
            typed=text,
            stored_actual=item.actual_minutes,
        )
    if (item.minutes, item.actual_minutes) != (text, actual_minutes):
        item.minutes = text
        item.actual_minutes = actual_minutes
        item.updated_at = utcnow()
        db.add(item)
        db.flush()
    return item
