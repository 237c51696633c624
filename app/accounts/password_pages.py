"""Passwords: set one with a link, ask for a reset link, change your own."""

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import Session

from app.accounts import passwords, service
from app.accounts.models import Account
from app.accounts.schemas import (
    RESET_MESSAGES,
    ChangePasswordForm,
    PasswordResetForm,
    SetPasswordForm,
)
from app.audit import service as audit_service
from app.auth import rate_limit
from app.auth.cookies import session_token, set_session_cookie
from app.auth.dependencies import PasswordHolderDep, PublicDep, timeouts
from app.auth.responses import rate_limited
from app.deps import DbDep
from app.errors import DomainError, InvalidInputError, NotFoundError
from app.forms import field_errors
from app.labels import N_
from app.templating import render
from app.web import Toast, client_ip, link_base, with_toast

router = APIRouter(include_in_schema=False)

TokenPath = Annotated[str, Path(max_length=200)]


def _start_session(request: Request, response: Response, db: Session, account: Account) -> None:
    """A fresh session for this browser, replacing the one it had (if any)."""
    token = service.rotate_session(
        db=db,
        account=account,
        replacing=session_token(request),
        timeouts=timeouts(request.app.state.settings),
        ip=client_ip(request),
    )
    set_session_cookie(request, response, token)


# -- set a password with a link -------------------------------------------------------------


def _link_expired(request: Request) -> HTMLResponse:
    return render(request, "auth/set_password_expired.html", {}, status_code=404)


@router.get("/set-password/{token}", response_class=HTMLResponse)
def set_password_form(
    request: Request, _access: PublicDep, db: DbDep, token: TokenPath
) -> HTMLResponse:
    found = service.usable_one_time_token(db=db, token=token)
    if found is None:
        return _link_expired(request)
    _one_time, _account, person = found
    return render(
        request, "auth/set_password.html", {"token": token, "person": person, "errors": {}}
    )


@router.post("/set-password/{token}", response_class=HTMLResponse)
def set_password(
    request: Request,
    _access: PublicDep,
    db: DbDep,
    token: TokenPath,
    form: Annotated[SetPasswordForm, Form()],
) -> Response:
    try:
        account, _person = passwords.set_password_with_token(
            db=db,
            token=token,
            password=form.password,
            repeat=form.repeat,
            ip=client_ip(request),
        )
    except NotFoundError:
        return _link_expired(request)
    except InvalidInputError as error:
        found = service.usable_one_time_token(db=db, token=token)
        assert found is not None
        return render(
            request,
            "auth/set_password.html",
            {
                "token": token,
                "person": found[2],
                "errors": {p.field: p.message for p in error.problems},
            },
            status_code=422,
        )
    response = RedirectResponse("/", status_code=303)
    _start_session(request, response, db, account)
    return response


# -- ask for a reset link -------------------------------------------------------------------


@router.get("/password-reset", response_class=HTMLResponse)
def password_reset_form(request: Request, _access: PublicDep) -> HTMLResponse:
    return render(
        request, "auth/password_reset.html", {"email": "", "errors": {}, "requested": False}
    )


@router.post("/password-reset", response_class=HTMLResponse)
def request_password_reset(
    request: Request,
    _access: PublicDep,
    db: DbDep,
    form: Annotated[PasswordResetForm, Form()],
) -> Response:
    try:
        data = form.to_request()
    except ValidationError as error:
        return render(
            request,
            "auth/password_reset.html",
            {
                "email": form.email,
                "errors": field_errors(error, RESET_MESSAGES),
                "requested": False,
            },
            status_code=422,
        )
    ip = client_ip(request)
    typed = data.email.replace("\x00", "")
    limits = rate_limit.password_reset_limits(email=typed, ip=ip)
    blocked = audit_service.refused_by_rate_limit(
        db=db, limits=limits, subject="password-reset", actor_label=typed, ip=ip
    )
    if blocked is not None:
        return rate_limited(request, blocked)
    rate_limit.count_attempt(db=db, limits=limits)
    passwords.request_password_reset(
        db=db,
        email=data.email,
        link_base=link_base(request),
        language=request.state.language,
        ip=ip,
    )
    # The same answer whether or not the address has an account.
    return render(
        request, "auth/password_reset.html", {"email": "", "errors": {}, "requested": True}
    )


# -- change your own password ---------------------------------------------------------------


@router.get("/account/password", response_class=HTMLResponse)
def change_password_form(
    request: Request,
    _access: PasswordHolderDep,
) -> HTMLResponse:
    return render(request, "auth/change_password.html", {"errors": {}})


@router.post("/account/password", response_class=HTMLResponse)
def change_password(
    request: Request,
    principal: PasswordHolderDep,
    db: DbDep,
    form: Annotated[ChangePasswordForm, Form()],
) -> Response:
    ip = client_ip(request)
    # Wrong current passwords count against the account's sign-in limit: no guessing here either.
    limits = rate_limit.sign_in_limits(
        request.app.state.settings,
        email=principal.email or f"account:{principal.account_id}",
        ip=ip,
    )
    blocked = audit_service.refused_by_rate_limit(
        db=db, limits=limits, subject="change-password", actor=principal, ip=ip
    )
    if blocked is not None:
        return rate_limited(request, blocked)
    try:
        account = passwords.change_password(
            db=db,
            principal=principal,
            current_password=form.current_password,
            password=form.password,
            repeat=form.repeat,
            limits=limits,
            ip=ip,
        )
    except DomainError as error:
        if not error.problems:
            raise
        return render(
            request,
            "auth/change_password.html",
            {"errors": {p.field: p.message for p in error.problems}},
            status_code=error.status_code,
        )
    # Every session of the account has ended; this browser gets a fresh one (and a new
    # CSRF token, so the page is loaded anew rather than rendered with the old one).
    response = RedirectResponse("/account/password", status_code=303)
    _start_session(request, response, db, account)
    changed = N_("Your password has been changed. You have been signed out everywhere else.")
    return with_toast(request, response, Toast(changed))
