"""Accounts, sign-in sessions, API tokens, set-password links and personal access links."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select, update

from app.auth import secrets
from app.auth.models import AccessLink, Account, ApiToken, OneTimeToken, UserSession
from app.auth.principal import Principal
from app.db import utcnow
from app.errors import FieldProblem, InvalidInputError, NotFoundError
from app.labels import N_
from app.people.models import Membership, Person
from app.vocabulary import OneTimeTokenPurpose, Role

INVITATION_VALID = timedelta(days=7)
PASSWORD_RESET_VALID = timedelta(hours=2)
# How stale last_seen_at may get before a request writes it again (saves a write per click).
TOUCH_INTERVAL = timedelta(minutes=1)


@dataclass(frozen=True)
class SessionTimeouts:
    idle: timedelta
    absolute: timedelta


# -- principals -----------------------------------------------------------------------------


def load_principal(
    *,
    db: Session,
    account: Account,
    person: Person,
    method: str,
    access_link: AccessLink | None = None,
) -> Principal:
    memberships = db.exec(
        select(Membership.role, Membership.initiative_id).where(Membership.person_id == person.id)
    ).all()
    community_roles: set[Role] = set()
    initiative_roles: dict[int, set[Role]] = {}
    for role, initiative_id in memberships:
        if initiative_id is None:
            community_roles.add(Role(role))
        else:
            initiative_roles.setdefault(initiative_id, set()).add(Role(role))
    assert account.id is not None and person.id is not None
    return Principal(
        account_id=account.id,
        person_id=person.id,
        community_id=person.community_id,
        name=person.name,
        email=person.email,
        is_site_admin=account.is_site_admin,
        community_roles=frozenset(community_roles),
        initiative_roles={k: frozenset(v) for k, v in initiative_roles.items()},
        access_link_id=access_link.id if access_link else None,
        session_scope_id=access_link.session_id if access_link else None,
        method=method,
    )


@dataclass(frozen=True)
class Resolved:
    """Who a cookie or token belongs to, and whether its "last used" time is due a write."""

    principal: Principal
    credential_id: int
    needs_touch: bool


def _roles(rows: Sequence[Any]) -> tuple[frozenset[Role], dict[int, frozenset[Role]]]:
    community_roles: set[Role] = set()
    initiative_roles: dict[int, set[Role]] = {}
    for row in rows:
        if row.role is None:
            continue  # the outer join found no membership
        if row.initiative_id is None:
            community_roles.add(Role(row.role))
        else:
            initiative_roles.setdefault(row.initiative_id, set()).add(Role(row.role))
    return frozenset(community_roles), {k: frozenset(v) for k, v in initiative_roles.items()}


_PRINCIPAL_COLUMNS: tuple[Any, ...] = (
    col(Account.id).label("account_id"),
    col(Account.is_site_admin),
    col(Account.disabled_at),
    col(Person.id).label("person_id"),
    col(Person.community_id),
    col(Person.name),
    col(Person.email),
    col(Membership.role),
    col(Membership.initiative_id),
)


def _principal(rows: Sequence[Any], *, method: str) -> Principal:
    first = rows[0]
    community_roles, initiative_roles = _roles(rows)
    link_id = getattr(first, "link_id", None)
    return Principal(
        account_id=first.account_id,
        person_id=first.person_id,
        community_id=first.community_id,
        name=first.name,
        email=first.email,
        is_site_admin=first.is_site_admin,
        community_roles=community_roles,
        initiative_roles=initiative_roles,
        access_link_id=link_id,
        session_scope_id=first.link_session_id if link_id is not None else None,
        method=method,
    )


def resolve_session(*, db: Session, token: str, timeouts: SessionTimeouts) -> Resolved | None:
    """The live sign-in session for a cookie token, with its roles: one query per request.

    None when expired, idle too long, the account disabled or the access link revoked.
    """
    rows: Sequence[Any] = db.exec(
        select(  # type: ignore[call-overload]
            col(UserSession.id).label("credential_id"),
            col(UserSession.last_seen_at),
            col(UserSession.expires_at),
            col(AccessLink.id).label("link_id"),
            col(AccessLink.session_id).label("link_session_id"),
            col(AccessLink.revoked_at).label("link_revoked_at"),
            col(AccessLink.expires_at).label("link_expires_at"),
            *_PRINCIPAL_COLUMNS,
        )
        .join(Account, col(Account.id) == UserSession.account_id)
        .join(Person, col(Person.id) == Account.person_id)
        .outerjoin(AccessLink, col(AccessLink.id) == UserSession.access_link_id)
        .outerjoin(Membership, col(Membership.person_id) == Person.id)
        .where(UserSession.token_hash == secrets.token_hash(token))
    ).all()
    if not rows:
        return None
    first = rows[0]
    now = utcnow()
    if (
        first.expires_at <= now
        or first.last_seen_at + timeouts.idle <= now
        or first.disabled_at is not None
    ):
        return None
    if first.link_id is not None and (
        first.link_revoked_at is not None or first.link_expires_at <= now
    ):
        return None
    return Resolved(
        principal=_principal(rows, method="session"),
        credential_id=first.credential_id,
        needs_touch=now - first.last_seen_at > TOUCH_INTERVAL,
    )


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


# -- sign-in sessions -----------------------------------------------------------------------


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


def touch_session(*, db: Session, credential_id: int) -> None:
    db.execute(
        update(UserSession)
        .where(col(UserSession.id) == credential_id)
        .values(last_seen_at=utcnow())
    )


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


# -- API tokens -----------------------------------------------------------------------------


def create_api_token(*, db: Session, account_id: int, name: str) -> tuple[ApiToken, str]:
    token = "lk_" + secrets.new_token()
    api_token = ApiToken(
        account_id=account_id, name=name, token_hash=secrets.token_hash(token), created_at=utcnow()
    )
    db.add(api_token)
    db.flush()
    return api_token, token


def list_api_tokens(*, db: Session, account_id: int) -> Sequence[ApiToken]:
    return db.exec(
        select(ApiToken)
        .where(ApiToken.account_id == account_id, col(ApiToken.revoked_at).is_(None))
        .order_by(col(ApiToken.created_at).desc())
    ).all()


def revoke_api_token(*, db: Session, account_id: int, token_id: int) -> ApiToken:
    api_token = db.get(ApiToken, token_id)
    if api_token is None or api_token.account_id != account_id or api_token.revoked_at:
        raise NotFoundError(N_("There is no API token with id %(id)s."), arguments={"id": token_id})
    api_token.revoked_at = utcnow()
    db.flush()
    return api_token


def touch_api_token(*, db: Session, credential_id: int) -> None:
    db.execute(
        update(ApiToken).where(col(ApiToken.id) == credential_id).values(last_used_at=utcnow())
    )


def resolve_api_token(*, db: Session, token: str) -> Resolved | None:
    """The account behind a bearer token, with its roles; None if revoked or disabled."""
    rows: Sequence[Any] = db.exec(
        select(
            col(ApiToken.id).label("credential_id"),
            col(ApiToken.revoked_at),
            col(ApiToken.last_used_at),
            *_PRINCIPAL_COLUMNS,
        )
        .join(Account, col(Account.id) == ApiToken.account_id)
        .join(Person, col(Person.id) == Account.person_id)
        .outerjoin(Membership, col(Membership.person_id) == Person.id)
        .where(ApiToken.token_hash == secrets.token_hash(token))
    ).all()
    if not rows or rows[0].revoked_at is not None or rows[0].disabled_at is not None:
        return None
    last_used = rows[0].last_used_at
    return Resolved(
        principal=_principal(rows, method="token"),
        credential_id=rows[0].credential_id,
        needs_touch=last_used is None or utcnow() - last_used > TOUCH_INTERVAL,
    )


# -- set-password links (invitations, resets) -----------------------------------------------


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


# -- personal access links ------------------------------------------------------------------


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
    ensure_account(db=db, person=person)
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


def _id(account: Account) -> int:
    assert account.id is not None
    return account.id
