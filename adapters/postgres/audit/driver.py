"""Access-log room: a pooled connection's asyncpg driver for the sealer, the verifier and the
checkpoints (their own transactions, server-side paging and COPY-speed fetches, no ORM)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine


@asynccontextmanager
async def driver(engine: AsyncEngine) -> AsyncIterator[Any]:
    """The asyncpg connection of one pooled connection, given back (rolled back) on the way out."""
    conn = await engine.connect()
    try:
        yield (await conn.get_raw_connection()).driver_connection
    finally:
        await conn.close()
