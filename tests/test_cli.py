"""The leerkring command: help, migrate, seed-demo, backup and restore, accounts and links."""

import logging
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import func, select
from typer.testing import CliRunner

from app.accounts import service as account_service
from app.accounts.models import Account
from app.audit.models import AuditEntry
from app.cli import cli
from app.config import Settings, get_settings
from app.db import Database, create_db_engine
from app.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from app.initiatives.models import Initiative
from app.main import create_app
from app.people.models import Membership, Person
from app.serving import RedactSecretPaths
from app.vocabulary import AuditAction, Role
from tests.helpers import open_access_link

runner = CliRunner()


@pytest.fixture
def cli_database(scratch_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("LEERKRING_DATABASE_URL", scratch_database_url)
    get_settings.cache_clear()
    yield scratch_database_url
    get_settings.cache_clear()


def count(url: str, model: type) -> int:
    database = Database(create_db_engine(url))
    with database.transaction(write=False) as db:
        total = db.exec(select(func.count()).select_from(model)).one()
    database.engine.dispose()
    return total


@pytest.mark.parametrize(
    "command",
    ["serve", "migrate", "seed-demo", "backup", "restore", "create-community"],
)
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_migrate_seed_is_idempotent(cli_database: str) -> None:
    assert runner.invoke(cli, ["migrate"]).exit_code == 0
    first = runner.invoke(cli, ["seed-demo"])
    second = runner.invoke(cli, ["seed-demo"])

    assert first.exit_code == second.exit_code == 0, first.output
    assert "nothing added" in second.output
    assert count(cli_database, Initiative) == 5


def test_backup_then_restore_round_trips(cli_database: str, tmp_path: Path) -> None:
    runner.invoke(cli, ["migrate"])
    runner.invoke(cli, ["seed-demo"])
    people = count(cli_database, Person)
    backup = tmp_path / "backups" / "leerkring.backup"

    result = runner.invoke(cli, ["backup", str(backup)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600

    database = Database(create_db_engine(cli_database))
    with database.transaction(write=True) as db:
        community_id = db.exec(select(Person.community_id)).first()
        db.add(Person(name="Added after the backup", community_id=community_id))
    database.engine.dispose()
    assert count(cli_database, Person) == people + 1

    result = runner.invoke(cli, ["restore", str(backup)])
    assert result.exit_code == 0, result.output
    assert count(cli_database, Person) == people


def test_restore_refuses_a_file_that_is_not_a_backup(cli_database: str, tmp_path: Path) -> None:
    runner.invoke(cli, ["migrate"])
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database at all" * 100)
    result = runner.invoke(cli, ["restore", str(bogus)])
    assert result.exit_code != 0


# -- accounts and personal links --------------------------------------------------------------

STRONG_PASSWORD = "kraanvogel-over-de-polder"


@pytest.fixture
def migrated(cli_database: str) -> str:
    assert runner.invoke(cli, ["migrate"]).exit_code == 0
    return cli_database


@pytest.fixture
def with_community(migrated: str) -> str:
    result = runner.invoke(
        cli, ["create-community", "--name", "Leerkring Noord", "--period-start", "2026-01-01"]
    )
    assert result.exit_code == 0, result.output
    return migrated


@pytest.fixture
def seeded(migrated: str) -> str:
    assert runner.invoke(cli, ["seed-demo"]).exit_code == 0
    return migrated


def authenticates(url: str, email: str, password: str) -> bool:
    database = Database(create_db_engine(url))
    with database.transaction(write=True) as db:
        found = account_service.authenticate(db=db, email=email, password=password)
    database.engine.dispose()
    return found is not None


def signs_in_with(url: str, link: str) -> TestClient:
    """A browser on an app over the CLI's database that opened ``link``."""
    settings = Settings(database_url=url)
    app = create_app(settings, database=Database(create_db_engine(url)))
    browser = TestClient(app)
    opened = open_access_link(browser, link.rsplit("/access/", 1)[1])
    assert opened.status_code == 303, opened.text
    return browser


@pytest.mark.parametrize("command", ["create-user", "access-links", "demo-accounts"])
def test_account_commands_have_help(command: str) -> None:
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_create_user_with_link_prints_a_set_password_url(with_community: str) -> None:
    result = runner.invoke(
        cli,
        [
            "create-user",
            "--email",
            "Lotte@Example.org",
            "--name",
            "Lotte Hendriks",
            "--role",
            "facilitator",
            "--link",
            "--base-url",
            "https://leerkring.example.org/",
        ],
    )

    assert result.exit_code == 0, result.output
    found = re.search(
        r"https://leerkring\.example\.org/set-password/([A-Za-z0-9_-]+)", result.output
    )
    assert found is not None
    database = Database(create_db_engine(with_community))
    with database.transaction(write=False) as db:
        person = db.exec(select(Person).where(Person.email == "lotte@example.org")).one()
        account = db.exec(select(Account).where(Account.person_id == person.id)).one()
        roles = db.exec(select(Membership.role).where(Membership.person_id == person.id)).all()
        token = account_service.usable_one_time_token(db=db, token=found.group(1))
    database.engine.dispose()
    assert account.password_hash is None
    assert roles == [Role.facilitator]
    assert token is not None and token[0].purpose == "invitation"


def test_create_user_asks_for_the_password_twice(with_community: str) -> None:
    result = runner.invoke(
        cli,
        ["create-user", "--email", "chair@example.org", "--name", "Marjolein", "--role", "chair"],
        input=f"{STRONG_PASSWORD}\n{STRONG_PASSWORD}\n",
    )

    assert result.exit_code == 0, result.output
    assert STRONG_PASSWORD not in result.output
    assert authenticates(with_community, "chair@example.org", STRONG_PASSWORD)


def test_create_user_refuses_a_weak_password(with_community: str) -> None:
    result = runner.invoke(
        cli,
        ["create-user", "--email", "kees@example.org", "--name", "Kees", "--role", "facilitator"],
        input="short\nshort\n",
    )

    assert result.exit_code != 0
    assert "Use at least 12 characters." in result.output
    assert isinstance(result.exception, SystemExit)  # a message, not a traceback
    assert count(with_community, Person) == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--role", "manager"], "add --initiative NAME"),
        (["--role", "manager", "--initiative", "Nowhere"], "There is no initiative named"),
        (["--role", "facilitator", "--initiative", "Nowhere"], "leave out --initiative"),
        # The same rule as the pages, the API and invitations (app/vocabulary.py).
        (["--role", "family_representative", "--initiative", "Nowhere"], "leave out --initiative"),
        (["--role", "practitioner_researcher"], "add --initiative NAME"),
        (["--role", "overlord"], "Invalid value"),
    ],
)
def test_create_user_explains_bad_input(
    with_community: str, arguments: list[str], message: str
) -> None:
    result = runner.invoke(
        cli,
        ["create-user", "--email", "a@example.org", "--name", "Anna", "--link", *arguments],
    )
    assert result.exit_code != 0
    assert message in result.output
    assert isinstance(result.exception, SystemExit)


def test_create_user_without_a_community_says_so(migrated: str) -> None:
    result = runner.invoke(
        cli,
        ["create-user", "--email", "a@example.org", "--name", "Anna", "--role", "chair", "--link"],
    )
    assert result.exit_code == 1
    assert "There is no learning community yet" in result.output


def test_create_user_gives_an_existing_demo_person_an_initiative_role(seeded: str) -> None:
    result = runner.invoke(
        cli,
        [
            "create-user",
            "--email",
            "ricardo.martina@demo.leerkring.nl",
            "--name",
            "Ricardo Martina",
            "--role",
            "practitioner",
            "--initiative",
            "samen1plan drechtsteden",
            "--link",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "/set-password/" in result.output


def test_create_user_gives_a_role_once_in_the_words_of_the_pages(seeded: str) -> None:
    arguments = [
        "create-user",
        "--email",
        "eva.de.boer@example.org",
        "--name",
        "Eva de Boer",
        "--role",
        "practitioner",
        "--initiative",
        "Samen1Plan Drechtsteden",
        "--link",
    ]

    first = runner.invoke(cli, arguments)
    again = runner.invoke(cli, arguments)

    assert first.exit_code == 0, first.output
    assert "has this role here already" not in first.output
    assert again.exit_code == 0, again.output  # the account part still runs: a new link
    assert "Eva de Boer: This person has this role here already." in again.output
    assert "/set-password/" in again.output
    database = Database(create_db_engine(seeded))
    with database.transaction(write=False) as db:
        person = db.exec(select(Person).where(Person.email == "eva.de.boer@example.org")).one()
        roles = db.exec(select(Membership.role).where(Membership.person_id == person.id)).all()
        granted = db.exec(
            select(AuditEntry.actor_label, AuditEntry.detail).where(
                AuditEntry.action == AuditAction.role_granted, AuditEntry.subject == "Eva de Boer"
            )
        ).all()
    database.engine.dispose()
    assert roles == [Role.practitioner]
    assert granted == [("command line", "role: practitioner; initiative: Samen1Plan Drechtsteden")]


def test_access_links_issue_prints_a_url_that_signs_in(seeded: str) -> None:
    issued = runner.invoke(cli, ["access-links", "--issue", "family@demo.leerkring.nl"])

    assert issued.exit_code == 0, issued.output
    found = re.search(r"http://127\.0\.0\.1:8000/access/[A-Za-z0-9_-]+", issued.output)
    assert found is not None
    browser = signs_in_with(seeded, found.group(0))
    home = browser.get("/", follow_redirects=False)
    assert home.status_code == 200
    assert "Ingrid Smit" in home.text

    listed = runner.invoke(cli, ["access-links"])
    assert listed.exit_code == 0
    assert "Ingrid Smit" in listed.output
    assert "whole community" in listed.output
    assert found.group(0).rsplit("/", 1)[1] not in listed.output


def test_access_links_issue_for_one_session(seeded: str) -> None:
    issued = runner.invoke(
        cli,
        ["access-links", "--issue", "family@demo.leerkring.nl", "--session", "2", "--days", "3"],
    )
    assert issued.exit_code == 0, issued.output
    assert "session 2" in issued.output
    unknown = runner.invoke(
        cli, ["access-links", "--issue", "family@demo.leerkring.nl", "--session", "99"]
    )
    nobody = runner.invoke(cli, ["access-links", "--issue", "nobody@example.org"])
    too_long = runner.invoke(
        cli, ["access-links", "--issue", "family@demo.leerkring.nl", "--days", "400"]
    )
    assert unknown.exit_code == nobody.exit_code == 1
    assert "no learning session number 99" in unknown.output
    assert "no one with the email address nobody@example.org" in nobody.output
    assert too_long.exit_code != 0
    assert isinstance(too_long.exception, SystemExit)


def test_commands_on_an_unmigrated_database_say_what_to_do(cli_database: str) -> None:
    result = runner.invoke(cli, ["access-links"])
    assert result.exit_code == 1
    assert "leerkring migrate" in result.output


def test_demo_accounts_prints_the_accounts_the_password_and_a_family_link(seeded: str) -> None:
    result = runner.invoke(cli, ["demo-accounts", "--base-url", "http://localhost:8031"])

    assert result.exit_code == 0, result.output
    assert DEMO_PASSWORD in result.output
    for account in DEMO_ACCOUNTS:
        assert account.email in result.output
    assert "no password" not in result.output
    found = re.search(r"http://localhost:8031/access/[A-Za-z0-9_-]+", result.output)
    assert found is not None
    signs_in_with(seeded, found.group(0).replace("http://localhost:8031", ""))


def test_demo_accounts_without_the_demo_says_so(with_community: str) -> None:
    result = runner.invoke(cli, ["demo-accounts"])
    assert result.exit_code == 1
    assert "seed-demo" in result.output


def test_the_access_log_never_shows_a_link_token() -> None:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/access/s3cr3t-t0ken?x=1", "1.1", 303),
        None,
    )
    RedactSecretPaths().filter(record)
    line = record.getMessage()
    assert "s3cr3t-t0ken" not in line
    assert "/access/[hidden]?x=1" in line
