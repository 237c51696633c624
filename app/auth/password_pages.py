"""Passwords: set one with a link, ask for a reset link, change your own."""

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from app.auth import audit, invitations, rate_limit, service
from app.auth.cookies import session_token, set_session_cookie
from app.auth.dependencies import PasswordHolderDep, PublicDep, timeouts
from app.auth.models import Account
from app.auth.responses import rate_limited
from app.deps import DbDep
from app.errors import DomainError, InvalidInputError, NotFoundError
from app.labels import N_
from app.templating import render
from app.vocabulary import AuditAction
from app.web import client_ip, link_base

router = APIRouter(include_in_schema=False)

PasswordField = Annotated[str, Form(max_length=1024)]
TokenPath = Annotated[str, Path(max_length=200)]
EMAIL_NEEDED = N_("Enter your email address.")
RESET_WINDOW = timedelta(hours=1)


def _start_session(request: Request, response: Response, db: Session, account: Account) -> None:
    """A fresh session for this browser, replacing the one it had (if any)."""
    old_token = session_token(request)
    if old_token:
        service.end_session(db=db, token=old_token)
    token = service.start_session(
        db=db,
        account=account,
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
    password: PasswordField = "",
    repeat: PasswordField = "",
) -> Response:
    try:
        account, _person = invitations.set_password_with_token(
            db=db, token=token, password=password, repeat=repeat, ip=client_ip(request)
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


def reset_limits(request: Request, email: str) -> list[rate_limit.Limit]:
    return [
        rate_limit.Limit(f"password-reset:account:{email.strip().lower()}", 3, RESET_WINDOW),
        rate_limit.Limit(f"password-reset:ip:{client_ip(request)}", 10, RESET_WINDOW),
    ]


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
    email: Annotated[str, Form(max_length=254)] = "",
) -> Response:
    if not email.strip():
        return render(
            request,
            "auth/password_reset.html",
            {"email": email, "errors": {"email": EMAIL_NEEDED}, "requested": False},
            status_code=422,
        )
    limits = reset_limits(request, email.replace("\x00", ""))
    blocked = rate_limit.exceeded(db=db, limits=limits)
    if blocked is not None:
        audit.record(
            db=db,
            action=AuditAction.rate_limited,
            actor_label=email.replace("\x00", ""),
            subject="password-reset",
            ip=client_ip(request),
        )
        return rate_limited(request, blocked)
    rate_limit.count_attempt(db=db, limits=limits)
    invitations.request_password_reset(
        db=db,
        email=email,
        link_base=link_base(request),
        language=request.state.language,
        ip=client_ip(request),
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
    changed: Annotated[bool, Query()] = False,
) -> HTMLResponse:
    return render(request, "auth/change_password.html", {"errors": {}, "changed": changed})


@router.post("/account/password", response_class=HTMLResponse)
def change_password(
    request: Request,
    principal: PasswordHolderDep,
    db: DbDep,
    current_password: PasswordField = "",
    password: PasswordField = "",
    repeat: PasswordField = "",
) -> Response:
    # Wrong current passwords count against the account's sign-in limit: no guessing here either.
    limits = rate_limit.sign_in_limits(
        request.app.state.settings,
        email=principal.email or f"account:{principal.account_id}",
        ip=client_ip(request),
    )
    blocked = rate_limit.exceeded(db=db, limits=limits)
    if blocked is not None:
        audit.record(
            db=db,
            action=AuditAction.rate_limited,
            actor=principal,
            subject="change-password",
            ip=client_ip(request),
        )
        return rate_limited(request, blocked)
    try:
        account = invitations.change_password(
            db=db,
            principal=principal,
            current_password=current_password,
            password=password,
            repeat=repeat,
            ip=client_ip(request),
        )
    except DomainError as error:
        if not error.problems:
            raise
        if any(p.field == "current_password" for p in error.problems):
            rate_limit.count_attempt(db=db, limits=limits)
        return render(
            request,
            "auth/change_password.html",
            {"errors": {p.field: p.message for p in error.problems}, "changed": False},
            status_code=error.status_code,
        )
    # Every session of the account has ended; this browser gets a fresh one (and a new
    # CSRF token, so the page is loaded anew rather than rendered with the old one).
    response = RedirectResponse("/account/password?changed=true", status_code=303)
    _start_session(request, response, db, account)
    return response
