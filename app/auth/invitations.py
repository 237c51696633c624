"""Invitations, set-password and reset messages, the outbox, and the facilitator's accounts list.

Messages go to the outbox as plain text in the requester's language, written from
templates/emails/; without SMTP a facilitator reads and forwards them. Tokens appear only
in those messages, never in the audit log.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.auth import audit, secrets, service
from app.auth.models import Account, OneTimeToken, OutboxMessage
from app.auth.principal import Principal
from app.community.models import LearningCommunity
from app.db import MAX_ID, utcnow
from app.emails import render_email
from app.errors import ConflictError, DomainError, FieldProblem, InvalidInputError, NotFoundError
from app.initiatives.models import Initiative
from app.labels import N_
from app.memberships import service as membership_service
from app.people.models import Membership, Person
from app.people.schemas import MembershipCreate
from app.schemas import RequiredName
from app.vocabulary import AuditAction, IntegrationLevel, OneTimeTokenPurpose, Perspective, Role

_EMAIL = re.compile(r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$")

# Shown next to a field when its value is refused for a reason pydantic words itself.
FIELD_MESSAGES: dict[str, str] = {
    "name": N_("Enter the person's name (at most 200 characters)."),
    "email": N_("Enter an email address, like name@example.org."),
    "role": N_("Choose a role."),
    "initiative_id": N_("Choose one of the community's initiatives."),
    "perspective": N_("Choose a perspective."),
    "level": N_("Choose a level of integration."),
}
EMAIL_ELSEWHERE = N_("This email address belongs to someone outside this learning community.")
PASSWORDS_DIFFER = N_("The two passwords are not the same.")
WRONG_CURRENT_PASSWORD = N_("This is not your current password.")
OWN_ACCOUNT = N_("You cannot disable your own account. Ask another facilitator if needed.")
PASSWORD_MESSAGES = secrets.PASSWORD_MESSAGES


def _empty_is_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def _email(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = value.strip().lower()
    if len(value) > 254 or not _EMAIL.match(value):
        raise PydanticCustomError("email", FIELD_MESSAGES["email"])
    return value


class InvitationCreate(BaseModel):
    """The invitation form; anything else posted (community, account flags) is ignored."""

    model_config = ConfigDict(extra="ignore")

    name: RequiredName
    email: Annotated[str, BeforeValidator(_email)]
    role: Role
    # Validated even when left out, so the role check below always runs.
    initiative_id: Annotated[int | None, BeforeValidator(_empty_is_none)] = Field(
        default=None, validate_default=True
    )
    perspective: Perspective
    level: IntegrationLevel

    @field_validator("initiative_id")
    @classmethod
    def _initiative_fits_role(cls, value: int | None, info: ValidationInfo) -> int | None:
        if value is not None and not 1 <= value <= MAX_ID:
            raise PydanticCustomError("initiative", FIELD_MESSAGES["initiative_id"])
        role = info.data.get("role")
        if role is None:
            return value  # the role itself is wrong; that message suffices
        problem = membership_service.scope_problem(role, value)
        if problem is not None:
            raise PydanticCustomError("initiative", problem)
        return value


# -- outbox -------------------------------------------------------------------------------


def set_password_link(link_base: str, token: str) -> str:
    return f"{link_base.rstrip('/')}/set-password/{token}"


def _write_outbox(
    *, db: Session, community_id: int, recipient: str, subject: str, body: str
) -> OutboxMessage:
    message = OutboxMessage(
        community_id=community_id,
        recipient=recipient,
        subject=subject[:300],
        body=body[:20000],
        created_at=utcnow(),
    )
    db.add(message)
    db.flush()
    return message


# -- invitations ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Invitation:
    person: Person
    membership: Membership
    account: Account
    message: OutboxMessage


def invite(
    *,
    db: Session,
    community_id: int,
    data: InvitationCreate,
    invited_by: Principal,
    link_base: str,
    language: str,
    ip: str = "",
) -> Invitation:
    """Give someone a role and send them a set-password link; every check before any write."""
    community = db.get(LearningCommunity, community_id)
    if community is None:
        raise NotFoundError(
            N_("There is no learning community with id %(id)s."), arguments={"id": community_id}
        )
    initiative = None
    if data.initiative_id is not None:
        initiative = db.get(Initiative, data.initiative_id)
        if initiative is None or initiative.community_id != community_id:
            refused = FIELD_MESSAGES["initiative_id"]
            raise InvalidInputError(refused, [FieldProblem("initiative_id", refused)])
    person = db.exec(select(Person).where(Person.email == data.email)).first()
    if person is not None and person.community_id != community_id:
        raise ConflictError(EMAIL_ELSEWHERE, [FieldProblem("email", EMAIL_ELSEWHERE)])
    membership_service.check_grant(
        db=db,
        person_id=person.id if person else None,
        initiative_id=data.initiative_id,
        role=data.role,
    )

    if person is None:
        person = Person(community_id=community_id, name=data.name, email=data.email)
        db.add(person)
        db.flush()
    assert person.id is not None and person.email is not None
    membership = membership_service.grant_role(
        db=db,
        community_id=community_id,
        data=MembershipCreate(
            person_id=person.id,
            initiative_id=data.initiative_id,
            role=data.role,
            perspective=data.perspective,
            level=data.level,
        ),
        actor=invited_by,
        ip=ip,
    )
    account = service.ensure_account(db=db, person=person)
    token = service.issue_one_time_token(
        db=db, account=account, purpose=OneTimeTokenPurpose.invitation
    )

    email = render_email(
        "invitation",
        language,
        name=person.name,
        inviter=invited_by.name,
        community=community.name,
        role=data.role,
        initiative=initiative.name if initiative else None,
        link=set_password_link(link_base, token),
    )
    message = _write_outbox(
        db=db,
        community_id=community_id,
        recipient=person.email,
        subject=email.subject,
        body=email.body,
    )
    audit.record(
        db=db,
        action=AuditAction.invitation_sent,
        actor=invited_by,
        subject=person.name,
        detail=f"to {person.email}",
        ip=ip,
        initiative_id=data.initiative_id,
    )
    return Invitation(person=person, membership=membership, account=account, message=message)


@dataclass(frozen=True)
class PendingInvitation:
    person: Person
    sent_at: datetime
    expires_at: datetime


def pending_invitations(*, db: Session, community_id: int) -> list[PendingInvitation]:
    """Invitation links not used and not expired, newest first."""
    rows = db.exec(
        select(OneTimeToken, Person)
        .join(Account, col(Account.id) == OneTimeToken.account_id)
        .join(Person, col(Person.id) == Account.person_id)
        .where(
            Person.community_id == community_id,
            OneTimeToken.purpose == OneTimeTokenPurpose.invitation,
            col(OneTimeToken.used_at).is_(None),
            col(OneTimeToken.expires_at) > utcnow(),
            col(Account.disabled_at).is_(None),
        )
        .order_by(col(OneTimeToken.created_at).desc(), col(OneTimeToken.id).desc())
    ).all()
    return [PendingInvitation(person, token.created_at, token.expires_at) for token, person in rows]


def list_outbox(
    *, db: Session, community_id: int, offset: int = 0, limit: int = 20
) -> tuple[Sequence[OutboxMessage], int]:
    where = OutboxMessage.community_id == community_id
    total = db.exec(select(func.count()).select_from(OutboxMessage).where(where)).one()
    messages = db.exec(
        select(OutboxMessage)
        .where(where)
        .order_by(col(OutboxMessage.created_at).desc(), col(OutboxMessage.id).desc())
        .offset(offset)
        .limit(limit)
    ).all()
    return messages, total


# -- passwords ------------------------------------------------------------------------------


def request_password_reset(
    *, db: Session, email: str, link_base: str, language: str, ip: str = ""
) -> None:
    """Send a reset link if the account may have one; the caller answers the same either way."""
    typed = email.strip().lower()
    audit.record(
        db=db,
        action=AuditAction.password_reset_requested,
        actor_label=typed.replace("\x00", ""),
        ip=ip,
    )
    if not typed or "\x00" in typed:
        return
    found = service.account_for_email(db=db, email=typed)
    if found is None:
        return
    account, person = found
    if account.disabled_at is not None or not person.email:
        return
    token = service.issue_one_time_token(
        db=db, account=account, purpose=OneTimeTokenPurpose.password_reset
    )
    reset = render_email(
        "password_reset",
        language,
        name=person.name,
        link=set_password_link(link_base, token),
    )
    _write_outbox(
        db=db,
        community_id=person.community_id,
        recipient=person.email,
        subject=reset.subject,
        body=reset.body,
    )


def set_password_with_token(
    *, db: Session, token: str, password: str, repeat: str, ip: str = ""
) -> tuple[Account, Person]:
    """Use a set-password link; NotFoundError when it is unusable, InvalidInputError per field."""
    found = service.usable_one_time_token(db=db, token=token)
    if found is None:
        raise NotFoundError(N_("This link has expired or has been used already."))
    _one_time, _account, person = found
    _check_new_password(password, repeat, person)
    account, person = service.use_one_time_token(db=db, token=token, password=password)
    audit.record(
        db=db,
        action=AuditAction.password_changed,
        actor_label=person.email or person.name,
        subject=person.name,
        detail="with a set-password link",
        ip=ip,
    )
    return account, person


def change_password(
    *,
    db: Session,
    principal: Principal,
    current_password: str,
    password: str,
    repeat: str,
    ip: str = "",
) -> Account:
    """A signed-in person's new password; ends every session of the account (the caller
    starts a fresh one for this browser)."""
    account = db.get(Account, principal.account_id)
    person = db.get(Person, principal.person_id)
    if account is None or person is None:
        raise NotFoundError(N_("There is no such account."))
    if not secrets.verify_password(account.password_hash, current_password):
        raise DomainError(
            WRONG_CURRENT_PASSWORD,
            [FieldProblem("current_password", WRONG_CURRENT_PASSWORD)],
            status_code=400,
        )
    _check_new_password(password, repeat, person)
    service.set_password(db=db, account=account, person=person, password=password)
    audit.record(
        db=db,
        action=AuditAction.password_changed,
        actor=principal,
        subject=person.name,
        ip=ip,
    )
    return account


def _check_new_password(password: str, repeat: str, person: Person) -> None:
    problems: list[FieldProblem] = []
    problem = secrets.password_problem(password, email=person.email, name=person.name)
    if problem:
        problems.append(FieldProblem("password", problem))
    if password != repeat:
        problems.append(FieldProblem("repeat", PASSWORDS_DIFFER))
    if problems:
        raise InvalidInputError(problems[0].message, problems)


# -- accounts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeldRole:
    role: Role
    initiative_name: str | None


@dataclass(frozen=True)
class AccountRow:
    account: Account
    person: Person
    roles: list[HeldRole]


def list_accounts(
    *, db: Session, community_id: int, offset: int = 0, limit: int = 20
) -> tuple[list[AccountRow], int]:
    where = Person.community_id == community_id
    total = db.exec(
        select(func.count())
        .select_from(Account)
        .join(Person, col(Person.id) == Account.person_id)
        .where(where)
    ).one()
    rows = db.exec(
        select(Account, Person)
        .join(Person, col(Person.id) == Account.person_id)
        .where(where)
        .order_by(col(Person.name), col(Person.id))
        .offset(offset)
        .limit(limit)
    ).all()
    roles: dict[int, list[HeldRole]] = {}
    person_ids = [person.id for _account, person in rows]
    if person_ids:
        for person_id, role, initiative_name in db.exec(
            select(Membership.person_id, Membership.role, Initiative.name)
            .join(Initiative, col(Initiative.id) == Membership.initiative_id, isouter=True)
            .where(col(Membership.person_id).in_(person_ids))
            .order_by(col(Membership.role), col(Initiative.name))
        ).all():
            roles.setdefault(person_id, []).append(HeldRole(Role(role), initiative_name))
    return [
        AccountRow(account, person, roles.get(person.id or 0, [])) for account, person in rows
    ], total


def set_account_disabled(
    *,
    db: Session,
    community_id: int,
    account_id: int,
    disabled: bool,
    actor: Principal,
    ip: str = "",
) -> tuple[Account, Person]:
    """Disable (ending its sessions and API tokens at once) or enable an account here."""
    row = db.exec(
        select(Account, Person)
        .join(Person, col(Person.id) == Account.person_id)
        .where(Account.id == account_id, Person.community_id == community_id)
    ).first()
    if row is None:
        raise NotFoundError(N_("There is no account with id %(id)s."), arguments={"id": account_id})
    account, person = row
    if disabled and account.id == actor.account_id:
        raise ConflictError(OWN_ACCOUNT)
    service.set_disabled(db=db, account=account, disabled=disabled)
    audit.record(
        db=db,
        action=AuditAction.account_disabled if disabled else AuditAction.account_enabled,
        actor=actor,
        subject=person.name,
        ip=ip,
    )
    return account, person
