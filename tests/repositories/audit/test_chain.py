"""Access log on real PostgreSQL: the sealer links every entry once, in id order, across units
and processes; a crash mid-seal loses nothing; an entry committed late is still sealed; the
verifier finds nothing wrong in an untouched chain."""

from __future__ import annotations

import asyncio
from uuid import uuid4

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import connection as tx
from adapters.postgres.audit import sealer as sealing
from adapters.postgres.audit.log import PgAccessLog
from adapters.postgres.audit.rows import GENESIS, canonical_of, link, values
from adapters.postgres.audit.sealer import Sealer
from adapters.postgres.audit.verifier import verify
from domain.cases.access import GENESIS as DOMAIN_GENESIS
from domain.cases.access import canonical, chain_hash
from tests.repositories.audit.conftest import START, append, entry, ids, raw


def test_canonical_bytes_and_links_are_the_domains() -> None:
    unit = uuid4()
    for e in (entry(unit, 1), entry(unit, 2, category=None, consent_id=None, actor_role='æ"ø')):
        assert canonical_of(values(e)) == canonical(e)
        assert link(GENESIS, canonical(e)).hex() == chain_hash(DOMAIN_GENESIS, e)


async def test_sealing_links_every_entry_once_in_id_order(
    app_engine: AsyncEngine, admin_engine: AsyncEngine
) -> None:
    one, two = uuid4(), uuid4()
    await append(app_engine, one, [entry(one, n) for n in range(5)])
    await append(app_engine, two, [entry(two, n) for n in range(3)])
    escaped = entry(two, 7, actor_subject_key='a\tb\\c\nd"e\x01', at=START)  # on the second
    await append(app_engine, two, [escaped, entry(two, 8, actor_role="æøå ✓")])  # non-ASCII
    result = await Sealer(app_engine, batch=3).seal()
    assert (result.sealed, result.head) == (10, 10)
    assert await ids(admin_engine) == sorted(await ids(admin_engine))
    assert (await Sealer(app_engine).seal()).sealed == 0
    report = await verify(app_engine)
    assert report.ok and report.checked == 10 and report.unsealed == 0


async def test_the_app_role_reads_only_its_units_entries(app_engine: AsyncEngine) -> None:
    one, two, subject = uuid4(), uuid4(), uuid4()
    mine = [entry(one, n, subject_ref=subject) for n in range(3)]
    await append(app_engine, one, [*mine, entry(one, 9)])
    await append(app_engine, two, [entry(two, 1, subject_ref=subject)])
    async with app_engine.connect() as conn:
        await tx.begin(conn, one)
        log = PgAccessLog(conn, one)
        assert [e.id for e in await log.of_subject(subject)] == [e.id for e in mine]
        assert list(await log.of_case(mine[0].case_id)) == [mine[0]]  # type: ignore[arg-type]
        await tx.rollback(conn)


async def test_a_crash_mid_seal_loses_nothing(app_engine: AsyncEngine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    unit = uuid4()
    await append(app_engine, unit, [entry(unit, n) for n in range(7)])
    calls = {"n": 0}
    real = sealing.link

    def crashing(prev: bytes, canonical: bytes) -> bytes:
        calls["n"] += 1
        if calls["n"] == 5:  # inside the second batch: its links roll back
            raise RuntimeError("crash")
        return real(prev, canonical)

    monkeypatch.setattr(sealing, "link", crashing)
    sealer = Sealer(app_engine, batch=3)
    with pytest.raises(RuntimeError):
        await sealer.seal()
    assert (await verify(app_engine)).checked == 3
    monkeypatch.setattr(sealing, "link", real)
    assert (await sealer.seal()).sealed == 4
    report = await verify(app_engine)
    assert report.ok and report.checked == 7 and report.unsealed == 0


async def test_an_entry_committed_after_a_later_one_was_sealed_is_sealed_too(
    app_engine: AsyncEngine,
) -> None:
    unit = uuid4()
    sealer = Sealer(app_engine)
    async with app_engine.connect() as slow:
        await tx.begin(slow, unit)
        await PgAccessLog(slow, unit).append([entry(unit, 1)])  # takes the lower id
        await append(app_engine, unit, [entry(unit, 2)])
        assert (await sealer.seal()).sealed == 1
        await tx.commit(slow)
    assert (await sealer.seal()).sealed == 1
    report = await verify(app_engine)
    assert report.ok and report.checked == 2 and report.unsealed == 0


async def test_concurrent_sealers_link_each_entry_once(app_engine: AsyncEngine) -> None:
    unit = uuid4()
    for n in range(4):
        await append(app_engine, unit, [entry(unit, 10 * n + k) for k in range(25)])
    sealers = [Sealer(app_engine, batch=7) for _ in range(3)]
    for _ in range(3):
        await asyncio.gather(*(s.seal() for s in sealers), return_exceptions=True)
    await sealers[0].seal()
    report = await verify(app_engine)
    assert report.ok and report.checked == 100 and report.unsealed == 0


async def test_the_sealer_loop_stops_when_asked(app_engine: AsyncEngine) -> None:
    unit = uuid4()
    await append(app_engine, unit, [entry(unit, 1)])
    sealer = Sealer(app_engine)
    task = asyncio.create_task(sealer.run(interval=0.05))
    for _ in range(100):
        await asyncio.sleep(0.02)
        if (await verify(app_engine)).checked == 1:
            break
    sealer.stop()
    await asyncio.wait_for(task, 5)
    assert (await verify(app_engine)).checked == 1


async def test_a_restarted_sealer_resumes_from_the_stored_horizon(
    app_engine: AsyncEngine, admin_engine: AsyncEngine
) -> None:
    unit = uuid4()
    await append(app_engine, unit, [entry(unit, 1)])
    await Sealer(app_engine).seal()
    await append(app_engine, unit, [entry(unit, 2)])
    await Sealer(app_engine).seal()
    horizons = await raw(admin_engine, "SELECT horizon FROM access_log_chain WHERE $1", True)
    assert len(horizons) == 2 and horizons[1][0] >= horizons[0][0]
