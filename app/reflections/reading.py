"""Reading a session's reflections: grouped per condition and question (and on factsheets,
on dilemmas, in general), counted per perspective, with who has not answered yet.

Built for the chair's grouped page, its printable view and the chair's briefing pack, in a
fixed number of statements whatever the number of reflections. Who reads what is
``app.reflections.visibility``; names follow the author's choice there too.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.agendas.models import ReflectiveQuestion
from app.auth.principal import Principal
from app.contributions.models import Dilemma
from app.factsheets.models import Factsheet
from app.initiatives.models import Initiative
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Membership, Person
from app.reflections import service as reflection_service
from app.reflections import visibility
from app.reflections.models import Reflection
from app.vocabulary import (
    PartnershipCondition,
    Perspective,
    ReflectionStatus,
    ReflectionVisibility,
    Role,
)

# The order counts are shown in: the family perspective first.
PERSPECTIVES: tuple[Perspective, ...] = (
    Perspective.family,
    Perspective.professional,
    Perspective.organisation,
    Perspective.local_government,
)
PerspectiveCounts = tuple[tuple[Perspective, int], ...]
# A question for everyone is for every participant; the facilitator and the chair ask them.
_ANSWERING_ROLES = {str(role) for role in Role if role not in (Role.facilitator, Role.chair)}


@dataclass(frozen=True)
class ReflectionView:
    reflection_id: int
    text: str
    perspective: Perspective
    shown_name: str  # "" when the author appears by perspective
    anonymous_as: str  # N_-marked: "a family representative", shown when shown_name is ""
    submitted_at: datetime | None
    visibility: ReflectionVisibility
    hidden: bool = False
    hidden_reason: str = ""

    @property
    def is_family(self) -> bool:
        return self.perspective == Perspective.family


@dataclass(frozen=True)
class QuestionGroup:
    question_id: int
    text: str
    condition: PartnershipCondition
    target_roles: tuple[Role, ...]  # empty: addressed to everyone
    reflections: tuple[ReflectionView, ...]
    counts: PerspectiveCounts
    not_answered: tuple[str, ...]  # invitees it is addressed to, by name


@dataclass(frozen=True)
class ConditionGroup:
    condition: PartnershipCondition
    questions: tuple[QuestionGroup, ...]
    counts: PerspectiveCounts

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)


@dataclass(frozen=True)
class TopicGroup:
    """The reflections on one factsheet (title: its initiative, detail: its version) or one
    dilemma (title: the dilemma, detail: its initiative)."""

    title: str
    detail: str
    condition: PartnershipCondition | None  # a dilemma's condition
    reflections: tuple[ReflectionView, ...]
    counts: PerspectiveCounts


@dataclass(frozen=True)
class GroupedReflections:
    conditions: tuple[ConditionGroup, ...]
    factsheets: tuple[TopicGroup, ...]
    dilemmas: tuple[TopicGroup, ...]
    general: tuple[ReflectionView, ...]
    general_counts: PerspectiveCounts
    counts: PerspectiveCounts

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)


def count(reflections: Iterable[ReflectionView]) -> PerspectiveCounts:
    found = dict.fromkeys(PERSPECTIVES, 0)
    for reflection in reflections:
        found[reflection.perspective] += 1
    return tuple(found.items())


def _view(reflection: Reflection, author_name: str | None, *, with_hidden: bool) -> ReflectionView:
    hidden = reflection.hidden_at is not None
    return ReflectionView(
        reflection_id=reflection.id or 0,
        text=reflection.text,
        perspective=Perspective(reflection.perspective),
        shown_name=visibility.shown_name(reflection, author_name),
        anonymous_as=visibility.anonymous_name(reflection.perspective),
        submitted_at=reflection.submitted_at,
        visibility=ReflectionVisibility(reflection.visibility),
        hidden=hidden and with_hidden,
        hidden_reason=reflection.hidden_reason if hidden and with_hidden else "",
    )


def _rows(db: Session, learning_session: LearningSession, condition: ColumnElement[bool]) -> Any:
    """The session's reflections that ``condition`` admits, with what each is about. One query."""
    dilemma_initiative = aliased(Initiative)
    factsheet_initiative = aliased(Initiative)
    return db.exec(
        select(  # type: ignore[call-overload]
            Reflection,
            col(Person.name).label("author_name"),
            col(Dilemma.title).label("dilemma_title"),
            col(Dilemma.condition).label("dilemma_condition"),
            col(dilemma_initiative.name).label("dilemma_initiative"),
            col(Factsheet.version_number).label("factsheet_version"),
            col(factsheet_initiative.name).label("factsheet_initiative"),
        )
        .outerjoin(Person, col(Person.id) == Reflection.author_id)
        .outerjoin(Dilemma, col(Dilemma.id) == Reflection.dilemma_id)
        .outerjoin(dilemma_initiative, col(dilemma_initiative.id) == Dilemma.initiative_id)
        .outerjoin(Factsheet, col(Factsheet.id) == Reflection.factsheet_id)
        .outerjoin(factsheet_initiative, col(factsheet_initiative.id) == Factsheet.initiative_id)
        .where(Reflection.session_id == learning_session.id, condition)
        .order_by(col(Reflection.submitted_at), col(Reflection.id))
    ).all()


def _questions(db: Session, learning_session: LearningSession) -> Sequence[ReflectiveQuestion]:
    return db.exec(
        select(ReflectiveQuestion)
        .where(ReflectiveQuestion.session_id == learning_session.id)
        .order_by(col(ReflectiveQuestion.position), col(ReflectiveQuestion.id))
    ).all()


