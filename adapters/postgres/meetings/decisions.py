"""Meetings room: decisions on PostgreSQL, and their gapless numbers per body and year.

The counter row of (unit, body, year) is taken with ``INSERT … ON CONFLICT DO UPDATE …
RETURNING`` in the approving transaction: the row stays locked until that transaction ends, so
parallel approvals queue on it, and a rollback gives the number back. ``uq_decision_number``
guarantees uniqueness a second time."""

from __future__ import annotations

from typing import Any

from adapters.postgres.meetings import mapping
from adapters.postgres.meetings.base import MeetingsRepository
from adapters.postgres.meetings.tables import DECISION
from adapters.postgres.organisation.base import Statements
from domain.meetings.decision import Decision

NEXT = """
INSERT INTO decision_counter AS c (unit_id, body_id, year, last) VALUES ($1, $2, $3, 1)
ON CONFLICT (unit_id, body_id, year) DO UPDATE SET last = c.last + 1
RETURNING c.last
"""


class PgDecisionRepository(MeetingsRepository[Decision]):
    writes = Statements(DECISION)
    name = "decision"
    columns = mapping.DECISION_COLUMNS
    noun = "decision"
    order = "decision.ordinal, decision.id"
    to_domain = staticmethod(mapping.decision)

    @staticmethod
    def values(item: Any) -> dict[str, Any]:
        return mapping.decision_values(item)

    async def next_decision_number(self, body_id: Any, year: int) -> int:
        number: int = await self.read.value(NEXT, self.unit_id, body_id, year)
        return number
