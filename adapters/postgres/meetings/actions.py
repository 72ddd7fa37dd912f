"""Meetings room: action items on PostgreSQL, per meeting and per owner ("my action items")."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from adapters.postgres.meetings import mapping
from adapters.postgres.meetings.base import MeetingsRepository
from adapters.postgres.meetings.tables import ACTION_ITEM
from adapters.postgres.organisation.base import Statements
from domain.meetings.action_item import ActionItem

# By due date, undated last, then id (uuid order is its text order): the fake's order (``tests/fakes/meetings.py``).
OF_OWNER = (
    f"SELECT {mapping.ACTION_COLUMNS} FROM action_item"  # noqa: S608 - constants only
    " WHERE action_item.unit_id = $1 AND action_item.owner_person_id = $2"
    " ORDER BY action_item.due NULLS LAST, action_item.id"
)


class PgActionItemRepository(MeetingsRepository[ActionItem]):
    writes = Statements(ACTION_ITEM)
    name = "action_item"
    columns = mapping.ACTION_COLUMNS
    noun = "action item"
    order = "action_item.created_at, action_item.id"
    to_domain = staticmethod(mapping.action_item)

    async def of_owner(self, person_id: UUID) -> Sequence[ActionItem]:
        rows = await self.read.rows(OF_OWNER, self.unit_id, person_id)
        return [mapping.action_item(r) for r in rows]
