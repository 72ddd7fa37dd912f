"""Trends PostgreSQL room: TREND-A counting — one set-based query per period for the tables
that count the same categories (``GROUPING SETS``: the three offence tables in one pass).

Each child (``subject_key``) of the period counts once: its events of the table's categories are
grouped by child in one hash aggregate whose ``min`` over a packed ``bigint`` picks, at once, the
primary category (the best priority), the earliest day of an event of that category and that
event's area and age band (ties on one day: the smallest area code, then the first age band). The
cells are then counted per grouping set, the municipality read from the area. No sort, and the
events are read once for all the tables: the cost stays near a plain ``GROUP BY`` over the same
events (``bench/trends.py``).

Bits of the key: priority << 40 | day of the period << 24 | area index << 8 | age band index.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from uuid import UUID

from adapters.postgres.organisation.sql import Reader
from domain.knowledge.periods import Period
from domain.knowledge.vocab import AGE_BANDS, EVENT_CATEGORIES
from domain.trends.model import CellCount, Populations
from domain.trends.specs import (
    AGE_BAND,
    ALL_AGES,
    AREA,
    CATEGORY,
    MUNICIPALITY,
    TABLES,
    TableSpec,
)

DIMENSIONS = (MUNICIPALITY, CATEGORY, AGE_BAND, AREA)
_SELECT = {
    MUNICIPALITY: "a.municipality_number::text",
    CATEGORY: "($4::text[])[k >> 40]",
    AGE_BAND: "($5::text[])[k & 255]",
    AREA: "a.code::text",
}


@lru_cache(maxsize=32)
def count_sql(sets: tuple[tuple[str, ...], ...]) -> str:
    """The query for the tables of ``sets`` (their dimensions) over the same categories; one
    row per cell with ``g``, the ``GROUPING`` mask saying whose. Arguments: unit, start, end
    (exclusive), categories in priority order, age bands."""
    if not sets or any(not dims or any(d not in _SELECT for d in dims) for dims in sets):
        raise ValueError(f"unknown dimensions {sets!r}")
    used = used_dimensions(sets)
    cells = ", ".join(f"{_SELECT[d]} AS {d}" for d in used)
    grouping = ", ".join("(" + ", ".join(_SELECT[d] for d in dims) + ")" for dims in sets)
    mask = ", ".join(_SELECT[d] for d in used)
    return f"""
WITH areas AS (
  SELECT coalesce(array_agg(code::text ORDER BY code), '{{}}') AS codes
    FROM knowledge_areas WHERE unit_id = $1),
child AS (
  SELECT min((array_position($4::text[], e.category::text)::bigint << 40)
             | ((e.occurred_on - $2::date)::bigint << 24)
             | (coalesce(array_position(areas.codes, e.area_code::text), 0)::bigint << 8)
             | coalesce(array_position($5::text[], e.age_band::text), 0)) AS k
    FROM knowledge_event_records e CROSS JOIN areas
   WHERE e.unit_id = $1 AND e.occurred_on >= $2 AND e.occurred_on < $3
     AND e.category = ANY ($4::text[])
   GROUP BY e.subject_key)
SELECT {cells}, GROUPING({mask}) AS g, count(*)::int AS n
  FROM child CROSS JOIN areas
  JOIN knowledge_areas a ON a.unit_id = $1 AND a.code = areas.codes[(k >> 8) & 65535]
 GROUP BY GROUPING SETS ({grouping})"""  # noqa: S608 - dimension names from a fixed table only


def used_dimensions(sets: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    return tuple(d for d in DIMENSIONS if any(d in dims for dims in sets))


def grouping_mask(used: Sequence[str], dims: Sequence[str]) -> int:
    """``GROUPING(<used dimensions>)`` of the set ``dims``: a bit for each dimension NOT
    grouped, the first the highest."""
    return sum(1 << (len(used) - 1 - i) for i, d in enumerate(used) if d not in dims)


def by_priority(categories: Sequence[str]) -> list[str]:
    """The table's categories, the best priority first (index 1 in SQL)."""
    return sorted(categories, key=lambda c: EVENT_CATEGORIES[c].priority)


