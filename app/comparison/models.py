"""Links between initiatives: a good practice of one that addresses a barrier of another."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.db import UTCDateTime


class PracticeLink(SQLModel, table=True):
    """A good practice linked to a barrier line of another initiative's published factsheet
    section, with the reason; a row exists only once the facilitator confirmed it, so only
    confirmed links are ever shown to others."""

    __tablename__ = "practice_link"
    __table_args__ = (UniqueConstraint("good_practice_id", "section_id", "barrier"),)

    id: int | None = Field(default=None, primary_key=True)
    good_practice_id: int = Field(foreign_key="good_practice.id", ondelete="CASCADE", index=True)
    section_id: int = Field(foreign_key="factsheet_section.id", ondelete="CASCADE", index=True)
    barrier: str = Field(max_length=1000)  # the barrier line as the section writes it
    reason: str = Field(max_length=500)  # why it addresses the barrier, shown with the link
    confirmed_by_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    confirmed_at: datetime = Field(sa_type=UTCDateTime)
