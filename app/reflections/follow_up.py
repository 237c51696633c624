"""What was done with a reflection: the agenda item of its session that discussed it, the
actions that followed (``Action.reflection_id``) and the revised finding (a factsheet section
of a later session's factsheet).

The facilitator and the session's chair record it; the author reads it in plain language
(``app.reflections.outcomes``). Lists take a fixed number of statements.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import Session, col, select

from app.actions.models import Action
from app.agendas.models import AgendaItem
from app.auth import policy
from app.auth.principal import Principal
from app.contributions.models import Dilemma
from app.db import utcnow
from app.errors import FieldProblem, InvalidInputError, NotFoundError
from app.factsheets.models import Factsheet, FactsheetSection
from app.forms import FormChoices, FormLine
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.reflections import visibility
from app.reflections.models import Reflection, ReflectionFollowUp
from app.schemas import EntityId
from app.vocabulary import PartnershipCondition, ReflectionStatus

ITEM_MESSAGE = N_("Choose an agenda item of this session, or none.")
ACTIONS_MESSAGE = N_("Choose actions agreed in this session.")
SECTION_MESSAGE = N_(
    "Choose a finding in a later factsheet of the reflection's initiative, or none."
)
FOLLOW_UP_MESSAGES = {
    "discussed_in_item_id": ITEM_MESSAGE,
    "action_ids": ACTIONS_MESSAGE,
    "revised_section_id": SECTION_MESSAGE,
}


class FollowUpData(BaseModel):
    model_config = ConfigDict(extra="ignore")

    discussed_in_item_id: EntityId | None = None
    action_ids: list[EntityId] = Field(default_factory=list, max_length=200)
    revised_section_id: EntityId | None = None


class FollowUpForm(BaseModel):
    """What was done with a reflection, as posted: ids as text, "" for none."""

    discussed_in_item_id: FormLine = ""
    action_ids: FormChoices = []
    revised_section_id: FormLine = ""

    def to_data(self) -> FollowUpData:
        return FollowUpData.model_validate(
            {
                "discussed_in_item_id": self.discussed_in_item_id.strip() or None,
                "action_ids": [value.strip() for value in self.action_ids if value.strip()],
                "revised_section_id": self.revised_section_id.strip() or None,
            }
        )


@dataclass(frozen=True)
class Choice:
    value: int
    text: str
    group: str = ""  # an action's initiative
    initiative_id: int | None = None


@dataclass(frozen=True)
class SectionChoice:
    """A finding of a later session's factsheet: its condition in its initiative's version."""

    value: int
    condition: PartnershipCondition
    initiative: str
    initiative_id: int
    version: int
    session_number: int


@dataclass(frozen=True)
class FollowUpChoices:
    """What the follow-up form of the session's reflections offers; the same for each."""

    items: list[Choice]
    actions: list[Choice]
    sections: list[SectionChoice]

    @property
    def item_options(self) -> list[tuple[str, str]]:
        return [(str(choice.value), choice.text) for choice in self.items]

    @property
    def action_options(self) -> list[tuple[str, str]]:
        return [(str(choice.value), f"{choice.text} ({choice.group})") for choice in self.actions]

    def sections_for(self, initiative_id: int | None) -> list[SectionChoice]:
        """A reflection on a factsheet or dilemma is revised in its initiative's factsheet."""
        if initiative_id is None:
            return self.sections
        return [choice for choice in self.sections if choice.initiative_id == initiative_id]


@dataclass(frozen=True)
class FollowUpView:
    """What was done with one reflection, as its session's readers see it."""

    reflection_id: int
    initiative_id: int | None  # of the factsheet or dilemma it answers
    discussed_in_item_id: int | None = None
    discussed_in: str = ""  # the agenda item's title
    action_ids: tuple[int, ...] = ()
    actions: tuple[str, ...] = ()
    revised_section_id: int | None = None
    revised_initiative: str = ""
    revised_session_number: int | None = None
    revised_condition: PartnershipCondition | None = None
    evidence_consent: bool = False

    @property
    def discussed(self) -> bool:
        return self.discussed_in_item_id is not None


@dataclass
class FollowUpEntry:
    """A reflection's follow-up on the page: as stored, or as posted with its errors."""

    view: FollowUpView
    form: FollowUpForm | None = None
    errors: dict[str, str] = field(default_factory=dict)
    saved: bool = False


