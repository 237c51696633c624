"""What the factsheet editor shows a member: the version, its sections, quotes, next steps."""

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup
from sqlmodel import Session, col, select

from app.auth import policy
from app.auth.principal import Principal
from app.evidence.models import EvidenceItem
from app.factsheets import plain_text, review, service, trail
from app.factsheets.models import Factsheet, FactsheetSection
from app.factsheets.readability import Readability, guess_language, readability, with_longest_marked
from app.initiatives import service as initiative_service
from app.learning_sessions import service as session_service
from app.vocabulary import FactsheetStatus, PartnershipCondition


@dataclass(frozen=True)
class PlainTextState:
    """A section's plain text as the editor shows it: stored, or suggested while empty."""

    text: str
    suggested: bool  # nothing stored yet: the text is the rule's suggestion
    confirmed: bool
    figure: Readability | None
    marked: Markup  # the text, escaped, its longest sentence in <mark>


def plain_text_state(section: FactsheetSection, language: str) -> PlainTextState:
    suggested = not section.plain_text.strip()
    text = plain_text.suggestion(section) if suggested else section.plain_text
    figure = readability(text, guess_language(text, language))
    return PlainTextState(
        text=text,
        suggested=suggested,
        confirmed=plain_text.confirmed(section),
        figure=figure,
        marked=with_longest_marked(text, figure) if figure else Markup(""),
    )


def editor_context(
    *, db: Session, factsheet: Factsheet, principal: Principal, language: str = "en"
) -> dict[str, Any]:
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
        "plain": {s.condition: plain_text_state(s, language) for s in factsheet.sections},
        "unconfirmed": len(service.unconfirmed_plain_texts(factsheet)),
        "chosen": service.chosen_quotes(db=db, factsheet=factsheet),
        "quotable": quotable,
        "conditions": list(PartnershipCondition),
        "next_statuses": sorted(service.NEXT_STATUS[factsheet.status]) if records else [],
        "conflict": None,
        "comments": review.review_comments(db=db, factsheet=factsheet),
        "may_comment": factsheet.status == FactsheetStatus.in_review
        and policy.reads_initiative_drafts(principal, factsheet.initiative_id),
        "trails": trail.trails_for(db=db, factsheet=factsheet, viewer=principal),
    }
