"""Factsheet pages: versions per initiative, the editor, status, preview and PDF downloads."""

import io
import zipfile
from typing import Annotated, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import Session, col, select

from app.auth import audit, policy
from app.auth.dependencies import FacilitatorDep, MemberDep
from app.auth.principal import Principal
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import FieldProblem, ForbiddenError, NotFoundError
from app.evidence.models import EvidenceItem
from app.factsheets import documents, jobs, service
from app.factsheets.dependencies import EditableFactsheetDep, ReadableFactsheetDep, RendererDep
from app.factsheets.models import Factsheet
from app.factsheets.schemas import SectionUpdate, SummaryUpdate
from app.factsheets.view import build_view
from app.i18n import LANGUAGES
from app.initiatives import service as initiative_service
from app.initiatives.dependencies import InitiativeDep, InitiativeEvidenceDep
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions import service as session_service
from app.learning_sessions.dependencies import LearningSessionDep
from app.learning_sessions.models import LearningSession
from app.schemas import Pagination
from app.templating import render
from app.vocabulary import (
    AuditAction,
    FactsheetStatus,
    PartnershipCondition,
    Perspective,
    Role,
    SessionStatus,
)
from app.web import client_ip, is_htmx

router = APIRouter(include_in_schema=False)

VariantQuery = Annotated[Literal["full", "plain"], Query()]
LanguageQuery = Annotated[Literal["en", "nl"] | None, Query()]
SessionIdField = Annotated[int, Form(ge=1, le=MAX_ID)]


@router.get("/initiatives/{initiative_id}/factsheets", response_class=HTMLResponse)
def factsheet_versions(
    principal: MemberDep, request: Request, initiative: InitiativeDep, db: DbDep
) -> HTMLResponse:
    assert initiative.id is not None
    drafts_visible = policy.reads_initiative_drafts(principal, initiative.id)
    rows = [
        (factsheet, learning_session)
        for factsheet, learning_session in service.versions(db=db, initiative_id=initiative.id)
        if (drafts_visible or factsheet.status == FactsheetStatus.published)
        and policy.sees_session(principal, factsheet.session_id)
    ]
    open_sessions = []
    if policy.records_evidence(principal, initiative.id):
        sessions, _ = session_service.list_sessions(db=db, community_id=initiative.community_id)
        open_sessions = [
            s for s in sessions if s.status in (SessionStatus.planned, SessionStatus.prepared)
        ]
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
    learning_session = session_service.get_session(db=db, session_id=session_id)
    if learning_session.community_id != initiative.community_id:
        raise NotFoundError(
            N_("There is no learning session with id %(id)s."), arguments={"id": session_id}
        )
    draft = service.start_draft(db=db, initiative=initiative, learning_session=learning_session)
    return RedirectResponse(f"/factsheets/{draft.id}", status_code=303)


def _editor_context(db: Session, factsheet: Factsheet, principal: Principal) -> dict[str, object]:
    initiative = initiative_service.get_initiative(db=db, initiative_id=factsheet.initiative_id)
    learning_session = session_service.get_session(db=db, session_id=factsheet.session_id)
    editable = factsheet.status in service.EDITABLE and policy.records_evidence(
        principal, factsheet.initiative_id
    )
    quotable = (
        db.exec(
            select(EvidenceItem)
            .where(
                EvidenceItem.initiative_id == factsheet.initiative_id,
                col(EvidenceItem.quote_consent).is_(True),
            )
            .order_by(col(EvidenceItem.observed_on).desc())
        ).all()
        if editable
        else []
    )
    return {
        "factsheet": factsheet,
        "initiative": initiative,
        "learning_session": learning_session,
        "editable": editable,
        "sections": {s.condition: s for s in factsheet.sections},
        "chosen": service.chosen_quotes(db=db, factsheet=factsheet),
        "quotable": quotable,
        "conditions": list(PartnershipCondition),
        "next_statuses": sorted(service.NEXT_STATUS[factsheet.status])
        if policy.records_evidence(principal, factsheet.initiative_id)
        else [],
        "conflict": None,
        "comments": service.review_comments(db=db, factsheet=factsheet),
        "may_comment": factsheet.status == FactsheetStatus.in_review
        and policy.reads_initiative_drafts(principal, factsheet.initiative_id),
    }


@router.get("/factsheets/{factsheet_id}", response_class=HTMLResponse)
def factsheet_page(
    principal: MemberDep, request: Request, factsheet: ReadableFactsheetDep, db: DbDep
) -> HTMLResponse:
    return render(request, "factsheets/editor.html", _editor_context(db, factsheet, principal))


