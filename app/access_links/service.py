"""Personal access links: made and revoked by a facilitator, exchanged by their holder.

A link is a password for people who have none (family representatives, often on a phone).
Its token is shown once and stored only as a hash; the audit log never holds it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlmodel import Session, col, select

from app.access_links.models import AccessLink
from app.accounts import service as account_service
from app.accounts.models import Account, UserSession
from app.audit import service as audit_service
from app.auth import rate_limit, secrets
from app.auth.principal import Principal, SessionTimeouts, load_principal
from app.db import utcnow
from app.errors import FieldProblem, InvalidInputError, NotFoundError
from app.labels import N_
from app.learning_sessions.models import LearningSession
from app.people.models import Membership, Person
from app.time_zone import community_zone
from app.vocabulary import AuditAction, Role

DEFAULT_VALID_DAYS = 60
MAX_VALID_DAYS = 365
PERSON_PROBLEM = N_("Choose the person the link is for.")
SCOPE_PROBLEM = N_("Choose the whole community or one learning session.")


def local_today() -> date:
    return utcnow().astimezone(community_zone()).date()


def expiry_moment(last_day: date) -> datetime:
    """A link works through its last day, in the community's time zone."""
    return datetime.combine(last_day, time(23, 59, 59), tzinfo=community_zone())


def link_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/access/{token}"


# -- making, listing and revoking links -----------------------------------------------------


def link_is_usable(link: AccessLink) -> bool:
    return link.revoked_at is None and link.expires_at > utcnow()


def create_access_link(
    *,
    db: Session,
    person: Person,
    created_by_id: int | None,
    expires_at: datetime,
    session_id: int | None = None,
) -> tuple[AccessLink, str]:
    account_service.ensure_account(db=db, person=person)
    token = secrets.new_token()
    assert person.id is not None
    link = AccessLink(
        person_id=person.id,
        session_id=session_id,
        token_hash=secrets.token_hash(token),
        created_by_id=created_by_id,
        created_at=utcnow(),
        expires_at=expires_at,
    )
    db.add(link)
    db.flush()
    return link, token


def find_access_link(*, db: Session, token: str) -> tuple[AccessLink, Account, Person] | None:
    """The link for a token, usable or not (the caller tells the person which)."""
    if not token or len(token) > 100:
        return None
    row = db.exec(
        select(AccessLink, Account, Person)
        .join(Person, col(Person.id) == AccessLink.person_id)
        .join(Account, col(Account.person_id) == Person.id)
        .where(AccessLink.token_hash == secrets.token_hash(token))
    ).first()
    return (row[0], row[1], row[2]) if row else None


def list_access_links(*, db: Session, community_id: int) -> Sequence[tuple[AccessLink, Person]]:
    return db.exec(
        select(AccessLink, Person)
        .join(Person, col(Person.id) == AccessLink.person_id)
        .where(
            Person.community_id == community_id,
            col(AccessLink.revoked_at).is_(None),
            col(AccessLink.expires_at) > utcnow(),
        )
        .order_by(col(Person.name), col(AccessLink.created_at))
    ).all()


def revoke_access_link(
    *, db: Session, link_id: int, community_id: int
) -> tuple[AccessLink, Person]:
    row = db.exec(
        select(AccessLink, Person)
        .join(Person, col(Person.id) == AccessLink.person_id)
        .where(AccessLink.id == link_id, Person.community_id == community_id)
    ).first()
    if row is None or row[0].revoked_at is not None:
        raise NotFoundError(
            N_("There is no active access link with id %(id)s."), arguments={"id": link_id}
        )
    link, person = row
    link.revoked_at = utcnow()
    # Sessions opened with the link end with it.
    for stored in db.exec(select(UserSession).where(UserSession.access_link_id == link.id)).all():
        db.delete(stored)
    db.flush()
    return link, person


def people_choices(*, db: Session, community_id: int) -> tuple[list[Person], list[Person]]:
    """Family representatives first (links are mostly for them), then everyone else."""
    family_ids = set(
        db.exec(
            select(Membership.person_id).where(
                Membership.community_id == community_id,
                Membership.role == Role.family_representative,
            )
        ).all()
    )
    people = db.exec(
        select(Person).where(Person.community_id == community_id).order_by(col(Person.name))
    ).all()
    return [p for p in people if p.id in family_ids], [p for p in people if p.id not in family_ids]


@dataclass(frozen=True)
class MadeLink:
    link: AccessLink
    token: str
    person: Person
    learning_session: LearningSession | None


