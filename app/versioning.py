"""Optimistic locking, checked against the version the client read."""

from typing import Protocol

from app.errors import StaleVersionError


class HasVersion(Protocol):
    version: int


def check_version(record: HasVersion, client_version: int, what: str) -> None:
    if record.version != client_version:
        raise StaleVersionError(
            f"This {what} was changed by someone else (you had version {client_version}, "
            f"it is now version {record.version}). Reload it, then apply your change again.",
            current_version=record.version,
        )
