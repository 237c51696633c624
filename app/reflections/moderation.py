"""The facilitator hides a reflection with a reason (audited), and may show it again; the
text is never edited.

The author still sees their reflection, marked hidden with the reason; every other reader
no longer does (``app.reflections.visibility``).
"""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, StringConstraints
from sqlmodel import Session, col, select

from app.audit import service as audit_service
from app.auth.principal import Principal
from app.db import utcnow
from app.errors import ConflictError, NotFoundError
from app.forms import FormParagraph
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.reflections.models import Reflection
from app.schemas import _no_nul
from app.vocabulary import AuditAction, ReflectionStatus

REASON_MAX = 1000
REASON_MESSAGE = N_("Say why the reflection is hidden, in at most 1000 characters.")


def _has_words(value: str) -> str:
    if not value.strip():
        raise ValueError("is empty")
    return value


# Stored as typed; only a reason of spaces alone is refused.
HideReason = Annotated[
    str,
    StringConstraints(max_length=REASON_MAX),
    AfterValidator(_no_nul),
    AfterValidator(_has_words),
]


class HideData(BaseModel):
    reason: HideReason


class HideForm(BaseModel):
    reason: FormParagraph = ""

    def to_data(self) -> HideData:
        return HideData.model_validate(self.model_dump())


def reflection_to_hide(
    *, db: Session, reflection_id: int, community_id: int
) -> tuple[Reflection, LearningSession]:
    """A submitted reflection of the community with its session; drafts do not exist here."""
    found = db.exec(
        select(Reflection, LearningSession)
        .join(LearningSession, col(LearningSession.id) == Reflection.session_id)
        .where(
            Reflection.id == reflection_id,
            LearningSession.community_id == community_id,
            Reflection.status == ReflectionStatus.submitted,
        )
    ).first()
    if found is None:
        raise NotFoundError(
            N_("There is no reflection with id %(id)s."), arguments={"id": reflection_id}
        )
    return found[0], found[1]


def hide(
    *,
    db: Session,
    reflection: Reflection,
    learning_session: LearningSession,
    by: Principal,
    data: HideData,
    ip: str = "",
) -> Reflection:
    if reflection.hidden_at is not None:
        raise ConflictError(N_("This reflection is already hidden."))
    reflection.hidden_at = utcnow()
    reflection.hidden_reason = data.reason
    reflection.hidden_by_id = by.person_id
    db.add(reflection)
    db.flush()
    audit_service.record(
        db=db,
        action=AuditAction.reflection_hidden,
        actor=by,
        subject=f"reflection {reflection.id} of session {learning_session.number}",
        detail=data.reason,
        ip=ip,
    )
    return reflection


def unhide(
    *,
    db: Session,
    reflection: Reflection,
    learning_session: LearningSession,
    by: Principal,
    ip: str = "",
) -> Reflection:
    """Show a hidden reflection again, as it was written; the reason it had goes to the log."""
    if reflection.hidden_at is None:
        raise ConflictError(N_("This reflection is not hidden."))
    reason = reflection.hidden_reason
    reflection.hidden_at = None
    reflection.hidden_reason = ""
    reflection.hidden_by_id = None
    db.add(reflection)
    db.flush()
    audit_service.record(
        db=db,
        action=AuditAction.reflection_unhidden,
        actor=by,
        subject=f"reflection {reflection.id} of session {learning_session.number}",
        detail=f"hidden before because: {reason}",
        ip=ip,
    )
    return reflection
