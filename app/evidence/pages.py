"""Evidence pages: the filtered list, recording one item, and the CSV template and import."""

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.audit.dependencies import SensitiveReadDep
from app.auth import policy
from app.auth.dependencies import MemberDep
from app.deps import DbDep, PaginationDep
from app.evidence import consent_flags, service
from app.evidence.models import EvidenceItem
from app.evidence.schemas import EvidenceFilter, EvidenceForm
from app.forms import FILTER_DATE_MESSAGE, field_errors
from app.initiatives.dependencies import InitiativeDraftsDep, InitiativeEvidenceDep
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.schemas import EARLIEST, LATEST
from app.templating import render
from app.time_zone import community_zone
from app.vocabulary import EvidenceSource, IntegrationLevel, PartnershipCondition, Perspective

router = APIRouter(prefix="/initiatives", include_in_schema=False)

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
FILTER_FIELDS = (
    "condition",
    "level",
    "source",
    "perspective",
    "observed_from",
    "observed_until",
    "text",
)
FIELD_MESSAGES: dict[str, str] = {
    "source": N_("Choose where this evidence comes from."),
    "observed_on": N_("Enter the date of the observation, between 2000 and 2100."),
    "perspective": N_("Choose a perspective."),
    "level": N_("Choose a level of integration."),
    "conditions": N_("Choose at least one partnership condition."),
    "quote_consent": N_("Tick the box only when the consent covers quoting."),
    "excerpt": N_("Enter the anonymised excerpt (at most 8000 characters)."),
}
FILTER_MESSAGES: dict[str, str] = {
    "condition": N_("Choose one of the partnership conditions."),
    "level": N_("Choose one of the levels of integration."),
    "source": N_("Choose one of the sources."),
    "perspective": N_("Choose one of the perspectives."),
    "observed_from": FILTER_DATE_MESSAGE,
    "observed_until": FILTER_DATE_MESSAGE,
    "text": N_("Search for at most 200 characters."),
}
NO_FILE = N_("Choose a CSV file to upload.")
EMPTY_FILE = N_("The file is empty.")
FILE_TOO_LARGE = N_("The file is larger than 2 MB. Split it into smaller files.")

FilterValue = Annotated[str, Query()]


def _list_path(initiative: Initiative) -> str:
    return f"/initiatives/{initiative.id}/evidence"


def _vocabularies() -> dict[str, Any]:
    return {
        "sources": list(EvidenceSource),
        "perspectives": list(Perspective),
        "levels": list(IntegrationLevel),
        "conditions": list(PartnershipCondition),
        "earliest": EARLIEST.isoformat(),
        "latest": LATEST.isoformat(),
    }


# -- the list ----------------------------------------------------------------------------------


@router.get("/{initiative_id}/evidence", response_class=HTMLResponse)
def evidence_list(
    principal: MemberDep,
    request: Request,
    initiative: InitiativeDraftsDep,
    db: DbDep,
    pagination: PaginationDep,
    audit_read: SensitiveReadDep,
    condition: FilterValue = "",
    level: FilterValue = "",
    source: FilterValue = "",
    perspective: FilterValue = "",
    observed_from: FilterValue = "",
    observed_until: FilterValue = "",
    text: FilterValue = "",
    recorded: FilterValue = "",
) -> HTMLResponse:
    assert initiative.id is not None
    audit_read(f"evidence of {initiative.name}", initiative_id=initiative.id)
    chosen = {
        "condition": condition,
        "level": level,
        "source": source,
        "perspective": perspective,
        "observed_from": observed_from,
        "observed_until": observed_until,
        "text": text,
    }
    errors: dict[str, str] = {}
    items: list[EvidenceItem] = []
    total = 0
    try:
        evidence_filter = EvidenceFilter.model_validate(
            {name: value for name, value in chosen.items() if value.strip()}
        )
    except ValidationError as error:
        errors = field_errors(error, FILTER_MESSAGES)
    else:
        found, total = service.list_evidence(
            db=db,
            initiative_id=initiative.id,
            evidence_filter=evidence_filter,
            offset=pagination.offset,
            limit=pagination.per_page,
        )
        items = list(found)
    return render(
        request,
        "evidence/list.html",
        {
            "initiative": initiative,
            "items": items,
            "total": total,
            "pagination": pagination,
            "chosen": chosen,
            "errors": errors,
            "filtered": any(value.strip() for value in chosen.values()),
            "recorded": recorded if recorded in ("new", "again") else "",
            "can_record": policy.records_evidence(principal, initiative.id),
            "withdrawn": consent_flags.withdrawn(
                db=db, evidence_ids=[item.id for item in items if item.id]
            ),
            **_vocabularies(),
        },
        status_code=422 if errors else 200,
        block="results",
    )


