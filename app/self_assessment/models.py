"""Self-assessment: members score their initiative on each condition, per session."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.db import Timestamped, UTCDateTime, enum_type
from app.vocabulary import PartnershipCondition, Role


class SelfAssessment(Timestamped, table=True):
    """One member's score of one condition of their initiative for one session, on the four
    written levels (1–4), with a short evidence note."""

    __tablename__ = "self_assessment"
    __table_args__ = (UniqueConstraint("session_id", "initiative_id", "person_id", "condition"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="learning_session.id", ondelete="CASCADE", index=True)
    initiative_id: int = Field(foreign_key="initiative.id", ondelete="RESTRICT", index=True)
    # SET NULL: an erased member's score stays as a number, without them.
    person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL", index=True
    )
    # The role they scored in, kept so the spread per role holds when memberships change.
    role: Role = Field(sa_type=enum_type(Role))
    condition: PartnershipCondition = Field(sa_type=enum_type(PartnershipCondition))
    level: int = Field(ge=1, le=4)
    note: str = Field(default="", max_length=500)


class SelfAssessmentRelease(SQLModel, table=True):
    """An initiative's scores and notes for a session, published to the rest of the community;
    before this row exists only its own members (and the facilitator) see them."""

    __tablename__ = "self_assessment_release"

    session_id: int = Field(foreign_key="learning_session.id", ondelete="CASCADE", primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", ondelete="RESTRICT", primary_key=True)
    released_at: datetime = Field(sa_type=UTCDateTime)
    released_by_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
