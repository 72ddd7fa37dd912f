"""Archive integration with real processes: ``samordna worker`` subprocesses deliver over HTTP to the
test archive. A worker killed (SIGKILL) after the archive stored its message but before it could
record that loses nothing and duplicates nothing: the lease runs out, the next worker sends again,
the archive answers "exists", and the receiver holds exactly one record. Two workers side by side
never send one message twice (FOR UPDATE SKIP LOCKED)."""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import Awaitable, Callable
from subprocess import Popen
from uuid import UUID

from tests.api.meetings.support import headers
from tests.integration.archive.served import HeldReceiver, serve, worker
from tests.integration.archive.support import approvable, approve, enable, outbox


async def _until(
    check: Callable[[], Awaitable[bool]], seconds: float, what: str, *workers: Popen[bytes]
) -> None:
    deadline = time.monotonic() + seconds
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        if any(p.poll() is not None for p in workers):
            raise AssertionError(f"a worker exited while waiting for {what} (see worker.log)")
        await asyncio.sleep(0.1)


async def _approved_meetings(client, n: int, items: int) -> list[UUID]:
    h = await headers(client)
    ids = []
    for _ in range(n):
        mid, _ = await approvable(client, h, items=items)
        assert (await approve(client, h, mid)).status_code == 200
        ids.append(UUID(mid))
    return ids


async def _statuses(admin, meetings: list[UUID]) -> list[dict]:
    rows = []
    for m in meetings:
        rows += await outbox(admin, subject_id=m)
    return rows


def _stop(p) -> None:
    if p.poll() is None:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=30)
        except Exception:
            p.kill()
            p.wait()


async def test_a_worker_killed_mid_delivery_leaves_exactly_one_record(
    client, admin_engine, database, tmp_path
):
    [mid] = await _approved_meetings(client, 1, items=1)
    await enable(admin_engine)
    held = HeldReceiver(hold=60)  # stores, then keeps the worker waiting for the answer
    with serve(held) as url:
        first = worker(database, url, tmp_path / "a", "--lease", "3")
        try:
            await _until(
                lambda: asyncio.to_thread(held.stored.wait, 0.05), 60, "the first send", first
            )
            [row] = await outbox(admin_engine, subject_id=mid)
            assert row["status"] == "delivering" and row["attempts"] == 1
            first.send_signal(signal.SIGKILL)  # mid-delivery: the archive has it, we do not know
            first.wait(timeout=10)
        finally:
            _stop(first)
        [row] = await outbox(admin_engine, subject_id=mid)
        assert row["status"] == "delivering"  # nothing recorded: the lease will run out
        assert len(held.receiver.registrations) == 1
        held.hold = 0
        second = worker(database, url, tmp_path / "b", "--lease", "3")
        try:

            async def delivered() -> bool:
                return (await outbox(admin_engine, subject_id=mid))[0]["status"] == "delivered"

            await _until(delivered, 60, "the second worker's delivery", second)
        finally:
            _stop(second)
    [row] = await outbox(admin_engine, subject_id=mid)
    assert row["attempts"] == 2
    assert row["receipt"]["existing"] is True  # the archive answered "exists"
    assert row["receipt"]["mappe_system_id"] and row["receipt"]["registrering_system_id"]
    assert held.receiver.posts == 2
    assert list(held.receiver.registrations) == [row["key"]]  # exactly one record


async def test_two_workers_never_deliver_one_message_twice(
    client, admin_engine, database, tmp_path
):
    meetings = await _approved_meetings(client, 4, items=4)
    await enable(admin_engine)
    rows = await _statuses(admin_engine, meetings)
    assert len(rows) == 16
    held = HeldReceiver()
    held.receiver.delay = 0.05  # sends overlap in time
    with serve(held) as url:
        workers = [
            worker(database, url, tmp_path / n, "--batch", "2", "--lease", "60") for n in "ab"
        ]
        try:

            async def all_delivered() -> bool:
                rows = await _statuses(admin_engine, meetings)
                return all(r["status"] == "delivered" for r in rows)

            await _until(all_delivered, 120, "every message delivered", *workers)
        finally:
            for p in workers:
                _stop(p)
    rows = await _statuses(admin_engine, meetings)
    assert all(r["attempts"] == 1 and not r["receipt"]["existing"] for r in rows)
    assert held.receiver.posts == 16  # no message was sent twice
    assert sorted(held.receiver.registrations) == sorted(r["key"] for r in rows)
    assert all(p.returncode == 0 for p in workers)  # SIGTERM: the batch finished, a clean exit
