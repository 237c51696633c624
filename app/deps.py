"""Dependencies shared by every router."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlmodel import Session

from app.db import Database
from app.schemas import Pagination

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_session(request: Request) -> Iterator[Session]:
    """One transaction per request: committed when the handler returns, rolled back on error."""
    database: Database = request.app.state.database
    with database.transaction(write=request.method not in SAFE_METHODS) as session:
        yield session


# scope="function": commit before the response goes out, so a failed commit is never a 200.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def get_pagination(
    page: Annotated[int, Query(ge=1, le=100_000, description="page number, from 1")] = 1,
    per_page: Annotated[int, Query(ge=1, le=100, description="items per page")] = 20,
) -> Pagination:
    return Pagination(page=page, per_page=per_page)


PaginationDep = Annotated[Pagination, Depends(get_pagination)]
