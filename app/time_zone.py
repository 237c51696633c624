"""The community's time zone (LEERKRING_TIME_ZONE): times are shown in it and days begin in it."""

from zoneinfo import ZoneInfo

from app.config import get_settings


def community_zone_name() -> str:
    """The IANA name of the community's zone, such as Europe/Amsterdam."""
    return get_settings().time_zone


def community_zone() -> ZoneInfo:
    return ZoneInfo(community_zone_name())
