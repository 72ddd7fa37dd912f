"""The measures demo (``samordna demo``) on a database of its own: it loads twice without change,
and what it shows holds to the domain's rules — every stage present, every history replaying to
its measure's stage, decisions of approved minutes at the right level, the plan's tree the
measures link into, evaluations due and overdue, a registry warning — as the use cases read it."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import demo, migrate
from adapters.postgres.database import (
    DatabaseUrls,
    drop_embedded_database,
    fresh_embedded_database,
    make_engine,
)
from adapters.postgres.measures.uow import PgMeasuresUnitOfWorkFactory
from api import bootstrap
from api.settings import Settings
from domain.measures.filters import MeasureFilter
from domain.measures.history import replay
from domain.measures.plan import PlanStatus
from domain.measures.service import MeasuresService
from domain.measures.stage import RUNNING, Stage
from domain.meetings.guard import KernelGuard
from tests.conftest import STATE
from tests.fakes import FakeClock
from tests.fakes.mail import FakeMail
from tests.fakes.principals import coordinator

TODAY = datetime.now(ZoneInfo("Europe/Oslo")).date()  # the day `samordna demo` dates from


@pytest.fixture(scope="module")
def scratch() -> Iterator[DatabaseUrls]:
    name = f"samordna_measures_demo_{os.getpid()}"
    urls = fresh_embedded_database(STATE, name)
    migrate.upgrade(urls.admin, "head")
    yield urls
    drop_embedded_database(STATE, name)


@pytest.fixture
async def loaded(scratch: DatabaseUrls) -> AsyncIterator[AsyncEngine]:
    admin = make_engine(scratch.admin, pool_size=1)
    app = make_engine(scratch.app, pool_size=2)
    try:
        settings = Settings(
            environment="test", state_dir=STATE, public_base_url="http://testserver",
            database_url=None,
        )  # fmt: skip
        await bootstrap.load_demo(settings, scratch, measures=True)  # as `samordna demo` does
        yield app
    finally:
        await admin.dispose()
        await app.dispose()


async def _counts(scratch: DatabaseUrls) -> dict[str, int]:
    engine = make_engine(scratch.admin, pool_size=1)
    tables = ("measure", "measure_stage_change", "evaluation", "plan_goal", "decision")
    try:
        async with engine.connect() as conn:
            return {
                t: (await conn.execute(sa.text(f"SELECT count(*) FROM {t}"))).scalar_one()
                for t in tables
            }
    finally:
        await engine.dispose()


async def test_loading_twice_changes_nothing(loaded: AsyncEngine, scratch: DatabaseUrls) -> None:
    before = await _counts(scratch)
    admin = make_engine(scratch.admin, pool_size=1)
    await demo.load_measures(admin, today=TODAY)
    await admin.dispose()
    assert await _counts(scratch) == before
    assert before["measure"] == 14 and before["plan_goal"] == 7


async def test_the_demo_keeps_the_domains_rules(loaded: AsyncEngine) -> None:
    factory = PgMeasuresUnitOfWorkFactory(loaded)
    async with factory(demo.DEMO_UNIT) as uow:
        measures = list(await uow.measures.all(MeasureFilter()))
        (plan,) = await uow.plans.list()
        plan_decision = await uow.decisions.get(plan.decision_id)  # type: ignore[arg-type]
        goals = await uow.plans.goal_ids()
        for m in measures:
            m.check()
            history = list(await uow.history.of_measure(m.id))
            assert replay(history) is m.stage and m.version == len(history), m.title
            assert set(m.goal_ids) <= set(goals) and set(m.focus_area_ids) <= {
                f.id for f in plan.focus_areas
            }
            if m.decision_id is not None:
                d = await uow.decisions.get(m.decision_id)
                assert d.approved and d.body_level == "coordinating" and d.label, m.title
                (step,) = [c for c in history if c.to_stage is Stage.DECIDED]
                assert step.decision_label == d.label and step.decision_id == d.id
            if m.stage in RUNNING:
                assert m.owner_id and m.start_on and m.evaluation_plan, m.title
        offered = await uow.decisions.list("coordinating")
    assert {m.stage for m in measures} == set(Stage)
    assert plan.adopted and plan.status(TODAY) is (
        PlanStatus.ADOPTED if plan.period_end >= TODAY else PlanStatus.EXPIRED
    )
    assert plan_decision.approved and plan_decision.body_level == "steering"
    assert len(plan.focus_areas) == 3 and all(2 <= len(f.goals) <= 3 for f in plan.focus_areas)
    assert sum(m.registry_warning for m in measures) == 1
    assert len(offered) == 9


async def test_the_use_cases_read_the_demo(loaded: AsyncEngine) -> None:
    clock = FakeClock(datetime.combine(TODAY, time(9), UTC))
    service = MeasuresService(PgMeasuresUnitOfWorkFactory(loaded), clock, KernelGuard(), FakeMail())
    p = coordinator(demo.DEMO_UNIT)
    due = await service.evaluations_due(p)
    assert sorted(d.overdue for d in due) == [False, True]
    attention = await service.attention(p)
    assert [v.measure.title for v in attention.without_owner] == ["Gatemegling i ungdomsskolen"]
    (tree,) = await service.list_plans(p)
    assert 0 < tree.progress < 1
    portfolio = await service.portfolio(p)
    assert sum(c.count for c in portfolio.cells) == 14 and len(portfolio.focus_areas) == 3
    for view in await service.board(p, MeasureFilter()):
        timeline = await service.timeline(p, view.measure.id)
        assert timeline.entries, view.measure.title
