"""A session's agenda: items in order with their durations, edited by the chair and the
facilitator together.

The whole agenda has one optimistic lock, ``LearningSession.agenda_version``: every change
names the version it was made on and raises it in the same UPDATE, so of two people who
edit at once the second hears about the first instead of overwriting it.
"""

from dataclasses import dataclass

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from app.agendas.models import AgendaItem, ReflectiveQuestion
from app.agendas.schemas import AgendaItemData, AgendaLink, Direction, LinkKind, MoveData
from app.contributions.models import Dilemma, GoodPractice
from app.errors import FieldProblem, InvalidInputError, NotFoundError, StaleVersionError
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.people.models import Person
from app.vocabulary import ContributionStatus


class AgendaChangedError(StaleVersionError):
    """Someone else changed the agenda since this page was built."""


@dataclass(frozen=True)
class Moved:
    item: AgendaItem
    position: int  # 1-based, as people count
    total: int


def agenda_items(*, db: Session, session_id: int) -> list[AgendaItem]:
    return list(
        db.exec(
            select(AgendaItem)
            .where(AgendaItem.session_id == session_id)
            .order_by(col(AgendaItem.position), col(AgendaItem.id))
        ).all()
    )


def get_item(*, db: Session, learning_session: LearningSession, item_id: int) -> AgendaItem:
    item = db.get(AgendaItem, item_id)
    if item is None or item.session_id != learning_session.id:
        raise NotFoundError(
            N_("There is no agenda item with id %(id)s in this session."),
            arguments={"id": item_id},
        )
    return item


def claim_version(*, db: Session, learning_session: LearningSession, expected: int) -> None:
    """Raise the agenda version if it still is ``expected``; otherwise refuse the change."""
    result = db.execute(
        update(LearningSession)
        .where(col(LearningSession.id) == learning_session.id)
        .where(col(LearningSession.agenda_version) == expected)
        .values(agenda_version=col(LearningSession.agenda_version) + 1)
        .execution_options(synchronize_session=False)
    )
    db.refresh(learning_session, ["agenda_version"])
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise AgendaChangedError(
            N_(
                "Someone else changed this agenda while you were working on it. "
                "Their version is shown; your change is kept below to apply again."
            ),
            current_version=learning_session.agenda_version,
        )


def add_item(
    *, db: Session, learning_session: LearningSession, data: AgendaItemData, expected: int
) -> AgendaItem:
    """Append an item at the end of the agenda."""
    assert learning_session.id is not None
    _check_references(db=db, learning_session=learning_session, data=data)
    claim_version(db=db, learning_session=learning_session, expected=expected)
    last = db.exec(
        select(func.max(AgendaItem.position)).where(AgendaItem.session_id == learning_session.id)
    ).one()
    item = AgendaItem(
        session_id=learning_session.id,
        position=0 if last is None else last + 1,
        kind=data.kind,
        title=data.title,
    )
    _apply(item, data)
    db.add(item)
    _mark_contribution(db=db, learning_session=learning_session, link=data.link)
    db.flush()
    return item


def update_item(
    *,
    db: Session,
    learning_session: LearningSession,
    item_id: int,
    data: AgendaItemData,
    expected: int,
) -> AgendaItem:
    item = get_item(db=db, learning_session=learning_session, item_id=item_id)
    _check_references(db=db, learning_session=learning_session, data=data)
    claim_version(db=db, learning_session=learning_session, expected=expected)
    _apply(item, data)
    db.add(item)
    _mark_contribution(db=db, learning_session=learning_session, link=data.link)
    db.flush()
    return item


def remove_item(
    *, db: Session, learning_session: LearningSession, item_id: int, expected: int
) -> AgendaItem:
    item = get_item(db=db, learning_session=learning_session, item_id=item_id)
    claim_version(db=db, learning_session=learning_session, expected=expected)
    assert learning_session.id is not None
    db.delete(item)
    db.flush()
    linked: list[tuple[type[Dilemma] | type[GoodPractice], int | None]] = [
        (Dilemma, item.dilemma_id),
        (GoodPractice, item.good_practice_id),
    ]
    for model, contribution_id in linked:
        found = None if contribution_id is None else db.get(model, contribution_id)
        if found is not None and found.status == ContributionStatus.on_agenda:
            found.status = ContributionStatus.submitted
            db.add(found)
    _renumber(db=db, items=agenda_items(db=db, session_id=learning_session.id))
    return item


