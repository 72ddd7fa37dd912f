"""Knowledge PostgreSQL room: import jobs (versioned updates: two commits of one preview cannot both
queue), their kept row errors, saved column mappings, and the sweeper's cross-unit queue (migration
0014's SECURITY DEFINER functions: ids of stale running jobs and of queued ones, nothing else)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

import asyncpg  # type: ignore[import-untyped]

from adapters.postgres.knowledge import mapping as m
from adapters.postgres.knowledge.base import Repo
from adapters.postgres.organisation.sql import Listing, Reader, keyset
from adapters.postgres.transaction import request_connections
from domain.knowledge.limits import ROW_ERRORS_KEPT
from domain.knowledge.model import (
    ColumnMapping,
    ImportJob,
    ImportKind,
    JobProgress,
    RowError,
)
from domain.shared.errors import NotFound, StaleVersion
from domain.shared.pagination import Page, PageRequest

_N = len(m.JOB_COLUMNS.split(","))
_PARAMS = ", ".join(f"${i}" for i in range(1, _N + 1))
INSERT = f"INSERT INTO knowledge_import_jobs ({m.JOB_COLUMNS}) VALUES ({_PARAMS})"  # noqa: S608
_SETS = ", ".join(f"{c.strip()} = ${i}" for i, c in enumerate(m.JOB_COLUMNS.split(","), 1) if i > 2)
UPDATE = (
    f"UPDATE knowledge_import_jobs SET {_SETS} WHERE unit_id = $2 AND id = $1"  # noqa: S608
    f" AND version = ${_N + 1} RETURNING 1"
)
SELECT = f"SELECT {m.JOB_COLUMNS} FROM knowledge_import_jobs"  # noqa: S608
# Newest first: the sort key counts down from a far-future epoch (text keyset, ascending).
_NEWEST = (
    "lpad((9999999999999999 - (extract(epoch FROM created_at) * 1000000)::bigint)::text, 16, '0')"
)
LISTING = Listing(columns=m.JOB_COLUMNS, source="knowledge_import_jobs", sort=_NEWEST, id="id")
ERROR_LISTING = Listing(
    columns="row_no, column_name, value, code, message",
    source="knowledge_import_errors",
    sort="lpad(position::text, 8, '0')",
    id="('00000000-0000-0000-0000-' || lpad(position::text, 12, '0'))::uuid",
)


class PgImportJobRepository(Repo):
    async def add(self, job: ImportJob) -> None:
        await self.db.value(INSERT, *m.job_values(job))

    async def get(self, job_id: UUID) -> ImportJob:
        row = await self.db.row(f"{SELECT} WHERE unit_id = $1 AND id = $2", self.unit_id, job_id)
        if row is None:
            raise NotFound(f"No import with id {job_id}.")
        return m.job(row)

    async def update(self, job: ImportJob, expected_version: int) -> None:
        if await self.db.value(UPDATE, *m.job_values(job), expected_version) is None:
            await self.get(job.id)
            raise StaleVersion()

    async def list(self, page: PageRequest) -> Page[ImportJob]:
        return await keyset(self.db, LISTING, [("unit_id = {}", self.unit_id)], page, m.job)

    async def latest_committed(self, kind: ImportKind) -> ImportJob | None:
        sql = (
            f"{SELECT} WHERE unit_id = $1 AND kind = $2 AND status = 'committed'"
            " ORDER BY finished_at DESC NULLS LAST, created_at DESC, id DESC LIMIT 1"
        )
        row = await self.db.row(sql, self.unit_id, kind.value)
        return None if row is None else m.job(row)

    async def heartbeat(self, job_id: UUID, progress: JobProgress, at: datetime) -> None:
        sql = (
            "UPDATE knowledge_import_jobs SET rows_read = $3, bytes_read = $4, bytes_total = $5,"
            " heartbeat_at = $6 WHERE unit_id = $1 AND id = $2"
        )
        p = progress
        await self.db.value(sql, self.unit_id, job_id, p.rows_read, p.bytes_read, p.bytes_total, at)

    async def put_errors(self, job_id: UUID, errors: Sequence[RowError]) -> None:
        await self.get(job_id)
        await self.db.value(
            "DELETE FROM knowledge_import_errors WHERE unit_id = $1 AND job_id = $2",
            self.unit_id, job_id,
        )  # fmt: skip
        kept = list(errors)[:ROW_ERRORS_KEPT]
        if not kept:
            return
        sql = (
            "INSERT INTO knowledge_import_errors (unit_id, job_id, position, row_no, column_name,"
            " value, code, message) SELECT $1, $2, n, r, c, v, k, msg FROM unnest($3::int[],"
            " $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(n, r, c, v, k, msg)"
        )
        await self.db.value(
            sql, self.unit_id, job_id, list(range(1, len(kept) + 1)), [e.row for e in kept],
            [e.column for e in kept], [e.value for e in kept], [e.code for e in kept],
            [e.message for e in kept],
        )  # fmt: skip

    async def errors(self, job_id: UUID, page: PageRequest) -> Page[RowError]:
        await self.get(job_id)
        conditions = [("unit_id = {}", self.unit_id), ("job_id = {}", job_id)]
        return await keyset(self.db, ERROR_LISTING, conditions, page, m.row_error)

    async def all_errors(self, job_id: UUID) -> Sequence[RowError]:
        await self.get(job_id)
        sql = (
            "SELECT row_no, column_name, value, code, message FROM knowledge_import_errors"
            " WHERE unit_id = $1 AND job_id = $2 ORDER BY position"
        )
        return [m.row_error(r) for r in await self.db.rows(sql, self.unit_id, job_id)]


class PgMappingRepository(Repo):
    _COLS = "kind, source_name, mapping, version FROM knowledge_import_mappings"

    async def list(self, kind: ImportKind) -> Sequence[ColumnMapping]:
        sql = f"SELECT {self._COLS} WHERE unit_id = $1 AND kind = $2 ORDER BY source_name"
        rows = await self.db.rows(sql, self.unit_id, kind.value)
        return [m.column_mapping(r, self.unit_id) for r in rows]

    async def get(self, kind: ImportKind, source_name: str) -> ColumnMapping | None:
        sql = f"SELECT {self._COLS} WHERE unit_id = $1 AND kind = $2 AND source_name = $3"
        row = await self.db.row(sql, self.unit_id, kind.value, source_name)
        return None if row is None else m.column_mapping(row, self.unit_id)

    async def save(self, mapping: ColumnMapping, expected_version: int | None) -> None:
        args = (self.unit_id, mapping.kind.value, mapping.source_name)
        body = json.dumps(dict(mapping.mapping))
        if expected_version is None:
            sql = (
                "INSERT INTO knowledge_import_mappings (unit_id, kind, source_name, mapping,"
                " version) VALUES ($1, $2, $3, $4::jsonb, $5)"
            )
            try:
                await self.db.value(sql, *args, body, mapping.version)
            except asyncpg.UniqueViolationError:
                raise StaleVersion("A mapping of that name was saved in the meantime.") from None
            return
        sql = (
            "UPDATE knowledge_import_mappings SET mapping = $4::jsonb, version = $5,"
            " updated_at = now() WHERE unit_id = $1 AND kind = $2 AND source_name = $3"
            " AND version = $6 RETURNING 1"
        )
        if await self.db.value(sql, *args, body, mapping.version, expected_version) is None:
            raise StaleVersion()


class PgImportJobQueue:
    """Across units, outside any request: one short statement each on a fresh connection."""

    def __init__(self, engine: object) -> None:
        self._connections = request_connections(engine)  # type: ignore[arg-type]

    async def _pairs(self, sql: str, *args: object) -> list[tuple[UUID, UUID]]:
        async with self._connections.connect() as conn:
            rows = await Reader(conn).rows(sql, *args)
        return [(r["unit_id"], r["job_id"]) for r in rows]

    async def stale(self, heartbeat_before: datetime) -> Sequence[tuple[UUID, UUID]]:
        return await self._pairs("SELECT * FROM samordna_import_stale($1)", heartbeat_before)

    async def queued(self) -> Sequence[tuple[UUID, UUID]]:
        return await self._pairs("SELECT * FROM samordna_import_queued()")

    async def holding(self, finished_before: datetime) -> Sequence[tuple[UUID, UUID]]:
        return await self._pairs("SELECT * FROM samordna_import_holding($1)", finished_before)

    async def held(self, refs: Sequence[str]) -> set[str]:
        async with self._connections.connect() as conn:
            rows = await Reader(conn).rows(
                "SELECT ref FROM samordna_import_files_held($1::text[]) AS ref", list(refs)
            )
        return {r["ref"] for r in rows}
