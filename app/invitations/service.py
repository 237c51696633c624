"""Invitations (a role and a set-password link in one go), and the outbox they go to.

Messages go to the outbox as plain text in the requester's language, written from
templates/emails/; without SMTP a facilitator reads and forwards them. Tokens appear only
in those messages, never in the audit log.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from app.accounts import service as account_service
from app.accounts.models import Account, OneTimeToken
from app.audit import service as audit_service
from app.auth.principal import Principal
from app.community.models import LearningCommunity
from app.db import utcnow
from app.emails import queue_email, render_email, wake_sender_after_commit
from app.errors import ConflictError, FieldProblem, InvalidInputError, NotFoundError
from app.initiatives.models import Initiative
from app.invitations.models import OutboxAttachment, OutboxMessage
from app.invitations.schemas import FIELD_MESSAGES, InvitationCreate
from app.labels import N_
from app.memberships import service as membership_service
from app.people.models import Membership, Person
from app.people.schemas import MembershipCreate
from app.vocabulary import AuditAction, OneTimeTokenPurpose

EMAIL_ELSEWHERE = N_("This email address belongs to someone outside this learning community.")


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
    account = account_service.ensure_account(db=db, person=person)
    token = account_service.issue_one_time_token(
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
        link=account_service.set_password_link(link_base, token),
    )
    message = queue_email(db=db, community_id=community_id, recipient=person.email, email=email)
    audit_service.record(
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


def attachments_of(*, db: Session, message_ids: Sequence[int]) -> dict[int, list[OutboxAttachment]]:
    """Each message's attachments (names and types; the bytes stay in the database)."""
    found: dict[int, list[OutboxAttachment]] = {}
    if not message_ids:
        return found
    for attachment in db.exec(
        select(OutboxAttachment)
        .where(col(OutboxAttachment.message_id).in_(list(message_ids)))
        .options(defer(OutboxAttachment.data))  # type: ignore[arg-type]
        .order_by(col(OutboxAttachment.message_id), col(OutboxAttachment.position))
    ):
        found.setdefault(attachment.message_id, []).append(attachment)
    return found


def send_again(*, db: Session, community_id: int, message_id: int) -> OutboxMessage:
    """The facilitator's "send now": a queued message is due at once (its back-off is over),
    and the sender looks as soon as this transaction commits. A sent one stays sent."""
    message = db.get(OutboxMessage, message_id)
    if message is None or message.community_id != community_id:
        raise NotFoundError(
            N_("There is no message with id %(id)s in the outbox."), arguments={"id": message_id}
        )
    if message.sent_at is not None:
        raise ConflictError(N_("This message has been sent already."))
    message.last_attempt_at = None
    db.add(message)
    db.flush()
    wake_sender_after_commit(db=db)
    return message
