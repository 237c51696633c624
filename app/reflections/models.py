from datetime import datetime

from sqlalchemy import CheckConstraint, text
from sqlmodel import Field, SQLModel

from app.db import Timestamped, UTCDateTime, Versioned, enum_type, utcnow
from app.vocabulary import Perspective, ReflectionStatus, ReflectionVisibility


class ReflectionBase(SQLModel):
    text: str = Field(max_length=8000)
    perspective: Perspective = Field(sa_type=enum_type(Perspective))
    visibility: ReflectionVisibility = Field(
        default=ReflectionVisibility.session, sa_type=enum_type(ReflectionVisibility)
    )


class Reflection(ReflectionBase, Versioned, Timestamped, table=True):
    """A participant's answer to a factsheet, a reflective question or a dilemma, or a
    reflection on the session in general (none of the three)."""

    __tablename__ = "reflection"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN factsheet_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN reflective_question_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN dilemma_id IS NULL THEN 0 ELSE 1 END) <= 1",
            name="answers_at_most_one",
        ),
        CheckConstraint("hidden_at IS NULL OR hidden_reason <> ''", name="hidden_with_a_reason"),
    )

    id: int | None = Field(default=None, primary_key=True)
    # RESTRICT: erasing a person anonymises their reflections instead (privacy promise).
    author_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="RESTRICT", index=True
    )
    session_id: int = Field(foreign_key="learning_session.id", ondelete="RESTRICT", index=True)
    factsheet_id: int | None = Field(
        default=None, foreign_key="factsheet.id", ondelete="RESTRICT", index=True
    )
    reflective_question_id: int | None = Field(
        default=None, foreign_key="reflective_question.id", ondelete="RESTRICT", index=True
    )
    dilemma_id: int | None = Field(
        default=None, foreign_key="dilemma.id", ondelete="RESTRICT", index=True
    )
    # Whether the author allowed the reflection to be used as evidence.
    evidence_consent: bool = Field(default=False)
    # A draft is the author's alone; submitted reflections are read as visibility allows.
    status: ReflectionStatus = Field(
        default=ReflectionStatus.submitted,
        sa_type=enum_type(ReflectionStatus),
        sa_column_kwargs={"server_default": ReflectionStatus.submitted.value},
        index=True,
    )
    submitted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # False: shown as "a family representative" (the author's perspective), not by name.
    shows_name: bool = Field(default=True, sa_column_kwargs={"server_default": text("true")})
    # The facilitator hides, never edits: the author sees that it was hidden, and why.
    hidden_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    hidden_reason: str = Field(
        default="", max_length=1000, sa_column_kwargs={"server_default": text("''")}
    )
    hidden_by_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL", index=True
    )


class ReflectionFollowUp(SQLModel, table=True):
    """What was done with a reflection: the agenda item that discussed it and the revised
    finding (a factsheet section) that followed. The actions that followed name the reflection
    themselves (``Action.reflection_id``)."""

    __tablename__ = "reflection_follow_up"

    reflection_id: int = Field(foreign_key="reflection.id", ondelete="CASCADE", primary_key=True)
    discussed_in_item_id: int | None = Field(
        default=None, foreign_key="agenda_item.id", ondelete="SET NULL", index=True
    )
    revised_section_id: int | None = Field(
        default=None, foreign_key="factsheet_section.id", ondelete="SET NULL", index=True
    )
    recorded_by_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL", index=True
    )
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
