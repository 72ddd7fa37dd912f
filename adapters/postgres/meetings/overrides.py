"""Meetings room: the free-text guard's override log on PostgreSQL (kinds and counts, never the
text), appended in the transaction of the save it allowed."""

from __future__ import annotations

from uuid import UUID, uuid4

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.meetings.tables import GUARD_OVERRIDE
from domain.meetings.guard import OverrideRecord

INSERT = sa.insert(GUARD_OVERRIDE)


class PgOverrideLog:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.conn = conn
        self.unit_id = unit_id

    async def record(self, entry: OverrideRecord) -> None:
        o = entry.override
        await self.conn.execute(
            INSERT,
            {
                "id": uuid4(),
                "unit_id": self.unit_id,
                "meeting_id": entry.meeting_id,
                "person_id": entry.person_id,
                "subject_key": entry.subject_key,
                "field": o.field,
                "reason": o.reason,
                "rule": o.rule,
                "counts": {kind.value: n for kind, n in o.counts},
                "at": entry.at,
            },
        )
