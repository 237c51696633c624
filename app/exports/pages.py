"""Exports for researchers: the page with its form, and the CSV and JSON downloads.

For the facilitator (everything of the community) and practitioner-researchers (the
initiatives they research); anyone else is refused (403).
"""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.auth.dependencies import ResearcherDep
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import NotFoundError
from app.exports import formats
from app.exports import service as exports
from app.labels import N_
from app.templating import render
from app.web import client_ip

router = APIRouter(include_in_schema=False)

OptionalId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
UNKNOWN_FORMAT = N_("Exports come as csv or json, not as %(format)s.")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


@router.get("/community/exports", response_class=HTMLResponse)
def exports_page(principal: ResearcherDep, request: Request, db: DbDep) -> HTMLResponse:
    context = {
        "kinds": exports.KINDS,
        "formats": exports.FORMATS,
        "sessions": exports.sessions(db=db, viewer=principal),
        "initiatives": exports.researched_initiatives(db=db, viewer=principal),
        "everything": principal.is_facilitator,
    }
    return render(request, "exports/exports.html", context)


@router.get("/community/exports/download")
def choose_export(
    principal: ResearcherDep,
    kind: Annotated[str, Query(max_length=40)] = "evidence",
    format: Annotated[str, Query(max_length=10)] = "csv",
    session_id: Annotated[str, Query(max_length=20)] = "",
    initiative_id: Annotated[str, Query(max_length=20)] = "",
) -> RedirectResponse:
    """The page's form (which works without JavaScript) to the file's own address; empty
    filters left out, the rest checked by the file's route."""
    exports.check_kind(kind)
    _check_format(format)
    query = "&".join(
        f"{name}={value.strip()}"
        for name, value in (("session_id", session_id), ("initiative_id", initiative_id))
        if value.strip().isdigit()
    )
    return RedirectResponse(
        f"/community/exports/{kind}.{format}{'?' + query if query else ''}", 303
    )


def _check_format(fmt: str) -> str:
    if fmt not in exports.FORMATS:
        raise NotFoundError(UNKNOWN_FORMAT, arguments={"format": fmt})
    return fmt


@router.get("/community/exports/{kind}.{fmt}")
def download_export(
    principal: ResearcherDep,
    request: Request,
    db: DbDep,
    kind: str,
    fmt: str,
    session_id: OptionalId = None,
    initiative_id: OptionalId = None,
) -> Response:
    exports.check_kind(kind)
    _check_format(fmt)
    scope = exports.scope_for(
        db=db, viewer=principal, session_id=session_id, initiative_id=initiative_id
    )
    rows = exports.export_rows(db=db, kind=kind, scope=scope, language=request.state.language)
    exports.record_export(
        db=db,
        kind=kind,
        fmt=fmt,
        scope=scope,
        actor=principal,
        ip=client_ip(request),
        count=len(rows),
    )
    body = formats.to_csv(exports.FIELDS[kind], rows) if fmt == "csv" else formats.to_json(rows)
    name = f"leerkring-{kind}"
    if scope.learning_session is not None:
        name += f"-session-{scope.learning_session.number}"
    if scope.initiative is not None:
        name += f"-initiative-{scope.initiative.id}"
    return Response(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers={
            "Content-Disposition": f'attachment; filename="{name}.{fmt}"',
            "Cache-Control": "no-store",
        },
    )
