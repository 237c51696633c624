"""Form handling shared by the HTML pages."""

from pydantic import ValidationError


def field_errors(error: ValidationError, messages: dict[str, str]) -> dict[str, str]:
    """One message per invalid field, in words the template translates (marked with N_)."""
    errors: dict[str, str] = {}
    for problem in error.errors():
        field = str(problem["loc"][0]) if problem["loc"] else ""
        if field in messages:
            errors.setdefault(field, messages[field])
    return errors
