"""The reflection and consent forms as posted, and the domain input they become.

A reflection's text is kept exactly as typed: no stripping, no rewriting; only its length
(up to 8000 characters), at least one visible character, and no NUL are checked.
"""

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.db import MAX_ID
from app.forms import FormLine, FormParagraph
from app.labels import N_
from app.reflections.models import Reflection
from app.reflections.service import TEXT_LIMIT
from app.reflections.targets import Target, TargetKind
from app.schemas import _no_nul
from app.vocabulary import ReflectionVisibility


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("write at least one word")
    return value


ReflectionText = Annotated[
    str, Field(max_length=TEXT_LIMIT), AfterValidator(_no_nul), AfterValidator(_not_blank)
]

REFLECTION_MESSAGES: dict[str, str] = {
    "text": N_("Write your reflection in up to 8000 characters."),
    "target": N_("Choose what your reflection is about."),
    "visibility": N_("Choose who may read your reflection."),
}
CONSENT_MESSAGES: dict[str, str] = {
    "read_by_participants": N_("Choose yes or no."),
    "quoted_as_evidence": N_("Choose yes or no."),
}
YES = "yes"


class ReflectionData(BaseModel):
    model_config = ConfigDict(extra="ignore")

    text: ReflectionText
    shows_name: bool
    visibility: ReflectionVisibility


class _TargetData(BaseModel):
    kind: TargetKind
    id: Annotated[int, Field(ge=1, le=MAX_ID)] | None = None


class ReflectionForm(BaseModel):
    """A reflection as posted. ``target`` ("question:12", "factsheet:3", "dilemma:4",
    "general") only matters for a new one; ``version`` is the one the page showed (0: none
    yet); ``submit`` = "yes" hands it in as well."""

    text: FormParagraph = ""
    shows_name: FormLine = ""
    visibility: FormLine = ReflectionVisibility.session.value
    version: FormLine = "0"
    target: FormLine = ""
    submit: FormLine = ""

    def to_data(self) -> ReflectionData:
        return ReflectionData.model_validate(
            {
                # A browser posts a textarea's line breaks as CRLF, htmx's autosave as LF:
                # one form of the same text, whichever way it came.
                "text": self.text.replace("\r\n", "\n"),
                "shows_name": self.shows_name == YES,
                "visibility": self.visibility.strip() or ReflectionVisibility.session.value,
            }
        )

    def to_target(self) -> Target:
        kind, _, identifier = self.target.strip().partition(":")
        data = _TargetData.model_validate({"kind": kind, "id": identifier or None})
        if (data.kind == TargetKind.general) != (data.id is None):
            raise ValueError("a question, factsheet or dilemma needs its id; general none")
        return Target(data.kind, data.id)

    def expected_version(self) -> int:
        """Anything unreadable counts as stale (-1 matches no stored version)."""
        try:
            return max(0, int(self.version.strip()))
        except ValueError:
            return -1

    @property
    def submitting(self) -> bool:
        return self.submit == YES

    @classmethod
    def of(cls, reflection: Reflection) -> "ReflectionForm":
        return cls(
            text=reflection.text,
            shows_name=YES if reflection.shows_name else "no",
            visibility=reflection.visibility.value,
            version=str(reflection.version),
        )


class ConsentData(BaseModel):
    read_by_participants: bool
    quoted_as_evidence: bool


class ConsentForm(BaseModel):
    """The two consent choices as posted: each "yes" or "no", both required."""

    read_by_participants: FormLine = ""
    quoted_as_evidence: FormLine = ""

    def to_data(self) -> ConsentData:
        return _ConsentChoices.model_validate(self.model_dump()).to_data()


class _ConsentChoices(BaseModel):
    read_by_participants: Literal["yes", "no"]
    quoted_as_evidence: Literal["yes", "no"]

    def to_data(self) -> ConsentData:
        return ConsentData(
            read_by_participants=self.read_by_participants == YES,
            quoted_as_evidence=self.quoted_as_evidence == YES,
        )
