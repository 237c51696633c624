"""Dilemmas and good practices: submitting them, and putting them on a session's agenda."""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, or_, update
from sqlmodel import Session, col, func, select

from app.agendas.models import AgendaItem
from app.contributions.models import ContributionColumns, Dilemma, GoodPractice
from app.contributions.schemas import ContributionCreate, ContributionKind
from app.errors import NotFoundError
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.vocabulary import AgendaItemKind, ContributionStatus, InitiativeStatus, SessionStatus

Contribution = ContributionColumns  # a Dilemma or a GoodPractice
MODELS: dict[ContributionKind, type[Dilemma] | type[GoodPractice]] = {
    ContributionKind.dilemma: Dilemma,
    ContributionKind.good_practice: GoodPractice,
}
AGENDA_MINUTES = 20
OPEN_SESSION_STATUSES = (SessionStatus.planned, SessionStatus.prepared)


@dataclass(frozen=True)
class ContributionRow:
    kind: ContributionKind
    contribution: Contribution
    initiative: Initiative
    submitter: Person | None


def open_sessions(*, db: Session, community_id: int) -> Sequence[LearningSession]:
    """The sessions still ahead, that a contribution can be submitted for."""
    return db.exec(
        select(LearningSession)
        .where(LearningSession.community_id == community_id)
        .where(col(LearningSession.status).in_(OPEN_SESSION_STATUSES))
        .order_by(col(LearningSession.number))
    ).all()


def submit_contribution(
    *, db: Session, initiative_id: int, submitted_by_id: int, data: ContributionCreate
) -> Contribution:
    model = MODELS[data.kind]
    contribution = model(
        initiative_id=initiative_id,
        session_id=data.session_id,
        submitted_by_id=submitted_by_id,
        title=data.title,
        description=data.description,
        condition=data.condition,
        level=data.level,
    )
    db.add(contribution)
    db.flush()
    return contribution


def session_contributions(
    *, db: Session, learning_session: LearningSession
) -> tuple[list[ContributionRow], list[ContributionRow]]:
    """Those submitted for this session, and those of active initiatives with no session yet.

    One query per kind, initiatives and submitters joined in.
    """
    for_session: list[ContributionRow] = []
    unscheduled: list[ContributionRow] = []
    for kind, model in MODELS.items():
        rows = db.exec(
            select(model, Initiative, Person)
            .join(Initiative, col(Initiative.id) == col(model.initiative_id))
            .outerjoin(Person, col(Person.id) == col(model.submitted_by_id))
            .where(Initiative.community_id == learning_session.community_id)
            .where(col(model.status) != ContributionStatus.withdrawn)
            .where(
                or_(
                    col(model.session_id) == learning_session.id,
                    and_(
                        col(model.session_id).is_(None),
                        col(Initiative.status) == InitiativeStatus.active,
                    ),
                )
            )
            .order_by(col(Initiative.name), col(model.created_at), col(model.id))
        ).all()
        for contribution, initiative, submitter in rows:
            row = ContributionRow(kind, contribution, initiative, submitter)
            if contribution.session_id is None:
                unscheduled.append(row)
            else:
                for_session.append(row)
    return for_session, unscheduled


def get_contribution(
    *, db: Session, kind: ContributionKind, contribution_id: int, community_id: int
) -> Contribution:
    model = MODELS[kind]
    found = db.exec(
        select(model)
        .join(Initiative, col(Initiative.id) == col(model.initiative_id))
        .where(col(model.id) == contribution_id)
        .where(Initiative.community_id == community_id)
    ).first()
    if found is None:
        raise NotFoundError(
            N_("There is no %(kind)s with id %(id)s."),
            arguments={"kind": kind.value.replace("_", " "), "id": contribution_id},
        )
    return found


def _agenda_link(kind: ContributionKind, contribution_id: int) -> ColumnElement[bool]:
    if kind is ContributionKind.dilemma:
        return col(AgendaItem.dilemma_id) == contribution_id
    return col(AgendaItem.good_practice_id) == contribution_id


def _remove_agenda_items(
    *, db: Session, kind: ContributionKind, contribution: Contribution
) -> None:
    assert contribution.id is not None
    items = db.exec(select(AgendaItem).where(_agenda_link(kind, contribution.id))).all()
    for item in items:
        db.delete(item)
    db.flush()
    for session_id in {item.session_id for item in items}:
        _agenda_changed(db, session_id)


def _agenda_changed(db: Session, session_id: int) -> None:
    """Raise the agenda's version (app.agendas.service keeps it as the agenda's lock), so an
    open workspace hears of the new item and the published agenda shows as changed."""
    db.execute(
        update(LearningSession)
        .where(col(LearningSession.id) == session_id)
        .values(agenda_version=col(LearningSession.agenda_version) + 1)
        .execution_options(synchronize_session=False)
    )


def put_on_agenda(
    *,
    db: Session,
    kind: ContributionKind,
    contribution: Contribution,
    learning_session: LearningSession,
) -> AgendaItem:
    """Mark it on the agenda of this session, as one 20-minute block at the end."""
    assert contribution.id is not None and learning_session.id is not None
    # At most one agenda item per contribution: moving it replaces the old one.
    _remove_agenda_items(db=db, kind=kind, contribution=contribution)
    last = db.exec(
        select(func.max(AgendaItem.position)).where(AgendaItem.session_id == learning_session.id)
    ).one()
    item = AgendaItem(
        session_id=learning_session.id,
        position=0 if last is None else last + 1,
        kind=AgendaItemKind(kind.value),
        title=contribution.title[:300],
        duration_minutes=AGENDA_MINUTES,
        dilemma_id=contribution.id if kind is ContributionKind.dilemma else None,
        good_practice_id=contribution.id if kind is ContributionKind.good_practice else None,
    )
    contribution.status = ContributionStatus.on_agenda
    contribution.session_id = learning_session.id
    db.add(item)
    db.add(contribution)
    db.flush()
    _agenda_changed(db, learning_session.id)
    return item


def take_off_agenda(*, db: Session, kind: ContributionKind, contribution: Contribution) -> None:
    _remove_agenda_items(db=db, kind=kind, contribution=contribution)
    contribution.status = ContributionStatus.submitted
    db.add(contribution)
    db.flush()
