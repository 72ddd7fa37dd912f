"""Annual-wheel room: the dates of the unit's meetings, read from the meetings context's table
(SQL only: the wheel's adapter imports nothing of the meetings adapter). A meeting's date is its
start's date in Norway, as ``Meeting.day`` has it."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.organisation.sql import Reader
from domain.annual_wheel.ports import MeetingDate

OF_YEAR = """
SELECT body_id, day, status IN ('held','minutes_draft','minutes_approved','distributed') AS held
  FROM (SELECT body_id, status, (starts_at AT TIME ZONE 'Europe/Oslo')::date AS day
          FROM meeting WHERE unit_id = $1 AND status <> 'cancelled') m
 WHERE day >= make_date($2, 1, 1) AND day < make_date($2 + 1, 1, 1)
 ORDER BY day, body_id
"""


class PgMeetingDates:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def of_year(self, year: int) -> Sequence[MeetingDate]:
        rows = await self.read.rows(OF_YEAR, self.unit_id, year)
        return [MeetingDate(body_id=r["body_id"], on=r["day"], held=r["held"]) for r in rows]
