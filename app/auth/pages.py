"""Sign in and sign out."""

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.auth import audit, rate_limit, service
from app.auth.cookies import clear_session_cookie, session_token, set_session_cookie
from app.auth.dependencies import PublicDep, timeouts
from app.auth.responses import rate_limited
from app.deps import DbDep
from app.labels import N_
from app.templating import render
from app.vocabulary import AuditAction
from app.web import client_ip, safe_local_path

router = APIRouter(include_in_schema=False)

EmailField = Annotated[str, Form(max_length=254)]
PasswordField = Annotated[str, Form(max_length=1024)]
NextField = Annotated[str, Form(alias="next", max_length=2000)]


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
    email: EmailField,
    password: PasswordField,
    next_path: NextField = "/",
) -> Response:
    limits = rate_limit.sign_in_limits(
        request.app.state.settings, email=email, ip=client_ip(request)
    )
    blocked = rate_limit.exceeded(db=db, limits=limits)
    if blocked is not None:
        audit.record(
            db=db,
            action=AuditAction.rate_limited,
            actor_label=email,
            subject="sign-in",
            ip=client_ip(request),
        )
        # A response, not an exception: the audit entry must be committed.
        return rate_limited(request, blocked)
    found = service.authenticate(db=db, email=email, password=password)
    if found is None:
        rate_limit.count_attempt(db=db, limits=limits)
        audit.record(
            db=db,
            action=AuditAction.sign_in_failed,
            actor_label=email,
            ip=client_ip(request),
        )
        return render(
            request,
            "auth/sign_in.html",
            {
                "email": email,
                "next": safe_local_path(next_path),
                "error": N_("The email address or password is not right."),
            },
            status_code=400,
        )
    account, person = found
    old_token = session_token(request)
    if old_token:
        service.end_session(db=db, token=old_token)
    token = service.start_session(
        db=db,
        account=account,
        timeouts=timeouts(request.app.state.settings),
        ip=client_ip(request),
    )
    audit.record(
        db=db,
        action=AuditAction.sign_in,
        actor_label=person.email or person.name,
        subject=person.name,
        ip=client_ip(request),
    )
    response = RedirectResponse(safe_local_path(next_path), status_code=303)
    set_session_cookie(request, response, token)
    return response


@router.post("/sign-out")
def sign_out(request: Request, principal: PublicDep, db: DbDep) -> Response:
    token = session_token(request)
    if token:
        service.end_session(db=db, token=token)
    if principal is not None:
        audit.record(db=db, action=AuditAction.sign_out, actor=principal, ip=client_ip(request))
    response = RedirectResponse("/sign-in", status_code=303)
    clear_session_cookie(request, response)
    return response
