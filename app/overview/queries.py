"""The SQL behind the community overview. Each query covers every initiative of a page (or of
the community) at once, so the overview sends the same statements for 5 initiatives or 1,000.

Only *published* factsheets are read: the latest published version of each initiative for a
session. Drafts, their trend judgements and their quotes never enter these queries, for
anyone, so the overview cannot show another initiative's unpublished text.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, exists, func
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from app.actions.models import Action
from app.evidence.models import EvidenceItem, EvidenceOrigin
from app.factsheets.models import Factsheet, FactsheetSection, FactsheetSectionEvidence
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.reflections.models import Reflection
from app.vocabulary import ActionStatus, FactsheetStatus, InitiativeStatus

OPEN = (ActionStatus.open, ActionStatus.in_progress)


def sessions(*, db: Session, community_id: int) -> Sequence[Any]:
    """The community's sessions by number, each with whether any initiative's factsheet for
    it is published: (id, number, starts_at, status, published). One query."""
    published = exists(
        select(Factsheet.id).where(
            Factsheet.session_id == LearningSession.id,
            Factsheet.status == FactsheetStatus.published,
        )
    )
    return db.execute(
        sql_select(
            col(LearningSession.id),
            col(LearningSession.number),
            col(LearningSession.starts_at),
            col(LearningSession.status),
            published.label("published"),
        )
        .where(
            col(LearningSession.community_id) == community_id,
            col(LearningSession.cancelled_at).is_(None),
        )
        .order_by(col(LearningSession.number))
    ).all()


def _active(community_id: int) -> Any:
    return and_(
        col(Initiative.community_id) == community_id,
        col(Initiative.status) == InitiativeStatus.active,
    )


def initiative_page(
    *, db: Session, community_id: int, offset: int, limit: int
) -> Sequence[tuple[int, str]]:
    """One page of the community's active initiatives by name: (id, name)."""
    rows = db.exec(
        select(col(Initiative.id), col(Initiative.name))
        .where(_active(community_id))
        .order_by(func.lower(Initiative.name), col(Initiative.id))
        .offset(offset)
        .limit(limit)
    ).all()
    return [(initiative_id, name) for initiative_id, name in rows if initiative_id is not None]


def active_count(*, db: Session, community_id: int) -> int:
    return db.exec(select(func.count()).select_from(Initiative).where(_active(community_id))).one()


def _latest_published(session_ids: Sequence[int], initiative_ids: Sequence[int] | None) -> Any:
    """Per initiative and session, the number of its latest published version."""
    latest = select(
        col(Factsheet.initiative_id),
        col(Factsheet.session_id),
        func.max(Factsheet.version_number).label("version"),
    ).where(
        Factsheet.status == FactsheetStatus.published,
        col(Factsheet.session_id).in_(session_ids),
    )
    if initiative_ids is not None:
        latest = latest.where(col(Factsheet.initiative_id).in_(initiative_ids))
    return latest.group_by(col(Factsheet.initiative_id), col(Factsheet.session_id)).subquery()


def _join_latest(statement: Any, latest: Any) -> Any:
    return statement.join(
        latest,
        and_(
            latest.c.initiative_id == Factsheet.initiative_id,
            latest.c.session_id == Factsheet.session_id,
            latest.c.version == Factsheet.version_number,
        ),
    ).join(FactsheetSection, col(FactsheetSection.factsheet_id) == Factsheet.id)


def published_sections(
    *, db: Session, session_ids: Sequence[int], initiative_ids: Sequence[int]
) -> Sequence[Any]:
    """The sections of the latest published version of each initiative for each session:
    (section id, initiative id, session id, condition, facilitators, barriers, trend,
    trend reason). One query."""
    statement = sql_select(
        col(FactsheetSection.id),
        col(Factsheet.initiative_id),
        col(Factsheet.session_id),
        col(FactsheetSection.condition),
        col(FactsheetSection.facilitators),
        col(FactsheetSection.barriers),
        col(FactsheetSection.trend),
        col(FactsheetSection.trend_reason),
    ).select_from(Factsheet)
    latest = _latest_published(session_ids, initiative_ids)
    return db.execute(_join_latest(statement, latest)).all()


def quotable() -> Any:
    """Evidence a published section may still show: consent to quote, and not drawn from a
    reflection whose author has since withdrawn their evidence consent."""
    withdrawn = exists(
        select(EvidenceOrigin.evidence_item_id)
        .join(Reflection, col(Reflection.id) == EvidenceOrigin.reflection_id)
        .where(
            EvidenceOrigin.evidence_item_id == EvidenceItem.id,
            col(Reflection.evidence_consent).is_(False),
        )
    )
    return and_(col(EvidenceItem.quote_consent).is_(True), ~withdrawn)


