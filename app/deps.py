"""Dependencies shared by every router."""

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import BackgroundTasks, Depends, Query, Request
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app.db import Database
from app.schemas import Pagination

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_db(request: Request) -> Iterator[Session]:
    """One transaction per request: committed when the handler returns, rolled back on error."""
    database: Database = request.app.state.database
    with database.transaction(write=request.method not in SAFE_METHODS) as db:
        yield db


# scope="function": commit before the response goes out, so a failed commit is never a 200.
DbDep = Annotated[Session, Depends(get_db, scope="function")]


def write_after_response(
    request: Request, background: BackgroundTasks, write: Callable[[Session], None]
) -> None:
    """Run a small bookkeeping write once the response has gone out, in its own transaction.

    By then the request's connection is back in the pool: a second transaction *inside* the
    request would wait for a connection (or SQLite's write lock) that its own request holds.
    A write lost to an error response is harmless; the next request makes it again.
    """
    database: Database = request.app.state.database

    def run() -> None:
        with database.transaction(write=True) as db:
            write(db)

    async def gated() -> None:
        async with database.gate.write():
            await run_in_threadpool(run)

    background.add_task(gated)


async def get_pagination(
    page: Annotated[int, Query(ge=1, le=100_000, description="page number, from 1")] = 1,
    per_page: Annotated[int, Query(ge=1, le=100, description="items per page")] = 20,
) -> Pagination:
    return Pagination(page=page, per_page=per_page)


PaginationDep = Annotated[Pagination, Depends(get_pagination)]
