from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app.forms import FormChoices, FormLine, FormParagraph
from app.learning_sessions.schemas import SessionDate
from app.schemas import _no_nul
from app.vocabulary import EvidenceSource, IntegrationLevel, PartnershipCondition, Perspective

Excerpt = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=8000),
    AfterValidator(_no_nul),
]


def _distinct(conditions: list[PartnershipCondition]) -> list[PartnershipCondition]:
    return list(dict.fromkeys(conditions))


Conditions = Annotated[
    list[PartnershipCondition], Field(min_length=1, max_length=4), AfterValidator(_distinct)
]


class EvidenceCreate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    source: EvidenceSource
    observed_on: SessionDate
    perspective: Perspective
    level: IntegrationLevel
    conditions: Conditions
    quote_consent: bool = False
    excerpt: Excerpt


class EvidenceFilter(BaseModel):
    condition: PartnershipCondition | None = None
    level: IntegrationLevel | None = None
    source: EvidenceSource | None = None
    perspective: Perspective | None = None
    observed_from: SessionDate | None = None
    observed_until: SessionDate | None = None
    text: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""


class EvidenceForm(BaseModel):
    """The evidence form as posted: the ticked conditions, the consent box ticked or not."""

    source: FormLine = ""
    observed_on: FormLine = ""
    perspective: FormLine = ""
    level: FormLine = ""
    conditions: FormChoices = []
    quote_consent: FormLine = ""
    excerpt: FormParagraph = ""

    def to_create(self) -> EvidenceCreate:
        # An unticked checkbox sends nothing: that is "no".
        return EvidenceCreate.model_validate(
            {**self.model_dump(), "quote_consent": self.quote_consent or False}
        )
