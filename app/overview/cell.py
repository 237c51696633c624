"""One cell of the overview read in full: the initiative's published section(s) on the
condition (one session, or every session), their trend and reason, the quotable evidence
they quote, the open actions, and the self-assessment spread the viewer may see."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from app.actions.models import Action
from app.auth import policy
from app.auth.principal import Principal
from app.errors import NotFoundError
from app.evidence.models import EvidenceItem
from app.factsheets.models import FactsheetSection
from app.initiatives.models import Initiative
from app.labels import N_
from app.overview import queries
from app.overview.service import SessionChoice, choose_session, visible_sessions
from app.self_assessment import service as self_assessment
from app.self_assessment.spread import Spread
from app.vocabulary import PartnershipCondition


@dataclass(frozen=True)
class PublishedSection:
    session_number: int
    version_number: int
    published_at: datetime | None
    section: FactsheetSection
    quotes: list[EvidenceItem]


@dataclass(frozen=True)
class CellDetail:
    initiative: Initiative
    condition: PartnershipCondition
    session: SessionChoice | None  # None: every session
    sections: list[PublishedSection]
    actions: list[tuple[Action, int]]  # (action, number of the session that agreed it)
    spreads: list[tuple[int, Spread]]  # (session number, spread), sessions with scores


def community_initiative(*, db: Session, initiative_id: int, community_id: int) -> Initiative:
    """An initiative of the viewer's community; any other answers 404."""
    initiative = db.get(Initiative, initiative_id)
    if initiative is None or initiative.community_id != community_id:
        raise NotFoundError(
            N_("There is no initiative with id %(id)s."), arguments={"id": initiative_id}
        )
    return initiative


def cell_detail(
    *,
    db: Session,
    viewer: Principal,
    initiative: Initiative,
    condition: PartnershipCondition,
    session_id: int | None,
) -> CellDetail:
    """Six statements, whatever the number of initiatives."""
    assert initiative.id is not None
    sessions = visible_sessions(db=db, viewer=viewer)
    chosen = choose_session(sessions, session_id) if session_id is not None else None
    wanted = [chosen.id] if chosen else [choice.id for choice in sessions]
    found = queries.cell_sections(
        db=db, initiative_id=initiative.id, condition=condition, session_ids=wanted
    )
    quotes: defaultdict[int, list[EvidenceItem]] = defaultdict(list)
    for section_id, item in queries.cell_quotes(
        db=db, section_ids=[row[0].id for row in found if row[0].id is not None]
    ):
        quotes[section_id].append(item)
    sections = [
        PublishedSection(number, version, published_at, section, quotes.get(section.id or 0, []))
        for section, number, version, published_at in found
    ]
    actions = [
        (action, number)
        for action, number in queries.cell_actions(
            db=db,
            initiative_id=initiative.id,
            condition=condition,
            up_to_number=chosen.number if chosen else None,
            only_session_id=policy.session_scope(viewer),
        )
    ]
    numbers = {choice.id: choice.number for choice in sessions}
    by_session = self_assessment.spreads_by_session(
        db=db,
        community_id=viewer.community_id,
        session_ids=wanted,
        viewer=viewer,
        initiative_id=initiative.id,
    )
    spreads = sorted(
        (
            (numbers[session_id], spread)
            for session_id, cells in by_session.items()
            if session_id in numbers
            and (spread := cells.get((initiative.id, condition))) is not None
            and spread.count
        ),
        key=lambda pair: pair[0],
    )
    return CellDetail(initiative, condition, chosen, sections, actions, spreads)
