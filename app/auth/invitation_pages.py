"""The facilitator's pages: invitations, the outbox and the accounts of the community."""

from math import ceil
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import Session

from app.auth import invitations
from app.auth.dependencies import FacilitatorDep
from app.auth.invitations import FIELD_MESSAGES, InvitationCreate
from app.auth.principal import Principal
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import ConflictError, DomainError
from app.initiatives import service as initiative_service
from app.templating import render
from app.vocabulary import IntegrationLevel, Perspective, Role
from app.web import client_ip, link_base

router = APIRouter(include_in_schema=False)

PER_PAGE = 20
FormText = Annotated[str, Form(max_length=1000)]
PageNumber = Annotated[int, Query(ge=1, le=100_000)]
AccountId = Annotated[int, Path(ge=1, le=MAX_ID)]
INVITATION_FIELDS = ("name", "email", "role", "initiative_id", "perspective", "level")


def field_errors(error: ValidationError) -> dict[str, str]:
    """One message per field, in words the template translates."""
    errors: dict[str, str] = {}
    for problem in error.errors():
        field = str(problem["loc"][0]) if problem["loc"] else "name"
        custom = problem["type"] in ("email", "initiative")
        message = problem["msg"] if custom else FIELD_MESSAGES.get(field, FIELD_MESSAGES["name"])
        errors.setdefault(field, message)
    return errors


def page_count(total: int) -> int:
    return max(1, ceil(total / PER_PAGE))


# -- invitations ----------------------------------------------------------------------------


def _invitations_page(
    request: Request,
    db: Session,
    principal: Principal,
    *,
    form: dict[str, str],
    errors: dict[str, str],
    sent: bool = False,
    status_code: int = 200,
) -> HTMLResponse:
    initiatives, _total = initiative_service.list_initiatives(
        db=db, community_id=principal.community_id, limit=1000
    )
    pending = invitations.pending_invitations(db=db, community_id=principal.community_id)
    return render(
        request,
        "auth/invitations.html",
        {
            "form": form,
            "errors": errors,
            "sent": sent,
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
    sent: Annotated[bool, Query()] = False,
) -> HTMLResponse:
    empty = dict.fromkeys(INVITATION_FIELDS, "")
    return _invitations_page(request, db, principal, form=empty, errors={}, sent=sent)


@router.post("/community/invitations", response_class=HTMLResponse)
def send_invitation(
    request: Request,
    principal: FacilitatorDep,
    db: DbDep,
    name: FormText = "",
    email: FormText = "",
    role: FormText = "",
    initiative_id: FormText = "",
    perspective: FormText = "",
    level: FormText = "",
) -> Response:
    form = {
        "name": name,
        "email": email,
        "role": role,
        "initiative_id": initiative_id,
        "perspective": perspective,
        "level": level,
    }
    try:
        data = InvitationCreate.model_validate(form)
    except ValidationError as error:
        return _invitations_page(
            request, db, principal, form=form, errors=field_errors(error), status_code=422
        )
    try:
        invitations.invite(
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
    return RedirectResponse("/community/invitations?sent=true", status_code=303)


# -- outbox ---------------------------------------------------------------------------------


@router.get("/community/outbox", response_class=HTMLResponse)
def outbox_page(
    request: Request, principal: FacilitatorDep, db: DbDep, page: PageNumber = 1
) -> HTMLResponse:
    messages, total = invitations.list_outbox(
        db=db,
        community_id=principal.community_id,
        offset=(page - 1) * PER_PAGE,
        limit=PER_PAGE,
    )
    return render(
        request,
        "auth/outbox.html",
        {"messages": messages, "total": total, "page": page, "pages": page_count(total)},
    )


# -- accounts -------------------------------------------------------------------------------


def _accounts_page(
    request: Request,
    db: Session,
    principal: Principal,
    *,
    page: int = 1,
    changed: str = "",
    problem: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    rows, total = invitations.list_accounts(
        db=db,
        community_id=principal.community_id,
        offset=(page - 1) * PER_PAGE,
        limit=PER_PAGE,
    )
    context: dict[str, Any] = {
        "rows": rows,
        "total": total,
        "page": page,
        "pages": page_count(total),
        "changed": changed,
        "problem": problem,
    }
    return render(request, "auth/accounts.html", context, status_code=status_code)


@router.get("/community/accounts", response_class=HTMLResponse)
def accounts_page(
    request: Request,
    principal: FacilitatorDep,
    db: DbDep,
    page: PageNumber = 1,
    changed: Annotated[str, Query(max_length=20)] = "",
) -> HTMLResponse:
    return _accounts_page(request, db, principal, page=page, changed=changed)


def _set_disabled(
    request: Request, principal: Principal, db: Session, account_id: int, *, disabled: bool
) -> Response:
    try:
        invitations.set_account_disabled(
            db=db,
            community_id=principal.community_id,
            account_id=account_id,
            disabled=disabled,
            actor=principal,
            ip=client_ip(request),
        )
    except ConflictError as error:
        return _accounts_page(
            request, db, principal, problem=error.message, status_code=error.status_code
        )
    changed = "disabled" if disabled else "enabled"
    return RedirectResponse(f"/community/accounts?changed={changed}", status_code=303)


@router.post("/community/accounts/{account_id}/disable", response_class=HTMLResponse)
def disable_account(
    request: Request, principal: FacilitatorDep, db: DbDep, account_id: AccountId
) -> Response:
    return _set_disabled(request, principal, db, account_id, disabled=True)


@router.post("/community/accounts/{account_id}/enable", response_class=HTMLResponse)
def enable_account(
    request: Request, principal: FacilitatorDep, db: DbDep, account_id: AccountId
) -> Response:
    return _set_disabled(request, principal, db, account_id, disabled=False)
