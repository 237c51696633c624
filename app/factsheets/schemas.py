from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

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
