"""What the factsheet editor shows a member: the version, its sections, quotes, next steps."""

from typing import Any

from sqlmodel import Session, col, select

from app.auth import policy
from app.auth.principal import Principal
from app.evidence.models import EvidenceItem
from app.factsheets import review, service
from app.factsheets.models import Factsheet
from app.initiatives import service as initiative_service
from app.learning_sessions import service as session_service
from app.vocabulary import FactsheetStatus, PartnershipCondition


def editor_context(*, db: Session, factsheet: Factsheet, principal: Principal) -> dict[str, Any]:
    """The editor's template context; who may edit, comment and move the status on decides
    what it holds (evidence to quote only for those who edit)."""
    records = policy.records_evidence(principal, factsheet.initiative_id)
    editable = factsheet.status in service.EDITABLE and records
    quotable = (
        db.exec(
            select(EvidenceItem)
            .where(
                EvidenceItem.initiative_id == factsheet.initiative_id,
                col(EvidenceItem.quote_consent).is_(True),
            )
            .order_by(col(EvidenceItem.observed_on).desc())
        ).all()
        if editable
        else []
    )
    return {
        "factsheet": factsheet,
        "initiative": initiative_service.get_initiative(
            db=db, initiative_id=factsheet.initiative_id
        ),
        "learning_session": session_service.get_session(db=db, session_id=factsheet.session_id),
        "editable": editable,
        "sections": {s.condition: s for s in factsheet.sections},
        "chosen": service.chosen_quotes(db=db, factsheet=factsheet),
        "quotable": quotable,
        "conditions": list(PartnershipCondition),
        "next_statuses": sorted(service.NEXT_STATUS[factsheet.status]) if records else [],
        "conflict": None,
        "comments": review.review_comments(db=db, factsheet=factsheet),
        "may_comment": factsheet.status == FactsheetStatus.in_review
        and policy.reads_initiative_drafts(principal, factsheet.initiative_id),
    }
