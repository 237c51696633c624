from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from app.schemas import ListEntry, LongText, RequiredName, ShortText, Version
from app.vocabulary import FundingArrangement, InitiativeStatus

Names = Annotated[list[ListEntry], Field(max_length=20)]


class InitiativeCreate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: RequiredName
    target_group: LongText = ""
    funding_arrangement: FundingArrangement
    funding_notes: LongText = ""
    monitoring_approach: LongText = ""
    municipalities: Names = []
    disciplines: Names = []


class InitiativeUpdate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: Version
    name: RequiredName | None = None
    target_group: LongText | None = None
    funding_arrangement: FundingArrangement | None = None
    funding_notes: LongText | None = None
    monitoring_approach: LongText | None = None
    municipalities: Names | None = None
    disciplines: Names | None = None


class InitiativePublic(BaseModel):
    id: int
    community_id: int
    name: str
    status: InitiativeStatus
    target_group: str
    funding_arrangement: FundingArrangement
    funding_notes: str
    monitoring_approach: str
    municipalities: list[str]
    disciplines: list[str]
    version: int
    created_at: datetime
    updated_at: datetime


class InitiativeFilter(BaseModel):
    """What the initiatives list is narrowed to; empty fields do not narrow it."""

    model_config = ConfigDict(extra="ignore")

    q: ShortText = ""
    municipality: ShortText = ""
    funding_arrangement: FundingArrangement | None = None
    discipline: ShortText = ""
    show_archived: bool = False


def split_names(text: str) -> list[str]:
    """Names typed one a line or separated by commas, blanks left out."""
    return [part.strip() for line in text.splitlines() for part in line.split(",") if part.strip()]
