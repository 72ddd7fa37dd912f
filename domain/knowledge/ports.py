"""Knowledge domain room: the context's ports — its repositories and unit of work, the import
pipeline's parts (spool, file readers, the set-based pipeline, progress) and the queue the server's
sweeper reads. Adapters: ``adapters/postgres/knowledge/`` and ``adapters/imports/``."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

from domain.knowledge.filters import IndicatorFilter, ObservationFilter
from domain.knowledge.kinds import KindSpec
from domain.knowledge.model import (
    Area,
    AreaPopulation,
    ColumnMapping,
    ImportFormat,
    ImportJob,
    ImportKind,
    ImportOutcome,
    ImportResult,
    Indicator,
    JobProgress,
    Observation,
    RowError,
    SpooledFile,
)
from domain.knowledge.views import MeasureRef
from domain.shared.pagination import Page, PageRequest
from domain.shared.ports import Clock as Clock  # re-exported for the context's use cases
from domain.shared.ports import EntityRepository


class IndicatorRepository(EntityRepository[Indicator], Protocol):
    """``add``/``update`` raise ``IndicatorCodeTaken`` on a second code in the unit (a UNIQUE
    constraint); ``delete`` raises ``IndicatorInUse`` while observations refer to it."""

    async def list(self, f: IndicatorFilter, page: PageRequest) -> Page[Indicator]:
        """By code, then id."""
        ...

    async def by_codes(self, codes: Sequence[str]) -> Sequence[Indicator]:
        """The unit's indicators among ``codes`` (unknown ones are skipped); empty: all, by code."""
        ...

    async def in_use(self, indicator_id: UUID) -> bool:
        """Whether observations refer to the indicator."""
        ...


class AreaRepository(Protocol):
    async def list(self) -> Sequence[Area]:
        """By code."""
        ...

    async def populations(self) -> Sequence[AreaPopulation]:
        """Every area's populations, by area code, year, age band."""
        ...


class ObservationRepository(Protocol):
    async def list(self, f: ObservationFilter, page: PageRequest) -> Page[Observation]:
        """By indicator code, area code, period start, cohort, gender (the cursor's key)."""
        ...

    async def all(self, f: ObservationFilter, limit: int) -> Sequence[Observation]:
        """At most ``limit`` matching observations in the same order (the picture)."""
        ...


class ImportJobRepository(Protocol):
    async def add(self, job: ImportJob) -> None: ...

    async def get(self, job_id: UUID) -> ImportJob:
        """``NotFound`` for an unknown (or another unit's) job."""
        ...

    async def update(self, job: ImportJob, expected_version: int) -> None:
        """Stores ``job`` (whose ``version`` is already the next one) only at the expected
        version, else ``StaleVersion``: two commits of one preview cannot both queue."""
        ...

    async def list(self, page: PageRequest) -> Page[ImportJob]:
        """Newest first (created_at, then id)."""
        ...

    async def latest_committed(self, kind: ImportKind) -> ImportJob | None:
        """The unit's last committed import of ``kind`` (in commit order: the pipeline's
        transaction stamps it, e.g. a sequence or ``clock_timestamp()``) not rolled back."""
        ...

    async def heartbeat(self, job_id: UUID, progress: JobProgress, at: datetime) -> None:
        """Progress and heartbeat of a running job (no version change: readers poll it)."""
        ...

    async def put_errors(self, job_id: UUID, errors: Sequence[RowError]) -> None:
        """Replaces the job's kept row errors (at most ``limits.ROW_ERRORS_KEPT``)."""
        ...

    async def errors(self, job_id: UUID, page: PageRequest) -> Page[RowError]:
        """By row, then column. ``total`` is the number kept."""
        ...

    async def all_errors(self, job_id: UUID) -> Sequence[RowError]: ...


class MappingRepository(Protocol):
    async def list(self, kind: ImportKind) -> Sequence[ColumnMapping]:
        """By source name."""
        ...

    async def get(self, kind: ImportKind, source_name: str) -> ColumnMapping | None: ...

    async def save(self, mapping: ColumnMapping, expected_version: int | None) -> None:
        """``expected_version`` None: a new mapping (``StaleVersion`` when one exists already);
        else an update at that version (``mapping.version`` is already the next one)."""
        ...


class ImportUndo(Protocol):
    async def rollback(self, job: ImportJob, spec: KindSpec) -> ImportResult:
        """In the unit of work's transaction: delete the rows ``job`` inserted into
        ``spec.target_table`` and restore the previous values of the rows it updated. Returns
        counts (``inserted`` = rows deleted, ``updated`` = rows restored)."""
        ...


