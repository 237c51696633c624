"""API tokens: a signed-in person (not through an access link) makes, sees and revokes theirs."""

from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, ValidationError
from sqlmodel import Session

from app.auth import audit, service
from app.auth.dependencies import BrowserOnly, PasswordHolderDep
from app.db import MAX_ID
from app.deps import DbDep
from app.labels import N_
from app.templating import render
from app.vocabulary import AuditAction
from app.web import client_ip

TOKENS_PAGE = "/account/api-tokens"
NAME_PROBLEM = N_("Give the token a name of 1 to 100 characters, such as “monitoring export”.")

router = APIRouter(include_in_schema=False, dependencies=[BrowserOnly])


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


class ApiTokenCreate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
        AfterValidator(_no_nul),
    ]


def _tokens_page(
    request: Request,
    db: Session,
    account_id: int,
    *,
    name: str = "",
    problem: str | None = None,
    revoked: bool = False,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "auth/api_tokens.html",
        {
            "tokens": service.list_api_tokens(db=db, account_id=account_id),
            "name": name,
            "problem": problem,
            "revoked": revoked,
        },
        status_code=status_code,
    )


@router.get(TOKENS_PAGE, response_class=HTMLResponse)
def api_tokens(
    principal: PasswordHolderDep,
    request: Request,
    db: DbDep,
    revoked: Annotated[bool, Query()] = False,
) -> HTMLResponse:
    return _tokens_page(request, db, principal.account_id, revoked=revoked)


@router.post(TOKENS_PAGE, response_class=HTMLResponse)
def create_api_token(
    principal: PasswordHolderDep,
    request: Request,
    db: DbDep,
    name: Annotated[str, Form(max_length=1000)] = "",
) -> HTMLResponse:
    try:
        data = ApiTokenCreate.model_validate({"name": name})
    except ValidationError:
        return _tokens_page(
            request, db, principal.account_id, name=name, problem=NAME_PROBLEM, status_code=422
        )
    api_token, token = service.create_api_token(
        db=db, account_id=principal.account_id, name=data.name
    )
    audit.record(
        db=db,
        action=AuditAction.api_token_created,
        actor=principal,
        subject=api_token.name,
        detail=f"token {api_token.id}",
        ip=client_ip(request),
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
    api_token = service.revoke_api_token(db=db, account_id=principal.account_id, token_id=token_id)
    audit.record(
        db=db,
        action=AuditAction.api_token_revoked,
        actor=principal,
        subject=api_token.name,
        detail=f"token {api_token.id}",
        ip=client_ip(request),
    )
    return RedirectResponse(f"{TOKENS_PAGE}?revoked=true", status_code=303)
