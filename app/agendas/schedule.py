"""Clock times: only order and durations are stored; this one function computes the times
for the workspace, the PDFs and the calendar file alike."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Generic, Protocol, TypeVar
from zoneinfo import ZoneInfo

from app.learning_sessions.models import LearningSession


class Timed(Protocol):
    @property
    def duration_minutes(self) -> int: ...


T = TypeVar("T", bound=Timed)


@dataclass(frozen=True)
class Slot(Generic[T]):
    item: T
    starts: datetime  # in the session's time zone
    ends: datetime


@dataclass(frozen=True)
class Schedule(Generic[T]):
    slots: list[Slot[T]]
    starts: datetime
    ends: datetime  # when the last item ends
    slot_ends: datetime | None  # the end of the session's time slot, if set

    @property
    def total_minutes(self) -> int:
        return int((self.ends - self.starts).total_seconds() // 60)

    @property
    def overrun_minutes(self) -> int:
        """How far the agenda runs past the time slot; 0 when it fits or no end is set."""
        if self.slot_ends is None or self.ends <= self.slot_ends:
            return 0
        return int((self.ends - self.slot_ends).total_seconds() // 60)

    @property
    def spare_minutes(self) -> int:
        if self.slot_ends is None or self.ends >= self.slot_ends:
            return 0
        return int((self.slot_ends - self.ends).total_seconds() // 60)


def schedule(learning_session: LearningSession, items: Sequence[T]) -> Schedule[T]:
    """Each item's start and end, in order, from the session's start in its own time zone."""
    zone = ZoneInfo(learning_session.timezone)
    starts = learning_session.starts_at.astimezone(zone)
    slots: list[Slot[T]] = []
    clock = starts
    for item in items:
        # Wall-clock arithmetic in UTC, so a DST change mid-session stays correct.
        ends = clock.astimezone(UTC) + timedelta(minutes=item.duration_minutes)
        slots.append(Slot(item=item, starts=clock, ends=ends.astimezone(zone)))
        clock = ends.astimezone(zone)
    slot_ends = (
        None if learning_session.ends_at is None else learning_session.ends_at.astimezone(zone)
    )
    return Schedule(slots=slots, starts=starts, ends=clock, slot_ends=slot_ends)
