"""Site-wide routes: health check and the language switch."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse
from sqlalchemy import text

from app.auth.dependencies import PublicDep
from app.deps import DbDep
from app.i18n import LANGUAGE_COOKIE, LANGUAGES
from app.web import safe_local_path

router = APIRouter(include_in_schema=False)
ONE_YEAR = 365 * 24 * 3600


@router.get("/healthz")
def healthz(_access: PublicDep, db: DbDep) -> JSONResponse:
    db.exec(text("SELECT 1"))  # type: ignore[call-overload]
    return JSONResponse({"status": "ok"})


@router.post("/language")
def choose_language(
    _access: PublicDep,
    request: Request,
    language: Annotated[str, Form(max_length=8)],
    next_path: Annotated[str, Form(alias="next", max_length=2000)] = "/",
) -> RedirectResponse:
    response = RedirectResponse(safe_local_path(next_path), status_code=303)
    if language in LANGUAGES:
        response.set_cookie(
            LANGUAGE_COOKIE,
            language,
            max_age=ONE_YEAR,
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
        )
    return response
