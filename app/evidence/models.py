from datetime import date

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, Relationship, SQLModel

from app.db import Timestamped, enum_type
from app.vocabulary import EvidenceSource, IntegrationLevel, PartnershipCondition, Perspective

RAISE = {"lazy": "raise"}


class EvidenceItemBase(SQLModel):
    source: EvidenceSource = Field(sa_type=enum_type(EvidenceSource), index=True)
    observed_on: date = Field(index=True)
    perspective: Perspective = Field(sa_type=enum_type(Perspective), index=True)
    level: "IntegrationLevel" = Field(sa_type=enum_type(IntegrationLevel), index=True)
    # Only excerpts whose consent covers quoting may appear as quotes in a factsheet.
    quote_consent: bool = Field(default=False)
    excerpt: str = Field(max_length=8000)


class EvidenceItem(EvidenceItemBase, Timestamped, table=True):
    """An anonymised, coded observation: the raw material of factsheets."""

    __tablename__ = "evidence_item"
    __table_args__ = (UniqueConstraint("initiative_id", "fingerprint"),)

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", ondelete="RESTRICT", index=True)
    recorded_by_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL", index=True
    )
    # Hash of the coded content: a re-import of the same CSV row is recognised, not duplicated.
    fingerprint: str = Field(max_length=64)

    conditions: list["EvidenceCondition"] = Relationship(
        sa_relationship_kwargs=RAISE, cascade_delete=True
    )


class EvidenceCondition(SQLModel, table=True):
    """One of the partnership conditions an evidence item speaks to."""

    __tablename__ = "evidence_condition"
    __table_args__ = (Index("ix_evidence_condition_condition", "condition"),)

    evidence_item_id: int = Field(
        foreign_key="evidence_item.id", ondelete="CASCADE", primary_key=True
    )
    condition: PartnershipCondition = Field(
        sa_type=enum_type(PartnershipCondition), primary_key=True
    )


class EvidenceOrigin(SQLModel, table=True):
    """Where a learning-session excerpt came from: a discussed reflection or an agenda item's
    minutes. The trail from finding to revised finding follows it; the excerpt itself is an
    anonymised copy, so the author's name is never in the evidence."""

    __tablename__ = "evidence_origin"

    evidence_item_id: int = Field(
        foreign_key="evidence_item.id", ondelete="CASCADE", primary_key=True
    )
    session_id: int = Field(foreign_key="learning_session.id", ondelete="CASCADE", index=True)
    reflection_id: int | None = Field(
        default=None, foreign_key="reflection.id", ondelete="SET NULL", index=True
    )
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agenda_item.id", ondelete="SET NULL", index=True
    )
