"""The comparison's choice (a condition, two to four initiatives, a session) as asked in the
query string, and a link between a good practice and a barrier as the facilitator posts it."""

from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from app.forms import FormChoices, FormLine, FormParagraph
from app.labels import N_
from app.schemas import EntityId, _no_nul
from app.vocabulary import PartnershipCondition

FEWEST, MOST = 2, 4

COMPARE_MESSAGES: dict[str, str] = {
    "condition": N_("Choose a partnership condition."),
    "initiative": N_("Choose two to four initiatives to compare."),
    "session_id": N_("Choose a session from the list."),
}
LINK_MESSAGES: dict[str, str] = {
    "reason": N_("Write why the good practice addresses the barrier, in at most 500 characters."),
}


def _empty_is_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _distinct(ids: list[int]) -> list[int]:
    chosen = list(dict.fromkeys(ids))
    if not FEWEST <= len(chosen) <= MOST:
        raise ValueError("choose two to four initiatives")
    return chosen


Reason = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=500),
    AfterValidator(_no_nul),
]


class CompareChoice(BaseModel):
    """What to compare: the rules of the form."""

    model_config = ConfigDict(extra="ignore")

    condition: PartnershipCondition
    initiative: Annotated[list[EntityId], AfterValidator(_distinct)]
    # None: the latest session with a published factsheet.
    session_id: Annotated[EntityId | None, BeforeValidator(_empty_is_none)] = None


class CompareForm(BaseModel):
    """The choice as the browser sends it (query string or hidden fields). Without a
    condition the form was not sent yet: it is shown with what the link ticked."""

    condition: FormLine | None = None
    initiative: FormChoices = []
    session_id: FormLine = ""
    # A large community: part of a name narrows the list of initiatives; "finding" says the
    # Find button was pressed, so nothing is compared (or refused) yet.
    find: FormLine = ""
    finding: FormLine = ""

    @property
    def sent(self) -> bool:
        return self.condition is not None and not self.finding

    def found(self, initiatives: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The initiatives whose name holds what was typed to find, and the ticked ones."""
        wanted = self.find.strip().casefold()
        if not wanted:
            return initiatives
        ticked = self.ticked()
        return [(i, name) for i, name in initiatives if wanted in name.casefold() or i in ticked]

    def to_choice(self) -> CompareChoice:
        return CompareChoice.model_validate(
            {
                "condition": (self.condition or "").strip(),
                "initiative": [value.strip() for value in self.initiative],
                "session_id": self.session_id.strip(),
            }
        )

    def ticked(self) -> set[str]:
        return {value.strip() for value in self.initiative}


class LinkData(BaseModel):
    model_config = ConfigDict(extra="ignore")

    good_practice_id: EntityId
    section_id: EntityId
    barrier: Annotated[int, Field(ge=0, le=1000)]  # the line's place in the section's barriers
    reason: Reason


class LinkForm(CompareForm):
    """Confirming a candidate: the comparison it was shown on, and the link itself."""

    good_practice_id: FormLine = ""
    section_id: FormLine = ""
    barrier: FormLine = ""
    reason: FormParagraph = ""

    def to_link(self) -> LinkData:
        return LinkData.model_validate(
            {
                "good_practice_id": self.good_practice_id.strip(),
                "section_id": self.section_id.strip(),
                "barrier": self.barrier.strip(),
                "reason": self.reason,
            }
        )

    @property
    def candidate_key(self) -> str:
        return f"{self.good_practice_id.strip()}-{self.section_id.strip()}-{self.barrier.strip()}"
