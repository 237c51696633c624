"""Site-wide routes: health check, the language switch, the favicon and the web app manifest."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from sqlalchemy import text

from app.auth.dependencies import PublicDep
from app.config import PROJECT_ROOT
from app.deps import DbDep
from app.i18n import LANGUAGE_COOKIE, LANGUAGES
from app.web import safe_local_path

router = APIRouter(include_in_schema=False)
ONE_YEAR = 365 * 24 * 3600
STATIC_DIR = PROJECT_ROOT / "app" / "static"
HEADER_GREEN = "#1f5f5b"  # --brand in app.css

# Browsers ask for /favicon.ico at the root whatever the page says; one day of cache.
ICON_CACHE = {"Cache-Control": "public, max-age=86400"}


@router.get("/favicon.ico")
def favicon(_access: PublicDep) -> FileResponse:
    return FileResponse(STATIC_DIR / "favicon.ico", media_type="image/x-icon", headers=ICON_CACHE)


@router.get("/manifest.webmanifest")
def manifest(_access: PublicDep) -> JSONResponse:
    """So a family representative can put their page on a phone's home screen."""
    return JSONResponse(
        {
            "name": "Leerkring",
            "short_name": "Leerkring",
            "start_url": "/",
            "scope": "/",
            "display": "standalone",
            "theme_color": HEADER_GREEN,
            "background_color": "#fbfaf7",
            "icons": [
                {"src": "/static/icon.svg", "sizes": "any", "type": "image/svg+xml"},
                {"src": "/static/icon-192.png", "sizes": "192x192", "type": "image/png"},
                {"src": "/static/icon-512.png", "sizes": "512x512", "type": "image/png"},
            ],
        },
        media_type="application/manifest+json",
        headers=ICON_CACHE,
    )


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
