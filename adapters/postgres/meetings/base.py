"""Meetings room: the organisation adapter's versioned repository (reads on asyncpg, Core writes
built once) with this context's constraint names, flattened values and per-meeting reads (one meeting,
or several at once for the DataLoaders)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, TypeVar
from uuid import UUID

from sqlalchemy.exc import IntegrityError

from adapters.postgres.meetings.constraints import domain_error
from adapters.postgres.organisation.base import STALE, VersionedRepository, plain_values
from domain.shared.errors import StaleVersion

T = TypeVar("T")


class MeetingsRepository(VersionedRepository[T]):
    """Subclasses name the table, columns, noun, mapper and (for ``of_meeting``) the order."""

    order: ClassVar[str] = ""
    _of_meeting: ClassVar[str]
    _of_meetings: ClassVar[str]

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        if "name" in cls.__dict__:
            order = f" ORDER BY {cls.order}" if cls.order else ""
            cls._of_meeting = (
                f"SELECT {cls.columns} FROM {cls.name}"  # noqa: S608 - names from the class body
                f" WHERE {cls.name}.unit_id = $1 AND {cls.name}.meeting_id = $2{order}"
            )
            within = f", {cls.order}" if cls.order else ""
            cls._of_meetings = (
                f"SELECT {cls.columns} FROM {cls.name}"  # noqa: S608 - names from the class body
                f" WHERE {cls.name}.unit_id = $1 AND {cls.name}.meeting_id = ANY($2::uuid[])"
                f" ORDER BY {cls.name}.meeting_id{within}"
            )

    @staticmethod
    def values(item: Any) -> dict[str, Any]:
        return plain_values(item)

    async def of_meeting(self, meeting_id: UUID) -> Sequence[T]:
        to = self.to_domain
        return [to(r) for r in await self.read.rows(self._of_meeting, self.unit_id, meeting_id)]

    async def of_meetings(self, meeting_ids: Sequence[UUID]) -> Sequence[T]:
        """Several meetings' rows in one statement (the DataLoaders' batch read)."""
        to = self.to_domain
        ids = list(meeting_ids)
        return [to(r) for r in await self.read.rows(self._of_meetings, self.unit_id, ids)]

    async def _write(
        self, statement: Any, params: dict[str, Any], *, deleting: bool = False
    ) -> Any:
        try:
            return await self.conn.execute(statement, params)
        except IntegrityError as exc:
            raise domain_error(exc, deleting=deleting) from None

    async def add(self, item: T) -> None:
        await self._write(self.writes.insert, self.values(item))

    async def update(self, item: T, expected_version: int) -> None:
        values = self.values(item)
        id_ = values.pop("id")
        values.pop("unit_id", None)
        params = {f"v_{k}": v for k, v in values.items()}
        params.update(w_unit=self.unit_id, w_id=id_, w_version=expected_version)
        result = await self._write(self.writes.update(tuple(values)), params)
        if result.rowcount == 0:
            await self.get(id_)  # NotFound if gone
            raise StaleVersion(STALE)
