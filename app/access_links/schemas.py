"""The access-link form as posted, and the link it makes."""

from datetime import date, timedelta
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from app.access_links.service import MAX_VALID_DAYS, PERSON_PROBLEM, SCOPE_PROBLEM, local_today
from app.labels import N_
from app.schemas import EntityId


class AccessLinkCreate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    person_id: EntityId
    session_id: EntityId | None = None
    expires_on: date

    @field_validator("expires_on")
    @classmethod
    def _within_a_year(cls, value: date) -> date:
        today = local_today()
        if value < today:
            raise PydanticCustomError(
                "expiry_in_past", N_("This date has passed. Choose today or a later date.")
            )
        if value > today + timedelta(days=MAX_VALID_DAYS):
            raise PydanticCustomError(
                "expiry_too_far",
                N_("A link can work for one year at most. Choose an earlier date."),
            )
        return value


# Form field → message when the schema refuses it (custom errors bring their own).
FIELD_MESSAGES = {
    "person_id": PERSON_PROBLEM,
    "scope": SCOPE_PROBLEM,
    "expires_on": N_("Enter the last day the link works, for example 2026-09-30."),
}
SCHEMA_TO_FORM = {"person_id": "person_id", "session_id": "scope", "expires_on": "expires_on"}

LinkText = Annotated[str, Field(max_length=20)]


class AccessLinkForm(BaseModel):
    """What the facilitator typed, kept when the form comes back with a message."""

    model_config = ConfigDict(extra="ignore")

    person_id: LinkText = ""
    scope: LinkText = "community"
    expires_on: LinkText = ""

    def to_create(self) -> AccessLinkCreate:
        return AccessLinkCreate.model_validate(
            {
                "person_id": self.person_id,
                "session_id": None if self.scope in ("", "community") else self.scope,
                "expires_on": self.expires_on,
            }
        )


def form_problems(error: ValidationError) -> dict[str, str]:
    """One message per form field; the expiry date's says which way it is wrong."""
    problems: dict[str, str] = {}
    for item in error.errors():
        field = SCHEMA_TO_FORM.get(str(item["loc"][0]) if item["loc"] else "", "person_id")
        custom = item["type"] in ("expiry_in_past", "expiry_too_far")
        problems.setdefault(field, item["msg"] if custom else FIELD_MESSAGES[field])
    return problems
