from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from app.db import Timestamped, Versioned, enum_type
from app.vocabulary import Perspective, ReflectionVisibility


class ReflectionBase(SQLModel):
    text: str = Field(max_length=8000)
    perspective: Perspective = Field(sa_type=enum_type(Perspective))
    visibility: ReflectionVisibility = Field(
        default=ReflectionVisibility.session, sa_type=enum_type(ReflectionVisibility)
    )


class Reflection(ReflectionBase, Versioned, Timestamped, table=True):
    """A participant's answer to a factsheet, a reflective question or a dilemma."""

    __tablename__ = "reflection"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN factsheet_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN reflective_question_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN dilemma_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="answers_exactly_one",
        ),
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
