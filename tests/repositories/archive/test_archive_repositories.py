"""Repository tier, archive: the outbox, the settings, the extract jobs and the workers' queue keep
the same word on the fakes and on PostgreSQL (migration 0013's enqueue function, claim function,
row-level security)."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import date, timedelta
from uuid import uuid4

import pytest

from domain.archive.extracts import ExtractJob, ExtractStatus, Period
from domain.archive.messages import MessageStatus, Receipt, after_failure, after_rejection
from domain.archive.records import RecordKind
from domain.archive.settings import ArchiveSettings
from domain.shared.errors import Conflict, NotFound, StaleVersion
from domain.shared.pagination import PageRequest
from tests.repositories.archive.conftest import T0, ArchiveBackend

LEASE = timedelta(minutes=2)


async def _claim_mine(b: ArchiveBackend, at, n: int = 50):
    return [m for m in await b.queue.claim(n, at, LEASE) if m.unit_id == b.unit]


async def test_list_is_newest_first_paged_and_filtered_by_status(archive: ArchiveBackend):
    for _ in range(3):
        await archive.enqueue(RecordKind.MEASURE, uuid4())
    async with archive.factory(archive.unit) as uow:
        first = await uow.outbox.list(None, PageRequest(limit=2))
        assert first.total == 3 and len(first.items) == 2 and first.next_cursor
        rest = await uow.outbox.list(None, PageRequest.of(2, first.next_cursor))
        assert len(rest.items) == 1 and rest.next_cursor is None
        ids = [m.id for m in (*first.items, *rest.items)]
        assert len(set(ids)) == 3
        assert (await uow.outbox.list(MessageStatus.DEAD, PageRequest())).total == 0
        assert (await uow.outbox.list(MessageStatus.PENDING, PageRequest())).total == 3


async def test_another_unit_sees_none_of_the_messages(archive: ArchiveBackend):
    await archive.enqueue(RecordKind.AGREEMENT, uuid4(), version="ab" * 32)
    async with archive.factory(archive.unit) as uow:
        [m] = (await uow.outbox.list(None, PageRequest())).items
    async with archive.factory(archive.other) as uow:
        assert (await uow.outbox.list(None, PageRequest())).total == 0
        with pytest.raises(NotFound):
            await uow.outbox.get(m.id)
        assert await uow.outbox.for_record(RecordKind.AGREEMENT, m.record_id) == []


async def test_a_record_is_found_by_its_subject_with_every_part(archive: ArchiveBackend):
    meeting, version = uuid4(), uuid4()
    items = [uuid4(), uuid4()]
    for item in items:
        await archive.enqueue(RecordKind.MINUTES, version, item, subject=meeting)
    async with archive.factory(archive.unit) as uow:
        found = await uow.outbox.for_record(RecordKind.MINUTES, meeting)
        assert {m.part_id for m in found} == set(items)
        assert {m.key for m in found} == {f"minutes/{version}/{i}" for i in items}
        assert all(m.subject_id == meeting and m.record_id == version for m in found)
        assert await uow.outbox.for_record(RecordKind.MEASURE, meeting) == []


async def test_one_message_per_key_and_record_version(archive: ArchiveBackend):
    evaluation = uuid4()
    await archive.enqueue(RecordKind.EVALUATION, evaluation, version="3")
    await archive.enqueue(RecordKind.EVALUATION, evaluation, version="3")  # a second firing
    later = T0 + timedelta(hours=1)
    await archive.enqueue(RecordKind.EVALUATION, evaluation, version="4", at=later)  # an edit
    async with archive.factory(archive.unit) as uow:
        found = await uow.outbox.for_record(RecordKind.EVALUATION, evaluation)
        assert sorted(m.record_version for m in found) == ["3", "4"]
        assert {m.key for m in found} == {f"evaluation/{evaluation}"}
        latest = await uow.outbox.in_period(Period(start=T0.date(), end=T0.date()))
        assert [m.record_version for m in latest] == ["4"]  # the newest per key
        assert (
            await uow.outbox.in_period(Period(start=date(2020, 1, 1), end=date(2020, 2, 1))) == []
        )


async def test_claim_takes_due_messages_of_enabled_units_under_a_lease(archive: ArchiveBackend):
    await archive.enqueue(RecordKind.MEASURE, uuid4())
    assert await _claim_mine(archive, T0) == []  # the unit's archive is off
    await archive.enable()
    [claim] = await _claim_mine(archive, T0)
    assert claim.status is MessageStatus.DELIVERING and claim.attempts == 1
    assert claim.lease_until == T0 + LEASE
    assert await _claim_mine(archive, T0 + LEASE - timedelta(seconds=1)) == []  # leased
    [again] = await _claim_mine(archive, T0 + LEASE)  # the first worker died: lease ran out
    assert again.id == claim.id and again.attempts == 2
    receipt = Receipt(saksnummer="2026/7", journalpostnummer="1")
    assert not await archive.queue.mark_delivered(claim, receipt, T0)  # overtaken: fenced
    assert await archive.queue.mark_delivered(again, receipt, T0 + LEASE)
    async with archive.factory(archive.unit) as uow:
        stored = await uow.outbox.get(claim.id)
    assert stored.status is MessageStatus.DELIVERED and stored.receipt == receipt
    assert stored.delivered_at == T0 + LEASE and stored.lease_until is None


async def test_failures_are_stored_and_retry_puts_a_dead_letter_back(archive: ArchiveBackend):
    await archive.enqueue(RecordKind.ACTION_PLAN, uuid4())
    await archive.enable()
    [claim] = await _claim_mine(archive, T0)
    async with archive.factory(archive.unit) as uow:
        with pytest.raises(Conflict):  # delivering: nothing to retry
            await uow.outbox.retry(claim.id, claim.version, T0)
    failed = after_failure(claim, "HTTP 503", T0)
    assert await archive.queue.mark_failed(failed)
    assert not await archive.queue.mark_failed(failed)  # no longer delivering: fenced
    [second] = await _claim_mine(archive, failed.next_attempt_at)
    dead = after_rejection(second, "rejected: HTTP 400")
    assert await archive.queue.mark_failed(dead)
    async with archive.factory(archive.unit) as uow:
        stored = await uow.outbox.get(claim.id)
        assert stored.status is MessageStatus.DEAD and stored.last_error == "rejected: HTTP 400"
        with pytest.raises(StaleVersion):
            await uow.outbox.retry(claim.id, stored.version - 1, T0)
        back = await uow.outbox.retry(claim.id, stored.version, T0 + timedelta(hours=1))
        await uow.commit()
    assert back.status is MessageStatus.PENDING and back.attempts == 0
    [third] = await _claim_mine(archive, T0 + timedelta(hours=1))
    assert third.attempts == 1


async def test_concurrent_claims_never_share_a_message(archive: ArchiveBackend):
    for _ in range(20):
        await archive.enqueue(RecordKind.MEASURE, uuid4())
    await archive.enable()
    batches = await asyncio.gather(*(_claim_mine(archive, T0, 5) for _ in range(6)))
    ids = [m.id for batch in batches for m in batch]
    assert len(ids) == len(set(ids)) == 20


async def test_settings_start_off_and_change_by_version(archive: ArchiveBackend):
    async with archive.factory(archive.unit) as uow:
        s = await uow.settings.get()
        assert s == ArchiveSettings(unit_id=archive.unit)  # defaults, version 0
        saved = await uow.settings.save(dataclasses.replace(s, enabled=True, class_id="026"), 0)
        await uow.commit()
    assert saved.version == 1 and saved.enabled and saved.class_id == "026"
    async with archive.factory(archive.unit) as uow:
        with pytest.raises(StaleVersion):
            await uow.settings.save(dataclasses.replace(saved, archive_part="SLT"), 0)
    async with archive.factory(archive.unit) as uow:
        again = await uow.settings.save(dataclasses.replace(saved, archive_part="SLT"), 1)
        await uow.commit()
    assert again.version == 2 and again.archive_part == "SLT"
    async with archive.factory(archive.other) as uow:
        assert (await uow.settings.get()).version == 0


async def test_extract_jobs_keep_progress_and_their_zip(archive: ArchiveBackend):
    job = ExtractJob(
        id=uuid4(), unit_id=archive.unit, period=Period(start=date(2026, 1, 1), end=date(2026, 6, 30)),
        status=ExtractStatus.QUEUED, done=0, total=0, created_at=T0,
    )  # fmt: skip
    async with archive.factory(archive.unit) as uow:
        await uow.extracts.add(job)
        await uow.commit()
    async with archive.factory(archive.unit) as uow:
        await uow.extracts.update(job.progressed(2, 5))
        await uow.extracts.put_content(job.id, b"PK\x03\x04zip")
        await uow.extracts.update(job.progressed(5, 5).finished(9, T0))
        await uow.commit()
    async with archive.factory(archive.unit) as uow:
        stored = await uow.extracts.get(job.id)
        assert stored.status is ExtractStatus.DONE and (stored.done, stored.total) == (5, 5)
        assert stored.size == 9 and stored.finished_at == T0
        assert await uow.extracts.content(job.id) == b"PK\x03\x04zip"
    async with archive.factory(archive.other) as uow:
        with pytest.raises(NotFound):
            await uow.extracts.get(job.id)
