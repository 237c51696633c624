"""Scoring and releasing: a member saves their four scores, the initiative publishes them.

The rules, in one place:
- only members of the initiative score it, in the role they hold there (the first of the
  vocabulary's initiative roles when they hold several); a cancelled session takes no scores;
- saving replaces the member's own four scores for the session, nobody else's;
- once released, the initiative's scores for the session are what the community reads: a
  change is refused until the facilitator withdraws the release (and the members publish
  again), so nobody's numbers shift under a reader's eyes;
- the initiative's members and the facilitator release; only the facilitator withdraws.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from app.audit import service as audit
from app.auth import policy
from app.auth.principal import Principal
from app.db import utcnow
from app.errors import ConflictError, ForbiddenError, NotFoundError
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.self_assessment.models import SelfAssessment, SelfAssessmentRelease
from app.self_assessment.schemas import ScoresData
from app.vocabulary import INITIATIVE_ROLES, AuditAction, PartnershipCondition, Role, SessionStatus

UPCOMING = (SessionStatus.planned, SessionStatus.prepared)

NOT_A_MEMBER = N_("Only the initiative's own members score it.")
NOT_A_RELEASER = N_("Only the initiative's members and the facilitator publish its scores.")
CANCELLED = N_("Session %(number)s is cancelled: it takes no scores.")
RELEASED = N_(
    "The scores for session %(number)s are published to the community and can no longer be "
    "changed. Ask the facilitator to withdraw the publication first."
)


@dataclass(frozen=True)
class Note:
    condition: PartnershipCondition
    role: Role
    level: int
    note: str


def sessions_of(*, db: Session, viewer: Principal) -> list[LearningSession]:
    """The community's sessions by number (a session-scoped link: that one only)."""
    query = select(LearningSession).where(LearningSession.community_id == viewer.community_id)
    if viewer.session_scope_id is not None:
        query = query.where(LearningSession.id == viewer.session_scope_id)
    return list(db.exec(query.order_by(col(LearningSession.number))).all())


def chosen_session(
    sessions: list[LearningSession], session_id: int | None
) -> LearningSession | None:
    """The asked-for session (404 when it is not among them), or by default the session
    being prepared: the first upcoming one that is not cancelled, else the latest."""
    if session_id is not None:
        for learning_session in sessions:
            if learning_session.id == session_id:
                return learning_session
        raise NotFoundError(
            N_("There is no learning session with id %(id)s."), arguments={"id": session_id}
        )
    upcoming = [s for s in sessions if s.status in UPCOMING and s.cancelled_at is None]
    if upcoming:
        return upcoming[0]
    return sessions[-1] if sessions else None


def scoring_role(viewer: Principal, initiative_id: int) -> Role | None:
    """The role a member scores in; None: not a member of the initiative."""
    held = viewer.roles_in(initiative_id)
    return next((role for role in INITIATIVE_ROLES if role in held), None)


def may_release(viewer: Principal, initiative_id: int) -> bool:
    return viewer.is_facilitator or scoring_role(viewer, initiative_id) is not None


def sees_unreleased(viewer: Principal, initiative_id: int) -> bool:
    """The initiative's own members and the facilitator read its scores before release."""
    return policy.reads_initiative_drafts(viewer, initiative_id)


def release_of(*, db: Session, session_id: int, initiative_id: int) -> SelfAssessmentRelease | None:
    return db.get(SelfAssessmentRelease, (session_id, initiative_id))


def own_scores(
    *, db: Session, session_id: int, initiative_id: int, person_id: int
) -> dict[PartnershipCondition, SelfAssessment]:
    rows = db.exec(
        select(SelfAssessment).where(
            SelfAssessment.session_id == session_id,
            SelfAssessment.initiative_id == initiative_id,
            SelfAssessment.person_id == person_id,
        )
    ).all()
    return {PartnershipCondition(row.condition): row for row in rows}


def notes_of(*, db: Session, session_id: int, initiative_id: int) -> list[Note]:
    """Every written note of the initiative for the session, by condition, role and level;
    the caller has checked the reader may see them (released, or a member)."""
    rows = db.exec(
        select(SelfAssessment)
        .where(
            SelfAssessment.session_id == session_id,
            SelfAssessment.initiative_id == initiative_id,
            SelfAssessment.note != "",
        )
        .order_by(col(SelfAssessment.id))
    ).all()
    notes = [Note(PartnershipCondition(r.condition), Role(r.role), r.level, r.note) for r in rows]
    conditions, roles = list(PartnershipCondition), list(Role)
    return sorted(
        notes, key=lambda n: (conditions.index(n.condition), roles.index(n.role), n.level)
    )


def _refuse_closed(db: Session, learning_session: LearningSession, initiative_id: int) -> None:
    number = {"number": learning_session.number}
    if learning_session.cancelled_at is not None:
        raise ConflictError(CANCELLED, arguments=number)
    if release_of(db=db, session_id=learning_session.id or 0, initiative_id=initiative_id):
        raise ConflictError(RELEASED, arguments=number)


def save_scores(
    *,
    db: Session,
    learning_session: LearningSession,
    initiative_id: int,
    viewer: Principal,
    data: ScoresData,
) -> None:
    """Store the member's four scores for the session, replacing their earlier ones."""
    role = scoring_role(viewer, initiative_id)
    if role is None:
        raise ForbiddenError(NOT_A_MEMBER)
    _refuse_closed(db, learning_session, initiative_id)
    session_id = learning_session.id or 0
    stored = own_scores(
        db=db, session_id=session_id, initiative_id=initiative_id, person_id=viewer.person_id
    )
    for condition, (level, note) in data.scores().items():
        row = stored.get(condition) or SelfAssessment(
            session_id=session_id,
            initiative_id=initiative_id,
            person_id=viewer.person_id,
            condition=condition,
            role=role,
            level=level,
        )
        row.role, row.level, row.note = role, level, note
        db.add(row)
    db.flush()


def has_scores(*, db: Session, session_id: int, initiative_id: int) -> bool:
    found = db.exec(
        select(SelfAssessment.id)
        .where(
            SelfAssessment.session_id == session_id,
            SelfAssessment.initiative_id == initiative_id,
        )
        .limit(1)
    ).first()
    return found is not None


def release(
    *,
    db: Session,
    learning_session: LearningSession,
    initiative_id: int,
    viewer: Principal,
    ip: str,
) -> datetime | None:
    """Publish the initiative's scores and notes for the session to the community (audited);
    None when there is nothing to publish yet."""
    if not may_release(viewer, initiative_id):
        raise ForbiddenError(NOT_A_RELEASER)
    _refuse_closed(db, learning_session, initiative_id)
    session_id = learning_session.id or 0
    if not has_scores(db=db, session_id=session_id, initiative_id=initiative_id):
        return None
    row = SelfAssessmentRelease(
        session_id=session_id,
        initiative_id=initiative_id,
        released_at=utcnow(),
        released_by_id=viewer.person_id,
    )
    db.add(row)
    audit.record(
        db=db,
        action=AuditAction.published,
        actor=viewer,
        subject=f"self-assessment session {learning_session.number}",
        ip=ip,
        initiative_id=initiative_id,
    )
    db.flush()
    return row.released_at


def withdraw(*, db: Session, learning_session: LearningSession, initiative_id: int) -> bool:
    """The facilitator takes a release back so the members may change their scores."""
    row = release_of(db=db, session_id=learning_session.id or 0, initiative_id=initiative_id)
    if row is None:
        return False
    db.delete(row)
    db.flush()
    return True
