from datetime import datetime

from sqlalchemy import CheckConstraint, Index, UniqueConstraint, text
from sqlmodel import Field, Relationship, SQLModel

from app.db import Timestamped, UTCDateTime, Versioned, enum_type
from app.vocabulary import IntegrationLevel, Perspective, PreferredFormat, Role

RAISE = {"lazy": "raise"}


class PersonBase(SQLModel):
    name: str = Field(max_length=200)
    organisation: str = Field(default="", max_length=200)
    # Stored lower-cased (see service) so the unique constraint is case-insensitive.
    email: str | None = Field(default=None, max_length=254, unique=True)
    accessibility_needs: str = Field(default="", max_length=1000)
    preferred_format: PreferredFormat = Field(
        default=PreferredFormat.standard, sa_type=enum_type(PreferredFormat)
    )


class Person(PersonBase, Versioned, Timestamped, table=True):
    __tablename__ = "person"

    # The language of the emails this person gets ("en" or "nl"); the server default fills
    # the rows written before the column existed.
    language: str = Field(default="nl", max_length=8, sa_column_kwargs={"server_default": "nl"})
    # Accessibility needs are for the facilitator; the chair sees them only if this is set.
    shares_needs_with_chair: bool = Field(
        default=False, sa_column_kwargs={"server_default": text("false")}
    )

    # When the facilitator erased the person: the record stays, emptied, so counts and
    # references hold (app.privacy.erasure).
    erased_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

    id: int | None = Field(default=None, primary_key=True)
    community_id: int = Field(foreign_key="learning_community.id", ondelete="RESTRICT", index=True)

    # passive_deletes: the database's ON DELETE CASCADE removes them with the person.
    memberships: list["Membership"] = Relationship(
        back_populates="person", sa_relationship_kwargs=RAISE, passive_deletes=True
    )


class MembershipBase(SQLModel):
    role: Role = Field(sa_type=enum_type(Role), index=True)
    perspective: Perspective = Field(sa_type=enum_type(Perspective))
    level: IntegrationLevel = Field(sa_type=enum_type(IntegrationLevel))


class Membership(MembershipBase, Timestamped, table=True):
    """A person's role in the community (initiative_id empty) or in one initiative."""

    __tablename__ = "membership"
    __table_args__ = (
        UniqueConstraint("person_id", "initiative_id", "role"),
        Index("ix_membership_community_id_role", "community_id", "role"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    community_id: int = Field(foreign_key="learning_community.id", ondelete="RESTRICT", index=True)
    initiative_id: int | None = Field(
        default=None, foreign_key="initiative.id", ondelete="RESTRICT", index=True
    )

    person: "Person" = Relationship(back_populates="memberships", sa_relationship_kwargs=RAISE)


class Consent(SQLModel, table=True):
    """What a person agreed to, in which wording, and when they withdrew it."""

    __tablename__ = "consent"
    __table_args__ = (
        CheckConstraint(
            "withdrawn_at IS NULL OR withdrawn_at >= given_at", name="withdrawn_after_given"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    purpose: str = Field(max_length=200)
    wording_version: str = Field(max_length=40)
    given_at: datetime = Field(sa_type=UTCDateTime)
    withdrawn_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
