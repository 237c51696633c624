"""The audit log page for facilitators: who did what, when and from where."""

from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from app.auth import audit
from app.auth.dependencies import FacilitatorDep
from app.deps import PaginationDep, SessionDep
from app.templating import render
from app.vocabulary import AuditAction

router = APIRouter(include_in_schema=False)
LOCAL = ZoneInfo("Europe/Amsterdam")


def _start_of(day: date | None) -> datetime | None:
    return datetime.combine(day, time.min, tzinfo=LOCAL).astimezone(UTC) if day else None


@router.get("/community/audit", response_class=HTMLResponse)
def audit_log(
    _access: FacilitatorDep,
    request: Request,
    session: SessionDep,
    pagination: PaginationDep,
    action: Annotated[AuditAction | None, Query()] = None,
    actor: Annotated[str, Query(max_length=254)] = "",
    since: Annotated[date | None, Query(alias="from")] = None,
    until: Annotated[date | None, Query(alias="to")] = None,
) -> HTMLResponse:
    audit_filter = audit.AuditFilter(
        action=action,
        actor=actor.replace("\x00", "").strip(),
        since=_start_of(since),
        until=_start_of(until + timedelta(days=1)) if until else None,
    )
    entries, total = audit.list_entries(
        session=session,
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
            "chosen": {"action": action, "actor": actor, "from": since, "to": until},
        },
    )
