"""Who reads which reflection, and by which name: one rule for every page, list and document.

- A draft is its author's alone.
- A hidden reflection: the facilitator reads it (marked hidden, with the reason); its author
  still sees it, and that it was hidden and why; nobody else.
- ``private``: the author and the facilitator.
- ``session``: those taking part in the session: the invited, its chair, the facilitator.
- ``community``: every member of the learning community.

``reads_reflection`` answers for one reflection, ``readable`` is the same rule as a SQL
condition for lists; a test holds the two to the same matrix.

Names: a reflection shows its author's name only when ``shows_name`` is set, otherwise the
author's perspective ("a family representative"), for every reader, the facilitator too.
"""

from sqlalchemy import ColumnElement, and_, exists, or_, true
from sqlmodel import col, select

from app.auth import policy
from app.auth.principal import Principal
from app.labels import N_
from app.learning_sessions.models import Attendance, LearningSession
from app.reflections.models import Reflection
from app.vocabulary import Perspective, ReflectionStatus, ReflectionVisibility

# How an author who does not show their name appears (N_-marked; translated where shown).
SHOWN_AS: dict[Perspective, str] = {
    Perspective.family: N_("a family representative"),
    Perspective.professional: N_("a practitioner"),
    Perspective.organisation: N_("a manager"),
    Perspective.local_government: N_("a policymaker"),
}


def anonymous_name(perspective: Perspective) -> str:
    """The N_-marked words an anonymous author appears as ("a family representative")."""
    return SHOWN_AS[Perspective(perspective)]


def shown_name(reflection: Reflection, author_name: str | None) -> str:
    """The author's name when they chose to show it; "" when they appear by perspective."""
    return (author_name or "") if reflection.shows_name else ""


def takes_part(principal: Principal, learning_session: LearningSession, *, invited: bool) -> bool:
    """Taking part in the session: invited to it, its chair, or the facilitator."""
    return (
        invited
        or principal.is_facilitator
        or (principal.is_chair and learning_session.chair_id == principal.person_id)
    )


def reads_reflection(principal: Principal, reflection: Reflection, *, takes_part: bool) -> bool:
    """Whether ``principal`` may read ``reflection``; ``takes_part``: in its session (above)."""
    if not policy.sees_session(principal, reflection.session_id):
        return False
    if reflection.author_id is not None and reflection.author_id == principal.person_id:
        return True
    if reflection.status != ReflectionStatus.submitted:
        return False
    if principal.is_facilitator:
        return True
    if reflection.hidden_at is not None:
        return False
    if reflection.visibility == ReflectionVisibility.community:
        return True
    return reflection.visibility == ReflectionVisibility.session and takes_part


def shows_hidden(principal: Principal) -> bool:
    """Who reads hidden reflections of others (marked hidden, with the reason)."""
    return principal.is_facilitator


def _takes_part_clause(principal: Principal) -> ColumnElement[bool]:
    """The reflection's session is one the principal takes part in (see ``takes_part``)."""
    if principal.is_facilitator:
        return true()
    invited = exists(
        select(col(Attendance.id)).where(
            col(Attendance.session_id) == col(Reflection.session_id),
            col(Attendance.person_id) == principal.person_id,
            col(Attendance.invited).is_(True),
        )
    )
    if not principal.is_chair:
        return invited
    chairs = exists(
        select(col(LearningSession.id)).where(
            col(LearningSession.id) == col(Reflection.session_id),
            col(LearningSession.chair_id) == principal.person_id,
        )
    )
    return or_(invited, chairs)


def readable(principal: Principal) -> ColumnElement[bool]:
    """``reads_reflection`` as a condition on ``Reflection`` rows, for lists and counts.

    The caller also limits the rows to the principal's community (a session of it)."""
    scope = policy.session_scope(principal)
    in_scope = true() if scope is None else col(Reflection.session_id) == scope
    own = col(Reflection.author_id) == principal.person_id
    submitted = col(Reflection.status) == ReflectionStatus.submitted
    if principal.is_facilitator:
        others = submitted
    else:
        by_visibility = or_(
            col(Reflection.visibility) == ReflectionVisibility.community,
            and_(
                col(Reflection.visibility) == ReflectionVisibility.session,
                _takes_part_clause(principal),
            ),
        )
        others = and_(submitted, col(Reflection.hidden_at).is_(None), by_visibility)
    return and_(in_scope, or_(own, others))
