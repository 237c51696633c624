"""What a session's agenda documents show: plain, fully-loaded views built from the database.

The agenda, the plain-language agenda and the chair's briefing pack are each rendered from
one of these views, and the view (with the template version) is what their content hash
covers. Everything is chosen and ordered here; templates only lay it out. Chair's notes are
read only for the briefing: the agenda views never hold them.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from sqlmodel import Session, col, select

from app.agendas.background import (
    ActionBrief,
    InitiativeBrief,
    Participant,
    session_background,
)
from app.agendas.minutes import minutes_open
from app.agendas.models import AgendaItem, ReflectiveQuestion
from app.agendas.schedule import schedule
from app.auth.principal import Principal
from app.community.models import LearningCommunity
from app.contributions.models import ContributionColumns, Dilemma, GoodPractice
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.learning_sessions.workflow import Shortfall
from app.people.models import Person
from app.reflections import reading as reflection_reading
from app.reflections.reading import GroupedReflections
from app.vocabulary import AgendaItemKind, IntegrationLevel, PartnershipCondition, Role

# "report": the session report, whose view app.reports builds (it reads actions and evaluations).
DocumentKind = Literal["agenda", "plain_agenda", "briefing", "report"]
KINDS: tuple[DocumentKind, ...] = ("agenda", "plain_agenda", "briefing", "report")


@dataclass(frozen=True)
class QuestionView:
    text: str  # in the plain agenda: the plain wording (or the text when it has none)
    condition: PartnershipCondition
    level: IntegrationLevel
    target_roles: tuple[Role, ...]  # empty: addressed to everyone


@dataclass(frozen=True)
class ContributionView:
    """The dilemma or good practice an item is built around."""

    kind: AgendaItemKind  # dilemma or good_practice
    title: str
    initiative: str


@dataclass(frozen=True)
class AgendaEntry:
    position: int  # 1, 2, ... in the agenda's order
    kind: AgendaItemKind
    title: str
    starts: datetime  # in the session's time zone, from app.agendas.schedule
    ends: datetime
    duration_minutes: int
    owner: str
    question: QuestionView | None
    contribution: ContributionView | None
    chair_notes: str = ""  # the briefing only
    minutes: str = ""  # what was said: the agenda (page and PDF) once the session started
    actual_minutes: int | None = None  # how long it really took, once recorded


@dataclass(frozen=True)
class AgendaView:
    language: str  # "en" or "nl"
    kind: DocumentKind
    community_name: str
    session_number: int
    starts_at: datetime
    timezone: str
    slot_ends: datetime | None  # the end of the session's time slot
    ends: datetime  # when the last item ends
    place: str
    online_url: str
    focus: str
    chair: str
    published_at: datetime | None
    cancelled: bool
    items: list[AgendaEntry]
    total_minutes: int
    overrun_minutes: int
    # The session's reflective questions by condition (PartnershipCondition order); the plain
    # agenda holds only those addressed to family representatives.
    questions: list[tuple[PartnershipCondition, list[QuestionView]]] = field(default_factory=list)

    @property
    def is_draft(self) -> bool:
        return self.published_at is None


def for_family(question: ReflectiveQuestion) -> bool:
    """Addressed to family representatives by name (an empty list, meaning everyone, is not)."""
    return Role.family_representative in question.target_roles


def _question(question: ReflectiveQuestion, plain: bool) -> QuestionView:
    text = (question.plain_text.strip() or question.text) if plain else question.text
    return QuestionView(
        text=text,
        condition=question.condition,
        level=question.level,
        target_roles=tuple(Role(role) for role in question.target_roles),
    )


def _by_condition(
    questions: Sequence[ReflectiveQuestion], plain: bool
) -> list[tuple[PartnershipCondition, list[QuestionView]]]:
    groups: dict[PartnershipCondition, list[QuestionView]] = {}
    for question in questions:
        if plain and not for_family(question):
            continue
        groups.setdefault(question.condition, []).append(_question(question, plain))
    return [
        (condition, groups[condition]) for condition in PartnershipCondition if condition in groups
    ]


Contribution = ContributionColumns  # a Dilemma or a GoodPractice
ContributionKey = tuple[AgendaItemKind, int]


def contribution_key(item: AgendaItem) -> ContributionKey | None:
    """Which dilemma or good practice an item is built around, if any."""
    if item.dilemma_id is not None:
        return (AgendaItemKind.dilemma, item.dilemma_id)
    if item.good_practice_id is not None:
        return (AgendaItemKind.good_practice, item.good_practice_id)
    return None


def item_contributions(
    *, db: Session, items: Sequence[AgendaItem]
) -> dict[ContributionKey, tuple[Contribution, str]]:
    """The dilemmas and good practices the items are built around, each with its
    initiative's name: a statement per kind, however many items."""
    found: dict[ContributionKey, tuple[Contribution, str]] = {}
    wanted: list[tuple[AgendaItemKind, type[Dilemma] | type[GoodPractice], set[int]]] = [
        (AgendaItemKind.dilemma, Dilemma, {i.dilemma_id for i in items if i.dilemma_id}),
        (
            AgendaItemKind.good_practice,
            GoodPractice,
            {i.good_practice_id for i in items if i.good_practice_id},
        ),
    ]
    for kind, table, ids in wanted:
        if not ids:
            continue
        rows = db.exec(
            select(table, Initiative.name)
            .join(Initiative, col(Initiative.id) == table.initiative_id)
            .where(col(table.id).in_(ids))
        ).all()
        for contribution, initiative in rows:
            found[(kind, contribution.id or 0)] = (contribution, initiative)
    return found


