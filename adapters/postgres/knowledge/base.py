"""Knowledge PostgreSQL room: what every repository of the context holds — the unit of work's
connection (asyncpg through ``Reader``, inside its transaction: row-level security holds) and unit."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.organisation.sql import Reader


class Repo:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.db = Reader(conn)
        self.unit_id = unit_id