def _reflection_initiatives(db: Session, session_id: int) -> dict[int, int | None]:
    """The session's submitted reflections, each with the initiative it is about (if any)."""
    rows = db.exec(
        select(Reflection.id, Factsheet.initiative_id, Dilemma.initiative_id)
        .outerjoin(Factsheet, col(Factsheet.id) == Reflection.factsheet_id)
        .outerjoin(Dilemma, col(Dilemma.id) == Reflection.dilemma_id)
        .where(Reflection.session_id == session_id)
    ).all()
    return {rid or 0: factsheet_of or dilemma_of for rid, factsheet_of, dilemma_of in rows}


def follow_ups(*, db: Session, learning_session: LearningSession) -> dict[int, FollowUpView]:
    """What was done with each of the session's reflections. Three statements."""
    session_id = learning_session.id or 0
    initiatives = _reflection_initiatives(db, session_id)
    stored = db.exec(
        select(  # type: ignore[call-overload]
            ReflectionFollowUp,
            AgendaItem.title,
            Initiative.name,
            LearningSession.number,
            FactsheetSection.condition,
        )
        .join(Reflection, col(Reflection.id) == ReflectionFollowUp.reflection_id)
        .outerjoin(AgendaItem, col(AgendaItem.id) == ReflectionFollowUp.discussed_in_item_id)
        .outerjoin(
            FactsheetSection, col(FactsheetSection.id) == ReflectionFollowUp.revised_section_id
        )
        .outerjoin(Factsheet, col(Factsheet.id) == FactsheetSection.factsheet_id)
        .outerjoin(Initiative, col(Initiative.id) == Factsheet.initiative_id)
        .outerjoin(LearningSession, col(LearningSession.id) == Factsheet.session_id)
        .where(Reflection.session_id == session_id)
    ).all()
    consent = dict(
        db.exec(
            select(Reflection.id, Reflection.evidence_consent).where(
                Reflection.session_id == session_id
            )
        ).all()
    )
    actions: dict[int, list[tuple[int, str]]] = {}
    for action_id, title, reflection_id in db.exec(
        select(Action.id, Action.title, Action.reflection_id)
        .join(Reflection, col(Reflection.id) == Action.reflection_id)
        .where(Reflection.session_id == session_id)
        .order_by(col(Action.id))
    ).all():
        actions.setdefault(reflection_id or 0, []).append((action_id or 0, title))
    views: dict[int, FollowUpView] = {}
    for reflection_id, initiative_id in initiatives.items():
        linked = actions.get(reflection_id, [])
        views[reflection_id] = FollowUpView(
            reflection_id=reflection_id,
            initiative_id=initiative_id,
            action_ids=tuple(i for i, _ in linked),
            actions=tuple(t for _, t in linked),
            evidence_consent=bool(consent.get(reflection_id)),
        )
    for row, item_title, initiative_name, revised_in, condition in stored:
        view = views[row.reflection_id]
        views[row.reflection_id] = FollowUpView(
            reflection_id=view.reflection_id,
            initiative_id=view.initiative_id,
            discussed_in_item_id=row.discussed_in_item_id,
            discussed_in=item_title or "",
            action_ids=view.action_ids,
            actions=view.actions,
            revised_section_id=row.revised_section_id,
            revised_initiative=initiative_name or "",
            revised_session_number=revised_in,
            revised_condition=None if condition is None else PartnershipCondition(condition),
            evidence_consent=view.evidence_consent,
        )
    return views


def follow_up_choices(*, db: Session, learning_session: LearningSession) -> FollowUpChoices:
    """The session's agenda items and actions, and the findings of later sessions'
    factsheets. Three statements."""
    items = db.exec(
        select(AgendaItem.id, AgendaItem.title)
        .where(AgendaItem.session_id == learning_session.id)
        .order_by(col(AgendaItem.position), col(AgendaItem.id))
    ).all()
    actions = db.exec(
        select(Action.id, Action.title, Initiative.name, Action.initiative_id)
        .join(Initiative, col(Initiative.id) == Action.initiative_id)
        .where(Action.opened_in_session_id == learning_session.id)
        .order_by(col(Initiative.name), col(Action.id))
    ).all()
    sections = db.exec(
        select(  # type: ignore[call-overload]
            FactsheetSection.id,
            FactsheetSection.condition,
            Initiative.name,
            Factsheet.version_number,
            LearningSession.number,
            Factsheet.initiative_id,
        )
        .join(Factsheet, col(Factsheet.id) == FactsheetSection.factsheet_id)
        .join(Initiative, col(Initiative.id) == Factsheet.initiative_id)
        .join(LearningSession, col(LearningSession.id) == Factsheet.session_id)
        .where(
            LearningSession.community_id == learning_session.community_id,
            col(LearningSession.number) > learning_session.number,
        )
        .order_by(
            col(Initiative.name),
            col(Factsheet.version_number),
            col(FactsheetSection.condition),
        )
    ).all()
    return FollowUpChoices(
        items=[Choice(i or 0, title) for i, title in items],
        actions=[Choice(i or 0, title, name, initiative) for i, title, name, initiative in actions],
        sections=[
            SectionChoice(
                section_id or 0,
                PartnershipCondition(condition),
                name,
                initiative_id,
                version,
                number,
            )
            for section_id, condition, name, version, number, initiative_id in sections
        ],
    )


