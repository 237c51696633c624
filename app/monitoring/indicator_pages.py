"""One indicator: its run chart and table, recording a measurement, importing measurements
from CSV (all or nothing), and the indicators of the same name across initiatives."""

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.actions.dependencies import updates_progress
from app.auth.dependencies import MemberDep
from app.auth.principal import Principal
from app.deps import DbDep
from app.forms import FormLine, field_errors
from app.labels import N_
from app.monitoring import service, views
from app.monitoring.dependencies import IndicatorDep, KeptIndicatorDep
from app.monitoring.run_chart import compare_chart
from app.monitoring.schemas import MEASUREMENT_MESSAGES, MeasurementForm
from app.monitoring.service import IndicatorRow, MeasurementImport
from app.templating import render
from app.time_zone import community_zone
from app.web import Toast, with_toast

router = APIRouter(include_in_schema=False)

MAX_UPLOAD_BYTES = 1024 * 1024
NO_FILE = N_("Choose a CSV file to upload.")
EMPTY_FILE = N_("The file is empty.")
FILE_TOO_LARGE = N_("The file is larger than 1 MB. Split it into smaller files.")


def _page(
    request: Request,
    principal: Principal,
    db: DbDep,
    row: IndicatorRow,
    *,
    form: MeasurementForm | None = None,
    errors: dict[str, str] | None = None,
    result: MeasurementImport | None = None,
    file_error: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    language = request.state.language
    today = datetime.now(community_zone()).date().isoformat()
    shared = service.shared_names(
        db=db, community_id=row.initiative.community_id, name=row.indicator.name
    )
    return render(
        request,
        "monitoring/indicator.html",
        {
            "view": views.indicator_view(row, language),
            "initiative": row.initiative,
            "indicator": row.indicator,
            "form": form or MeasurementForm(measured_on=today),
            "errors": errors or {},
            "result": result,
            "file_error": file_error,
            "can_keep": updates_progress(principal, row.indicator.initiative_id),
            "shared": shared,
            **views.helpers(language),
        },
        status_code=status_code,
    )


# /indicators/compare is declared before /indicators/{indicator_id}: it is the one to match.
@router.get("/indicators/compare", response_class=HTMLResponse)
def compare_indicators(
    principal: MemberDep,
    request: Request,
    db: DbDep,
    name: Annotated[FormLine, Query()] = "",
) -> HTMLResponse:
    language = request.state.language
    rows = (
        service.same_name(db=db, community_id=principal.community_id, name=name)
        if name.strip()
        else []
    )
    chart = compare_chart([(row.initiative.name, row.measurements) for row in rows])
    return render(
        request,
        "monitoring/compare.html",
        {
            "name": name.strip(),
            "rows": rows,
            "chart": chart,
            "x_labels": views.time_labels(chart, language),
            "table": views.compare_table(rows),
            **views.helpers(language),
        },
    )


@router.get("/indicators/{indicator_id}", response_class=HTMLResponse)
def indicator_page(
    principal: MemberDep, request: Request, row: IndicatorDep, db: DbDep
) -> HTMLResponse:
    return _page(request, principal, db, row)


@router.post("/indicators/{indicator_id}/measurements", response_class=HTMLResponse)
def record_measurement(
    principal: MemberDep,
    request: Request,
    row: KeptIndicatorDep,
    db: DbDep,
    form: Annotated[MeasurementForm, Form()],
) -> Response:
    try:
        data = form.to_data()
    except ValidationError as error:
        errors = field_errors(error, MEASUREMENT_MESSAGES)
        return _page(request, principal, db, row, form=form, errors=errors, status_code=422)
    replaced = service.record_measurement(db=db, indicator=row.indicator, data=data)
    language = request.state.language
    arguments: dict[str, int | str] = {
        "date": data.measured_on.isoformat(),
        "value": views.number(data.value, language),
    }
    if replaced is None:
        toast = Toast(N_("Saved: %(value)s on %(date)s."), arguments)
    else:
        arguments["old"] = views.number(replaced, language)
        toast = Toast(N_("%(date)s had %(old)s; it is now %(value)s."), arguments)
    redirect = RedirectResponse(f"/indicators/{row.indicator.id}", status_code=303)
    return with_toast(request, redirect, toast)


@router.get("/indicators/{indicator_id}/template.csv")
def measurements_template(principal: MemberDep, row: IndicatorDep) -> Response:
    return Response(
        service.csv_template(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="measurements-template.csv"'},
    )


@router.post("/indicators/{indicator_id}/import", response_class=HTMLResponse)
def import_measurements(
    principal: MemberDep,
    request: Request,
    row: KeptIndicatorDep,
    db: DbDep,
    upload: Annotated[UploadFile | None, File(alias="file")] = None,
) -> HTMLResponse:
    content = upload.file.read(MAX_UPLOAD_BYTES + 1) if upload is not None else b""
    file_error = ""
    if upload is None or (not upload.filename and not content):
        file_error = NO_FILE
    elif len(content) > MAX_UPLOAD_BYTES:
        file_error = FILE_TOO_LARGE
    elif not content.strip():
        file_error = EMPTY_FILE
    if file_error:
        return _page(request, principal, db, row, file_error=file_error, status_code=422)
    result = service.import_csv(db=db, indicator=row.indicator, content=content)
    if result.ok:
        row = service.get_indicator(
            db=db, indicator_id=row.indicator.id or 0, community_id=row.initiative.community_id
        )
    return _page(request, principal, db, row, result=result, status_code=200 if result.ok else 422)


@router.post("/indicators/{indicator_id}/measurements/delete")
def delete_measurement(
    principal: MemberDep,
    request: Request,
    row: KeptIndicatorDep,
    db: DbDep,
    measured_on: Annotated[date, Form()],
) -> Response:
    value = service.delete_measurement(db=db, indicator=row.indicator, measured_on=measured_on)
    arguments: dict[str, int | str] = {
        "date": measured_on.isoformat(),
        "value": views.number(value, request.state.language),
    }
    redirect = RedirectResponse(f"/indicators/{row.indicator.id}", status_code=303)
    return with_toast(request, redirect, Toast(N_("Deleted: %(value)s on %(date)s."), arguments))
