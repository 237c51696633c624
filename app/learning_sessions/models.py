from datetime import date, datetime

from sqlalchemy import CheckConstraint, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from app.db import Timestamped, UTCDateTime, Versioned, enum_type
from app.time_zone import community_zone_name
from app.vocabulary import SessionStatus


class LearningSessionBase(SQLModel):
    number: int = Field(ge=1, le=1000)
    starts_at: datetime = Field(sa_type=UTCDateTime, index=True)
    # IANA zone the session is held in, so times show as the participants know them.
    timezone: str = Field(default_factory=community_zone_name, max_length=64)
    place: str = Field(default="", max_length=300)
    online_url: str = Field(default="", max_length=500)
    focus: str = Field(default="", max_length=2000)
    reflection_deadline: date | None = None


class LearningSession(LearningSessionBase, Versioned, Timestamped, table=True):
    __tablename__ = "learning_session"
    __table_args__ = (UniqueConstraint("community_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="learning_community.id", ondelete="RESTRICT", index=True)
    chair_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL", index=True
    )
    status: SessionStatus = Field(
        default=SessionStatus.planned, sa_type=enum_type(SessionStatus), index=True
    )
    # Set when "prepared" was chosen although composition or factsheets were incomplete.
    prepared_override_reason: str | None = Field(default=None, max_length=2000)
    # The end of the time slot; the agenda's total is measured against it.
    ends_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Raised whenever an agenda item is added, changed, moved or removed: the agenda's
    # optimistic lock (chair and facilitator edit it together) and its content version.
    agenda_version: int = Field(default=0, sa_column_kwargs={"server_default": text("0")})
    agenda_published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # agenda_version when it was last published: a later version is an unannounced change.
    agenda_published_version: int | None = None
    # The calendar invitation's SEQUENCE: raised only when date, time or place changes.
    calendar_sequence: int = Field(default=0, sa_column_kwargs={"server_default": text("0")})
    cancelled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # When the facilitator published the session report (participants may read it then).
    report_published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Attendance(Timestamped, table=True):
    """One person's invitation to, and presence at, one session."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="learning_session.id", ondelete="CASCADE", index=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    invited: bool = Field(default=True)
    # None until attendance is recorded after the session.
    attended: bool | None = None
    # The table or break-out group the person took part in ("" when the session had none).
    group_name: str = Field(
        default="", max_length=100, sa_column_kwargs={"server_default": text("''")}
    )


class SessionEvaluation(Timestamped, table=True):
    __tablename__ = "session_evaluation"
    __table_args__ = (
        UniqueConstraint("session_id", "person_id"),
        CheckConstraint("usefulness BETWEEN 1 AND 5", name="usefulness_range"),
        CheckConstraint("family_voice BETWEEN 1 AND 5", name="family_voice_range"),
        CheckConstraint("preparation BETWEEN 1 AND 5", name="preparation_range"),
        CheckConstraint(
            "come_again IS NULL OR come_again BETWEEN 1 AND 5", name="come_again_range"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="learning_session.id", ondelete="CASCADE", index=True)
    person_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL", index=True
    )
    # 1–5: how well the session was prepared, how useful it was, how much room the family
    # perspective had, and whether they would come again (None: asked before that question).
    preparation: int = Field(ge=1, le=5)
    usefulness: int = Field(ge=1, le=5)
    family_voice: int = Field(ge=1, le=5)
    come_again: int | None = Field(default=None, ge=1, le=5)
    comment: str = Field(default="", max_length=4000)
