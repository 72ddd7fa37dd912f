"""Measures room: evaluations on PostgreSQL with their report's metadata joined, and the reports'
bytes (``bytea`` rows in the evaluation's own transaction, like agreements' documents: a refused
save leaves no orphan, row-level security covers them)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.measures import mapping
from adapters.postgres.measures.constraints import domain_error
from adapters.postgres.measures.record_tables import EVALUATION, EVALUATION_REPORT
from adapters.postgres.organisation.base import STALE, Statements
from adapters.postgres.organisation.sql import Reader
from domain.measures.evaluation import Evaluation
from domain.shared.errors import NotFound, StaleVersion

_BASE = f"SELECT {mapping.EVALUATION_COLUMNS} FROM {mapping.EVALUATION_SOURCE} WHERE e.unit_id = $1"  # noqa: S608
ORDER = " ORDER BY e.due_on NULLS LAST, e.id"
GET = f"{_BASE} AND e.id = $2"
GET_MANY = f"{_BASE} AND e.id = ANY($2::uuid[]){ORDER}"
OF_MEASURE = f"{_BASE} AND e.measure_id = $2{ORDER}"
OF_MEASURES = f"{_BASE} AND e.measure_id = ANY($2::uuid[]){ORDER}"
DUE = f"{_BASE} AND e.conclusion IS NULL AND e.due_on <= $2{ORDER}"
WRITES = Statements(EVALUATION)

CONTENT = "SELECT content FROM evaluation_report WHERE unit_id = $1 AND evaluation_id = $2"
_R = EVALUATION_REPORT.c
_PUT = insert(EVALUATION_REPORT)
PUT = _PUT.on_conflict_do_update(
    index_elements=[_R.evaluation_id],
    set_={
        n: _PUT.excluded[n]
        for n in ("filename", "media_type", "size_bytes", "sha256", "uploaded_at", "content")
    },
    where=_R.unit_id == _PUT.excluded.unit_id,
)
REMOVE = sa.delete(EVALUATION_REPORT).where(
    _R.unit_id == sa.bindparam("w_unit"), _R.evaluation_id == sa.bindparam("w_id")
)


class _Base:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.conn = conn
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def _write(self, statement: Any, params: Any, *, deleting: bool = False) -> Any:
        try:
            return await self.conn.execute(statement, params)
        except IntegrityError as exc:
            raise domain_error(exc, deleting=deleting) from None


class PgEvaluationRepository(_Base):
    async def get(self, id: UUID) -> Evaluation:
        row = await self.read.row(GET, self.unit_id, id)
        if row is None:
            raise NotFound(f"No evaluation with id {id}.")
        return mapping.evaluation(row)

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[Evaluation]:
        rows = await self.read.rows(GET_MANY, self.unit_id, list(ids))
        return [mapping.evaluation(r) for r in rows]

    async def of_measure(self, measure_id: UUID) -> Sequence[Evaluation]:
        rows = await self.read.rows(OF_MEASURE, self.unit_id, measure_id)
        return [mapping.evaluation(r) for r in rows]

    async def of_measures(self, measure_ids: Sequence[UUID]) -> Sequence[Evaluation]:
        rows = await self.read.rows(OF_MEASURES, self.unit_id, list(measure_ids))
        return [mapping.evaluation(r) for r in rows]

    async def due(self, until: date) -> Sequence[Evaluation]:
        return [mapping.evaluation(r) for r in await self.read.rows(DUE, self.unit_id, until)]

    async def add(self, item: Evaluation) -> None:
        values = mapping.evaluation_values(item)
        await self._write(WRITES.insert, {"id": item.id, "unit_id": self.unit_id, **values})

    async def update(self, item: Evaluation, expected_version: int) -> None:
        """The fields; the report is the report store's to write."""
        values = mapping.evaluation_values(item)
        params = {f"v_{k}": v for k, v in values.items()}
        params.update(w_unit=self.unit_id, w_id=item.id, w_version=expected_version)
        result = await self._write(WRITES.update(tuple(values)), params)
        if result.rowcount == 0:
            await self.get(item.id)
            raise StaleVersion(STALE)

    async def delete(self, id: UUID, expected_version: int) -> None:
        """Its report goes with it (ON DELETE CASCADE)."""
        params = {"w_unit": self.unit_id, "w_id": id, "w_version": expected_version}
        result = await self._write(WRITES.delete, params, deleting=True)
        if result.rowcount == 0:
            await self.get(id)
            raise StaleVersion(STALE)


class PgReportStore(_Base):
    async def put(
        self,
        evaluation_id: UUID,
        filename: str,
        media_type: str,
        content: bytes,
        sha256: str,
        at: datetime,
    ) -> None:
        row = {
            "evaluation_id": evaluation_id,
            "unit_id": self.unit_id,
            "filename": filename,
            "media_type": media_type,
            "size_bytes": len(content),
            "sha256": sha256,
            "uploaded_at": at,
            "content": content,
        }
        await self._write(PUT, row)

    async def content(self, evaluation_id: UUID) -> bytes | None:
        value = await self.read.value(CONTENT, self.unit_id, evaluation_id)
        return None if value is None else bytes(value)

    async def remove(self, evaluation_id: UUID) -> None:
        await self.conn.execute(REMOVE, {"w_unit": self.unit_id, "w_id": evaluation_id})
