"""Trends demo (``samordna demo``): SLT Lillestrøm has its last four ended half-years and its last
ended year released (revision 1, audit passed) from the knowledge demo's events; the demo police
system pulls them as the stored bytes; loading the demo again releases nothing more."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from adapters.disclosure.highs import HighsIntervalSolver
from adapters.postgres.demo.data import DEMO_UNIT
from adapters.postgres.trends.uow import PgTrendsUnitOfWorkFactory
from api import bootstrap
from domain.knowledge.periods import Grain, of_date
from domain.shared.principal import Principal, PrincipalKind
from domain.trends.service import TrendsService
from tests.fakes import FakeClock

POLICE = Principal(kind=PrincipalKind.MACHINE, subject_key="0192:991901000", unit_id=DEMO_UNIT,
                   display_name="Politiets analysesystem", scopes=frozenset({"samordna:trends.read"}))  # fmt: skip


async def test_the_demo_releases_the_last_ended_periods_once(demo, settings, database, app_engine):
    today = datetime.now(ZoneInfo("Europe/Oslo")).date()
    await bootstrap.load_demo(settings, database, measures=True)
    clock = FakeClock(datetime.combine(today, time(12), tzinfo=UTC))
    service = TrendsService(PgTrendsUnitOfWorkFactory(app_engine), clock, HighsIntervalSolver())
    catalogue = await service.catalogue(POLICE)
    [unit] = [u for u in catalogue.units if u.unit.id == DEMO_UNIT]
    half = of_date(today, Grain.HALF).previous()
    expected = [half, half.previous(), half.previous().previous()]
    expected.append(expected[-1].previous())
    assert set(unit.periods) == {*expected, of_date(today, Grain.YEAR).previous()}
    body = await service.pull(POLICE, "offences-by-category", DEMO_UNIT, half)
    assert b"TREND-A" in body.content
    await bootstrap.load_demo(settings, database, measures=True)  # idempotent
    again = await service.pull(POLICE, "offences-by-category", DEMO_UNIT, half)
    assert again == body
    catalogue = await service.catalogue(POLICE)
    [unit] = [u for u in catalogue.units if u.unit.id == DEMO_UNIT]
    assert len(unit.periods) == 5
