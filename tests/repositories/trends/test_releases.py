"""Repository tier, trends: frozen releases — the bytes read back are the bytes stored, nothing
updates them, and of two concurrent releases of one period and revision one wins and the other
is ``ReleaseConflict`` (the UNIQUE constraint, two real connections)."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from adapters.postgres import connection as tx
from adapters.postgres.trends.tables import TENANT_TABLES
from domain.knowledge.periods import Period
from domain.trends.errors import ReleaseConflict
from tests.repositories.trends.conftest import TrendsDb, release

H1 = Period.parse("2026H1")


async def test_a_release_reads_back_byte_for_byte_with_its_revisions(trends: TrendsDb):
    first, second = release(trends.mine), release(trends.mine, revision=2)
    async with trends.factory(trends.mine) as uow:
        assert await uow.releases.revision(trends.mine, H1) == 0
        await uow.releases.add(first)
        await uow.commit()
    async with trends.factory(trends.mine) as uow:
        await uow.releases.add(second)
        await uow.releases.add(release(trends.mine, period="2025H2"))
        await uow.commit()
    async with trends.factory(trends.mine) as uow:
        latest = await uow.releases.latest(trends.mine, "offences-by-category", H1)
        old = await uow.releases.get(trends.mine, "offences-by-category", H1, 1)
        assert latest == second.tables[0] and old == first.tables[0]
        assert latest.json.content == second.tables[0].json.content  # the same bytes
        assert latest.json.etag == second.tables[0].json.etag
        assert latest.csv.content.endswith(b"# offences-by-category\n")
        assert latest.cells_released == 2
        assert await uow.releases.get(trends.mine, "offences-by-category", H1, 3) is None
        assert await uow.releases.latest(trends.mine, "substance-treatment", H1) is None
        assert await uow.releases.revision(trends.mine, H1) == 2
        assert [str(p) for p in await uow.releases.periods(trends.mine)] == ["2026H1", "2025H2"]
        listed = await uow.releases.releases(trends.mine)
        assert [(str(r.period), r.revision) for r in listed] == [
            ("2026H1", 2), ("2026H1", 1), ("2025H2", 1)]  # fmt: skip
        assert listed[0].audit == second.audit and listed[0].change_log == second.change_log
        assert listed[0].released_by == "Kari Koordinator" and listed[0].population_vintage == 2025
        assert [t.table for t in listed[0].tables] == ["offences-by-category", "offences-by-age"]
    async with trends.factory(trends.mine) as uow:  # a re-read: still identical
        again = await uow.releases.latest(trends.mine, "offences-by-category", H1)
        assert again is not None and again.json.content == latest.json.content


async def test_another_unit_reads_none_of_the_releases(trends: TrendsDb):
    async with trends.factory(trends.mine) as uow:
        await uow.releases.add(release(trends.mine))
        await uow.commit()
    async with trends.factory(trends.neighbour) as uow:
        assert await uow.releases.latest(trends.mine, "offences-by-category", H1) is None
        assert await uow.releases.releases(trends.mine) == []
        assert await uow.releases.periods(trends.mine) == []
        assert await uow.releases.revision(trends.mine, H1) == 0


async def test_a_frozen_release_is_never_updated(trends: TrendsDb):
    async with trends.factory(trends.mine) as uow:
        await uow.releases.add(release(trends.mine))
        await uow.commit()
    async with trends.factory(trends.mine) as uow:  # the app role has no UPDATE or DELETE
        for statement in (
            "UPDATE trend_release SET body_json = '\\x00'",
            "DELETE FROM trend_release",
        ):
            with pytest.raises(DBAPIError, match="permission denied"):
                await uow.conn.exec_driver_sql(statement)
            await tx.rollback(uow.conn)
            await tx.begin(uow.conn, trends.mine)
    with pytest.raises(DBAPIError, match="append-only"):  # not even the owner
        async with trends.admin.begin() as conn:
            await conn.execute(sa.text("UPDATE trend_release SET released_by_name = 'x'"
                                       " WHERE unit_id = :u"), {"u": trends.mine})  # fmt: skip


async def test_of_two_concurrent_releases_of_a_period_one_wins(trends: TrendsDb):
    gate = asyncio.Barrier(2)

    async def release_once(by: str) -> str:
        async with trends.factory(trends.mine) as uow:
            revision = await uow.releases.revision(trends.mine, H1) + 1
            await gate.wait()  # both read revision 0 before either writes
            r = release(trends.mine, revision=revision)
            await uow.releases.add(r)
            await uow.commit()
            return by

    results = await asyncio.gather(release_once("a"), release_once("b"), return_exceptions=True)
    assert sorted(type(r).__name__ for r in results) == ["ReleaseConflict", "str"]
    assert isinstance(next(r for r in results if not isinstance(r, str)), ReleaseConflict)
    async with trends.factory(trends.mine) as uow:
        assert await uow.releases.revision(trends.mine, H1) == 1
        assert len(await uow.releases.releases(trends.mine)) == 1


async def test_row_level_security_is_forced_and_only_the_definer_functions_cross_units(
    trends: TrendsDb,
):
    tables = sa.text(
        "SELECT c.relname, c.relrowsecurity AND c.relforcerowsecurity"
        " FROM pg_class c WHERE c.relname = ANY(:names) AND c.relkind = 'r'"
    )
    functions = sa.text(
        "SELECT p.proname, p.prosecdef, has_function_privilege('samordna_app', p.oid, 'EXECUTE'),"
        " has_function_privilege('public', p.oid, 'EXECUTE'),"
        " array_to_string(p.proconfig, ',') LIKE '%search_path%'"
        " FROM pg_proc p WHERE p.proname LIKE 'samordna_trend_%' ORDER BY p.proname"
    )
    async with trends.admin.connect() as conn:
        found = dict((await conn.execute(tables, {"names": list(TENANT_TABLES)})).all())
        assert found == dict.fromkeys(TENANT_TABLES, True)
        rows = (await conn.execute(functions)).all()
    assert [r[0] for r in rows] == [
        "samordna_trend_periods", "samordna_trend_pull_log", "samordna_trend_release",
        "samordna_trend_units"]  # fmt: skip
    assert all(r[1] and r[2] and not r[3] and r[4] for r in rows), rows
