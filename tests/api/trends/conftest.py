"""Trends API tests room: the demo with its knowledge events and (``released``) SLT Lillestrøm's
demo releases, as ``samordna demo`` leaves them."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.disclosure.highs import HighsIntervalSolver
from adapters.postgres.demo.knowledge import load_knowledge
from adapters.postgres.demo.trends import load_trends
from domain.knowledge.periods import Grain, Period, of_date


def today() -> date:
    from datetime import datetime

    return datetime.now(ZoneInfo("Europe/Oslo")).date()


def last_half() -> Period:
    return of_date(today(), Grain.HALF).previous()


@pytest.fixture
async def events(demo: None, admin_engine: AsyncEngine) -> None:
    """The demo unit's indicators, areas, populations and de-identified events."""
    await load_knowledge(admin_engine, today=today())


@pytest.fixture
async def released(events: None, admin_engine: AsyncEngine) -> None:
    """The demo's releases: the last four ended half-years and the last ended year."""
    await load_trends(admin_engine, HighsIntervalSolver(), today=today())
