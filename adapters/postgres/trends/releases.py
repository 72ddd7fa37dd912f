"""Trends PostgreSQL room: the release store — frozen tables added once (UNIQUE unit, table,
period, revision: the second of two concurrent releases is ``ReleaseConflict``), read back as the
bytes first stored. A police system's reads go through ``samordna_trend_release`` (migration
0015), which answers only for units of its district that registered it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

import asyncpg  # type: ignore[import-untyped]

from adapters.postgres.organisation.sql import Reader
from adapters.postgres.trends import mapping
from domain.knowledge.periods import Period
from domain.trends.errors import ReleaseConflict
from domain.trends.model import Release, TableRelease, UnitRef
from domain.trends.rules import RULE_SET
from domain.trends.specs import TABLES_VERSION

COLUMNS = (
    "unit_id, table_code, period, revision, rule_set, tables_version, dimensions, cells::text,"
    " totals::text, population_vintage, body_json, body_csv, sha256, csv_sha256, cells_released,"
    " released_at, released_by_name, audit::text, change_log::text"
)
INSERT = (
    f"INSERT INTO trend_release ({COLUMNS.replace('::text', '')}) VALUES ($1, $2, $3, $4, $5,"  # noqa: S608
    " $6, $7, $8::jsonb, $9::jsonb, $10, $11, $12, $13, $14, $15, $16, $17, $18::jsonb, $19::jsonb)"
)
_ONE = (
    f"SELECT {COLUMNS} FROM trend_release WHERE unit_id = $1 AND table_code = $2"  # noqa: S608
    " AND period = $3 AND ($4::int IS NULL OR revision = $4) ORDER BY revision DESC LIMIT 1"
)
_MACHINE = f"SELECT {COLUMNS} FROM samordna_trend_release($5, $1, $2, $3, $4)"  # noqa: S608
_REVISION = (
    "SELECT coalesce(max(revision), 0) FROM trend_release WHERE unit_id = $1 AND period = $2"
)
_ALL = f"SELECT {COLUMNS} FROM trend_release WHERE unit_id = $1"  # noqa: S608
_UNIT = (
    "SELECT u.id, u.name::text AS name, u.police_district::text AS police_district,"
    " ARRAY(SELECT m.municipality_number::text FROM slt_unit_municipality m"
    " WHERE m.unit_id = u.id ORDER BY m.position) AS municipalities"
    " FROM slt_unit u WHERE u.id = $1"
)
_PERIODS = "SELECT DISTINCT period FROM trend_release WHERE unit_id = $1"
_MACHINE_PERIODS = "SELECT DISTINCT period FROM samordna_trend_periods($2) WHERE unit_id = $1"


@dataclass
class Caller:
    """Who the unit of work serves: ``consumer`` is a police system's organisation once the
    district resolver has seen it (its reads then go through the definer functions)."""

    unit_id: UUID
    consumer: str | None = None


class PgReleaseStore:
    def __init__(self, reader: Reader, caller: Caller) -> None:
        self._read = reader
        self._caller = caller

    async def add(self, release: Release) -> None:
        unit = release.unit.id
        for t in release.tables:
            args = mapping.table_args(unit, release, t, RULE_SET, TABLES_VERSION)
            try:
                await self._read.value(INSERT, *args)
            except asyncpg.UniqueViolationError:
                raise ReleaseConflict(
                    f"Period {release.period} revision {release.revision} was released already."
                ) from None

    async def _one(
        self, unit_id: UUID, table: str, period: Period, revision: int | None
    ) -> TableRelease | None:
        consumer = self._caller.consumer
        if consumer is not None:
            row = await self._read.row(_MACHINE, unit_id, table, str(period), revision, consumer)
        elif unit_id != self._caller.unit_id:
            return None  # a person reads their own unit only
        else:
            row = await self._read.row(_ONE, unit_id, table, str(period), revision)
        return None if row is None else mapping.table_release(row)

    async def latest(self, unit_id: UUID, table: str, period: Period) -> TableRelease | None:
        return await self._one(unit_id, table, period, None)

    async def get(
        self, unit_id: UUID, table: str, period: Period, revision: int
    ) -> TableRelease | None:
        return await self._one(unit_id, table, period, revision)

    async def revision(self, unit_id: UUID, period: Period) -> int:
        return int(await self._read.value(_REVISION, unit_id, str(period)))

    async def releases(self, unit_id: UUID) -> Sequence[Release]:
        """Newest period first, then newest revision first (the unit's own, under RLS)."""
        if self._caller.consumer is not None:
            return []
        rows = await self._read.rows(_ALL, unit_id)
        groups: dict[tuple[str, int], list[object]] = {}
        for row in rows:
            groups.setdefault((row["period"], row["revision"]), []).append(row)
        if not groups:
            return []
        u = await self._read.row(_UNIT, unit_id)
        ref = UnitRef(
            id=unit_id,
            name=u["name"] if u else "",
            police_district=u["police_district"] if u else None,
            municipalities=tuple(u["municipalities"]) if u else (),
        )
        out = [mapping.release(ref, group) for group in groups.values()]
        return sorted(out, key=lambda r: (r.period.sort_key(), r.revision), reverse=True)

    async def periods(self, unit_id: UUID) -> Sequence[Period]:
        consumer = self._caller.consumer
        if consumer is not None:
            rows = await self._read.rows(_MACHINE_PERIODS, unit_id, consumer)
        else:
            rows = await self._read.rows(_PERIODS, unit_id)
        return sorted((Period.parse(r["period"]) for r in rows), key=Period.sort_key, reverse=True)
