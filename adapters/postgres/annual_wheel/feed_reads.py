"""Annual-wheel room: what a calendar feed carries, read on PostgreSQL — meetings from the
meetings context's table (SQL only, open columns only: never the link, the cancel reason or any
minutes text; only whether a link exists) and the wheel tasks a person owns, with the time each
row last changed (the feed's LAST-MODIFIED)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.annual_wheel import mapping
from adapters.postgres.organisation.sql import Reader
from domain.annual_wheel.feed_ports import FeedMeeting, StampedTask

MEETINGS = """
SELECT id, body_id, starts_at, ends_at, place, link IS NOT NULL AS digital,
       status = 'cancelled' AS cancelled, version, updated_at
  FROM meeting
 WHERE unit_id = $1 AND body_id = ANY($2::uuid[])
   AND starts_at >= ($3::date)::timestamp AT TIME ZONE 'Europe/Oslo'
 ORDER BY starts_at, id
 LIMIT $4
"""
TASKS = (
    f"SELECT {mapping.TASK_COLUMNS}, wheel_task.updated_at AS stamped_at"  # noqa: S608
    " FROM wheel_task WHERE wheel_task.unit_id = $1 AND wheel_task.owner_person_id = $2"
    " AND wheel_task.year >= $3 ORDER BY wheel_task.due, wheel_task.id LIMIT $4"
)


class PgFeedReads:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def meetings_of_bodies(
        self, body_ids: Sequence[UUID], since: date, limit: int
    ) -> Sequence[FeedMeeting]:
        if not body_ids:
            return []
        rows = await self.read.rows(MEETINGS, self.unit_id, list(body_ids), since, limit)
        return [
            FeedMeeting(
                id=r["id"],
                body_id=r["body_id"],
                starts_at=r["starts_at"],
                ends_at=r["ends_at"],
                place=r["place"],
                digital=r["digital"],
                cancelled=r["cancelled"],
                version=r["version"],
                updated_at=r["updated_at"],
            )
            for r in rows
        ]

    async def tasks_of_owner(
        self, person_id: UUID, since_year: int, limit: int
    ) -> Sequence[StampedTask]:
        rows = await self.read.rows(TASKS, self.unit_id, person_id, since_year, limit)
        return [StampedTask(task=mapping.task(r), updated_at=r["stamped_at"]) for r in rows]
