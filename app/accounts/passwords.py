"""Passwords: ask for a reset link, set one with a link, change your own.

Reset links go to the outbox (app.emails.queue_email); tokens appear only in those messages,
never in the audit log.
"""

from sqlmodel import Session

from app.accounts import service
from app.accounts.models import Account
from app.audit import service as audit_service
from app.auth import rate_limit, secrets
from app.auth.principal import Principal
from app.emails import queue_email, render_email
from app.errors import DomainError, FieldProblem, InvalidInputError, NotFoundError
from app.labels import N_
from app.people.models import Person
from app.vocabulary import AuditAction, OneTimeTokenPurpose

PASSWORDS_DIFFER = N_("The two passwords are not the same.")
WRONG_CURRENT_PASSWORD = N_("This is not your current password.")
PASSWORD_MESSAGES = secrets.PASSWORD_MESSAGES


def request_password_reset(
    *, db: Session, email: str, link_base: str, language: str, ip: str = ""
) -> None:
    """Send a reset link if the account may have one; the caller answers the same either way."""
    typed = email.strip().lower()
    audit_service.record(
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
        link=service.set_password_link(link_base, token),
    )
    queue_email(db=db, community_id=person.community_id, recipient=person.email, email=reset)


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
    audit_service.record(
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
    limits: list[rate_limit.Limit],
    ip: str = "",
) -> Account:
    """A signed-in person's new password; ends every session of the account (the caller
    starts a fresh one for this browser). A wrong current password counts against ``limits``."""
    account = db.get(Account, principal.account_id)
    person = db.get(Person, principal.person_id)
    if account is None or person is None:
        raise NotFoundError(N_("There is no such account."))
    if not secrets.verify_password(account.password_hash, current_password):
        rate_limit.count_attempt(db=db, limits=limits)
        raise DomainError(
            WRONG_CURRENT_PASSWORD,
            [FieldProblem("current_password", WRONG_CURRENT_PASSWORD)],
            status_code=400,
        )
    _check_new_password(password, repeat, person)
    service.set_password(db=db, account=account, person=person, password=password)
    audit_service.record(
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