def quoted_by_perspective(*, db: Session, section_ids: Sequence[int]) -> Sequence[Any]:
    """How many quotable items each section quotes, per perspective: (section id,
    perspective, count). One query."""
    return db.exec(
        select(
            col(FactsheetSectionEvidence.section_id),
            col(EvidenceItem.perspective),
            func.count(),
        )
        .join(EvidenceItem, col(EvidenceItem.id) == FactsheetSectionEvidence.evidence_item_id)
        .where(col(FactsheetSectionEvidence.section_id).in_(section_ids), quotable())
        .group_by(col(FactsheetSectionEvidence.section_id), col(EvidenceItem.perspective))
    ).all()


def open_actions(
    *,
    db: Session,
    initiative_ids: Sequence[int],
    up_to_number: int | None,
    only_session_id: int | None = None,
) -> Sequence[Any]:
    """The actions still open or in progress per initiative and condition, agreed in a session
    numbered ``up_to_number`` or earlier (None: any): (initiative id, condition, count)."""
    statement = (
        select(col(Action.initiative_id), col(Action.condition), func.count())
        .join(LearningSession, col(LearningSession.id) == Action.opened_in_session_id)
        .where(col(Action.initiative_id).in_(initiative_ids), col(Action.status).in_(OPEN))
        .group_by(col(Action.initiative_id), col(Action.condition))
    )
    if up_to_number is not None:
        statement = statement.where(col(LearningSession.number) <= up_to_number)
    if only_session_id is not None:
        statement = statement.where(Action.opened_in_session_id == only_session_id)
    return db.exec(statement).all()


def trend_totals(*, db: Session, community_id: int, session_ids: Sequence[int]) -> Sequence[Any]:
    """Over every active initiative of the community: per session, condition and trend, how
    many latest published sections there are (trend None: not judged): (session id,
    condition, trend, count). One query."""
    statement = (
        sql_select(
            col(Factsheet.session_id),
            col(FactsheetSection.condition),
            col(FactsheetSection.trend),
            func.count(),
        )
        .select_from(Factsheet)
        .join(Initiative, col(Initiative.id) == Factsheet.initiative_id)
    )
    statement = _join_latest(statement, _latest_published(session_ids, None))
    return db.execute(
        statement.where(_active(community_id)).group_by(
            col(Factsheet.session_id), col(FactsheetSection.condition), col(FactsheetSection.trend)
        )
    ).all()


# -- one cell ---------------------------------------------------------------------------


def cell_sections(
    *, db: Session, initiative_id: int, condition: str, session_ids: Sequence[int]
) -> Sequence[Any]:
    """The initiative's latest published section on the condition for each of these sessions:
    (section, session number, version number, published at), by session. One query."""
    statement = (
        sql_select(
            FactsheetSection,
            col(LearningSession.number),
            col(Factsheet.version_number),
            col(Factsheet.published_at),
        )
        .select_from(Factsheet)
        .join(LearningSession, col(LearningSession.id) == Factsheet.session_id)
    )
    statement = _join_latest(statement, _latest_published(session_ids, [initiative_id]))
    return db.execute(
        statement.where(FactsheetSection.condition == condition).order_by(
            col(LearningSession.number)
        )
    ).all()


def cell_quotes(*, db: Session, section_ids: Sequence[int]) -> Sequence[Any]:
    """The quotable evidence the sections quote, in their order: (section id, item)."""
    return db.exec(
        select(col(FactsheetSectionEvidence.section_id), EvidenceItem)
        .join(EvidenceItem, col(EvidenceItem.id) == FactsheetSectionEvidence.evidence_item_id)
        .where(col(FactsheetSectionEvidence.section_id).in_(section_ids), quotable())
        .order_by(col(FactsheetSectionEvidence.section_id), col(FactsheetSectionEvidence.position))
    ).all()


def cell_actions(
    *,
    db: Session,
    initiative_id: int,
    condition: str,
    up_to_number: int | None,
    only_session_id: int | None = None,
) -> Sequence[Any]:
    """The open actions of one cell, by due date: (action, number of the session that agreed it)."""
    statement = (
        select(Action, col(LearningSession.number))
        .join(LearningSession, col(LearningSession.id) == Action.opened_in_session_id)
        .where(
            Action.initiative_id == initiative_id,
            Action.condition == condition,
            col(Action.status).in_(OPEN),
        )
        .order_by(col(Action.due_date), col(Action.id))
    )
    if up_to_number is not None:
        statement = statement.where(col(LearningSession.number) <= up_to_number)
    if only_session_id is not None:
        statement = statement.where(Action.opened_in_session_id == only_session_id)
    return db.exec(statement).all()
