"""Small builders for test data: sensible defaults, override what the test is about."""

import functools
import hashlib
import itertools
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

from sqlmodel import Session

from app.access_links import service as access_link_service
from app.access_links.models import AccessLink
from app.accounts import service as account_service
from app.accounts.models import Account
from app.actions.models import Action
from app.agendas.models import AgendaItem, ReflectiveQuestion
from app.api_tokens import service as api_token_service
from app.api_tokens.models import ApiToken
from app.auth.principal import SessionTimeouts
from app.auth.secrets import hash_password
from app.community.models import LearningCommunity
from app.contributions.models import Dilemma, GoodPractice
from app.db import utcnow
from app.evidence.models import EvidenceCondition, EvidenceItem
from app.factsheets import service as factsheet_service
from app.factsheets.models import Factsheet, FactsheetDocument, FactsheetSection
from app.factsheets.schemas import SectionUpdate
from app.initiatives.models import Initiative, InitiativeDiscipline, InitiativeMunicipality
from app.invitations.models import OutboxMessage
from app.learning_sessions.models import Attendance, LearningSession
from app.people.models import Membership, Person
from app.vocabulary import (
    AgendaItemKind,
    EvidenceSource,
    FactsheetStatus,
    FundingArrangement,
    IntegrationLevel,
    PartnershipCondition,
    Perspective,
    Role,
)

_sequence = itertools.count(1)
T = TypeVar("T")

ROLE_DEFAULTS: dict[Role, tuple[Perspective, IntegrationLevel]] = {
    Role.policymaker: (Perspective.local_government, IntegrationLevel.system),
    Role.manager: (Perspective.organisation, IntegrationLevel.organisational),
    Role.practitioner: (Perspective.professional, IntegrationLevel.professional),
    Role.family_representative: (Perspective.family, IntegrationLevel.clinical),
}


def _save(db: Session, record: T) -> T:
    db.add(record)
    db.flush()
    return record


def community(db: Session, **overrides: Any) -> LearningCommunity:
    values: dict[str, Any] = {
        "name": f"Leerkring test {next(_sequence)}",
        "period_start": date(2026, 1, 1),
    }
    return _save(db, LearningCommunity(**{**values, **overrides}))


def initiative(
    db: Session,
    in_community: LearningCommunity,
    *,
    municipalities: tuple[str, ...] = ("Leiden",),
    disciplines: tuple[str, ...] = ("family coach",),
    **overrides: Any,
) -> Initiative:
    values: dict[str, Any] = {
        "name": f"Gezinsteam {next(_sequence)}",
        "community_id": in_community.id,
        "funding_arrangement": FundingArrangement.lump_sum_subsidy,
    }
    record = _save(db, Initiative(**{**values, **overrides}))
    for position, name in enumerate(municipalities):
        db.add(InitiativeMunicipality(initiative_id=record.id, name=name, position=position))
    for position, name in enumerate(disciplines):
        db.add(InitiativeDiscipline(initiative_id=record.id, name=name, position=position))
    db.flush()
    return record


def person(db: Session, in_community: LearningCommunity, **overrides: Any) -> Person:
    number = next(_sequence)
    values: dict[str, Any] = {
        "name": f"Sanne Bakker {number}",
        "email": f"sanne.bakker{number}@example.org",
        "community_id": in_community.id,
    }
    return _save(db, Person(**{**values, **overrides}))


def membership(
    db: Session,
    member: Person,
    role: Role,
    in_initiative: Initiative | None = None,
    **overrides: Any,
) -> Membership:
    perspective, level = ROLE_DEFAULTS.get(
        role, (Perspective.professional, IntegrationLevel.professional)
    )
    values: dict[str, Any] = {
        "person_id": member.id,
        "community_id": member.community_id,
        "initiative_id": in_initiative.id if in_initiative else None,
        "role": role,
        "perspective": perspective,
        "level": level,
    }
    return _save(db, Membership(**{**values, **overrides}))


