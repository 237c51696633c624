"""Personal access links, stored only as the hash of their token."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.db import UTCDateTime


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
