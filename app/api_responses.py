"""The error responses every JSON route documents (schemathesis checks them)."""

from typing import Any

from pydantic import BaseModel


class FieldError(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    detail: str
    errors: list[FieldError] = []


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    descriptions = {
        404: "No such object.",
        409: "Conflicts with what is stored: a duplicate, dependants, or a stale version.",
        413: "The request body is too large.",
        422: "A field is invalid; `errors` names each one.",
    }
    return {code: {"model": ErrorBody, "description": descriptions[code]} for code in codes}
