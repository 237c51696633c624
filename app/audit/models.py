"""The audit log's table."""

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from app.db import UTCDateTime


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
