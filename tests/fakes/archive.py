"""Fakes room: the archive context's ports (``domain/archive/ports.py``) in memory.

``FakeArchiveStore`` holds every unit's outbox, settings, extract jobs and the finished records a
``RecordSource`` would read; ``enqueue`` stands in for migration 0013's triggers. One unit of work
works on a copy published by ``commit``; ``FakeDeliveryQueue`` is the worker's cross-unit view.
The outside world (transport, builder, extract writer) is in ``tests/fakes/archive_io.py``.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Self
from uuid import UUID, uuid4

from domain.archive import messages as msg
from domain.archive.extracts import ExtractJob, Period
from domain.archive.keys import outbox_key
from domain.archive.messages import MessageStatus, OutboxMessage, Receipt
from domain.archive.ports import (
    ArchiveUnitOfWork,
    ArchiveUnitOfWorkFactory,
    DeliveryQueue,
)
from domain.archive.records import ArchiveRecord, RecordKind
from domain.archive.settings import ArchiveSettings
from domain.shared.errors import NotFound, StaleVersion
from domain.shared.pagination import Page, PageRequest
from tests.fakes.paging import keyset_page

RecordRef = tuple[UUID, RecordKind, UUID, UUID | None]  # unit, kind, record, part


@dataclasses.dataclass
class ArchiveTables:
    messages: dict[UUID, OutboxMessage] = dataclasses.field(default_factory=dict)
    settings: dict[UUID, ArchiveSettings] = dataclasses.field(default_factory=dict)
    jobs: dict[UUID, ExtractJob] = dataclasses.field(default_factory=dict)
    contents: dict[UUID, bytes] = dataclasses.field(default_factory=dict)
    records: dict[RecordRef, ArchiveRecord] = dataclasses.field(default_factory=dict)

    def copy(self) -> ArchiveTables:
        return ArchiveTables(
            **{f.name: copy.copy(getattr(self, f.name)) for f in dataclasses.fields(self)}
        )


class FakeArchiveStore:
    def __init__(self) -> None:
        self.tables = ArchiveTables()
        self.commits = 0

    def enqueue(
        self,
        unit_id: UUID,
        kind: RecordKind,
        record_id: UUID,
        part_id: UUID | None = None,
        *,
        record_version: str = "1",
        subject_id: UUID | None = None,
        at: datetime | None = None,
    ) -> OutboxMessage | None:
        """What a trigger does: one row per (unit, key, record_version); a double enqueue is ignored."""
        key = outbox_key(kind, record_id, part_id)
        for m in self.tables.messages.values():
            if (m.unit_id, m.key, m.record_version) == (unit_id, key, record_version):
                return None
        when = at or datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
        m = OutboxMessage(
            id=uuid4(), unit_id=unit_id, record_kind=kind, record_id=record_id, part_id=part_id,
            subject_id=subject_id or record_id, key=key, record_version=record_version, status=MessageStatus.PENDING, attempts=0,
            next_attempt_at=when, lease_until=None, last_error=None, created_at=when,
            delivered_at=None, receipt=None, version=1,
        )  # fmt: skip
        self.tables.messages[m.id] = m
        return m

    def put_record(self, unit_id: UUID, record: ArchiveRecord) -> None:
        self.tables.records[(unit_id, record.kind, record.record_id, record.part_id)] = record

    def enable(self, unit_id: UUID, **values: object) -> ArchiveSettings:
        s = dataclasses.replace(ArchiveSettings(unit_id=unit_id, enabled=True, version=1), **values)  # type: ignore[arg-type]
        self.tables.settings[unit_id] = s
        return s


class FakeOutboxRepository:
    def __init__(self, uow: FakeArchiveUnitOfWork) -> None:
        self._uow = uow

    def _mine(self) -> list[OutboxMessage]:
        return [m for m in self._uow.tables.messages.values() if m.unit_id == self._uow.unit_id]

    async def list(self, status: MessageStatus | None, page: PageRequest) -> Page[OutboxMessage]:
        rows = [m for m in self._mine() if status is None or m.status is status]
        # newest first: invert the timestamp so the ascending keyset sorts newest first
        return keyset_page(
            rows, lambda m: f"{-m.created_at.timestamp():020.6f}", lambda m: m.id, page
        )

    async def get(self, id: UUID) -> OutboxMessage:
        found = self._uow.tables.messages.get(id)
        if found is None or found.unit_id != self._uow.unit_id:
            raise NotFound("No such archive message.")
        return found

    async def for_record(self, kind: RecordKind, subject_id: UUID) -> Sequence[OutboxMessage]:
        rows = [m for m in self._mine() if m.record_kind is kind and m.subject_id == subject_id]
        return sorted(rows, key=lambda m: (m.created_at, str(m.id)))

    async def in_period(self, period: Period) -> Sequence[OutboxMessage]:
        newest: dict[str, OutboxMessage] = {}
        for m in sorted(self._mine(), key=lambda m: (m.created_at, str(m.id))):
            newer = m.key not in newest or newest[m.key].created_at < m.created_at
            if m.created_at.date() in period and newer:
                newest[m.key] = m
        return sorted(newest.values(), key=lambda m: (m.created_at, str(m.id)))

    async def retry(self, id: UUID, expected_version: int, now: datetime) -> OutboxMessage:
        m = await self.get(id)
        if m.version != expected_version:
            raise StaleVersion("Someone else changed this message in the meantime.")
        retried = msg.retried(m, now)
        self._uow.tables.messages[id] = retried
        return retried


class FakeSettingsRepository:
    def __init__(self, uow: FakeArchiveUnitOfWork) -> None:
        self._uow = uow

    async def get(self) -> ArchiveSettings:
        found = self._uow.tables.settings.get(self._uow.unit_id)
        return found or ArchiveSettings(unit_id=self._uow.unit_id)

    async def save(self, settings: ArchiveSettings, expected_version: int) -> ArchiveSettings:
        assert settings.unit_id == self._uow.unit_id, "settings written into another unit"
        if (await self.get()).version != expected_version:
            raise StaleVersion("Someone else changed the archive settings in the meantime.")
        stored = dataclasses.replace(settings, version=expected_version + 1)
        self._uow.tables.settings[self._uow.unit_id] = stored
        return stored


class FakeExtractJobRepository:
    def __init__(self, uow: FakeArchiveUnitOfWork) -> None:
        self._uow = uow

    async def add(self, job: ExtractJob) -> None:
        assert job.unit_id == self._uow.unit_id
        self._uow.tables.jobs[job.id] = job

    async def get(self, id: UUID) -> ExtractJob:
        found = self._uow.tables.jobs.get(id)
        if found is None or found.unit_id != self._uow.unit_id:
            raise NotFound("No such extract.")
        return found

    async def update(self, job: ExtractJob) -> None:
        await self.get(job.id)
        self._uow.tables.jobs[job.id] = job

    async def put_content(self, id: UUID, content: bytes) -> None:
        await self.get(id)
        self._uow.tables.contents[id] = content

    async def content(self, id: UUID) -> bytes | None:
        await self.get(id)
        return self._uow.tables.contents.get(id)


class FakeRecordSource:
    def __init__(self, uow: FakeArchiveUnitOfWork) -> None:
        self._uow = uow

    async def load(
        self, kind: RecordKind, record_id: UUID, part_id: UUID | None
    ) -> ArchiveRecord | None:
        return self._uow.tables.records.get((self._uow.unit_id, kind, record_id, part_id))


class FakeArchiveUnitOfWork:
    def __init__(self, store: FakeArchiveStore, unit_id: UUID) -> None:
        self.store = store
        self.unit_id = unit_id
        self.tables = store.tables.copy()
        self._base = self.tables.copy()
        self.outbox = FakeOutboxRepository(self)
        self.settings = FakeSettingsRepository(self)
        self.extracts = FakeExtractJobRepository(self)
        self.records = FakeRecordSource(self)

    async def __aenter__(self) -> Self:
        self.tables = self.store.tables.copy()
        self._base = self.tables.copy()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.tables = self.store.tables.copy()  # without commit: the rollback
        self._base = self.tables.copy()

    async def commit(self) -> None:
        # Publish only the rows this unit of work changed: others may have committed meanwhile.
        for name in ("messages", "settings", "jobs", "contents"):
            base, mine = getattr(self._base, name), getattr(self.tables, name)
            target = getattr(self.store.tables, name)
            target.update({k: v for k, v in mine.items() if base.get(k) is not v})
        self._base = self.tables.copy()
        self.store.commits += 1


class FakeArchiveUnitOfWorkFactory:
    def __init__(self, store: FakeArchiveStore | None = None) -> None:
        self.store = store or FakeArchiveStore()

    def __call__(self, unit_id: UUID) -> FakeArchiveUnitOfWork:
        return FakeArchiveUnitOfWork(self.store, unit_id)


class FakeDeliveryQueue:
    """The worker's queue: claims due messages of enabled units, fenced outcomes."""

    def __init__(self, store: FakeArchiveStore) -> None:
        self.store = store

    async def claim(self, n: int, now: datetime, lease: timedelta) -> list[OutboxMessage]:
        enabled = {u for u, s in self.store.tables.settings.items() if s.enabled}
        due = sorted(
            (
                m
                for m in self.store.tables.messages.values()
                if m.unit_id in enabled and m.claimable(now)
            ),
            key=lambda m: (m.next_attempt_at, m.created_at),
        )[:n]
        claimed = [msg.claimed(m, now, lease) for m in due]
        for m in claimed:
            self.store.tables.messages[m.id] = m
        return claimed

    def _fenced(self, m: OutboxMessage) -> bool:
        stored = self.store.tables.messages.get(m.id)
        return (
            stored is not None
            and stored.status is MessageStatus.DELIVERING
            and stored.attempts == m.attempts
        )

    async def mark_delivered(self, claimed: OutboxMessage, receipt: Receipt, now: datetime) -> bool:
        if not self._fenced(claimed):
            return False
        self.store.tables.messages[claimed.id] = msg.delivered(claimed, receipt, now)
        return True

    async def mark_failed(self, outcome: OutboxMessage) -> bool:
        if not self._fenced(outcome):
            return False
        self.store.tables.messages[outcome.id] = outcome
        return True


if TYPE_CHECKING:  # the fakes must satisfy the ports they stand in for
    _uow: ArchiveUnitOfWork = FakeArchiveUnitOfWork(FakeArchiveStore(), uuid4())
    _factory: ArchiveUnitOfWorkFactory = FakeArchiveUnitOfWorkFactory()
    _queue: DeliveryQueue = FakeDeliveryQueue(FakeArchiveStore())
