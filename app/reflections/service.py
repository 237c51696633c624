"""Writing reflections: a draft to come back to, saved with the version the writer read,
submitted, and changeable until the session's reflection deadline.

One reflection per author and per thing it answers (a question, a factsheet, a dilemma, or
the session in general). Services know nothing of HTTP; the errors carry their status.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from app.agendas.models import ReflectiveQuestion
from app.contributions.models import Dilemma
from app.db import utcnow
from app.errors import ConflictError, ForbiddenError, NotFoundError, StaleVersionError
from app.factsheets.models import Factsheet
from app.initiatives.models import Initiative
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.people.models import Membership
from app.reflections import consent
from app.reflections.models import Reflection
from app.reflections.targets import Target, TargetKind, target_of
from app.vocabulary import (
    ContributionStatus,
    FactsheetStatus,
    Perspective,
    ReflectionStatus,
    ReflectionVisibility,
    Role,
)

TEXT_LIMIT = 8000
# Dilemmas the session's participants read on its agenda, and may reflect on.
DILEMMAS_ON_AGENDA = (ContributionStatus.on_agenda, ContributionStatus.discussed)
# When a person holds several roles, the perspective of the first of these they hold.
_ROLE_ORDER = (
    Role.family_representative,
    Role.practitioner,
    Role.practitioner_researcher,
    Role.manager,
    Role.policymaker,
    Role.chair,
    Role.facilitator,
)


@dataclass
class DeadlinePassedError(ConflictError):
    """The reflections of this session were due; nothing is changed any more."""


@dataclass
class ConsentRequiredError(ForbiddenError):
    """Without consent (1), a person reads but does not write."""


@dataclass
class ReflectionConflictError(StaleVersionError):
    """Someone (another tab) saved first: both texts go back to the writer, nothing is lost."""

    stored: Reflection | None = None
    attempted_text: str = ""


def editable_until(learning_session: LearningSession) -> datetime:
    """The end of the reflection deadline's day in the session's time zone; without a
    deadline, the moment the session starts."""
    if learning_session.reflection_deadline is None:
        return learning_session.starts_at
    zone = ZoneInfo(learning_session.timezone)
    next_day = learning_session.reflection_deadline + timedelta(days=1)
    return datetime.combine(next_day, time(0, 0), tzinfo=zone)


def is_open(learning_session: LearningSession, *, now: datetime | None = None) -> bool:
    """Whether reflections on this session may still be written and changed: before the
    deadline, and not once the session is called off."""
    if learning_session.cancelled_at is not None:
        return False
    return (now or utcnow()) < editable_until(learning_session)


def _require_open(learning_session: LearningSession) -> None:
    if learning_session.cancelled_at is not None:
        raise DeadlinePassedError(
            N_("This session has been cancelled, so nothing can be written for it any more.")
        )
    if not is_open(learning_session):
        raise DeadlinePassedError(
            N_(
                "The time to write reflections for this session has ended. "
                "Nothing was changed; your text is shown below."
            )
        )


def require_consent(*, db: Session, person_id: int) -> consent.ConsentState:
    state = consent.consent_state(db=db, person_id=person_id)
    if not state.may_write:
        raise ConsentRequiredError(
            N_(
                "You have not agreed that the session's participants may read your "
                "reflections, so nothing was saved. Give your consent on the page first."
            )
        )
    return state


def _roles_of(db: Session, person_id: int) -> list[tuple[Role, Perspective]]:
    rows = db.exec(
        select(Membership.role, Membership.perspective).where(Membership.person_id == person_id)
    ).all()
    return [(Role(role), Perspective(perspective)) for role, perspective in rows]


def perspective_of(*, db: Session, person_id: int) -> Perspective:
    """The perspective a person writes from: a family representative's is the family's."""
    held = _roles_of(db, person_id)
    for role in _ROLE_ORDER:
        for held_role, perspective in held:
            if held_role == role:
                return Perspective.family if role == Role.family_representative else perspective
    return Perspective.professional


def addressed_to(question: ReflectiveQuestion, roles: set[Role]) -> bool:
    """A question with no target roles is for everyone."""
    return not question.target_roles or bool(roles.intersection(question.target_roles))


def questions_for(
    *, db: Session, learning_session: LearningSession, person_id: int
) -> list[ReflectiveQuestion]:
    """The session's reflective questions addressed to this person, in the agenda's order."""
    roles = {role for role, _ in _roles_of(db, person_id)}
    questions = db.exec(
        select(ReflectiveQuestion)
        .where(ReflectiveQuestion.session_id == learning_session.id)
        .order_by(col(ReflectiveQuestion.position), col(ReflectiveQuestion.id))
    ).all()
    return [question for question in questions if addressed_to(question, roles)]


def published_factsheets(
    *, db: Session, learning_session: LearningSession
) -> list[tuple[Factsheet, str]]:
    """The newest published factsheet of each initiative for the session, with its name."""
    rows = db.exec(
        select(Factsheet, Initiative.name)
        .join(Initiative, col(Initiative.id) == Factsheet.initiative_id)
        .where(
            Factsheet.session_id == learning_session.id,
            Factsheet.status == FactsheetStatus.published,
        )
        .order_by(col(Initiative.name), col(Factsheet.version_number))
    ).all()
    newest = {factsheet.initiative_id: (factsheet, name) for factsheet, name in rows}
    return list(newest.values())


def dilemmas_on_agenda(
    *, db: Session, learning_session: LearningSession
) -> list[tuple[Dilemma, str]]:
    """The dilemmas on the session's agenda, with their initiative's name."""
    rows = db.exec(
        select(Dilemma, Initiative.name)
        .join(Initiative, col(Initiative.id) == Dilemma.initiative_id)
        .where(
            Dilemma.session_id == learning_session.id,
            col(Dilemma.status).in_(DILEMMAS_ON_AGENDA),
        )
        .order_by(col(Dilemma.id))
    ).all()
    return [(dilemma, name) for dilemma, name in rows]


def my_reflections(
    *, db: Session, learning_session: LearningSession, author_id: int
) -> list[Reflection]:
    return list(
        db.exec(
            select(Reflection)
            .where(Reflection.session_id == learning_session.id, Reflection.author_id == author_id)
            .order_by(col(Reflection.id))
        ).all()
    )


def mine_on(
    *, db: Session, learning_session: LearningSession, author_id: int, target: Target
) -> Reflection | None:
    """The author's reflection on ``target`` in this session, if they wrote one."""
    query = select(Reflection).where(
        Reflection.session_id == learning_session.id, Reflection.author_id == author_id
    )
    columns = {
        TargetKind.question: Reflection.reflective_question_id,
        TargetKind.factsheet: Reflection.factsheet_id,
        TargetKind.dilemma: Reflection.dilemma_id,
    }
    for kind, column in columns.items():
        if target.kind == kind:
            query = query.where(column == target.id)
        else:
            query = query.where(col(column).is_(None))
    return db.exec(query.order_by(col(Reflection.id)).limit(1)).first()