# -- recording one item ------------------------------------------------------------------------


def _evidence_form(
    request: Request,
    initiative: Initiative,
    *,
    form: EvidenceForm,
    errors: dict[str, str],
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "evidence/form.html",
        {"initiative": initiative, "form": form, "errors": errors, **_vocabularies()},
        status_code=status_code,
    )


@router.get("/{initiative_id}/evidence/new", response_class=HTMLResponse)
def new_evidence(
    principal: MemberDep, request: Request, initiative: InitiativeEvidenceDep
) -> HTMLResponse:
    form = EvidenceForm(observed_on=datetime.now(community_zone()).date().isoformat())
    return _evidence_form(request, initiative, form=form, errors={})


@router.post("/{initiative_id}/evidence", response_class=HTMLResponse)
def record_evidence(
    principal: MemberDep,
    request: Request,
    initiative: InitiativeEvidenceDep,
    db: DbDep,
    form: Annotated[EvidenceForm, Form()],
) -> Response:
    assert initiative.id is not None
    try:
        data = form.to_create()
    except ValidationError as error:
        errors = field_errors(error, FIELD_MESSAGES)
        return _evidence_form(request, initiative, form=form, errors=errors, status_code=422)
    _item, created = service.record_evidence(
        db=db,
        initiative_id=initiative.id,
        recorded_by_id=principal.person_id,
        data=data,
    )
    outcome = "new" if created else "again"
    return RedirectResponse(f"{_list_path(initiative)}?recorded={outcome}", status_code=303)


# -- CSV template and import -------------------------------------------------------------------


@router.get("/{initiative_id}/evidence/template.csv")
def evidence_csv_template(principal: MemberDep, initiative: InitiativeEvidenceDep) -> Response:
    return Response(
        service.csv_template(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="evidence-template.csv"'},
    )


def _import_page(
    request: Request,
    initiative: Initiative,
    *,
    result: service.ImportResult | None = None,
    file_error: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "evidence/import.html",
        {
            "initiative": initiative,
            "result": result,
            "file_error": file_error,
            "max_rows": service.MAX_IMPORT_ROWS,
            **_vocabularies(),
        },
        status_code=status_code,
    )


@router.get("/{initiative_id}/evidence/import", response_class=HTMLResponse)
def import_form(
    principal: MemberDep, request: Request, initiative: InitiativeEvidenceDep
) -> HTMLResponse:
    return _import_page(request, initiative)


@router.post("/{initiative_id}/evidence/import", response_class=HTMLResponse)
def import_evidence(
    principal: MemberDep,
    request: Request,
    initiative: InitiativeEvidenceDep,
    db: DbDep,
    upload: Annotated[UploadFile | None, File(alias="file")] = None,
) -> HTMLResponse:
    assert initiative.id is not None
    content = upload.file.read(MAX_UPLOAD_BYTES + 1) if upload is not None else b""
    file_error = ""
    if upload is None or (not upload.filename and not content):
        file_error = NO_FILE
    elif len(content) > MAX_UPLOAD_BYTES:
        file_error = FILE_TOO_LARGE
    elif not content.strip():
        file_error = EMPTY_FILE
    if file_error:
        return _import_page(request, initiative, file_error=file_error, status_code=422)
    result = service.import_csv(
        db=db,
        initiative_id=initiative.id,
        recorded_by_id=principal.person_id,
        content=content,
    )
    return _import_page(request, initiative, result=result, status_code=200 if result.ok else 422)
