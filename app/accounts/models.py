"""Accounts, signed-in browsers (UserSession) and set-password links (OneTimeToken).

Every secret handed to a browser or a client (session id, access link, set-password link,
API token) is stored only as its SHA-256 hash.
"""

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.db import Timestamped, UTCDateTime, enum_type
from app.vocabulary import OneTimeTokenPurpose


class Account(Timestamped, table=True):
    """A person's ability to sign in; people without one cannot sign in at all."""

    __tablename__ = "account"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", unique=True)
    # Empty until the person sets a password (invitation) or for link-only accounts.
    password_hash: str | None = Field(default=None, max_length=200)
    is_site_admin: bool = Field(default=False)
    disabled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_sign_in_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class UserSession(SQLModel, table=True):
    """A signed-in browser; the cookie holds the token, the row only its hash."""

    __tablename__ = "user_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    account_id: int = Field(foreign_key="account.id", ondelete="CASCADE", index=True)
    created_at: datetime = Field(sa_type=UTCDateTime)
    last_seen_at: datetime = Field(sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime, index=True)
    # Set when the session came from a personal access link scoped to one session.
    access_link_id: int | None = Field(
        default=None, foreign_key="access_link.id", ondelete="CASCADE", index=True
    )
    ip: str = Field(default="", max_length=64)


class OneTimeToken(SQLModel, table=True):
    """A set-password link: from an invitation or a password reset; usable once."""

    __tablename__ = "one_time_token"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", ondelete="CASCADE", index=True)
    purpose: OneTimeTokenPurpose = Field(sa_type=enum_type(OneTimeTokenPurpose))
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
