from dataclasses import dataclass
from datetime import UTC, datetime

from app.agendas.schedule import schedule
from app.learning_sessions.models import LearningSession


@dataclass
class Block:
    title: str
    duration_minutes: int


def session_at(starts: datetime, ends: datetime | None) -> LearningSession:
    return LearningSession(
        number=3, community_id=1, starts_at=starts, ends_at=ends, timezone="Europe/Amsterdam"
    )


def test_clock_times_follow_the_order_and_durations_in_the_sessions_zone() -> None:
    # 13:30 UTC is 14:30 in Amsterdam in winter.
    learning_session = session_at(
        datetime(2027, 1, 14, 13, 30, tzinfo=UTC), datetime(2027, 1, 14, 16, 0, tzinfo=UTC)
    )
    blocks = [Block("Welcome", 10), Block("Dilemma round", 45), Block("Break", 15)]

    planned = schedule(learning_session, blocks)

    assert [(s.starts.strftime("%H:%M"), s.ends.strftime("%H:%M")) for s in planned.slots] == [
        ("14:30", "14:40"),
        ("14:40", "15:25"),
        ("15:25", "15:40"),
    ]
    assert planned.total_minutes == 70
    assert planned.overrun_minutes == 0
    assert planned.spare_minutes == 80


def test_an_agenda_longer_than_the_slot_reports_the_minutes_over() -> None:
    learning_session = session_at(
        datetime(2027, 1, 14, 13, 30, tzinfo=UTC), datetime(2027, 1, 14, 15, 0, tzinfo=UTC)
    )

    planned = schedule(learning_session, [Block("Findings", 60), Block("Exchange", 35)])

    assert planned.ends.strftime("%H:%M") == "16:05"
    assert planned.overrun_minutes == 5


def test_without_an_end_time_there_is_no_overrun() -> None:
    learning_session = session_at(datetime(2027, 1, 14, 13, 30, tzinfo=UTC), None)
    assert schedule(learning_session, [Block("Findings", 600)]).overrun_minutes == 0
