"""Two to four initiatives side by side on one condition: their latest published factsheet
section of a session, the arrangement of the initiative record that belongs to the condition,
and good practices of one that address a barrier of another.

Only published sections are read (never a draft's text); a link between a good practice and
a barrier is shown once the facilitator confirmed it (a PracticeLink row), candidates only to
the facilitator. Every query covers all compared initiatives at once, so a page sends the same
statements for a community of 5 initiatives or 1,000.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, func
from sqlmodel import Session, col, select

from app.agendas.background_queries import barrier_lines
from app.comparison.models import PracticeLink
from app.comparison.schemas import CompareChoice
from app.contributions.models import GoodPractice
from app.errors import NotFoundError
from app.factsheets.models import Factsheet, FactsheetSection
from app.initiatives.models import Initiative, InitiativeDiscipline
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.vocabulary import (
    ContributionStatus,
    FactsheetStatus,
    InitiativeStatus,
    PartnershipCondition,
)

NO_INITIATIVE = N_("There is no initiative with id %(id)s.")
NO_SESSION = N_("There is no session with id %(id)s that has published factsheets.")


@dataclass(frozen=True)
class Column:
    """One initiative's column: its record, team and published section (None: none yet)."""

    initiative: Initiative
    disciplines: tuple[str, ...]
    section: FactsheetSection | None
    factsheet_id: int | None


@dataclass(frozen=True)
class ConfirmedLink:
    link: PracticeLink
    practice: GoodPractice
    practice_initiative: Initiative
    barrier_initiative: Initiative
    session_number: int


@dataclass(frozen=True)
class Candidate:
    """A good practice of one initiative and a barrier line of another's published section
    with the same condition, the practice's level among the section's levels."""

    practice: GoodPractice
    practice_initiative: Initiative
    section: FactsheetSection
    barrier_initiative: Initiative
    barrier_index: int
    barrier: str

    @property
    def key(self) -> str:
        return f"{self.practice.id}-{self.section.id}-{self.barrier_index}"


@dataclass(frozen=True)
class Comparison:
    condition: PartnershipCondition
    learning_session: LearningSession | None
    columns: list[Column]
    links: list[ConfirmedLink]
    candidates: list[Candidate]


def initiatives_to_choose(*, db: Session, community_id: int) -> Sequence[tuple[int | None, str]]:
    """The community's active initiatives by name, for the form. One query."""
    return db.exec(
        select(col(Initiative.id), col(Initiative.name))
        .where(
            Initiative.community_id == community_id, Initiative.status == InitiativeStatus.active
        )
        .order_by(func.lower(Initiative.name), col(Initiative.id))
    ).all()


def sessions_to_choose(
    *, db: Session, community_id: int, session_scope: int | None
) -> list[LearningSession]:
    """The sessions with at least one published factsheet, latest first (a session-scoped
    access link: that session only). One query."""
    published = exists(
        select(Factsheet.id).where(
            Factsheet.session_id == LearningSession.id,
            Factsheet.status == FactsheetStatus.published,
        )
    )
    query = select(LearningSession).where(LearningSession.community_id == community_id, published)
    if session_scope is not None:
        query = query.where(LearningSession.id == session_scope)
    return list(db.exec(query.order_by(col(LearningSession.number).desc())).all())


def _initiatives(db: Session, community_id: int, ids: list[int]) -> dict[int, Initiative]:
    found = {
        initiative.id or 0: initiative
        for initiative in db.exec(
            select(Initiative).where(
                col(Initiative.id).in_(ids), Initiative.community_id == community_id
            )
        )
    }
    for initiative_id in ids:
        if initiative_id not in found:
            raise NotFoundError(NO_INITIATIVE, arguments={"id": initiative_id})
    return found


def _disciplines(db: Session, ids: list[int]) -> dict[int, tuple[str, ...]]:
    rows = db.exec(
        select(InitiativeDiscipline.initiative_id, InitiativeDiscipline.name)
        .where(col(InitiativeDiscipline.initiative_id).in_(ids))
        .order_by(col(InitiativeDiscipline.initiative_id), col(InitiativeDiscipline.position))
    ).all()
    found: dict[int, list[str]] = {}
    for initiative_id, name in rows:
        found.setdefault(initiative_id, []).append(name)
    return {key: tuple(names) for key, names in found.items()}


