"""Archive domain room: ``ArchiveService`` — the use cases both front doors call (first argument the
``Principal``): messages, retry, a record's status, settings, and the deposit extract jobs."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

from domain.archive import policies as apol
from domain.archive.extract_runs import ExtractRuns
from domain.archive.extracts import ExtractJob, ExtractStatus, Period
from domain.archive.messages import MessageStatus, OutboxMessage
from domain.archive.ports import ArchiveUnitOfWorkFactory, Clock, ExtractWriter
from domain.archive.records import RecordKind
from domain.archive.settings import ArchiveSettings, SettingsChanges
from domain.archive.status import RecordArchiveStatus, summarise
from domain.shared import policies as pol
from domain.shared.errors import NotFound, StaleVersion
from domain.shared.pagination import Page, PageRequest
from domain.shared.principal import Principal


class ArchiveService(ExtractRuns):
    def __init__(
        self, uow_factory: ArchiveUnitOfWorkFactory, clock: Clock, writer: ExtractWriter
    ) -> None:
        super().__init__(uow_factory, clock, writer)

    async def list_messages(
        self, p: Principal, status: MessageStatus | None, page: PageRequest
    ) -> Page[OutboxMessage]:
        pol.require(apol.can_read_messages(p), "see this unit's archive messages")
        async with self._uow(p.unit_id) as uow:
            return await uow.outbox.list(status, page)

    async def get_message(self, p: Principal, id: UUID) -> OutboxMessage:
        pol.require(apol.can_read_messages(p), "see this unit's archive messages")
        async with self._uow(p.unit_id) as uow:
            return await uow.outbox.get(id)

    async def retry(self, p: Principal, id: UUID, expected_version: int) -> OutboxMessage:
        pol.require(apol.can_manage_archive(p), "retry archive deliveries")
        async with self._uow(p.unit_id) as uow:
            retried = await uow.outbox.retry(id, expected_version, self._clock.now())
            await uow.commit()
            return retried

    async def record_status(
        self, p: Principal, kind: RecordKind, record_id: UUID
    ) -> RecordArchiveStatus:
        """``record_id`` as the SPA knows it: the meeting for minutes, the plan, the agreement …"""
        pol.require(apol.can_read_record_status(p), "see this record's archive status")
        async with self._uow(p.unit_id) as uow:
            messages = await uow.outbox.for_record(kind, record_id)
            settings = await uow.settings.get()
        return summarise(messages, settings.enabled)

    async def settings(self, p: Principal) -> ArchiveSettings:
        pol.require(apol.can_manage_archive(p), "see this unit's archive settings")
        async with self._uow(p.unit_id) as uow:
            return await uow.settings.get()

    async def update_settings(
        self, p: Principal, changes: SettingsChanges, expected_version: int
    ) -> ArchiveSettings:
        pol.require(apol.can_manage_archive(p), "change this unit's archive settings")
        async with self._uow(p.unit_id) as uow:
            current = await uow.settings.get()
            if current.version != expected_version:
                raise StaleVersion("Someone else changed the archive settings in the meantime.")
            saved = await uow.settings.save(changes.apply(current), expected_version)
            await uow.commit()
            return saved

    async def start_extract(self, p: Principal, start: date, end: date) -> ExtractJob:
        """A queued job; the door then runs ``run_extract(unit_id, job.id)`` in the background."""
        pol.require(apol.can_manage_archive(p), "extract this unit's archive")
        period = Period(start=start, end=end)
        period.check()
        job = ExtractJob(
            id=uuid4(),
            unit_id=p.unit_id,
            period=period,
            status=ExtractStatus.QUEUED,
            done=0,
            total=0,
            created_at=self._clock.now(),
        )
        async with self._uow(p.unit_id) as uow:
            await uow.extracts.add(job)
            await uow.commit()
        return job

    async def extract_job(self, p: Principal, id: UUID) -> ExtractJob:
        pol.require(apol.can_manage_archive(p), "extract this unit's archive")
        async with self._uow(p.unit_id) as uow:
            return await uow.extracts.get(id)

    async def extract_content(self, p: Principal, id: UUID) -> tuple[ExtractJob, bytes]:
        """The finished zip; ``NotFound`` until the job is done."""
        pol.require(apol.can_manage_archive(p), "extract this unit's archive")
        async with self._uow(p.unit_id) as uow:
            job = await uow.extracts.get(id)
            content = await uow.extracts.content(id) if job.status is ExtractStatus.DONE else None
        if content is None:
            raise NotFound("The extract is not ready.")
        return job, content
