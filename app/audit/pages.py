"""The audit log page for facilitators: who did what, when and from where."""

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field, StringConstraints, ValidationError

from app.audit import service as audit_service
from app.audit.models import AuditEntry
from app.auth.dependencies import FacilitatorDep
from app.deps import DbDep, PaginationDep
from app.forms import FILTER_DATE_MESSAGE, field_errors
from app.labels import N_
from app.learning_sessions.schemas import SessionDate
from app.templating import render
from app.time_zone import community_zone
from app.vocabulary import AuditAction

router = APIRouter(include_in_schema=False)
FilterValue = Annotated[str, Query()]


class AuditFilterForm(BaseModel):
    """The filter form as submitted: blank fields mean "any"."""

    action: AuditAction | None = None
    actor: Annotated[str, StringConstraints(strip_whitespace=True, max_length=254)] = ""
    since: SessionDate | None = Field(default=None, alias="from")
    until: SessionDate | None = Field(default=None, alias="to")


FILTER_MESSAGES = {
    "action": N_("Choose one of the listed events."),
    "actor": N_("Search for at most 254 characters."),
    "from": FILTER_DATE_MESSAGE,
    "to": FILTER_DATE_MESSAGE,
}


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=community_zone()).astimezone(UTC)


@router.get("/community/audit", response_class=HTMLResponse)
def audit_log(
    _access: FacilitatorDep,
    request: Request,
    db: DbDep,
    pagination: PaginationDep,
    action: FilterValue = "",
    actor: FilterValue = "",
    since: Annotated[str, Query(alias="from")] = "",
    until: Annotated[str, Query(alias="to")] = "",
) -> HTMLResponse:
    chosen = {"action": action, "actor": actor, "from": since, "to": until}
    errors: dict[str, str] = {}
    entries: Sequence[AuditEntry] = []
    total = 0
    try:
        form = AuditFilterForm.model_validate(
            {name: value for name, value in chosen.items() if value.strip()}
        )
    except ValidationError as error:
        errors = field_errors(error, FILTER_MESSAGES)
    else:
        audit_filter = audit_service.AuditFilter(
            action=form.action,
            actor=form.actor,
            since=_start_of(form.since) if form.since else None,
            until=_start_of(form.until + timedelta(days=1)) if form.until else None,
        )
        entries, total = audit_service.list_entries(
            db=db,
            audit_filter=audit_filter,
            offset=pagination.offset,
            limit=pagination.per_page,
        )
    return render(
        request,
        "auth/audit.html",
        {
            "entries": entries,
            "total": total,
            "pagination": pagination,
            "actions": list(AuditAction),
            "chosen": chosen,
            "errors": errors,
        },
        status_code=422 if errors else 200,
    )
