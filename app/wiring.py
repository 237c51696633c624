"""Connects rooms that must not import each other, once per process (create_app, the CLI).

app.agendas sends invitations through app.mail, so the mail room gets the agenda's PDFs and
end time handed in; app.mail reads sessions, so sessions announce their changes through the
announcer handed in here. The session's ZIP (app.factsheets) gets the published agenda's PDFs
and the published report (app.reports).
"""

from datetime import datetime

from sqlmodel import Session, col, select

from app.agendas import documents
from app.agendas.models import AgendaItem
from app.agendas.schedule import schedule
from app.factsheets import publishing as factsheet_publishing
from app.learning_sessions import announcements
from app.learning_sessions.models import LearningSession
from app.mail import session_mail
from app.reports import service as report_service


class AgendaDocuments:
    """app.mail's SessionDocuments, from app.agendas."""

    def agenda_pdf(
        self, *, db: Session, learning_session: LearningSession, language: str, plain: bool
    ) -> bytes:
        return documents.agenda_pdf(
            db=db, learning_session=learning_session, language=language, plain=plain
        )

    def agenda_file_name(
        self, learning_session: LearningSession, language: str, plain: bool
    ) -> str:
        return documents.agenda_file_name(learning_session, language, plain)

    def agenda_end(self, *, db: Session, learning_session: LearningSession) -> datetime | None:
        items = db.exec(
            select(AgendaItem)
            .where(AgendaItem.session_id == learning_session.id)
            .order_by(col(AgendaItem.position))
        ).all()
        return schedule(learning_session, items).ends if items else None


def wire() -> None:
    session_mail.use_session_documents(AgendaDocuments())
    # The agenda's PDFs, and the report once it is published.
    factsheet_publishing.use_agenda_files(report_service.archive_files)
    announcements.listen(session_mail.ANNOUNCER)
