"""A session's published agenda, as a page and as PDFs (agenda, plain-language agenda), and
the chair's briefing pack."""

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from app.agendas import documents
from app.agendas.document import build_agenda_view
from app.agendas.models import SessionDocument
from app.auth import policy
from app.auth.dependencies import MemberDep, OptionalPrincipal
from app.deps import DbDep
from app.errors import NotFoundError
from app.labels import N_
from app.learning_sessions.dependencies import LearningSessionDep, PreparedSessionDep
from app.learning_sessions.models import LearningSession
from app.templating import render

router = APIRouter(prefix="/sessions", include_in_schema=False)

LanguageQuery = Annotated[Literal["en", "nl"] | None, Query()]


def readable_agenda(
    learning_session: LearningSessionDep, principal: OptionalPrincipal
) -> LearningSession:
    """The facilitator and the session's chair read the agenda while it is a draft; everyone
    who sees the session (a session-scoped access link included) once it is published."""
    prepares = principal is not None and policy.prepares_session(
        principal, learning_session.chair_id
    )
    if learning_session.agenda_published_at is None and not prepares:
        raise NotFoundError(N_("The agenda of this session has not been published yet."))
    return learning_session


ReadableAgendaDep = Annotated[LearningSession, Depends(readable_agenda)]


def _pdf(request: Request, document: SessionDocument, name: str) -> Response:
    etag = f'"{document.content_hash}"'
    # Private: drafts and the chair's notes stay out of shared caches; no-cache: the agenda
    # may still change, so the browser asks again and mostly hears 304.
    headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    headers["Content-Disposition"] = f'inline; filename="{name}"'
    headers["Content-Language"] = document.language
    return Response(document.pdf, media_type="application/pdf", headers=headers)


def _agenda(
    request: Request,
    db: DbDep,
    learning_session: LearningSession,
    language: str | None,
    *,
    plain: bool,
) -> Response:
    chosen = language or request.state.language
    document = documents.agenda_document(
        db=db, learning_session=learning_session, language=chosen, plain=plain
    )
    return _pdf(request, document, documents.agenda_file_name(learning_session, chosen, plain))


@router.get("/{session_id}/agenda", response_class=HTMLResponse)
def agenda_page(
    principal: MemberDep, request: Request, learning_session: ReadableAgendaDep, db: DbDep
) -> HTMLResponse:
    """The agenda the invitation links to; a family representative reads the plain one."""
    plain = principal.is_family_representative and not principal.is_facilitator
    view = build_agenda_view(
        db=db,
        learning_session=learning_session,
        language=request.state.language,
        kind="plain_agenda" if plain else "agenda",
    )
    context = {"learning_session": learning_session, "agenda": view, "plain": plain}
    return render(request, "agendas/agenda.html", context)


@router.get("/{session_id}/agenda.pdf")
def agenda(
    _access: MemberDep,
    request: Request,
    learning_session: ReadableAgendaDep,
    db: DbDep,
    language: LanguageQuery = None,
) -> Response:
    return _agenda(request, db, learning_session, language, plain=False)


@router.get("/{session_id}/agenda-plain.pdf")
def plain_agenda(
    _access: MemberDep,
    request: Request,
    learning_session: ReadableAgendaDep,
    db: DbDep,
    language: LanguageQuery = None,
) -> Response:
    return _agenda(request, db, learning_session, language, plain=True)


@router.get("/{session_id}/briefing.pdf")
def briefing(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    language: LanguageQuery = None,
) -> Response:
    chosen = language or request.state.language
    document = documents.briefing_document(
        db=db, learning_session=learning_session, language=chosen, viewer=principal
    )
    return _pdf(request, document, documents.file_name(learning_session, chosen, "briefing"))
