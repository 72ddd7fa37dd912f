"""Knowledge PostgreSQL room: indicator definitions (UNIQUE code per unit → ``indicator-code-taken``;
observations refer to them by code, ON UPDATE CASCADE, so a renamed code carries its data)."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg  # type: ignore[import-untyped]

from adapters.postgres.knowledge import mapping as m
from adapters.postgres.knowledge.base import Repo
from adapters.postgres.organisation.sql import Listing, keyset, like
from domain.knowledge.errors import IndicatorCodeTaken, IndicatorInUse
from domain.knowledge.filters import IndicatorFilter
from domain.knowledge.model import Indicator
from domain.shared.errors import NotFound, StaleVersion
from domain.shared.pagination import Page, PageRequest

SELECT = f"SELECT {m.INDICATOR_COLUMNS} FROM knowledge_indicators"  # noqa: S608
LISTING = Listing(columns=m.INDICATOR_COLUMNS, source="knowledge_indicators", sort="code", id="id")
INSERT = (
    "INSERT INTO knowledge_indicators (id, unit_id, code, name, source, category, measure_unit,"
    " factors, description, higher_is_better, version) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)"
)
UPDATE = (
    "UPDATE knowledge_indicators SET code=$3, name=$4, source=$5, category=$6, measure_unit=$7,"
    " factors=$8, description=$9, higher_is_better=$10, version=$11, updated_at=now()"
    " WHERE id=$1 AND unit_id=$2 AND version=$12 RETURNING 1"  # _values: id, unit_id, …
)
CODE_TAKEN = "uq_knowledge_indicators_code"


def _values(i: Indicator) -> tuple[object, ...]:
    return (
        i.id, i.unit_id, i.code, i.name, i.source, i.category, i.measure_unit, list(i.factors),
        i.description, i.higher_is_better, i.version,
    )  # fmt: skip


class PgIndicatorRepository(Repo):
    async def get(self, id: UUID) -> Indicator:
        row = await self.db.row(f"{SELECT} WHERE unit_id = $1 AND id = $2", self.unit_id, id)
        if row is None:
            raise NotFound(f"No indicator with id {id}.")
        return m.indicator(row)

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[Indicator]:
        sql = f"{SELECT} WHERE unit_id = $1 AND id = ANY($2::uuid[]) ORDER BY code"
        return [m.indicator(r) for r in await self.db.rows(sql, self.unit_id, list(ids))]

    async def add(self, item: Indicator) -> None:
        try:
            await self.db.value(INSERT, *_values(item))
        except asyncpg.UniqueViolationError as e:
            if e.constraint_name == CODE_TAKEN:
                raise IndicatorCodeTaken() from None
            raise StaleVersion("The record was created in the meantime.") from None

    async def update(self, item: Indicator, expected_version: int) -> None:
        try:
            done = await self.db.value(UPDATE, *_values(item), expected_version)
        except asyncpg.UniqueViolationError:
            raise IndicatorCodeTaken() from None
        if done is None:
            await self.get(item.id)  # NotFound first
            raise StaleVersion()

    async def delete(self, id: UUID, expected_version: int) -> None:
        sql = (
            "DELETE FROM knowledge_indicators WHERE unit_id=$1 AND id=$2 AND version=$3 RETURNING 1"
        )
        try:
            done = await self.db.value(sql, self.unit_id, id, expected_version)
        except asyncpg.ForeignKeyViolationError:
            raise IndicatorInUse() from None
        if done is None:
            await self.get(id)
            raise StaleVersion()

    async def list(self, f: IndicatorFilter, page: PageRequest) -> Page[Indicator]:
        conditions: list[tuple[str, object]] = [("unit_id = {}", self.unit_id)]
        if f.category is not None:
            conditions.append(("category = {}", f.category))
        if f.source is not None:
            conditions.append(("source = {}", f.source))
        if f.factor is not None:
            conditions.append(("{}::text = ANY(factors)", f.factor))
        if f.search:
            conditions.append(("(code || ' ' || name) ILIKE {}", like(f.search)))
        return await keyset(self.db, LISTING, conditions, page, m.indicator)

    async def by_codes(self, codes: Sequence[str]) -> Sequence[Indicator]:
        if not codes:
            sql = f"{SELECT} WHERE unit_id = $1 ORDER BY code"
            return [m.indicator(r) for r in await self.db.rows(sql, self.unit_id)]
        sql = f"{SELECT} WHERE unit_id = $1 AND code = ANY($2::text[]) ORDER BY code"
        return [m.indicator(r) for r in await self.db.rows(sql, self.unit_id, list(codes))]

    async def in_use(self, indicator_id: UUID) -> bool:
        sql = (
            "SELECT EXISTS (SELECT FROM knowledge_observations o JOIN knowledge_indicators i"
            " ON i.unit_id = o.unit_id AND i.code = o.indicator_code"
            " WHERE i.unit_id = $1 AND i.id = $2)"
        )
        return bool(await self.db.value(sql, self.unit_id, indicator_id))
