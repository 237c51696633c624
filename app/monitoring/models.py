from datetime import date

from sqlalchemy import UniqueConstraint, text
from sqlmodel import Field

from app.db import Timestamped, Versioned, enum_type
from app.vocabulary import IntegrationLevel, PartnershipCondition


class MonitoringIndicator(Versioned, Timestamped, table=True):
    """Something an initiative measures, with where it started and where it aims to be."""

    __tablename__ = "monitoring_indicator"
    __table_args__ = (UniqueConstraint("initiative_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", ondelete="RESTRICT", index=True)
    name: str = Field(max_length=200)
    condition: PartnershipCondition = Field(sa_type=enum_type(PartnershipCondition))
    level: IntegrationLevel = Field(sa_type=enum_type(IntegrationLevel))
    source: str = Field(default="", max_length=300)
    unit: str = Field(default="", max_length=40)
    baseline: float | None = None
    target: float | None = None
    # Versioned's column, with the server default that filled the rows before it existed.
    version: int = Field(default=1, nullable=False, sa_column_kwargs={"server_default": text("1")})


class Measurement(Timestamped, table=True):
    __tablename__ = "measurement"
    __table_args__ = (UniqueConstraint("indicator_id", "measured_on"),)

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="monitoring_indicator.id", ondelete="CASCADE", index=True)
    measured_on: date
    value: float
