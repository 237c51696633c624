"""The indicators of an initiative: the list with small run charts, creating and editing one."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from app.actions.dependencies import updates_progress
from app.auth.dependencies import MemberDep
from app.deps import DbDep
from app.errors import ConflictError, StaleVersionError
from app.forms import field_errors
from app.initiatives.dependencies import InitiativeDep
from app.initiatives.models import Initiative
from app.labels import N_
from app.monitoring import service, views
from app.monitoring.dependencies import KeepsIndicatorsDep, KeptIndicatorDep
from app.monitoring.schemas import DUPLICATE_NAME, INDICATOR_MESSAGES, IndicatorForm
from app.monitoring.service import IndicatorRow
from app.templating import render
from app.web import Toast, with_toast

router = APIRouter(include_in_schema=False)
CONFIRM_DELETE = N_("Tick the box to confirm that the indicator and its measurements go.")


@router.get("/initiatives/{initiative_id}/indicators", response_class=HTMLResponse)
def indicator_list(
    principal: MemberDep, request: Request, initiative: InitiativeDep, db: DbDep
) -> HTMLResponse:
    assert initiative.id is not None
    language = request.state.language
    rows = service.list_indicators(db=db, initiative=initiative)
    return render(
        request,
        "monitoring/list.html",
        {
            "initiative": initiative,
            "indicators": [views.indicator_view(row, language, small=True) for row in rows],
            "can_keep": updates_progress(principal, initiative.id),
            **views.helpers(language),
        },
    )


def _form_page(
    request: Request,
    initiative: Initiative,
    *,
    form: IndicatorForm,
    errors: dict[str, str],
    row: IndicatorRow | None = None,
    delete_errors: dict[str, str] | None = None,
    saved: IndicatorForm | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "monitoring/form.html",
        {
            "initiative": initiative,
            "form": form,
            "errors": errors,
            "row": row,
            "delete_errors": delete_errors or {},
            "saved": saved,  # another keeper's newer version, shown beside what was typed
            **views.vocabularies(),
        },
        status_code=status_code,
    )


@router.get("/initiatives/{initiative_id}/indicators/new", response_class=HTMLResponse)
def new_indicator(
    principal: MemberDep, request: Request, initiative: KeepsIndicatorsDep
) -> HTMLResponse:
    return _form_page(request, initiative, form=IndicatorForm(), errors={})


@router.post("/initiatives/{initiative_id}/indicators", response_class=HTMLResponse)
def create_indicator(
    principal: MemberDep,
    request: Request,
    initiative: KeepsIndicatorsDep,
    db: DbDep,
    form: Annotated[IndicatorForm, Form()],
) -> Response:
    assert initiative.id is not None
    try:
        data = form.to_data()
    except ValidationError as error:
        errors = field_errors(error, INDICATOR_MESSAGES)
        return _form_page(request, initiative, form=form, errors=errors, status_code=422)
    try:
        indicator = service.create_indicator(db=db, initiative_id=initiative.id, data=data)
    except ConflictError:
        errors = {"name": DUPLICATE_NAME}
        return _form_page(request, initiative, form=form, errors=errors, status_code=409)
    redirect = RedirectResponse(f"/indicators/{indicator.id}", status_code=303)
    return with_toast(request, redirect, Toast(N_("The indicator is saved.")))


@router.get("/indicators/{indicator_id}/edit", response_class=HTMLResponse)
def edit_indicator(principal: MemberDep, request: Request, row: KeptIndicatorDep) -> HTMLResponse:
    form = IndicatorForm.of(row.indicator)
    return _form_page(request, row.initiative, form=form, errors={}, row=row)


@router.post("/indicators/{indicator_id}/edit", response_class=HTMLResponse)
def update_indicator(
    principal: MemberDep,
    request: Request,
    row: KeptIndicatorDep,
    db: DbDep,
    form: Annotated[IndicatorForm, Form()],
) -> Response:
    try:
        data = form.to_data()
    except ValidationError as error:
        errors = field_errors(error, INDICATOR_MESSAGES)
        return _form_page(
            request, row.initiative, form=form, errors=errors, row=row, status_code=422
        )
    try:
        service.update_indicator(
            db=db, indicator=row.indicator, data=data, expected=form.version_number()
        )
    except StaleVersionError:
        # What was typed stays; the current version lets a second save replace it knowingly.
        saved = IndicatorForm.of(row.indicator)
        kept = form.model_copy(update={"version": saved.version})
        return _form_page(
            request, row.initiative, form=kept, errors={}, row=row, saved=saved, status_code=409
        )
    except ConflictError:
        errors = {"name": DUPLICATE_NAME}
        return _form_page(
            request, row.initiative, form=form, errors=errors, row=row, status_code=409
        )
    redirect = RedirectResponse(f"/indicators/{row.indicator.id}", status_code=303)
    return with_toast(request, redirect, Toast(N_("The indicator is saved.")))


@router.post("/indicators/{indicator_id}/delete", response_class=HTMLResponse)
def delete_indicator(
    principal: MemberDep,
    request: Request,
    row: KeptIndicatorDep,
    db: DbDep,
    confirm: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    """Delete the indicator and its measurements, once the keeper ticked that they mean it."""
    if confirm != "yes":
        form = IndicatorForm.of(row.indicator)
        errors = {"confirm": CONFIRM_DELETE}
        return _form_page(
            request,
            row.initiative,
            form=form,
            errors={},
            row=row,
            delete_errors=errors,
            status_code=422,
        )
    name = row.indicator.name
    count = service.delete_indicator(db=db, indicator=row.indicator)
    redirect = RedirectResponse(f"/initiatives/{row.initiative.id}/indicators", status_code=303)
    toast = Toast(
        N_("%(name)s is deleted, with its %(count)s measurements."),
        {"name": name, "count": count},
    )
    return with_toast(request, redirect, toast)
