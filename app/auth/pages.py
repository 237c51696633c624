"""Sign in and sign out."""

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.auth import audit, rate_limit, service
from app.auth.cookies import clear_session_cookie, session_token, set_session_cookie
from app.auth.dependencies import PublicDep, timeouts
from app.deps import SessionDep
from app.labels import N_
from app.templating import render
from app.vocabulary import AuditAction

router = APIRouter(include_in_schema=False)

EmailField = Annotated[str, Form(max_length=254)]
PasswordField = Annotated[str, Form(max_length=1024)]
NextField = Annotated[str, Form(alias="next", max_length=2000)]


def client_ip(request: Request) -> str:
    return request.client.host if request.client else ""


def safe_next(target: str | None) -> str:
    """Only paths on this site: the sign-in form must not become an open redirect."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


def sign_in_limits(request: Request, email: str) -> list[rate_limit.Limit]:
    settings = request.app.state.settings
    window = timedelta(minutes=settings.rate_limit_window_minutes)
    return [
        rate_limit.Limit(
            f"sign-in:account:{email.strip().lower()}", settings.sign_in_attempts, window
        ),
        rate_limit.Limit(f"sign-in:ip:{client_ip(request)}", settings.sign_in_attempts * 3, window),
    ]


def rate_limited(request: Request, blocked: rate_limit.Exceeded) -> Response:
    response = render(
        request,
        "auth/rate_limited.html",
        {"retry_at": blocked.retry_at, "minutes": max(1, blocked.retry_after_seconds // 60)},
        status_code=429,
    )
    response.headers["Retry-After"] = str(blocked.retry_after_seconds)
    return response


@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_form(
    request: Request,
    principal: PublicDep,
    next_path: Annotated[str | None, Query(alias="next", max_length=2000)] = None,
) -> Response:
    if principal is not None:
        return RedirectResponse(safe_next(next_path), status_code=303)
    return render(
        request, "auth/sign_in.html", {"email": "", "next": safe_next(next_path), "error": None}
    )


@router.post("/sign-in", response_class=HTMLResponse)
def sign_in(
    request: Request,
    _access: PublicDep,
    session: SessionDep,
    email: EmailField,
    password: PasswordField,
    next_path: NextField = "/",
) -> Response:
    limits = sign_in_limits(request, email)
    blocked = rate_limit.exceeded(session=session, limits=limits)
    if blocked is not None:
        audit.record(
            session=session,
            action=AuditAction.rate_limited,
            actor_label=email,
            subject="sign-in",
            ip=client_ip(request),
        )
        # A response, not an exception: the audit entry must be committed.
        return rate_limited(request, blocked)
    found = service.authenticate(session=session, email=email, password=password)
    if found is None:
        rate_limit.count_attempt(session=session, limits=limits)
        audit.record(
            session=session,
            action=AuditAction.sign_in_failed,
            actor_label=email,
            ip=client_ip(request),
        )
        return render(
            request,
            "auth/sign_in.html",
            {
                "email": email,
                "next": safe_next(next_path),
                "error": N_("The email address or password is not right."),
            },
            status_code=400,
        )
    account, person = found
    old_token = session_token(request)
    if old_token:
        service.end_session(session=session, token=old_token)
    token = service.start_session(
        session=session,
        account=account,
        timeouts=timeouts(request.app.state.settings),
        ip=client_ip(request),
    )
    audit.record(
        session=session,
        action=AuditAction.sign_in,
        actor_label=person.email or person.name,
        subject=person.name,
        ip=client_ip(request),
    )
    response = RedirectResponse(safe_next(next_path), status_code=303)
    set_session_cookie(request, response, token)
    return response


@router.post("/sign-out")
def sign_out(request: Request, principal: PublicDep, session: SessionDep) -> Response:
    token = session_token(request)
    if token:
        service.end_session(session=session, token=token)
    if principal is not None:
        audit.record(
            session=session, action=AuditAction.sign_out, actor=principal, ip=client_ip(request)
        )
    response = RedirectResponse("/sign-in", status_code=303)
    clear_session_cookie(request, response)
    return response
