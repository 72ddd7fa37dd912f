"""Archive unit tests room: the worker's ``Deliverer`` over the fakes — delivery, idempotency,
retries with backoff, dead letters, rejections and the lease fence."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

from domain.archive.delivery import RECORD_GONE, Deliverer, DeliveryReport
from domain.archive.messages import MAX_ATTEMPTS, MessageStatus
from domain.archive.records import RecordKind
from tests.fakes.archive import FakeArchiveStore, FakeArchiveUnitOfWorkFactory, FakeDeliveryQueue
from tests.fakes.archive_io import FakeMessageBuilder, FakeTransport
from tests.fakes.clock import FakeClock
from tests.unit.archive.samples import AT, case_record

UNIT = uuid4()


def setup(transport: FakeTransport) -> tuple[FakeArchiveStore, Deliverer, FakeClock]:
    store = FakeArchiveStore()
    clock = FakeClock(AT)
    deliverer = Deliverer(
        FakeDeliveryQueue(store), FakeArchiveUnitOfWorkFactory(store), FakeMessageBuilder(),
        transport, clock,
    )  # fmt: skip
    return store, deliverer, clock


def enqueue_record(store: FakeArchiveStore, kind: RecordKind = RecordKind.AGREEMENT) -> None:
    r = case_record(kind)
    store.put_record(UNIT, r)
    store.enqueue(UNIT, kind, r.record_id, at=AT)


async def test_nothing_leaves_until_the_unit_enables_its_archive() -> None:
    transport = FakeTransport()
    store, deliverer, _ = setup(transport)
    enqueue_record(store)
    assert await deliverer.run_once() == DeliveryReport()
    store.enable(UNIT)
    assert await deliverer.run_once() == DeliveryReport(claimed=1, delivered=1)
    (m,) = store.tables.messages.values()
    assert m.status is MessageStatus.DELIVERED and m.receipt is not None
    assert m.receipt.saksnummer == "2025/101" and len(transport.received) == 1
    assert await deliverer.run_once() == DeliveryReport()


async def test_transient_failures_back_off_then_deliver_once() -> None:
    transport = FakeTransport(fail_next=2)
    store, deliverer, clock = setup(transport)
    store.enable(UNIT)
    enqueue_record(store)
    assert await deliverer.run_once() == DeliveryReport(claimed=1, failed=1)
    (m,) = store.tables.messages.values()
    assert m.status is MessageStatus.FAILED and m.last_error == "HTTP 503"
    assert AT <= m.next_attempt_at <= AT + timedelta(seconds=10)
    while (await deliverer.run_once(clock.now())).delivered == 0:
        clock.advance(seconds=3600)
    (m,) = store.tables.messages.values()
    assert m.status is MessageStatus.DELIVERED and m.attempts == 3 and transport.sends == 3


async def test_dead_after_max_attempts_and_at_once_when_rejected_or_gone() -> None:
    transport = FakeTransport(fail_next=100)
    store, deliverer, clock = setup(transport)
    store.enable(UNIT)
    enqueue_record(store)
    for _ in range(MAX_ATTEMPTS):
        await deliverer.run_once(clock.now())
        clock.advance(seconds=3600)
    (m,) = store.tables.messages.values()
    assert m.status is MessageStatus.DEAD and m.attempts == MAX_ATTEMPTS
    transport.reject = "HTTP 400 ugyldig forespørsel"
    enqueue_record(store, RecordKind.MEASURE)
    store.enqueue(UNIT, RecordKind.EVALUATION, uuid4())  # no such record any more
    assert await deliverer.run_once(clock.now()) == DeliveryReport(claimed=2, dead=2)
    errors = sorted(m.last_error or "" for m in store.tables.messages.values())
    assert RECORD_GONE in errors and "rejected: HTTP 400 ugyldig forespørsel" in errors


async def test_an_expired_lease_is_claimed_again_and_the_archive_answers_existing() -> None:
    transport = FakeTransport()
    store, deliverer, clock = setup(transport)
    store.enable(UNIT)
    enqueue_record(store)
    queue = FakeDeliveryQueue(store)
    (stale,) = await queue.claim(10, clock.now(), timedelta(minutes=2))  # a worker that dies
    await transport.send(
        FakeMessageBuilder().build(
            next(iter(store.tables.records.values())), store.tables.settings[UNIT]
        )
    )
    assert await deliverer.run_once(clock.now()) == DeliveryReport()  # leased
    clock.advance(seconds=121)
    assert await deliverer.run_once(clock.now()) == DeliveryReport(claimed=1, delivered=1)
    (m,) = store.tables.messages.values()
    assert m.receipt is not None and m.receipt.existing and len(transport.received) == 1
    # the dead worker wakes up: its outcome is fenced off
    assert not await queue.mark_failed(stale)
    assert store.tables.messages[m.id].status is MessageStatus.DELIVERED


class Unbuildable:
    def build(self, record: object, settings: object) -> object:
        from domain.archive.ports import Unbuildable as Refused

        raise Refused("arkivmelding.xsd: /*/*[3]: SCHEMAV_CVC_MINLENGTH_VALID")


async def test_a_record_that_cannot_make_a_valid_message_is_dead_at_once() -> None:
    transport = FakeTransport()
    store = FakeArchiveStore()
    clock = FakeClock(AT)
    deliverer = Deliverer(
        FakeDeliveryQueue(store), FakeArchiveUnitOfWorkFactory(store), Unbuildable(),  # type: ignore[arg-type]
        transport, clock,
    )  # fmt: skip
    store.enable(UNIT)
    enqueue_record(store)
    assert await deliverer.run_once() == DeliveryReport(claimed=1, dead=1)
    (m,) = store.tables.messages.values()
    assert m.last_error == "unbuildable: arkivmelding.xsd: /*/*[3]: SCHEMAV_CVC_MINLENGTH_VALID"
    assert transport.sends == 0


async def test_an_unexpected_error_is_kept_by_its_kind_only() -> None:
    class Broken:
        def build(self, record: object, settings: object) -> object:
            raise ValueError("Kari Nordmann's title broke it")

    store = FakeArchiveStore()
    deliverer = Deliverer(
        FakeDeliveryQueue(store), FakeArchiveUnitOfWorkFactory(store), Broken(),  # type: ignore[arg-type]
        FakeTransport(), FakeClock(AT),
    )  # fmt: skip
    store.enable(UNIT)
    enqueue_record(store)
    assert await deliverer.run_once() == DeliveryReport(claimed=1, failed=1)
    (m,) = store.tables.messages.values()
    assert m.last_error == "internal: ValueError"


async def test_a_message_whose_lease_ran_out_in_a_slow_batch_is_left_to_the_next_claim() -> None:
    class SlowTransport(FakeTransport):
        def __init__(self, clock: FakeClock) -> None:
            super().__init__()
            self.clock = clock

        async def send(self, package: object) -> object:  # type: ignore[override]
            self.clock.advance(seconds=100)  # each answer takes 100 s; the lease is 120 s
            return await super().send(package)  # type: ignore[arg-type]

    store = FakeArchiveStore()
    clock = FakeClock(AT)
    transport = SlowTransport(clock)
    deliverer = Deliverer(
        FakeDeliveryQueue(store), FakeArchiveUnitOfWorkFactory(store), FakeMessageBuilder(),
        transport, clock,
    )  # fmt: skip
    store.enable(UNIT)
    for _ in range(3):
        enqueue_record(store)
    assert await deliverer.run_once(clock.now()) == DeliveryReport(
        claimed=3, delivered=2, expired=1
    )
    assert transport.sends == 2
    assert await deliverer.run_once(clock.now()) == DeliveryReport(claimed=1, delivered=1)
