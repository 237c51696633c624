"""Accounts and personal links from the command line: create-user, access-links, demo-accounts."""

from datetime import timedelta
from typing import Annotated

import typer
from pydantic import ValidationError
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.access_links import service as access_link_service
from app.access_links.service import DEFAULT_VALID_DAYS, link_url, local_today
from app.accounts import service as account_service
from app.accounts.models import Account
from app.audit import service as audit
from app.auth import secrets
from app.cli.common import BaseUrlOption, clear_errors, cli, fail, link_base, open_database
from app.community.service import require_current_community_id
from app.demo import content as demo_content
from app.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from app.errors import ConflictError
from app.initiatives.models import Initiative
from app.learning_sessions.models import LearningSession
from app.memberships import service as membership_service
from app.people import service as people_service
from app.people.models import Person
from app.people.schemas import MembershipCreate, PersonCreate
from app.time_zone import community_zone
from app.vocabulary import (
    COMMUNITY_ONLY_ROLES,
    AuditAction,
    IntegrationLevel,
    OneTimeTokenPurpose,
    Perspective,
    Role,
)

# The perspective and level a new membership starts with; the facilitator can change them.
ROLE_DEFAULTS: dict[Role, tuple[Perspective, IntegrationLevel]] = {
    Role.facilitator: (Perspective.organisation, IntegrationLevel.organisational),
    Role.chair: (Perspective.organisation, IntegrationLevel.system),
    Role.policymaker: (Perspective.local_government, IntegrationLevel.system),
    Role.manager: (Perspective.organisation, IntegrationLevel.organisational),
    Role.practitioner: (Perspective.professional, IntegrationLevel.professional),
    Role.family_representative: (Perspective.family, IntegrationLevel.clinical),
    Role.practitioner_researcher: (Perspective.professional, IntegrationLevel.professional),
}


def _checked_person_fields(email: str, name: str) -> tuple[str, str]:
    try:
        data = PersonCreate(name=name, email=email)
    except ValidationError as error:
        problems = "; ".join(
            f"--{e['loc'][0]} {e['msg'].removeprefix('Value error, ')}" for e in error.errors()
        )
        fail(f"Please correct: {problems}.")
    if data.email is None:
        fail("Please correct: --email is empty.")
    return data.email, data.name


def _user_plan(
    db: Session, email: str, role: Role, initiative_name: str | None
) -> tuple[int, Person | None, int | None]:
    """The community, the existing person (or None) and the initiative id; fails clearly."""
    community_id = require_current_community_id(db=db)
    person = db.exec(select(Person).where(Person.email == email)).first()
    if person is not None and person.community_id != community_id:
        fail(f"{email} belongs to another learning community.")
    initiative_id = None
    if initiative_name is not None:
        initiative_id = db.exec(
            select(Initiative.id).where(
                Initiative.community_id == community_id,
                func.lower(Initiative.name) == initiative_name.strip().lower(),
            )
        ).first()
        if initiative_id is None:
            names = db.exec(
                select(Initiative.name).where(Initiative.community_id == community_id)
            ).all()
            fail(
                f"There is no initiative named '{initiative_name}'. "
                f"Choose one of: {', '.join(sorted(names)) or '(none yet)'}."
            )
    return community_id, person, initiative_id


@cli.command("create-user")
def create_user(
    email: Annotated[str, typer.Option(help="email address, used to sign in")],
    name: Annotated[str, typer.Option(help="full name, as others will see it")],
    role: Annotated[Role, typer.Option(help="the person's role")],
    initiative: Annotated[
        str | None,
        typer.Option(
            help="name of the initiative; needed for every role but facilitator, chair "
            "and family_representative"
        ),
    ] = None,
    link: Annotated[
        bool, typer.Option("--link", help="print a set-password link instead of asking")
    ] = False,
    base_url: BaseUrlOption = None,
) -> None:
    """Add a person with a role and an account (or give an existing person the role)."""

    email, name = _checked_person_fields(email, name)
    # The memberships service refuses these too; said here before a password is asked for.
    if role not in COMMUNITY_ONLY_ROLES and initiative is None:
        fail(f"A {role.value} belongs to an initiative: add --initiative NAME.")
    if role in COMMUNITY_ONLY_ROLES and initiative is not None:
        fail(f"The {role.value} role is community-wide: leave out --initiative.")
    database = open_database()
    with clear_errors():
        # Checked before asking for a password, and no write lock held while someone types.
        with database.transaction(write=False) as db:
            _user_plan(db, email, role, initiative)
        password = None
        if not link:
            password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
            problem = secrets.password_problem(password, email=email, name=name)
            if problem:
                fail(problem)
        with database.transaction(write=True) as db:
            community_id, person, initiative_id = _user_plan(db, email, role, initiative)
            if person is None:
                person = people_service.create_person(
                    db=db,
                    community_id=community_id,
                    data=PersonCreate(name=name, email=email),
                )
            elif person.name != name:
                typer.echo(f"{email} exists already as {person.name}; the name is kept.")
            assert person.id is not None
            perspective, level = ROLE_DEFAULTS[role]
            try:
                membership_service.grant_role(
                    db=db,
                    community_id=community_id,
                    data=MembershipCreate(
                        person_id=person.id,
                        initiative_id=initiative_id,
                        role=role,
                        perspective=perspective,
                        level=level,
                    ),
                    actor_label="command line",
                )
            except ConflictError as held:
                # Giving an existing role again is harmless: the account part still runs.
                typer.echo(f"{person.name}: {held.message}")
            account = account_service.ensure_account(db=db, person=person)
            if account.disabled_at is not None:
                fail(f"The account of {email} is disabled; enable it on the Accounts page first.")
            if password is not None:
                account_service.set_password(
                    db=db, account=account, person=person, password=password
                )
                audit.record(
                    db=db,
                    action=AuditAction.password_changed,
                    actor_label="command line",
                    subject=person.name,
                )
                message = f"{person.name} ({email}) can now sign in with the password just set."
            else:
                token = account_service.issue_one_time_token(
                    db=db, account=account, purpose=OneTimeTokenPurpose.invitation
                )
                days = account_service.INVITATION_VALID.days
                message = (
                    f"{person.name} ({email}) chooses a password with this link "
                    f"(usable once, within {days} days; it is shown only now):\n"
                    f"{link_base(base_url).rstrip('/')}/set-password/{token}"
                )
    typer.echo(message)


