"""Factsheet pages: versions per initiative, the editor, status, preview and PDF downloads."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import Session

from app.auth import policy
from app.auth.dependencies import FacilitatorDep, MemberDep
from app.auth.principal import Principal
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import FieldProblem, ForbiddenError
from app.factsheets import documents, jobs, listing, publishing, review, service, trail
from app.factsheets.dependencies import EditableFactsheetDep, ReadableFactsheetDep, RendererDep
from app.factsheets.editor import editor_context
from app.factsheets.models import Factsheet
from app.factsheets.schemas import SECTION_FIELD_MESSAGES, SectionForm, SummaryForm
from app.factsheets.view import build_view
from app.forms import field_errors
from app.initiatives.dependencies import InitiativeDep, InitiativeEvidenceDep
from app.labels import N_
from app.learning_sessions.dependencies import LearningSessionDep
from app.schemas import Pagination
from app.templating import environment, render
from app.vocabulary import FactsheetStatus, PartnershipCondition
from app.web import client_ip, is_htmx

router = APIRouter(include_in_schema=False)

VariantQuery = Annotated[Literal["full", "plain"], Query()]
LanguageQuery = Annotated[Literal["en", "nl"] | None, Query()]
SessionIdField = Annotated[int, Form(ge=1, le=MAX_ID)]
PLAIN_FIELD_LOCATIONS = {(name,) for name in SECTION_FIELD_MESSAGES}


@router.get("/initiatives/{initiative_id}/factsheets", response_class=HTMLResponse)
def factsheet_versions(
    principal: MemberDep, request: Request, initiative: InitiativeDep, db: DbDep
) -> HTMLResponse:
    rows, open_sessions = listing.visible_versions(db=db, initiative=initiative, reader=principal)
    return render(
        request,
        "factsheets/versions.html",
        {"initiative": initiative, "rows": rows, "open_sessions": open_sessions},
    )


@router.post("/initiatives/{initiative_id}/factsheets")
def start_draft(
    _access: MemberDep,
    initiative: InitiativeEvidenceDep,
    db: DbDep,
    session_id: SessionIdField,
) -> RedirectResponse:
    draft = service.draft_for_session(db=db, initiative=initiative, session_id=session_id)
    return RedirectResponse(f"/factsheets/{draft.id}", status_code=303)


@router.get("/factsheets/{factsheet_id}", response_class=HTMLResponse)
def factsheet_page(
    principal: MemberDep, request: Request, factsheet: ReadableFactsheetDep, db: DbDep
) -> HTMLResponse:
    context = _editor(request, db, factsheet, principal)
    return render(request, "factsheets/editor.html", context)


@router.post("/factsheets/{factsheet_id}/sections/{condition}", response_class=HTMLResponse)
def save_section(
    principal: MemberDep,
    request: Request,
    factsheet: EditableFactsheetDep,
    condition: PartnershipCondition,
    db: DbDep,
    form: Annotated[SectionForm, Form()],
) -> Response:
    try:
        data = form.to_update()
    except ValidationError as error:
        context = _editor(request, db, factsheet, principal)
        context["typed"] = {condition: form}  # the refused form comes back as it was typed
        # The plain-text and trend fields carry their message by the field; the rest above the form.
        context["field_errors"] = {condition: field_errors(error, SECTION_FIELD_MESSAGES)}
        context["problems"] = {
            condition: [
                _problem(e) for e in error.errors() if e["loc"][:1] not in PLAIN_FIELD_LOCATIONS
            ]
        }
        return _section_or_page(request, context, condition, 422)
    try:
        service.update_section(db=db, factsheet=factsheet, condition=condition, data=data)
    except service.SectionConflictError as conflict:
        context = _editor(request, db, factsheet, principal)
        context["conflict"] = conflict
        return _section_or_page(request, context, condition, 409)
    if is_htmx(request):
        context = _editor(request, db, factsheet, principal)
        context["saved"] = condition
        return _section_or_page(request, context, condition, 200)
    return RedirectResponse(f"/factsheets/{factsheet.id}#section-{condition}", status_code=303)


def _editor(
    request: Request, db: Session, factsheet: Factsheet, principal: Principal
) -> dict[str, Any]:
    return editor_context(
        db=db, factsheet=factsheet, principal=principal, language=request.state.language
    )


def _section_or_page(
    request: Request, context: dict[str, object], condition: PartnershipCondition, status: int
) -> HTMLResponse:
    """htmx swaps the one section; without JavaScript the whole editor comes back."""
    context["condition"] = condition
    if is_htmx(request):
        # base.html tells htmx to swap 409 and 422 too: the section carries the message.
        return render(request, "factsheets/_section.html", context, status_code=status)
    return render(request, "factsheets/editor.html", context, status_code=status)


def _problem(error: object) -> FieldProblem:
    assert isinstance(error, dict)
    location = error.get("loc") or ("form",)
    return FieldProblem(
        str(location[0]), str(error.get("msg", "is invalid")).removeprefix("Value error, ")
    )


@router.post("/factsheets/{factsheet_id}/summary")
def save_summary(
    _access: MemberDep,
    factsheet: EditableFactsheetDep,
    db: DbDep,
    form: Annotated[SummaryForm, Form()],
) -> RedirectResponse:
    service.update_summary(db=db, factsheet=factsheet, data=form.to_update())
    return RedirectResponse(f"/factsheets/{factsheet.id}#summary", status_code=303)


@router.post("/factsheets/{factsheet_id}/status")
def change_status(
    principal: MemberDep,
    request: Request,
    factsheet: EditableFactsheetDep,
    db: DbDep,
    status: Annotated[FactsheetStatus, Form()],
) -> RedirectResponse:
    publishing.change_status(
        db=db, factsheet=factsheet, status=status, actor=principal, ip=client_ip(request)
    )
    return RedirectResponse(f"/factsheets/{factsheet.id}", status_code=303)


@router.post("/factsheets/{factsheet_id}/comments")
def add_comment(
    principal: MemberDep,
    factsheet: ReadableFactsheetDep,
    db: DbDep,
    text: Annotated[str, Form(max_length=8000)] = "",
) -> RedirectResponse:
    if not policy.reads_initiative_drafts(principal, factsheet.initiative_id):
        raise ForbiddenError(N_("Members of the initiative comment on its factsheet in review."))
    review.add_review_comment(db=db, factsheet=factsheet, author=principal, text=text)
    return RedirectResponse(f"/factsheets/{factsheet.id}#comments", status_code=303)


@router.get("/factsheets/{factsheet_id}/preview", response_class=HTMLResponse)
def preview(
    _access: MemberDep,
    request: Request,
    factsheet: ReadableFactsheetDep,
    db: DbDep,
    renderer: RendererDep,
    variant: VariantQuery = "full",
) -> HTMLResponse:
    view = build_view(db=db, factsheet=factsheet, language=request.state.language)
    # The print stylesheet, served from /factsheet-files, so the preview shows what the PDF shows.
    stylesheet = "factsheet/theme.css" if variant == "full" else "plain/theme.css"
    html = renderer.render_html(view, variant, stylesheet_href=f"/factsheet-files/{stylesheet}")
    trails = trail.trails_for(db=db, factsheet=factsheet, viewer=_access)
    if trails:
        # After the document and only here: the PDF (and a published snapshot) stays as it is.
        aside = environment(request.state.language).get_template("factsheets/_preview_trail.html")
        html = html.replace("</body>", aside.render(trails=trails, factsheet=factsheet) + "</body>")
    response = HTMLResponse(html)
    response.headers["Content-Language"] = request.state.language
    return response


@router.get("/factsheets/{factsheet_id}/pdf")
def download(
    _access: MemberDep,
    request: Request,
    factsheet: ReadableFactsheetDep,
    db: DbDep,
    renderer: RendererDep,
    variant: VariantQuery = "full",
    language: LanguageQuery = None,
) -> Response:
    chosen_language = language or request.state.language
    document = documents.document(
        db=db,
        factsheet=factsheet,
        variant=variant,
        language=chosen_language,
        renderer=renderer,
    )
    etag = f'"{document.content_hash}"'
    headers = {
        "ETag": etag,
        # Private: drafts and member-only documents must not sit in shared caches.
        "Cache-Control": "private, max-age=31536000, immutable"
        if factsheet.status == FactsheetStatus.published
        else "private, no-cache",
    }
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    session_number, initiative_name = service.document_title(db=db, factsheet=factsheet)
    name = documents.file_name(session_number, initiative_name, factsheet.version_number, variant)
    headers["Content-Disposition"] = f'inline; filename="{name}"'
    return Response(document.pdf, media_type="application/pdf", headers=headers)


# -- every factsheet of a session (facilitator) --------------------------------------------

FACTSHEETS_PER_PAGE = 50


@router.get("/sessions/{session_id}/factsheets", response_class=HTMLResponse)
def session_factsheets(
    _access: FacilitatorDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    progress = jobs.batch_progress(db=db, batch_session_id=learning_session.id or 0)
    if request.headers.get("HX-Target") == "render-progress":
        return render(
            request,
            "factsheets/session.html",
            {"learning_session": learning_session, "progress": progress},
            block="progress",
        )
    pagination = Pagination(page=page, per_page=FACTSHEETS_PER_PAGE)
    where = {"community_id": learning_session.community_id, "session_id": learning_session.id or 0}
    rows, total = listing.latest_page(
        db=db, **where, offset=pagination.offset, limit=pagination.per_page
    )
    return render(
        request,
        "factsheets/session.html",
        {
            "learning_session": learning_session,
            "rows": rows,
            "total": total,
            "pagination": pagination,
            "summary": listing.session_summary(db=db, **where),
            "progress": progress,
        },
    )


@router.post("/sessions/{session_id}/factsheets/render")
def render_all(
    _access: FacilitatorDep, learning_session: LearningSessionDep, db: DbDep
) -> RedirectResponse:
    publishing.render_session(db=db, learning_session=learning_session)
    return RedirectResponse(f"/sessions/{learning_session.id}/factsheets", status_code=303)


@router.get("/sessions/{session_id}/archive.zip")
def download_zip(
    principal: FacilitatorDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    renderer: RendererDep,
) -> Response:
    archive = publishing.session_archive(
        db=db,
        learning_session=learning_session,
        language=request.state.language,
        renderer=renderer,
        actor=principal,
        ip=client_ip(request),
    )
    name = f"session-{learning_session.number:02d}-archive.zip"
    return Response(
        archive,
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
