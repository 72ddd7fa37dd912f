"""Archive domain room: building a deposit extract — as a job the SPA follows (``run_extract``) or
straight into a file for the CLI (``write_extract``). Each record loads in its own short unit of
work, so the job's progress is visible while it runs and no transaction stays open."""

from __future__ import annotations

import asyncio
import io
from typing import BinaryIO
from uuid import UUID

from domain.archive.extracts import ExtractJob, ExtractStatus, Period
from domain.archive.ports import ArchiveUnitOfWorkFactory, Clock, ExtractWriter, Progress
from domain.archive.records import ArchiveRecord


class ExtractRuns:
    def __init__(
        self, uow_factory: ArchiveUnitOfWorkFactory, clock: Clock, writer: ExtractWriter
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._writer = writer

    async def _records(
        self, unit_id: UUID, period: Period, progress: Progress | None, job: ExtractJob | None
    ) -> list[ArchiveRecord]:
        async with self._uow(unit_id) as uow:
            messages = await uow.outbox.in_period(period)
        records: list[ArchiveRecord] = []
        total = len(messages)
        for done, m in enumerate(messages, start=1):
            async with self._uow(unit_id) as uow:
                record = await uow.records.load(m.record_kind, m.record_id, m.part_id)
                if job is not None:
                    job = job.progressed(done, total)
                    await uow.extracts.update(job)
                    await uow.commit()
            if record is not None:
                records.append(record)
            if progress is not None:
                progress(done, total)
        return records

    async def write_extract(
        self, unit_id: UUID, period: Period, out: BinaryIO, progress: Progress | None = None
    ) -> int:
        """The CLI's extract (an operator's command, no principal): the number of records."""
        period.check()
        async with self._uow(unit_id) as uow:
            settings = await uow.settings.get()
        records = await self._records(unit_id, period, progress, None)
        await asyncio.to_thread(self._writer.write, records, settings, period, out)
        return len(records)

    async def run_extract(self, unit_id: UUID, job_id: UUID) -> ExtractJob:
        """The background task behind ``start_extract``: progress per record, then the zip.
        A failure is recorded on the job by its kind only (no record content in the error)."""
        async with self._uow(unit_id) as uow:
            job = await uow.extracts.get(job_id)
            settings = await uow.settings.get()
        if job.status is not ExtractStatus.QUEUED:
            return job
        try:
            records = await self._records(unit_id, job.period, None, job)
            buffer = io.BytesIO()
            await asyncio.to_thread(self._writer.write, records, settings, job.period, buffer)
            content = buffer.getvalue()
        except Exception as exc:
            async with self._uow(unit_id) as uow:
                current = await uow.extracts.get(job_id)
                failed = current.failed(f"extract failed ({type(exc).__name__})", self._clock.now())
                await uow.extracts.update(failed)
                await uow.commit()
            return failed
        async with self._uow(unit_id) as uow:
            current = await uow.extracts.get(job_id)
            finished = current.finished(len(content), self._clock.now())
            await uow.extracts.put_content(job_id, content)
            await uow.extracts.update(finished)
            await uow.commit()
        return finished
