"""Session evaluations: who answers, when, one answer per person; and the results.

Participants (invited to or present at the session) answer once the session has started,
until the end of the 21st day after the session's day; a second answer replaces the first.
Results count answers among those who attended; a breakdown by role only shows groups of at
least ``MIN_GROUP`` answers, so nobody's answer can be picked out.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from statistics import median
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from app.db import utcnow
from app.errors import ConflictError, ForbiddenError
from app.evaluations.schemas import QUESTIONS, SCORES, EvaluationData
from app.labels import N_
from app.learning_sessions.models import Attendance, LearningSession, SessionEvaluation
from app.people.models import Membership
from app.vocabulary import Role

OPEN_DAYS = 21
MIN_GROUP = 5
# The role an answer counts under when a person holds several: the family's first.
ROLE_ORDER: tuple[Role, ...] = (
    Role.family_representative,
    Role.policymaker,
    Role.manager,
    Role.practitioner,
    Role.practitioner_researcher,
    Role.chair,
    Role.facilitator,
)


def last_day(learning_session: LearningSession) -> date:
    """The last day answers are taken: 21 days after the session's day, where it is held."""
    zone = ZoneInfo(learning_session.timezone)
    return learning_session.starts_at.astimezone(zone).date() + timedelta(days=OPEN_DAYS)


def closes_at(learning_session: LearningSession) -> datetime:
    zone = ZoneInfo(learning_session.timezone)
    return datetime.combine(last_day(learning_session) + timedelta(days=1), time(0, 0), zone)


def has_started(learning_session: LearningSession, *, now: datetime | None = None) -> bool:
    return (now or utcnow()) >= learning_session.starts_at


def is_open(learning_session: LearningSession, *, now: datetime | None = None) -> bool:
    moment = now or utcnow()
    return (
        learning_session.cancelled_at is None
        and has_started(learning_session, now=moment)
        and moment < closes_at(learning_session)
    )


def is_participant(*, db: Session, learning_session: LearningSession, person_id: int) -> bool:
    """Invited to the session, or recorded as present."""
    found = db.exec(
        select(Attendance.id).where(
            Attendance.session_id == learning_session.id,
            Attendance.person_id == person_id,
            or_(col(Attendance.invited).is_(True), col(Attendance.attended).is_(True)),
        )
    ).first()
    return found is not None


def require_participant(*, db: Session, learning_session: LearningSession, person_id: int) -> None:
    if not is_participant(db=db, learning_session=learning_session, person_id=person_id):
        raise ForbiddenError(N_("Only the people invited to this session answer its evaluation."))


def why_closed(learning_session: LearningSession) -> ConflictError | None:
    """Why no answer is taken now (not started, closed, cancelled), or None while open."""
    if learning_session.cancelled_at is not None:
        return ConflictError(
            N_("This session has been cancelled, so there is nothing to evaluate.")
        )
    if not has_started(learning_session):
        return ConflictError(
            N_("The evaluation opens when the session starts. Please come back after it.")
        )
    if not is_open(learning_session):
        return ConflictError(
            N_("The evaluation of this session closed on %(date)s. Answers are no longer taken."),
            arguments={"date": last_day(learning_session).isoformat()},
        )
    return None


def require_answerable(*, db: Session, learning_session: LearningSession, person_id: int) -> None:
    """Refuse whoever is not a participant, and every answer outside the survey's days."""
    require_participant(db=db, learning_session=learning_session, person_id=person_id)
    refusal = why_closed(learning_session)
    if refusal is not None:
        raise refusal


def answer_of(
    *, db: Session, learning_session: LearningSession, person_id: int
) -> SessionEvaluation | None:
    return db.exec(
        select(SessionEvaluation).where(
            SessionEvaluation.session_id == learning_session.id,
            SessionEvaluation.person_id == person_id,
        )
    ).first()


def answer(
    *, db: Session, learning_session: LearningSession, person_id: int, data: EvaluationData
) -> SessionEvaluation:
    """Store the person's answer; a second one replaces the first (the same row)."""
    require_answerable(db=db, learning_session=learning_session, person_id=person_id)
    stored = answer_of(db=db, learning_session=learning_session, person_id=person_id)
    scores = data.model_dump()
    if stored is None:
        stored = SessionEvaluation(
            session_id=learning_session.id or 0, person_id=person_id, **scores
        )
    else:
        for name, value in scores.items():
            setattr(stored, name, value)
    stored.updated_at = utcnow()
    db.add(stored)
    db.flush()
    return stored


