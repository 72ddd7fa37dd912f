"""Archive integration, in process: the worker's use case (``Deliverer``) on the real PostgreSQL
adapter, the FIKS Arkiv builder and the HTTP transport, against the test archive. Transient
failures come back after the full-jitter backoff; a rejection is dead at once; eight transient
failures make a dead letter; a person's retry puts it back and it is delivered."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa

from adapters.archive.arkivmelding import FiksArkivMessageBuilder
from adapters.archive.http_transport import HttpTransport
from adapters.postgres.archive.queue import PgDeliveryQueue
from domain.archive.delivery import Deliverer
from domain.archive.messages import MAX_ATTEMPTS, MessageStatus
from domain.shared.errors import StaleVersion
from tests.api.meetings.support import headers
from tests.archive_receiver import ArchiveReceiver
from tests.fakes.clock import FakeClock
from tests.integration.archive.support import UNIT, approvable, approve, enable, outbox


class Half(random.Random):
    def random(self) -> float:
        return 0.5


@pytest.fixture
async def world(client, admin_engine, container):
    """One approved meeting with one agenda item: its one message alone in the outbox."""
    h = await headers(client)
    mid, _ = await approvable(client, h, items=1)
    assert (await approve(client, h, mid)).status_code == 200
    async with admin_engine.begin() as conn:
        await conn.execute(
            sa.text("DELETE FROM archive_message WHERE subject_id <> :m"), {"m": mid}
        )
    await enable(admin_engine)
    receiver = ArchiveReceiver()
    clock = FakeClock(datetime.now(UTC) + timedelta(seconds=1))
    transport = HttpTransport(
        "http://archive.test/arkiv", transport=httpx.ASGITransport(app=receiver)
    )
    d = Deliverer(
        PgDeliveryQueue(container.connections),
        container.archive_uow,
        FiksArkivMessageBuilder(),
        transport,
        clock,
        rng=Half(),
    )
    return UUID(mid), receiver, clock, d


async def _row(admin_engine, mid):
    [row] = await outbox(admin_engine, subject_id=mid)
    return row


async def test_transient_failures_come_back_after_the_backoff(world, admin_engine):
    mid, receiver, clock, d = world
    receiver.fail_next = 2
    first = await d.run_once(clock.now())
    assert (first.claimed, first.failed) == (1, 1)
    row = await _row(admin_engine, mid)
    assert row["status"] == "failed" and row["attempts"] == 1 and row["last_error"] == "HTTP 503"
    assert row["next_attempt_at"] == clock.now() + timedelta(seconds=5)  # 10 s x 0.5
    assert (await d.run_once(clock.now())).claimed == 0  # not due yet
    clock.advance(seconds=5)
    assert (await d.run_once(clock.now())).failed == 1
    row = await _row(admin_engine, mid)
    assert row["attempts"] == 2
    assert row["next_attempt_at"] == clock.now() + timedelta(seconds=10)  # 20 s x 0.5
    clock.advance(seconds=10)
    assert (await d.run_once(clock.now())).delivered == 1
    row = await _row(admin_engine, mid)
    assert row["status"] == "delivered" and row["attempts"] == 3 and row["last_error"] is None
    assert receiver.posts == 3 and len(receiver.registrations) == 1


async def test_a_rejection_is_a_dead_letter_at_once(world, admin_engine):
    mid, receiver, clock, d = world
    receiver.reject = "klassen finnes ikke"
    assert (await d.run_once(clock.now())).dead == 1
    row = await _row(admin_engine, mid)
    assert row["status"] == "dead" and row["attempts"] == 1
    assert row["last_error"] == "rejected: HTTP 400 (feilId UGYLDIG-1)"
    assert "klassen" not in row["last_error"]  # the archive's own words are not stored
    clock.advance(seconds=86400)
    assert (await d.run_once(clock.now())).claimed == 0


async def test_eight_transient_failures_make_a_dead_letter_and_retry_revives_it(
    world, admin_engine, container
):
    mid, receiver, clock, d = world
    receiver.fail_next = 100
    for attempt in range(1, MAX_ATTEMPTS + 1):
        report = await d.run_once(clock.now())
        assert report.claimed == 1, attempt
        clock.advance(seconds=3600)
    row = await _row(admin_engine, mid)
    assert row["status"] == "dead" and row["attempts"] == MAX_ATTEMPTS
    assert (await d.run_once(clock.now())).claimed == 0
    assert receiver.posts == MAX_ATTEMPTS

    receiver.fail_next = 0
    async with container.archive_uow(UNIT) as uow:
        with pytest.raises(StaleVersion):
            await uow.outbox.retry(row["id"], row["version"] - 1, clock.now())
        again = await uow.outbox.retry(row["id"], row["version"], clock.now())
        await uow.commit()
    assert again.status is MessageStatus.PENDING and again.attempts == 0
    assert (await d.run_once(clock.now())).delivered == 1
    row = await _row(admin_engine, mid)
    assert row["status"] == "delivered" and row["attempts"] == 1
    assert len(receiver.registrations) == 1


async def test_a_unit_whose_archive_is_off_keeps_its_messages_waiting(world, admin_engine):
    mid, _, clock, d = world
    await enable(admin_engine, enabled=False)
    assert (await d.run_once(clock.now())).claimed == 0
    assert (await _row(admin_engine, mid))["status"] == "pending"
    await enable(admin_engine)
    assert (await d.run_once(clock.now())).delivered == 1
