"""The facilitator's pages: invitations and the outbox."""

from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import Session

from app.auth.dependencies import FacilitatorDep
from app.auth.principal import Principal
from app.config import Settings
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import DomainError
from app.forms import field_errors
from app.initiatives import service as initiative_service
from app.invitations import service
from app.invitations.schemas import InvitationForm, messages_for
from app.labels import N_
from app.schemas import page_count
from app.templating import render
from app.vocabulary import IntegrationLevel, Perspective, Role
from app.web import Toast, client_ip, link_base, with_toast

router = APIRouter(include_in_schema=False)

PER_PAGE = 20
PageNumber = Annotated[int, Query(ge=1, le=100_000)]


# -- invitations ----------------------------------------------------------------------------


def _invitations_page(
    request: Request,
    db: Session,
    principal: Principal,
    *,
    form: InvitationForm,
    errors: dict[str, str],
    status_code: int = 200,
) -> HTMLResponse:
    initiatives, _total = initiative_service.list_initiatives(
        db=db, community_id=principal.community_id, limit=1000
    )
    pending = service.pending_invitations(db=db, community_id=principal.community_id)
    return render(
        request,
        "auth/invitations.html",
        {
            "form": form,
            "errors": errors,
            "initiative_options": [(i.id, i.name) for i in initiatives],
            "roles": list(Role),
            "perspectives": list(Perspective),
            "levels": list(IntegrationLevel),
            "pending": pending,
        },
        status_code=status_code,
    )


@router.get("/community/invitations", response_class=HTMLResponse)
def invitations_page(
    request: Request,
    principal: FacilitatorDep,
    db: DbDep,
) -> HTMLResponse:
    return _invitations_page(request, db, principal, form=InvitationForm(), errors={})


@router.post("/community/invitations", response_class=HTMLResponse)
def send_invitation(
    request: Request,
    principal: FacilitatorDep,
    db: DbDep,
    form: Annotated[InvitationForm, Form()],
) -> Response:
    try:
        data = form.to_create()
    except ValidationError as error:
        errors = field_errors(error, messages_for(error))
        return _invitations_page(request, db, principal, form=form, errors=errors, status_code=422)
    try:
        service.invite(
            db=db,
            community_id=principal.community_id,
            data=data,
            invited_by=principal,
            link_base=link_base(request),
            language=request.state.language,
            ip=client_ip(request),
        )
    except DomainError as error:
        if not error.problems:
            raise
        return _invitations_page(
            request,
            db,
            principal,
            form=form,
            errors={p.field: p.message for p in error.problems},
            status_code=error.status_code,
        )
    written = Toast(
        N_("The invitation has been written."),
        link=("/community/outbox", N_("Read and forward it in the outbox.")),
    )
    redirect = RedirectResponse("/community/invitations", status_code=303)
    return with_toast(request, redirect, written)


# -- outbox ---------------------------------------------------------------------------------


@router.get("/community/outbox", response_class=HTMLResponse)
def outbox_page(
    request: Request, principal: FacilitatorDep, db: DbDep, page: PageNumber = 1
) -> HTMLResponse:
    messages, total = service.list_outbox(
        db=db,
        community_id=principal.community_id,
        offset=(page - 1) * PER_PAGE,
        limit=PER_PAGE,
    )
    attachments = service.attachments_of(db=db, message_ids=[m.id or 0 for m in messages])
    settings: Settings = request.app.state.settings
    return render(
        request,
        "auth/outbox.html",
        {
            "messages": messages,
            "attachments": attachments,
            "sending": bool(settings.smtp_host.strip()),
            "total": total,
            "page": page,
            "pages": page_count(total, PER_PAGE),
        },
    )


@router.post("/community/outbox/{message_id}/send")
def send_message_now(
    request: Request,
    principal: FacilitatorDep,
    db: DbDep,
    message_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    page: Annotated[int, Form(ge=1, le=100_000)] = 1,
) -> Response:
    service.send_again(db=db, community_id=principal.community_id, message_id=message_id)
    where = f"/community/outbox?page={page}" if page > 1 else "/community/outbox"
    redirect = RedirectResponse(f"{where}#message-{message_id}", status_code=303)
    return with_toast(request, redirect, Toast(N_("The message is being sent again.")))
