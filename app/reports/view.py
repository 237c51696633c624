"""What a session's report shows: one plain, fully-loaded view built from the database.

The report PDF (``factsheets/agenda/report.html``) and the report page are laid out from
this view, and the view (with the template version) is what the PDF's content hash covers:
a changed minute, attendance, action or evaluation answer makes a new version. Chair's notes
and accessibility needs are never read here.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from babel.numbers import format_decimal
from sqlmodel import Session, col, select

from app.actions.models import Action
from app.agendas.document import ContributionKey, contribution_key, item_contributions
from app.agendas.minutes import minutes_open, session_items
from app.agendas.models import AgendaItem
from app.agendas.schedule import schedule
from app.community.models import LearningCommunity
from app.evaluations import service as evaluations
from app.evaluations.charts import BarChart, bar_chart
from app.evaluations.schemas import QUESTIONS
from app.evaluations.wording import QUESTION_SENTENCES, QUESTION_SHORT
from app.initiatives.models import Initiative
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Membership, Person
from app.vocabulary import (
    ActionStatus,
    AgendaItemKind,
    IntegrationLevel,
    PartnershipCondition,
    PdsaStage,
    Role,
)

# The order roles are listed in, within an initiative and without one.
ROLE_ORDER: tuple[Role, ...] = (
    Role.policymaker,
    Role.manager,
    Role.practitioner,
    Role.practitioner_researcher,
    Role.family_representative,
    Role.chair,
    Role.facilitator,
)


@dataclass(frozen=True)
class RoleCount:
    role: Role
    attended: int
    invited: int  # invited, or present without an invitation


@dataclass(frozen=True)
class AttendanceGroup:
    """One initiative's people at the session (``initiative`` empty: those without one)."""

    initiative: str
    roles: tuple[RoleCount, ...]

    def of(self, role: Role) -> RoleCount | None:
        return next((count for count in self.roles if count.role == role), None)

    @property
    def attended(self) -> int:
        return sum(r.attended for r in self.roles)

    @property
    def invited(self) -> int:
        return sum(r.invited for r in self.roles)


@dataclass(frozen=True)
class BreakoutGroup:
    name: str
    people: int
    initiatives: tuple[str, ...]


@dataclass(frozen=True)
class AttendanceView:
    recorded: bool  # False until anyone's presence was recorded
    attended: int
    invited: int
    initiatives: tuple[AttendanceGroup, ...]
    initiative_roles: tuple[Role, ...]  # the roles any initiative had invited: the columns
    without_initiative: AttendanceGroup | None
    groups: tuple[BreakoutGroup, ...]


@dataclass(frozen=True)
class ContributionView:
    kind: AgendaItemKind  # dilemma or good_practice
    title: str
    initiative: str
    condition: PartnershipCondition
    level: IntegrationLevel
    description: str


@dataclass(frozen=True)
class ReportItem:
    position: int
    kind: AgendaItemKind
    title: str
    starts: datetime  # in the session's time zone (app.agendas.schedule)
    ends: datetime
    duration_minutes: int
    actual_minutes: int | None
    owner: str
    minutes: str
    contribution: ContributionView | None


@dataclass(frozen=True)
class ReportAction:
    initiative: str
    title: str
    description: str
    owner: str
    condition: PartnershipCondition
    level: IntegrationLevel
    due_date: date | None
    pdsa_stage: PdsaStage
    status: ActionStatus


@dataclass(frozen=True)
class QuestionResult:
    question: str  # app.evaluations.schemas.QUESTIONS
    label: str  # untranslated: the template translates
    sentence: str  # untranslated, with %(high)s and %(total)s
    counts: tuple[int, ...]
    high: int
    total: int
    median: str  # as the report's language writes it, "–" without answers
    chart: BarChart


@dataclass(frozen=True)
class EvaluationView:
    attended: int
    answered: int
    questions: tuple[QuestionResult, ...]


@dataclass(frozen=True)
class ReportView:
    language: str
    community_name: str
    session_number: int
    starts_at: datetime
    timezone: str
    slot_ends: datetime | None
    ends: datetime
    place: str
    online_url: str
    focus: str
    chair: str
    published_at: datetime | None  # the report's publication
    cancelled: bool
    held: bool  # the session has started: minutes are shown
    attendance: AttendanceView
    items: tuple[ReportItem, ...]
    contributions: tuple[ContributionView, ...]
    actions: tuple[ReportAction, ...]
    evaluation: EvaluationView

    @property
    def is_draft(self) -> bool:
        return self.published_at is None

    @property
    def planned_minutes(self) -> int:
        return sum(item.duration_minutes for item in self.items)

    @property
    def actual_minutes(self) -> int | None:
        """The time the items took in all, when it was recorded for every timed item."""
        timed = [item for item in self.items if item.duration_minutes]
        if not timed or any(item.actual_minutes is None for item in timed):
            return None
        return sum(item.actual_minutes or 0 for item in self.items)


