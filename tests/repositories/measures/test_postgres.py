"""Measures on PostgreSQL only: what the database guarantees beyond the contract cases — two
concurrent transitions of one measure on two real connections (one wins), row-level security
forced on every table, the constraints that mirror the domain's rules, a plan's tree in three
statements. The records kept as written: ``test_postgres_records``."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any
from uuid import uuid4

import pytest
import sqlalchemy as sa
from asyncpg import Connection  # type: ignore[import-untyped]
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.database import DatabaseUrls, make_engine
from adapters.postgres.measures.plan_tables import TENANT_TABLES
from adapters.postgres.measures.uow import PgMeasuresUnitOfWorkFactory
from domain.measures.errors import UnsupportedReport
from domain.measures.measure import Measure
from domain.measures.stage import Stage
from domain.shared.errors import Conflict, StaleVersion, ValidationFailed
from tests.repositories.conftest import Engines
from tests.repositories.measures.conftest import AT, MeasureBackend


@pytest.fixture
def engines(request: pytest.FixtureRequest) -> Engines:
    """PostgreSQL only (overrides the tier's fake/postgres pair)."""
    return Engines(request.getfixturevalue("admin_engine"), request.getfixturevalue("app_engine"))


@pytest.fixture
async def wide(database: DatabaseUrls) -> AsyncIterator[AsyncEngine]:
    """The app role with a connection of its own for each rival."""
    engine = make_engine(database.app, pool_size=4)
    yield engine
    await engine.dispose()


async def _transition(
    factory: PgMeasuresUnitOfWorkFactory, mb: MeasureBackend, m: Measure, target: Stage
) -> str:
    """What a use case writes for one step: the measure at its read version, the next step."""
    try:
        async with factory(mb.unit) as uow:
            await uow.measures.update(m.with_stage(target), m.version)
            await asyncio.sleep(0.02)  # hold the row a moment: the rival queues on it
            step = dataclasses.replace(
                mb.first_step(m), id=uuid4(), from_stage=m.stage, to_stage=target, sequence=2,
                at=AT + timedelta(hours=1), reason="Ikke prioritert",
            )  # fmt: skip
            await uow.history.append(step)
            await uow.commit()
            return "won"
    except StaleVersion:
        return "stale"


async def test_two_concurrent_transitions_one_wins(mb: MeasureBackend, wide: AsyncEngine) -> None:
    m = mb.measure()
    await mb.store(m)
    factory = PgMeasuresUnitOfWorkFactory(wide)
    outcomes = await asyncio.gather(
        _transition(factory, mb, m, Stage.ASSESSED), _transition(factory, mb, m, Stage.REJECTED)
    )
    assert sorted(outcomes) == ["stale", "won"]
    async with mb.factory(mb.unit) as uow:
        history = await uow.history.of_measure(m.id)
        stored = await uow.measures.get(m.id)
    assert [c.sequence for c in history] == [1, 2]
    assert history[-1].to_stage is stored.stage and stored.version == 2


async def test_two_concurrent_appends_of_one_step_one_wins(
    mb: MeasureBackend, wide: AsyncEngine
) -> None:
    """The history's own unique (measure, sequence) decides, before either touches the measure:
    the second append waits for the first's transaction and then meets the constraint."""
    m = mb.measure()
    await mb.store(m)
    factory = PgMeasuresUnitOfWorkFactory(wide)

    async def append(target: Stage) -> str:
        step = dataclasses.replace(
            mb.first_step(m), id=uuid4(), from_stage=Stage.PROPOSED, to_stage=target, sequence=2
        )
        try:
            async with factory(mb.unit) as uow:
                await uow.history.append(step)
                await asyncio.sleep(0.02)
                await uow.measures.update(m.with_stage(target), m.version)
                await uow.commit()
                return "won"
        except StaleVersion:
            return "stale"

    outcomes = await asyncio.gather(append(Stage.ASSESSED), append(Stage.REJECTED))
    assert sorted(outcomes) == ["stale", "won"]


async def test_row_level_security_is_forced_on_every_measures_table(
    admin_engine: AsyncEngine,
) -> None:
    query = sa.text(
        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,"
        " EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid) AS policy"
        " FROM pg_class c WHERE c.relname = ANY(:names) AND c.relkind = 'r'"
    )
    async with admin_engine.connect() as conn:
        found = (await conn.execute(query, {"names": list(TENANT_TABLES)})).all()
    assert sorted(r[0] for r in found) == sorted(TENANT_TABLES)
    assert all(r[1] and r[2] and r[3] for r in found), found


async def test_the_app_role_sees_only_its_unit_without_a_filter(
    mb: MeasureBackend, app_engine: AsyncEngine
) -> None:
    await mb.store(mb.measure())
    unit = sa.text("SELECT set_config('samordna.unit_id', :u, true)")
    async with app_engine.begin() as conn:
        for table, mine in (
            ("measure", 1),
            ("measure_stage_change", 1),
            ("measure_organisation", 2),
        ):
            await conn.execute(unit, {"u": str(mb.other)})
            count = sa.text(f"SELECT count(*) FROM {table}")
            assert (await conn.execute(count)).scalar_one() == 0
            await conn.execute(unit, {"u": str(mb.unit)})
            assert (await conn.execute(count)).scalar_one() == mine
    insert = sa.text(
        "INSERT INTO measure_settings (unit_id, evaluation_threshold_nok) VALUES (:other, 1)"
    )
    async with app_engine.connect() as conn:
        await conn.execute(unit, {"u": str(mb.unit)})
        with pytest.raises(DBAPIError, match="row-level security"):  # a row of another unit
            await conn.execute(insert, {"other": mb.other})
        await conn.rollback()


async def test_references_stay_inside_the_unit(mb: MeasureBackend) -> None:
    async with mb.factory(mb.unit) as uow:
        with pytest.raises(ValidationFailed):
            await uow.measures.add(mb.measure(owner_id=uuid4()))
    async with mb.factory(mb.other) as uow:  # my organisations are not the other unit's
        with pytest.raises(ValidationFailed):
            await uow.measures.add(mb.measure(unit_id=mb.other))


async def test_the_constraints_mirror_the_domains_rules(mb: MeasureBackend) -> None:
    bad: dict[str, dict[str, Any]] = {
        "ck_measure_decided": {"stage": Stage.DECIDED},
        "ck_measure_age_range": {"target_age_min": 18, "target_age_max": 13},
        "ck_measure_resources": {"budget_nok": -1},
    }
    for change in bad.values():  # refused as the domain's errors, never a 500
        async with mb.factory(mb.unit) as uow:
            with pytest.raises((Conflict, ValidationFailed)):
                await uow.measures.add(mb.measure(**change))


async def test_a_report_that_is_not_a_pdf_docx_or_odt_is_refused(mb: MeasureBackend) -> None:
    m = mb.measure()
    await mb.store(m)
    e = mb.evaluation(m)
    content = b"MZ\x90\x00 not a document"
    digest = hashlib.sha256(content).hexdigest()
    async with mb.factory(mb.unit) as uow:
        await uow.evaluations.add(e)
        with pytest.raises(UnsupportedReport):
            await uow.reports.put(e.id, "r.pdf", "application/pdf", content, digest, AT)
    zipped = b"PK\x03\x04" + b"x" * 50
    async with mb.factory(mb.unit) as uow:
        await uow.evaluations.add(e)
        await uow.reports.put(
            e.id, "r.odt", "application/vnd.oasis.opendocument.text", zipped,
            hashlib.sha256(zipped).hexdigest(), AT,
        )  # fmt: skip
        await uow.commit()


@contextmanager
def _statements() -> Iterator[list[str]]:
    """The SQL statements asyncpg runs meanwhile (the repositories' reads go to it directly)."""
    seen: list[str] = []
    plain = Connection._execute

    async def counted(self: Connection, query: str, *args: Any, **kw: Any) -> Any:
        seen.append(query)
        return await plain(self, query, *args, **kw)

    Connection._execute = counted
    try:
        yield seen
    finally:
        Connection._execute = plain


async def test_plan_trees_are_read_in_three_statements_however_many(mb: MeasureBackend) -> None:
    plans = [mb.plan(title=f"Plan {i}") for i in range(4)]
    async with mb.factory(mb.unit) as uow:
        for p in plans:
            await uow.plans.add(p)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        with _statements() as seen:
            listed = await uow.plans.list()
        assert len(listed) == 4 and len(seen) == 3, seen
        with _statements() as seen:
            assert await uow.plans.get(plans[0].id) == plans[0]
        assert len(seen) == 3, seen
        with _statements() as seen:
            assert len(await uow.measures.portfolio()) == 0
        assert len(seen) == 1, seen
