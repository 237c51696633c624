"""The session report: its page (for the facilitator a preview with the publish button), its
PDF, and publishing it."""

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from app.agendas.models import SessionDocument
from app.auth.dependencies import FacilitatorDep, MemberDep, OptionalPrincipal
from app.deps import DbDep
from app.errors import NotFoundError
from app.labels import N_
from app.learning_sessions.dependencies import LearningSessionDep
from app.learning_sessions.models import LearningSession
from app.reports import service
from app.reports.view import build_report_view
from app.templating import render
from app.web import HXRedirect, Toast, client_ip, with_toast

router = APIRouter(prefix="/sessions", include_in_schema=False)

LanguageQuery = Annotated[Literal["en", "nl"] | None, Query()]


def readable_report(
    learning_session: LearningSessionDep, principal: OptionalPrincipal, db: DbDep
) -> LearningSession:
    if principal is None:  # the route's rule has already sent them to sign in
        raise NotFoundError(N_("The report of this session has not been published yet."))
    service.require_readable(db=db, learning_session=learning_session, principal=principal)
    return learning_session


ReadableReportDep = Annotated[LearningSession, Depends(readable_report)]


def _pdf(request: Request, document: SessionDocument, name: str) -> Response:
    etag = f'"{document.content_hash}"'
    # Private: a report is for the session's participants; no-cache: minutes may still be
    # corrected, so the browser asks again and mostly hears 304.
    headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    headers["Content-Disposition"] = f'inline; filename="{name}"'
    headers["Content-Language"] = document.language
    return Response(document.pdf, media_type="application/pdf", headers=headers)


@router.get("/{session_id}/report", response_class=HTMLResponse)
def report_page(
    principal: MemberDep, request: Request, learning_session: ReadableReportDep, db: DbDep
) -> HTMLResponse:
    view = build_report_view(
        db=db, learning_session=learning_session, language=request.state.language
    )
    refusal = service.why_unpublishable(learning_session)
    context = {
        "learning_session": learning_session,
        "report": view,
        "facilitating": principal.is_facilitator,
        "refusal": refusal.message if refusal else "",
    }
    return render(request, "reports/report.html", context)


@router.get("/{session_id}/report.pdf")
def report_pdf(
    _access: MemberDep,
    request: Request,
    learning_session: ReadableReportDep,
    db: DbDep,
    language: LanguageQuery = None,
) -> Response:
    chosen = language or request.state.language
    document = service.report_document(db=db, learning_session=learning_session, language=chosen)
    return _pdf(request, document, service.file_name(learning_session, chosen))


@router.post("/{session_id}/report/publish")
def publish_report(
    principal: FacilitatorDep, request: Request, learning_session: LearningSessionDep, db: DbDep
) -> Response:
    first = learning_session.report_published_at is None
    queued = service.publish(
        db=db, learning_session=learning_session, actor=principal, ip=client_ip(request)
    )
    toast = Toast(
        N_("The report is published. Messages queued for family representatives: %(count)s.")
        if first
        else N_("The report was already published. New messages queued: %(count)s."),
        {"count": queued},
    )
    redirect = HXRedirect(request, f"/sessions/{learning_session.id}/report")
    return with_toast(request, redirect, toast)