def learning_session(
    db: Session, in_community: LearningCommunity, **overrides: Any
) -> LearningSession:
    values: dict[str, Any] = {
        "community_id": in_community.id,
        "number": next(_sequence),
        "starts_at": datetime(2027, 1, 21, 12, 30, tzinfo=UTC),
        "place": "Stadhuis Leiden",
    }
    return _save(db, LearningSession(**{**values, **overrides}))


def attendance(
    db: Session, at: LearningSession, who: Person, *, attended: bool | None = None
) -> Attendance:
    return _save(db, Attendance(session_id=at.id, person_id=who.id, attended=attended))


# Accounts and what signs them in.

SIGN_IN_TIMEOUTS = SessionTimeouts(idle=timedelta(minutes=30), absolute=timedelta(hours=12))


@functools.cache
def _hashed(password: str) -> str:
    # Hashing is slow on purpose; one hash per password serves every account in the run.
    return hash_password(password)


def account(db: Session, holder: Person, *, password: str | None = None) -> Account:
    """``holder``'s account (made once), with ``password`` if given."""
    record = account_service.ensure_account(db=db, person=holder)
    if password is not None:
        record.password_hash = _hashed(password)
        db.flush()
    return record


def user_session(
    db: Session,
    holder: Person,
    *,
    timeouts: SessionTimeouts = SIGN_IN_TIMEOUTS,
    access_link: AccessLink | None = None,
    ip: str = "testclient",
) -> str:
    """A signed-in browser session of ``holder``; the cookie's token."""
    return account_service.start_session(
        db=db,
        account=account(db, holder),
        timeouts=timeouts,
        ip=ip,
        access_link=access_link,
    )


def access_link(
    db: Session,
    holder: Person,
    *,
    created_by: Person | None = None,
    for_session: LearningSession | None = None,
    expires_at: datetime | None = None,
) -> tuple[AccessLink, str]:
    """A personal link for ``holder`` (for one session if given); the link and its token."""
    return access_link_service.create_access_link(
        db=db,
        person=holder,
        created_by_id=created_by.id if created_by else None,
        expires_at=expires_at or utcnow() + timedelta(days=30),
        session_id=for_session.id if for_session else None,
    )


def api_token(db: Session, holder: Account, *, name: str = "Rapportage") -> tuple[ApiToken, str]:
    """An API token of the account; the row and the token itself."""
    return api_token_service.create_api_token(db=db, account_id=holder.id or 0, name=name)


# What initiatives bring: evidence, dilemmas and good practices, factsheets.


def evidence_item(
    db: Session,
    of: Initiative,
    *,
    conditions: Iterable[PartnershipCondition] = (PartnershipCondition.roles,),
    **overrides: Any,
) -> EvidenceItem:
    number = next(_sequence)
    values: dict[str, Any] = {
        "initiative_id": of.id,
        "source": EvidenceSource.interview,
        "observed_on": date(2026, 5, 1),
        "perspective": Perspective.family,
        "level": IntegrationLevel.clinical,
        "quote_consent": True,
        "excerpt": f"The mother did not know who her contact was ({number}).",
        "fingerprint": hashlib.sha256(f"evidence {number}".encode()).hexdigest(),
    }
    record = _save(db, EvidenceItem(**{**values, **overrides}))
    for condition in conditions:
        db.add(EvidenceCondition(evidence_item_id=record.id, condition=condition))
    db.flush()
    return record


def _contribution(db: Session, kind: type[T], of: Initiative, overrides: dict[str, Any]) -> T:
    values: dict[str, Any] = {
        "initiative_id": of.id,
        "title": f"Who pays the family coach? ({next(_sequence)})",
        "description": "The pilot money ends.",
        "condition": PartnershipCondition.financing,
        "level": IntegrationLevel.system,
    }
    return _save(db, kind(**{**values, **overrides}))


def dilemma(db: Session, of: Initiative, **overrides: Any) -> Dilemma:
    return _contribution(db, Dilemma, of, overrides)


def good_practice(db: Session, of: Initiative, **overrides: Any) -> GoodPractice:
    return _contribution(db, GoodPractice, of, overrides)


