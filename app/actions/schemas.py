"""Action forms as posted, and the domain input they become: an action, and a progress note."""

from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints

from app.actions.models import Action
from app.forms import FormLine, FormParagraph, reference
from app.learning_sessions.schemas import SessionDate
from app.schemas import EntityId, _no_nul
from app.vocabulary import ActionStatus, IntegrationLevel, PartnershipCondition, PdsaStage

ActionTitle = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    AfterValidator(_no_nul),
]
ActionDescription = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=4000), AfterValidator(_no_nul)
]
ProgressNote = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=1000),
    AfterValidator(_no_nul),
]


class LedToKind(StrEnum):
    """What led to an action: something of the session it was agreed in."""

    agenda_item = "agenda_item"
    dilemma = "dilemma"
    reflection = "reflection"


class LedTo(BaseModel):
    kind: LedToKind
    id: EntityId


class ActionData(BaseModel):
    model_config = ConfigDict(extra="ignore")

    initiative_id: EntityId
    title: ActionTitle
    description: ActionDescription = ""
    owner_id: EntityId | None = None
    condition: PartnershipCondition
    level: IntegrationLevel
    due_date: SessionDate | None = None
    pdsa_stage: PdsaStage = PdsaStage.plan
    status: ActionStatus = ActionStatus.open
    review_session_id: EntityId | None = None
    led_to: Annotated[LedTo | None, BeforeValidator(reference)] = None


class ActionForm(BaseModel):
    """An action as posted; ``led_to`` is "agenda_item:3", "dilemma:4", "reflection:5" or
    empty; ``version`` only on the edit form."""

    initiative_id: FormLine = ""
    title: FormLine = ""
    description: FormParagraph = ""
    owner_id: FormLine = ""
    condition: FormLine = ""
    level: FormLine = ""
    due_date: FormLine = ""
    pdsa_stage: FormLine = "plan"
    status: FormLine = "open"
    review_session_id: FormLine = ""
    led_to: FormLine = ""
    version: FormLine = ""

    def to_data(self) -> ActionData:
        return ActionData.model_validate(
            {
                **self.model_dump(exclude={"version"}),
                "initiative_id": self.initiative_id.strip(),
                "owner_id": self.owner_id.strip() or None,
                "due_date": self.due_date.strip() or None,
                "review_session_id": self.review_session_id.strip() or None,
            }
        )

    def version_number(self) -> int:
        """The version the form was built from; anything unreadable counts as stale."""
        try:
            return int(self.version.strip())
        except ValueError:
            return -1

    @classmethod
    def of(cls, action: Action) -> "ActionForm":
        led_to = ""
        if action.agenda_item_id is not None:
            led_to = f"agenda_item:{action.agenda_item_id}"
        elif action.dilemma_id is not None:
            led_to = f"dilemma:{action.dilemma_id}"
        elif action.reflection_id is not None:
            led_to = f"reflection:{action.reflection_id}"
        return cls(
            initiative_id=str(action.initiative_id),
            title=action.title,
            description=action.description,
            owner_id="" if action.owner_id is None else str(action.owner_id),
            condition=PartnershipCondition(action.condition).value,
            level=IntegrationLevel(action.level).value,
            due_date="" if action.due_date is None else action.due_date.isoformat(),
            pdsa_stage=PdsaStage(action.pdsa_stage).value,
            status=ActionStatus(action.status).value,
            review_session_id=""
            if action.review_session_id is None
            else str(action.review_session_id),
            led_to=led_to,
            version=str(action.version),
        )


class ProgressData(BaseModel):
    model_config = ConfigDict(extra="ignore")

    status: ActionStatus
    pdsa_stage: PdsaStage
    note: ProgressNote


class ProgressForm(BaseModel):
    """A progress update as posted."""

    status: FormLine = ""
    pdsa_stage: FormLine = ""
    note: FormParagraph = ""

    def to_data(self) -> ProgressData:
        return ProgressData.model_validate(self.model_dump())
