"""Running Leerkring: migrate, serve, back up and restore, seed the demo, a new community."""

import os
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.engine import URL, make_url

from app.cli.common import cli, ensure_sqlite_directory, open_database
from app.config import PROJECT_ROOT, get_settings


@cli.command()
def migrate(
    revision: Annotated[str, typer.Argument(help="target revision")] = "head",
) -> None:
    """Bring the database schema up to date (alembic upgrade)."""
    from alembic import command
    from alembic.config import Config

    url = get_settings().database_url
    ensure_sqlite_directory(url)
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
    with open_database().transaction(write=True) as db:
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
    with open_database().transaction(write=True) as db:
        db.add(LearningCommunity(name=name.strip(), aims=aims.strip(), period_start=start))
    typer.echo(f"Learning community '{name}' created.")


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
        ensure_sqlite_directory(str(url))
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