@dataclass(frozen=True)
class Distribution:
    """One question's answers: how many gave 1..5, the median, and how many gave 4 or 5."""

    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def high(self) -> int:
        return self.counts[3] + self.counts[4]

    @property
    def median(self) -> float | None:
        values = [score for score, n in zip(SCORES, self.counts, strict=True) for _ in range(n)]
        return median(values) if values else None


def distribution(scores: Sequence[int | None]) -> Distribution:
    counts = [0] * len(SCORES)
    for score in scores:
        if score is not None:
            counts[score - 1] += 1
    return Distribution(tuple(counts))


@dataclass(frozen=True)
class RoleGroup:
    role: Role
    answers: int
    questions: dict[str, Distribution] | None  # None: fewer than MIN_GROUP answers


@dataclass(frozen=True)
class Results:
    attended: int
    answered: int
    questions: dict[str, Distribution]
    by_role: list[RoleGroup]
    comments: list[str]


def _main_roles(db: Session, person_ids: set[int]) -> dict[int, Role]:
    if not person_ids:
        return {}
    rows = db.exec(
        select(Membership.person_id, Membership.role).where(
            col(Membership.person_id).in_(person_ids)
        )
    ).all()
    held: dict[int, set[Role]] = defaultdict(set)
    for person_id, role in rows:
        held[person_id].add(Role(role))
    return {
        person_id: next(role for role in ROLE_ORDER if role in roles)
        for person_id, roles in held.items()
    }


def results(*, db: Session, learning_session: LearningSession) -> Results:
    """The session's results in three statements, however many answered."""
    attended = db.exec(
        select(func.count())
        .select_from(Attendance)
        .where(Attendance.session_id == learning_session.id, col(Attendance.attended).is_(True))
    ).one()
    answers = db.exec(
        select(SessionEvaluation)
        .where(SessionEvaluation.session_id == learning_session.id)
        .order_by(col(SessionEvaluation.updated_at).desc(), col(SessionEvaluation.id))
    ).all()
    roles = _main_roles(db, {a.person_id for a in answers if a.person_id is not None})
    questions = {q: distribution([getattr(a, q) for a in answers]) for q in QUESTIONS}
    grouped: dict[Role, list[SessionEvaluation]] = defaultdict(list)
    for a in answers:
        if a.person_id is not None and a.person_id in roles:
            grouped[roles[a.person_id]].append(a)
    by_role = [
        RoleGroup(
            role,
            len(grouped[role]),
            {q: distribution([getattr(a, q) for a in grouped[role]]) for q in QUESTIONS}
            if len(grouped[role]) >= MIN_GROUP
            else None,
        )
        for role in ROLE_ORDER
        if grouped.get(role)
    ]
    return Results(
        attended=int(attended),
        answered=len(answers),
        questions=questions,
        by_role=by_role,
        comments=[a.comment for a in answers if a.comment.strip()],
    )


@dataclass(frozen=True)
class SessionColumn:
    session_id: int
    number: int
    questions: dict[str, Distribution]


def across_sessions(*, db: Session, community_id: int) -> list[SessionColumn]:
    """Every question's distribution per session of the community that has answers, in
    order: the small multiples. One statement."""
    rows = db.exec(
        select(LearningSession.id, LearningSession.number, SessionEvaluation)
        .join(SessionEvaluation, col(SessionEvaluation.session_id) == LearningSession.id)
        .where(LearningSession.community_id == community_id)
        .order_by(col(LearningSession.number), col(SessionEvaluation.id))
    ).all()
    per_session: dict[tuple[int, int], list[SessionEvaluation]] = defaultdict(list)
    for session_id, number, evaluation in rows:
        per_session[(session_id or 0, number)].append(evaluation)
    return [
        SessionColumn(
            session_id,
            number,
            {q: distribution([getattr(a, q) for a in answers]) for q in QUESTIONS},
        )
        for (session_id, number), answers in per_session.items()
    ]
