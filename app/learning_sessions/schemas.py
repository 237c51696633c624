from datetime import date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo, available_timezones

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from app.schemas import EntityId, LongText, ShortText, Version
from app.time_zone import community_zone_name
from app.vocabulary import SessionStatus

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


class LearningSessionUpdate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: Version
    number: SessionNumber | None = None
    starts_at: SessionStart | None = None
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
    version: int
    created_at: datetime
    updated_at: datetime
