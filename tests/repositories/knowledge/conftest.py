"""Repository tier, knowledge: the PostgreSQL adapter (``adapters/postgres/knowledge``) on a real
server — two fresh units per test (the first with municipality 3301, the other with 4640 and
4644), a pipeline on the service role's engine, and rows turned into canonical CSV sources."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from uuid import UUID, uuid4

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.knowledge.pipeline import PgImportPipeline
from adapters.postgres.knowledge.uow import PgKnowledgeUnitOfWorkFactory
from domain.knowledge.kinds import KINDS, check_mapping
from domain.knowledge.model import (
    ImportFormat,
    ImportJob,
    ImportKind,
    ImportMode,
    ImportOutcome,
    JobStatus,
)
from tests.repositories.conftest import OTHER_NAME, UNIT_NAME, _pg_units

AT = datetime(2026, 11, 30, 12, tzinfo=UTC)


class RowsSource:
    """An ``ImportSource`` of rows: canonical CSV (no header) in chunks of ``chunk_rows`` rows."""

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[str]], chunk_rows: int = 500):
        self._header, self._rows, self._n = list(header), rows, chunk_rows
        self.bytes_read = 0
        self.bytes_total = len(self._encode(rows))

    @staticmethod
    def _encode(rows: Sequence[Sequence[str]]) -> bytes:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        return buf.getvalue().replace("\x00", "\ufffd").encode()

    @property
    def columns(self) -> Sequence[str]:
        return self._header

    async def chunks(self) -> AsyncIterator[bytes]:
        for i in range(0, len(self._rows), self._n):
            data = self._encode(self._rows[i : i + self._n])
            self.bytes_read += len(data)
            yield data


@dataclass
class Progress:
    calls: list[tuple[int, int]] = field(default_factory=list)

    async def __call__(self, rows_read: int, bytes_read: int) -> None:
        self.calls.append((rows_read, bytes_read))


@dataclass
class Kpg:
    admin: AsyncEngine
    app: AsyncEngine
    factory: PgKnowledgeUnitOfWorkFactory
    pipeline: PgImportPipeline
    unit: UUID
    other: UUID

    async def job(
        self, kind: ImportKind, header: Sequence[str], mode: ImportMode = ImportMode.COMMIT,
        unit: UUID | None = None,
    ) -> ImportJob:  # fmt: skip
        """A running job of ``kind`` (as the runner's claim leaves it), stored."""
        resolved = check_mapping(KINDS[kind], header)
        job = ImportJob(
            id=uuid4(), unit_id=unit or self.unit, kind=kind, format=ImportFormat.CSV,
            filename=f"{kind.value}.csv", size_bytes=1, sha256="0" * 64, file_ref=None,
            mode=mode, mapping=resolved.mapping, columns=tuple(header),
            status=JobStatus.RUNNING, started_by_name="Test", created_at=AT, started_at=AT,
            heartbeat_at=AT, version=2,
        )  # fmt: skip
        async with self.factory(job.unit_id) as uow:
            await uow.jobs.add(job)
            await uow.commit()
        return job

    async def run(
        self, kind: ImportKind, header: Sequence[str], rows: Sequence[Sequence[str]],
        mode: ImportMode = ImportMode.COMMIT, unit: UUID | None = None,
    ) -> tuple[ImportJob, ImportOutcome]:  # fmt: skip
        job = await self.job(kind, header, mode, unit)
        outcome = await self.pipeline.run(
            job, KINDS[kind], job.mapping, RowsSource(header, rows), Progress()
        )
        return job, outcome

    async def count(self, table: str, unit: UUID | None = None) -> int:
        async with self.admin.connect() as conn:
            sql = sa.text(f"SELECT count(*) FROM {table} WHERE unit_id = :u")
            return int((await conn.execute(sql, {"u": unit or self.unit})).scalar_one())


@pytest.fixture(scope="session")
async def kpg_app_engine(database) -> AsyncIterator[AsyncEngine]:  # type: ignore[no-untyped-def]
    from adapters.postgres.database import make_engine

    engine = make_engine(database.app, pool_size=3)
    yield engine
    await engine.dispose()


@pytest.fixture
async def kpg(admin_engine: AsyncEngine, kpg_app_engine: AsyncEngine) -> AsyncIterator[Kpg]:
    mine, theirs = uuid4(), uuid4()
    await _pg_units(
        admin_engine,
        [
            (mine, UNIT_NAME, "municipality", ["3301", "0301"]),
            (theirs, OTHER_NAME, "inter_municipal", ["4640", "4644"]),
        ],
    )
    try:
        yield Kpg(
            admin_engine, kpg_app_engine, PgKnowledgeUnitOfWorkFactory(kpg_app_engine),
            PgImportPipeline(kpg_app_engine), mine, theirs,
        )  # fmt: skip
    finally:
        async with admin_engine.begin() as conn:
            for table in ("knowledge_observations", "knowledge_area_populations",
                          "knowledge_event_records", "knowledge_areas", "knowledge_indicators"):  # fmt: skip
                await conn.execute(
                    sa.text(f"DELETE FROM {table} WHERE unit_id IN (:a, :b)"),
                    {"a": mine, "b": theirs},
                )
            await conn.execute(
                sa.text("DELETE FROM slt_unit WHERE id IN (:a, :b)"), {"a": mine, "b": theirs}
            )


async def seed_context(kpg: Kpg, unit: UUID | None = None) -> None:
    """What the bad-rows table's context names: indicator ``ind.a``, area ``sentrum`` (0301)."""
    u = unit or kpg.unit
    async with kpg.admin.begin() as conn:
        await conn.execute(
            sa.text(
                "INSERT INTO knowledge_indicators (id, unit_id, code, name, source, category,"
                " measure_unit) VALUES (:id, :u, 'ind.a', 'A', 'ungdata', 'school', 'percent')"
            ),
            {"id": uuid4(), "u": u},
        )
        await conn.execute(
            sa.text(
                "INSERT INTO knowledge_areas (id, unit_id, code, name, municipality_number, kind)"
                " VALUES (:id, :u, 'sentrum', 'Sentrum', :m, 'district')"
            ),
            {"id": uuid4(), "u": u, "m": "0301" if u == kpg.unit else "4640"},
        )
