"""Knowledge domain room: import jobs after upload — history, status, row errors and their
report, commit of a clean preview, rollback of the latest commit (stack discipline), a re-run of
an interrupted job, and the server's sweeper."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import datetime, timedelta
from uuid import UUID

from domain.knowledge import limits as lim
from domain.knowledge import policies as pol
from domain.knowledge.base import UseCases
from domain.knowledge.errors import ImportNotLatest, ImportNotReady
from domain.knowledge.imports import INTERRUPTED
from domain.knowledge.jobs import check_move
from domain.knowledge.kinds import KINDS
from domain.knowledge.model import ImportJob, ImportMode, JobError, JobStatus, RowError
from domain.knowledge.ports import ImportJobQueue
from domain.shared.errors import StaleVersion, VersionRequired
from domain.shared.pagination import Page, PageRequest
from domain.shared.policies import require
from domain.shared.principal import Principal

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
REPORT_HEADER = ("rad", "kolonne", "kildekolonne", "kode", "melding", "verdi")


def _at(job: ImportJob, expected_version: int) -> ImportJob:
    """The job as the client last read it, else ``StaleVersion`` (412) before any rule."""
    if job.version != expected_version:
        raise StaleVersion()
    return job


def _safe(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def error_report(job: ImportJob, errors: list[RowError] | tuple[RowError, ...]) -> bytes:
    """The row errors as CSV for Norwegian Excel (BOM, ``;``), safe against formula injection.
    ``kildekolonne`` is the file's own header for the target column."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(REPORT_HEADER)
    for e in errors:
        source = job.mapping.get(e.column, "") if e.column else ""
        cells = (str(e.row), e.column or "", source, e.code, e.message, e.value or "")
        w.writerow([_safe(c) for c in cells])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


