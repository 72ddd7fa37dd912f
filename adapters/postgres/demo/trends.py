"""Demo room: released TREND-A periods for SLT Lillestrøm (demo) — the last four half-years that
have ended, oldest first (the series rule sees the earlier ones), built through ``TrendsService``
from the knowledge demo's de-identified events, so the coordinator's releases, their audit and the
police system's pulls have something to show; and the last ended year (the municipality x year
tables of child-welfare concerns and substance treatment).
Idempotent: once the unit has any release, nothing is done."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.demo.data import DEMO_UNIT
from adapters.postgres.trends.uow import PgTrendsUnitOfWorkFactory
from domain.knowledge.periods import Grain, of_date
from domain.shared.principal import Principal, PrincipalKind, Role
from domain.trends.ports import IntervalSolver
from domain.trends.service import TrendsService

RELEASED = sa.text("SELECT EXISTS (SELECT FROM trend_release WHERE unit_id = :u)")
RELEASED_BY = "SLT-koordinator (demo)"
HALF_YEARS = 4


class _DemoClock:
    def __init__(self, today: date) -> None:
        self._today = today

    def now(self) -> datetime:
        return datetime.combine(self._today, time(8, 0), tzinfo=UTC)

    def today(self) -> date:
        return self._today


async def load_trends(engine: AsyncEngine, solver: IntervalSolver, *, today: date) -> None:
    """Release the demo unit's last four ended half-years and last ended year as its coordinator
    would."""
    async with engine.connect() as conn:
        if (await conn.execute(RELEASED, {"u": DEMO_UNIT})).scalar():
            return
    coordinator = Principal(
        kind=PrincipalKind.PERSON,
        subject_key="demo-release",
        unit_id=DEMO_UNIT,
        display_name=RELEASED_BY,
        roles=frozenset({Role.COORDINATOR}),
    )
    service = TrendsService(PgTrendsUnitOfWorkFactory(engine), _DemoClock(today), solver)
    periods = [of_date(today, Grain.HALF).previous()]
    for _ in range(HALF_YEARS - 1):
        periods.insert(0, periods[0].previous())
    periods.append(of_date(today, Grain.YEAR).previous())  # the sensitive tables: by year
    for period in periods:
        await service.release(coordinator, period)