def _check_target(
    db: Session, learning_session: LearningSession, author_id: int, target: Target
) -> None:
    """What a reflection answers belongs to the session and is open to this author."""
    missing = NotFoundError(N_("There is nothing to answer here on this session."))
    if target.kind == TargetKind.general:
        return
    if target.kind == TargetKind.question:
        question = db.get(ReflectiveQuestion, target.id)
        if question is None or question.session_id != learning_session.id:
            raise missing
        roles = {role for role, _ in _roles_of(db, author_id)}
        if not addressed_to(question, roles):
            raise missing
    elif target.kind == TargetKind.factsheet:
        factsheet = db.get(Factsheet, target.id)
        if (
            factsheet is None
            or factsheet.session_id != learning_session.id
            or factsheet.status != FactsheetStatus.published
        ):
            raise missing
    else:
        dilemma = db.get(Dilemma, target.id)
        if (
            dilemma is None
            or dilemma.session_id != learning_session.id
            or dilemma.status not in DILEMMAS_ON_AGENDA
        ):
            raise missing


def _stale(stored: Reflection, attempted_text: str) -> ReflectionConflictError:
    return ReflectionConflictError(
        N_(
            "This reflection was saved somewhere else (another tab or device) after you "
            "opened it. Nothing is lost: both texts are shown. Combine them and save again."
        ),
        current_version=stored.version,
        stored=stored,
        attempted_text=attempted_text,
    )