class ImportJobUseCases(UseCases):
    async def job(self, p: Principal, job_id: UUID) -> ImportJob:
        async with self._history(p) as uow:
            return await uow.jobs.get(job_id)

    async def jobs(self, p: Principal, page: PageRequest) -> Page[ImportJob]:
        async with self._history(p) as uow:
            return await uow.jobs.list(page)

    async def errors(self, p: Principal, job_id: UUID, page: PageRequest) -> Page[RowError]:
        require(pol.can_see_row_errors(p), "see the rows an import rejected")
        async with self._uow(p.unit_id) as uow:
            await uow.jobs.get(job_id)
            return await uow.jobs.errors(job_id, page)

    async def error_report_csv(self, p: Principal, job_id: UUID) -> bytes:
        require(pol.can_see_row_errors(p), "see the rows an import rejected")
        async with self._uow(p.unit_id) as uow:
            job = await uow.jobs.get(job_id)
            return error_report(job, tuple(await uow.jobs.all_errors(job_id)))

    async def commit(self, p: Principal, job_id: UUID, expected_version: int | None) -> ImportJob:
        """A clean preview becomes a queued commit of the same spooled file."""
        if expected_version is None:
            raise VersionRequired()
        async with self._import(p) as uow:
            job = _at(await uow.jobs.get(job_id), expected_version)
            if job.status is not JobStatus.PREVIEWED or job.has_row_errors or not job.file_ref:
                raise ImportNotReady(job.status.value, JobStatus.QUEUED.value, _gone(job))
            queued = dataclasses.replace(
                job, status=JobStatus.QUEUED, mode=ImportMode.COMMIT, version=job.version + 1,
                started_at=None, heartbeat_at=None, finished_at=None,
            )  # fmt: skip
            await uow.jobs.update(queued, expected_version)
            await uow.commit()
        return queued

    async def retry(self, p: Principal, job_id: UUID, expected_version: int | None) -> ImportJob:
        """An interrupted job queued again (its spooled file is kept)."""
        if expected_version is None:
            raise VersionRequired()
        async with self._import(p) as uow:
            job = _at(await uow.jobs.get(job_id), expected_version)
            if job.status is not JobStatus.INTERRUPTED or not job.file_ref:
                raise ImportNotReady(job.status.value, JobStatus.QUEUED.value, _gone(job))
            queued = dataclasses.replace(
                job, status=JobStatus.QUEUED, error=None, version=job.version + 1
            )
            await uow.jobs.update(queued, expected_version)
            await uow.commit()
        return queued

    async def rollback(self, p: Principal, job_id: UUID, expected_version: int | None) -> ImportJob:
        """Undo the latest committed import of its kind (else ``import-not-latest`` naming the
        later one): its inserted rows deleted, its updated rows restored, one transaction."""
        if expected_version is None:
            raise VersionRequired()
        async with self._import(p) as uow:
            job = _at(await uow.jobs.get(job_id), expected_version)
            check_move(job.status, JobStatus.ROLLED_BACK)
            latest = await uow.jobs.latest_committed(job.kind)
            if latest is not None and latest.id != job.id:
                raise ImportNotLatest(str(latest.id))
            await uow.undo.rollback(job, KINDS[job.kind])
            done = dataclasses.replace(
                job, status=JobStatus.ROLLED_BACK, rolled_back_at=self._clock.now(),
                rolled_back_by_name=p.display_name, version=job.version + 1,
            )  # fmt: skip
            await uow.jobs.update(done, expected_version)
            await uow.commit()
        return done

    async def sweep(self, queue: ImportJobQueue) -> list[tuple[UUID, UUID]]:
        """The server's sweeper: running jobs silent for too long become ``interrupted``
        (nothing of theirs was written); returns the queued jobs to start, oldest first."""
        now = self._clock.now()
        before = now - timedelta(seconds=lim.HEARTBEAT_STALE_SECONDS)
        for unit_id, job_id in await queue.stale(before):
            async with self._uow(unit_id) as uow:
                job = await uow.jobs.get(job_id)
                beat = job.heartbeat_at or job.started_at
                if job.status is not JobStatus.RUNNING or (beat is not None and beat >= before):
                    continue
                gone = dataclasses.replace(
                    job, status=JobStatus.INTERRUPTED, finished_at=now, version=job.version + 1,
                    error=JobError(code="interrupted", message=INTERRUPTED),
                )  # fmt: skip
                await uow.jobs.update(gone, job.version)
                await uow.commit()
        kept_since = now - timedelta(hours=lim.FILE_KEPT_HOURS)
        await self._expire_files(queue, kept_since)
        await self._drop_orphans(queue, kept_since)
        return list(await queue.queued())

    async def _expire_files(self, queue: ImportJobQueue, before: datetime) -> None:
        """An uploaded file is not kept on disk for ever: a preview never committed, or an
        interrupted job never run again, gives its file up after ``FILE_KEPT_HOURS``; the job
        and its results stay, and committing or retrying it is refused (upload again)."""
        for unit_id, job_id in await queue.holding(before):
            async with self._uow(unit_id) as uow:
                job = await uow.jobs.get(job_id)
                done = job.finished_at or job.created_at
                held = job.status in (JobStatus.PREVIEWED, JobStatus.INTERRUPTED)
                if not held or job.file_ref is None or done >= before:
                    continue
                await uow.jobs.update(
                    dataclasses.replace(job, file_ref=None, version=job.version + 1), job.version
                )
                await uow.commit()
            self._spool.delete(job.file_ref)

    async def _drop_orphans(self, queue: ImportJobQueue, before: datetime) -> None:
        """Files no job names: a process killed while it stored an upload (``.part``) or after
        the file was stored but before its job was (sniffing a large workbook takes seconds).
        Nothing of theirs was ever shown to anybody; older than ``FILE_KEPT_HOURS`` they go."""
        self._spool.drop_unfinished(before)
        old = list(self._spool.stored_before(before))
        for i in range(0, len(old), lim.SWEEP_BATCH):
            batch = old[i : i + lim.SWEEP_BATCH]
            held = await queue.held(batch)
            for ref in batch:
                if ref not in held:
                    self._spool.delete(ref)


def _gone(job: ImportJob) -> str | None:
    """Why a previewed or interrupted job cannot go on when its file has been given up."""
    if job.file_ref is None and job.status in (JobStatus.PREVIEWED, JobStatus.INTERRUPTED):
        return f"its uploaded file was deleted after {lim.FILE_KEPT_HOURS} hours; upload it again"
    return None