@router.post("/factsheets/{factsheet_id}/sections/{condition}", response_class=HTMLResponse)
def save_section(
    principal: MemberDep,
    request: Request,
    factsheet: EditableFactsheetDep,
    condition: PartnershipCondition,
    db: DbDep,
    version: Annotated[str, Form(max_length=20)],
    analysis: Annotated[str, Form(max_length=20000)] = "",
    facilitators: Annotated[str, Form(max_length=8000)] = "",
    barriers: Annotated[str, Form(max_length=8000)] = "",
    levels: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies defaults
    evidence_ids: Annotated[list[str], Form()] = [],  # noqa: B006
) -> Response:
    try:
        data = SectionUpdate.model_validate(
            {
                "version": version,
                "analysis": analysis,
                "facilitators": facilitators,
                "barriers": barriers,
                "levels": levels,
                "evidence_ids": evidence_ids,
            }
        )
    except ValidationError as error:
        context = _editor_context(db, factsheet, principal)
        context["problems"] = {condition: [_problem(e) for e in error.errors()]}
        return _section_or_page(request, context, condition, 422)
    try:
        service.update_section(db=db, factsheet=factsheet, condition=condition, data=data)
    except service.SectionConflictError as conflict:
        context = _editor_context(db, factsheet, principal)
        context["conflict"] = conflict
        return _section_or_page(request, context, condition, 409)
    if is_htmx(request):
        context = _editor_context(db, factsheet, principal)
        context["saved"] = condition
        return _section_or_page(request, context, condition, 200)
    return RedirectResponse(f"/factsheets/{factsheet.id}#section-{condition}", status_code=303)


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
    version: Annotated[int, Form(ge=1, le=MAX_ID)],
    plain_language_summary: Annotated[str, Form(max_length=4000)] = "",
) -> RedirectResponse:
    service.update_summary(
        db=db,
        factsheet=factsheet,
        data=SummaryUpdate(version=version, plain_language_summary=plain_language_summary),
    )
    return RedirectResponse(f"/factsheets/{factsheet.id}#summary", status_code=303)


@router.post("/factsheets/{factsheet_id}/status")
def change_status(
    principal: MemberDep,
    request: Request,
    factsheet: EditableFactsheetDep,
    db: DbDep,
    status: Annotated[FactsheetStatus, Form()],
) -> RedirectResponse:
    service.change_status(db=db, factsheet=factsheet, status=status)
    if status == FactsheetStatus.published:
        jobs.enqueue(db=db, factsheet_ids=[factsheet.id or 0], languages=list(LANGUAGES))
        audit.record(
            db=db,
            action=AuditAction.published,
            actor=principal,
            subject=f"factsheet {factsheet.id} version {factsheet.version_number}",
            ip=client_ip(request),
            initiative_id=factsheet.initiative_id,
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
    roles = principal.roles_in(factsheet.initiative_id)
    perspective = (
        Perspective.local_government
        if Role.policymaker in roles
        else Perspective.organisation
        if Role.manager in roles
        else Perspective.professional
    )
    service.add_review_comment(
        db=db,
        factsheet=factsheet,
        author_id=principal.person_id,
        perspective=perspective,
        text=text,
    )
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
    response = HTMLResponse(
        renderer.render_html(view, variant, stylesheet_href=f"/factsheet-files/{stylesheet}")
    )
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


def _latest_per_initiative(
    db: Session, learning_session: LearningSession, *, with_sections: bool = False
) -> list[tuple[Initiative, Factsheet | None]]:
    return service.latest_per_initiative(
        db=db,
        community_id=learning_session.community_id,
        session_id=learning_session.id or 0,
        with_sections=with_sections,
    )


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
    rows, total = service.latest_page(
        db=db,
        community_id=learning_session.community_id,
        session_id=learning_session.id or 0,
        offset=pagination.offset,
        limit=pagination.per_page,
    )
    return render(
        request,
        "factsheets/session.html",
        {
            "learning_session": learning_session,
            "rows": rows,
            "total": total,
            "pagination": pagination,
            "summary": service.session_summary(
                db=db,
                community_id=learning_session.community_id,
                session_id=learning_session.id or 0,
            ),
            "progress": progress,
        },
    )


@router.post("/sessions/{session_id}/factsheets/render")
def render_all(
    _access: FacilitatorDep, learning_session: LearningSessionDep, db: DbDep
) -> RedirectResponse:
    latest = _latest_per_initiative(db, learning_session)
    factsheet_ids = [f.id or 0 for _, f in latest if f is not None]
    jobs.clear_batch(db=db, batch_session_id=learning_session.id or 0)
    jobs.enqueue(
        db=db,
        factsheet_ids=factsheet_ids,
        languages=["en", "nl"],
        batch_session_id=learning_session.id,
    )
    return RedirectResponse(f"/sessions/{learning_session.id}/factsheets", status_code=303)


@router.get("/sessions/{session_id}/factsheets.zip")
def download_zip(
    principal: FacilitatorDep,
    request: Request,
    learning_session: LearningSessionDep,
    db: DbDep,
    renderer: RendererDep,
) -> Response:
    buffer = io.BytesIO()
    language = request.state.language
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for initiative, factsheet in _latest_per_initiative(
            db, learning_session, with_sections=True
        ):
            if factsheet is None:
                continue
            for variant in documents.VARIANTS:
                document = documents.document(
                    db=db,
                    factsheet=factsheet,
                    variant=variant,
                    language=language,
                    renderer=renderer,
                )
                archive.writestr(
                    documents.file_name(
                        learning_session.number, initiative.name, factsheet.version_number, variant
                    ),
                    document.pdf,
                )
    audit.record(
        db=db,
        action=AuditAction.exported,
        actor=principal,
        subject=f"factsheets of session {learning_session.number}",
        ip=client_ip(request),
    )
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="session-{learning_session.number:02d}-factsheets.zip"'
        },
    )