def not_answered(
    *, db: Session, learning_session: LearningSession, questions: Sequence[ReflectiveQuestion]
) -> dict[int, tuple[str, ...]]:
    """Per question, the invitees it is addressed to (one of their roles; when it names none,
    everyone but those who only run the session) who have not submitted an answer, by name.
    Two queries."""
    invitees: dict[int, tuple[str, set[str]]] = {}
    for person_id, name, role in db.exec(
        select(Person.id, Person.name, Membership.role)
        .join(Attendance, col(Attendance.person_id) == Person.id)
        .outerjoin(Membership, col(Membership.person_id) == Person.id)
        .where(Attendance.session_id == learning_session.id, col(Attendance.invited).is_(True))
        .order_by(col(Person.name), col(Person.id))
    ).all():
        roles = invitees.setdefault(person_id or 0, (name, set()))[1]
        if role is not None:
            roles.add(str(role))
    answered = set(
        db.exec(
            select(Reflection.author_id, Reflection.reflective_question_id)
            .where(
                Reflection.session_id == learning_session.id,
                Reflection.status == ReflectionStatus.submitted,
                col(Reflection.reflective_question_id).is_not(None),
            )
            .distinct()
        ).all()
    )
    found: dict[int, tuple[str, ...]] = {}
    for question in questions:
        wanted = {str(role) for role in question.target_roles} or _ANSWERING_ROLES
        found[question.id or 0] = tuple(
            name
            for person_id, (name, roles) in invitees.items()
            if wanted & roles and (person_id, question.id) not in answered
        )
    return found


def _group(
    rows: Any,
    questions: Sequence[ReflectiveQuestion],
    missing: dict[int, tuple[str, ...]],
    *,
    with_hidden: bool,
) -> GroupedReflections:
    on_question: dict[int, list[ReflectionView]] = {}
    factsheets: dict[int, tuple[str, str, list[ReflectionView]]] = {}
    dilemmas: dict[int, tuple[str, str, PartnershipCondition, list[ReflectionView]]] = {}
    general: list[ReflectionView] = []
    for row in rows:
        reflection: Reflection = row[0]
        view = _view(reflection, row.author_name, with_hidden=with_hidden)
        if reflection.reflective_question_id is not None:
            on_question.setdefault(reflection.reflective_question_id, []).append(view)
        elif reflection.factsheet_id is not None:
            version = str(row.factsheet_version)
            entry = factsheets.setdefault(
                reflection.factsheet_id, (row.factsheet_initiative or "", version, [])
            )
            entry[2].append(view)
        elif reflection.dilemma_id is not None:
            condition = PartnershipCondition(row.dilemma_condition)
            dilemmas.setdefault(
                reflection.dilemma_id,
                (row.dilemma_title or "", row.dilemma_initiative or "", condition, []),
            )[3].append(view)
        else:
            general.append(view)
    conditions = []
    for condition in PartnershipCondition:
        groups = tuple(
            QuestionGroup(
                question_id=question.id or 0,
                text=question.text,
                condition=question.condition,
                target_roles=tuple(Role(role) for role in question.target_roles),
                reflections=tuple(on_question.get(question.id or 0, ())),
                counts=count(on_question.get(question.id or 0, ())),
                not_answered=missing.get(question.id or 0, ()),
            )
            for question in questions
            if question.condition == condition
        )
        in_condition = [view for group in groups for view in group.reflections]
        conditions.append(ConditionGroup(condition, groups, count(in_condition)))
    factsheet_groups = tuple(
        TopicGroup(initiative, version, None, tuple(views), count(views))
        for initiative, version, views in factsheets.values()
    )
    dilemma_groups = tuple(
        TopicGroup(title, initiative, condition, tuple(views), count(views))
        for title, initiative, condition, views in dilemmas.values()
    )
    everything = [_view(row[0], row.author_name, with_hidden=with_hidden) for row in rows]
    return GroupedReflections(
        conditions=tuple(conditions),
        factsheets=factsheet_groups,
        dilemmas=dilemma_groups,
        general=tuple(general),
        general_counts=count(general),
        counts=count(everything),
    )


def grouped_reflections(
    *,
    db: Session,
    learning_session: LearningSession,
    viewer: Principal,
    with_missing: bool = True,
) -> GroupedReflections:
    """The session's reflections as ``viewer`` may read them; ``with_missing`` (for its chair
    and the facilitators only: it names people) adds the "not answered yet" list per
    question. Five statements, however many reflections."""
    questions = _questions(db, learning_session)
    rows = _rows(db, learning_session, visibility.readable(viewer))
    missing = (
        not_answered(db=db, learning_session=learning_session, questions=questions)
        if with_missing
        else {}
    )
    return _group(rows, questions, missing, with_hidden=visibility.shows_hidden(viewer))


def reflections_closed(learning_session: LearningSession, now: datetime | None = None) -> bool:
    """Past the time to write reflections (``service.editable_until``: the end of the
    deadline's day in the session's zone; without a deadline, the session's start)."""
    return not reflection_service.is_open(learning_session, now=now)


def briefing_reflections(
    *, db: Session, learning_session: LearningSession, now: datetime | None = None
) -> GroupedReflections | None:
    """What the chair's briefing pack holds after the deadline: the submitted, unhidden
    reflections the session's participants may read, anonymised where the author chose.
    None before the deadline."""
    if not reflections_closed(learning_session, now):
        return None
    shared = (
        (col(Reflection.status) == ReflectionStatus.submitted)
        & col(Reflection.hidden_at).is_(None)
        & (col(Reflection.visibility) != ReflectionVisibility.private)
    )
    questions = _questions(db, learning_session)
    return _group(_rows(db, learning_session, shared), questions, {}, with_hidden=False)
