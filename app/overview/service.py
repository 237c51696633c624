"""The community overview: the active initiatives × the four conditions, for one session or
over all sessions, from published factsheets only (see queries.py), with the self-assessment
spread the viewer may see (app.self_assessment.service).

Per cell: the quotable evidence the section quotes, counted by perspective; its barriers and
facilitators (one per line, app.agendas.background_queries.barrier_lines); the initiative's
actions on the condition still open; the trend judged on the section with its reason.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from babel.numbers import format_decimal
from sqlmodel import Session

from app.agendas.background_queries import barrier_lines
from app.auth import policy
from app.auth.principal import Principal
from app.errors import NotFoundError
from app.labels import N_
from app.overview import queries
from app.schemas import Pagination
from app.self_assessment import service as self_assessment
from app.self_assessment.spread import Spread
from app.vocabulary import PartnershipCondition, Perspective, SessionStatus, Trend

CONDITIONS = tuple(PartnershipCondition)
PERSPECTIVES = tuple(Perspective)
INITIATIVES_PER_PAGE = 50


@dataclass(frozen=True)
class SessionChoice:
    id: int
    number: int
    status: SessionStatus
    published: bool  # some initiative's factsheet for it is published


@dataclass(frozen=True)
class Cell:
    """One initiative's published section on one condition for one session."""

    condition: PartnershipCondition
    published: bool = False
    evidence: dict[Perspective, int] = field(default_factory=dict)
    barriers: int = 0
    facilitators: int = 0
    open_actions: int = 0
    trend: Trend | None = None
    trend_reason: str = ""
    spread: Spread | None = None

    @property
    def evidence_total(self) -> int:
        return sum(self.evidence.values())


@dataclass(frozen=True)
class Row:
    initiative_id: int
    name: str
    cells: tuple[Cell, ...]  # in CONDITIONS order
    own: bool  # one of the viewer's initiatives


@dataclass(frozen=True)
class Totals:
    """One condition over every active initiative: how many published sections, and how
    many were judged better, the same or worse."""

    condition: PartnershipCondition
    sections: int = 0
    trends: dict[Trend, int] = field(default_factory=dict)


class _Totalled:
    totals: list[Totals]

    @property
    def published(self) -> int:
        return sum(totals.sections for totals in self.totals)

    def judged(self, trend: str) -> int:
        return sum(totals.trends.get(Trend(trend), 0) for totals in self.totals)


@dataclass(frozen=True)
class SessionOverview(_Totalled):
    sessions: list[SessionChoice]
    chosen: SessionChoice | None
    rows: list[Row]
    total: int  # active initiatives, all pages
    pagination: Pagination
    totals: list[Totals]


@dataclass(frozen=True)
class HistoryCell:
    """One initiative and condition over the sessions with a published section."""

    condition: PartnershipCondition
    trends: tuple[tuple[int, Trend | None], ...] = ()  # (session number, trend)
    medians: tuple[tuple[int, float], ...] = ()  # (session number, self-assessment median)
    open_actions: int = 0

    def count(self, trend: Trend) -> int:
        return sum(1 for _, judged in self.trends if judged == trend)


@dataclass(frozen=True)
class HistoryRow:
    initiative_id: int
    name: str
    cells: tuple[HistoryCell, ...]
    own: bool


@dataclass(frozen=True)
class HistoryOverview(_Totalled):
    sessions: list[SessionChoice]
    rows: list[HistoryRow]
    total: int
    pagination: Pagination
    totals: list[Totals]


TREND_SYMBOLS = {Trend.better: "↑", Trend.same: "→", Trend.worse: "↓"}


def helpers(language: str) -> dict[str, object]:
    """What the overview's templates use: the vocabularies in their order, a median in the
    page's language (2, 2.5 or 2,5), a text's lines."""
    return {
        "number": lambda value: format_decimal(value, format="#,##0.#", locale=language),
        "lines": barrier_lines,
        "conditions": CONDITIONS,
        "perspectives": PERSPECTIVES,
        "trends": tuple(Trend),
        "trend_symbols": TREND_SYMBOLS,
    }


def visible_sessions(*, db: Session, viewer: Principal) -> list[SessionChoice]:
    """The community's sessions the viewer may open (a session-scoped link: its one)."""
    return [
        SessionChoice(session_id, number, SessionStatus(status), bool(published))
        for session_id, number, _starts_at, status, published in queries.sessions(
            db=db, community_id=viewer.community_id
        )
        if policy.sees_session(viewer, session_id)
    ]


def choose_session(sessions: list[SessionChoice], session_id: int | None) -> SessionChoice | None:
    """The asked session (404 if the viewer may not open it); by default the latest session
    with a published factsheet, else the latest session."""
    if session_id is not None:
        for choice in sessions:
            if choice.id == session_id:
                return choice
        raise NotFoundError(
            N_("There is no learning session with id %(id)s."), arguments={"id": session_id}
        )
    published = [choice for choice in sessions if choice.published]
    if published:
        return published[-1]
    return sessions[-1] if sessions else None


def _page(
    db: Session, viewer: Principal, page: int
) -> tuple[list[tuple[int, str]], int, Pagination]:
    pagination = Pagination(page=page, per_page=INITIATIVES_PER_PAGE)
    initiatives = list(
        queries.initiative_page(
            db=db,
            community_id=viewer.community_id,
            offset=pagination.offset,
            limit=pagination.per_page,
        )
    )
    return initiatives, queries.active_count(db=db, community_id=viewer.community_id), pagination


