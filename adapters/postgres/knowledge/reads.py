"""Knowledge PostgreSQL room: the reads of the picture — areas and populations, observations by
filter (keyset by indicator, area, period start, cohort, gender) and the unit's measures that
target given factors (the measures context's table, read on the same connection)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from adapters.postgres.knowledge import mapping as m
from adapters.postgres.knowledge.base import Repo
from adapters.postgres.organisation.sql import Listing, keyset
from domain.knowledge.filters import ObservationFilter
from domain.knowledge.model import Area, AreaPopulation, Observation
from domain.knowledge.views import MeasureRef
from domain.shared.pagination import Page, PageRequest

_SORT = (
    "(indicator_code || '|' || area_code || '|' || period_start::text || '|' || cohort"
    " || '|' || gender) COLLATE \"C\""
)
_ID = f"md5({_SORT})::uuid"  # observations have no id: the key's digest stands in for the cursor
LISTING = Listing(
    columns=f"{m.OBSERVATION_COLUMNS}, {_ID} AS id",
    source="knowledge_observations",
    sort=_SORT,
    id=_ID,
)


class PgAreaRepository(Repo):
    async def list(self) -> Sequence[Area]:
        sql = f"SELECT {m.AREA_COLUMNS} FROM knowledge_areas WHERE unit_id = $1 ORDER BY code"  # noqa: S608
        return [m.area(r) for r in await self.db.rows(sql, self.unit_id)]

    async def populations(self) -> Sequence[AreaPopulation]:
        sql = (
            "SELECT area_code, year, age_band, residents FROM knowledge_area_populations"
            " WHERE unit_id = $1 ORDER BY area_code, year, age_band"
        )
        return [m.population(r) for r in await self.db.rows(sql, self.unit_id)]


def _conditions(unit_id: object, f: ObservationFilter) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = [("unit_id = {}", unit_id)]
    for column, values in (
        ("indicator_code", f.indicator_codes),
        ("area_code", f.area_codes),
        ("cohort", f.cohorts),
        ("gender", f.genders),
    ):
        if values:
            out.append((f"{column} = ANY({{}}::text[])", list(values)))
    if f.period_from is not None:
        out.append(("period_start >= {}::date", f.period_from.start))
    if f.period_to is not None:
        out.append(("period_end <= {}::date", f.period_to.end))
    return out


class PgObservationRepository(Repo):
    async def list(self, f: ObservationFilter, page: PageRequest) -> Page[Observation]:
        return await keyset(self.db, LISTING, _conditions(self.unit_id, f), page, m.observation)

    async def all(self, f: ObservationFilter, limit: int) -> Sequence[Observation]:
        conditions = _conditions(self.unit_id, f)
        where = " AND ".join(c.replace("{}", f"${i}") for i, (c, _) in enumerate(conditions, 1))
        sql = (
            f"SELECT {m.OBSERVATION_COLUMNS} FROM knowledge_observations WHERE {where}"  # noqa: S608
            " ORDER BY indicator_code, area_code, period_start, cohort, gender, period"
            f" LIMIT ${len(conditions) + 1}"
        )
        rows = await self.db.rows(sql, *(a for _, a in conditions), limit)
        return [m.observation(r) for r in rows]


class PgMeasureTargets(Repo):
    async def targeting(self, factors: Sequence[str]) -> Sequence[MeasureRef]:
        sql = (
            "SELECT id, title, stage, risk_factors || protective_factors AS factors FROM measure"
            " WHERE unit_id = $1 AND (risk_factors && $2::text[] OR protective_factors && $2::text[])"
            " ORDER BY title, id"
        )
        rows = await self.db.rows(sql, self.unit_id, list(factors))
        return [
            MeasureRef(id=r["id"], title=r["title"], stage=r["stage"], factors=tuple(r["factors"]))
            for r in rows
        ]
