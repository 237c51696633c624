"""Accounts, signing in and out, sign-in sessions (UserSession) and set-password links.

Passwords' use cases (reset, set with a link, change) are in app.accounts.passwords.
"""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select, update

from app.access_links.models import AccessLink
from app.accounts.models import Account, OneTimeToken, UserSession
from app.api_tokens.models import ApiToken
from app.audit import service as audit_service
from app.auth import rate_limit, secrets
from app.auth.principal import Principal, SessionTimeouts
from app.db import utcnow
from app.errors import ConflictError, FieldProblem, InvalidInputError, NotFoundError
from app.initiatives.models import Initiative
from app.labels import N_
from app.people.models import Membership, Person
from app.vocabulary import AuditAction, OneTimeTokenPurpose, Role

INVITATION_VALID = timedelta(days=7)
PASSWORD_RESET_VALID = timedelta(hours=2)
OWN_ACCOUNT = N_("You cannot disable your own account. Ask another facilitator if needed.")
SIGN_IN_REFUSED = N_("The email address or password is not right.")


# -- accounts and passwords -----------------------------------------------------------------


def account_for_email(*, db: Session, email: str) -> tuple[Account, Person] | None:
    row = db.exec(
        select(Account, Person)
        .join(Person, col(Person.id) == Account.person_id)
        .where(Person.email == email.strip().lower())
    ).first()
    return (row[0], row[1]) if row else None


def authenticate(*, db: Session, email: str, password: str) -> tuple[Account, Person] | None:
    """The account whose password this is, if it may sign in; None otherwise (same time either way)."""
    found = account_for_email(db=db, email=email)
    account = found[0] if found else None
    if not secrets.verify_password(account.password_hash if account else None, password):
        return None
    assert found is not None and account is not None
    if account.disabled_at is not None:
        return None
    if account.password_hash and secrets.needs_rehash(account.password_hash):
        account.password_hash = secrets.hash_password(password)
    return found


def ensure_account(*, db: Session, person: Person) -> Account:
    account = db.exec(select(Account).where(Account.person_id == person.id)).first()
    if account is None:
        assert person.id is not None
        account = Account(person_id=person.id)
        db.add(account)
        db.flush()
    return account


def set_password(*, db: Session, account: Account, person: Person, password: str) -> None:
    """Store a new password and end every session of the account (a stolen cookie dies too)."""
    problem = secrets.password_problem(password, email=person.email, name=person.name)
    if problem:
        raise InvalidInputError(problem, [FieldProblem("password", problem)])
    account.password_hash = secrets.hash_password(password)
    account.updated_at = utcnow()
    end_all_sessions(db=db, account_id=_id(account))


def set_disabled(*, db: Session, account: Account, disabled: bool) -> None:
    account.disabled_at = utcnow() if disabled else None
    account.updated_at = utcnow()
    if disabled:
        end_all_sessions(db=db, account_id=_id(account))
        db.execute(
            update(ApiToken)
            .where(col(ApiToken.account_id) == account.id, col(ApiToken.revoked_at).is_(None))
            .values(revoked_at=utcnow())
        )
    db.flush()


# -- signing in and out, sign-in sessions ---------------------------------------------------


def start_session(
    *,
    db: Session,
    account: Account,
    timeouts: SessionTimeouts,
    ip: str,
    access_link: AccessLink | None = None,
) -> str:
    """A new session; the returned token goes into the cookie and is never stored."""
    token = secrets.new_token()
    now = utcnow()
    db.add(
        UserSession(
            token_hash=secrets.token_hash(token),
            account_id=_id(account),
            created_at=now,
            last_seen_at=now,
            expires_at=now + timeouts.absolute,
            access_link_id=access_link.id if access_link else None,
            ip=ip[:64],
        )
    )
    account.last_sign_in_at = now
    db.flush()
    return token


def rotate_session(
    *,
    db: Session,
    account: Account,
    replacing: str | None,
    timeouts: SessionTimeouts,
    ip: str,
    access_link: AccessLink | None = None,
) -> str:
    """A new session id at every sign-in: the browser's old session (if any) ends first, so
    whoever was signed in there is signed out. The returned token goes into the cookie."""
    if replacing:
        end_session(db=db, token=replacing)
    return start_session(db=db, account=account, timeouts=timeouts, ip=ip, access_link=access_link)