class MeasureTargets(Protocol):
    async def targeting(self, factors: Sequence[str]) -> Sequence[MeasureRef]:
        """The unit's measures whose target factors meet ``factors``, by title."""
        ...


class KnowledgeUnitOfWork(Protocol):
    """One transaction bound to one SLT unit; ``commit`` or leave to roll back."""

    @property
    def indicators(self) -> IndicatorRepository: ...

    @property
    def areas(self) -> AreaRepository: ...

    @property
    def observations(self) -> ObservationRepository: ...

    @property
    def jobs(self) -> ImportJobRepository: ...

    @property
    def mappings(self) -> MappingRepository: ...

    @property
    def undo(self) -> ImportUndo: ...

    @property
    def measure_targets(self) -> MeasureTargets:
        """Read on the same connection (one connection per request)."""
        ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...


class KnowledgeUnitOfWorkFactory(Protocol):
    def __call__(self, unit_id: UUID) -> KnowledgeUnitOfWork: ...


class ImportSource(Protocol):
    """An opened file as canonical CSV: UTF-8, ``,`` delimiter, ``"`` quoting, ``\\n`` line ends,
    NO header line; one record per source row in ``columns`` order; an empty cell is ``''``.
    ``chunks`` raises ``FileRejected`` mid-stream (encoding, line too long, bad JSON line N)."""

    @property
    def columns(self) -> Sequence[str]: ...

    @property
    def bytes_total(self) -> int: ...

    @property
    def bytes_read(self) -> int: ...

    def chunks(self) -> AsyncIterator[bytes]: ...


class FileReaders(Protocol):
    """Async because opening may parse a whole workbook: the adapter keeps that off the
    event loop the server's requests share."""

    async def open(self, ref: str, fmt: ImportFormat) -> ImportSource:
        """Raises ``FileRejected``."""
        ...

    async def sniff(self, ref: str, fmt: ImportFormat) -> Sequence[str]:
        """The header only (from the first 64 KiB); raises ``FileRejected``."""
        ...


class Spool(Protocol):
    async def store(self, chunks: AsyncIterator[bytes], max_bytes: int) -> SpooledFile:
        """Raises ``FileRejected(import-too-large)`` past ``max_bytes`` (nothing kept)."""
        ...

    def delete(self, ref: str) -> None:
        """Idempotent."""
        ...

    def stored_before(self, before: datetime) -> Sequence[str]:
        """The refs of finished files last written before ``before``."""
        ...

    def drop_unfinished(self, before: datetime) -> int:
        """Removes writes begun before ``before`` and never finished (a process killed while
        it stored an upload); returns how many."""
        ...


class ProgressSink(Protocol):
    async def __call__(self, rows_read: int, bytes_read: int) -> None:
        """Called as chunks are consumed; throttles itself (≤ 2 writes a second)."""
        ...


class ImportPipeline(Protocol):
    async def run(
        self,
        job: ImportJob,
        spec: KindSpec,
        mapping: Mapping[str, str],
        source: ImportSource,
        progress: ProgressSink,
    ) -> ImportOutcome:
        """ONE transaction on its own connection (the unit set for RLS): staging, set-based
        validation, then — only in commit mode without row errors — the upsert by key with
        provenance (``import_id``, previous values of updated rows kept for rollback) AND, in the
        same transaction, the job row set to ``committed`` with the result (so rows are never
        written under a job that says otherwise; ``finished_at`` from the database's clock).
        Preview or errors: nothing is written. No data rows: ``FileRejected(import-empty)``;
        ``FileRejected`` from the source propagates. Calls ``progress`` as the file is read and
        between long phases (the sweeper takes a job silent for 60 s as interrupted). Commits of
        one kind in one unit are serialised (an advisory lock): rollback is a stack."""
        ...


class ImportJobQueue(Protocol):
    """Across units (the server's sweeper): which jobs to interrupt or to start."""

    async def stale(self, heartbeat_before: datetime) -> Sequence[tuple[UUID, UUID]]:
        """(unit id, job id) of running jobs whose heartbeat is older."""
        ...

    async def queued(self) -> Sequence[tuple[UUID, UUID]]:
        """(unit id, job id) of queued jobs, oldest first."""
        ...

    async def holding(self, finished_before: datetime) -> Sequence[tuple[UUID, UUID]]:
        """(unit id, job id) of previewed or interrupted jobs that finished earlier and still
        hold their spooled file."""
        ...

    async def held(self, refs: Sequence[str]) -> set[str]:
        """Which of these spooled files a job of any unit still names."""
        ...
