"""Self-assessment scores: who sees which, the spread per initiative and condition, saving a
member's four scores, and releasing an initiative's scores to the community.

Visibility, one rule for every page: the facilitator sees every initiative's scores; anyone
else sees those of initiatives that released the session (SelfAssessmentRelease) and those of
their own initiatives. The chair's suggestions count every score (only numbers are shown).
"""

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import ColumnElement, String, and_, case, func, or_, true, type_coerce
from sqlalchemy import select as sql_select
from sqlmodel import Session, col

from app.auth import policy
from app.auth.principal import Principal
from app.learning_sessions.models import LearningSession
from app.self_assessment.models import SelfAssessment, SelfAssessmentRelease
from app.self_assessment.spread import (
    LEVELS,
    VIEWS_DIFFER_AT,
    Spread,
    median_of_counts,
    spread_of_counts,
)
from app.vocabulary import PartnershipCondition, Role

Cell = tuple[int, PartnershipCondition]  # (initiative id, condition)


def own_initiative_ids(viewer: Principal) -> frozenset[int]:
    """The initiatives whose unreleased scores and notes the viewer reads (as a member)."""
    return frozenset(
        initiative_id
        for initiative_id in viewer.own_initiative_ids
        if policy.reads_initiative_drafts(viewer, initiative_id)
    )


def visible_clause(viewer: Principal | None) -> ColumnElement[bool]:
    """The WHERE clause for SelfAssessment rows (outer-joined to their release) the viewer
    may see; None: every row (the chair's counts)."""
    if viewer is None or viewer.is_facilitator:
        return true()
    own = own_initiative_ids(viewer)
    released = col(SelfAssessmentRelease.initiative_id).is_not(None)
    if not own:
        return released
    return or_(released, col(SelfAssessment.initiative_id).in_(sorted(own)))


def _release_join() -> ColumnElement[bool]:
    return and_(
        col(SelfAssessmentRelease.session_id) == SelfAssessment.session_id,
        col(SelfAssessmentRelease.initiative_id) == SelfAssessment.initiative_id,
    )


