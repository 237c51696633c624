"""What every command shares: the Typer app, the database, and failing with one clear line."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError

import app.models  # noqa: F401 - every table mapped before any session opens
from app.config import get_settings
from app.db import Database, create_db_engine
from app.errors import DomainError
from app.wiring import wire

BaseUrlOption = Annotated[
    str | None,
    typer.Option(
        help="the site's address, to build the printed link from "
        "[default: LEERKRING_PUBLIC_URL, or http://HOST:PORT]",
        show_default=False,
    ),
]


def link_base(base_url: str | None) -> str:
    return base_url or get_settings().link_base


cli = typer.Typer(
    help="Leerkring: run a learning community in integrated care.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)


def open_database() -> Database:
    wire()  # rooms that must not import each other, connected as in create_app
    return Database(create_db_engine(get_settings().database_url))


def fail(message: str) -> NoReturn:
    typer.secho(message, err=True, fg=typer.colors.RED)
    raise typer.Exit(1)


@contextmanager
def clear_errors() -> Iterator[None]:
    """Known problems as one readable line and exit code 1, never a traceback."""
    try:
        yield
    except DomainError as error:
        fail(str(error))
    except (OperationalError, ProgrammingError) as error:
        detail = str(error.orig).splitlines()[0] if error.orig else str(error)
        fail(f"The database is not ready ({detail}). Did you run 'leerkring migrate'?")


def ensure_sqlite_directory(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