def make_access_link(
    *,
    db: Session,
    community_id: int,
    created_by: Principal | None,
    person_id: int,
    session_id: int | None,
    last_day: date,
    ip: str = "",
    replaces: int | None = None,
) -> MadeLink:
    """A new link for someone of the community, recorded in the audit log; ``created_by`` is
    the facilitator, or None from the command line; ``replaces``: the link it was issued for.

    InvalidInputError names the field ("person_id", "scope") whose choice is not theirs.
    """
    # A person or session of another community does not exist for this facilitator.
    problems: list[FieldProblem] = []
    person = db.get(Person, person_id)
    if person is None or person.community_id != community_id:
        problems.append(FieldProblem("person_id", PERSON_PROBLEM))
    learning_session = db.get(LearningSession, session_id) if session_id else None
    if session_id and (learning_session is None or learning_session.community_id != community_id):
        problems.append(FieldProblem("scope", SCOPE_PROBLEM))
    if problems or person is None:
        raise InvalidInputError(problems[0].message, problems)
    link, token = create_access_link(
        db=db,
        person=person,
        created_by_id=created_by.person_id if created_by else None,
        expires_at=expiry_moment(last_day),
        session_id=session_id,
    )
    scope_text = f"session {learning_session.number}" if learning_session else "whole community"
    replaced_text = f"; replaces link {replaces}" if replaces else ""
    audit_service.record(
        db=db,
        action=AuditAction.access_link_created,
        actor=created_by,
        actor_label="" if created_by else "command line",
        subject=person.name,
        detail=f"link {link.id}; {scope_text}; works until {last_day.isoformat()}{replaced_text}",
        ip=ip,
    )
    return MadeLink(link, token, person, learning_session)


def withdraw_access_link(*, db: Session, link_id: int, revoked_by: Principal, ip: str = "") -> None:
    """Revoke a link of the facilitator's community (its sessions end), recorded."""
    link, person = revoke_access_link(db=db, link_id=link_id, community_id=revoked_by.community_id)
    audit_service.record(
        db=db,
        action=AuditAction.access_link_revoked,
        actor=revoked_by,
        subject=person.name,
        detail=f"link {link.id}",
        ip=ip,
    )


# -- opening a link -------------------------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    """Why a link did not open, told in plain language; ``reason`` goes to the audit log."""

    reason: str
    status_code: int
    heading: str
    explanation: str


UNKNOWN = Refusal(
    "unknown or mistyped link",
    404,
    N_("This link does not work"),
    N_(
        "We do not recognise this link. Perhaps a part of it is missing: links are sometimes "
        "cut in two in an email or a text message."
    ),
)
EXPIRED = Refusal(
    "expired",
    410,
    N_("This link has expired"),
    N_("Personal links work for a limited time, and the time of this link is over."),
)
REVOKED = Refusal(
    "revoked",
    410,
    N_("This link has been switched off"),
    N_("The facilitator has switched this link off, for example because a new one was sent."),
)
DISABLED = Refusal(
    "account disabled",
    403,
    N_("This link no longer works"),
    N_("Signing in with this link has been stopped for now."),
)


@dataclass(frozen=True)
class Opened:
    session_token: str
    target: str


def _refusal(link: AccessLink, *, account_disabled: bool) -> Refusal | None:
    if link.revoked_at is not None:
        return REVOKED
    if link.expires_at <= utcnow():
        return EXPIRED
    if account_disabled:
        return DISABLED
    return None


def _refuse(
    *, db: Session, refusal: Refusal, ip: str, found: tuple[AccessLink, Person] | None
) -> None:
    link_note = f"; link {found[0].id}" if found else ""
    audit_service.record(
        db=db,
        action=AuditAction.access_link_refused,
        actor_label="access link",
        subject=found[1].name if found else "",
        detail=f"reason: {refusal.reason}{link_note}",
        ip=ip,
    )


Found = tuple[AccessLink, Account, Person]


def check_access_link(*, db: Session, token: str) -> tuple[Found | None, Refusal | None]:
    """The link for this token (if any), and why it may not be used now (if so)."""
    found = find_access_link(db=db, token=token)
    if found is None:
        return None, UNKNOWN
    link, account, _person = found
    return found, _refusal(link, account_disabled=account.disabled_at is not None)


def exchange_access_link(
    *,
    db: Session,
    token: str,
    replacing: str | None,
    timeouts: SessionTimeouts,
    limits: list[rate_limit.Limit],
    ip: str,
) -> Opened | Refusal:
    """Trade a usable link for a new sign-in session; record either outcome (never the token).

    A refusal counts against ``limits``: guessing links takes many refused openings.
    """
    found, refusal = check_access_link(db=db, token=token)
    if found is None or refusal is not None:
        refusal = refusal or UNKNOWN
        _refuse(db=db, refusal=refusal, ip=ip, found=(found[0], found[2]) if found else None)
        rate_limit.count_attempt(db=db, limits=limits)
        return refusal
    link, account, person = found
    new_token = account_service.rotate_session(
        db=db, account=account, replacing=replacing, timeouts=timeouts, ip=ip, access_link=link
    )
    now = utcnow()
    link.first_used_at = link.first_used_at or now
    link.last_used_at = now
    holder = load_principal(
        db=db, account=account, person=person, method="session", access_link=link
    )
    audit_service.record(
        db=db,
        action=AuditAction.access_link_used,
        actor=holder,
        subject=person.name,
        detail=f"link {link.id}",
        ip=ip,
    )
    return Opened(new_token, _landing(link, holder))


def _landing(link: AccessLink, holder: Principal) -> str:
    """Where a link lands: a family representative's session link on their reflection page
    (what the messages they get ask of them), another session link on the session."""
    if link.session_id is None:
        return "/"
    if holder.is_family_representative:
        return f"/sessions/{link.session_id}/reflect"
    return f"/sessions/{link.session_id}"
