"""Shared input types and the paginated list envelope of the JSON API."""

from math import ceil
from typing import Annotated, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, Field, StringConstraints

from app.db import MAX_ID

T = TypeVar("T")


def _no_nul(value: str) -> str:
    # PostgreSQL refuses NUL in text; refuse it for every database alike.
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


RequiredName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_no_nul),
]
ShortText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=200), AfterValidator(_no_nul)
]
LongText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=4000), AfterValidator(_no_nul)
]
ListEntry = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=120),
    AfterValidator(_no_nul),
]
EntityId = Annotated[int, Field(ge=1, le=MAX_ID)]
Version = Annotated[int, Field(ge=1, le=MAX_ID, description="the version you read; 409 if stale")]


class Page(BaseModel, Generic[T]):
    items: list[T]
    page: int
    per_page: int
    total: int


def page_count(total: int, per_page: int) -> int:
    """How many pages ``total`` rows fill; an empty list is still one page."""
    return max(1, ceil(total / per_page))


class Pagination(BaseModel):
    page: int = 1
    per_page: int = 20

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page
