"""Measures room: the decision register — a read-only SQL view of the meetings context's tables
(decision ⨝ meeting ⨝ body) within the unit. A decision is approved once it has a number: the
meetings context numbers decisions when their minutes are approved, never before."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.organisation.sql import Reader, Row
from domain.measures.stage import DecisionFacts
from domain.meetings.decision import DecisionNumber
from domain.shared.errors import NotFound

_SELECT = """
SELECT d.id, d.body_id, b.name AS body_name, b.level AS body_level, d.meeting_id,
       (m.starts_at AT TIME ZONE 'Europe/Oslo')::date AS meeting_date, d.text,
       d.number_body_code, d.number_sequence, d.number_year
  FROM decision d
  JOIN meeting m ON m.unit_id = d.unit_id AND m.id = d.meeting_id
  JOIN body b ON b.unit_id = d.unit_id AND b.id = d.body_id
 WHERE d.unit_id = $1"""
GET_MANY = f"{_SELECT} AND d.id = ANY($2::uuid[])"
LIST = (
    f"{_SELECT} AND d.number_sequence IS NOT NULL AND ($2::text IS NULL OR b.level = $2)"
    " ORDER BY m.starts_at DESC, d.number_year DESC, b.name, d.number_sequence DESC, d.id"
)


def facts(r: Row) -> DecisionFacts:
    label = None
    if r["number_sequence"] is not None:
        number = DecisionNumber(
            body_code=r["number_body_code"], sequence=r["number_sequence"], year=r["number_year"]
        )
        label = number.label
    return DecisionFacts(
        id=r["id"],
        label=label,
        body_id=r["body_id"],
        body_name=r["body_name"],
        body_level=r["body_level"],
        meeting_id=r["meeting_id"],
        meeting_date=r["meeting_date"],
        approved=label is not None,
        text=r["text"],
    )


class PgDecisionRegister:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def get(self, decision_id: UUID) -> DecisionFacts:
        found = await self.get_many([decision_id])
        if not found:
            raise NotFound(f"No decision with id {decision_id}.")
        return found[0]

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[DecisionFacts]:
        return [facts(r) for r in await self.read.rows(GET_MANY, self.unit_id, list(ids))]

    async def list(self, level: str | None) -> Sequence[DecisionFacts]:
        return [facts(r) for r in await self.read.rows(LIST, self.unit_id, level)]
