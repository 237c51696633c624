"""The SQL behind the chair's background: each query covers every initiative or person of the
session at once, so the workspace runs the same statements for 2 initiatives or 1,000."""

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, exists, func, or_
from sqlalchemy import select as sql_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.actions.models import Action
from app.contributions.models import ContributionColumns, Dilemma, GoodPractice
from app.factsheets.models import Factsheet, FactsheetSection
from app.initiatives.models import Initiative, InitiativeDiscipline
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Membership, Person
from app.vocabulary import ActionStatus, ContributionStatus, FactsheetStatus, InitiativeStatus

# A bullet or list number at the start of a barrier line ("- ", "• ", "3. ", "2) ").
_BULLET = re.compile(r"^\s*(?:[-*•–—·]+|\d{1,3}[.)])\s*")


def barrier_lines(text: str) -> list[str]:
    """The barriers of a factsheet section, one per non-empty line, bullets taken off."""
    lines = (_BULLET.sub("", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def previous_session_ids(*, learning_session: LearningSession, count: int) -> Any:
    """The ids of the community's ``count`` sessions before this one by number (cancelled
    sessions skipped: nothing was discussed or agreed there), for an IN clause."""
    return (
        select(LearningSession.id)
        .where(
            LearningSession.community_id == learning_session.community_id,
            col(LearningSession.number) < learning_session.number,
            col(LearningSession.cancelled_at).is_(None),
        )
        .order_by(col(LearningSession.number).desc())
        .limit(count)
    )


def invitees(*, db: Session, learning_session: LearningSession) -> Sequence[tuple[Person, bool]]:
    """The invited people by name, each with whether they attended an earlier session of
    the community. One query."""
    earlier = aliased(Attendance)
    attended_before = exists(
        select(earlier.id)
        .join(LearningSession, col(LearningSession.id) == earlier.session_id)
        .where(
            earlier.person_id == Person.id,
            col(earlier.attended).is_(True),
            LearningSession.community_id == learning_session.community_id,
            col(LearningSession.number) < learning_session.number,
        )
    )
    rows: Sequence[tuple[Person, bool]] = db.exec(
        select(Person, attended_before)
        .join(Attendance, col(Attendance.person_id) == Person.id)
        .where(Attendance.session_id == learning_session.id, col(Attendance.invited).is_(True))
        .order_by(col(Person.name), col(Person.id))
    ).all()
    return rows


def invitee_roles(*, db: Session, learning_session: LearningSession) -> Sequence[Any]:
    """Every role the invited people hold in the community: (person_id, role, perspective,
    initiative name or None). One query."""
    return db.exec(
        select(Membership.person_id, Membership.role, Membership.perspective, col(Initiative.name))
        .join(Attendance, col(Attendance.person_id) == Membership.person_id)
        .outerjoin(Initiative, col(Initiative.id) == Membership.initiative_id)
        .where(
            Attendance.session_id == learning_session.id,
            col(Attendance.invited).is_(True),
            Membership.community_id == learning_session.community_id,
        )
        .order_by(col(Initiative.name), col(Membership.id))
    ).all()


def disciplines(*, db: Session, community_id: int) -> dict[int, list[str]]:
    """Each active initiative's team, in its own order. One query."""
    rows = db.exec(
        select(InitiativeDiscipline.initiative_id, InitiativeDiscipline.name)
        .join(Initiative, col(Initiative.id) == InitiativeDiscipline.initiative_id)
        .where(
            Initiative.community_id == community_id, Initiative.status == InitiativeStatus.active
        )
        .order_by(col(InitiativeDiscipline.initiative_id), col(InitiativeDiscipline.position))
    ).all()
    found: dict[int, list[str]] = {}
    for initiative_id, name in rows:
        found.setdefault(initiative_id, []).append(name)
    return found


def latest_sections(
    *, db: Session, learning_session: LearningSession, published_only: bool
) -> Sequence[Any]:
    """Per initiative, the latest factsheet version for this session (the latest published
    one when ``published_only``) with its sections' barriers: (initiative_id, version_number,
    status, condition or None, barriers or None). One query."""
    versions = select(
        Factsheet.initiative_id, func.max(Factsheet.version_number).label("version")
    ).where(Factsheet.session_id == learning_session.id)
    if published_only:
        versions = versions.where(Factsheet.status == FactsheetStatus.published)
    latest = versions.group_by(col(Factsheet.initiative_id)).subquery()
    return db.execute(
        sql_select(
            col(Factsheet.initiative_id),
            col(Factsheet.version_number),
            col(Factsheet.status),
            col(FactsheetSection.condition),
            col(FactsheetSection.barriers),
        )
        .join(
            latest,
            and_(
                latest.c.initiative_id == Factsheet.initiative_id,
                latest.c.version == Factsheet.version_number,
            ),
        )
        .outerjoin(FactsheetSection, col(FactsheetSection.factsheet_id) == Factsheet.id)
        .where(col(Factsheet.session_id) == learning_session.id)
    ).all()


def contributions(
    *, db: Session, learning_session: LearningSession, model: type[Dilemma] | type[GoodPractice]
) -> Sequence[ContributionColumns]:
    """The session's dilemmas or good practices that were not withdrawn. One query."""
    rows: Sequence[ContributionColumns] = db.exec(
        select(model)
        .join(Initiative, col(Initiative.id) == col(model.initiative_id))
        .where(
            col(model.session_id) == learning_session.id,
            col(model.status) != ContributionStatus.withdrawn,
            Initiative.community_id == learning_session.community_id,
        )
        .order_by(col(model.created_at), col(model.id))
    ).all()
    return rows


def last_session_actions(
    *, db: Session, learning_session: LearningSession
) -> Sequence[tuple[Action, str, str | None, int]]:
    """The actions opened in the previous session, and the open ones this session reviews
    (agreed earlier still), with the initiative's name, the owner's name and the number of
    the session they were opened in. One query."""
    previous = previous_session_ids(learning_session=learning_session, count=1)
    owner = aliased(Person)
    rows: Sequence[tuple[Action, str, str | None, int]] = db.exec(
        select(Action, col(Initiative.name), col(owner.name), col(LearningSession.number))
        .join(Initiative, col(Initiative.id) == Action.initiative_id)
        .join(LearningSession, col(LearningSession.id) == Action.opened_in_session_id)
        .outerjoin(owner, col(owner.id) == Action.owner_id)
        .where(
            or_(
                col(Action.opened_in_session_id).in_(previous),
                and_(
                    col(Action.review_session_id) == learning_session.id,
                    col(Action.status).in_((ActionStatus.open, ActionStatus.in_progress)),
                ),
            ),
            Initiative.community_id == learning_session.community_id,
        )
        .order_by(col(Initiative.name), col(Action.condition), col(Action.id))
    ).all()
    return rows