def draft(
    *,
    db: Session,
    learning_session: LearningSession,
    author_id: int,
    target: Target,
    text: str,
    shows_name: bool,
    visibility: ReflectionVisibility = ReflectionVisibility.session,
) -> Reflection:
    """A new draft on ``target``. The author has one reflection per target: if one was
    written meanwhile (another tab), both texts come back as a conflict."""
    state = require_consent(db=db, person_id=author_id)
    _require_open(learning_session)
    _check_target(db, learning_session, author_id, target)
    existing = mine_on(db=db, learning_session=learning_session, author_id=author_id, target=target)
    if existing is not None:
        raise _stale(existing, text)
    assert learning_session.id is not None
    reflection = Reflection(
        author_id=author_id,
        session_id=learning_session.id,
        reflective_question_id=target.id if target.kind == TargetKind.question else None,
        factsheet_id=target.id if target.kind == TargetKind.factsheet else None,
        dilemma_id=target.id if target.kind == TargetKind.dilemma else None,
        text=text,
        perspective=perspective_of(db=db, person_id=author_id),
        visibility=visibility,
        evidence_consent=state.quoted_as_evidence,
        status=ReflectionStatus.draft,
        shows_name=shows_name,
    )
    db.add(reflection)
    db.flush()
    return reflection


def get_own(*, db: Session, reflection_id: int, author_id: int) -> Reflection:
    """One of the author's own reflections; anyone else's does not exist for them."""
    reflection = db.get(Reflection, reflection_id)
    if reflection is None or reflection.author_id != author_id:
        raise NotFoundError(
            N_("There is no reflection with id %(id)s."), arguments={"id": reflection_id}
        )
    return reflection


def _require_changeable(reflection: Reflection) -> None:
    if reflection.hidden_at is not None:
        raise ConflictError(
            N_("The facilitator has hidden this reflection, so it can no longer be changed.")
        )


def save(
    *,
    db: Session,
    reflection: Reflection,
    learning_session: LearningSession,
    text: str,
    shows_name: bool,
    expected_version: int,
    visibility: ReflectionVisibility | None = None,
) -> Reflection:
    """Store the text exactly as written, if the writer had the current version."""
    assert reflection.author_id is not None
    state = require_consent(db=db, person_id=reflection.author_id)
    _require_open(learning_session)
    _require_changeable(reflection)
    if reflection.version != expected_version:
        raise _stale(reflection, text)
    unchanged = (
        reflection.text == text
        and reflection.shows_name == shows_name
        and (visibility is None or visibility == reflection.visibility)
        and reflection.evidence_consent == state.quoted_as_evidence
    )
    if unchanged:
        return reflection  # an autosave of the same text writes nothing
    reflection.text = text
    reflection.shows_name = shows_name
    if visibility is not None:
        reflection.visibility = visibility
    reflection.evidence_consent = state.quoted_as_evidence
    reflection.updated_at = utcnow()
    db.add(reflection)
    db.flush()
    return reflection


def submit(
    *,
    db: Session,
    reflection: Reflection,
    learning_session: LearningSession,
    text: str,
    shows_name: bool,
    expected_version: int,
    visibility: ReflectionVisibility | None = None,
) -> Reflection:
    """Save the text as shown and hand it in; it stays changeable until the deadline."""
    save(
        db=db,
        reflection=reflection,
        learning_session=learning_session,
        text=text,
        shows_name=shows_name,
        expected_version=expected_version,
        visibility=visibility,
    )
    if reflection.status != ReflectionStatus.submitted:
        reflection.status = ReflectionStatus.submitted
        reflection.submitted_at = utcnow()
        db.add(reflection)
        db.flush()
    return reflection


def delete_draft(*, db: Session, reflection: Reflection, learning_session: LearningSession) -> None:
    """A draft is the author's alone, so they may throw it away; submitted ones stay."""
    _require_open(learning_session)
    if reflection.status != ReflectionStatus.draft:
        raise ConflictError(N_("Only a draft can be deleted; this reflection has been submitted."))
    db.delete(reflection)
    db.flush()


def reflections_by_target(reflections: Sequence[Reflection]) -> dict[str, Reflection]:
    return {target_of(reflection).key: reflection for reflection in reflections}
