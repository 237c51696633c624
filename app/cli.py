"""The leerkring command: serve, migrate, seed, back up and restore, accounts and links."""

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from pydantic import ValidationError
from sqlalchemy import func
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlmodel import Session, col, select

import app.models  # noqa: F401 - every table mapped before any session opens
from app.access_links import service as access_link_service
from app.access_links.service import (
    DEFAULT_VALID_DAYS,
    expiry_moment,
    link_url,
    local_today,
)
from app.accounts import service as account_service
from app.accounts.models import Account
from app.audit import service as audit
from app.auth import secrets
from app.community.service import require_current_community_id
from app.config import PROJECT_ROOT, get_settings
from app.db import Database, create_db_engine
from app.demo import content as demo_content
from app.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from app.errors import ConflictError, DomainError
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

BaseUrlOption = Annotated[
    str | None,
    typer.Option(
        help="the site's address, to build the printed link from "
        "[default: LEERKRING_PUBLIC_URL, or http://HOST:PORT]",
        show_default=False,
    ),
]


def _link_base(base_url: str | None) -> str:
    return base_url or get_settings().link_base


cli = typer.Typer(
    help="Leerkring: run a learning community in integrated care.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)


def _database() -> Database:
    return Database(create_db_engine(get_settings().database_url))


def _fail(message: str) -> NoReturn:
    typer.secho(message, err=True, fg=typer.colors.RED)
    raise typer.Exit(1)


@contextmanager
def _clear_errors() -> Iterator[None]:
    """Known problems as one readable line and exit code 1, never a traceback."""
    try:
        yield
    except DomainError as error:
        _fail(str(error))
    except (OperationalError, ProgrammingError) as error:
        detail = str(error.orig).splitlines()[0] if error.orig else str(error)
        _fail(f"The database is not ready ({detail}). Did you run 'leerkring migrate'?")


def _ensure_sqlite_directory(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


@cli.command()
def migrate(
    revision: Annotated[str, typer.Argument(help="target revision")] = "head",
) -> None:
    """Bring the database schema up to date (alembic upgrade)."""
    from alembic import command
    from alembic.config import Config

    url = get_settings().database_url
    _ensure_sqlite_directory(url)
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(config, revision)
    typer.echo(f"Database at revision {revision}.")


@cli.command("seed-demo")
def seed_demo(
    language: Annotated[str, typer.Option(help="language of the demo texts: en or nl")] = "en",
    scale: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="also add N generated initiatives (10 people, 100 evidence items and a "
            "factsheet per held session each; sessions up to 8) to the current community, "
            "seeding the demo first if the database is empty; again adds N more",
        ),
    ] = None,
) -> None:
    """Fill an empty database with the demo learning community (does nothing otherwise)."""
    from app.demo.scale import scale_community
    from app.demo.seed import seed_demo as insert_demo

    if language not in ("en", "nl"):
        raise typer.BadParameter("choose en or nl", param_hint="--language")
    with _database().transaction(write=True) as db:
        inserted = insert_demo(db, language=language)
        counts = (
            None if scale is None else scale_community(db, initiatives=scale, language=language)
        )
    if inserted:
        typer.echo("Demo learning community added.")
    elif counts is None:
        typer.echo("A community exists; nothing added.")
    if counts is not None:
        typer.echo(
            f"Added {counts.initiatives} initiatives, {counts.people} people, "
            f"{counts.evidence_items} evidence items, {counts.factsheets} factsheets "
            f"and {counts.sessions_added} sessions."
        )


@cli.command("create-community")
def create_community(
    name: Annotated[str, typer.Option(help="name of the learning community")],
    period_start: Annotated[str, typer.Option(help="first day, YYYY-MM-DD")],
    aims: Annotated[str, typer.Option(help="what the community wants to learn")] = "",
) -> None:
    """Start a new, empty learning community."""
    from app.community.models import LearningCommunity

    try:
        start = date.fromisoformat(period_start)
    except ValueError as error:
        raise typer.BadParameter("use YYYY-MM-DD", param_hint="--period-start") from error
    with _database().transaction(write=True) as db:
        db.add(LearningCommunity(name=name.strip(), aims=aims.strip(), period_start=start))
    typer.echo(f"Learning community '{name}' created.")


# -- accounts and personal links ------------------------------------------------------------

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
        _fail(f"Please correct: {problems}.")
    if data.email is None:
        _fail("Please correct: --email is empty.")
    return data.email, data.name


