"""Domain errors carry their HTTP status; one handler turns them into JSON or a page.

Services raise these and know nothing of HTTP beyond the number. The message is an
``N_``-marked English text with ``%(name)s`` placeholders filled from ``arguments``, so the
handler can translate it before formatting:
``NotFoundError(N_("There is no initiative with id %(id)s."), arguments={"id": 5})``.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass
class FieldProblem:
    field: str
    message: str


@dataclass
class DomainError(Exception):
    message: str
    problems: list[FieldProblem] = field(default_factory=list)
    status_code: int = 400
    arguments: Mapping[str, object] = field(default_factory=dict, kw_only=True)

    def __str__(self) -> str:
        return self.translated(str)

    def translated(self, gettext: Callable[[str], str]) -> str:
        """The message through ``gettext`` (a catalogue's), then formatted."""
        return format_message(gettext(self.message), self.arguments)


def format_message(message: str, arguments: Mapping[str, object]) -> str:
    return message % arguments if arguments else message


@dataclass
class NotFoundError(DomainError):
    status_code: int = 404


@dataclass
class ConflictError(DomainError):
    """The request is valid but clashes with what is stored (duplicate, dependants)."""

    status_code: int = 409


@dataclass
class StaleVersionError(ConflictError):
    """Someone else saved first; the client holds an old version."""

    current_version: int | None = None


@dataclass
class InvalidInputError(DomainError):
    status_code: int = 422


@dataclass
class NotSignedInError(DomainError):
    """No valid session or token; pages send the browser to sign in."""

    status_code: int = 401


@dataclass
class ForbiddenError(DomainError):
    status_code: int = 403


@dataclass
class RateLimitedError(DomainError):
    status_code: int = 429
    retry_after_seconds: int = 60
