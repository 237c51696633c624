"""Confirmed links between one initiative's good practice and another's barrier: an
initiative's links for its page, and the facilitator confirming or removing one (audited:
a confirmed link is shown to everyone)."""

from sqlalchemy import or_
from sqlalchemy import select as sql_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.agendas.background_queries import barrier_lines
from app.audit import service as audit
from app.auth.principal import Principal
from app.comparison.models import PracticeLink
from app.comparison.schemas import LinkData
from app.comparison.service import ConfirmedLink
from app.contributions.models import GoodPractice
from app.db import utcnow
from app.errors import NotFoundError
from app.factsheets.models import Factsheet, FactsheetSection
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.vocabulary import AuditAction, ContributionStatus, FactsheetStatus

NO_CANDIDATE = N_("This good practice and barrier cannot be linked.")
NO_LINK = N_("There is no link with id %(id)s.")


def initiative_links(
    *, db: Session, community_id: int, initiative_id: int, session_scope: int | None = None
) -> list[ConfirmedLink]:
    """The confirmed links of an initiative of the community, its good practices for others'
    barriers and others' for its own, newest session first (a session-scoped link: that
    session). One query."""
    practice_initiative = aliased(Initiative)
    barrier_initiative = aliased(Initiative)
    query = (
        sql_select(
            PracticeLink,
            GoodPractice,
            practice_initiative,
            barrier_initiative,
            col(LearningSession.number),
        )
        .join(GoodPractice, col(GoodPractice.id) == PracticeLink.good_practice_id)
        .join(practice_initiative, col(practice_initiative.id) == GoodPractice.initiative_id)
        .join(FactsheetSection, col(FactsheetSection.id) == PracticeLink.section_id)
        .join(Factsheet, col(Factsheet.id) == FactsheetSection.factsheet_id)
        .join(barrier_initiative, col(barrier_initiative.id) == Factsheet.initiative_id)
        .join(LearningSession, col(LearningSession.id) == Factsheet.session_id)
        .where(
            or_(
                col(GoodPractice.initiative_id) == initiative_id,
                col(Factsheet.initiative_id) == initiative_id,
            ),
            col(practice_initiative.community_id) == community_id,
            col(Factsheet.status) == FactsheetStatus.published,
            col(GoodPractice.status) != ContributionStatus.withdrawn,
        )
        .order_by(col(LearningSession.number).desc(), col(PracticeLink.confirmed_at))
    )
    if session_scope is not None:
        query = query.where(col(Factsheet.session_id) == session_scope)
    return [ConfirmedLink(*row) for row in db.execute(query).all()]


def confirm_link(*, db: Session, data: LinkData, actor: Principal, ip: str = "") -> PracticeLink:
    """Store the link the facilitator confirmed (audited: it is shown to everyone from now
    on); a pairing the rule does not allow (or ids of another community) answers 404.
    Confirming the same link twice keeps the first."""
    community_id = actor.community_id
    practice = db.exec(
        select(GoodPractice)
        .join(Initiative, col(Initiative.id) == GoodPractice.initiative_id)
        .where(
            GoodPractice.id == data.good_practice_id,
            Initiative.community_id == community_id,
            GoodPractice.status != ContributionStatus.withdrawn,
        )
    ).first()
    found = db.exec(
        select(FactsheetSection, Factsheet.initiative_id)
        .join(Factsheet, col(Factsheet.id) == FactsheetSection.factsheet_id)
        .join(Initiative, col(Initiative.id) == Factsheet.initiative_id)
        .where(
            FactsheetSection.id == data.section_id,
            Factsheet.status == FactsheetStatus.published,
            Initiative.community_id == community_id,
        )
    ).first()
    if practice is None or found is None:
        raise NotFoundError(NO_CANDIDATE)
    section, initiative_id = found
    lines = barrier_lines(section.barriers)
    if (
        initiative_id == practice.initiative_id
        or section.condition != practice.condition
        or practice.level not in section.levels
        or data.barrier >= len(lines)
    ):
        raise NotFoundError(NO_CANDIDATE)
    barrier = lines[data.barrier]
    existing = db.exec(
        select(PracticeLink).where(
            PracticeLink.good_practice_id == practice.id,
            PracticeLink.section_id == section.id,
            PracticeLink.barrier == barrier,
        )
    ).first()
    if existing is not None:
        return existing
    link = PracticeLink(
        good_practice_id=practice.id or 0,
        section_id=section.id or 0,
        barrier=barrier,
        reason=data.reason,
        confirmed_by_id=actor.person_id,
        confirmed_at=utcnow(),
    )
    db.add(link)
    db.flush()
    _audit(db, actor, ip, link, initiative_id, "confirmed")
    return link


def _audit(
    db: Session, actor: Principal, ip: str, link: PracticeLink, initiative_id: int, what: str
) -> None:
    audit.record(
        db=db,
        action=AuditAction.published,
        actor=actor,
        subject=f"good practice {link.good_practice_id} for a barrier of section {link.section_id}",
        detail=f"link {what}: {link.barrier}",
        ip=ip,
        initiative_id=initiative_id,
    )


def remove_link(*, db: Session, link_id: int, actor: Principal, ip: str = "") -> None:
    found = db.exec(
        select(PracticeLink, Factsheet.initiative_id)
        .join(FactsheetSection, col(FactsheetSection.id) == PracticeLink.section_id)
        .join(Factsheet, col(Factsheet.id) == FactsheetSection.factsheet_id)
        .join(Initiative, col(Initiative.id) == Factsheet.initiative_id)
        .where(PracticeLink.id == link_id, Initiative.community_id == actor.community_id)
    ).first()
    if found is None:
        raise NotFoundError(NO_LINK, arguments={"id": link_id})
    link, initiative_id = found
    _audit(db, actor, ip, link, initiative_id, "removed")
    db.delete(link)
    db.flush()
