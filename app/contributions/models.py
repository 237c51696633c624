"""Dilemmas and good practices: what initiatives bring to a session themselves."""

from sqlmodel import Field, SQLModel

from app.db import Timestamped, enum_type
from app.vocabulary import ContributionStatus, IntegrationLevel, PartnershipCondition


class ContributionBase(SQLModel):
    title: str = Field(max_length=200)
    description: str = Field(max_length=8000)
    condition: PartnershipCondition = Field(sa_type=enum_type(PartnershipCondition), index=True)
    level: IntegrationLevel = Field(sa_type=enum_type(IntegrationLevel))


class ContributionColumns(ContributionBase, Timestamped):
    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", ondelete="RESTRICT", index=True)
    session_id: int | None = Field(
        default=None, foreign_key="learning_session.id", ondelete="SET NULL", index=True
    )
    submitted_by_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    status: ContributionStatus = Field(
        default=ContributionStatus.submitted, sa_type=enum_type(ContributionStatus), index=True
    )


class Dilemma(ContributionColumns, table=True):
    __tablename__ = "dilemma"


class GoodPractice(ContributionColumns, table=True):
    __tablename__ = "good_practice"
