"""A session's agenda, plain-language agenda and briefing pack: rendered once per content version.

Each document is kept in ``SessionDocument`` (one row per session, kind and language) with
the content hash of its view and the template version. A request builds the view, and only
when its hash differs from the stored one is the PDF rendered again, as factsheet drafts are.
"""

import dataclasses
import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import defer
from sqlmodel import Session, select

from app.agendas import rendering
from app.agendas.document import DocumentKind, build_agenda_view, build_briefing_view
from app.agendas.models import SessionDocument
from app.auth.principal import Principal
from app.db import utcnow
from app.errors import InvalidInputError
from app.i18n import LANGUAGES
from app.labels import N_
from app.learning_sessions.models import LearningSession

# File names as a reader sees them in a mail or a ZIP: in the document's language.
_FILE_STEMS: dict[str, dict[DocumentKind, str]] = {
    "en": {
        "agenda": "session-{number:02d}-agenda",
        "plain_agenda": "session-{number:02d}-agenda-plain-language",
        "briefing": "session-{number:02d}-chairs-briefing",
        "report": "session-{number:02d}-report",
    },
    "nl": {
        "agenda": "sessie-{number:02d}-agenda",
        "plain_agenda": "sessie-{number:02d}-agenda-eenvoudige-taal",
        "briefing": "sessie-{number:02d}-briefing-voorzitter",
        "report": "sessie-{number:02d}-verslag",
    },
}


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise InvalidInputError(
            N_("There is no language %(language)s; choose en or nl."),
            arguments={"language": language[:20]},
        )


def file_name(learning_session: LearningSession, language: str, kind: DocumentKind) -> str:
    _check_language(language)
    return _FILE_STEMS[language][kind].format(number=learning_session.number) + ".pdf"


def agenda_file_name(learning_session: LearningSession, language: str, plain: bool) -> str:
    """The agenda's (or plain-language agenda's) file name, e.g. ``session-03-agenda.pdf``."""
    return file_name(learning_session, language, "plain_agenda" if plain else "agenda")


def content_hash(kind: DocumentKind, views: Mapping[str, Any], template_version: str) -> str:
    payload = json.dumps(
        {
            "kind": kind,
            "views": {name: dataclasses.asdict(view) for name, view in views.items()},
            "template": template_version,
        },
        default=str,
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def stored(
    *, db: Session, session_id: int, kind: DocumentKind, language: str
) -> SessionDocument | None:
    # The bytes load on first use, so answering "not modified" never reads the blob.
    return db.exec(
        select(SessionDocument)
        .where(
            SessionDocument.session_id == session_id,
            SessionDocument.kind == kind,
            SessionDocument.language == language,
        )
        .options(defer(SessionDocument.pdf))  # type: ignore[arg-type]
    ).first()


def document(
    *,
    db: Session,
    learning_session: LearningSession,
    kind: DocumentKind,
    language: str,
    views: Callable[[], Mapping[str, Any]],
) -> SessionDocument:
    """The stored document when its content is current; rendered and stored here otherwise.

    ``views`` builds what the template shows (``view``, and ``briefing`` for the briefing).
    """
    _check_language(language)
    renderer = rendering.renderer()
    built = views()
    digest = content_hash(kind, built, renderer.template_version)
    session_id = learning_session.id or 0
    found = stored(db=db, session_id=session_id, kind=kind, language=language)
    if found is not None and found.content_hash == digest:
        return found
    pdf = renderer.render_pdf(kind, language, **built)
    if found is None:
        document = SessionDocument(
            session_id=session_id,
            kind=kind,
            language=language,
            content_hash=digest,
            template_version=renderer.template_version,
            pdf=pdf,
        )
        try:
            with db.begin_nested():
                db.add(document)
            return document
        except IntegrityError:
            # Another request stored this document meanwhile: ours, just rendered, replaces it.
            found = stored(db=db, session_id=session_id, kind=kind, language=language)
            assert found is not None
    found.content_hash = digest
    found.template_version = renderer.template_version
    found.pdf = pdf
    found.updated_at = utcnow()
    db.flush()
    return found


def agenda_document(
    *, db: Session, learning_session: LearningSession, language: str, plain: bool = False
) -> SessionDocument:
    """The agenda (or plain-language agenda) as stored for its current content."""
    kind: DocumentKind = "plain_agenda" if plain else "agenda"
    return document(
        db=db,
        learning_session=learning_session,
        kind=kind,
        language=language,
        views=lambda: {
            "view": build_agenda_view(
                db=db, learning_session=learning_session, language=language, kind=kind
            )
        },
    )


def agenda_pdf(
    *, db: Session, learning_session: LearningSession, language: str, plain: bool = False
) -> bytes:
    """The session's agenda PDF (``plain``: the plain-language agenda) in ``language``.

    Marked "Draft" until the agenda is published. Never holds the chair's notes.
    """
    return agenda_document(
        db=db, learning_session=learning_session, language=language, plain=plain
    ).pdf


def briefing_document(
    *, db: Session, learning_session: LearningSession, language: str, viewer: Principal
) -> SessionDocument:
    """The chair's briefing pack as stored for its current content, as ``viewer`` may read it.

    The stored row is shared by its readers: the content hash covers what this reader sees
    (accessibility needs, draft factsheets), so nobody is served another reader's version.
    """
    return document(
        db=db,
        learning_session=learning_session,
        kind="briefing",
        language=language,
        views=lambda: {
            "view": build_agenda_view(
                db=db, learning_session=learning_session, language=language, kind="briefing"
            ),
            "briefing": build_briefing_view(
                db=db, learning_session=learning_session, viewer=viewer
            ),
        },
    )


def briefing_pdf(
    *, db: Session, learning_session: LearningSession, language: str, viewer: Principal
) -> bytes:
    """The chair's briefing pack: the agenda with the chair's notes, the participants, a page
    per initiative and last session's actions. For the facilitator and the session's chair."""
    return briefing_document(
        db=db, learning_session=learning_session, language=language, viewer=viewer
    ).pdf


def archive_files(
    *, db: Session, learning_session: LearningSession, language: str
) -> list[tuple[str, bytes]]:
    """The agenda and plain-language agenda for the session's ZIP, once the agenda is published."""
    if learning_session.agenda_published_at is None:
        return []
    return [
        (
            agenda_file_name(learning_session, language, plain),
            agenda_pdf(db=db, learning_session=learning_session, language=language, plain=plain),
        )
        for plain in (False, True)
    ]
