"""Organisation room: get / add / update / delete shared by the versioned, unit-owned tables with an
``id``. Reads go to asyncpg (``sql.Reader``); writes are SQLAlchemy Core statements built once per
table, so a violated constraint arrives as ``IntegrityError`` and becomes its domain error. Every
statement filters on the unit as well; row-level security enforces it a second time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any, ClassVar, Generic, TypeVar
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.constraints import domain_error
from adapters.postgres.organisation.sql import Reader, Row
from domain.shared.errors import NotFound, StaleVersion

T = TypeVar("T")

STALE = "Someone else changed this in the meantime. Reload and try again."


class Statements:
    """The Core writes of one table, bound by name at execution."""

    def __init__(self, table: sa.Table) -> None:
        c = table.c
        self.table = table
        self.insert = sa.insert(table)
        self.delete = sa.delete(table).where(
            c.unit_id == sa.bindparam("w_unit"),
            c.id == sa.bindparam("w_id"),
            c.version == sa.bindparam("w_version"),
        )
        self._updates: dict[tuple[str, ...], sa.Update] = {}

    def update(self, keys: tuple[str, ...]) -> sa.Update:
        """``UPDATE … SET <keys> (as v_<key>), updated_at = now()`` for one set of fields."""
        stmt = self._updates.get(keys)
        if stmt is None:
            c = self.table.c
            values: dict[str, Any] = {k: sa.bindparam(f"v_{k}") for k in keys}
            stmt = (
                sa.update(self.table)
                .where(
                    c.unit_id == sa.bindparam("w_unit"),
                    c.id == sa.bindparam("w_id"),
                    c.version == sa.bindparam("w_version"),
                )
                .values({**values, "updated_at": sa.func.now()})
            )
            self._updates[keys] = stmt
        return stmt


def plain_values(item: object) -> dict[str, Any]:
    """A domain dataclass as column values (enums as their values)."""
    values = asdict(item)  # type: ignore[call-overload]
    return {k: (v.value if hasattr(v, "value") else v) for k, v in values.items()}


class VersionedRepository(Generic[T]):
    """Subclasses name the table, its column list, the noun for ``NotFound`` and the mapper."""

    writes: ClassVar[Statements]
    name: ClassVar[str]  # the table's name in SQL
    columns: ClassVar[str]
    noun: ClassVar[str]

    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.conn = conn
        self.unit_id = unit_id
        self.read = Reader(conn)

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        if "name" in cls.__dict__:
            # Names from the class body, not from input.
            base = f"SELECT {cls.columns} FROM {cls.name} WHERE {cls.name}.unit_id = $1"  # noqa: S608
            cls._get = f"{base} AND {cls.name}.id = $2"
            cls._get_many = f"{base} AND {cls.name}.id = ANY($2::uuid[])"

    _get: ClassVar[str]
    _get_many: ClassVar[str]

    @staticmethod
    def to_domain(r: Row) -> Any:
        raise NotImplementedError

    async def get(self, id: UUID) -> T:
        row = await self.read.row(self._get, self.unit_id, id)
        if row is None:
            raise NotFound(f"No {self.noun} with id {id}.")
        return self.to_domain(row)  # type: ignore[no-any-return]

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[T]:
        to = self.to_domain
        return [to(r) for r in await self.read.rows(self._get_many, self.unit_id, list(ids))]

    async def _write(
        self, statement: Any, params: dict[str, Any], *, deleting: bool = False
    ) -> Any:
        """One write; a violated constraint becomes the domain error of its rule (``constraints``)."""
        try:
            return await self.conn.execute(statement, params)
        except IntegrityError as exc:
            raise domain_error(exc, deleting=deleting) from None

    async def add(self, item: T) -> None:
        await self._write(self.writes.insert, plain_values(item))

    async def update(self, item: T, expected_version: int) -> None:
        values = plain_values(item)
        id_ = values.pop("id")
        values.pop("unit_id", None)
        params = {f"v_{k}": v for k, v in values.items()}
        params.update(w_unit=self.unit_id, w_id=id_, w_version=expected_version)
        result = await self._write(self.writes.update(tuple(values)), params)
        if result.rowcount == 0:
            await self.get(id_)  # NotFound if gone
            raise StaleVersion(STALE)

    async def delete(self, id: UUID, expected_version: int) -> None:
        params = {"w_unit": self.unit_id, "w_id": id, "w_version": expected_version}
        result = await self._write(self.writes.delete, params, deleting=True)
        if result.rowcount == 0:
            await self.get(id)
            raise StaleVersion(STALE)
