from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated
from zoneinfo import ZoneInfo, available_timezones

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

from app.db import MAX_ID
from app.errors import InvalidInputError
from app.forms import FormChoices, FormLine, FormParagraph
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.schemas import EntityId, LongText, ShortText, Version
from app.time_zone import community_zone_name
from app.vocabulary import SESSION_COMPOSITION_ROLES, Role, SessionStatus

EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)


def _plausible_datetime(value: datetime) -> datetime:
    if not EARLIEST <= value.date() <= LATEST:
        raise ValueError(f"must lie between {EARLIEST.year} and {LATEST.year}")
    return value


def _plausible_date(value: date) -> date:
    if not EARLIEST <= value <= LATEST:
        raise ValueError(f"must lie between {EARLIEST.year} and {LATEST.year}")
    return value


def _known_timezone(value: str) -> str:
    if value not in available_timezones():
        raise ValueError("is not a known time zone (for example Europe/Amsterdam)")
    ZoneInfo(value)
    return value


def _web_address(value: str) -> str:
    if value and not value.startswith(("https://", "http://")):
        raise ValueError("must be a web address starting with https://")
    return value


SessionStart = Annotated[AwareDatetime, AfterValidator(_plausible_datetime)]
SessionDate = Annotated[date, AfterValidator(_plausible_date)]
TimeZoneName = Annotated[str, Field(max_length=64), AfterValidator(_known_timezone)]
OnlineLink = Annotated[ShortText, AfterValidator(_web_address)]
OverrideReason = Annotated[LongText, Field(max_length=2000)]  # as stored on the session
SessionNumber = Annotated[int, Field(ge=1, le=1000)]
ENDS_BEFORE_START = "must be after the start, on the same day"


def ends_after_start(starts_at: datetime, ends_at: datetime | None) -> bool:
    """A time slot ends after it starts, within a day (an end time on the session's day)."""
    return ends_at is None or starts_at < ends_at <= starts_at + timedelta(hours=24)


class LearningSessionCreate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    number: SessionNumber
    starts_at: SessionStart
    timezone: TimeZoneName = Field(default_factory=community_zone_name)
    place: ShortText = ""
    online_url: OnlineLink = ""
    focus: LongText = ""
    reflection_deadline: SessionDate | None = None
    chair_id: EntityId | None = None
    ends_at: SessionStart | None = Field(
        default=None, description="the end of the time slot; after starts_at, the same day"
    )

    @field_validator("ends_at")
    @classmethod
    def _ends_after_start(cls, value: datetime | None, info: ValidationInfo) -> datetime | None:
        starts_at = info.data.get("starts_at")
        if starts_at is not None and not ends_after_start(starts_at, value):
            raise ValueError(ENDS_BEFORE_START)
        return value


class LearningSessionUpdate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: Version
    number: SessionNumber | None = None
    starts_at: SessionStart | None = None
    ends_at: SessionStart | None = Field(
        default=None, description="the end of the time slot (null: none); after starts_at"
    )
    timezone: TimeZoneName | None = None
    place: ShortText | None = None
    online_url: OnlineLink | None = None
    focus: LongText | None = None
    reflection_deadline: SessionDate | None = None
    chair_id: EntityId | None = None
    status: SessionStatus | None = None
    reason: OverrideReason | None = Field(
        default=None,
        description="with status prepared: why the session is prepared despite gaps in its "
        "composition or unpublished factsheets (recorded and audited)",
    )


class LearningSessionPublic(BaseModel):
    id: int
    community_id: int
    number: int
    starts_at: datetime
    ends_at: datetime | None
    timezone: str
    place: str
    online_url: str
    focus: str
    reflection_deadline: date | None
    chair_id: int | None
    status: SessionStatus
    prepared_override_reason: str | None = Field(
        description="why the session was prepared despite gaps, if it was"
    )
    calendar_sequence: int = Field(
        description="the calendar invitation's SEQUENCE: raised when date, time or place change"
    )
    cancelled_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


# -- the session pages' forms as posted (app.forms) --------------------------------------------

# The message next to each refused field of the schedule and edit forms.
SESSION_FIELD_MESSAGES: dict[str, str] = {
    "number": N_("Enter a session number between 1 and 1000."),
    "starts_at": N_("Enter the date and the time of the session, between 2000 and 2100."),
    "ends_at": N_("Enter an end time after the start time, such as 16:30 (on the same day)."),
    "timezone": N_("Enter a time zone such as Europe/Amsterdam."),
    "place": N_("Enter the place in at most 200 characters."),
    "online_url": N_("Enter a web address starting with https://."),
    "focus": N_("Enter the focus in at most 4000 characters."),
    "reflection_deadline": N_("Enter a date between 2000 and 2100."),
    "chair_id": N_("Choose a chair from the list."),
}


