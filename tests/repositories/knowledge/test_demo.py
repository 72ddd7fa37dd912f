"""Repository tier, knowledge: the knowledge demo on a database of its own — it loads twice without
change, and what it shows fits the rules: ten indicators linked to factors, the municipality and
four districts (one under 1000 residents aged 10–24), three years of populations, three survey
waves, ~800 events over four half-years under pseudonymous keys, as the repositories read them."""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import migrate
from adapters.postgres.database import (
    DatabaseUrls,
    drop_embedded_database,
    fresh_embedded_database,
    make_engine,
)
from adapters.postgres.demo.data import DEMO_UNIT
from adapters.postgres.demo.knowledge import load_knowledge
from adapters.postgres.knowledge.uow import PgKnowledgeUnitOfWorkFactory
from api import bootstrap
from api.settings import Settings
from domain.knowledge.filters import ObservationFilter
from domain.knowledge.vocab import FACTORS
from domain.shared.pagination import PageRequest
from tests.conftest import STATE

TODAY = datetime.now(ZoneInfo("Europe/Oslo")).date()
TABLES = ("knowledge_indicators", "knowledge_areas", "knowledge_area_populations",
          "knowledge_observations", "knowledge_event_records", "knowledge_import_jobs")  # fmt: skip


@pytest.fixture(scope="module")
def scratch() -> Iterator[DatabaseUrls]:
    name = f"samordna_knowledge_demo_{os.getpid()}"
    urls = fresh_embedded_database(STATE, name)
    migrate.upgrade(urls.admin, "head")
    yield urls
    drop_embedded_database(STATE, name)


@pytest.fixture
async def loaded(scratch: DatabaseUrls) -> AsyncIterator[tuple[AsyncEngine, AsyncEngine]]:
    admin, app = make_engine(scratch.admin, pool_size=1), make_engine(scratch.app, pool_size=2)
    settings = Settings(
        environment="test", state_dir=STATE, public_base_url="http://testserver", database_url=None
    )
    try:
        await bootstrap.load_demo(settings, scratch)  # the units (and municipality 3205)
        await load_knowledge(admin, today=TODAY)
        yield admin, app
    finally:
        await admin.dispose()
        await app.dispose()


async def _counts(admin: AsyncEngine) -> dict[str, int]:
    async with admin.connect() as conn:
        return {
            t: (await conn.execute(sa.text(f"SELECT count(*) FROM {t}"))).scalar_one()
            for t in TABLES
        }


async def test_the_knowledge_demo_loads_twice_and_keeps_the_rules(
    loaded: tuple[AsyncEngine, AsyncEngine],
) -> None:
    admin, app = loaded
    before = await _counts(admin)
    await load_knowledge(admin, today=TODAY)
    assert await _counts(admin) == before
    assert before["knowledge_indicators"] == 10 and before["knowledge_areas"] == 5
    assert 700 <= before["knowledge_event_records"] <= 900
    async with PgKnowledgeUnitOfWorkFactory(app)(DEMO_UNIT) as uow:
        indicators = await uow.indicators.by_codes([])
        areas = await uow.areas.list()
        pops = await uow.areas.populations()
        obs = await uow.observations.all(ObservationFilter(area_codes=("sentrum",)), 1000)
        jobs = await uow.jobs.list(PageRequest())
    assert all(i.factors and set(i.factors) <= set(FACTORS) for i in indicators)
    assert [a.kind for a in areas].count("municipality") == 1
    years = sorted({p.year for p in pops})
    assert years == [TODAY.year - 3, TODAY.year - 2, TODAY.year - 1]
    young = {
        a.code: sum(p.residents for p in pops if p.area_code == a.code and p.year == years[-1])
        for a in areas
    }
    assert young["blaker"] < 1000 and all(n >= 1000 for c, n in young.items() if c != "blaker")
    assert len({str(o.period) for o in obs}) == 3
    assert jobs.total == 2
    async with admin.connect() as conn:
        keys = [
            r[0]
            for r in await conn.execute(
                sa.text("SELECT DISTINCT subject_key FROM knowledge_event_records")
            )
        ]
        halves = (await conn.execute(sa.text(
            "SELECT count(DISTINCT (extract(year FROM occurred_on), extract(month FROM occurred_on) > 6))"
            " FROM knowledge_event_records"))).scalar_one()  # fmt: skip
    assert 250 <= len(keys) < 400 and not any(re.search(r"[0-9]{11}", k) for k in keys)
    assert halves == 4
