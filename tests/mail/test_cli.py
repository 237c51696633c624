"""`leerkring send-reminders` on a real database and a real SMTP server: run twice, each
reminder arrives once; `leerkring send-mail` without a server says what waits."""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from alembic import command
from sqlmodel import Session, select
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from app.db import create_db_engine, utcnow
from app.invitations.models import OutboxMessage
from app.vocabulary import Role
from tests import factories
from tests.conftest import alembic_config
from tests.mail.conftest import Collector

runner = CliRunner()


@pytest.fixture
def cli_database(scratch_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    command.upgrade(alembic_config(scratch_database_url), "head")
    monkeypatch.setenv("LEERKRING_DATABASE_URL", scratch_database_url)
    get_settings.cache_clear()
    yield scratch_database_url
    get_settings.cache_clear()


def seed_upcoming_session(url: str) -> list[str]:
    """A session two days ahead with two invitees; their addresses."""
    engine = create_db_engine(url)
    with Session(engine) as db:
        community = factories.community(db)
        learning_session = factories.learning_session(
            db, community, number=4, starts_at=utcnow() + timedelta(days=2)
        )
        addresses = []
        for name, role in (("Ilse Vermeer", Role.policymaker), ("Fatima", Role.manager)):
            person = factories.person(db, community, name=name, language="en")
            factories.membership(db, person, role, factories.initiative(db, community))
            factories.attendance(db, learning_session, person)
            addresses.append(person.email or "")
        db.commit()
    engine.dispose()
    return addresses


def test_send_reminders_twice_sends_each_reminder_once(
    cli_database: str,
    monkeypatch: pytest.MonkeyPatch,
    smtp_server: tuple[Collector, int],
) -> None:
    mailbox, port = smtp_server
    addresses = seed_upcoming_session(cli_database)
    for name, value in {
        "LEERKRING_SMTP_HOST": "127.0.0.1",
        "LEERKRING_SMTP_PORT": str(port),
        "LEERKRING_SMTP_STARTTLS": "false",
        "LEERKRING_REMINDER_DAYS": "3",
    }.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()

    first = runner.invoke(cli, ["send-reminders"])
    second = runner.invoke(cli, ["send-reminders"])

    assert first.exit_code == 0, first.output
    assert "2 reminder(s) queued." in first.output
    assert "2 message(s) sent, 0 failed; 0 still queued." in first.output
    assert second.exit_code == 0, second.output
    assert "0 reminder(s) queued." in second.output
    assert sorted(r.recipients[0] for r in mailbox.received) == sorted(addresses)


def test_send_mail_without_a_server_says_what_waits(
    cli_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEERKRING_SMTP_HOST", "")
    get_settings.cache_clear()
    seed_upcoming_session(cli_database)

    queued = runner.invoke(cli, ["send-reminders"])
    sent = runner.invoke(cli, ["send-mail", "--retry-now"])

    assert queued.exit_code == sent.exit_code == 0
    assert "2 message(s) wait in the outbox page" in sent.output
    engine = create_db_engine(cli_database)
    with Session(engine) as db:
        assert len(db.exec(select(OutboxMessage)).all()) == 2
    engine.dispose()
