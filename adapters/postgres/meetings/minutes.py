"""Meetings room: minutes versions on PostgreSQL. Every version is kept; a draft is updated in
place, an approved one never (the adapter refuses, and migration 0006's trigger a second time)."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.meetings import mapping
from adapters.postgres.meetings.constraints import domain_error
from adapters.postgres.meetings.tables import MINUTES_VERSION
from adapters.postgres.organisation.base import STALE
from adapters.postgres.organisation.sql import Reader
from domain.meetings.errors import MinutesLocked
from domain.meetings.minutes import MinutesVersion
from domain.shared.errors import NotFound, StaleVersion

_ALL = (
    f"SELECT {mapping.MINUTES_COLUMNS} FROM minutes_version"  # noqa: S608 - constants only
    " WHERE minutes_version.unit_id = $1 AND minutes_version.meeting_id = $2"
)
VERSIONS = f"{_ALL} ORDER BY minutes_version.number"
CURRENT = f"{_ALL} ORDER BY minutes_version.number DESC LIMIT 1"
OF_MEETINGS = (
    f"SELECT {mapping.MINUTES_COLUMNS} FROM minutes_version"  # noqa: S608 - constants only
    " WHERE minutes_version.unit_id = $1 AND minutes_version.meeting_id = ANY($2::uuid[])"
    " ORDER BY minutes_version.meeting_id, minutes_version.number"
)
STATE = "SELECT approved_at IS NOT NULL FROM minutes_version WHERE unit_id = $1 AND id = $2"
INSERT = sa.insert(MINUTES_VERSION)
_c = MINUTES_VERSION.c
# What a draft's update may change (its number, meeting and reason stay as they were).
_CHANGING = (
    "items", "approval_kind", "approved_at", "approval_recorded_by_person_id",
    "approval_chair_person_id", "approving_meeting_id", "written_at", "version",
)  # fmt: skip
UPDATE = (
    sa.update(MINUTES_VERSION)
    .where(
        _c.unit_id == sa.bindparam("w_unit"),
        _c.id == sa.bindparam("w_id"),
        _c.version == sa.bindparam("w_version"),
        _c.approved_at.is_(None),
    )
    .values({k: sa.bindparam(f"v_{k}") for k in _CHANGING} | {"updated_at": sa.func.now()})
)


class PgMinutesRepository:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.conn = conn
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def versions(self, meeting_id: UUID) -> Sequence[MinutesVersion]:
        return [
            mapping.minutes(r) for r in await self.read.rows(VERSIONS, self.unit_id, meeting_id)
        ]

    async def versions_of_meetings(self, meeting_ids: Sequence[UUID]) -> Sequence[MinutesVersion]:
        rows = await self.read.rows(OF_MEETINGS, self.unit_id, list(meeting_ids))
        return [mapping.minutes(r) for r in rows]

    async def current(self, meeting_id: UUID) -> MinutesVersion | None:
        row = await self.read.row(CURRENT, self.unit_id, meeting_id)
        return None if row is None else mapping.minutes(row)

    async def add(self, item: MinutesVersion) -> None:
        try:
            await self.conn.execute(INSERT, mapping.minutes_values(item))
        except IntegrityError as exc:
            raise domain_error(exc) from None

    async def update(self, item: MinutesVersion, expected_version: int) -> None:
        values = mapping.minutes_values(item)
        params = {f"v_{k}": values[k] for k in _CHANGING}
        params.update(w_unit=self.unit_id, w_id=item.id, w_version=expected_version)
        try:
            result = await self.conn.execute(UPDATE, params)
        except IntegrityError as exc:
            raise domain_error(exc) from None
        if result.rowcount == 0:
            approved = await self.read.value(STATE, self.unit_id, item.id)
            if approved is None:
                raise NotFound(f"No minutes version with id {item.id}.")
            if approved:
                raise MinutesLocked("Approved minutes are never updated.")
            raise StaleVersion(STALE)
