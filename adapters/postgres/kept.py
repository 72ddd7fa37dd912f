"""Connections kept between requests (ADR 0011, amended): a request's connection that ends
clean goes here instead of back to the pool, and the next request takes it without the pool's
checkout and return. ``adapters.postgres.connection`` (the request's lease) uses it."""

from __future__ import annotations

import contextlib

import anyio
from sqlalchemy.ext.asyncio import AsyncConnection

DRIVER = "samordna.driver"  # the pooled connection's ``info`` key of its asyncpg connection


class Kept:
    """Clean connections kept checked out between requests (at most the pool's size), so the
    next request takes one without the pool's checkout and return — each a greenlet hop and a
    ``Connection`` built and reset, ~20 % of a single read's CPU. A connection is kept only when
    it is open, outside a transaction, and unbroken; one the server closed meanwhile shows at
    its first statement and ``Lease.first`` takes another, as after a pool checkout."""

    __slots__ = ("_conns", "_limit", "taken")

    def __init__(self, limit: int) -> None:
        self._conns: list[AsyncConnection] = []
        self._limit = limit
        self.taken = 0  # connections handed to a request: counted with the pool's checkouts

    def __len__(self) -> int:
        return len(self._conns)

    async def take(self) -> AsyncConnection | None:
        """The last kept connection; those the driver has since seen closed are discarded (as
        the pool's checkout does, ``_closed_by_server``)."""
        while self._conns:
            conn = self._conns.pop()
            if idle(conn):
                self.taken += 1
                return conn
            with anyio.CancelScope(shield=True), contextlib.suppress(Exception):
                await conn.close()  # back to the pool, which discards a closed one
        return None

    def keep(self, conn: AsyncConnection) -> bool:
        if len(self._conns) >= self._limit or not idle(conn):
            return False
        self._conns.append(conn)
        return True

    async def aclose(self) -> None:
        conns, self._conns = self._conns, []
        for conn in conns:
            with contextlib.suppress(Exception):
                await conn.close()


def idle(conn: AsyncConnection) -> bool:
    driver = None if conn.invalidated else conn.info.get(DRIVER)
    return driver is not None and not driver.is_closed() and not driver.is_in_transaction()
