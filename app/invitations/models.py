"""The outbox: messages (invitations, reset links) waiting to be sent or read."""

from datetime import datetime

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
