from datetime import date, datetime

from sqlmodel import Field, SQLModel

from app.db import Timestamped, UTCDateTime, Versioned, enum_type, utcnow
from app.vocabulary import ActionStatus, IntegrationLevel, PartnershipCondition, PdsaStage


class ActionBase(SQLModel):
    title: str = Field(max_length=300)
    description: str = Field(default="", max_length=4000)
    condition: PartnershipCondition = Field(sa_type=enum_type(PartnershipCondition), index=True)
    level: IntegrationLevel = Field(sa_type=enum_type(IntegrationLevel))
    pdsa_stage: PdsaStage = Field(default=PdsaStage.plan, sa_type=enum_type(PdsaStage))
    due_date: date | None = None
    status: ActionStatus = Field(
        default=ActionStatus.open, sa_type=enum_type(ActionStatus), index=True
    )


class Action(ActionBase, Versioned, Timestamped, table=True):
    """An improvement an initiative commits to in one session and reviews in the next."""

    __tablename__ = "action"

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", ondelete="RESTRICT", index=True)
    owner_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL", index=True
    )
    opened_in_session_id: int = Field(
        foreign_key="learning_session.id", ondelete="RESTRICT", index=True
    )
    review_session_id: int | None = Field(
        default=None, foreign_key="learning_session.id", ondelete="SET NULL", index=True
    )
    # What led to it: an agenda item, a dilemma or a reflection of the session (any, or none).
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agenda_item.id", ondelete="SET NULL", index=True
    )
    dilemma_id: int | None = Field(
        default=None, foreign_key="dilemma.id", ondelete="SET NULL", index=True
    )
    reflection_id: int | None = Field(
        default=None, foreign_key="reflection.id", ondelete="SET NULL", index=True
    )


class ActionProgress(SQLModel, table=True):
    """One update during the action period: the status and PDSA stage then, and a note."""

    __tablename__ = "action_progress"

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="action.id", ondelete="CASCADE", index=True)
    author_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL", index=True
    )
    status: ActionStatus = Field(sa_type=enum_type(ActionStatus))
    pdsa_stage: PdsaStage = Field(sa_type=enum_type(PdsaStage))
    note: str = Field(default="", max_length=1000)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
