"""Condition profiles: every initiative's median per condition for one session (the strip
plots), and one initiative's medians over the sessions. Three statements at most, whatever
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
    rows: tuple[InitiativeRow, ...]  # alphabetical
    strips: tuple[ConditionStrip, ...]


def community_profiles(
    *, db: Session, viewer: Principal, learning_session: LearningSession
) -> CommunityProfiles:
    """Each condition's strip plot of the initiatives' medians for the session."""
    initiatives = db.exec(
        select(col(Initiative.id), col(Initiative.name))
        .where(
            Initiative.community_id == viewer.community_id,
            Initiative.status == InitiativeStatus.active,
        )
        .order_by(col(Initiative.name), col(Initiative.id))
    ).all()
    spreads = service.cell_spreads(db=db, session_id=learning_session.id or 0, viewer=viewer)
    own_ids = viewer.own_initiative_ids if not viewer.via_access_link else frozenset()
    rows = tuple(
        InitiativeRow(
            initiative_id,
            name,
            initiative_id in own_ids,
            {c: s for c in PartnershipCondition if (s := spreads.get((initiative_id, c)))},
        )
        for initiative_id, name in ((i or 0, n) for i, n in initiatives)
    )
    strips = []
    for condition in PartnershipCondition:
        medians = [
            (row.name, spread.median, row.own)
            for row in rows
            if (spread := row.spreads.get(condition)) is not None and spread.median is not None
        ]
        values = [median for _, median, _ in medians]
        strips.append(
            ConditionStrip(
                condition,
                strip_plot(medians),
                len(medians),
                min(values, default=None),
                max(values, default=None),
                tuple((name, median) for name, median, own in medians if own),
            )
        )
    return CommunityProfiles(rows, tuple(strips))


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
