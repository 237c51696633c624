"""Engine, metadata conventions, column types and the transaction every request runs in.

SQLite is tuned for many readers and serialised writers (WAL, busy timeout,
``BEGIN IMMEDIATE`` for writing transactions); PostgreSQL needs nothing special.
"""

from __future__ import annotations

import asyncio
import enum
import weakref
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, Session, SQLModel
from sqlmodel.sql.expression import SelectOfScalar

# Stable constraint names, so Alembic can drop and alter what it created.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

T = TypeVar("T")
SQLITE_BUSY_TIMEOUT_MS = 10_000
# Largest id any route or body accepts (the INTEGER primary keys); larger is a 422, not a 500.
MAX_ID = 2**31 - 1


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """A timezone-aware datetime stored in UTC; SQLite gives it back aware too."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; give a timezone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Alembic hook: our UTCDateTime is a plain timezone-aware DateTime in migrations."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def enum_type(enum_class: type[enum.Enum]) -> sa.Enum:
    """A VARCHAR with a CHECK constraint: portable, and no PostgreSQL ENUM types to migrate."""
    return sa.Enum(
        enum_class,
        name=_snake(enum_class.__name__),
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum_class),
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


class Timestamped(SQLModel):
    """created_at / updated_at, both timezone-aware."""

    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(
        default_factory=utcnow,
        sa_type=UTCDateTime,
        nullable=False,
        sa_column_kwargs={"onupdate": utcnow},
    )


class Versioned(SQLModel):
    """Optimistic locking: every UPDATE checks and bumps ``version``, so a stale write fails."""

    version: int = Field(default=1, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - a declared_attr gets the class
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


def create_db_engine(
    url: str,
    *,
    echo: bool = False,
    pool_size: int = 5,
    max_overflow: int = 10,
    pool_timeout: float = 30,
) -> Engine:
    pool = {"pool_size": pool_size, "max_overflow": max_overflow, "pool_timeout": pool_timeout}
    if url.startswith("sqlite"):
        engine = sa.create_engine(
            url,
            echo=echo,
            connect_args={"check_same_thread": False, "timeout": 30},
            poolclass=sa.pool.QueuePool,
            **pool,
        )
        _tune_sqlite(engine)
        return engine
    return sa.create_engine(url, echo=echo, pool_pre_ping=True, **pool)


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy's "begin" event below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        # A deferred BEGIN that later writes can fail with SQLITE_BUSY without waiting;
        # IMMEDIATE takes the write lock up front and waits for it (busy_timeout).
        mode = "IMMEDIATE" if connection.get_execution_options().get("writes") else "DEFERRED"
        connection.exec_driver_sql(f"BEGIN {mode}")


class RequestGate:
    """Admits requests so that none ever waits for a database connection while holding one.

    A request holds its connection from its first statement to its commit, across several
    trips to the thread pool. With more requests under way than the pool has connections,
    the threads of new requests would wait for a connection while the holders wait for a
    thread. So at most ``capacity`` requests are admitted at once; the rest wait on the event
    loop, holding nothing. On SQLite, writing requests also pass one at a time: SQLite has a
    single write lock, and writers waiting for it inside threads would starve its holder.
    """

    def __init__(self, *, capacity: int, serialize_writes: bool) -> None:
        self.capacity = capacity
        self.serialize_writes = serialize_writes
        # asyncio primitives belong to one event loop; tests run several.
        self._per_loop: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, tuple[asyncio.Semaphore, asyncio.Lock]
        ] = weakref.WeakKeyDictionary()

    def _primitives(self) -> tuple[asyncio.Semaphore, asyncio.Lock]:
        loop = asyncio.get_running_loop()
        found = self._per_loop.get(loop)
        if found is None:
            found = self._per_loop[loop] = (asyncio.Semaphore(self.capacity), asyncio.Lock())
        return found

    @asynccontextmanager
    async def admit(self, *, writes: bool) -> AsyncIterator[None]:
        admitted, _ = self._primitives()
        async with admitted:
            if writes:
                async with self.write():
                    yield
            else:
                yield

    @asynccontextmanager
    async def write(self) -> AsyncIterator[None]:
        """The write lock alone: for a write that follows a request's response."""
        if not self.serialize_writes:
            yield
            return
        _, writing = self._primitives()
        async with writing:
            yield


class Database:
    """One engine, and the transactions that requests, the CLI and jobs run in."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._write_engine = engine.execution_options(writes=True)
        pool = engine.pool
        capacity = (
            pool.size() + max(getattr(pool, "_max_overflow", 0), 0)
            if isinstance(pool, sa.pool.QueuePool)
            else 1
        )
        self.gate = RequestGate(capacity=capacity, serialize_writes=self.is_sqlite)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self, *, write: bool) -> Iterator[Session]:
        """Commit at the end, roll back on any error; services never commit themselves."""
        bind = self._write_engine if write else self.engine
        with Session(bind, expire_on_commit=False) as db:
            try:
                yield db
                db.commit()
            except BaseException:
                db.rollback()
                raise


def fetch_page(
    db: Session, query: SelectOfScalar[T], *, offset: int, limit: int
) -> tuple[list[T], int]:
    """One page of ``query`` and the number of all its rows, in one statement (a window count).

    Only a page past the end needs a second statement, to tell how many there are.
    """
    rows = db.execute(query.add_columns(func.count().over()).offset(offset).limit(limit)).all()
    if rows:
        return [row[0] for row in rows], int(rows[0][1])
    if offset == 0:
        return [], 0
    counted = select(func.count()).select_from(query.order_by(None).subquery())
    return [], int(db.execute(counted).scalar_one())
