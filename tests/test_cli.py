"""The leerkring command: help, migrate, seed-demo (idempotent), backup and restore."""

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import func, select
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from app.db import Database, create_db_engine
from app.initiatives.models import Initiative
from app.people.models import Person

runner = CliRunner()


@pytest.fixture
def cli_database(scratch_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("LEERKRING_DATABASE_URL", scratch_database_url)
    get_settings.cache_clear()
    yield scratch_database_url
    get_settings.cache_clear()


def count(url: str, model: type) -> int:
    database = Database(create_db_engine(url))
    with database.transaction(write=False) as session:
        total = session.exec(select(func.count()).select_from(model)).one()
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
    with database.transaction(write=True) as session:
        community_id = session.exec(select(Person.community_id)).first()
        session.add(Person(name="Added after the backup", community_id=community_id))
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
