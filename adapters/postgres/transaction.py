"""Shared PostgreSQL room: the base of every context's unit of work — one transaction on the
request's connection (``connection.py``), bound to one SLT unit for row-level security."""

from __future__ import annotations

import asyncio
from contextlib import AbstractAsyncContextManager
from types import TracebackType
from typing import Self
from uuid import UUID

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.postgres import connection as tx
from adapters.postgres.constraints import domain_error
from domain.shared.errors import DomainError


def _at_commit(exc: IntegrityError) -> DomainError:
    """The shared names (``constraints.py``); a context overrides ``constraint_error``."""
    return domain_error(exc)


class PgTransaction:
    """Begins and sets ``samordna.unit_id`` with ``SET LOCAL`` semantics (``set_config(..., true)``)
    in one round trip, so every statement, even one that forgets its filter, sees only this unit.
    Leaving without ``commit`` rolls back. Inside an operation-wide transaction (a GraphQL query:
    one snapshot) it joins that transaction, and ``commit`` is the operation's to do.
    A context's unit of work extends it and builds its repositories on ``conn`` in ``_bind``."""

    conn: AsyncConnection
    # A context's unit of work names its own constraints' errors (deferred ones arrive at commit).
    constraint_error = staticmethod(_at_commit)

    def __init__(self, connections: tx.RequestConnections, unit_id: UUID) -> None:
        self._connections = connections
        self.unit_id = unit_id
        self._open = False
        self._lease: tx.Lease | None = None  # held (its lock) while inside, on a request
        self._own: AbstractAsyncContextManager[AsyncConnection] | None = None  # outside one

    def _bind(self) -> None:
        """The context's repositories on ``self.conn``."""

    async def __aenter__(self) -> Self:
        lease = tx.current_lease()
        if lease is None:  # outside a request: a connection of its own
            own = self._connections.connect()
            self.conn = await own.__aenter__()
            try:
                await tx.begin(self.conn, self.unit_id)
            except BaseException as exc:
                await own.__aexit__(type(exc), exc, exc.__traceback__)
                raise
            self._own, self._open = own, True
        else:
            # Held for the whole use case: repositories may talk to the driver directly,
            # and a connection runs one statement at a time.
            await self._take(lease)
            try:
                await self._begin_on(lease)
                self.conn = await lease.connection()
            except BaseException:
                self._give_back()
                raise
        self._bind()
        return self

    async def _begin_on(self, lease: tx.Lease) -> None:
        unit = self.unit_id
        if lease.shared_unit is None:
            await lease.first(lambda conn: tx.begin(conn, unit))
            self._open = True
        elif lease.shared_unit != unit:
            raise RuntimeError("a unit of work for another unit inside a snapshot")
        elif not lease.shared_open:
            await lease.first(lambda conn: tx.begin(conn, unit, "REPEATABLE READ"))
            lease.shared_open = True

    async def _take(self, lease: tx.Lease) -> None:
        """The lease's lock for this use case; a unit of work nested in another on the same
        request would wait for itself, so it is refused instead."""
        me = asyncio.current_task()
        if lease.holder is me:
            raise RuntimeError("a unit of work inside another on the same request connection")
        await lease.lock.acquire()
        lease.holder = me
        self._lease = lease

    def _give_back(self) -> None:
        lease, self._lease = self._lease, None
        if lease is not None:
            lease.holder = None
            lease.lock.release()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if self._open:
                self._open = False
                await tx.rollback(self.conn)
        finally:
            own, self._own = self._own, None
            if own is not None:
                await own.__aexit__(exc_type, exc, tb)
            self._give_back()

    async def commit(self) -> None:
        if not self._open:
            return  # joined: the operation's transaction ends with the operation
        self._open = False
        try:
            await tx.commit(self.conn)
        except IntegrityError as exc:  # a deferred constraint is checked only now
            await tx.rollback(self.conn)
            raise self.constraint_error(exc) from None


def request_connections(engine: AsyncEngine | tx.RequestConnections) -> tx.RequestConnections:
    """A factory's connections: the request path's, or (tests, tools) fresh ones on ``engine``."""
    return engine if isinstance(engine, tx.RequestConnections) else tx.RequestConnections(engine)
