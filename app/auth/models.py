"""Accounts, server-side sessions, tokens, the outbox, rate-limit counters and the audit log.

Every secret handed to a browser or a client (session id, access link, set-password link,
API token) is stored only as its SHA-256 hash.
"""

from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
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


class ApiToken(SQLModel, table=True):
    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", ondelete="CASCADE", index=True)
    name: str = Field(max_length=100)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(sa_type=UTCDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class AccessLink(SQLModel, table=True):
    """A personal sign-in link for someone without a password (family representatives, youth)."""

    __tablename__ = "access_link"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    # None: the whole community; otherwise only this learning session.
    session_id: int | None = Field(
        default=None, foreign_key="learning_session.id", ondelete="CASCADE", index=True
    )
    token_hash: str = Field(max_length=64, unique=True)
    created_by_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    created_at: datetime = Field(sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    first_used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


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


class OutboxMessage(SQLModel, table=True):
    """An e-mail to send; without SMTP it waits here for a facilitator to read."""

    __tablename__ = "outbox_message"

    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="learning_community.id", ondelete="CASCADE", index=True)
    recipient: str = Field(max_length=254)
    subject: str = Field(max_length=300)
    body: str = Field(max_length=20000)
    created_at: datetime = Field(sa_type=UTCDateTime, index=True)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class RateLimitCounter(SQLModel, table=True):
    """Attempts per key and fixed window, in the database so every worker counts together."""

    __tablename__ = "rate_limit_counter"
    __table_args__ = (UniqueConstraint("key", "window_start"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=300)
    window_start: datetime = Field(sa_type=UTCDateTime, index=True)
    count: int = Field(default=0)


class AuditEntry(SQLModel, table=True):
    """Who did what, when and from where; never a password or token."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_action_at", "action", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=UTCDateTime, index=True)
    action: str = Field(max_length=60)
    actor_person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL", index=True
    )
    # What was typed or who acted, kept when the person is gone (e.g. a failed sign-in's email).
    actor_label: str = Field(default="", max_length=254)
    subject: str = Field(default="", max_length=300)
    detail: str = Field(default="", max_length=2000)
    ip: str = Field(default="", max_length=64)
    # Scope: entries about one initiative are visible to nobody outside it.
    initiative_id: int | None = Field(
        default=None, foreign_key="initiative.id", ondelete="SET NULL", index=True
    )
