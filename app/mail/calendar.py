"""The calendar file sent with every session email: one VEVENT, for one recipient.

The UID is the same for every message about a session, so a calendar updates (SEQUENCE
raised) or removes (METHOD:CANCEL) the event it already holds instead of adding another.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parseaddr
from typing import Literal
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vCalAddress, vText

from app.db import utcnow
from app.learning_sessions.models import LearningSession

Method = Literal["REQUEST", "CANCEL"]
# When neither the time slot nor an agenda says how long a session lasts.
DEFAULT_LENGTH = timedelta(hours=3)


def session_uid(learning_session: LearningSession, public_host: str) -> str:
    """Stable per session: every invitation, update and cancellation names the same event."""
    return f"session-{learning_session.id}@{public_host}"


def session_end(learning_session: LearningSession, agenda_end: datetime | None) -> datetime:
    """The end of the time slot; else the agenda's computed end; else start + 3 hours."""
    zone = ZoneInfo(learning_session.timezone)
    if learning_session.ends_at is not None:
        return learning_session.ends_at.astimezone(zone)
    if agenda_end is not None:
        return agenda_end.astimezone(zone)
    return (learning_session.starts_at + DEFAULT_LENGTH).astimezone(zone)


def content_type(method: Method) -> str:
    """The MIME type of the calendar part; its method= always matches the file's METHOD."""
    return f"text/calendar; method={method}; charset=utf-8"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    sequence: int
    starts: datetime
    ends: datetime
    summary: str
    location: str
    description: str
    url: str
    organizer: str  # the sender ("Leerkring <leerkring@example.nl>" or an address)
    attendee: str  # the recipient's address: the only attendee in their file
    attendee_name: str


def _address(email: str, name: str = "") -> vCalAddress:
    """A calendar address; "Leerkring <leerkring@example.nl>" gives its name and address."""
    parsed_name, parsed_address = parseaddr(email)
    address = vCalAddress(f"mailto:{parsed_address or email}")
    if name or parsed_name:
        address.params["CN"] = vText(name or parsed_name)
    return address


def _zone(starts: datetime, ends: datetime) -> Timezone:
    """The VTIMEZONE of the session's zone, covering the session's dates."""
    zone = starts.tzinfo
    assert isinstance(zone, ZoneInfo)
    return Timezone.from_tzinfo(
        zone, first_date=starts.date() - timedelta(days=366), last_date=ends.date()
    )


def ics(event: CalendarEvent, method: Method) -> bytes:
    """The .ics of one event: DTSTART/DTEND with the session's TZID and its VTIMEZONE."""
    calendar = Calendar()
    calendar.add("prodid", "-//Leerkring//Learning sessions//EN")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    calendar.add_component(_zone(event.starts, event.ends))
    vevent = Event()
    vevent.add("uid", event.uid)
    vevent.add("sequence", event.sequence)
    vevent.add("dtstamp", utcnow())
    vevent.add("dtstart", event.starts)
    vevent.add("dtend", event.ends)
    vevent.add("summary", event.summary)
    if event.location:
        vevent.add("location", event.location)
    vevent.add("description", event.description)
    vevent.add("url", event.url)
    vevent.add("organizer", _address(event.organizer))
    attendee = _address(event.attendee, event.attendee_name)
    attendee.params["ROLE"] = vText("REQ-PARTICIPANT")
    attendee.params["RSVP"] = vText("FALSE")
    vevent.add("attendee", attendee)
    vevent.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    calendar.add_component(vevent)
    ical: bytes = calendar.to_ical()
    return ical
