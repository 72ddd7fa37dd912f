"""The request's one connection: checked out lazily, shared by authentication and every unit of
work of the request, released when the request ends (also on errors and cancellation).

The connection runs in AUTOCOMMIT at the driver level, so a single look-up (the session) costs one
round trip; a unit of work opens its transaction itself with ``BEGIN`` and the unit setting in one
simple-protocol message (``begin``). See docs/adr/0011-one-connection-per-request.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any, TypeVar
from uuid import UUID

import anyio
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.pool import QueuePool

from adapters.postgres.kept import DRIVER as _DRIVER
from adapters.postgres.kept import Kept

log = logging.getLogger(__name__)

T = TypeVar("T")
ISOLATION_LEVELS = frozenset({"READ COMMITTED", "REPEATABLE READ"})


class Lease:
    """One request's hold on the pool: at most one connection, taken on first use.

    ``lock`` serialises concurrent use cases (GraphQL resolvers run side by side; a connection
    runs one statement at a time). While ``shared_unit`` is set (a GraphQL query), the first
    unit of work begins one REPEATABLE READ transaction (``shared_open``) and the others join
    it: one snapshot."""

    def __init__(self, engine: AsyncEngine, parked: Kept | None = None) -> None:
        self._engine = engine
        self._parked = parked
        self._conn: AsyncConnection | None = None
        self._proven = False  # a statement has succeeded on ``_conn``
        self._taking = asyncio.Lock()
        self.lock = asyncio.Lock()
        self.holder: asyncio.Task[Any] | None = None  # the task in the lock (see uow.py)
        self.shared_unit: UUID | None = None
        self.shared_open = False

    async def connection(self) -> AsyncConnection:
        if self._conn is None:
            async with self._taking:
                if self._conn is None:
                    parked = await self._parked.take() if self._parked is not None else None
                    self._conn = parked or await _autocommit(self._engine)
                    self._proven = False
        return self._conn

    async def first(self, run: Callable[[AsyncConnection], Awaitable[T]]) -> T:
        """``run`` on the connection. There is no ping at checkout: a pooled connection the
        server has closed since (a restart) shows at its first statement, which then runs
        once more on a fresh connection."""
        conn = await self.connection()
        if self._proven:
            return await run(conn)
        # After a restart every idle pooled connection is dead, so the next one may be too: keep
        # discarding them (at most a pool's worth) until one answers or a live one fails.
        for attempt in range(_stale_limit(self._engine)):
            try:
                result = await run(conn)
                break
            except Exception:
                if attempt + 1 == _stale_limit(self._engine) or not await _closed(conn):
                    raise
                log.info("a pooled connection was closed by the server; taking another")
                self._conn = None
                with anyio.CancelScope(shield=True):
                    await close(conn)
                conn = await self.connection()
        self._proven = True
        return result

    async def release(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        if self._parked is not None and self._parked.keep(conn):
            return
        if _clean(conn, self._engine):
            # Nothing to roll back and room in the pool: the return never suspends, so no
            # cancellation can interrupt it and the (costly) shield is not needed.
            with contextlib.suppress(Exception):
                await conn.close()
            return
        with anyio.CancelScope(shield=True):  # a cancelled request still returns its connection
            await close(conn)


def _stale_limit(engine: AsyncEngine) -> int:
    pool: Any = engine.sync_engine.pool
    return (pool.size() if isinstance(pool, QueuePool) else 1) + 1


async def _autocommit(engine: AsyncEngine) -> AsyncConnection:
    """A pooled connection in AUTOCOMMIT. The request path's engine is made so (``make_engine``,
    ``autocommit=True``): then no per-checkout option, whose greenlet hop and reset on return
    cost more than the round trips of a small read."""
    conn = await engine.connect()
    if getattr(engine.sync_engine.dialect, "_on_connect_isolation_level", None) != "AUTOCOMMIT":
        await conn.execution_options(isolation_level="AUTOCOMMIT")
    return conn


async def _driver(conn: AsyncConnection) -> Any:
    """The asyncpg connection, kept in the pooled connection's ``info`` (which SQLAlchemy clears
    when it replaces the DBAPI connection): only its first use pays a greenlet hop."""
    driver = conn.info.get(_DRIVER)
    if driver is None:
        driver = conn.info[_DRIVER] = (await conn.get_raw_connection()).driver_connection
    return driver


_ASYNCPG = "samordna.asyncpg"  # the same pair adapters/postgres/organisation/sql.py keeps


async def fetch(conn: AsyncConnection, sql: str, *args: Any) -> list[Any]:
    """``sql`` (``$n`` arguments) straight on asyncpg: its statement cache prepares it once per
    connection, no greenlet hop. Under the adapter's own mutex, as SQLAlchemy's statements are
    (GraphQL resolvers share the connection)."""
    pair = conn.info.get(_ASYNCPG)
    if pair is None:
        raw = await conn.get_raw_connection()
        mutex = getattr(raw.dbapi_connection, "_execute_mutex", None) or asyncio.Lock()
        pair = conn.info[_ASYNCPG] = (raw.driver_connection, mutex)
    driver: Any = pair[0]
    async with pair[1]:
        return await driver.fetch(sql, *args)  # type: ignore[no-any-return]


def _clean(conn: AsyncConnection, engine: AsyncEngine) -> bool:
    """Open, outside a transaction (the pool's reset has no round trip to make), and the pool has
    room for it (an overflow connection would be closed: a round trip)."""
    driver = None if conn.invalidated else conn.info.get(_DRIVER)
    if driver is None or driver.is_closed() or driver.is_in_transaction():
        return False
    pool: Any = engine.sync_engine.pool
    return isinstance(pool, QueuePool) and pool.checkedin() < pool.size()


async def _closed(conn: AsyncConnection) -> bool:
    if conn.invalidated:  # SQLAlchemy saw a disconnect
        return True
    try:
        return bool((await _driver(conn)).is_closed())
    except Exception:
        return True


async def begin(conn: AsyncConnection, unit_id: UUID, isolation: str = "READ COMMITTED") -> None:
    """``BEGIN`` and ``set_config('samordna.unit_id', …, true)`` in one round trip (the simple
    protocol takes both statements at once; it has no bind parameters, so the values are checked
    here: a ``UUID``'s text and a fixed isolation level)."""
    if isolation not in ISOLATION_LEVELS:
        raise ValueError(f"unknown isolation level {isolation!r}")
    unit = str(UUID(str(unit_id)))
    driver = await _driver(conn)
    await driver.execute(
        f"BEGIN ISOLATION LEVEL {isolation}; SELECT set_config('samordna.unit_id', '{unit}', true)"
    )


async def commit(conn: AsyncConnection) -> None:
    """Through SQLAlchemy, so a deferred constraint checked now is its ``IntegrityError``."""
    await conn.exec_driver_sql("COMMIT")


async def rollback(conn: AsyncConnection) -> None:
    driver = await _driver(conn)
    if driver.is_in_transaction():
        await driver.execute("ROLLBACK")


async def close(conn: AsyncConnection) -> None:
    """Back to the pool with no transaction open; a connection in doubt is discarded instead."""
    try:
        if await _closed(conn):
            raise ConnectionError("closed by the server")
        await rollback(conn)
    except Exception as exc:  # a broken connection must not return to the pool
        log.info("discarding a connection after %s", type(exc).__name__)
        with contextlib.suppress(Exception):
            await conn.invalidate()
    with contextlib.suppress(Exception):
        await conn.close()


_lease: ContextVar[Lease | None] = ContextVar("samordna_request_connection", default=None)


def current_lease() -> Lease | None:
    return _lease.get()


class _Scope:
    """``async with``: the lease is current inside; released on the way out, also on errors."""

    __slots__ = ("_token", "lease")

    def __init__(self, lease: Lease) -> None:
        self.lease = lease

    async def __aenter__(self) -> Lease:
        self._token = _lease.set(self.lease)
        return self.lease

    async def __aexit__(self, *exc: object) -> None:
        _lease.reset(self._token)
        await self.lease.release()


class RequestConnections:
    """Opens the request scope (``scope``) and hands out its connection (``connect``)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        pool: Any = engine.sync_engine.pool
        self._parked = Kept(pool.size() if isinstance(pool, QueuePool) else 0)

    def scope(self) -> _Scope:
        """The request's lease, current while inside (a plain class: no generator per request)."""
        return _Scope(Lease(self.engine, self._parked))

    @property
    def kept_taken(self) -> int:
        """Requests served by a kept connection so far (``bench/`` and the tests add it to
        the pool's checkouts: either way a request took one connection)."""
        return self._parked.taken

    def in_use(self) -> int:
        """Connections held by requests now: checked out of the pool and not kept idle."""
        pool: Any = self.engine.sync_engine.pool
        return int(pool.checkedout()) - len(self._parked)

    async def aclose(self) -> None:
        """The parked connections closed (back to the pool), then the pool itself."""
        await self._parked.aclose()
        await self.engine.dispose()

    @asynccontextmanager
    async def connect(self) -> AsyncIterator[AsyncConnection]:
        """The request's connection inside a scope; outside one (CLI, tests), a fresh one."""
        lease = _lease.get()
        if lease is not None:
            yield await lease.connection()
            return
        conn = await _autocommit(self.engine)
        try:
            yield conn
        finally:
            with anyio.CancelScope(shield=True):
                await close(conn)

    async def first(self, run: Callable[[AsyncConnection], Awaitable[T]]) -> T:
        """``run`` on the request's connection (``Lease.first``); outside a request, a fresh one."""
        lease = _lease.get()
        if lease is not None:
            return await lease.first(run)
        async with self.connect() as conn:
            return await run(conn)

    @asynccontextmanager
    async def snapshot(self, unit_id: UUID) -> AsyncIterator[None]:
        """One transaction for everything read inside (a GraphQL query operation): begun by the
        first unit of work, so an outage still surfaces in that resolver; ended here."""
        lease = _lease.get()
        if lease is None or lease.shared_unit is not None:
            yield
            return
        lease.shared_unit = unit_id
        try:
            yield
        finally:
            lease.shared_unit = None
            if lease.shared_open:
                lease.shared_open = False
                with anyio.CancelScope(shield=True):
                    try:
                        await rollback(await lease.connection())
                    except Exception as exc:  # the release discards a connection in doubt
                        log.warning("ending a snapshot failed: %s", type(exc).__name__)
