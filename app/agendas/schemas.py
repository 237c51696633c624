"""The chair's forms as posted, and the domain input they become: agenda items, the agenda's
order, and reflective questions."""

from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from app.agendas.models import AgendaItem, ReflectiveQuestion
from app.forms import FormChoices, FormLine, FormParagraph, reference
from app.schemas import EntityId, _no_nul
from app.vocabulary import AgendaItemKind, IntegrationLevel, PartnershipCondition, Role

AgendaTitle = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    AfterValidator(_no_nul),
]
Notes = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=4000), AfterValidator(_no_nul)
]
QuestionText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=5, max_length=1000),
    AfterValidator(_no_nul),
]
PlainQuestionText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=1000), AfterValidator(_no_nul)
]
AgendaVersion = Annotated[int, Field(ge=0, le=1_000_000_000)]


class LinkKind(StrEnum):
    """What an agenda item is built around."""

    question = "question"
    dilemma = "dilemma"
    good_practice = "good_practice"


class AgendaLink(BaseModel):
    kind: LinkKind
    id: EntityId


class AgendaItemData(BaseModel):
    model_config = ConfigDict(extra="ignore")

    kind: AgendaItemKind
    title: AgendaTitle
    duration_minutes: int = Field(ge=1, le=480)
    owner_id: EntityId | None = None
    link: Annotated[AgendaLink | None, BeforeValidator(reference)] = None
    chair_notes: Notes = ""


class AgendaItemForm(BaseModel):
    """An agenda item as posted; ``link`` is "question:12", "dilemma:3" or empty."""

    kind: FormLine = ""
    title: FormLine = ""
    duration_minutes: FormLine = ""
    owner_id: FormLine = ""
    link: FormLine = ""
    chair_notes: FormParagraph = ""
    agenda_version: FormLine = "0"

    def to_data(self) -> AgendaItemData:
        return AgendaItemData.model_validate(
            {
                "kind": self.kind,
                "title": self.title,
                "duration_minutes": self.duration_minutes.strip(),
                "owner_id": self.owner_id.strip() or None,
                "link": self.link,
                "chair_notes": self.chair_notes,
            }
        )

    def version(self) -> int:
        return _version(self.agenda_version)

    @classmethod
    def of(cls, item: AgendaItem) -> "AgendaItemForm":
        link = ""
        if item.reflective_question_id is not None:
            link = f"question:{item.reflective_question_id}"
        elif item.dilemma_id is not None:
            link = f"dilemma:{item.dilemma_id}"
        elif item.good_practice_id is not None:
            link = f"good_practice:{item.good_practice_id}"
        return cls(
            kind=item.kind.value,
            title=item.title,
            duration_minutes=str(item.duration_minutes),
            owner_id="" if item.owner_id is None else str(item.owner_id),
            link=link,
            chair_notes=item.chair_notes,
        )


class Direction(StrEnum):
    up = "up"
    down = "down"
    to = "to"  # to the position chosen in the item's select


class MoveData(BaseModel):
    order: list[EntityId] = Field(max_length=200)
    item_id: EntityId
    direction: Direction
    to_position: int | None = Field(default=None, ge=1, le=200)


class OrderForm(BaseModel):
    """The whole order as shown (``order``: item ids, top to bottom), the button pressed
    (``move`` = "12:up", "12:down" or "12:to") and each item's "move to position" select
    (``to``, in the same order as ``order``)."""

    order: FormChoices = []
    to: FormChoices = []
    move: FormLine = ""
    agenda_version: FormLine = "0"

    def to_move(self) -> MoveData:
        item_id, _, direction = self.move.partition(":")
        to_position: str | None = None
        if direction == Direction.to and item_id in self.order:
            index = self.order.index(item_id)
            to_position = self.to[index] if index < len(self.to) else None
        return MoveData.model_validate(
            {
                "order": self.order,
                "item_id": item_id,
                "direction": direction,
                "to_position": to_position or None,
            }
        )

    def version(self) -> int:
        return _version(self.agenda_version)


class QuestionData(BaseModel):
    model_config = ConfigDict(extra="ignore")

    text: QuestionText
    plain_text: PlainQuestionText = ""
    condition: PartnershipCondition
    level: IntegrationLevel
    target_roles: list[Role] = Field(default_factory=list, max_length=len(Role))


class QuestionForm(BaseModel):
    """A reflective question as posted: the chair's own, or a picked one reworded."""

    text: FormParagraph = ""
    plain_text: FormParagraph = ""
    condition: FormLine = ""
    level: FormLine = ""
    target_roles: FormChoices = []

    def to_data(self) -> QuestionData:
        return QuestionData.model_validate(
            {**self.model_dump(), "target_roles": list(dict.fromkeys(self.target_roles))}
        )

    @classmethod
    def of(cls, question: ReflectiveQuestion) -> "QuestionForm":
        return cls(
            text=question.text,
            plain_text=question.plain_text,
            condition=question.condition.value,
            level=question.level.value,
            target_roles=[Role(role).value for role in question.target_roles],
        )


class PickForm(BaseModel):
    """A bank question (or a suggestion) taken for the session."""

    bank_question_id: FormLine = ""

    def to_id(self) -> int:
        return _PickData.model_validate(
            {"bank_question_id": self.bank_question_id}
        ).bank_question_id


class _PickData(BaseModel):
    bank_question_id: EntityId


def _version(value: str) -> int:
    """The agenda version the page was built from; anything unreadable counts as stale."""
    try:
        return max(0, int(value.strip()))
    except ValueError:
        return -1
