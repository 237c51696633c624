"""Who may do what with actions: every member reads them (a session-scoped link only its
session's), the facilitator and the session's chair agree and edit them, the initiative's
members and the facilitator record progress."""

from typing import Annotated

from fastapi import Depends, Path

from app.actions import service
from app.actions.service import ActionRow
from app.auth import policy
from app.auth.dependencies import OptionalPrincipal
from app.auth.principal import Principal
from app.db import MAX_ID
from app.deps import DbDep
from app.errors import ForbiddenError, NotFoundError
from app.labels import N_
from app.learning_sessions import service as session_service
from app.learning_sessions.dependencies import LearningSessionDep
from app.learning_sessions.models import LearningSession


def valid_action(
    action_id: Annotated[int, Path(ge=1, le=MAX_ID)], db: DbDep, principal: OptionalPrincipal
) -> ActionRow:
    """An action of the reader's community; a session-scoped link opens its session's only."""
    row = service.get_action(
        db=db, action_id=action_id, community_id=principal.community_id if principal else 0
    )
    if principal is not None and not sees_action(principal, row):
        raise NotFoundError(N_("There is no action with id %(id)s."), arguments={"id": action_id})
    return row


ActionDep = Annotated[ActionRow, Depends(valid_action)]


def sees_action(principal: Principal, row: ActionRow) -> bool:
    action = row.action
    return policy.sees_session(principal, action.opened_in_session_id) or (
        action.review_session_id is not None
        and policy.sees_session(principal, action.review_session_id)
    )


def agrees_actions(principal: Principal, learning_session: LearningSession) -> bool:
    """The facilitator, and the session's chair for their session."""
    return policy.prepares_session(principal, learning_session.chair_id)


def updates_progress(principal: Principal, initiative_id: int) -> bool:
    """The initiative's members (any role in it) and the facilitator."""
    return principal.is_facilitator or bool(principal.roles_in(initiative_id))


def session_for_actions(
    learning_session: LearningSessionDep, principal: OptionalPrincipal
) -> LearningSession:
    if principal is None or not agrees_actions(principal, learning_session):
        raise ForbiddenError(N_("Only the facilitator and the session's chair agree actions."))
    return learning_session


ActionSessionDep = Annotated[LearningSession, Depends(session_for_actions)]


def editable_action(row: ActionDep, db: DbDep, principal: OptionalPrincipal) -> ActionRow:
    opened = session_service.get_session(db=db, session_id=row.action.opened_in_session_id)
    if principal is None or not agrees_actions(principal, opened):
        raise ForbiddenError(N_("Only the facilitator and the session's chair edit its actions."))
    return row


EditableActionDep = Annotated[ActionRow, Depends(editable_action)]


def action_for_progress(row: ActionDep, principal: OptionalPrincipal) -> ActionRow:
    if principal is None or not updates_progress(principal, row.action.initiative_id):
        raise ForbiddenError(
            N_("Only the initiative's members and the facilitator record its progress.")
        )
    return row


ProgressActionDep = Annotated[ActionRow, Depends(action_for_progress)]
