from datetime import date

from sqlmodel import Field, SQLModel

from app.db import Timestamped, Versioned, enum_type
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
