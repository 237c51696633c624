from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, LargeBinary, UniqueConstraint, text
from sqlmodel import Field, Relationship, SQLModel

from app.db import Timestamped, UTCDateTime, Versioned, enum_type
from app.vocabulary import (
    FactsheetStatus,
    IntegrationLevel,
    PartnershipCondition,
    RenderJobStatus,
    Trend,
)

RAISE = {"lazy": "raise"}


class Factsheet(Versioned, Timestamped, table=True):
    """One version of an initiative's analysis for one session; published versions are frozen."""

    __tablename__ = "factsheet"
    __table_args__ = (UniqueConstraint("initiative_id", "session_id", "version_number"),)

    id: int | None = Field(default=None, primary_key=True)
    # RESTRICT: deleting an initiative or session must never take published factsheets with it.
    initiative_id: int = Field(foreign_key="initiative.id", ondelete="RESTRICT", index=True)
    session_id: int = Field(foreign_key="learning_session.id", ondelete="RESTRICT", index=True)
    version_number: int = Field(ge=1)
    status: FactsheetStatus = Field(
        default=FactsheetStatus.draft, sa_type=enum_type(FactsheetStatus), index=True
    )
    plain_language_summary: str = Field(default="", max_length=4000)
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

    sections: list["FactsheetSection"] = Relationship(
        sa_relationship_kwargs={**RAISE, "order_by": "FactsheetSection.condition"},
        cascade_delete=True,
    )


class FactsheetSection(Versioned, Timestamped, table=True):
    """The analysis of one partnership condition within a factsheet."""

    __tablename__ = "factsheet_section"
    __table_args__ = (UniqueConstraint("factsheet_id", "condition"),)

    id: int | None = Field(default=None, primary_key=True)
    factsheet_id: int = Field(foreign_key="factsheet.id", ondelete="CASCADE", index=True)
    condition: PartnershipCondition = Field(sa_type=enum_type(PartnershipCondition))
    analysis: str = Field(default="", max_length=20000)
    facilitators: str = Field(default="", max_length=8000)
    barriers: str = Field(default="", max_length=8000)
    # IntegrationLevel values; a short list that is shown, never filtered on.
    levels: list[IntegrationLevel] = Field(default_factory=list, sa_type=JSON)
    # What the plain-language factsheet says for this condition; the server default fills
    # the rows written before the column existed.
    plain_text: str = Field(
        default="", max_length=4000, sa_column_kwargs={"server_default": text("''")}
    )
    # When the researcher read and confirmed the plain text; None: still a suggestion.
    plain_confirmed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Better, same or worse than the initiative's previous session, in the researcher's
    # judgement, with a one-line reason; shown to other initiatives only once published.
    trend: Trend | None = Field(default=None, sa_type=enum_type(Trend), nullable=True)
    trend_reason: str = Field(
        default="", max_length=200, sa_column_kwargs={"server_default": text("''")}
    )


class FactsheetSectionEvidence(SQLModel, table=True):
    """An evidence item quoted in a factsheet section."""

    __tablename__ = "factsheet_section_evidence"

    section_id: int = Field(
        foreign_key="factsheet_section.id", ondelete="CASCADE", primary_key=True
    )
    evidence_item_id: int = Field(
        foreign_key="evidence_item.id", ondelete="RESTRICT", primary_key=True, index=True
    )
    position: int = Field(default=0)


class FactsheetSnapshot(SQLModel, table=True):
    """What a published version shows, frozen when it was published: its preview and PDFs are
    rendered from this, never from today's evidence, members or actions."""

    __tablename__ = "factsheet_snapshot"

    factsheet_id: int = Field(foreign_key="factsheet.id", ondelete="CASCADE", primary_key=True)
    # A FactsheetView as JSON (view.py reads and writes it); labels are translated on rendering.
    view: dict[str, Any] = Field(sa_type=JSON)
    created_at: datetime = Field(sa_type=UTCDateTime)


class FactsheetDocument(Timestamped, table=True):
    """Rendered PDF bytes, kept in the database so every instance and every backup has them."""

    __tablename__ = "factsheet_document"
    __table_args__ = (UniqueConstraint("factsheet_id", "variant", "language"),)

    id: int | None = Field(default=None, primary_key=True)
    factsheet_id: int = Field(foreign_key="factsheet.id", ondelete="RESTRICT", index=True)
    variant: str = Field(max_length=20)  # "full" or "plain"
    language: str = Field(max_length=8)
    content_hash: str = Field(max_length=64, index=True)
    template_version: str = Field(max_length=40)
    pdf: bytes = Field(sa_type=LargeBinary)


class RenderJob(SQLModel, table=True):
    """A PDF to render in the background; rows, so any instance can claim one and restarts lose nothing."""

    __tablename__ = "render_job"
    __table_args__ = (Index("ix_render_job_status_id", "status", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    factsheet_id: int = Field(foreign_key="factsheet.id", ondelete="CASCADE", index=True)
    variant: str = Field(max_length=20)
    language: str = Field(max_length=8)
    status: RenderJobStatus = Field(
        default=RenderJobStatus.queued, sa_type=enum_type(RenderJobStatus)
    )
    # Set when the job belongs to "render every factsheet of a session", for its progress bar.
    batch_session_id: int | None = Field(
        default=None, foreign_key="learning_session.id", ondelete="CASCADE", index=True
    )
    attempts: int = Field(default=0)
    error: str = Field(default="", max_length=2000)
    created_at: datetime = Field(sa_type=UTCDateTime)
    started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
