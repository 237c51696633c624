from typing import Annotated

from fastapi import Depends, Path

from app.db import MAX_ID
from app.deps import SessionDep
from app.learning_sessions import service
from app.learning_sessions.models import LearningSession


def valid_learning_session(
    session_id: Annotated[int, Path(ge=1, le=MAX_ID)], session: SessionDep
) -> LearningSession:
    return service.get_session(session=session, session_id=session_id)


LearningSessionDep = Annotated[LearningSession, Depends(valid_learning_session)]
