"""The minutes page: per agenda item a text area, saved one item at a time. A plain form post
redirects back to the item with a toast; with htmx only that item's form is swapped, with a
"Saved" status. A stale save (409) shows the stored minutes and the typed text; over-long text
(422) keeps the text with the message next to it."""

from dataclasses import dataclass, field, replace
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel
from starlette.responses import Response

from app.agendas import minutes
from app.agendas.models import AgendaItem
from app.agendas.schedule import Slot
from app.auth.dependencies import MemberDep
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import FieldProblem, InvalidInputError
from app.forms import FormLine, FormParagraph
from app.labels import N_
from app.learning_sessions.dependencies import PreparedSessionDep
from app.learning_sessions.models import LearningSession
from app.templating import render
from app.web import Toast, is_htmx, with_toast

router = APIRouter(prefix="/sessions", include_in_schema=False)

ItemId = Annotated[int, Path(ge=1, le=MAX_ID)]
TEMPLATE = "agendas/minutes.html"


class MinutesForm(BaseModel):
    """One item's minutes and the time it took as posted, with the item version the writer
    read."""

    minutes: FormParagraph = ""
    actual_minutes: FormLine = ""
    version: FormLine = ""

    def duration(self) -> int | None:
        """The time it took in minutes; empty: not recorded."""
        typed = self.actual_minutes.strip()
        if not typed:
            return None
        if not typed.isdigit():
            raise InvalidInputError(
                minutes.BAD_DURATION, [FieldProblem("actual_minutes", minutes.BAD_DURATION)]
            )
        return int(typed)

    def version_number(self) -> int:
        """The version the form was built from; anything unreadable counts as stale."""
        try:
            return int(self.version.strip())
        except ValueError:
            return -1


@dataclass(frozen=True)
class MinutesEntry:
    """One item on the page: its slot, the text in its field and what to say about it."""

    slot: Slot[AgendaItem]
    text: str
    actual: str
    version: int
    errors: dict[str, str] = field(default_factory=dict)
    conflict: minutes.MinutesChangedError | None = None
    saved: bool = False

    @property
    def item(self) -> AgendaItem:
        return self.slot.item


def _entries(
    db: DbDep, learning_session: LearningSession, override: MinutesEntry | None = None
) -> list[MinutesEntry]:
    timed = minutes.minutes_schedule(db=db, learning_session=learning_session)
    entries = [
        MinutesEntry(
            slot=slot,
            text=slot.item.minutes,
            actual="" if slot.item.actual_minutes is None else str(slot.item.actual_minutes),
            version=slot.item.version,
        )
        for slot in timed.slots
    ]
    if override is None:
        return entries
    return [override if entry.item.id == override.item.id else entry for entry in entries]


def _entry(
    db: DbDep, learning_session: LearningSession, item_id: int, **changes: Any
) -> MinutesEntry:
    """The item's entry as stored, with ``changes`` (what was typed, the message) applied."""
    for entry in _entries(db, learning_session):
        if entry.item.id == item_id:
            return replace(entry, **changes)
    raise AssertionError("the item was found by the service")


def _page(
    request: Request,
    db: DbDep,
    learning_session: LearningSession,
    *,
    entry: MinutesEntry | None = None,
    status_code: int = 200,
    toast: Toast | None = None,
) -> HTMLResponse:
    context = {
        "learning_session": learning_session,
        "open": minutes.minutes_open(learning_session),
        "entries": _entries(db, learning_session, entry),
        "entry": entry,
        "max_minutes": minutes.MAX_MINUTES,
        "max_duration": minutes.MAX_DURATION,
    }
    block = "item" if entry is not None and is_htmx(request) else None
    return render(request, TEMPLATE, context, status_code=status_code, block=block, toast=toast)


@router.get("/{session_id}/minutes", response_class=HTMLResponse)
def minutes_page(
    principal: MemberDep, request: Request, learning_session: PreparedSessionDep, db: DbDep
) -> HTMLResponse:
    return _page(request, db, learning_session)


@router.post("/{session_id}/minutes/{item_id}", response_class=HTMLResponse)
def save_minutes(
    principal: MemberDep,
    request: Request,
    learning_session: PreparedSessionDep,
    db: DbDep,
    item_id: ItemId,
    form: Annotated[MinutesForm, Form()],
) -> Response:
    typed = {"text": minutes.normalise(form.minutes), "actual": form.actual_minutes.strip()}
    try:
        item = minutes.record_minutes(
            db=db,
            learning_session=learning_session,
            item_id=item_id,
            text=form.minutes,
            actual_minutes=form.duration(),
            expected_version=form.version_number(),
        )
    except minutes.MinutesChangedError as conflict:
        entry = _entry(db, learning_session, item_id, **typed, conflict=conflict)
        return _page(request, db, learning_session, entry=entry, status_code=409)
    except InvalidInputError as error:
        problems = error.problems or [FieldProblem("minutes", error.message)]
        entry = _entry(
            db,
            learning_session,
            item_id,
            **typed,
            version=form.version_number(),
            errors={problem.field: problem.message for problem in problems},
        )
        return _page(request, db, learning_session, entry=entry, status_code=422)
    toast = Toast(N_("Saved the minutes of '%(title)s'."), {"title": item.title})
    if is_htmx(request):
        entry = _entry(db, learning_session, item_id, saved=True)
        return _page(request, db, learning_session, entry=entry, toast=toast)
    target = f"/sessions/{learning_session.id}/minutes#minutes-{item.id}"
    return with_toast(request, RedirectResponse(target, 303), toast)
