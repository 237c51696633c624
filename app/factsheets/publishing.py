"""Publishing a factsheet and handing a session's factsheets out: queue, render, archive, audit."""

import io
import zipfile
from collections.abc import Iterable, Iterator
from typing import Protocol

from sqlmodel import Session

from app.audit import service as audit
from app.auth.principal import Principal
from app.factsheets import documents, jobs, listing, service
from app.factsheets.documents import Renderer
from app.factsheets.models import Factsheet
from app.i18n import LANGUAGES
from app.learning_sessions.models import LearningSession
from app.vocabulary import AuditAction, FactsheetStatus


class SessionFiles(Protocol):
    """More of a session's files for its ZIP: (file name, bytes); ``viewer`` None: only what
    anyone taking part may read (no briefing pack)."""

    def __call__(
        self,
        *,
        db: Session,
        learning_session: LearningSession,
        language: str,
        viewer: Principal | None,
    ) -> Iterable[tuple[str, bytes]]: ...


_agenda_files: SessionFiles | None = None


def use_agenda_files(source: SessionFiles | None) -> None:
    """The agenda PDFs come from app.agendas, which imports this room: handed in by app.wiring."""
    global _agenda_files
    _agenda_files = source


def change_status(
    *, db: Session, factsheet: Factsheet, status: FactsheetStatus, actor: Principal, ip: str
) -> Factsheet:
    """Move the factsheet on; publishing queues its PDFs in every language and is audited."""
    service.change_status(db=db, factsheet=factsheet, status=status)
    if status == FactsheetStatus.published:
        jobs.enqueue(db=db, factsheet_ids=[factsheet.id or 0], languages=list(LANGUAGES))
        audit.record(
            db=db,
            action=AuditAction.published,
            actor=actor,
            subject=f"factsheet {factsheet.id} version {factsheet.version_number}",
            ip=ip,
            initiative_id=factsheet.initiative_id,
        )
    return factsheet


def render_session(*, db: Session, learning_session: LearningSession) -> None:
    """Queue every initiative's newest factsheet of the session, as one batch with progress."""
    latest = listing.latest_per_initiative(
        db=db, community_id=learning_session.community_id, session_id=learning_session.id or 0
    )
    jobs.clear_batch(db=db, batch_session_id=learning_session.id or 0)
    jobs.enqueue(
        db=db,
        factsheet_ids=[f.id or 0 for _, f in latest if f is not None],
        languages=list(LANGUAGES),
        batch_session_id=learning_session.id,
    )


def session_documents(
    *,
    db: Session,
    learning_session: LearningSession,
    language: str,
    renderer: Renderer,
    initiative_name: str | None = None,
    viewer: Principal | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Every initiative's newest factsheet of the session in each variant, then the session's
    own files (agenda, briefing pack for ``viewer``, report, evaluation results) once they
    exist, not for one initiative: (file name, bytes). Factsheet names carry the session's
    number and the initiative's, which is the same in every session's archive."""
    latest = listing.latest_per_initiative(
        db=db,
        community_id=learning_session.community_id,
        session_id=learning_session.id or 0,
        with_sections=True,
    )
    for initiative, factsheet in latest:
        if factsheet is None or initiative_name not in (None, initiative.name):
            continue
        for variant in documents.VARIANTS:
            document = documents.document(
                db=db, factsheet=factsheet, variant=variant, language=language, renderer=renderer
            )
            name = documents.file_name(
                learning_session.number,
                initiative.name,
                factsheet.version_number,
                variant,
                initiative_number=initiative.id,
            )
            yield name, document.pdf
    if initiative_name is None and _agenda_files is not None:
        yield from _agenda_files(
            db=db, learning_session=learning_session, language=language, viewer=viewer
        )


def session_archive(
    *,
    db: Session,
    learning_session: LearningSession,
    language: str,
    renderer: Renderer,
    actor: Principal,
    ip: str,
) -> bytes:
    """The session archive: a ZIP of every initiative's newest factsheet of the session in
    each variant and what else the session produced (``session_documents``); audited."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in session_documents(
            db=db,
            learning_session=learning_session,
            language=language,
            renderer=renderer,
            viewer=actor,
        ):
            archive.writestr(name, content)
    audit.record(
        db=db,
        action=AuditAction.exported,
        actor=actor,
        subject=f"archive of session {learning_session.number}",
        ip=ip,
    )
    return buffer.getvalue()
