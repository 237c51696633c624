"""Sign in and sign out, and the facilitator's list of the community's accounts."""

from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from app.accounts import service
from app.accounts.schemas import SignInForm
from app.audit import service as audit_service
from app.auth import rate_limit
from app.auth.cookies import clear_session_cookie, session_token, set_session_cookie
from app.auth.dependencies import FacilitatorDep, PublicDep, timeouts
from app.auth.principal import Principal
from app.auth.responses import rate_limited
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import ConflictError
from app.schemas import page_count
from app.templating import render
from app.web import client_ip, safe_local_path

router = APIRouter(include_in_schema=False)

PER_PAGE = 20
PageNumber = Annotated[int, Query(ge=1, le=100_000)]
AccountId = Annotated[int, Path(ge=1, le=MAX_ID)]


# -- signing in and out ---------------------------------------------------------------------


@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_form(
    request: Request,
    principal: PublicDep,
    next_path: Annotated[str | None, Query(alias="next", max_length=2000)] = None,
) -> Response:
    if principal is not None:
        return RedirectResponse(safe_local_path(next_path), status_code=303)
    return render(
        request,
        "auth/sign_in.html",
        {"email": "", "next": safe_local_path(next_path), "error": None},
    )


@router.post("/sign-in", response_class=HTMLResponse)
def sign_in(
    request: Request,
    _access: PublicDep,
    db: DbDep,
    form: Annotated[SignInForm, Form()],
) -> Response:
    ip = client_ip(request)
    settings = request.app.state.settings
    limits = rate_limit.sign_in_limits(settings, email=form.email, ip=ip)
    blocked = audit_service.refused_by_rate_limit(
        db=db, limits=limits, subject="sign-in", actor_label=form.email, ip=ip
    )
    if blocked is not None:
        return rate_limited(request, blocked)
    token = service.sign_in(
        db=db,
        email=form.email,
        password=form.password,
        replacing=session_token(request),
        timeouts=timeouts(settings),
        limits=limits,
        ip=ip,
    )
    if token is None:
        return render(
            request,
            "auth/sign_in.html",
            {
                "email": form.email,
                "next": safe_local_path(form.next_path),
                "error": service.SIGN_IN_REFUSED,
            },
            status_code=400,
        )
    response = RedirectResponse(safe_local_path(form.next_path), status_code=303)
    set_session_cookie(request, response, token)
    return response


@router.post("/sign-out")
def sign_out(request: Request, principal: PublicDep, db: DbDep) -> Response:
    service.sign_out(
        db=db, token=session_token(request), principal=principal, ip=client_ip(request)
    )
    response = RedirectResponse("/sign-in", status_code=303)
    clear_session_cookie(request, response)
    return response


# -- the community's accounts ---------------------------------------------------------------


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
    rows, total = service.list_accounts(
        db=db,
        community_id=principal.community_id,
        offset=(page - 1) * PER_PAGE,
        limit=PER_PAGE,
    )
    context: dict[str, Any] = {
        "rows": rows,
        "total": total,
        "page": page,
        "pages": page_count(total, PER_PAGE),
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
        service.set_account_disabled(
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