def factsheet(
    db: Session,
    of: Initiative,
    at: LearningSession,
    *,
    status: FactsheetStatus = FactsheetStatus.draft,
    version_number: int = 1,
    **overrides: Any,
) -> Factsheet:
    """A factsheet row without sections (``factsheet_section`` adds them)."""
    values: dict[str, Any] = {
        "initiative_id": of.id,
        "session_id": at.id,
        "version_number": version_number,
        "status": status,
    }
    return _save(db, Factsheet(**{**values, **overrides}))


def published_factsheet(
    db: Session,
    of: Initiative,
    at: LearningSession,
    *,
    analysis: str,
    condition: PartnershipCondition = PartnershipCondition.financing,
    plain_text: str | None = None,
) -> Factsheet:
    """A version published the way the pages publish it: drafted, reviewed, frozen (its plain
    text, the analysis unless given, confirmed)."""
    draft = factsheet_service.start_draft(db=db, initiative=of, learning_session=at)
    factsheet_service.update_section(
        db=db,
        factsheet=draft,
        condition=condition,
        data=SectionUpdate(
            version=1,
            analysis=analysis,
            plain_text=analysis if plain_text is None else plain_text,
            plain_confirmed=True,
        ),
    )
    for status in (FactsheetStatus.in_review, FactsheetStatus.published):
        factsheet_service.change_status(db=db, factsheet=draft, status=status)
    return draft


def factsheet_section(
    db: Session,
    of: Factsheet,
    condition: PartnershipCondition = PartnershipCondition.financing,
    **overrides: Any,
) -> FactsheetSection:
    return _save(db, FactsheetSection(factsheet_id=of.id, condition=condition, **overrides))


def reflective_question(
    db: Session, at: LearningSession, *, target_roles: Iterable[Role] = (), **overrides: Any
) -> ReflectiveQuestion:
    values: dict[str, Any] = {
        "session_id": at.id,
        "text": f"Who is the family's single point of contact? ({next(_sequence)})",
        "condition": PartnershipCondition.roles,
        "level": IntegrationLevel.professional,
        "target_roles": list(target_roles),
    }
    return _save(db, ReflectiveQuestion(**{**values, **overrides}))


def factsheet_document(
    db: Session, of: Factsheet, *, language: str = "en", **overrides: Any
) -> FactsheetDocument:
    """A stored PDF of the factsheet (bytes that only look like one)."""
    values: dict[str, Any] = {
        "factsheet_id": of.id,
        "variant": "full",
        "language": language,
        "content_hash": "0" * 64,
        "template_version": "test",
        "pdf": b"%PDF-1.7 stored bytes",
    }
    return _save(db, FactsheetDocument(**{**values, **overrides}))


def action(db: Session, of: Initiative, opened_in: LearningSession, **overrides: Any) -> Action:
    values: dict[str, Any] = {
        "initiative_id": of.id,
        "opened_in_session_id": opened_in.id,
        "title": f"Agree on one contact per family ({next(_sequence)})",
        "condition": PartnershipCondition.roles,
        "level": IntegrationLevel.professional,
    }
    return _save(db, Action(**{**values, **overrides}))


def agenda_item(db: Session, at: LearningSession, *, position: int, **overrides: Any) -> AgendaItem:
    values: dict[str, Any] = {
        "session_id": at.id,
        "position": position,
        "kind": AgendaItemKind.findings,
        "title": "Findings",
    }
    return _save(db, AgendaItem(**{**values, **overrides}))


def outbox_message(db: Session, in_community: LearningCommunity, **overrides: Any) -> OutboxMessage:
    number = next(_sequence)
    values: dict[str, Any] = {
        "community_id": in_community.id,
        "recipient": f"person{number}@example.org",
        "subject": f"Message number {number}",
        "body": "Choose a password: http://testserver/set-password/link",
        "created_at": utcnow(),
    }
    return _save(db, OutboxMessage(**{**values, **overrides}))
