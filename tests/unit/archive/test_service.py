"""Archive unit tests room: ``ArchiveService`` over the in-memory fakes — rights, retry, settings,
a record's status, the extract job."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta
from uuid import uuid4

import pytest

from domain.archive.extracts import ExtractStatus, Period
from domain.archive.messages import MessageStatus, Receipt, after_rejection, claimed, delivered
from domain.archive.records import RecordKind
from domain.archive.service import ArchiveService
from domain.archive.settings import SettingsChanges
from domain.archive.status import ArchiveState
from domain.shared.errors import Conflict, Forbidden, NotFound, StaleVersion, ValidationFailed
from domain.shared.pagination import PageRequest
from domain.shared.principal import Scope
from tests.fakes.archive import FakeArchiveStore, FakeArchiveUnitOfWorkFactory
from tests.fakes.archive_io import FakeExtractWriter
from tests.fakes.clock import FakeClock
from tests.fakes.principals import coordinator, machine, steering_reader, unit_admin
from tests.unit.archive.samples import AT, case_record

UNIT, OTHER = uuid4(), uuid4()


@pytest.fixture
def store() -> FakeArchiveStore:
    return FakeArchiveStore()


@pytest.fixture
def service(store: FakeArchiveStore) -> ArchiveService:
    return ArchiveService(FakeArchiveUnitOfWorkFactory(store), FakeClock(AT), FakeExtractWriter())


async def test_only_managers_and_archive_machines_see_messages(
    store: FakeArchiveStore, service: ArchiveService
) -> None:
    store.enqueue(UNIT, RecordKind.AGREEMENT, uuid4())
    store.enqueue(OTHER, RecordKind.AGREEMENT, uuid4())
    for p in (coordinator(UNIT), unit_admin(UNIT), machine(UNIT, [Scope.ARCHIVE_READ])):
        page = await service.list_messages(p, None, PageRequest())
        assert [m.unit_id for m in page.items] == [UNIT]
    for p in (steering_reader(UNIT), machine(UNIT, [Scope.TRENDS_READ])):
        with pytest.raises(Forbidden):
            await service.list_messages(p, None, PageRequest())
    with pytest.raises(Forbidden):
        await service.retry(machine(UNIT, [Scope.ARCHIVE_READ]), uuid4(), 1)


async def test_retry_puts_a_dead_letter_back_with_its_version(
    store: FakeArchiveStore, service: ArchiveService
) -> None:
    m = store.enqueue(UNIT, RecordKind.EVALUATION, uuid4())
    assert m is not None
    dead = after_rejection(claimed(m, AT), "rejected: HTTP 400")
    store.tables.messages[m.id] = dead
    with pytest.raises(StaleVersion):
        await service.retry(coordinator(UNIT), m.id, dead.version - 1)
    with pytest.raises(NotFound):
        await service.retry(coordinator(OTHER), m.id, dead.version)
    again = await service.retry(coordinator(UNIT), m.id, dead.version)
    assert again.status is MessageStatus.PENDING and again.attempts == 0
    assert (await service.get_message(coordinator(UNIT), m.id)) == again
    with pytest.raises(Conflict):
        await service.retry(coordinator(UNIT), m.id, again.version)


async def test_record_status_summarises_the_messages(
    store: FakeArchiveStore, service: ArchiveService
) -> None:
    record_id = uuid4()
    reader = steering_reader(UNIT)
    assert (
        await service.record_status(reader, RecordKind.MINUTES, record_id)
    ).state is ArchiveState.NONE
    a = store.enqueue(UNIT, RecordKind.MINUTES, record_id, uuid4())
    b = store.enqueue(UNIT, RecordKind.MINUTES, record_id, uuid4())
    assert a is not None and b is not None
    status = await service.record_status(reader, RecordKind.MINUTES, record_id)
    assert status.state is ArchiveState.NOT_CONFIGURED and len(status.messages) == 2
    store.enable(UNIT)
    assert (
        await service.record_status(reader, RecordKind.MINUTES, record_id)
    ).state is ArchiveState.WAITING
    for m in (a, b):
        store.tables.messages[m.id] = delivered(
            claimed(m, AT), Receipt(saksnummer="2025/12", journalpostnummer="3"), AT
        )
    status = await service.record_status(reader, RecordKind.MINUTES, record_id)
    assert (status.state, status.saksnummer, status.journalpostnummer) == (
        ArchiveState.DELIVERED, "2025/12", "3",
    )  # fmt: skip


async def test_settings_default_disabled_and_update_with_version(service: ArchiveService) -> None:
    p = coordinator(UNIT)
    s = await service.settings(p)
    assert (s.enabled, s.version) == (False, 0)
    changed = await service.update_settings(
        p, SettingsChanges.of(enabled=True, class_id="026", archive_part="SLT", case_officer=" "), 0
    )
    assert (changed.enabled, changed.class_id, changed.archive_part, changed.version) == (
        True, "026", "SLT", 1,
    )  # fmt: skip
    assert changed.case_officer is None
    with pytest.raises(StaleVersion):
        await service.update_settings(p, SettingsChanges.of(enabled=False), 0)
    with pytest.raises(ValidationFailed) as err:
        await service.update_settings(p, SettingsChanges.of(class_id="x" * 101), 1)
    assert err.value.errors[0].field == "classId"
    with pytest.raises(ValidationFailed):
        await service.update_settings(p, SettingsChanges.of(class_id="a\x00b"), 1)
    with pytest.raises(Forbidden):
        await service.settings(steering_reader(UNIT))
    assert (await service.settings(coordinator(OTHER))).version == 0


async def test_an_extract_job_runs_with_progress_and_downloads(
    store: FakeArchiveStore, service: ArchiveService
) -> None:
    records = [case_record(RecordKind.ACTION_PLAN), case_record(RecordKind.AGREEMENT)]
    for r in records:
        store.put_record(UNIT, r)
        store.enqueue(UNIT, r.kind, r.record_id, at=AT)
    store.enqueue(UNIT, RecordKind.MEASURE, uuid4(), at=AT)  # record gone: skipped
    store.enqueue(UNIT, RecordKind.MEASURE, uuid4(), at=AT + timedelta(days=400))  # outside
    p = coordinator(UNIT)
    with pytest.raises(ValidationFailed):
        await service.start_extract(p, date(2025, 3, 1), date(2025, 2, 1))
    job = await service.start_extract(p, date(2025, 1, 1), date(2025, 12, 31))
    with pytest.raises(NotFound):
        await service.extract_content(p, job.id)
    done = await service.run_extract(UNIT, job.id)
    assert (done.status, done.done, done.total) == (ExtractStatus.DONE, 3, 3)
    got, content = await service.extract_content(p, job.id)
    assert got.size == len(content)
    listed = zipfile.ZipFile(io.BytesIO(content)).read("records.txt").decode().splitlines()
    assert sorted(listed) == sorted(f"{r.kind.value}/{r.record_id}" for r in records)
    with pytest.raises(NotFound):
        await service.extract_job(coordinator(OTHER), job.id)
    seen: list[tuple[int, int]] = []
    out = io.BytesIO()
    period = Period(start=date(2025, 1, 1), end=date(2025, 12, 31))
    assert await service.write_extract(UNIT, period, out, lambda d, t: seen.append((d, t))) == 2
    assert seen == [(1, 3), (2, 3), (3, 3)]
