"""Form input for dilemmas and good practices."""

from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

from app.forms import FormLine, FormParagraph
from app.schemas import EntityId, RequiredName, _no_nul
from app.vocabulary import IntegrationLevel, PartnershipCondition


class ContributionKind(StrEnum):
    """What an initiative brings: the values match AgendaItemKind's."""

    dilemma = "dilemma"
    good_practice = "good_practice"


Description = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=8000),
    AfterValidator(_no_nul),
]


class ContributionCreate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    kind: ContributionKind
    title: RequiredName
    description: Description
    condition: PartnershipCondition
    level: IntegrationLevel
    session_id: EntityId | None = None


class ContributionForm(BaseModel):
    """The contribution form as posted; no session chosen is "not yet"."""

    kind: FormLine = ""
    title: FormLine = ""
    description: FormParagraph = ""
    condition: FormLine = ""
    level: FormLine = ""
    session_id: FormLine = ""

    def to_create(self) -> ContributionCreate:
        return ContributionCreate.model_validate(
            {**self.model_dump(), "session_id": self.session_id.strip() or None}
        )
