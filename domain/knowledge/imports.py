"""Knowledge domain room: an import from upload to outcome — spool the file, check its header at
once (a wrong file is a 422 before any job exists), queue the job; the runner claims it, streams
the file through the pipeline and records what it found or did. File problems never raise from
``run``: they are recorded on the job."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Mapping
from datetime import timedelta
from uuid import UUID, uuid4

from domain.knowledge import limits as lim
from domain.knowledge.base import UseCases
from domain.knowledge.errors import FileProblem, FileRejected
from domain.knowledge.jobs import KEEPS_FILE, check_move
from domain.knowledge.kinds import KINDS, KindSpec, check_mapping
from domain.knowledge.model import (
    ImportFormat,
    ImportJob,
    ImportKind,
    ImportMode,
    ImportOutcome,
    JobError,
    JobProgress,
    JobStatus,
)
from domain.shared.errors import Errors, StaleVersion
from domain.shared.principal import Principal
from domain.shared.validation import characters, text

INTERRUPTED = "Importen ble avbrutt; ingenting ble lagret. Kjør den på nytt."
_EXTENSIONS = {".csv": ImportFormat.CSV, ".txt": ImportFormat.CSV, ".jsonl": ImportFormat.JSONL}
_EXTENSIONS |= {".ndjson": ImportFormat.JSONL, ".xlsx": ImportFormat.XLSX}


def format_of(filename: str) -> ImportFormat:
    """The format a file's extension names; ``import-format`` for any other."""
    for ext, fmt in _EXTENSIONS.items():
        if filename.lower().endswith(ext):
            return fmt
    raise FileRejected(FileProblem.FORMAT, "The file must be CSV, JSON Lines or XLSX.")


def check_upload(filename: str, source_name: str | None, mapping: Mapping[str, str] | None) -> None:
    e = Errors()
    text(e, "filename", filename, required=True, max_len=lim.FILENAME_MAX)
    characters(e, "filename", filename)
    text(e, "source", source_name, required=False, max_len=lim.SOURCE_NAME_MAX)
    characters(e, "source", source_name)
    if mapping is not None:
        if len(mapping) > lim.MAPPING_MAX:
            e.add("mapping", "too-long", "Too many columns.", {"max": lim.MAPPING_MAX})
        for target, header in mapping.items():
            text(e, "mapping", target, required=True, max_len=lim.NAME_MAX)
            text(e, "mapping", header, required=True, max_len=lim.NAME_MAX)
            characters(e, "mapping", target)
            characters(e, "mapping", header)
    e.raise_if_any()


class _Progress:
    """The pipeline's progress sink: a heartbeat at most ``PROGRESS_PER_SECOND`` times a second,
    each in its own short transaction (readers poll the job)."""

    def __init__(self, uc: ImportUseCases, job: ImportJob, bytes_total: int) -> None:
        self._uc, self._job, self._total = uc, job, bytes_total
        self._last = uc._clock.now()
        self._gap = timedelta(seconds=1 / lim.PROGRESS_PER_SECOND)

    async def __call__(self, rows_read: int, bytes_read: int) -> None:
        now = self._uc._clock.now()
        if now - self._last < self._gap:
            return
        self._last = now
        progress = JobProgress(rows_read=rows_read, bytes_read=bytes_read, bytes_total=self._total)
        async with self._uc._uow(self._job.unit_id) as uow:
            await uow.jobs.heartbeat(self._job.id, progress, now)
            await uow.commit()


