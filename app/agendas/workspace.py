"""What the chair's workspace shows about the agenda and the questions, in a fixed number of
queries: the items with their clock times, owners and links, the choices for the forms,
and whether the published agenda is up to date."""

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, or_, select

from app.agendas import questions as question_service
from app.agendas import review
from app.agendas.background import session_background
from app.agendas.models import AgendaItem, BankQuestion, ReflectiveQuestion
from app.agendas.schedule import Schedule, schedule
from app.agendas.schemas import AgendaItemForm, QuestionForm
from app.agendas.service import agenda_items
from app.agendas.suggestions import suggest_questions
from app.auth.principal import Principal
from app.contributions.models import ContributionColumns, Dilemma, GoodPractice
from app.initiatives.models import Initiative
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Membership, Person
from app.vocabulary import (
    AgendaItemKind,
    ContributionStatus,
    IntegrationLevel,
    PartnershipCondition,
    Role,
)

TARGET_ROLES = [Role.family_representative, Role.policymaker, Role.manager, Role.practitioner]


def workspace_context(
    *, db: Session, learning_session: LearningSession, viewer: Principal, language: str
) -> dict[str, Any]:
    """Everything the workspace page shows; the routes add the form being corrected."""
    agenda = agenda_view(db=db, learning_session=learning_session)
    questions = questions_view(db=db, learning_session=learning_session, language=language)
    chair = None if learning_session.chair_id is None else db.get(Person, learning_session.chair_id)
    return {
        "learning_session": learning_session,
        "chair_name": chair.name if chair else None,
        "background": session_background(db=db, learning_session=learning_session, viewer=viewer),
        "suggestions": suggest_questions(
            db=db, learning_session=learning_session, language=language
        ),
        "agenda": agenda,
        # Open actions this session reviews, when the agenda has no review item for them yet.
        "review_offer": review.actions_to_review(db=db, learning_session=learning_session)
        if not review.has_review_item(db=db, learning_session=learning_session)
        else 0,
        "questions": questions,
        "kinds": list(AgendaItemKind),
        "conditions": list(PartnershipCondition),
        "levels": list(IntegrationLevel),
        "target_roles": TARGET_ROLES,
        "new_item": AgendaItemForm(duration_minutes="15"),
        "new_item_open": False,
        "question_form": QuestionForm(),
        "errors": {},
        "question_errors": {},
        "edited": None,
        "edited_question": None,
        "conflict": None,
        "question_conflict": None,
        "focus": None,
        "focus_control": None,
    }


@dataclass(frozen=True)
class LinkOption:
    value: str  # "question:12"
    text: str


@dataclass(frozen=True)
class AgendaView:
    schedule: Schedule[AgendaItem]
    owners: dict[int, str]  # person id → name, for the items' owners and the owner select
    links: dict[str, str]  # link value → what the item is built around
    question_options: list[LinkOption]
    contribution_options: list[LinkOption]
    version: int
    published: bool
    changed_since_published: bool


@dataclass(frozen=True)
class QuestionsView:
    chosen: list[ReflectiveQuestion]
    bank: dict[PartnershipCondition, list[BankQuestion]]  # not yet chosen, per condition
    addressed: dict[Role, int]  # how many chosen questions address each role


def item_form_context(
    *, db: Session, learning_session: LearningSession, item: AgendaItem
) -> dict[str, Any]:
    """One item's edit form on its own (the edit page, or the fragment htmx opens inline)."""
    return {
        "learning_session": learning_session,
        "item": item,
        "form": AgendaItemForm.of(item),
        "errors": {},
        "agenda": agenda_view(db=db, learning_session=learning_session),
        "conflict": None,
        "kinds": list(AgendaItemKind),
        "focus_form": True,
    }


def question_form_context(
    *, learning_session: LearningSession, question: ReflectiveQuestion
) -> dict[str, Any]:
    return {
        "learning_session": learning_session,
        "question": question,
        "form": QuestionForm.of(question),
        "question_errors": {},
        "conditions": list(PartnershipCondition),
        "levels": list(IntegrationLevel),
        "target_roles": TARGET_ROLES,
    }


def agenda_view(*, db: Session, learning_session: LearningSession) -> AgendaView:
    assert learning_session.id is not None
    items = agenda_items(db=db, session_id=learning_session.id)
    chosen = question_service.session_questions(db=db, session_id=learning_session.id)
    contributions = _contributions(db, learning_session)
    question_options = [LinkOption(f"question:{q.id}", q.text) for q in chosen]
    contribution_options = [
        LinkOption(f"{kind}:{c.id}", f"{c.title} ({initiative})")
        for kind, c, initiative in contributions
    ]
    version = learning_session.agenda_version
    published = learning_session.agenda_published_at is not None
    return AgendaView(
        schedule=schedule(learning_session, items),
        owners=_owners(db, learning_session),
        links={o.value: o.text for o in [*question_options, *contribution_options]},
        question_options=question_options,
        contribution_options=contribution_options,
        version=version,
        published=published,
        changed_since_published=published and learning_session.agenda_published_version != version,
    )


def questions_view(
    *, db: Session, learning_session: LearningSession, language: str
) -> QuestionsView:
    assert learning_session.id is not None
    chosen = question_service.session_questions(db=db, session_id=learning_session.id)
    taken = {q.bank_question_id for q in chosen}
    by_condition: dict[PartnershipCondition, list[BankQuestion]] = {
        condition: [] for condition in PartnershipCondition
    }
    for question in question_service.bank(
        db=db, community_id=learning_session.community_id, language=language
    ):
        if question.id not in taken:
            by_condition[question.condition].append(question)
    addressed = {role: sum(1 for q in chosen if role in q.target_roles) for role in TARGET_ROLES}
    return QuestionsView(chosen=chosen, bank=by_condition, addressed=addressed)


def _owners(db: Session, learning_session: LearningSession) -> dict[int, str]:
    """Who can own an item: the chair, the invitees, and the community's facilitators."""
    facilitators = select(Membership.person_id).where(
        Membership.community_id == learning_session.community_id,
        Membership.role == Role.facilitator,
    )
    invited = select(Attendance.person_id).where(
        Attendance.session_id == learning_session.id, col(Attendance.invited)
    )
    rows = db.exec(
        select(Person.id, Person.name)
        .where(Person.community_id == learning_session.community_id)
        .where(
            or_(
                col(Person.id) == learning_session.chair_id,
                col(Person.id).in_(invited),
                col(Person.id).in_(facilitators),
            )
        )
        .order_by(col(Person.name))
    ).all()
    return {person_id: name for person_id, name in rows if person_id is not None}


def _contributions(
    db: Session, learning_session: LearningSession
) -> list[tuple[str, ContributionColumns, str]]:
    """This session's dilemmas and good practices that are not withdrawn."""
    found: list[tuple[str, ContributionColumns, str]] = []
    models: list[tuple[str, type[Dilemma] | type[GoodPractice]]] = [
        ("dilemma", Dilemma),
        ("good_practice", GoodPractice),
    ]
    for kind, model in models:
        rows = db.exec(
            select(model, Initiative.name)
            .join(Initiative, col(Initiative.id) == col(model.initiative_id))
            .where(col(model.session_id) == learning_session.id)
            .where(col(model.status) != ContributionStatus.withdrawn)
            .order_by(col(model.id))
        ).all()
        found.extend((kind, contribution, name) for contribution, name in rows)
    return found
