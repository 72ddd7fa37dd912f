"""Bench room, archive: what the outbox trigger costs an approval, and how fast workers deliver —
``python -m bench.archive`` (on demand, never in the test suite).

A database of its own (``samordna_bench_archive`` on the bench's embedded server) with the demo
and ``2 x MEETINGS`` meetings in draft: ``ITEMS`` agenda items each, written minutes (open and
restricted text) and a decision. Approvals run through the meetings service as the chair, one at
a time, in alternating blocks with migration 0013's minutes trigger enabled and disabled (the
same statements otherwise). Then every message the enabled half enqueued is delivered by one
``samordna worker`` process, put back to pending, and delivered by two, into a drop folder (the
builder, the minutes PDF/A on each meeting's first item, the atomic folder write).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import sqlalchemy as sa

from adapters.postgres import demo, migrate
from adapters.postgres.database import DatabaseUrls, fresh_embedded_database, make_engine
from adapters.postgres.meetings import mapping, tables
from adapters.postgres.meetings.uow import PgMeetingsUnitOfWorkFactory
from adapters.postgres.organisation.base import plain_values
from api import bootstrap
from api.settings import Settings
from bench.env import ROOT, STATE
from domain.meetings.agenda_item import AgendaItem, AgendaKind
from domain.meetings.decision import Decision
from domain.meetings.meeting import Meeting
from domain.meetings.minutes import ItemMinutes, MinutesVersion
from domain.meetings.status import DocumentationStatus, MeetingStatus
from domain.shared.principal import BodyRole, Principal, PrincipalKind, Role

DB = "samordna_bench_archive"
MEETINGS, ITEMS, BLOCK = 60, 5, 10
UNIT = demo.DEMO_UNIT
BODY = demo.demo_id("body/koord-barn")  # chaired by Kari
KARI = demo.demo_id("person/kari")
TRIGGER = "tg_minutes_version_archive"
KARI_AS_CHAIR = Principal(
    kind=PrincipalKind.PERSON, subject_key="bench-kari", unit_id=UNIT, display_name="Kari",
    roles=frozenset({Role.COORDINATOR}), body_roles={BODY: BodyRole.CHAIR}, person_id=KARI,
)  # fmt: skip


async def _drafts(urls: DatabaseUrls, n: int) -> list[UUID]:
    """``n`` meetings in draft, held in the past days, with minutes written and one decision."""
    out: dict[str, list[dict[str, object]]] = {k: [] for k in "mavd"}
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=20)
    for k in range(n):
        at = start + timedelta(hours=k * 3)
        m = Meeting(
            id=uuid4(), unit_id=UNIT, body_id=BODY, starts_at=at, ends_at=at + timedelta(hours=2),
            place="Rådhuset", status=MeetingStatus.MINUTES_DRAFT,
            documentation_status=DocumentationStatus.IN_PROGRESS,
        )  # fmt: skip
        items = [
            AgendaItem(
                id=uuid4(),
                unit_id=UNIT,
                meeting_id=m.id,
                position=i + 1,
                title=f"Sak {i + 1}: oppfølging av tiltak",
                kind=AgendaKind.DECISION,
            )
            for i in range(ITEMS)
        ]
        texts = tuple(
            ItemMinutes(
                agenda_item_id=i.id,
                open_text="Gruppa drøftet saken og ble enige om videre arbeid. " * 3,
                restricted_text="Tjenestene følger opp i eget møte.",
            )
            for i in items
        )
        out["m"].append(plain_values(m))
        out["a"] += [plain_values(i) for i in items]
        v = MinutesVersion(id=uuid4(), unit_id=UNIT, meeting_id=m.id, written_at=at, items=texts)
        out["v"].append(mapping.minutes_values(v))
        d = Decision(
            id=uuid4(), unit_id=UNIT, meeting_id=m.id, agenda_item_id=items[0].id, body_id=BODY,
            text="Gruppa slutter seg til forslaget.", ordinal=1,
        )  # fmt: skip
        out["d"].append(mapping.decision_values(d))
    engine = make_engine(urls.app, pool_size=1)
    try:
        async with PgMeetingsUnitOfWorkFactory(engine)(UNIT) as uow:
            for table, key in (
                (tables.MEETING, "m"), (tables.AGENDA_ITEM, "a"),
                (tables.MINUTES_VERSION, "v"), (tables.DECISION, "d"),
            ):  # fmt: skip
                await uow.conn.execute(table.insert(), out[key])
            await uow.commit()
    finally:
        await engine.dispose()
    return [row["id"] for row in out["m"]]  # type: ignore[misc]


async def _admin(urls: DatabaseUrls, sql: str) -> None:
    engine = make_engine(urls.admin, pool_size=1)
    try:
        async with engine.begin() as conn:
            await conn.execute(sa.text(sql))
    finally:
        await engine.dispose()


async def approvals(urls: DatabaseUrls, c: bootstrap.Container) -> dict[bool, list[float]]:
    """Seconds per approval, with the outbox trigger (True) and without (False)."""
    ids = await _drafts(urls, 2 * MEETINGS)
    times: dict[bool, list[float]] = {True: [], False: []}
    for warm in ids[:2]:  # not counted: first connections, first plans
        await c.meetings.approve_by_chair(KARI_AS_CHAIR, warm, 1)
    rest = ids[2:]
    blocks = [rest[i : i + BLOCK] for i in range(0, len(rest), BLOCK)]
    for n, block in enumerate(blocks):
        enabled = n % 2 == 0
        verb = "ENABLE" if enabled else "DISABLE"
        await _admin(urls, f"ALTER TABLE minutes_version {verb} TRIGGER {TRIGGER}")
        for mid in block:
            t0 = time.perf_counter()
            await c.meetings.approve_by_chair(KARI_AS_CHAIR, mid, 1)
            times[enabled].append(time.perf_counter() - t0)
    await _admin(urls, f"ALTER TABLE minutes_version ENABLE TRIGGER {TRIGGER}")
    return times


def _workers(urls: DatabaseUrls, drop: Path, n: int) -> list[subprocess.Popen[bytes]]:
    env = {
        **os.environ, "DATABASE_URL": urls.app, "SAMORDNA_DATABASE_ADMIN_URL": urls.admin,
        "SAMORDNA_ENVIRONMENT": "test", "SAMORDNA_STATE_DIR": str(drop.parent),
        "SAMORDNA_ARCHIVE_TRANSPORT": f"drop:{drop}", "SAMORDNA_MAIL_CATCHER": "false",
    }  # fmt: skip
    command = [sys.executable, "-m", "api.cli", "worker", "--until-idle", "--idle", "0.2"]
    return [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL) for _ in range(n)
    ]


async def delivery(urls: DatabaseUrls, n: int) -> tuple[int, float, float]:
    """Messages delivered by ``n`` worker processes: (count, wall seconds, messages per second
    between the first and the last delivery)."""
    await _admin(
        urls,
        "UPDATE archive_message SET status = 'pending', attempts = 0, lease_until = NULL,"
        " delivered_at = NULL, receipt = NULL, next_attempt_at = now() - interval '1 second'",
    )
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        for p in _workers(urls, Path(tmp) / "drop", n):
            p.wait()
        wall = time.perf_counter() - t0
    engine = make_engine(urls.admin, pool_size=1)
    try:
        async with engine.connect() as conn:
            row = (
                await conn.execute(
                    sa.text(
                        "SELECT count(*) FILTER (WHERE status = 'delivered'), count(*),"
                        " extract(epoch FROM max(delivered_at) - min(delivered_at))"
                        " FROM archive_message"
                    )
                )
            ).one()
    finally:
        await engine.dispose()
    delivered, total, span = row
    assert delivered == total, f"{total - delivered} of {total} not delivered"
    return total, wall, (total - 1) / float(span or 1)


async def run(urls: DatabaseUrls) -> None:
    settings = Settings(environment="test", state_dir=STATE, mail_catcher=False)
    await bootstrap.load_demo(settings, urls)
    await _admin(urls, "DELETE FROM archive_message")
    await _admin(
        urls,
        f"INSERT INTO archive_settings (unit_id, enabled, class_id) VALUES ('{UNIT}', true, '026')",
    )
    c = bootstrap.build_container(settings, urls)
    try:
        times = await approvals(urls, c)
    finally:
        await c.aclose()
    with_, without = (statistics.median(times[k]) * 1000 for k in (True, False))
    print(f"Approval of minutes ({ITEMS} agenda items, 1 decision), {len(times[True])} each:")
    print(f"  with the outbox trigger    median {with_:6.1f} ms  ({1000 / with_:5.1f}/s)")
    print(f"  without the trigger        median {without:6.1f} ms  ({1000 / without:5.1f}/s)")
    print(f"  throughput ratio with/without: {without / with_:.2f}x (goal >= 0.6x)")
    for n in (1, 2):
        total, wall, rate = await delivery(urls, n)
        print(
            f"Delivery, {n} worker process(es): {total} messages in {wall:.1f} s wall"
            f" (start-up included), {rate:.1f} messages/s first to last delivery"
        )


def main() -> None:
    urls = fresh_embedded_database(STATE, DB)
    migrate.upgrade(urls.admin)  # runs its own event loop
    asyncio.run(run(urls))


if __name__ == "__main__":
    main()
