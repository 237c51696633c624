"""Optimistic locking, checked against the version the client read."""

from typing import Protocol

from app.errors import StaleVersionError
from app.labels import N_


class HasVersion(Protocol):
    version: int


def check_version(record: HasVersion, client_version: int, what: str) -> None:
    if record.version != client_version:
        raise StaleVersionError(
            N_(
                "This %(what)s was changed by someone else (you had version %(yours)s, "
                "it is now version %(current)s). Reload it, then apply your change again."
            ),
            current_version=record.version,
            arguments={"what": what, "yours": client_version, "current": record.version},
        )