def page_context(
    *, db: Session, learning_session: LearningSession, viewer: Principal, prepares: bool
) -> dict[str, Any]:
    """What the grouped page shows of follow-ups; the form's choices for those who prepare."""
    return {
        "follow_ups": follow_ups(db=db, learning_session=learning_session),
        "follow_up_choices": follow_up_choices(db=db, learning_session=learning_session)
        if prepares
        else None,
        "may_follow_up": prepares,
        "may_use_as_evidence": policy.records_some_evidence(viewer),
    }


def reflection_to_follow_up(
    *, db: Session, learning_session: LearningSession, reflection_id: int, viewer: Principal
) -> Reflection:
    """A submitted reflection of this session the viewer may read; others do not exist."""
    reflection = db.exec(
        select(Reflection).where(
            Reflection.id == reflection_id,
            Reflection.session_id == learning_session.id,
            Reflection.status == ReflectionStatus.submitted,
            visibility.readable(viewer),
        )
    ).first()
    if reflection is None:
        raise NotFoundError(
            N_("There is no reflection with id %(id)s."), arguments={"id": reflection_id}
        )
    return reflection


def record_follow_up(
    *,
    db: Session,
    learning_session: LearningSession,
    reflection: Reflection,
    data: FollowUpData,
    by: Principal,
) -> ReflectionFollowUp:
    """Store what was done with ``reflection``; everything named must belong to its session
    (the finding: to a later factsheet of its initiative), or nothing changes (422)."""
    assert reflection.id is not None
    choices = follow_up_choices(db=db, learning_session=learning_session)
    initiative_id = _reflection_initiatives(db, learning_session.id or 0).get(reflection.id)
    problems: list[FieldProblem] = []
    if data.discussed_in_item_id is not None and data.discussed_in_item_id not in {
        c.value for c in choices.items
    }:
        problems.append(FieldProblem("discussed_in_item_id", ITEM_MESSAGE))
    if not set(data.action_ids) <= {c.value for c in choices.actions}:
        problems.append(FieldProblem("action_ids", ACTIONS_MESSAGE))
    if data.revised_section_id is not None and data.revised_section_id not in {
        c.value for c in choices.sections_for(initiative_id)
    }:
        problems.append(FieldProblem("revised_section_id", SECTION_MESSAGE))
    if problems:
        raise InvalidInputError(N_("Check the marked fields."), problems)
    row = db.get(ReflectionFollowUp, reflection.id) or ReflectionFollowUp(
        reflection_id=reflection.id
    )
    row.discussed_in_item_id = data.discussed_in_item_id
    row.revised_section_id = data.revised_section_id
    row.recorded_by_id = by.person_id
    row.updated_at = utcnow()
    db.add(row)
    _link_actions(db, reflection.id, learning_session, data.action_ids)
    db.flush()
    return row


def _link_actions(
    db: Session, reflection_id: int, learning_session: LearningSession, action_ids: Sequence[int]
) -> None:
    """The chosen actions now follow from the reflection (it becomes their "what led to it");
    the session's actions no longer chosen stop naming it."""
    chosen = set(action_ids)
    for action in db.exec(
        select(Action).where(
            Action.opened_in_session_id == learning_session.id,
            (col(Action.id).in_(chosen)) | (col(Action.reflection_id) == reflection_id),
        )
    ).all():
        if action.id in chosen and action.reflection_id != reflection_id:
            action.reflection_id = reflection_id
            action.agenda_item_id = None
            action.dilemma_id = None
            db.add(action)
        elif action.id not in chosen:
            action.reflection_id = None
            db.add(action)
