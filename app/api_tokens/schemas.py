"""The API token form as posted, and the token it makes."""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app.labels import N_

NAME_PROBLEM = N_("Give the token a name of 1 to 100 characters, such as “monitoring export”.")


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


class ApiTokenCreate(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
        AfterValidator(_no_nul),
    ]


class ApiTokenForm(BaseModel):
    """The form as posted: the name, capped only so that a huge value is not read."""

    model_config = ConfigDict(extra="ignore")

    name: Annotated[str, Field(max_length=1000)] = ""

    def to_create(self) -> ApiTokenCreate:
        return ApiTokenCreate.model_validate(self.model_dump())