def _contributions(
    db: Session, items: Sequence[AgendaItem]
) -> dict[ContributionKey, ContributionView]:
    return {
        key: ContributionView(kind=key[0], title=contribution.title, initiative=initiative)
        for key, (contribution, initiative) in item_contributions(db=db, items=items).items()
    }


def _contribution_of(
    item: AgendaItem, contributions: dict[ContributionKey, ContributionView]
) -> ContributionView | None:
    key = contribution_key(item)
    return None if key is None else contributions.get(key)


def build_agenda_view(
    *, db: Session, learning_session: LearningSession, language: str, kind: DocumentKind
) -> AgendaView:
    """The session's agenda as ``kind`` shows it: chair's notes only in the briefing, only
    family representatives' questions (plain wording) in the plain agenda."""
    session_id = learning_session.id or 0
    plain = kind == "plain_agenda"
    items = db.exec(
        select(AgendaItem)
        .where(AgendaItem.session_id == session_id)
        .order_by(col(AgendaItem.position), col(AgendaItem.id))
    ).all()
    questions = db.exec(
        select(ReflectiveQuestion)
        .where(ReflectiveQuestion.session_id == session_id)
        .order_by(col(ReflectiveQuestion.position), col(ReflectiveQuestion.id))
    ).all()
    by_id = {question.id: question for question in questions}
    people_ids = {i.owner_id for i in items if i.owner_id} | (
        {learning_session.chair_id} if learning_session.chair_id else set()
    )
    names = (
        dict(db.exec(select(Person.id, Person.name).where(col(Person.id).in_(people_ids))).all())
        if people_ids
        else {}
    )
    contributions = _contributions(db, items)
    community = db.get(LearningCommunity, learning_session.community_id)
    timed = schedule(learning_session, items)
    started = kind == "agenda" and minutes_open(learning_session)

    entries = []
    for position, slot in enumerate(timed.slots, 1):
        item = slot.item
        linked = by_id.get(item.reflective_question_id)
        if linked is not None and plain and not for_family(linked):
            linked = None
        entries.append(
            AgendaEntry(
                position=position,
                kind=item.kind,
                title=item.title,
                starts=slot.starts,
                ends=slot.ends,
                duration_minutes=item.duration_minutes,
                owner="" if plain else names.get(item.owner_id, ""),
                question=None if linked is None else _question(linked, plain),
                contribution=None if plain else _contribution_of(item, contributions),
                chair_notes=item.chair_notes if kind == "briefing" else "",
                minutes=item.minutes if started else "",
                actual_minutes=item.actual_minutes if started else None,
            )
        )
    return AgendaView(
        language=language,
        kind=kind,
        community_name=community.name if community else "",
        session_number=learning_session.number,
        starts_at=timed.starts,
        timezone=learning_session.timezone,
        slot_ends=timed.slot_ends,
        ends=timed.ends,
        place=learning_session.place,
        online_url=learning_session.online_url,
        focus="" if plain else learning_session.focus,
        chair=names.get(learning_session.chair_id, ""),
        published_at=learning_session.agenda_published_at,
        cancelled=learning_session.cancelled_at is not None,
        items=entries,
        total_minutes=timed.total_minutes,
        overrun_minutes=timed.overrun_minutes,
        questions=_by_condition(questions, plain),
    )


@dataclass(frozen=True)
class BriefingView:
    """What the chair's briefing pack adds to the agenda: people, initiatives, last actions.

    Built from ``app.agendas.background`` for one reader (accessibility needs and draft
    factsheets only where that reader may see them)."""

    participants: tuple[Participant, ...]
    role_counts: tuple[tuple[Role, int], ...]
    warnings: tuple[Shortfall, ...]
    initiatives: tuple[InitiativeBrief, ...]
    previous_session_number: int | None
    last_actions: tuple[ActionBrief, ...]
    # Per initiative name: who comes for it, with the role they hold there.
    coming: dict[str, tuple[tuple[str, Role], ...]] = field(default_factory=dict)
    # After the reflection deadline: the submitted, unhidden reflections the participants
    # may read, anonymised where the author chose; None before it.
    reflections: GroupedReflections | None = None
    reflection_deadline: date | None = None

    @property
    def new_participants(self) -> int:
        return sum(1 for participant in self.participants if participant.new)


def build_briefing_view(
    *, db: Session, learning_session: LearningSession, viewer: Principal
) -> BriefingView:
    found = session_background(db=db, learning_session=learning_session, viewer=viewer)
    coming: dict[str, list[tuple[str, Role]]] = {}
    for participant in found.participants:
        for held in participant.roles:
            if held.initiative_name is not None:
                coming.setdefault(held.initiative_name, []).append((participant.name, held.role))
    return BriefingView(
        participants=found.participants,
        role_counts=tuple(found.role_counts.items()),
        warnings=found.warnings,
        initiatives=found.initiatives,
        previous_session_number=found.previous_session_number,
        last_actions=found.last_actions,
        coming={name: tuple(people) for name, people in coming.items()},
        reflections=reflection_reading.briefing_reflections(
            db=db, learning_session=learning_session
        ),
        reflection_deadline=learning_session.reflection_deadline,
    )
