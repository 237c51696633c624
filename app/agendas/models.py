from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.db import Timestamped, Versioned, enum_type
from app.vocabulary import AgendaItemKind, IntegrationLevel, PartnershipCondition, Role


class ReflectiveQuestionBase(SQLModel):
    text: str = Field(max_length=1000)
    plain_text: str = Field(default="", max_length=1000)
    condition: PartnershipCondition = Field(sa_type=enum_type(PartnershipCondition), index=True)
    level: IntegrationLevel = Field(sa_type=enum_type(IntegrationLevel))
    # Role values the question is addressed to; empty means everyone.
    target_roles: list[Role] = Field(default_factory=list, sa_type=JSON)


class ReflectiveQuestion(ReflectiveQuestionBase, Versioned, Timestamped, table=True):
    __tablename__ = "reflective_question"

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="learning_session.id", ondelete="CASCADE", index=True)
    position: int = Field(default=0)


class AgendaItem(Versioned, Timestamped, table=True):
    """One block of a session's agenda, possibly built around a dilemma, practice or question."""

    __tablename__ = "agenda_item"
    __table_args__ = (UniqueConstraint("session_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="learning_session.id", ondelete="CASCADE", index=True)
    position: int = Field(ge=0)
    kind: AgendaItemKind = Field(sa_type=enum_type(AgendaItemKind))
    title: str = Field(max_length=300)
    duration_minutes: int = Field(default=15, ge=0, le=600)
    minutes: str = Field(default="", max_length=20000)  # what was said and agreed
    owner_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    dilemma_id: int | None = Field(default=None, foreign_key="dilemma.id", ondelete="SET NULL")
    good_practice_id: int | None = Field(
        default=None, foreign_key="good_practice.id", ondelete="SET NULL"
    )
    reflective_question_id: int | None = Field(
        default=None, foreign_key="reflective_question.id", ondelete="SET NULL"
    )
