"""Who hears of a session's change: the people invited, through the mail room.

app.mail reads sessions (and the agenda room, which reads sessions too), so sessions do not
import it; app.wiring hands the mail room's announcer in at start-up (or at the first change,
in a script that never built the app).
"""

from typing import Protocol

from sqlmodel import Session

from app.learning_sessions.models import LearningSession


class Announcer(Protocol):
    def schedule_changed(self, *, db: Session, learning_session: LearningSession) -> int:
        """The date, time or place changed (calendar_sequence raised); how many told."""
        ...

    def cancelled(self, *, db: Session, learning_session: LearningSession) -> int: ...


_announcers: list[Announcer] = []


def listen(announcer: Announcer) -> None:
    if announcer not in _announcers:
        _announcers.append(announcer)


def _listening() -> list[Announcer]:
    if not _announcers:
        from app.wiring import wire

        wire()
    return _announcers


def schedule_changed(*, db: Session, learning_session: LearningSession) -> int:
    return sum(a.schedule_changed(db=db, learning_session=learning_session) for a in _listening())


def cancelled(*, db: Session, learning_session: LearningSession) -> int:
    return sum(a.cancelled(db=db, learning_session=learning_session) for a in _listening())
