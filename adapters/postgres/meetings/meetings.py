"""Meetings room: a unit's meetings on PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from adapters.postgres.meetings import mapping
from adapters.postgres.meetings.base import MeetingsRepository
from adapters.postgres.meetings.tables import MEETING
from adapters.postgres.organisation.base import Statements
from domain.meetings.meeting import Meeting

OF_BODY = (
    f"SELECT {mapping.MEETING_COLUMNS} FROM meeting"  # noqa: S608 - constants only
    " WHERE meeting.unit_id = $1 AND meeting.body_id = $2 ORDER BY meeting.starts_at, meeting.id"
)


class PgMeetingRepository(MeetingsRepository[Meeting]):
    writes = Statements(MEETING)
    name = "meeting"
    columns = mapping.MEETING_COLUMNS
    noun = "meeting"
    to_domain = staticmethod(mapping.meeting)

    async def of_body(self, body_id: UUID) -> Sequence[Meeting]:
        return [mapping.meeting(r) for r in await self.read.rows(OF_BODY, self.unit_id, body_id)]
