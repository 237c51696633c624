from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app.forms import FormChoices, FormLine, FormParagraph
from app.schemas import EntityId, Version, _no_nul
from app.vocabulary import IntegrationLevel

SectionText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=8000), AfterValidator(_no_nul)
]
AnalysisText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=20000), AfterValidator(_no_nul)
]


class SectionUpdate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: Version
    analysis: AnalysisText = ""
    facilitators: SectionText = ""
    barriers: SectionText = ""
    levels: Annotated[list[IntegrationLevel], Field(max_length=4)] = []
    evidence_ids: Annotated[list[EntityId], Field(max_length=12)] = []


class SummaryUpdate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: Version
    plain_language_summary: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=4000), AfterValidator(_no_nul)
    ] = ""


class SectionForm(BaseModel):
    """A section as the editor posts it; ``SectionUpdate`` holds the rules."""

    version: FormLine = ""
    analysis: FormParagraph = ""
    facilitators: FormParagraph = ""
    barriers: FormParagraph = ""
    levels: FormChoices = []
    evidence_ids: FormChoices = []

    def to_update(self) -> SectionUpdate:
        return SectionUpdate.model_validate(self.model_dump())


class SummaryForm(BaseModel):
    """The plain-language summary as posted."""

    version: FormLine = ""
    plain_language_summary: FormParagraph = ""

    def to_update(self) -> SummaryUpdate:
        return SummaryUpdate.model_validate(self.model_dump())