def _user_plan(
    db: Session, email: str, role: Role, initiative_name: str | None
) -> tuple[int, Person | None, int | None]:
    """The community, the existing person (or None) and the initiative id; fails clearly."""
    community_id = require_current_community_id(db=db)
    person = db.exec(select(Person).where(Person.email == email)).first()
    if person is not None and person.community_id != community_id:
        _fail(f"{email} belongs to another learning community.")
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
            _fail(
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
        _fail(f"A {role.value} belongs to an initiative: add --initiative NAME.")
    if role in COMMUNITY_ONLY_ROLES and initiative is not None:
        _fail(f"The {role.value} role is community-wide: leave out --initiative.")
    database = _database()
    with _clear_errors():
        # Checked before asking for a password, and no write lock held while someone types.
        with database.transaction(write=False) as db:
            _user_plan(db, email, role, initiative)
        password = None
        if not link:
            password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
            problem = secrets.password_problem(password, email=email, name=name)
            if problem:
                _fail(problem)
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
                _fail(f"The account of {email} is disabled; enable it on the Accounts page first.")
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
                    f"{_link_base(base_url).rstrip('/')}/set-password/{token}"
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
        _fail(f"There is no one with the email address {email} in this learning community.")
    session_id = None
    if session_number is not None:
        session_id = db.exec(
            select(LearningSession.id).where(
                LearningSession.community_id == community_id,
                LearningSession.number == session_number,
            )
        ).first()
        if session_id is None:
            _fail(f"There is no learning session number {session_number}.")
    last_day = local_today() + timedelta(days=days)
    link, token = access_link_service.create_access_link(
        db=db,
        person=person,
        created_by_id=None,
        expires_at=expiry_moment(last_day),
        session_id=session_id,
    )
    audit.record(
        db=db,
        action=AuditAction.access_link_created,
        actor_label="command line",
        subject=person.name,
        detail=f"link {link.id}; {_scope_text(session_number)}; works until {last_day}",
    )
    return (
        f"Personal link for {person.name} ({_scope_text(session_number)}, works until "
        f"{last_day.isoformat()}); it is shown only now:\n{link_url(base_url, token)}"
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
        _fail("--days and --session only go with --issue EMAIL.")
    with _clear_errors(), _database().transaction(write=issue is not None) as db:
        if issue is not None:
            typer.echo(
                _issue_access_link(
                    db,
                    email=issue,
                    days=days or DEFAULT_VALID_DAYS,
                    session_number=session_number,
                    base_url=_link_base(base_url),
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
    with _clear_errors(), _database().transaction(write=True) as db:
        ready = set(
            db.exec(
                select(Person.email)
                .join(Account, col(Account.person_id) == col(Person.id))
                .where(col(Account.password_hash).is_not(None))
            ).all()
        )
        family = select(Person.id).where(Person.email == demo_content.FAMILY)
        if db.exec(family).first() is None:
            _fail("There is no demo community here: run 'leerkring seed-demo' first.")
        link_lines = _issue_access_link(
            db,
            email=demo_content.FAMILY,
            days=DEFAULT_VALID_DAYS,
            session_number=None,
            base_url=_link_base(base_url),
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


# -- serving --------------------------------------------------------------------------------


@cli.command("render-factsheets")
def render_factsheets(
    session_number: Annotated[
        int | None, typer.Option("--session", help="session number (default: the next one)")
    ] = None,
    initiative: Annotated[str | None, typer.Option(help="only this initiative (its name)")] = None,
    out: Annotated[Path | None, typer.Option(help="also write the PDFs to this folder")] = None,
    language: Annotated[str, typer.Option(help="language of the PDFs written: en or nl")] = "en",
) -> None:
    """Render queued PDFs, and write the latest factsheets of a session to a folder."""
    from app.factsheets import documents, jobs
    from app.factsheets import service as factsheet_service
    from app.factsheets.rendering import renderer
    from app.initiatives.models import Initiative
    from app.learning_sessions.models import LearningSession
    from app.vocabulary import SessionStatus

    if language not in ("en", "nl"):
        _fail("Choose --language en or nl.")
    database = _database()
    with _clear_errors():
        rendered = jobs.run_pending(database, renderer())
        typer.echo(f"{rendered} queued render job(s) done.")
        if out is None:
            return
        out.mkdir(parents=True, exist_ok=True)
        with database.transaction(write=True) as db:
            query = select(LearningSession).order_by(col(LearningSession.number))
            if session_number is None:
                query = query.where(
                    col(LearningSession.status).in_([SessionStatus.planned, SessionStatus.prepared])
                )
            else:
                query = query.where(LearningSession.number == session_number)
            learning_session = db.exec(query).first()
            if learning_session is None:
                _fail("There is no such session.")
            initiatives = db.exec(
                select(Initiative)
                .where(Initiative.community_id == learning_session.community_id)
                .order_by(col(Initiative.name))
            ).all()
            written = 0
            for each in initiatives:
                if initiative is not None and each.name != initiative:
                    continue
                factsheet = factsheet_service.latest_for(
                    db=db, initiative_id=each.id or 0, session_id=learning_session.id or 0
                )
                if factsheet is None:
                    continue
                for variant in documents.VARIANTS:
                    document = documents.document(
                        db=db,
                        factsheet=factsheet,
                        variant=variant,
                        language=language,
                        renderer=renderer(),
                    )
                    name = documents.file_name(
                        learning_session.number, each.name, factsheet.version_number, variant
                    )
                    (out / name).write_bytes(document.pdf)
                    written += 1
        typer.echo(f"{written} PDF(s) written to {out}.")


@cli.command()
def serve(
    host: Annotated[str, typer.Option(envvar="HOST", help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="PORT", help="port to listen on")] = 8000,
    reload: Annotated[bool, typer.Option(help="restart on code changes")] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1, help="worker processes (default LEERKRING_WORKERS: 1, in production the cores)"
        ),
    ] = None,
) -> None:
    """Serve the web application (LEERKRING_WORKERS processes; see the README's production part)."""
    import uvicorn

    from app.serving import uvicorn_options

    options = uvicorn_options(get_settings())
    if workers is not None:
        options["workers"] = workers
    if reload:
        options["workers"] = 1
    uvicorn.run("app.main:create_app", factory=True, host=host, port=port, reload=reload, **options)


@cli.command()
def backup(path: Annotated[Path, typer.Argument(help="file to write the backup to")]) -> None:
    """Write a consistent copy of the database (SQLite online backup, or pg_dump)."""
    url = make_url(get_settings().database_url)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created with 0600 before any data goes in: backups hold personal data.
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    if url.get_backend_name() == "sqlite":
        source = sqlite3.connect(str(url.database))
        target = sqlite3.connect(str(path))
        with target:
            source.backup(target)
        source.close()
        target.close()
    else:
        _run_pg("pg_dump", ["--format=custom", f"--file={path}"], url)
    typer.echo(f"Backup written to {path}.")


@cli.command()
def restore(path: Annotated[Path, typer.Argument(help="backup file written by 'backup'")]) -> None:
    """Replace the database's contents with a backup."""
    if not path.is_file():
        raise typer.BadParameter(f"{path} is not a file", param_hint="PATH")
    url = make_url(get_settings().database_url)
    if url.get_backend_name() == "sqlite":
        _ensure_sqlite_directory(str(url))
        source = sqlite3.connect(str(path))
        check = source.execute("PRAGMA integrity_check").fetchone()
        if check is None or check[0] != "ok":
            raise typer.BadParameter(f"{path} is not an intact SQLite database", param_hint="PATH")
        target = sqlite3.connect(str(url.database))
        with target:
            source.backup(target)
        source.close()
        target.close()
    else:
        _run_pg(
            "pg_restore",
            ["--clean", "--if-exists", "--no-owner", "--single-transaction", str(path)],
            url,
        )
    typer.echo(f"Database restored from {path}.")


def _run_pg(program: str, arguments: list[str], parsed: URL) -> None:
    executable = shutil.which(program)
    if executable is None:
        raise typer.BadParameter(f"{program} is not installed (Debian: postgresql-client)")
    env = {**os.environ}
    if parsed.password:
        env["PGPASSWORD"] = parsed.password
    connection = [
        f"--host={parsed.host or 'localhost'}",
        f"--port={parsed.port or 5432}",
        f"--username={parsed.username or 'postgres'}",
        f"--dbname={parsed.database}",
    ]
    subprocess.run([executable, *connection, *arguments], check=True, env=env)  # noqa: S603


def main() -> None:
    cli()