def _totals(db: Session, viewer: Principal, session_ids: list[int]) -> list[Totals]:
    sections: Counter[PartnershipCondition] = Counter()
    trends: defaultdict[PartnershipCondition, Counter[Trend]] = defaultdict(Counter)
    for _session_id, condition, trend, count in queries.trend_totals(
        db=db, community_id=viewer.community_id, session_ids=session_ids
    ):
        sections[PartnershipCondition(condition)] += count
        if trend is not None:
            trends[PartnershipCondition(condition)][Trend(trend)] += count
    return [Totals(c, sections[c], dict(trends[c])) for c in CONDITIONS]


def _actions_scope(viewer: Principal) -> int | None:
    """A session-scoped link reads that session's actions only."""
    return policy.session_scope(viewer)


def session_overview(
    *, db: Session, viewer: Principal, session_id: int | None, page: int = 1
) -> SessionOverview:
    """The grid for one session. Nine statements, whatever the number of initiatives."""
    sessions = visible_sessions(db=db, viewer=viewer)
    chosen = choose_session(sessions, session_id)
    initiatives, total, pagination = _page(db, viewer, page)
    ids = [initiative_id for initiative_id, _ in initiatives]
    wanted = [chosen.id] if chosen else []
    sections = queries.published_sections(db=db, session_ids=wanted, initiative_ids=ids)
    quoted: defaultdict[int, dict[Perspective, int]] = defaultdict(dict)
    for section_id, perspective, count in queries.quoted_by_perspective(
        db=db, section_ids=[row[0] for row in sections]
    ):
        quoted[section_id][Perspective(perspective)] = count
    actions = {
        (initiative_id, PartnershipCondition(condition)): count
        for initiative_id, condition, count in queries.open_actions(
            db=db,
            initiative_ids=ids,
            up_to_number=chosen.number if chosen else None,
            only_session_id=_actions_scope(viewer),
        )
    }
    spreads = (
        self_assessment.cell_spreads(db=db, session_id=chosen.id, viewer=viewer, initiative_ids=ids)
        if chosen
        else {}
    )
    by_cell = {
        (initiative_id, PartnershipCondition(condition)): (
            section_id,
            facilitators,
            barriers,
            trend,
            reason,
        )
        for section_id, initiative_id, _s, condition, facilitators, barriers, trend, reason in (
            sections
        )
    }
    rows = []
    for initiative_id, name in initiatives:
        cells = []
        for condition in CONDITIONS:
            key = (initiative_id, condition)
            found = by_cell.get(key)
            spread = spreads.get(key)
            cells.append(
                Cell(
                    condition=condition,
                    published=found is not None,
                    evidence=quoted.get(found[0], {}) if found else {},
                    facilitators=len(barrier_lines(found[1] or "")) if found else 0,
                    barriers=len(barrier_lines(found[2] or "")) if found else 0,
                    trend=Trend(found[3]) if found and found[3] else None,
                    trend_reason=(found[4] or "") if found and found[3] else "",
                    open_actions=actions.get(key, 0),
                    spread=spread if spread and spread.count else None,
                )
            )
        rows.append(
            Row(initiative_id, name, tuple(cells), initiative_id in viewer.own_initiative_ids)
        )
    return SessionOverview(
        sessions=sessions,
        chosen=chosen,
        rows=rows,
        total=total,
        pagination=pagination,
        totals=_totals(db, viewer, wanted),
    )


def history_overview(*, db: Session, viewer: Principal, page: int = 1) -> HistoryOverview:
    """Every initiative's trends over the sessions; open actions now. Eight statements."""
    sessions = visible_sessions(db=db, viewer=viewer)
    numbers = {choice.id: choice.number for choice in sessions}
    initiatives, total, pagination = _page(db, viewer, page)
    ids = [initiative_id for initiative_id, _ in initiatives]
    wanted = [choice.id for choice in sessions]
    trends: defaultdict[tuple[int, PartnershipCondition], list[tuple[int, Trend | None]]] = (
        defaultdict(list)
    )
    for (
        _id,
        initiative_id,
        session_id,
        condition,
        _f,
        _b,
        trend,
        _reason,
    ) in queries.published_sections(db=db, session_ids=wanted, initiative_ids=ids):
        trends[(initiative_id, PartnershipCondition(condition))].append(
            (numbers[session_id], Trend(trend) if trend else None)
        )
    actions = {
        (initiative_id, PartnershipCondition(condition)): count
        for initiative_id, condition, count in queries.open_actions(
            db=db, initiative_ids=ids, up_to_number=None, only_session_id=_actions_scope(viewer)
        )
    }
    medians: defaultdict[tuple[int, PartnershipCondition], list[tuple[int, float]]] = defaultdict(
        list
    )
    spreads = self_assessment.spreads_by_session(
        db=db,
        community_id=viewer.community_id,
        session_ids=wanted,
        viewer=viewer,
        initiative_ids=ids,
    )
    for session_id, cells in spreads.items():
        for (initiative_id, condition), spread in cells.items():
            if spread.median is not None and session_id in numbers:
                medians[(initiative_id, condition)].append((numbers[session_id], spread.median))
    rows = [
        HistoryRow(
            initiative_id,
            name,
            tuple(
                HistoryCell(
                    condition=condition,
                    trends=tuple(sorted(trends.get((initiative_id, condition), []))),
                    medians=tuple(sorted(medians.get((initiative_id, condition), []))),
                    open_actions=actions.get((initiative_id, condition), 0),
                )
                for condition in CONDITIONS
            ),
            initiative_id in viewer.own_initiative_ids,
        )
        for initiative_id, name in initiatives
    ]
    return HistoryOverview(
        sessions=sessions,
        rows=rows,
        total=total,
        pagination=pagination,
        totals=_totals(db, viewer, wanted),
    )
