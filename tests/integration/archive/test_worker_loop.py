"""Archive worker loop (``adapters/archive/worker.py``): batches back to back while messages are
due, an idle wait when none is, an outage waited out (logged by its kind, never its text), and a
stop that lets the batch in flight finish."""

from __future__ import annotations

import asyncio
import logging

from adapters.archive.worker import run_worker
from domain.archive.delivery import DeliveryReport


class Script:
    """Answers ``run_once`` from a list: a report, or an exception to raise."""

    def __init__(self, *answers: DeliveryReport | Exception, stop: asyncio.Event | None = None):
        self.answers = list(answers)
        self.calls = 0
        self.stop = stop

    async def run_once(self) -> DeliveryReport:
        self.calls += 1
        if not self.answers:
            if self.stop is not None:
                self.stop.set()
            return DeliveryReport()
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


async def test_until_idle_drains_and_counts():
    busy = DeliveryReport(claimed=2, delivered=1, failed=1)
    script = Script(busy, busy)
    totals = await run_worker(script, asyncio.Event(), idle=0.01, until_idle=True)
    assert script.calls == 3 and totals.batches == 3
    assert (totals.report.delivered, totals.report.failed) == (2, 2)


async def test_an_outage_is_waited_out_and_logged_by_its_kind(caplog):
    stop = asyncio.Event()
    secret = "Kari Nordmann 12345678901"  # an error text must never reach the log
    script = Script(ConnectionError(secret), DeliveryReport(claimed=1, delivered=1), stop=stop)
    with caplog.at_level(logging.WARNING, logger="samordna.archive.worker"):
        totals = await asyncio.wait_for(run_worker(script, stop, idle=0.01, outage=0.01), timeout=5)
    assert totals.outages == 1 and totals.report.delivered == 1
    [record] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert record.error == "ConnectionError"  # type: ignore[attr-defined]
    assert secret not in caplog.text


async def test_a_stop_ends_the_idle_wait_at_once():
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.call_later(0.05, stop.set)
    started = loop.time()
    await run_worker(Script(), stop, idle=30)
    assert loop.time() - started < 5