def spreads_by_session(
    *,
    db: Session,
    community_id: int,
    session_ids: Iterable[int],
    viewer: Principal | None,
    initiative_id: int | None = None,
    initiative_ids: Iterable[int] | None = None,
    only_apart: bool = False,
) -> dict[int, dict[Cell, Spread]]:
    """Per session, the spread of every (initiative, condition) the viewer may see, in one
    statement whatever the number of initiatives or sessions (counted per role and level in
    SQL, the medians in Python). ``only_apart``: just the cells whose scores lie two levels
    apart or more, the only ones where views can differ."""
    wanted = sorted(set(session_ids))
    if not wanted:
        return {}
    if viewer is not None and viewer.session_scope_id is not None:
        wanted = [s for s in wanted if s == viewer.session_scope_id]
        if not wanted:
            return {}
    # Plain strings (type_coerce): thousands of rows skip the enum columns' conversion, and
    # one row per role holds its counts per level, so a community of 1,000 sends few rows.
    condition_text = type_coerce(col(SelfAssessment.condition), String)
    role_text = type_coerce(col(SelfAssessment.role), String)
    level = col(SelfAssessment.level)
    statement = (
        sql_select(
            col(SelfAssessment.session_id),
            col(SelfAssessment.initiative_id),
            condition_text,
            role_text,
            *(func.sum(case((level == value, 1), else_=0)) for value in LEVELS),
        )
        .join(LearningSession, col(LearningSession.id) == SelfAssessment.session_id)
        .outerjoin(SelfAssessmentRelease, _release_join())
        .where(
            col(SelfAssessment.session_id).in_(wanted),
            col(LearningSession.community_id) == community_id,
            visible_clause(viewer),
        )
        .group_by(
            col(SelfAssessment.session_id),
            col(SelfAssessment.initiative_id),
            condition_text,
            role_text,
        )
    )
    if initiative_id is not None:
        statement = statement.where(col(SelfAssessment.initiative_id) == initiative_id)
    if initiative_ids is not None:  # a page of initiatives (the overview's)
        statement = statement.where(col(SelfAssessment.initiative_id).in_(sorted(initiative_ids)))
    if only_apart:
        apart = (
            sql_select(
                col(SelfAssessment.session_id), col(SelfAssessment.initiative_id), condition_text
            )
            .where(col(SelfAssessment.session_id).in_(wanted))
            .group_by(
                col(SelfAssessment.session_id), col(SelfAssessment.initiative_id), condition_text
            )
            .having(func.max(level) - func.min(level) >= VIEWS_DIFFER_AT)
            .subquery()
        )
        statement = statement.join(
            apart,
            and_(
                apart.c.session_id == SelfAssessment.session_id,
                apart.c.initiative_id == SelfAssessment.initiative_id,
                apart.c.condition == condition_text,
            ),
        )
    conditions = {c.value: c for c in PartnershipCondition}
    roles = {r.value: r for r in Role}
    counted: defaultdict[int, defaultdict[Cell, dict[Role, list[int]]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for session_id, initiative, condition, role, *counts in db.execute(statement).all():
        cell = (initiative, conditions[condition])
        counted[session_id][cell][roles[role]] = [int(count or 0) for count in counts]
    return {
        session_id: {cell: spread_of_counts(by_role) for cell, by_role in cells.items()}
        for session_id, cells in counted.items()
    }


def cell_spreads(
    *,
    db: Session,
    session_id: int,
    viewer: Principal,
    initiative_ids: Iterable[int] | None = None,
) -> dict[Cell, Spread]:
    """The spread of each (initiative, condition) of one session the viewer may see: released
    initiatives, the viewer's own, all for the facilitator; only ``initiative_ids`` if given.
    One statement."""
    found = spreads_by_session(
        db=db,
        community_id=viewer.community_id,
        session_ids=[session_id],
        viewer=viewer,
        initiative_ids=initiative_ids,
    )
    return found.get(session_id, {})


def cell_medians(*, db: Session, session_id: int, viewer: Principal) -> dict[Cell, float]:
    """The median of each (initiative, condition) of one session the viewer may see, for the
    strip plots of a whole community: counted per level in SQL, one row per cell (no spread
    per role). One statement."""
    if viewer.session_scope_id is not None and viewer.session_scope_id != session_id:
        return {}
    condition_text = type_coerce(col(SelfAssessment.condition), String)
    level = col(SelfAssessment.level)
    rows = db.execute(
        sql_select(
            col(SelfAssessment.initiative_id),
            condition_text,
            *(func.sum(case((level == value, 1), else_=0)) for value in LEVELS),
        )
        .join(LearningSession, col(LearningSession.id) == SelfAssessment.session_id)
        .outerjoin(SelfAssessmentRelease, _release_join())
        .where(
            col(SelfAssessment.session_id) == session_id,
            col(LearningSession.community_id) == viewer.community_id,
            visible_clause(viewer),
        )
        .group_by(col(SelfAssessment.initiative_id), condition_text)
    ).all()
    conditions = {c.value: c for c in PartnershipCondition}
    return {
        (initiative_id, conditions[condition]): median_of_counts([int(n or 0) for n in counts])
        for initiative_id, condition, *counts in rows
        if any(counts)
    }


def all_cell_spreads(
    *, db: Session, community_id: int, session_id: int, only_apart: bool = False
) -> dict[Cell, Spread]:
    """Every initiative's spreads, released or not: for counts shown without the scores
    themselves (the chair's suggestions); ``only_apart`` as for spreads_by_session."""
    found = spreads_by_session(
        db=db,
        community_id=community_id,
        session_ids=[session_id],
        viewer=None,
        only_apart=only_apart,
    )
    return found.get(session_id, {})
