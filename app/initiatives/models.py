from sqlalchemy import UniqueConstraint
from sqlmodel import Field, Relationship, SQLModel

from app.db import Timestamped, Versioned, enum_type
from app.vocabulary import FundingArrangement, InitiativeStatus

RAISE = {"lazy": "raise"}


class InitiativeBase(SQLModel):
    name: str = Field(max_length=200)
    target_group: str = Field(default="", max_length=2000)
    funding_arrangement: FundingArrangement = Field(
        sa_type=enum_type(FundingArrangement), index=True
    )
    funding_notes: str = Field(default="", max_length=2000)
    monitoring_approach: str = Field(default="", max_length=2000)


class Initiative(InitiativeBase, Versioned, Timestamped, table=True):
    __tablename__ = "initiative"
    __table_args__ = (UniqueConstraint("community_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    # RESTRICT: a community with initiatives is closed, never deleted.
    community_id: int = Field(foreign_key="learning_community.id", ondelete="RESTRICT", index=True)
    status: InitiativeStatus = Field(
        default=InitiativeStatus.active, sa_type=enum_type(InitiativeStatus), index=True
    )
    municipalities: list["InitiativeMunicipality"] = Relationship(
        sa_relationship_kwargs={**RAISE, "order_by": "InitiativeMunicipality.position"},
        cascade_delete=True,
    )
    disciplines: list["InitiativeDiscipline"] = Relationship(
        sa_relationship_kwargs={**RAISE, "order_by": "InitiativeDiscipline.position"},
        cascade_delete=True,
    )


class InitiativeMunicipality(SQLModel, table=True):
    """A municipality an initiative works in; a row each so lists can filter on it."""

    __tablename__ = "initiative_municipality"

    initiative_id: int = Field(foreign_key="initiative.id", ondelete="CASCADE", primary_key=True)
    name: str = Field(max_length=120, primary_key=True, index=True)
    position: int = Field(default=0)


class InitiativeDiscipline(SQLModel, table=True):
    """A discipline in the initiative's multidisciplinary team."""

    __tablename__ = "initiative_discipline"

    initiative_id: int = Field(foreign_key="initiative.id", ondelete="CASCADE", primary_key=True)
    name: str = Field(max_length=120, primary_key=True, index=True)
    position: int = Field(default=0)
