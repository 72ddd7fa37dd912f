"""Knowledge PostgreSQL room: the bulk import's fast path (``ImportPipeline``). ONE transaction on
a dedicated connection with the unit set for row-level security: the canonical CSV streams by
``COPY`` into a temporary staging table (``row_no`` identity + one text column per source
column), the generated set-based validation (``validation.py``) checks every cell at once, and —
only in commit mode without row errors — the row history, the upsert with provenance and the job
row set to ``committed`` commit together (``upsert.py``). A preview or a file with errors rolls
back: nothing is written. A process killed mid-way never commits either."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Mapping
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import connection as tx
from adapters.postgres.knowledge import kinds_sql
from adapters.postgres.knowledge import mapping as m
from adapters.postgres.knowledge import upsert as u
from adapters.postgres.knowledge import validation as v
from adapters.postgres.knowledge.undo import LOCK
from domain.knowledge import limits as lim
from domain.knowledge.errors import FileProblem, FileRejected
from domain.knowledge.kinds import KindSpec, Reference
from domain.knowledge.model import ImportJob, ImportMode, ImportOutcome, ImportResult, RowError
from domain.knowledge.ports import ImportSource, ProgressSink
from domain.knowledge.rows import MESSAGES

COMMITTED = (
    "UPDATE knowledge_import_jobs SET status = 'committed', result = $3::jsonb, rows_read = $4,"
    " bytes_read = bytes_total, finished_at = now(), heartbeat_at = now(),"
    " version = version + 1 WHERE unit_id = $1 AND id = $2 AND status = 'running' RETURNING 1"
)
KEEPALIVE_SECONDS = 15.0


_PARENTS = {Reference.INDICATOR: "knowledge_indicators", Reference.AREA: "knowledge_areas"}


def _parents(spec: KindSpec) -> list[str]:
    return [_PARENTS[c.references] for c in spec.columns if c.references in _PARENTS]


async def _upsert(
    db: Any, k: kinds_sql.KindSql, mapping: Mapping[str, str], job: ImportJob
) -> tuple[int, int]:
    """(inserted, updated). The editable records upsert with ``ON CONFLICT``; the bulk tables,
    written only under the lock taken above, by an update of the changed rows and an insert of
    the new ones (``upsert.update_sql``)."""
    if k.versioned:
        c = await db.fetchrow(u.upsert_sql(k, mapping), job.unit_id, job.id)
        return c["inserted"], c["updated"]
    update = u.update_sql(k, mapping)
    updated = _count(await db.execute(update, job.unit_id, job.id)) if update else 0
    inserted = _count(await db.execute(u.insert_sql(k, mapping), job.unit_id, job.id))
    return inserted, updated


def _count(status: str) -> int:
    """The row count of a command tag (``UPDATE 12``, ``INSERT 0 12``)."""
    return int(status.rsplit(" ", 1)[1])


class JobNotRunning(RuntimeError):
    """The job stopped being ``running`` (swept as interrupted) before its rows committed."""


class _Beat:
    """Progress as chunks pass (rows counted by line ends: an estimate until the staging table's
    count), and a heartbeat every ``KEEPALIVE_SECONDS`` while SQL runs, so the sweeper never takes
    a long validation or upsert for an interrupted job."""

    def __init__(self, source: ImportSource, progress: ProgressSink) -> None:
        self.source, self.progress, self.rows = source, progress, 0

    async def chunks(self) -> AsyncIterator[bytes]:
        async for chunk in self.source.chunks():
            self.rows += chunk.count(b"\n")
            yield chunk
            await self.progress(self.rows, self.source.bytes_read)

    async def keep_alive(self) -> None:
        while True:
            await asyncio.sleep(KEEPALIVE_SECONDS)
            with contextlib.suppress(Exception):
                await self.progress(self.rows, self.source.bytes_read)


class PgImportPipeline:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def run(
        self,
        job: ImportJob,
        spec: KindSpec,
        mapping: Mapping[str, str],
        source: ImportSource,
        progress: ProgressSink,
    ) -> ImportOutcome:
        conn = await self._engine.connect()
        try:
            await tx.begin(conn, job.unit_id)
            driver: Any = (await conn.get_raw_connection()).driver_connection
            beat = _Beat(source, progress)
            alive = asyncio.create_task(beat.keep_alive())
            try:
                return await self._run(driver, job, spec, mapping, beat)
            finally:
                alive.cancel()
                await asyncio.gather(alive, return_exceptions=True)
                if driver.is_in_transaction():
                    await driver.execute("ROLLBACK")
        finally:
            await conn.close()

    async def _run(
        self,
        db: Any,
        job: ImportJob,
        spec: KindSpec,
        mapping: Mapping[str, str],
        beat: _Beat,
    ) -> ImportOutcome:
        source, progress = beat.source, beat.progress
        columns = list(source.columns)
        staging = [f"c{i}" for i in range(1, len(columns) + 1)]
        await db.execute("SET LOCAL work_mem = '64MB'")
        await db.execute(
            "CREATE TEMP TABLE knowledge_staging (row_no bigint GENERATED ALWAYS AS IDENTITY, "
            + ", ".join(f"{c} text" for c in staging)
            + ") ON COMMIT DROP"
        )
        await db.copy_to_table(
            "knowledge_staging", source=beat.chunks(), columns=staging, format="csv"
        )
        for parent in _parents(spec):  # held to commit: none deleted or renamed meanwhile
            await db.execute(f"SELECT FROM {parent} WHERE unit_id = $1 FOR KEY SHARE", job.unit_id)
        src = v.sources(spec, mapping, columns)
        args = v.Args()
        await db.execute(v.create_checked_sql(spec))
        await db.execute(v.checked_sql(spec, src, args), job.unit_id, *args.values)
        await db.execute(v.duplicates_sql(spec))
        total = await db.fetchval("SELECT count(*) FROM knowledge_checked")
        if total == 0:
            raise FileRejected(FileProblem.EMPTY, "The file has no data rows.")
        await progress(total, source.bytes_read)
        count_sql, first_sql = v.errors_sql(spec, src)
        counts = await db.fetchrow(count_sql)
        rejected, error_count = counts["rows"], counts["errors"]
        errors = tuple(
            RowError(row=r["row_no"], column=r["col"], value=r["val"], code=r["code"],
                     message=MESSAGES[r["code"]])
            for r in (await db.fetch(first_sql) if error_count else ())
        )  # fmt: skip
        rows = await db.fetch(u.sample_sql(kinds_sql.of(spec), src, lim.SAMPLE_ROWS))
        sample = tuple(json.loads(r["row"]) for r in rows)
        k = kinds_sql.of(spec)
        valid = f"NOT ({v.any_error(spec)})".replace("k.", "s.")
        if job.mode is ImportMode.PREVIEW or error_count:
            c = await db.fetchrow(u.preview_sql(k, mapping, valid), job.unit_id)
            result = ImportResult(
                inserted=c["inserted"], updated=c["updated"], unchanged=c["unchanged"],
                rejected_rows=rejected, error_count=error_count,
            )  # fmt: skip
            return ImportOutcome(
                result=result, errors=errors, error_count=error_count, sample=sample,
                rows_read=total,
            )  # fmt: skip
        # One writer per (unit, kind) from here to commit: the row history of each import holds
        # the values the previous one left (stack discipline for rollback).
        await db.execute(LOCK, str(job.unit_id), spec.kind.value)
        history = u.history_sql(k, mapping)
        if history is not None:
            await db.execute(history, job.unit_id, job.id)
        inserted, updated = await _upsert(db, k, mapping, job)
        result = ImportResult(
            inserted=inserted, updated=updated, unchanged=total - inserted - updated
        )
        done = await db.fetchval(COMMITTED, job.unit_id, job.id, m.result_json(result), total)
        if done is None:
            raise JobNotRunning(str(job.id))
        await db.execute("COMMIT")
        return ImportOutcome(result=result, sample=sample, rows_read=total)