def sign_in(
    *,
    db: Session,
    email: str,
    password: str,
    replacing: str | None,
    timeouts: SessionTimeouts,
    limits: list[rate_limit.Limit],
    ip: str,
) -> str | None:
    """The new session's token for a right email and password; None (the attempt counted
    against ``limits`` and recorded) otherwise."""
    found = authenticate(db=db, email=email, password=password)
    if found is None:
        rate_limit.count_attempt(db=db, limits=limits)
        audit_service.record(db=db, action=AuditAction.sign_in_failed, actor_label=email, ip=ip)
        return None
    account, person = found
    token = rotate_session(db=db, account=account, replacing=replacing, timeouts=timeouts, ip=ip)
    audit_service.record(
        db=db,
        action=AuditAction.sign_in,
        actor_label=person.email or person.name,
        subject=person.name,
        ip=ip,
    )
    return token


def sign_out(*, db: Session, token: str | None, principal: Principal | None, ip: str) -> None:
    if token:
        end_session(db=db, token=token)
    if principal is not None:
        audit_service.record(db=db, action=AuditAction.sign_out, actor=principal, ip=ip)


def end_session(*, db: Session, token: str) -> None:
    stored = db.exec(
        select(UserSession).where(UserSession.token_hash == secrets.token_hash(token))
    ).first()
    if stored is not None:
        db.delete(stored)
        db.flush()


def end_all_sessions(*, db: Session, account_id: int) -> None:
    for stored in db.exec(select(UserSession).where(UserSession.account_id == account_id)).all():
        db.delete(stored)
    db.flush()


# -- set-password links (invitations, resets) -----------------------------------------------


def set_password_link(link_base: str, token: str) -> str:
    return f"{link_base.rstrip('/')}/set-password/{token}"


def issue_one_time_token(*, db: Session, account: Account, purpose: OneTimeTokenPurpose) -> str:
    token = secrets.new_token()
    valid_for = (
        INVITATION_VALID if purpose == OneTimeTokenPurpose.invitation else PASSWORD_RESET_VALID
    )
    now = utcnow()
    db.add(
        OneTimeToken(
            account_id=_id(account),
            purpose=purpose,
            token_hash=secrets.token_hash(token),
            created_at=now,
            expires_at=now + valid_for,
        )
    )
    db.flush()
    return token


def usable_one_time_token(
    *, db: Session, token: str
) -> tuple[OneTimeToken, Account, Person] | None:
    if not token or len(token) > 100:
        return None
    row = db.exec(
        select(OneTimeToken, Account, Person)
        .join(Account, col(Account.id) == OneTimeToken.account_id)
        .join(Person, col(Person.id) == Account.person_id)
        .where(OneTimeToken.token_hash == secrets.token_hash(token))
    ).first()
    if row is None:
        return None
    one_time, account, person = row
    if one_time.used_at is not None or one_time.expires_at <= utcnow() or account.disabled_at:
        return None
    return one_time, account, person


def use_one_time_token(*, db: Session, token: str, password: str) -> tuple[Account, Person]:
    found = usable_one_time_token(db=db, token=token)
    if found is None:
        raise NotFoundError(N_("This link has expired or has been used already."))
    one_time, account, person = found
    set_password(db=db, account=account, person=person, password=password)
    one_time.used_at = utcnow()
    # Any other open link for this account is now pointless.
    db.execute(
        update(OneTimeToken)
        .where(col(OneTimeToken.account_id) == account.id, col(OneTimeToken.used_at).is_(None))
        .values(used_at=utcnow())
    )
    db.flush()
    return account, person


# -- the facilitator's accounts list --------------------------------------------------------


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
    set_disabled(db=db, account=account, disabled=disabled)
    audit_service.record(
        db=db,
        action=AuditAction.account_disabled if disabled else AuditAction.account_enabled,
        actor=actor,
        subject=person.name,
        ip=ip,
    )
    return account, person


def _id(account: Account) -> int:
    assert account.id is not None
    return account.id
