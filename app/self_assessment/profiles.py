"""Condition profiles: every initiative's median per condition for one session (the strip
plots), and one initiative's medians over the sessions. Four statements at most, whatever
the number of initiatives; only the scores the viewer may see (service.visible_clause)."""

from dataclasses import dataclass

from sqlmodel import Session, col, select

from app.auth.principal import Principal
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.self_assessment import service
from app.self_assessment.charts import ProfileChart, StripPlot, profile_chart, strip_plot
from app.self_assessment.spread import Spread
from app.vocabulary import InitiativeStatus, PartnershipCondition


@dataclass(frozen=True)
class InitiativeRow:
    """One line of the text alternative: an initiative and its spread per condition."""

    initiative_id: int
    name: str
    own: bool
    spreads: dict[PartnershipCondition, Spread]


@dataclass(frozen=True)
class ConditionStrip:
    condition: PartnershipCondition
    plot: StripPlot
    count: int
    lowest: float | None
    highest: float | None
    own: tuple[tuple[str, float], ...]  # the viewer's initiatives shown: (name, median)


@dataclass(frozen=True)
class CommunityProfiles:
    rows: tuple[InitiativeRow, ...]  # one page of the table, alphabetical
    strips: tuple[ConditionStrip, ...]  # every initiative
    total: int  # active initiatives, every page
    page: int  # the page of the table shown (a page past the last shows the last)


def community_profiles(
    *,
    db: Session,
    viewer: Principal,
    learning_session: LearningSession,
    page: int = 1,
    per_page: int = 50,
) -> CommunityProfiles:
    """Each condition's strip plot of every initiative's median for the session (medians
    only), and one page of the table with the spreads (for "views differ"). Four statements."""
    initiatives = [
        (initiative_id or 0, name)
        for initiative_id, name in db.exec(
            select(col(Initiative.id), col(Initiative.name))
            .where(
                Initiative.community_id == viewer.community_id,
                Initiative.status == InitiativeStatus.active,
            )
            .order_by(col(Initiative.name), col(Initiative.id))
        ).all()
    ]
    session_id = learning_session.id or 0
    medians = service.cell_medians(db=db, session_id=session_id, viewer=viewer)
    own_ids = viewer.own_initiative_ids if not viewer.via_access_link else frozenset()
    page = min(page, max(1, -(-len(initiatives) // per_page)))
    shown = initiatives[(page - 1) * per_page : page * per_page]
    spreads = service.cell_spreads(
        db=db, session_id=session_id, viewer=viewer, initiative_ids=[i for i, _ in shown]
    )
    rows = tuple(
        InitiativeRow(
            initiative_id,
            name,
            initiative_id in own_ids,
            {c: s for c in PartnershipCondition if (s := spreads.get((initiative_id, c)))},
        )
        for initiative_id, name in shown
    )
    strips = []
    for condition in PartnershipCondition:
        dots = [
            (name, median, initiative_id in own_ids)
            for initiative_id, name in initiatives
            if (median := medians.get((initiative_id, condition))) is not None
        ]
        values = [median for _, median, _ in dots]
        strips.append(
            ConditionStrip(
                condition,
                strip_plot(dots),
                len(dots),
                min(values, default=None),
                max(values, default=None),
                tuple((name, median) for name, median, own in dots if own),
            )
        )
    return CommunityProfiles(rows, tuple(strips), len(initiatives), page)


@dataclass(frozen=True)
class SessionRow:
    learning_session: LearningSession
    spreads: dict[PartnershipCondition, Spread]


@dataclass(frozen=True)
class ConditionProfile:
    condition: PartnershipCondition
    chart: ProfileChart


@dataclass(frozen=True)
class InitiativeProfile:
    rows: tuple[SessionRow, ...]  # by session number
    charts: tuple[ConditionProfile, ...]


def initiative_profile(
    *,
    db: Session,
    viewer: Principal,
    initiative: Initiative,
    sessions: list[LearningSession],
) -> InitiativeProfile:
    """The initiative's median per condition in each (not cancelled) session the viewer may
    see; a session whose scores are not published to the viewer shows none."""
    held = [s for s in sessions if s.cancelled_at is None]
    found = service.spreads_by_session(
        db=db,
        community_id=viewer.community_id,
        session_ids=[s.id or 0 for s in held],
        viewer=viewer,
        initiative_id=initiative.id,
    )
    rows = tuple(
        SessionRow(s, {c: spread for (_, c), spread in found.get(s.id or 0, {}).items()})
        for s in held
    )
    numbers = [row.learning_session.number for row in rows]
    charts = tuple(
        ConditionProfile(
            condition,
            profile_chart(
                numbers,
                {
                    row.learning_session.number: spread.median
                    for row in rows
                    if (spread := row.spreads.get(condition)) and spread.median is not None
                },
            ),
        )
        for condition in PartnershipCondition
    )
    return InitiativeProfile(rows, charts)
