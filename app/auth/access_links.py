"""Personal access links: how long they last and where they point (shared by pages and CLI)."""

from datetime import date, datetime, time

from app.db import utcnow
from app.time_zone import community_zone

DEFAULT_VALID_DAYS = 60
MAX_VALID_DAYS = 365


def local_today() -> date:
    return utcnow().astimezone(community_zone()).date()


def expiry_moment(last_day: date) -> datetime:
    """A link works through its last day, in the community's time zone."""
    return datetime.combine(last_day, time(23, 59, 59), tzinfo=community_zone())


def link_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/access/{token}"
