"""Form handling shared by the HTML pages."""

from pydantic import ValidationError

from app.labels import N_

# Filter forms: every date within the years the app stores (learning_sessions.schemas.SessionDate).
FILTER_DATE_MESSAGE = N_("Enter a date between 2000 and 2100, like 2026-10-02.")


def field_errors(error: ValidationError, messages: dict[str, str]) -> dict[str, str]:
    """One message per invalid field, in words the template translates (marked with N_)."""
    errors: dict[str, str] = {}
    for problem in error.errors():
        field = str(problem["loc"][0]) if problem["loc"] else ""
        if field in messages:
            errors.setdefault(field, messages[field])
    return errors