class ImportUseCases(UseCases):
    def kinds(self) -> tuple[KindSpec, ...]:
        """The import kinds as the SPA builds its mapping UI from them."""
        return tuple(KINDS.values())

    async def upload(
        self,
        p: Principal,
        kind: ImportKind,
        fmt: ImportFormat | None,
        filename: str,
        chunks: AsyncIterator[bytes],
        mapping: Mapping[str, str] | None = None,
        source_name: str | None = None,
        mode: ImportMode = ImportMode.PREVIEW,
    ) -> ImportJob:
        """Spool, sniff the header, resolve the mapping (given, else the source's saved one,
        else by names and aliases) and queue the job. Nothing stays spooled on refusal."""
        uow = self._import(p)
        check_upload(filename, source_name, mapping)
        source_name = (source_name or "").strip() or None
        fmt = fmt or format_of(filename)
        spooled = await self._spool.store(chunks, self._max_bytes)
        try:
            headers = tuple(await self._readers.sniff(spooled.ref, fmt))
            async with uow:
                if mapping is None and source_name is not None:
                    saved = await uow.mappings.get(kind, source_name)
                    mapping = saved.mapping if saved else None
                resolved = check_mapping(KINDS[kind], headers, mapping)
                job = ImportJob(
                    id=uuid4(),
                    unit_id=p.unit_id,
                    kind=kind,
                    format=fmt,
                    filename=filename.strip(),
                    size_bytes=spooled.size_bytes,
                    sha256=spooled.sha256,
                    file_ref=spooled.ref,
                    mode=mode,
                    mapping=resolved.mapping,
                    columns=headers,
                    ignored_columns=resolved.ignored,
                    source_name=source_name,
                    progress=JobProgress(bytes_total=spooled.size_bytes),
                    started_by_name=p.display_name,
                    started_by_person_id=p.person_id if p.is_person else None,
                    machine_org=p.subject_key if p.is_machine else None,
                    created_at=self._clock.now(),
                )
                await uow.jobs.add(job)
                await uow.commit()
        except BaseException:
            self._spool.delete(spooled.ref)
            raise
        return job

    async def run(self, job_id: UUID, unit_id: UUID) -> ImportJob:
        """The runner's use case (no principal: the job was authorised at upload). Claims a
        queued job (another runner's claim wins quietly), runs it and records the outcome."""
        claimed = await self._claim(job_id, unit_id)
        if claimed is None:
            async with self._uow(unit_id) as uow:
                return await uow.jobs.get(job_id)
        try:
            if claimed.file_ref is None:
                raise FileRejected(FileProblem.FORMAT, "The uploaded file is no longer kept.")
            source = await self._readers.open(claimed.file_ref, claimed.format)
            sink = _Progress(self, claimed, source.bytes_total)
            outcome = await self._pipeline.run(
                claimed, KINDS[claimed.kind], claimed.mapping, source, sink
            )
        except FileRejected as e:
            return await self._finish(claimed, None, JobError(code=e.code, message=e.message))
        except Exception:
            await self._finish(claimed, None, JobError(code="interrupted", message=INTERRUPTED))
            raise
        return await self._finish(claimed, outcome, None)

    async def _claim(self, job_id: UUID, unit_id: UUID) -> ImportJob | None:
        async with self._uow(unit_id) as uow:
            job = await uow.jobs.get(job_id)
            if job.status is not JobStatus.QUEUED:
                return None
            check_move(job.status, JobStatus.RUNNING)
            now = self._clock.now()
            claimed = dataclasses.replace(
                job, status=JobStatus.RUNNING, started_at=now, heartbeat_at=now,
                finished_at=None, error=None, result=None, version=job.version + 1,
            )  # fmt: skip
            try:
                await uow.jobs.update(claimed, job.version)
            except StaleVersion:
                return None
            await uow.commit()
        return claimed

    async def _finish(
        self, claimed: ImportJob, outcome: ImportOutcome | None, error: JobError | None
    ) -> ImportJob:
        async with self._uow(claimed.unit_id) as uow:
            current = await uow.jobs.get(claimed.id)
            now = self._clock.now()
            status, progress = self._verdict(current, outcome, error), current.progress
            if status is not current.status:
                check_move(current.status, status)
            if outcome is not None:
                progress = dataclasses.replace(progress, rows_read=outcome.rows_read)
                progress = dataclasses.replace(progress, bytes_read=progress.bytes_total)
                if outcome.error_count:
                    n = outcome.error_count
                    message = f"{outcome.result.rejected_rows} rows rejected ({n} errors)."
                    error = JobError(code=FileProblem.ROWS_REJECTED.value, message=message)
                await uow.jobs.put_errors(claimed.id, outcome.errors[: lim.ROW_ERRORS_KEPT])
            done = dataclasses.replace(
                current, status=status, error=error, progress=progress, heartbeat_at=now,
                result=outcome.result if outcome else current.result,
                sample=outcome.sample if outcome else (),
                finished_at=current.finished_at or now,
                file_ref=current.file_ref if status in KEEPS_FILE else None,
                # Committed: the pipeline's own transaction wrote the verdict, counts and next
                # version with the rows; only housekeeping (the spooled file) is left, and
                # another version would turn the rollback of a client that has just seen
                # "committed" into a 412.
                version=current.version + (current.status is not JobStatus.COMMITTED),
            )  # fmt: skip
            await uow.jobs.update(done, current.version)
            await uow.commit()
        if current.file_ref and done.file_ref is None:
            self._spool.delete(current.file_ref)
        return done

    @staticmethod
    def _verdict(
        current: ImportJob, outcome: ImportOutcome | None, error: JobError | None
    ) -> JobStatus:
        if current.status is JobStatus.COMMITTED:  # the pipeline's own transaction said so
            return JobStatus.COMMITTED
        if error is not None:
            return JobStatus.INTERRUPTED if error.code == "interrupted" else JobStatus.FAILED
        if outcome is None or outcome.error_count:
            return JobStatus.FAILED
        if current.mode is ImportMode.COMMIT:  # pragma: no cover - the pipeline marks commits
            return JobStatus.COMMITTED
        return JobStatus.PREVIEWED
