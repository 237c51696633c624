from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from app.forms import FormLine, FormParagraph
from app.initiatives.models import Initiative
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


class InitiativeForm(BaseModel):
    """The initiative form as posted, for creating and editing: the name lists as typed."""

    name: FormLine = ""
    target_group: FormParagraph = ""
    municipalities: FormParagraph = ""
    disciplines: FormParagraph = ""
    funding_arrangement: FormLine = ""
    funding_notes: FormParagraph = ""
    monitoring_approach: FormParagraph = ""
    version: FormLine = ""

    @classmethod
    def of(cls, initiative: Initiative) -> "InitiativeForm":
        """The stored initiative, to edit."""
        return cls(
            name=initiative.name,
            target_group=initiative.target_group,
            municipalities="\n".join(m.name for m in initiative.municipalities),
            disciplines="\n".join(d.name for d in initiative.disciplines),
            funding_arrangement=initiative.funding_arrangement,
            funding_notes=initiative.funding_notes,
            monitoring_approach=initiative.monitoring_approach,
            version=str(initiative.version),
        )

    def _values(self) -> dict[str, Any]:
        """As the schemas read it: the name lists split, an unchosen arrangement left out."""
        values = self.model_dump(exclude={"version"})
        values["municipalities"] = split_names(self.municipalities)
        values["disciplines"] = split_names(self.disciplines)
        if not self.funding_arrangement:
            del values["funding_arrangement"]
        return values

    def to_create(self) -> InitiativeCreate:
        return InitiativeCreate.model_validate(self._values())

    def to_update(self) -> InitiativeUpdate:
        return InitiativeUpdate.model_validate({**self._values(), "version": self.version})
