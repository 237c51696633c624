"""The invitation form as posted, and the invitation it becomes."""

import re
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from app.db import MAX_ID
from app.labels import N_
from app.memberships import service as membership_service
from app.schemas import RequiredName
from app.vocabulary import IntegrationLevel, Perspective, Role

_EMAIL = re.compile(r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$")

# Shown next to a field when its value is refused for a reason pydantic words itself.
FIELD_MESSAGES: dict[str, str] = {
    "name": N_("Enter the person's name (at most 200 characters)."),
    "email": N_("Enter an email address, like name@example.org."),
    "role": N_("Choose a role."),
    "initiative_id": N_("Choose one of the community's initiatives."),
    "perspective": N_("Choose a perspective."),
    "level": N_("Choose a level of integration."),
}


def _empty_is_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def _email(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = value.strip().lower()
    if len(value) > 254 or not _EMAIL.match(value):
        raise PydanticCustomError("email", FIELD_MESSAGES["email"])
    return value


class InvitationCreate(BaseModel):
    """The invitation form; anything else posted (community, account flags) is ignored."""

    model_config = ConfigDict(extra="ignore")

    name: RequiredName
    email: Annotated[str, BeforeValidator(_email)]
    role: Role
    # Validated even when left out, so the role check below always runs.
    initiative_id: Annotated[int | None, BeforeValidator(_empty_is_none)] = Field(
        default=None, validate_default=True
    )
    perspective: Perspective
    level: IntegrationLevel

    @field_validator("initiative_id")
    @classmethod
    def _initiative_fits_role(cls, value: int | None, info: ValidationInfo) -> int | None:
        if value is not None and not 1 <= value <= MAX_ID:
            raise PydanticCustomError("initiative", FIELD_MESSAGES["initiative_id"])
        role = info.data.get("role")
        if role is None:
            return value  # the role itself is wrong; that message suffices
        problem = membership_service.scope_problem(role, value)
        if problem is not None:
            raise PydanticCustomError("initiative", problem)
        return value


# What the browser sends, capped only so that a huge value is refused before it is read.
InvitationText = Annotated[str, Field(max_length=1000)]


class InvitationForm(BaseModel):
    """The invitation form as posted; anything else posted (community, account flags) is ignored."""

    model_config = ConfigDict(extra="ignore")

    name: InvitationText = ""
    email: InvitationText = ""
    role: InvitationText = ""
    initiative_id: InvitationText = ""
    perspective: InvitationText = ""
    level: InvitationText = ""

    def to_create(self) -> InvitationCreate:
        return InvitationCreate.model_validate(self.model_dump())


def messages_for(error: ValidationError) -> dict[str, str]:
    """The message by each refused field; the initiative's says what the chosen role needs."""
    for problem in error.errors():
        if problem["loc"] == ("initiative_id",) and problem["type"] == "initiative":
            return FIELD_MESSAGES | {"initiative_id": problem["msg"]}
    return FIELD_MESSAGES
