"""Cases room: what every cases repository shares — the unit of work's connection and unit, the
field cipher (values sealed on write, opened on read, bound to their table, column and row),
and statements on asyncpg whose constraint violations become the domain's errors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.crypto.field_cipher import AesGcmFieldCipher
from adapters.postgres.cases.constraints import violation
from adapters.postgres.organisation.sql import Reader

Row = Any


class CasesRepository:
    def __init__(self, conn: AsyncConnection, unit_id: UUID, cipher: AesGcmFieldCipher) -> None:
        self.conn = conn
        self.unit_id = unit_id
        self.cipher = cipher
        self.read = Reader(conn)

    async def rows(self, sql: str, *args: Any) -> list[Row]:
        return await self.read.rows(sql, self.unit_id, *args)

    async def row(self, sql: str, *args: Any) -> Row | None:
        return await self.read.row(sql, self.unit_id, *args)

    async def write(self, sql: str, *args: Any, deleting: bool = False) -> list[Row]:
        """``sql`` with ``$1`` the unit; a violated constraint is the domain's error."""
        try:
            return await self.read.rows(sql, self.unit_id, *args)
        except asyncpg.IntegrityConstraintViolationError as exc:
            raise violation(exc, deleting=deleting) from None

    async def write_many(self, sql: str, args: Sequence[tuple[Any, ...]]) -> None:
        for one in args:
            await self.write(sql, *one)

    def seal(self, value: str, table: str, column: str, row_id: UUID) -> bytes:
        return self.cipher.seal(value, table, column, row_id)

    def seal_opt(self, value: str | None, table: str, column: str, row_id: UUID) -> bytes | None:
        return None if value is None else self.cipher.seal(value, table, column, row_id)

    def open(self, value: bytes, table: str, column: str, row_id: UUID) -> str:
        return self.cipher.open(value, table, column, row_id)

    def open_opt(self, value: bytes | None, table: str, column: str, row_id: UUID) -> str | None:
        return None if value is None else self.cipher.open(value, table, column, row_id)
