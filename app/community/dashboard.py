"""What is next for the signed-in person: a handful of steps, each a sentence and a link.

A fixed number of queries whatever the number of initiatives; the template words each
step by its kind, so every sentence is translated where it is shown.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sqlmodel import Session, col, select

from app.agendas.models import ReflectiveQuestion
from app.auth.principal import Principal
from app.factsheets import listing as factsheet_listing
from app.factsheets.models import Factsheet
from app.initiatives.models import Initiative
from app.learning_sessions.composition import composition_gaps
from app.learning_sessions.models import LearningSession
from app.reflections import service as reflection_service
from app.vocabulary import INITIATIVE_SESSION_ROLES, FactsheetStatus, Role, SessionStatus

UPCOMING = (SessionStatus.planned, SessionStatus.prepared)


class StepKind(StrEnum):
    composition_incomplete = "composition_incomplete"
    factsheets_unpublished = "factsheets_unpublished"
    invite_people = "invite_people"
    prepare_session = "prepare_session"
    session_contributions = "session_contributions"
    start_draft = "start_draft"
    continue_draft = "continue_draft"
    review_factsheet = "review_factsheet"
    read_factsheet = "read_factsheet"
    submit_contribution = "submit_contribution"


@dataclass(frozen=True)
class NextStep:
    kind: StepKind
    href: str
    # What the sentence is about: a session number, an initiative's name, a count.
    number: int = 0
    subject: str = ""
    count: int = 0
    status: FactsheetStatus | None = None


@dataclass(frozen=True)
class PlainFactsheet:
    factsheet_id: int
    initiative_name: str


@dataclass(frozen=True)
class FamilyBriefing:
    """For a family representative: the next session and the questions for them."""

    learning_session: LearningSession
    questions: list[ReflectiveQuestion]
    plain_factsheets: list[PlainFactsheet]


@dataclass(frozen=True)
class Dashboard:
    next_session: LearningSession | None
    steps: list[NextStep] = field(default_factory=list)
    family: FamilyBriefing | None = None


def next_session(*, db: Session, community_id: int) -> LearningSession | None:
    return db.exec(
        select(LearningSession)
        .where(
            LearningSession.community_id == community_id,
            col(LearningSession.status).in_(UPCOMING),
        )
        .order_by(col(LearningSession.number))
        .limit(1)
    ).first()


def _latest_factsheets(
    *, db: Session, session_id: int, initiative_ids: Sequence[int] | None = None
) -> dict[int, tuple[Factsheet, str]]:
    """The newest factsheet version per initiative for one session, with its name."""
    query = (
        select(Factsheet, Initiative.name)
        .join(Initiative, col(Initiative.id) == Factsheet.initiative_id)
        .where(Factsheet.session_id == session_id)
        .order_by(col(Factsheet.version_number))
    )
    if initiative_ids is not None:
        query = query.where(col(Factsheet.initiative_id).in_(initiative_ids))
    return {factsheet.initiative_id: (factsheet, name) for factsheet, name in db.exec(query)}


def _latest_published(*, db: Session, session_id: int) -> dict[int, tuple[Factsheet, str]]:
    query = (
        select(Factsheet, Initiative.name)
        .join(Initiative, col(Initiative.id) == Factsheet.initiative_id)
        .where(Factsheet.session_id == session_id, Factsheet.status == FactsheetStatus.published)
        .order_by(col(Initiative.name), col(Factsheet.version_number))
    )
    return {factsheet.initiative_id: (factsheet, name) for factsheet, name in db.exec(query)}


def _facilitator_steps(*, db: Session, upcoming: LearningSession) -> list[NextStep]:
    assert upcoming.id is not None
    steps: list[NextStep] = []
    gaps = composition_gaps(db=db, learning_session=upcoming)
    if gaps:
        steps.append(
            NextStep(
                kind=StepKind.composition_incomplete,
                href=f"/sessions/{upcoming.id}",
                number=upcoming.number,
                count=gaps,
            )
        )
    unpublished = factsheet_listing.unpublished_count(
        db=db, community_id=upcoming.community_id, session_id=upcoming.id
    )
    if unpublished:
        steps.append(
            NextStep(
                kind=StepKind.factsheets_unpublished,
                href=f"/sessions/{upcoming.id}/factsheets",
                number=upcoming.number,
                count=unpublished,
            )
        )
    steps.append(
        NextStep(kind=StepKind.invite_people, href="/community/invitations", number=upcoming.number)
    )
    return steps


def _chair_steps(*, db: Session, principal: Principal) -> list[NextStep]:
    chaired = db.exec(
        select(LearningSession)
        .where(
            LearningSession.community_id == principal.community_id,
            LearningSession.chair_id == principal.person_id,
            col(LearningSession.status).in_(UPCOMING),
        )
        .order_by(col(LearningSession.number))
        .limit(1)
    ).first()
    if chaired is None:
        return []
    return [
        NextStep(
            kind=StepKind.prepare_session,
            href=f"/sessions/{chaired.id}/prepare",
            number=chaired.number,
        ),
        NextStep(
            kind=StepKind.session_contributions,
            href=f"/sessions/{chaired.id}/contributions",
            number=chaired.number,
        ),
    ]


def _initiative_steps(
    *, db: Session, principal: Principal, upcoming: LearningSession
) -> list[NextStep]:
    assert upcoming.id is not None
    roles = {i: principal.roles_in(i) for i in principal.own_initiative_ids}
    researched = [i for i, held in roles.items() if Role.practitioner_researcher in held]
    represented = [i for i, held in roles.items() if held.intersection(INITIATIVE_SESSION_ROLES)]
    if not researched and not represented:
        return []
    wanted = sorted({*researched, *represented})
    names = dict(
        db.exec(select(Initiative.id, Initiative.name).where(col(Initiative.id).in_(wanted))).all()
    )
    latest = _latest_factsheets(db=db, session_id=upcoming.id, initiative_ids=wanted)
    steps: list[NextStep] = []
    for initiative_id in sorted(researched, key=lambda i: names.get(i, "")):
        name = names.get(initiative_id, "")
        if initiative_id not in latest:
            steps.append(
                NextStep(
                    kind=StepKind.start_draft,
                    href=f"/initiatives/{initiative_id}/factsheets",
                    number=upcoming.number,
                    subject=name,
                )
            )
            continue
        factsheet, _ = latest[initiative_id]
        if factsheet.status != FactsheetStatus.published:
            steps.append(
                NextStep(
                    kind=StepKind.continue_draft,
                    href=f"/factsheets/{factsheet.id}",
                    number=upcoming.number,
                    subject=name,
                    status=factsheet.status,
                )
            )
    for initiative_id in sorted(represented, key=lambda i: names.get(i, "")):
        name = names.get(initiative_id, "")
        if initiative_id in latest:
            factsheet, _ = latest[initiative_id]
            if factsheet.status == FactsheetStatus.in_review:
                steps.append(
                    NextStep(
                        kind=StepKind.review_factsheet,
                        href=f"/factsheets/{factsheet.id}",
                        number=upcoming.number,
                        subject=name,
                    )
                )
            elif factsheet.status == FactsheetStatus.published:
                steps.append(
                    NextStep(
                        kind=StepKind.read_factsheet,
                        href=f"/factsheets/{factsheet.id}",
                        number=upcoming.number,
                        subject=name,
                    )
                )
        steps.append(
            NextStep(
                kind=StepKind.submit_contribution,
                href=f"/initiatives/{initiative_id}/contributions/new",
                number=upcoming.number,
                subject=name,
            )
        )
    return steps


def _family_briefing(*, db: Session, upcoming: LearningSession, person_id: int) -> FamilyBriefing:
    assert upcoming.id is not None
    published = _latest_published(db=db, session_id=upcoming.id)
    return FamilyBriefing(
        learning_session=upcoming,
        # The questions they answer on the reflection page (/sessions/{id}/reflect).
        questions=reflection_service.questions_for(
            db=db, learning_session=upcoming, person_id=person_id
        ),
        plain_factsheets=[
            PlainFactsheet(factsheet_id=factsheet.id or 0, initiative_name=name)
            for factsheet, name in published.values()
        ],
    )


def dashboard(*, db: Session, principal: Principal) -> Dashboard:
    upcoming = next_session(db=db, community_id=principal.community_id)
    steps: list[NextStep] = []
    if principal.is_facilitator and upcoming is not None:
        steps += _facilitator_steps(db=db, upcoming=upcoming)
    if principal.is_chair:
        steps += _chair_steps(db=db, principal=principal)
    if upcoming is not None:
        steps += _initiative_steps(db=db, principal=principal, upcoming=upcoming)
    family = (
        _family_briefing(db=db, upcoming=upcoming, person_id=principal.person_id)
        if principal.is_family_representative and upcoming is not None
        else None
    )
    return Dashboard(next_session=upcoming, steps=steps, family=family)