def _scope_text(session_number: int | None) -> str:
    return f"session {session_number}" if session_number is not None else "whole community"


def _issue_access_link(
    db: Session, *, email: str, days: int, session_number: int | None, base_url: str
) -> str:
    """Make a personal link for the person with this email; the lines to print."""

    community_id = require_current_community_id(db=db)
    person = db.exec(
        select(Person).where(
            Person.email == email.strip().lower(), Person.community_id == community_id
        )
    ).first()
    if person is None:
        fail(f"There is no one with the email address {email} in this learning community.")
    session_id = None
    if session_number is not None:
        session_id = db.exec(
            select(LearningSession.id).where(
                LearningSession.community_id == community_id,
                LearningSession.number == session_number,
            )
        ).first()
        if session_id is None:
            fail(f"There is no learning session number {session_number}.")
    last_day = local_today() + timedelta(days=days)
    made = access_link_service.make_access_link(
        db=db,
        community_id=community_id,
        created_by=None,
        person_id=person.id or 0,
        session_id=session_id,
        last_day=last_day,
    )
    return (
        f"Personal link for {person.name} ({_scope_text(session_number)}, works until "
        f"{last_day.isoformat()}); it is shown only now:\n{link_url(base_url, made.token)}"
    )


@cli.command("access-links")
def access_links(
    issue: Annotated[
        str | None, typer.Option(metavar="EMAIL", help="make a new link for this person")
    ] = None,
    days: Annotated[
        int | None, typer.Option(min=1, max=365, help="with --issue: days it works [default: 60]")
    ] = None,
    session_number: Annotated[
        int | None,
        typer.Option("--session", min=1, help="with --issue: open only this session (number)"),
    ] = None,
    base_url: BaseUrlOption = None,
) -> None:
    """List the active personal access links, or make one with --issue EMAIL."""

    if issue is None and (days is not None or session_number is not None):
        fail("--days and --session only go with --issue EMAIL.")
    with clear_errors(), open_database().transaction(write=issue is not None) as db:
        if issue is not None:
            typer.echo(
                _issue_access_link(
                    db,
                    email=issue,
                    days=days or DEFAULT_VALID_DAYS,
                    session_number=session_number,
                    base_url=link_base(base_url),
                )
            )
            return
        community_id = require_current_community_id(db=db)
        links = access_link_service.list_access_links(db=db, community_id=community_id)
        numbers = dict(
            db.exec(
                select(LearningSession.id, LearningSession.number).where(
                    LearningSession.community_id == community_id
                )
            ).all()
        )
        if not links:
            typer.echo("There are no active personal access links.")
        for link, person in links:
            last_used = (
                link.last_used_at.astimezone(community_zone()).strftime("%Y-%m-%d %H:%M")
                if link.last_used_at
                else "never"
            )
            scope = _scope_text(numbers.get(link.session_id) if link.session_id else None)
            typer.echo(
                f"{person.name} <{person.email or 'no email'}>  {scope}  "
                f"works until {link.expires_at.astimezone(community_zone()).date().isoformat()}  "
                f"last used {last_used}"
            )


@cli.command("demo-accounts")
def demo_accounts(base_url: BaseUrlOption = None) -> None:
    """Print the demo accounts and their password, and a new personal link for the family."""
    with clear_errors(), open_database().transaction(write=True) as db:
        ready = set(
            db.exec(
                select(Person.email)
                .join(Account, col(Account.person_id) == col(Person.id))
                .where(col(Account.password_hash).is_not(None))
            ).all()
        )
        family = select(Person.id).where(Person.email == demo_content.FAMILY)
        if db.exec(family).first() is None:
            fail("There is no demo community here: run 'leerkring seed-demo' first.")
        link_lines = _issue_access_link(
            db,
            email=demo_content.FAMILY,
            days=DEFAULT_VALID_DAYS,
            session_number=None,
            base_url=link_base(base_url),
        )
    width = max(len(a.email) for a in DEMO_ACCOUNTS)
    typer.echo(f"Demo accounts; the password of each is: {DEMO_PASSWORD}")
    for account in DEMO_ACCOUNTS:
        missing = "" if account.email in ready else "  (no password in this database)"
        typer.echo(f"  {account.email.ljust(width)}  {account.role}{missing}")
    typer.echo(
        "\nThe family representative signs in without a password: open the personal link "
        "and press its Continue button."
    )
    typer.echo(link_lines)