def move_item(
    *, db: Session, learning_session: LearningSession, move: MoveData, expected: int
) -> Moved:
    """Move one item up, down or to a position; the whole new order is saved at once."""
    assert learning_session.id is not None
    claim_version(db=db, learning_session=learning_session, expected=expected)
    items = agenda_items(db=db, session_id=learning_session.id)
    by_id = {item.id or 0: item for item in items}
    if sorted(move.order) != sorted(by_id) or move.item_id not in by_id:
        # The page showed another set of items than is stored: not this version after all.
        raise AgendaChangedError(
            N_("The agenda changed while you were working on it; here is the current one."),
            current_version=learning_session.agenda_version,
        )
    order = [by_id[item_id] for item_id in move.order]
    moving = by_id[move.item_id]
    index = order.index(moving)
    target = {
        Direction.up: index - 1,
        Direction.down: index + 1,
        Direction.to: (move.to_position or index + 1) - 1,
    }[move.direction]
    target = max(0, min(len(order) - 1, target))
    order.insert(target, order.pop(index))
    _renumber(db=db, items=order)
    return Moved(item=moving, position=target + 1, total=len(order))


def _renumber(*, db: Session, items: list[AgendaItem]) -> None:
    # Two passes: (session_id, position) is unique, so no row may take a taken position.
    for index, item in enumerate(items):
        item.position = -1 - index
        db.add(item)
    db.flush()
    for index, item in enumerate(items):
        item.position = index
    db.flush()


def _apply(item: AgendaItem, data: AgendaItemData) -> None:
    item.kind = data.kind
    item.title = data.title
    item.duration_minutes = data.duration_minutes
    item.owner_id = data.owner_id
    item.chair_notes = data.chair_notes
    item.reflective_question_id = _link_id(data.link, LinkKind.question)
    item.dilemma_id = _link_id(data.link, LinkKind.dilemma)
    item.good_practice_id = _link_id(data.link, LinkKind.good_practice)


def _link_id(link: AgendaLink | None, kind: LinkKind) -> int | None:
    return link.id if link is not None and link.kind is kind else None


def _check_references(
    *, db: Session, learning_session: LearningSession, data: AgendaItemData
) -> None:
    """The owner is one of the community's people; the link is this session's."""
    problems: list[FieldProblem] = []
    if data.owner_id is not None:
        owner = db.get(Person, data.owner_id)
        if owner is None or owner.community_id != learning_session.community_id:
            problems.append(FieldProblem("owner_id", N_("Choose the owner from the list.")))
    if data.link is not None and not _link_belongs(db, learning_session, data.link):
        problems.append(
            FieldProblem("link", N_("Choose a question, dilemma or good practice from the list."))
        )
    if problems:
        raise InvalidInputError(N_("Check the marked fields."), problems)


def _link_belongs(db: Session, learning_session: LearningSession, link: AgendaLink) -> bool:
    if link.kind is LinkKind.question:
        question = db.get(ReflectiveQuestion, link.id)
        return question is not None and question.session_id == learning_session.id
    model = Dilemma if link.kind is LinkKind.dilemma else GoodPractice
    contribution = db.get(model, link.id)
    return contribution is not None and contribution.session_id in (None, learning_session.id)


def _mark_contribution(
    *, db: Session, learning_session: LearningSession, link: AgendaLink | None
) -> None:
    """A dilemma or good practice an item is built around is on this session's agenda."""
    if link is None or link.kind is LinkKind.question:
        return
    model = Dilemma if link.kind is LinkKind.dilemma else GoodPractice
    contribution = db.get(model, link.id)
    if contribution is not None:
        contribution.status = ContributionStatus.on_agenda
        contribution.session_id = learning_session.id
        db.add(contribution)