def _entity_id(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() and 1 <= int(value) <= MAX_ID else None


def _starts_at(starts_on: str, starts_time: str, timezone: str) -> datetime | str:
    """The date and time as an aware datetime in ``timezone``; "" when unreadable."""
    try:
        day, clock = date.fromisoformat(starts_on), time.fromisoformat(starts_time)
    except ValueError:
        return ""
    # An unknown zone is reported on its own field; UTC keeps the date from being blamed too.
    zone = ZoneInfo(timezone) if timezone in available_timezones() else UTC
    return datetime.combine(day, clock, tzinfo=zone)


class LearningSessionForm(BaseModel):
    """The schedule form: the start as a date and a time, in the session's time zone, and
    the end as a time on that day."""

    number: FormLine = ""
    starts_on: FormLine = ""
    starts_time: FormLine = ""
    ends_at: FormLine = ""
    timezone: FormLine = Field(default_factory=community_zone_name)
    place: FormLine = ""
    online_url: FormLine = ""
    focus: FormParagraph = ""
    chair_id: FormLine = ""
    reflection_deadline: FormLine = ""
    version: FormLine = ""

    @classmethod
    def of(cls, learning_session: LearningSession) -> "LearningSessionForm":
        zone = ZoneInfo(learning_session.timezone)
        starts = learning_session.starts_at.astimezone(zone)
        ends = learning_session.ends_at.astimezone(zone) if learning_session.ends_at else None
        deadline = learning_session.reflection_deadline
        return cls(
            number=str(learning_session.number),
            starts_on=starts.date().isoformat(),
            starts_time=starts.strftime("%H:%M"),
            ends_at=ends.strftime("%H:%M") if ends else "",
            timezone=learning_session.timezone,
            place=learning_session.place,
            online_url=learning_session.online_url,
            focus=learning_session.focus,
            chair_id=str(learning_session.chair_id or ""),
            reflection_deadline=deadline.isoformat() if deadline else "",
            version=str(learning_session.version),
        )

    def _values(self) -> dict[str, object]:
        timezone = self.timezone.strip()
        ends_at = self.ends_at.strip()
        return {
            "number": self.number,
            "starts_at": _starts_at(self.starts_on, self.starts_time, timezone),
            "ends_at": _starts_at(self.starts_on, ends_at, timezone) if ends_at else None,
            "timezone": timezone,
            "place": self.place,
            "online_url": self.online_url.strip(),
            "focus": self.focus,
            "chair_id": self.chair_id or None,
            "reflection_deadline": self.reflection_deadline or None,
        }

    def to_create(self) -> LearningSessionCreate:
        return LearningSessionCreate.model_validate(self._values())

    def to_update(self) -> LearningSessionUpdate:
        """Every field as posted; the end is checked against the start (the form has both)."""
        values = self._values()
        LearningSessionCreate.model_validate(values)
        return LearningSessionUpdate.model_validate({**values, "version": self.version})


class InvitationForm(BaseModel):
    """One person (``person_id``), or everyone holding ``role`` in one initiative or "all";
    ``page`` and ``incomplete`` say where the composition panel was."""

    person_id: FormLine = ""
    initiative_id: FormLine = ""
    role: FormLine = ""
    page: FormLine = "1"
    incomplete: FormLine = ""

    def composition_page(self) -> int:
        return int(self.page) if self.page.isdigit() and 1 <= int(self.page) <= 100_000 else 1

    def to_choice(self) -> "InviteChoice":
        """Whom to invite; InvalidInputError when the form names nobody who could be."""
        if self.person_id.strip():
            person_id = _entity_id(self.person_id)
            if person_id is None:
                raise InvalidInputError(
                    N_("Only people of this learning community can be invited.")
                )
            return InviteChoice(person_id=person_id)
        if self.role in SESSION_COMPOSITION_ROLES and (
            self.initiative_id in ("", "all") or _entity_id(self.initiative_id) is not None
        ):
            return InviteChoice(role=Role(self.role), initiative_id=_entity_id(self.initiative_id))
        raise InvalidInputError(N_("Choose whom to invite."))


@dataclass(frozen=True)
class InviteChoice:
    """One person, or everyone holding ``role`` (in one initiative, or anywhere when None)."""

    person_id: int | None = None
    role: Role | None = None
    initiative_id: int | None = None


class StatusForm(BaseModel):
    status: FormLine = ""
    override_reason: FormParagraph = ""

    def to_status(self) -> SessionStatus:
        if self.status not in set(SessionStatus):
            raise InvalidInputError(
                N_("Choose one of the statuses: planned, prepared, held, followed up.")
            )
        return SessionStatus(self.status)


class AttendanceForm(BaseModel):
    """The people ticked as present; with ``shown`` (a page of the form) only those count."""

    attended: FormChoices = []
    shown: FormChoices | None = None
    # Each listed person's group, in the same order as ``grouped`` names them.
    grouped: FormChoices = []
    group: FormChoices = []
    back: FormLine = ""

    def groups(self) -> dict[int, str]:
        """Person id → the group typed for them (spaces trimmed; "" for none)."""
        return {
            person_id: name.strip()
            for value, name in zip(self.grouped, self.group, strict=False)
            if (person_id := _entity_id(value))
        }

    def attended_ids(self) -> list[int]:
        return [person_id for value in self.attended if (person_id := _entity_id(value))]

    def shown_ids(self) -> list[int] | None:
        if self.shown is None:
            return None
        return [person_id for value in self.shown if (person_id := _entity_id(value))]
