"""Who is asking (session cookie or API token), the access rule of every route, and CSRF.

Every route declares exactly one rule through these dependencies; create_app refuses to
start if one does not (deny by default).
"""

from collections.abc import Callable
from datetime import timedelta
from typing import Annotated, Any

from fastapi import BackgroundTasks, Depends, Request

from app.auth import policy
from app.auth.cookies import CSRF_FIELD, CSRF_HEADER, csrf_matches, session_token
from app.auth.principal import (
    Principal,
    SessionTimeouts,
    resolve_api_token,
    resolve_session,
    touch_api_token,
    touch_session,
)
from app.config import Settings
from app.deps import SAFE_METHODS, DbDep, write_after_response
from app.errors import ForbiddenError, NotSignedInError
from app.labels import N_

ACCESS_RULE = "__access_rule__"


def timeouts(settings: Settings) -> SessionTimeouts:
    return SessionTimeouts(
        idle=timedelta(minutes=settings.session_idle_minutes),
        absolute=timedelta(hours=settings.session_absolute_hours),
    )


def current_principal(request: Request, db: DbDep, background: BackgroundTasks) -> Principal | None:
    authorization = request.headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        resolved = resolve_api_token(db=db, token=authorization[7:].strip())
        if resolved is None:
            raise NotSignedInError(
                N_("The API token is unknown, revoked or its account is disabled.")
            )
        touch = touch_api_token
    else:
        token = session_token(request)
        resolved = (
            resolve_session(db=db, token=token, timeouts=timeouts(request.app.state.settings))
            if token
            else None
        )
        touch = touch_session
    if resolved is None:
        request.state.principal = None
        return None
    if resolved.needs_touch:
        credential_id = resolved.credential_id
        if request.method in SAFE_METHODS:
            # A reading request stays a read: the write follows the response.
            write_after_response(
                request, background, lambda db: touch(db=db, credential_id=credential_id)
            )
        else:
            # A writing request already holds the write lock: one more row in its transaction.
            touch(db=db, credential_id=credential_id)
    request.state.principal = resolved.principal
    return resolved.principal


OptionalPrincipal = Annotated[Principal | None, Depends(current_principal)]


def browser_session_only(principal: OptionalPrincipal) -> None:
    """Credentials are made in a browser: a leaked API token must not mint new ones."""
    if principal is not None and principal.method != "session":
        raise ForbiddenError(N_("Sign in with a browser to manage access links and API tokens."))


BrowserOnly = Depends(browser_session_only)


def _rule(name: str, check: Callable[[Principal], bool] | None) -> Any:
    """A dependency that admits the request by ``check``; None admits everyone."""

    # async: a pure check, so it runs on the event loop instead of taking a trip to a thread.
    async def dependency(principal: OptionalPrincipal) -> Principal | None:
        if check is None:
            return principal
        if principal is None:
            raise NotSignedInError(N_("Please sign in to continue."))
        if not check(principal):
            raise ForbiddenError(N_("Your role does not give access to this page."))
        return principal

    setattr(dependency, ACCESS_RULE, name)
    dependency.__name__ = f"rule_{name}"
    return Depends(dependency)


PublicDep = Annotated[Principal | None, _rule("public", None)]
MemberDep = Annotated[Principal, _rule("member", policy.is_member)]
FacilitatorDep = Annotated[Principal, _rule("facilitator", policy.is_facilitator)]
AccessLinkHolderDep = Annotated[
    Principal, _rule("access_link_holder", policy.signed_in_with_access_link)
]
PeopleDirectoryDep = Annotated[Principal, _rule("people_directory", policy.reads_people_directory)]
PasswordHolderDep = Annotated[Principal, _rule("password_holder", policy.uses_password_features)]
ResearcherDep = Annotated[Principal, _rule("researcher", policy.records_some_evidence)]


async def csrf_protect(request: Request) -> None:
    """Every unsafe request carries the session's CSRF token (API token requests excepted)."""
    if request.method in SAFE_METHODS:
        return
    if request.headers.get("authorization", "").lower().startswith("bearer "):
        return  # not sent by browsers on their own, so not forgeable cross-site
    supplied = request.headers.get(CSRF_HEADER)
    content_type = request.headers.get("content-type", "")
    if supplied is None and content_type.startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        supplied = value if isinstance(value, str) else None
    if not csrf_matches(request, supplied):
        raise ForbiddenError(
            N_(
                "This form has expired or did not come from Leerkring. Reload the page and try again."
            )
        )


def route_rule(dependant_calls: list[Callable[..., Any]]) -> str | None:
    """The access rule among a route's dependency callables, if it has one."""
    for call in dependant_calls:
        name = getattr(call, ACCESS_RULE, None)
        if name is not None:
            return str(name)
    return None
