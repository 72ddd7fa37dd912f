"""Archive domain room: ``Deliverer`` — the worker's use case. Claim a batch (its own short
transaction), build and send each message outside any transaction, then store the outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.archive.messages import (
    LEASE,
    MessageStatus,
    OutboxMessage,
    Rng,
    after_failure,
    after_rejection,
)
from domain.archive.ports import (
    ArchiveTransport,
    ArchiveUnitOfWorkFactory,
    Clock,
    DeliveryQueue,
    MessageBuilder,
    Rejected,
    TransientFailure,
    Unbuildable,
)

BATCH = 10
RECORD_GONE = "record-missing: the record no longer exists in Samordna"
NOT_ENABLED = "not-enabled: the unit's archive delivery was switched off"


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryReport:
    claimed: int = 0
    delivered: int = 0
    failed: int = 0
    dead: int = 0
    expired: int = 0  # claimed, but the lease ran out before its turn in the batch

    def __add__(self, other: DeliveryReport) -> DeliveryReport:
        return DeliveryReport(
            claimed=self.claimed + other.claimed,
            delivered=self.delivered + other.delivered,
            failed=self.failed + other.failed,
            dead=self.dead + other.dead,
            expired=self.expired + other.expired,
        )


class Deliverer:
    def __init__(
        self,
        queue: DeliveryQueue,
        uow_factory: ArchiveUnitOfWorkFactory,
        builder: MessageBuilder,
        transport: ArchiveTransport,
        clock: Clock,
        *,
        batch: int = BATCH,
        lease: timedelta = LEASE,
        rng: Rng | None = None,
    ) -> None:
        self._queue = queue
        self._uow = uow_factory
        self._builder = builder
        self._transport = transport
        self._clock = clock
        self._batch = batch
        self._lease = lease
        self._rng = rng

    async def run_once(self, now: datetime | None = None) -> DeliveryReport:
        """One batch; an empty report means nothing was due."""
        claimed = await self._queue.claim(self._batch, now or self._clock.now(), self._lease)
        report = DeliveryReport(claimed=len(claimed))
        for m in claimed:
            report += await self._deliver(m)
        return report

    async def _deliver(self, m: OutboxMessage) -> DeliveryReport:
        if m.lease_until is not None and self._clock.now() >= m.lease_until:
            # The batch took longer than the lease (a slow archive): another worker may hold this
            # message by now. Leave it to the next claim rather than send it twice at once.
            return DeliveryReport(expired=1)
        try:
            async with self._uow(m.unit_id) as uow:  # read only: left without commit
                settings = await uow.settings.get()
                record = await uow.records.load(m.record_kind, m.record_id, m.part_id)
            if record is None:
                return await self._fail(after_rejection(m, RECORD_GONE))
            if not settings.enabled:
                raise TransientFailure(NOT_ENABLED)
            package = self._builder.build(record, settings)
            receipt = await self._transport.send(package)
        except TransientFailure as exc:
            return await self._fail(after_failure(m, str(exc), self._clock.now(), self._rng))
        except Rejected as exc:
            return await self._fail(after_rejection(m, f"rejected: {exc.reason}"))
        except Unbuildable as exc:
            return await self._fail(after_rejection(m, f"unbuildable: {exc.reason}"))
        except Exception as exc:  # a bug or an outage here: kept by its kind, never its content
            error = f"internal: {type(exc).__name__}"
            return await self._fail(after_failure(m, error, self._clock.now(), self._rng))
        stored = await self._queue.mark_delivered(m, receipt, self._clock.now())
        return DeliveryReport(delivered=1 if stored else 0)

    async def _fail(self, outcome: OutboxMessage) -> DeliveryReport:
        if not await self._queue.mark_failed(outcome):
            return DeliveryReport()
        if outcome.status is MessageStatus.DEAD:
            return DeliveryReport(dead=1)
        return DeliveryReport(failed=1)
