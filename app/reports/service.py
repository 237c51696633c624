"""The session report: who may read it, publishing it, and its PDF, rendered once per content
version (``SessionDocument`` kind "report", one per language, as the agendas are).

The facilitator publishes the report once the session has started; from then on the session's
participants (invited or present, and the chair) read it, and each family representative who
was invited or came gets one message that says so.
"""

from datetime import datetime

from sqlmodel import Session

from app.agendas import documents
from app.agendas.minutes import minutes_open
from app.agendas.models import SessionDocument
from app.audit import service as audit
from app.auth import policy
from app.auth.principal import Principal
from app.db import utcnow
from app.errors import ConflictError, ForbiddenError, NotFoundError
from app.evaluations import results_csv
from app.evaluations import service as evaluations
from app.i18n import translations
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.mail import report_mail
from app.reports.view import build_report_view
from app.vocabulary import AuditAction


def why_unpublishable(learning_session: LearningSession) -> ConflictError | None:
    """Why the report cannot be published now (cancelled, not started), or None."""
    if learning_session.cancelled_at is not None:
        return ConflictError(N_("This session was cancelled, so it has no report to publish."))
    if not minutes_open(learning_session):
        return ConflictError(
            N_("The report can be published once the session has started. Please come back then.")
        )
    return None


def require_readable(
    *, db: Session, learning_session: LearningSession, principal: Principal
) -> None:
    """The facilitator reads the report at any time (a preview before it is published); the
    session's participants and its chair once it is published; nobody else."""
    if policy.is_facilitator(principal):
        return
    if learning_session.report_published_at is None:
        raise NotFoundError(N_("The report of this session has not been published yet."))
    if principal.person_id == learning_session.chair_id:
        return
    if not evaluations.is_participant(
        db=db, learning_session=learning_session, person_id=principal.person_id
    ):
        raise ForbiddenError(N_("The report is for the people who took part in this session."))


def publish(
    *,
    db: Session,
    learning_session: LearningSession,
    actor: Principal | None,
    ip: str = "",
    at: datetime | None = None,
) -> int:
    """Publish the report (once: publishing again keeps the first date) and queue the family
    representatives' messages that have not been queued yet; returns how many were queued.

    ``actor`` None and ``at``: the demo, which published its held sessions' reports back then.
    """
    refusal = why_unpublishable(learning_session)
    if refusal is not None:
        raise refusal
    if learning_session.report_published_at is None:
        learning_session.report_published_at = at or utcnow()
        db.add(learning_session)
        db.flush()
        audit.record(
            db=db,
            action=AuditAction.published,
            actor=actor,
            actor_label="" if actor else "demo",
            subject=f"report of session {learning_session.number}",
            ip=ip,
        )
    return report_mail.queue_report_published(db=db, learning_session=learning_session)


def file_name(learning_session: LearningSession, language: str) -> str:
    """``session-02-report.pdf``, ``sessie-02-verslag.pdf``."""
    return documents.file_name(learning_session, language, "report")


def report_document(
    *, db: Session, learning_session: LearningSession, language: str
) -> SessionDocument:
    """The report PDF as stored for its current content; rendered here when it changed."""
    return documents.document(
        db=db,
        learning_session=learning_session,
        kind="report",
        language=language,
        views=lambda: {
            "view": build_report_view(db=db, learning_session=learning_session, language=language)
        },
    )


def archive_files(
    *,
    db: Session,
    learning_session: LearningSession,
    language: str,
    viewer: Principal | None = None,
) -> list[tuple[str, bytes]]:
    """The session's own files for its archive: the agenda and its plain version, and the
    briefing pack for a ``viewer`` who prepares the session, once the agenda is published; the
    report once published; the evaluation results as CSV once anyone answered."""
    files = documents.archive_files(db=db, learning_session=learning_session, language=language)
    if files and viewer is not None and policy.prepares_session(viewer, learning_session.chair_id):
        briefing = documents.briefing_pdf(
            db=db, learning_session=learning_session, language=language, viewer=viewer
        )
        files.append((documents.file_name(learning_session, language, "briefing"), briefing))
    if learning_session.report_published_at is not None:
        document = report_document(db=db, learning_session=learning_session, language=language)
        files.append((file_name(learning_session, language), document.pdf))
    results = evaluations.results(db=db, learning_session=learning_session)
    if results.answered:
        files.append(
            (
                results_csv.file_name(learning_session.number, language),
                results_csv.results_csv(results, translations(language)),
            )
        )
    return files