def _attendance(db: Session, learning_session: LearningSession) -> AttendanceView:
    rows = db.exec(select(Attendance).where(Attendance.session_id == learning_session.id)).all()
    listed = [row for row in rows if row.invited or row.attended]
    person_ids = [row.person_id for row in listed]
    memberships = (
        db.exec(
            select(Membership, Initiative.name)
            .outerjoin(Initiative, col(Initiative.id) == Membership.initiative_id)
            .where(col(Membership.person_id).in_(person_ids))
        ).all()
        if person_ids
        else []
    )
    held: dict[int, set[tuple[str, Role]]] = defaultdict(set)
    for membership, initiative_name in memberships:
        held[membership.person_id].add((initiative_name or "", Role(membership.role)))
    counts: dict[tuple[str, Role], list[int]] = defaultdict(lambda: [0, 0])
    groups: dict[str, list[int]] = defaultdict(list)
    for row in listed:
        for place in held.get(row.person_id, set()):
            counts[place][1] += 1
            counts[place][0] += 1 if row.attended else 0
        if row.attended and row.group_name.strip():
            groups[row.group_name.strip()].append(row.person_id)

    def group(initiative: str) -> AttendanceGroup:
        return AttendanceGroup(
            initiative=initiative,
            roles=tuple(
                RoleCount(role, *counts[(initiative, role)])
                for role in ROLE_ORDER
                if (initiative, role) in counts
            ),
        )

    initiative_names = sorted({name for name, _ in counts if name})
    return AttendanceView(
        recorded=any(row.attended is not None for row in listed),
        attended=sum(1 for row in listed if row.attended),
        invited=len(listed),
        initiatives=tuple(group(name) for name in initiative_names),
        initiative_roles=tuple(
            role for role in ROLE_ORDER if any((n, role) in counts for n in initiative_names)
        ),
        without_initiative=group("") if any(not name for name, _ in counts) else None,
        groups=tuple(
            BreakoutGroup(
                name=name,
                people=len(people),
                initiatives=tuple(sorted({n for p in people for n, _ in held.get(p, set()) if n})),
            )
            for name, people in sorted(groups.items())
        ),
    )


def _contributions(
    db: Session, items: Sequence[AgendaItem]
) -> dict[ContributionKey, ContributionView]:
    return {
        key: ContributionView(
            kind=key[0],
            title=contribution.title,
            initiative=initiative,
            condition=contribution.condition,
            level=contribution.level,
            description=contribution.description,
        )
        for key, (contribution, initiative) in item_contributions(db=db, items=items).items()
    }


def _contribution_of(
    item: AgendaItem, found: dict[ContributionKey, ContributionView]
) -> ContributionView | None:
    key = contribution_key(item)
    return None if key is None else found.get(key)


def _actions(db: Session, learning_session: LearningSession) -> tuple[ReportAction, ...]:
    rows = db.exec(
        select(Action, Initiative.name, Person.name)
        .join(Initiative, col(Initiative.id) == Action.initiative_id)
        .outerjoin(Person, col(Person.id) == Action.owner_id)
        .where(Action.opened_in_session_id == learning_session.id)
        .order_by(col(Initiative.name), col(Action.id))
    ).all()
    return tuple(
        ReportAction(
            initiative=initiative,
            title=action.title,
            description=action.description,
            owner=owner or "",
            condition=action.condition,
            level=action.level,
            due_date=action.due_date,
            pdsa_stage=action.pdsa_stage,
            status=action.status,
        )
        for action, initiative, owner in rows
    )


def _evaluation(db: Session, learning_session: LearningSession, language: str) -> EvaluationView:
    results = evaluations.results(db=db, learning_session=learning_session)
    questions = []
    for question in QUESTIONS:
        found = results.questions[question]
        median = found.median
        questions.append(
            QuestionResult(
                question=question,
                label=QUESTION_SHORT[question],
                sentence=QUESTION_SENTENCES[question],
                counts=found.counts,
                high=found.high,
                total=found.total,
                median="–" if median is None else format_decimal(median, locale=language),
                chart=bar_chart(found.counts),
            )
        )
    return EvaluationView(
        attended=results.attended, answered=results.answered, questions=tuple(questions)
    )


def build_report_view(
    *, db: Session, learning_session: LearningSession, language: str
) -> ReportView:
    """The session's report in ``language``: attendance, minutes, contributions discussed,
    actions agreed and the evaluation's results."""
    items = session_items(db=db, learning_session=learning_session)
    timed = schedule(learning_session, items)
    people_ids = {i.owner_id for i in items if i.owner_id} | (
        {learning_session.chair_id} if learning_session.chair_id else set()
    )
    names = (
        dict(db.exec(select(Person.id, Person.name).where(col(Person.id).in_(people_ids))).all())
        if people_ids
        else {}
    )
    found = _contributions(db, items)
    held = minutes_open(learning_session)
    entries = tuple(
        ReportItem(
            position=position,
            kind=slot.item.kind,
            title=slot.item.title,
            starts=slot.starts,
            ends=slot.ends,
            duration_minutes=slot.item.duration_minutes,
            actual_minutes=slot.item.actual_minutes if held else None,
            owner=names.get(slot.item.owner_id, ""),
            minutes=slot.item.minutes if held else "",
            contribution=_contribution_of(slot.item, found),
        )
        for position, slot in enumerate(timed.slots, 1)
    )
    community = db.get(LearningCommunity, learning_session.community_id)
    return ReportView(
        language=language,
        community_name=community.name if community else "",
        session_number=learning_session.number,
        starts_at=timed.starts,
        timezone=learning_session.timezone,
        slot_ends=timed.slot_ends,
        ends=timed.ends,
        place=learning_session.place,
        online_url=learning_session.online_url,
        focus=learning_session.focus,
        chair=names.get(learning_session.chair_id, ""),
        published_at=learning_session.report_published_at,
        cancelled=learning_session.cancelled_at is not None,
        held=held,
        attendance=_attendance(db, learning_session),
        items=entries,
        contributions=tuple(
            dict.fromkeys(e.contribution for e in entries if e.contribution is not None)
        ),
        actions=_actions(db, learning_session),
        evaluation=_evaluation(db, learning_session, language),
    )
