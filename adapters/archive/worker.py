"""Archive adapters room (delivery): the worker loop behind ``samordna worker`` — the ``Deliverer``'s
batches one after the other while messages are due, a short idle wait when none is, until told
to stop. An outage (the database gone, say) is logged by its kind only and waited out; a worker
that dies mid-delivery loses nothing: its claims' leases run out and another worker takes them."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from typing import Protocol

from domain.archive.delivery import DeliveryReport

log = logging.getLogger("samordna.archive.worker")

IDLE_SECONDS = 2.0  # how long an idle worker waits before it looks again
OUTAGE_SECONDS = 10.0  # how long it waits after a batch failed as a whole


class Batches(Protocol):
    async def run_once(self) -> DeliveryReport: ...


@dataclass
class WorkerTotals:
    batches: int = 0
    report: DeliveryReport = field(default_factory=DeliveryReport)
    outages: int = 0


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


async def run_worker(
    deliverer: Batches,
    stop: asyncio.Event,
    *,
    idle: float = IDLE_SECONDS,
    outage: float = OUTAGE_SECONDS,
    until_idle: bool = False,
) -> WorkerTotals:
    """Deliver until ``stop`` is set (or, with ``until_idle``, until a batch finds nothing due).
    A batch in flight is finished before stopping: a claimed message is never left half-stored
    by a polite stop (only a kill does that, and the lease covers it)."""
    totals = WorkerTotals()
    while not stop.is_set():
        try:
            report = await deliverer.run_once()
        except Exception as exc:  # an outage: the database or the network, never a message's fault
            totals.outages += 1
            log.warning("archive batch failed", extra={"error": type(exc).__name__})
            await _pause(stop, outage)
            continue
        totals.batches += 1
        totals.report += report
        if report.claimed:
            log.info(
                "archive batch",
                extra={
                    "claimed": report.claimed,
                    "delivered": report.delivered,
                    "failed": report.failed,
                    "dead": report.dead,
                },
            )
            continue
        if until_idle:
            break
        await _pause(stop, idle)
    return totals
