"""API tokens: a signed-in person (not through an access link) makes, sees and revokes theirs."""

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import ValidationError
from sqlmodel import Session

from app.api_tokens import service
from app.api_tokens.schemas import NAME_PROBLEM, ApiTokenForm
from app.auth.dependencies import BrowserOnly, PasswordHolderDep
from app.db import MAX_ID
from app.deps import DbDep
from app.labels import N_
from app.templating import render
from app.web import Toast, client_ip, with_toast

TOKENS_PAGE = "/account/api-tokens"

router = APIRouter(include_in_schema=False, dependencies=[BrowserOnly])


def _tokens_page(
    request: Request,
    db: Session,
    account_id: int,
    *,
    name: str = "",
    problem: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "auth/api_tokens.html",
        {
            "tokens": service.list_api_tokens(db=db, account_id=account_id),
            "name": name,
            "problem": problem,
        },
        status_code=status_code,
    )


@router.get(TOKENS_PAGE, response_class=HTMLResponse)
def api_tokens(
    principal: PasswordHolderDep,
    request: Request,
    db: DbDep,
) -> HTMLResponse:
    return _tokens_page(request, db, principal.account_id)


@router.post(TOKENS_PAGE, response_class=HTMLResponse)
def create_api_token(
    principal: PasswordHolderDep,
    request: Request,
    db: DbDep,
    form: Annotated[ApiTokenForm, Form()],
) -> HTMLResponse:
    try:
        data = form.to_create()
    except ValidationError:
        return _tokens_page(
            request, db, principal.account_id, name=form.name, problem=NAME_PROBLEM, status_code=422
        )
    api_token, token = service.issue_api_token(
        db=db, holder=principal, name=data.name, ip=client_ip(request)
    )
    return render(
        request,
        "auth/api_token_created.html",
        {"api_token": api_token, "token": token, "api_url": f"{request.base_url}api/v1/"},
    )


@router.post(f"{TOKENS_PAGE}/{{token_id}}/revoke")
def revoke_api_token(
    principal: PasswordHolderDep,
    request: Request,
    db: DbDep,
    token_id: Annotated[int, Path(ge=1, le=MAX_ID)],
) -> RedirectResponse:
    service.revoke_api_token(db=db, holder=principal, token_id=token_id, ip=client_ip(request))
    revoked = Toast(N_("The token has been revoked. Programs using it no longer have access."))
    return with_toast(request, RedirectResponse(TOKENS_PAGE, status_code=303), revoked)
