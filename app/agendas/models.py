from sqlalchemy import JSON, LargeBinary, UniqueConstraint, text
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


class BankQuestion(ReflectiveQuestionBase, Timestamped, table=True):
    """A question in the community's bank, per condition and level, to pick for a session.

    Seeded with the classic questions; every question a chair writes for a session joins it.
    """

    __tablename__ = "bank_question"

    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="learning_community.id", ondelete="CASCADE", index=True)
    language: str = Field(max_length=8, index=True)
    created_by_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")


class ReflectiveQuestion(ReflectiveQuestionBase, Versioned, Timestamped, table=True):
    __tablename__ = "reflective_question"

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="learning_session.id", ondelete="CASCADE", index=True)
    position: int = Field(default=0)
    # The bank question it was picked from (or added to the bank as); the wording may differ.
    # No foreign key (see migration 0006); bank questions are never deleted.
    bank_question_id: int | None = Field(default=None, index=True)


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
    # How long the item really took, recorded with the minutes; None: not recorded.
    actual_minutes: int | None = Field(default=None, ge=0, le=600)
    # For the chair and facilitators only: never in a participant's page or document.
    chair_notes: str = Field(
        default="", max_length=4000, sa_column_kwargs={"server_default": text("''")}
    )
    owner_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    dilemma_id: int | None = Field(default=None, foreign_key="dilemma.id", ondelete="SET NULL")
    good_practice_id: int | None = Field(
        default=None, foreign_key="good_practice.id", ondelete="SET NULL"
    )
    reflective_question_id: int | None = Field(
        default=None, foreign_key="reflective_question.id", ondelete="SET NULL"
    )


class SessionDocument(Timestamped, table=True):
    """A rendered agenda, plain-language agenda or briefing pack, kept per content version."""

    __tablename__ = "session_document"
    __table_args__ = (UniqueConstraint("session_id", "kind", "language"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="learning_session.id", ondelete="CASCADE", index=True)
    kind: str = Field(max_length=20)  # "agenda", "plain_agenda" or "briefing"
    language: str = Field(max_length=8)
    content_hash: str = Field(max_length=64)
    template_version: str = Field(max_length=40)
    pdf: bytes = Field(sa_type=LargeBinary)
