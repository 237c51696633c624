"""The factsheets of a session or an initiative, counted and paged in SQL.

Every query here is a fixed number of statements whatever the community's size.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Subquery, or_
from sqlmodel import Session, col, func, select

from app.auth import policy
from app.auth.principal import Principal
from app.factsheets.models import Factsheet
from app.factsheets.service import WITH_SECTIONS
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.vocabulary import FactsheetStatus, InitiativeStatus, SessionStatus


def versions(*, db: Session, initiative_id: int) -> Sequence[tuple[Factsheet, LearningSession]]:
    """Every version of the initiative's factsheets, newest session and version first."""
    return db.exec(
        select(Factsheet, LearningSession)
        .join(LearningSession, col(LearningSession.id) == Factsheet.session_id)
        .where(Factsheet.initiative_id == initiative_id)
        .order_by(col(LearningSession.number).desc(), col(Factsheet.version_number).desc())
    ).all()


def latest_per_initiative(
    *, db: Session, community_id: int, session_id: int, with_sections: bool = False
) -> list[tuple[Initiative, Factsheet | None]]:
    """Every initiative of the community, by name, with its newest factsheet for the session.

    Two statements whatever the community's size (three with the sections).
    """
    newest = (
        select(
            col(Factsheet.initiative_id).label("initiative_id"),
            func.max(Factsheet.version_number).label("version_number"),
        )
        .where(Factsheet.session_id == session_id)
        .group_by(col(Factsheet.initiative_id))
        .subquery()
    )
    query = (
        select(Factsheet)
        .join(
            newest,
            (col(Factsheet.initiative_id) == newest.c.initiative_id)
            & (col(Factsheet.version_number) == newest.c.version_number),
        )
        .where(Factsheet.session_id == session_id)
    )
    if with_sections:
        query = query.options(WITH_SECTIONS)
    by_initiative = {factsheet.initiative_id: factsheet for factsheet in db.exec(query)}
    initiatives = db.exec(
        select(Initiative)
        .where(Initiative.community_id == community_id)
        .order_by(col(Initiative.name))
    ).all()
    return [(initiative, by_initiative.get(initiative.id or 0)) for initiative in initiatives]


def _newest_for_session(session_id: int) -> Subquery:
    """Each initiative's newest factsheet for the session: (initiative_id, id, status)."""
    newest = (
        select(
            col(Factsheet.initiative_id).label("initiative_id"),
            func.max(Factsheet.version_number).label("version_number"),
        )
        .where(Factsheet.session_id == session_id)
        .group_by(col(Factsheet.initiative_id))
        .subquery()
    )
    return (
        select(
            col(Factsheet.initiative_id).label("initiative_id"),
            col(Factsheet.id).label("id"),
            col(Factsheet.status).label("status"),
        )
        .join(
            newest,
            (col(Factsheet.initiative_id) == newest.c.initiative_id)
            & (col(Factsheet.version_number) == newest.c.version_number),
        )
        .where(Factsheet.session_id == session_id)
        .subquery()
    )


def latest_page(
    *, db: Session, community_id: int, session_id: int, offset: int, limit: int
) -> tuple[list[tuple[Initiative, Factsheet | None]], int]:
    """A page of the community's initiatives, by name, each with its newest factsheet for the
    session, and how many initiatives there are in all: one statement (a window count)."""
    newest = _newest_for_session(session_id)
    query = (
        select(Initiative, Factsheet, func.count().over())
        .outerjoin(newest, newest.c.initiative_id == col(Initiative.id))
        .outerjoin(Factsheet, col(Factsheet.id) == newest.c.id)
        .where(Initiative.community_id == community_id)
        .order_by(col(Initiative.name), col(Initiative.id))
        .offset(offset)
        .limit(limit)
    )
    rows = db.exec(query).all()
    if rows:
        return [(initiative, factsheet) for initiative, factsheet, _ in rows], int(rows[0][2])
    if offset == 0:
        return [], 0
    total = db.exec(
        select(func.count()).select_from(Initiative).where(Initiative.community_id == community_id)
    ).one()
    return [], int(total)


def unpublished_count(*, db: Session, community_id: int, session_id: int) -> int:
    """Active initiatives whose newest factsheet for the session is missing or not published."""
    newest = _newest_for_session(session_id)
    return int(
        db.exec(
            select(func.count())
            .select_from(Initiative)
            .outerjoin(newest, newest.c.initiative_id == col(Initiative.id))
            .where(
                Initiative.community_id == community_id,
                Initiative.status == InitiativeStatus.active,
                or_(
                    newest.c.id.is_(None),
                    newest.c.status != FactsheetStatus.published,
                ),
            )
        ).one()
    )


@dataclass(frozen=True)
class SessionFactsheetSummary:
    """How many of the community's initiatives have a newest factsheet for the session that is
    published, one that is not published yet, or none."""

    published: int
    unpublished: int
    missing: int


def session_summary(*, db: Session, community_id: int, session_id: int) -> SessionFactsheetSummary:
    """Counted in SQL over every initiative of the community: one statement."""
    newest = _newest_for_session(session_id)
    total, with_factsheet, published = db.exec(
        select(
            func.count(col(Initiative.id)),
            func.count(newest.c.id),
            func.count(newest.c.id).filter(newest.c.status == FactsheetStatus.published),
        )
        .select_from(Initiative)
        .outerjoin(newest, newest.c.initiative_id == col(Initiative.id))
        .where(Initiative.community_id == community_id)
    ).one()
    return SessionFactsheetSummary(
        published=int(published),
        unpublished=int(with_factsheet) - int(published),
        missing=int(total) - int(with_factsheet),
    )


def visible_versions(
    *, db: Session, initiative: Initiative, reader: Principal
) -> tuple[list[tuple[Factsheet, LearningSession]], list[LearningSession]]:
    """The versions ``reader`` may open (drafts only for the initiative's own members, sessions
    their link opens), and the sessions they may start a draft for (planned or prepared)."""
    initiative_id = initiative.id or 0
    drafts_visible = policy.reads_initiative_drafts(reader, initiative_id)
    rows = [
        (factsheet, learning_session)
        for factsheet, learning_session in versions(db=db, initiative_id=initiative_id)
        if (drafts_visible or factsheet.status == FactsheetStatus.published)
        and policy.sees_session(reader, factsheet.session_id)
    ]
    open_sessions: list[LearningSession] = []
    if policy.records_evidence(reader, initiative_id):
        sessions = db.exec(
            select(LearningSession)
            .where(
                LearningSession.community_id == initiative.community_id,
                col(LearningSession.status).in_([SessionStatus.planned, SessionStatus.prepared]),
            )
            .order_by(col(LearningSession.number))
        ).all()
        open_sessions = list(sessions)
    return rows, open_sessions
