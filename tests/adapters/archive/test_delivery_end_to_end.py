"""Archive adapter tests room: the worker's use case with the real builder and the HTTP transport
against the test receiver (the outbox in memory): retries with backoff until the archive answers,
a rejection becomes a dead letter and a retry delivers it, and a worker that dies mid-delivery
leaves exactly one record in the archive."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

import httpx

from adapters.archive.arkivmelding import FiksArkivMessageBuilder
from adapters.archive.http_transport import HttpTransport
from domain.archive.delivery import Deliverer, DeliveryReport
from domain.archive.messages import MessageStatus, retried
from domain.archive.records import ArchiveRecord, RecordKind
from tests.archive_receiver import ArchiveReceiver
from tests.fakes.archive import FakeArchiveStore, FakeArchiveUnitOfWorkFactory, FakeDeliveryQueue
from tests.fakes.clock import FakeClock
from tests.unit.archive.samples import AT, case_record, meeting, minutes_item, pdf

UNIT = uuid4()


def world(receiver: ArchiveReceiver) -> tuple[FakeArchiveStore, Deliverer, FakeClock]:
    store = FakeArchiveStore()
    store.enable(UNIT, class_id="026", archive_part="SLT")
    clock = FakeClock(AT)
    transport = HttpTransport("http://archive.test/", transport=httpx.ASGITransport(app=receiver))
    deliverer = Deliverer(
        FakeDeliveryQueue(store), FakeArchiveUnitOfWorkFactory(store), FiksArkivMessageBuilder(),
        transport, clock,
    )  # fmt: skip
    return store, deliverer, clock


def enqueue(store: FakeArchiveStore, record: ArchiveRecord) -> None:
    store.put_record(UNIT, record)
    subject = record.meeting.meeting_id if record.meeting else record.record_id
    store.enqueue(UNIT, record.kind, record.record_id, record.part_id, subject_id=subject, at=AT)


async def test_minutes_and_a_plan_reach_the_archive_through_retries() -> None:
    receiver = ArchiveReceiver(fail_next=3)
    store, deliverer, clock = world(receiver)
    mt = meeting()
    version = uuid4()
    for n in (1, 2, 3):
        enqueue(
            store, minutes_item(mt, n, version_id=version, documents=(pdf(),) if n == 1 else ())
        )
    enqueue(store, case_record(RecordKind.ACTION_PLAN, documents=(pdf("plan.pdf"),)))
    total = DeliveryReport()
    for _ in range(20):
        total += await deliverer.run_once(clock.now())
        clock.advance(seconds=3600)
    assert total.delivered == 4 and total.failed == 3 and total.dead == 0
    assert len(receiver.registrations) == 4 and len(receiver.cases) == 2
    statuses = {m.status for m in store.tables.messages.values()}
    assert statuses == {MessageStatus.DELIVERED}
    plan = next(
        m for m in store.tables.messages.values() if m.record_kind is RecordKind.ACTION_PLAN
    )
    assert (
        plan.receipt is not None
        and plan.receipt.saksnummer
        and plan.receipt.journalpostnummer == "1"
    )


async def test_a_rejection_is_a_dead_letter_until_a_person_retries() -> None:
    receiver = ArchiveReceiver(reject="Ugyldig klasse for Kari Nordmann")
    store, deliverer, clock = world(receiver)
    enqueue(store, case_record(RecordKind.AGREEMENT, documents=(pdf("avtale.pdf"),)))
    assert await deliverer.run_once() == DeliveryReport(claimed=1, dead=1)
    (m,) = store.tables.messages.values()
    assert (
        m.last_error == "rejected: HTTP 400 (feilId UGYLDIG-1)" and "Nordmann" not in m.last_error
    )
    receiver.reject = None
    store.tables.messages[m.id] = retried(m, clock.now())
    assert await deliverer.run_once() == DeliveryReport(claimed=1, delivered=1)
    assert len(receiver.registrations) == 1


async def test_a_worker_that_dies_mid_delivery_leaves_exactly_one_record() -> None:
    receiver = ArchiveReceiver()
    store, deliverer, clock = world(receiver)
    enqueue(store, case_record(RecordKind.MEASURE))
    # a worker claims, sends, and dies before it can store the outcome
    queue = FakeDeliveryQueue(store)
    (_dead,) = await queue.claim(1, clock.now(), timedelta(minutes=2))
    record = next(iter(store.tables.records.values()))
    transport = HttpTransport("http://archive.test/", transport=httpx.ASGITransport(app=receiver))
    await transport.send(FiksArkivMessageBuilder().build(record, store.tables.settings[UNIT]))
    assert await deliverer.run_once(clock.now()) == DeliveryReport()  # still leased
    clock.advance(seconds=121)
    assert await deliverer.run_once(clock.now()) == DeliveryReport(claimed=1, delivered=1)
    (m,) = store.tables.messages.values()
    assert m.receipt is not None and m.receipt.existing and m.attempts == 2
    assert len(receiver.registrations) == 1 and receiver.posts == 2
