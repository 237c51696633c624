from sqlmodel import Session, col, select

from app.community.models import LearningCommunity
from app.errors import ConflictError, NotFoundError
from app.labels import N_


def get_community(*, db: Session, community_id: int) -> LearningCommunity:
    community = db.get(LearningCommunity, community_id)
    if community is None:
        raise NotFoundError(
            N_("There is no learning community with id %(id)s."), arguments={"id": community_id}
        )
    return community


def current_community(*, db: Session) -> LearningCommunity | None:
    """The community this installation runs: the oldest that is not closed."""
    return db.exec(
        select(LearningCommunity)
        .where(LearningCommunity.status != "closed")
        .order_by(col(LearningCommunity.id))
        .limit(1)
    ).first()


def require_current_community(*, db: Session) -> LearningCommunity:
    community = current_community(db=db)
    if community is None:
        raise ConflictError(
            N_(
                "There is no learning community yet: create one with 'leerkring seed-demo' "
                "or 'leerkring create-community'."
            )
        )
    return community


def require_current_community_id(*, db: Session) -> int:
    community = require_current_community(db=db)
    assert community.id is not None
    return community.id
