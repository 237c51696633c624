"""Fixed-window counters kept in the database, so every worker and instance counts together."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import UniqueConstraint, delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, col, select

from app.config import Settings
from app.db import UTCDateTime, utcnow

PASSWORD_RESET_WINDOW = timedelta(hours=1)
REFUSED_ACCESS_LINK_OPENINGS_PER_IP = 20


class RateLimitCounter(SQLModel, table=True):
    """Attempts per key and fixed window, in the database so every worker counts together."""

    __tablename__ = "rate_limit_counter"
    __table_args__ = (UniqueConstraint("key", "window_start"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=300)
    window_start: datetime = Field(sa_type=UTCDateTime, index=True)
    count: int = Field(default=0)


@dataclass(frozen=True)
class Limit:
    key: str
    allowed: int
    window: timedelta

    def __post_init__(self) -> None:
        # Keys hold what people typed: keep them storable (no NUL) and bounded.
        object.__setattr__(self, "key", self.key.replace("\x00", "")[:300])


@dataclass(frozen=True)
class Exceeded:
    retry_at: datetime

    @property
    def retry_after_seconds(self) -> int:
        return max(1, int((self.retry_at - utcnow()).total_seconds()) + 1)


def sign_in_limits(settings: Settings, *, email: str, ip: str) -> list[Limit]:
    """Password attempts, counted per account and (more leniently) per address."""
    window = timedelta(minutes=settings.rate_limit_window_minutes)
    return [
        Limit(f"sign-in:account:{email.strip().lower()}", settings.sign_in_attempts, window),
        Limit(f"sign-in:ip:{ip}", settings.sign_in_attempts * 3, window),
    ]


def _window_start(window: timedelta, now: datetime) -> datetime:
    seconds = int(window.total_seconds())
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds, tz=now.tzinfo)


def exceeded(*, db: Session, limits: list[Limit]) -> Exceeded | None:
    """The first limit already used up in its current window, if any."""
    now = utcnow()
    for limit in limits:
        start = _window_start(limit.window, now)
        count = db.exec(
            select(RateLimitCounter.count).where(
                RateLimitCounter.key == limit.key, RateLimitCounter.window_start == start
            )
        ).first()
        if count is not None and count >= limit.allowed:
            return Exceeded(retry_at=start + limit.window)
    return None


def count_attempt(*, db: Session, limits: list[Limit]) -> None:
    """Add one attempt to each limit's current window (an atomic UPDATE, or the first row)."""
    now = utcnow()
    for limit in limits:
        start = _window_start(limit.window, now)
        result = db.execute(
            update(RateLimitCounter)
            .where(
                col(RateLimitCounter.key) == limit.key,
                col(RateLimitCounter.window_start) == start,
            )
            .values(count=RateLimitCounter.count + 1)
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            _first_in_window(db, limit.key, start)


def _first_in_window(db: Session, key: str, start: datetime) -> None:
    try:
        with db.begin_nested():
            db.add(RateLimitCounter(key=key, window_start=start, count=1))
    except IntegrityError:  # another worker counted first: count on its row
        db.execute(
            update(RateLimitCounter)
            .where(col(RateLimitCounter.key) == key, col(RateLimitCounter.window_start) == start)
            .values(count=RateLimitCounter.count + 1)
        )
    # Old windows are never read again.
    db.execute(
        delete(RateLimitCounter).where(
            col(RateLimitCounter.window_start) < start - timedelta(days=1)
        )
    )


def password_reset_limits(*, email: str, ip: str) -> list[Limit]:
    """Reset links asked for, per address typed and per client address."""
    return [
        Limit(f"password-reset:account:{email.strip().lower()}", 3, PASSWORD_RESET_WINDOW),
        Limit(f"password-reset:ip:{ip}", 10, PASSWORD_RESET_WINDOW),
    ]


def access_link_limits(settings: Settings, *, ip: str) -> list[Limit]:
    """Refused openings of personal links, per client address (guessing a link takes many)."""
    window = timedelta(minutes=settings.rate_limit_window_minutes)
    return [Limit(f"access-link:ip:{ip}", REFUSED_ACCESS_LINK_OPENINGS_PER_IP, window)]
