from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from app.forms import FormChoices, FormLine, FormParagraph
from app.labels import N_
from app.schemas import EntityId, Version, _no_nul
from app.vocabulary import IntegrationLevel, Trend

SectionText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=8000), AfterValidator(_no_nul)
]
AnalysisText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=20000), AfterValidator(_no_nul)
]
PlainText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=4000), AfterValidator(_no_nul)
]
TREND_REASON_LENGTH = 200
TrendReason = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=TREND_REASON_LENGTH),
    AfterValidator(_no_nul),
]

# The section form's own messages, next to the plain-text fields (app.forms.field_errors).
SECTION_FIELD_MESSAGES = {
    "plain_text": N_("Keep the plain text under 4000 characters."),
    "plain_confirmed": N_("Write the plain text before you confirm it."),
    "trend": N_("Choose better, the same, worse or not judged."),
    "trend_reason": N_("Give a one-line reason for the trend, in 200 characters at most."),
}


class SectionUpdate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: Version
    analysis: AnalysisText = ""
    facilitators: SectionText = ""
    barriers: SectionText = ""
    levels: Annotated[list[IntegrationLevel], Field(max_length=4)] = []
    evidence_ids: Annotated[list[EntityId], Field(max_length=12)] = []
    plain_text: PlainText = ""
    # The researcher read the plain text and confirms it may go into the plain factsheet.
    plain_confirmed: bool = False
    # Since the initiative's previous session: better, the same or worse; None: not judged.
    trend: Trend | None = None
    # Required with a trend, dropped without one (a reason for no judgement says nothing).
    trend_reason: TrendReason = Field(default="", validate_default=True)

    @field_validator("plain_confirmed")
    @classmethod
    def _confirms_a_text(cls, confirmed: bool, info: ValidationInfo) -> bool:
        if confirmed and not info.data.get("plain_text"):
            raise ValueError("there is no plain text to confirm")
        return confirmed

    @field_validator("trend_reason")
    @classmethod
    def _reason_with_a_trend(cls, reason: str, info: ValidationInfo) -> str:
        if "trend" not in info.data:
            return reason  # the trend itself was refused; its message says so
        if info.data["trend"] is None:
            return ""
        reason = " ".join(reason.split())
        if not reason:
            raise ValueError("a trend needs a one-line reason")
        return reason


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
    plain_text: FormParagraph = ""
    plain_confirmed: FormLine = ""  # the checkbox: "yes" when ticked, absent otherwise
    trend: FormLine = ""  # the radio buttons: "" is "not judged"
    trend_reason: FormLine = ""

    def to_update(self) -> SectionUpdate:
        return SectionUpdate.model_validate(
            {
                **self.model_dump(),
                "plain_confirmed": bool(self.plain_confirmed),
                "trend": self.trend.strip() or None,
            }
        )


class SummaryForm(BaseModel):
    """The plain-language summary as posted."""

    version: FormLine = ""
    plain_language_summary: FormParagraph = ""

    def to_update(self) -> SummaryUpdate:
        return SummaryUpdate.model_validate(self.model_dump())