_VINTAGE = """
SELECT coalesce(max(p.year) FILTER (WHERE p.year <= $2), min(p.year))
  FROM knowledge_area_populations p WHERE p.unit_id = $1"""

_POPULATIONS = """
SELECT a.code::text AS area, a.municipality_number::text AS municipality, a.kind::text AS kind,
       p.age_band::text AS band, p.residents::bigint AS residents
  FROM knowledge_area_populations p
  JOIN knowledge_areas a ON a.unit_id = p.unit_id AND a.code = p.area_code
 WHERE p.unit_id = $1 AND p.year = $2"""

_DISTRICTS = """
SELECT code::text AS code, municipality_number::text AS municipality FROM knowledge_areas
 WHERE unit_id = $1 AND kind = 'district' ORDER BY code"""


class PgTrendCounts:
    """``TrendCounts`` on the unit of work's connection (row-level security holds)."""

    def __init__(self, reader: Reader, unit_id: UUID) -> None:
        self._reader = reader
        self._unit = unit_id
        self._done: dict[
            tuple[UUID, tuple[str, ...], Period], dict[tuple[str, ...], list[CellCount]]
        ] = {}

    async def counts(self, unit_id: UUID, spec: TableSpec, period: Period) -> list[CellCount]:
        """Distinct children per cell of the spec's dimensions among the period's events. The
        tables over the same categories (the three offence tables) are counted in the same
        query, once per unit of work (a release asks for each in turn)."""
        key = (unit_id, spec.categories, period)
        if key not in self._done:
            self._done[key] = await self._count(unit_id, spec, period)
        return self._done[key].get(spec.dimensions, [])

    async def _count(
        self, unit_id: UUID, spec: TableSpec, period: Period
    ) -> dict[tuple[str, ...], list[CellCount]]:
        sets = tuple(sorted({t.dimensions for t in TABLES if t.categories == spec.categories}
                            | {spec.dimensions}))  # fmt: skip
        rows = await self._reader.rows(
            count_sql(sets), unit_id, period.start, period.end,
            by_priority(spec.categories), list(AGE_BANDS),
        )  # fmt: skip
        used = used_dimensions(sets)
        masks = {grouping_mask(used, dims): dims for dims in sets}
        out: dict[tuple[str, ...], list[CellCount]] = {dims: [] for dims in sets}
        for row in rows:
            dims = masks[row["g"]]
            out[dims].append(CellCount(tuple(row[d] for d in dims), row["n"]))
        for cells in out.values():
            cells.sort(key=lambda c: c.dims)
        return out

    async def populations(self, unit_id: UUID, period: Period) -> Populations:
        """The vintage (the latest year ≤ the period's with figures, else the oldest), residents per (area or
        municipality, age band or ``10-24``) and the districts' municipalities."""
        districts = {
            r["code"]: r["municipality"] for r in await self._reader.rows(_DISTRICTS, unit_id)
        }
        vintage = await self._reader.value(_VINTAGE, unit_id, period.year)
        if vintage is None:
            return Populations(vintage=None, areas=districts)
        rows = await self._reader.rows(_POPULATIONS, unit_id, vintage)
        residents = fold(
            (r["area"], r["municipality"], r["kind"], r["band"], r["residents"]) for r in rows
        )
        return Populations(vintage=vintage, residents=residents, areas=districts)


def fold(rows: Iterable[tuple[str, str, str, str, int]]) -> dict[tuple[str, str], int]:
    """Residents per (area, band) with each area's 10-24 sum, and per (municipality, band): the
    figure of its area of kind ``municipality`` when it has one, else the sum of its districts."""
    out: dict[tuple[str, str], int] = {}
    whole: dict[str, dict[str, int]] = {}
    parts: dict[str, dict[str, int]] = {}
    for area, municipality, kind, band, residents in rows:
        target = (whole if kind == "municipality" else parts).setdefault(municipality, {})
        for b in (band, ALL_AGES):
            out[(area, b)] = out.get((area, b), 0) + residents
            target[b] = target.get(b, 0) + residents
    for municipality in {*whole, *parts}:
        for band, n in (whole.get(municipality) or parts[municipality]).items():
            out.setdefault((municipality, band), n)
    return out
