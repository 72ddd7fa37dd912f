"""Measures room: a unit's measures with their organisations on PostgreSQL — reads on asyncpg
(keyset pages by title, the board's whole list, the portfolio as one GROUP BY), writes as Core
statements so a violated constraint becomes the domain's error. ``update`` and ``delete`` name
the version they read: ``UPDATE … WHERE version = $expected`` lets one of two writers win."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.measures import mapping
from adapters.postgres.measures.constraints import domain_error
from adapters.postgres.measures.tables import MEASURE, MEASURE_ORGANISATION
from adapters.postgres.organisation.base import STALE, Statements
from adapters.postgres.organisation.sql import Listing, Reader, keyset, like, search
from domain.measures.filters import MeasureFilter, PortfolioCell
from domain.measures.measure import Measure, Tier
from domain.measures.stage import Stage
from domain.shared.errors import NotFound, StaleVersion
from domain.shared.pagination import Page, PageRequest

SORT = "lower(measure.title)"
LISTING = Listing(columns=mapping.COLUMNS, source="measure", sort=SORT, id="measure.id")
_BASE = f"SELECT {mapping.COLUMNS} FROM measure WHERE measure.unit_id = $1"  # noqa: S608
GET = f"{_BASE} AND measure.id = $2"
GET_MANY = f"{_BASE} AND measure.id = ANY($2::uuid[])"
# Decided or under way, and nobody owns it ("needs attention").
OWNERLESS = (
    "({}::boolean AND measure.owner_person_id IS NULL"
    " AND measure.stage IN ('decided','active','evaluated','continued'))"
)
PORTFOLIO = """
SELECT fa.id AS focus_area_id, m.tier, m.stage, count(*) AS n,
       coalesce(sum(m.budget_nok), 0)::bigint AS budget
  FROM measure m LEFT JOIN LATERAL unnest(m.focus_area_ids) AS fa(id) ON true
 WHERE m.unit_id = $1
 GROUP BY fa.id, m.tier, m.stage
 ORDER BY fa.id NULLS LAST, m.tier, m.stage
"""
WRITES = Statements(MEASURE)
DROP_ORGANISATIONS = sa.delete(MEASURE_ORGANISATION).where(
    MEASURE_ORGANISATION.c.unit_id == sa.bindparam("w_unit"),
    MEASURE_ORGANISATION.c.measure_id == sa.bindparam("w_id"),
)


def conditions(unit_id: UUID, f: MeasureFilter) -> list[tuple[str, Any]]:
    where: list[tuple[str, Any]] = [("measure.unit_id = {}", unit_id)]
    if f.stages:
        where.append(("measure.stage = ANY({}::text[])", sorted(s.value for s in f.stages)))
    if f.tier is not None:
        where.append(("measure.tier = {}", f.tier.value))
    if f.focus_area_id is not None:
        where.append(("measure.focus_area_ids @> ARRAY[{}::uuid]", f.focus_area_id))
    if f.goal_id is not None:
        where.append(("measure.goal_ids @> ARRAY[{}::uuid]", f.goal_id))
    if f.owner_id is not None:
        where.append(("measure.owner_person_id = {}", f.owner_id))
    if f.without_owner:
        where.append((OWNERLESS, True))
    if f.q:
        where.append((search("measure.title"), like(f.q)))
    return where


class PgMeasureRepository:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.conn = conn
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def _write(self, statement: Any, params: Any, *, deleting: bool = False) -> Any:
        try:
            return await self.conn.execute(statement, params)
        except IntegrityError as exc:
            raise domain_error(exc, deleting=deleting) from None

    async def get(self, id: UUID) -> Measure:
        row = await self.read.row(GET, self.unit_id, id)
        if row is None:
            raise NotFound(f"No measure with id {id}.")
        return mapping.measure(row)

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[Measure]:
        rows = await self.read.rows(GET_MANY, self.unit_id, list(ids))
        return [mapping.measure(r) for r in rows]

    async def list(self, f: MeasureFilter, page: PageRequest) -> Page[Measure]:
        return await keyset(self.read, LISTING, conditions(self.unit_id, f), page, mapping.measure)

    async def all(self, f: MeasureFilter) -> Sequence[Measure]:
        where = conditions(self.unit_id, f)
        text = " AND ".join(c.replace("{}", f"${i}") for i, (c, _) in enumerate(where, 1))
        sql = f"SELECT {mapping.COLUMNS} FROM measure WHERE {text} ORDER BY {SORT}, measure.id"  # noqa: S608
        return [mapping.measure(r) for r in await self.read.rows(sql, *(a for _, a in where))]

    async def portfolio(self) -> Sequence[PortfolioCell]:
        return [
            PortfolioCell(
                focus_area_id=r["focus_area_id"],
                tier=Tier(r["tier"]),
                stage=Stage(r["stage"]),
                count=r["n"],
                budget_nok=r["budget"],
            )
            for r in await self.read.rows(PORTFOLIO, self.unit_id)
        ]

    async def _organisations(self, m: Measure) -> None:
        await self._write(DROP_ORGANISATIONS, {"w_unit": self.unit_id, "w_id": m.id})
        rows = [
            {
                "measure_id": m.id,
                "role": role,
                "organisation_id": o,
                "unit_id": self.unit_id,
                "position": i,
            }
            for role, ids in (
                ("responsible", m.responsible_organisation_ids),
                ("partner", m.partner_organisation_ids),
            )
            for i, o in enumerate(ids)
        ]
        if rows:
            await self._write(sa.insert(MEASURE_ORGANISATION), rows)

    async def add(self, item: Measure) -> None:
        values = mapping.measure_values(item)
        await self._write(WRITES.insert, {"id": item.id, "unit_id": self.unit_id, **values})
        await self._organisations(item)

    async def update(self, item: Measure, expected_version: int) -> None:
        values = mapping.measure_values(item)
        params = {f"v_{k}": v for k, v in values.items()}
        params.update(w_unit=self.unit_id, w_id=item.id, w_version=expected_version)
        result = await self._write(WRITES.update(tuple(values)), params)
        if result.rowcount == 0:
            await self.get(item.id)  # NotFound if gone
            raise StaleVersion(STALE)
        await self._organisations(item)

    async def delete(self, id: UUID, expected_version: int) -> None:
        """Organisations, history, notes and evaluations go with it (ON DELETE CASCADE)."""
        params = {"w_unit": self.unit_id, "w_id": id, "w_version": expected_version}
        result = await self._write(WRITES.delete, params, deleting=True)
        if result.rowcount == 0:
            await self.get(id)
            raise StaleVersion(STALE)
