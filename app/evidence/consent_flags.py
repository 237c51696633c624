"""Evidence whose author took back their consent: a learning-session excerpt drawn from a
reflection whose author has since withdrawn "quoted as evidence" is flagged. The researcher
removes it from the factsheet's sections or re-anonymises it (rewrites it in their own
words, which cuts its tie to the reflection); until then the factsheet is not published."""

from collections.abc import Iterable

from sqlmodel import Session, col, select

from app.db import utcnow
from app.errors import ConflictError, FieldProblem, InvalidInputError
from app.evidence.models import EvidenceItem, EvidenceOrigin
from app.labels import N_
from app.reflections.models import Reflection

MAX_EXCERPT = 8000
REWRITE_NEEDED = N_(
    "Write the excerpt again in your own words (1 to 8000 characters), different from now."
)


def withdrawn(*, db: Session, evidence_ids: Iterable[int]) -> set[int]:
    """The items among ``evidence_ids`` drawn from a reflection whose author withdrew their
    evidence consent (one statement)."""
    ids = sorted(set(evidence_ids))
    if not ids:
        return set()
    return set(
        db.exec(
            select(EvidenceOrigin.evidence_item_id)
            .join(Reflection, col(Reflection.id) == EvidenceOrigin.reflection_id)
            .where(
                col(EvidenceOrigin.evidence_item_id).in_(ids),
                col(Reflection.evidence_consent).is_(False),
            )
        ).all()
    )


def reanonymise(*, db: Session, item: EvidenceItem, excerpt: str) -> EvidenceItem:
    """Replace a flagged item's excerpt with the researcher's rewrite; it no longer holds the
    author's words, so it is no longer tied to their reflection."""
    assert item.id is not None
    if item.id not in withdrawn(db=db, evidence_ids=[item.id]):
        raise ConflictError(N_("This evidence is not flagged: its author's consent stands."))
    excerpt = excerpt.replace("\r\n", "\n").strip()
    if not excerpt or len(excerpt) > MAX_EXCERPT or excerpt == item.excerpt.strip():
        raise InvalidInputError(REWRITE_NEEDED, [FieldProblem("excerpt", REWRITE_NEEDED)])
    item.excerpt = excerpt
    item.updated_at = utcnow()
    origin = db.get(EvidenceOrigin, item.id)
    if origin is not None:
        origin.reflection_id = None
        db.add(origin)
    db.add(item)
    db.flush()
    return item
