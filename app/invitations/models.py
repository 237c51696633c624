"""The outbox: messages (invitations, reset links) waiting to be sent or read."""

from datetime import datetime

from sqlalchemy import LargeBinary, text
from sqlmodel import Field, SQLModel

from app.db import UTCDateTime


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
    html_body: str = Field(
        default="", max_length=100000, sa_column_kwargs={"server_default": text("''")}
    )
    # Sending: a failed attempt keeps the message queued with its error, to be retried.
    attempts: int = Field(default=0, sa_column_kwargs={"server_default": text("0")})
    last_error: str = Field(
        default="", max_length=2000, sa_column_kwargs={"server_default": text("''")}
    )
    last_attempt_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # What the message is, so a reminder or an invitation is never queued twice.
    dedupe_key: str | None = Field(default=None, max_length=200, unique=True, index=True)
    session_id: int | None = Field(
        default=None, foreign_key="learning_session.id", ondelete="SET NULL", index=True
    )
    person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL", index=True
    )


class OutboxAttachment(SQLModel, table=True):
    """A file sent with an outbox message: a PDF, or the calendar invitation."""

    __tablename__ = "outbox_attachment"

    id: int | None = Field(default=None, primary_key=True)
    message_id: int = Field(foreign_key="outbox_message.id", ondelete="CASCADE", index=True)
    position: int = Field(default=0)
    filename: str = Field(max_length=200)
    # The full MIME type, parameters included: "text/calendar; method=REQUEST".
    content_type: str = Field(max_length=100)
    data: bytes = Field(sa_type=LargeBinary)
