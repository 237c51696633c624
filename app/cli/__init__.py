"""The leerkring command: serve, migrate, seed, back up and restore, accounts and links.

Each module registers its commands on the one Typer app; they call services, never routes.
"""

from app.cli import accounts, documents, mail, operations  # noqa: F401 - registers the commands
from app.cli.common import cli

__all__ = ["cli", "main"]


def main() -> None:
    cli()
