from typing import Annotated

from fastapi import Depends, Path

from app.auth import policy
from app.auth.dependencies import OptionalPrincipal
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import ForbiddenError, NotFoundError
from app.labels import N_
from app.learning_sessions import service
from app.learning_sessions.models import LearningSession


def valid_learning_session(
    session_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    db: DbDep,
    principal: OptionalPrincipal,
) -> LearningSession:
    # An access link scoped to one session opens that session only; others do not exist for it.
    if principal is not None and not policy.sees_session(principal, session_id):
        raise NotFoundError(
            N_("There is no learning session with id %(id)s."), arguments={"id": session_id}
        )
    learning_session = service.get_session(db=db, session_id=session_id)
    if principal is not None and learning_session.community_id != principal.community_id:
        raise NotFoundError(
            N_("There is no learning session with id %(id)s."), arguments={"id": session_id}
        )
    return learning_session


LearningSessionDep = Annotated[LearningSession, Depends(valid_learning_session)]


def session_to_prepare(
    learning_session: LearningSessionDep, principal: OptionalPrincipal
) -> LearningSession:
    """A session whose agenda this person builds: the facilitator and its chair."""
    if principal is None or not policy.prepares_session(principal, learning_session.chair_id):
        raise ForbiddenError(N_("Only the facilitator and the session's chair set its agenda."))
    return learning_session


PreparedSessionDep = Annotated[LearningSession, Depends(session_to_prepare)]