def _published_sections(
    db: Session, session_id: int, ids: list[int], condition: PartnershipCondition
) -> dict[int, tuple[FactsheetSection, int]]:
    """Per initiative, the section of its latest published factsheet of the session, with
    the factsheet's id. One query."""
    latest = (
        select(Factsheet.initiative_id, func.max(Factsheet.version_number).label("version"))
        .where(
            Factsheet.session_id == session_id,
            Factsheet.status == FactsheetStatus.published,
            col(Factsheet.initiative_id).in_(ids),
        )
        .group_by(col(Factsheet.initiative_id))
        .subquery()
    )
    rows = db.exec(
        select(FactsheetSection, Factsheet.initiative_id, Factsheet.id)
        .join(Factsheet, col(Factsheet.id) == FactsheetSection.factsheet_id)
        .join(
            latest,
            and_(
                latest.c.initiative_id == Factsheet.initiative_id,
                latest.c.version == Factsheet.version_number,
            ),
        )
        .where(
            Factsheet.session_id == session_id,
            Factsheet.status == FactsheetStatus.published,
            FactsheetSection.condition == condition,
        )
    ).all()
    return {
        initiative_id: (section, factsheet_id or 0) for section, initiative_id, factsheet_id in rows
    }


def _practices(
    db: Session, ids: list[int], condition: PartnershipCondition
) -> Sequence[GoodPractice]:
    """The compared initiatives' good practices on the condition, not withdrawn. One query."""
    return db.exec(
        select(GoodPractice)
        .where(
            col(GoodPractice.initiative_id).in_(ids),
            GoodPractice.condition == condition,
            GoodPractice.status != ContributionStatus.withdrawn,
        )
        .order_by(col(GoodPractice.created_at), col(GoodPractice.id))
    ).all()


def _links(db: Session, ids: list[int], condition: PartnershipCondition) -> Sequence[Any]:
    """The confirmed links between the compared initiatives on the condition, of any session:
    (link, practice, the barrier's initiative id, session number). One query."""
    return db.exec(
        select(PracticeLink, GoodPractice, Factsheet.initiative_id, LearningSession.number)
        .join(GoodPractice, col(GoodPractice.id) == PracticeLink.good_practice_id)
        .join(FactsheetSection, col(FactsheetSection.id) == PracticeLink.section_id)
        .join(Factsheet, col(Factsheet.id) == FactsheetSection.factsheet_id)
        .join(LearningSession, col(LearningSession.id) == Factsheet.session_id)
        .where(
            col(GoodPractice.initiative_id).in_(ids),
            col(Factsheet.initiative_id).in_(ids),
            FactsheetSection.condition == condition,
            Factsheet.status == FactsheetStatus.published,
            GoodPractice.status != ContributionStatus.withdrawn,
        )
        .order_by(col(LearningSession.number).desc(), col(PracticeLink.confirmed_at))
    ).all()


def links_with_candidates(
    practices: Sequence[GoodPractice],
    columns: list[Column],
    confirmed: set[tuple[int, int, str]],
    initiatives: dict[int, Initiative],
) -> list[Candidate]:
    """Every pairing of a practice with another initiative's barrier line that the levels
    allow and that is not confirmed already."""
    found: list[Candidate] = []
    for practice in practices:
        for column in columns:
            section = column.section
            if section is None or column.initiative.id == practice.initiative_id:
                continue
            if practice.level not in section.levels:
                continue
            for index, barrier in enumerate(barrier_lines(section.barriers)):
                if (practice.id or 0, section.id or 0, barrier) in confirmed:
                    continue
                found.append(
                    Candidate(
                        practice,
                        initiatives[practice.initiative_id],
                        section,
                        column.initiative,
                        index,
                        barrier,
                    )
                )
    return found


def compare(
    *,
    db: Session,
    community_id: int,
    choice: CompareChoice,
    sessions: list[LearningSession],
    with_candidates: bool,
) -> Comparison:
    """The comparison of the chosen initiatives; ``sessions`` are those the reader may
    choose (sessions_to_choose). An id of another community answers 404."""
    ids = choice.initiative
    initiatives = _initiatives(db, community_id, ids)
    if choice.session_id is None:
        learning_session = sessions[0] if sessions else None
    else:
        learning_session = next((s for s in sessions if s.id == choice.session_id), None)
        if learning_session is None:
            raise NotFoundError(NO_SESSION, arguments={"id": choice.session_id})
    sections = (
        _published_sections(db, learning_session.id or 0, ids, choice.condition)
        if learning_session is not None
        else {}
    )
    teams = _disciplines(db, ids)
    columns = [
        Column(
            initiatives[i],
            teams.get(i, ()),
            sections[i][0] if i in sections else None,
            sections[i][1] if i in sections else None,
        )
        for i in ids
    ]
    links = [
        ConfirmedLink(link, practice, initiatives[practice.initiative_id], initiatives[y], number)
        for link, practice, y, number in _links(db, ids, choice.condition)
    ]
    candidates: list[Candidate] = []
    if with_candidates:
        confirmed = {(c.practice.id or 0, c.link.section_id, c.link.barrier) for c in links}
        practices = _practices(db, ids, choice.condition)
        candidates = links_with_candidates(practices, columns, confirmed, initiatives)
    return Comparison(choice.condition, learning_session, columns, links, candidates)
