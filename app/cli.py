"""The leerkring command: serve, migrate, seed, back up and restore."""

import os
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.engine import URL, make_url

import app.models  # noqa: F401 - every table mapped before any session opens
from app.config import PROJECT_ROOT, get_settings
from app.db import Database, create_db_engine

cli = typer.Typer(
    help="Leerkring: run a learning community in integrated care.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)


def _database() -> Database:
    return Database(create_db_engine(get_settings().database_url))


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
) -> None:
    """Fill an empty database with the demo learning community (does nothing otherwise)."""
    from app.demo.seed import seed_demo as insert_demo

    if language not in ("en", "nl"):
        raise typer.BadParameter("choose en or nl", param_hint="--language")
    with _database().transaction(write=True) as session:
        inserted = insert_demo(session, language=language)
    typer.echo(
        "Demo learning community added." if inserted else "A community exists; nothing added."
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
    with _database().transaction(write=True) as session:
        session.add(LearningCommunity(name=name.strip(), aims=aims.strip(), period_start=start))
    typer.echo(f"Learning community '{name}' created.")


@cli.command()
def serve(
    host: Annotated[str, typer.Option(envvar="HOST", help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="PORT", help="port to listen on")] = 8000,
    reload: Annotated[bool, typer.Option(help="restart on code changes")] = False,
) -> None:
    """Serve the web application."""
    import uvicorn

    uvicorn.run(
        "app.main:create_app", factory=True, host=host, port=port, reload=reload, proxy_headers=True
    )


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
