"""The self-assessment form as posted (a level and a note per condition) and the scores it
becomes."""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app.forms import FormLine, FormParagraph
from app.labels import N_
from app.schemas import _no_nul
from app.vocabulary import PartnershipCondition

NOTE_LIMIT = 500

Level = Annotated[int, Field(ge=1, le=4)]
Note = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=NOTE_LIMIT), AfterValidator(_no_nul)
]

SCORE_MESSAGES: dict[str, str] = {
    **{f"level_{c.value}": N_("Choose the level that fits best.") for c in PartnershipCondition},
    **{
        f"note_{c.value}": N_("Write the note in at most 500 characters.")
        for c in PartnershipCondition
    },
}


class ScoresData(BaseModel):
    """One member's four scores, each with its evidence note."""

    model_config = ConfigDict(extra="ignore")

    level_monitoring: Level
    level_shared_vision: Level
    level_roles: Level
    level_financing: Level
    note_monitoring: Note = ""
    note_shared_vision: Note = ""
    note_roles: Note = ""
    note_financing: Note = ""

    def scores(self) -> dict[PartnershipCondition, tuple[int, str]]:
        return {
            condition: (
                getattr(self, f"level_{condition.value}"),
                getattr(self, f"note_{condition.value}"),
            )
            for condition in PartnershipCondition
        }


class ScoresForm(BaseModel):
    """The form as posted; extra fields (role, initiative_id, person_id) are ignored."""

    level_monitoring: FormLine = ""
    level_shared_vision: FormLine = ""
    level_roles: FormLine = ""
    level_financing: FormLine = ""
    note_monitoring: FormParagraph = ""
    note_shared_vision: FormParagraph = ""
    note_roles: FormParagraph = ""
    note_financing: FormParagraph = ""

    def to_data(self) -> ScoresData:
        return ScoresData.model_validate(self.model_dump())

    @classmethod
    def of(cls, stored: dict[PartnershipCondition, tuple[int, str]]) -> "ScoresForm":
        values: dict[str, str] = {}
        for condition, (level, note) in stored.items():
            values[f"level_{condition.value}"] = str(level)
            values[f"note_{condition.value}"] = note
        return cls(**values)

    def level(self, condition: str) -> str:
        return str(getattr(self, f"level_{condition}"))

    def note(self, condition: str) -> str:
        return str(getattr(self, f"note_{condition}"))
