"""Releasing trends over HTTP: the coordinator releases an ended half-year (every table of its
grain, audited), two releases at once give one 201 and one 409, an ongoing period is 409, and a
release after new events is revision 2 with a change log while revision 1 stays pullable."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.disclosure.highs import HighsIntervalSolver
from adapters.postgres.demo.data import DEMO_UNIT
from adapters.postgres.demo.knowledge import EVENTS_JOB
from adapters.postgres.trends.uow import PgTrendsUnitOfWorkFactory
from api.bootstrap import Container
from domain.knowledge.periods import Grain, of_date
from domain.trends.service import TrendsService
from tests.api.trends.conftest import last_half, today
from tests.api.trends.support import TABLE, as_person, assert_trend_a, problem, published_values

pytestmark = pytest.mark.usefixtures("events")


class _MeetFirst:
    """A unit of work whose release store waits for the other request after reading the
    revision."""

    def __init__(self, uow: Any, barrier: asyncio.Barrier) -> None:
        self._uow, self._barrier = uow, barrier

    def __getattr__(self, name: str) -> Any:
        return getattr(self._uow, name)

    @property
    def releases(self) -> Any:
        store, barrier = self._uow.releases, self._barrier

        class Store:
            def __getattr__(self, name: str) -> Any:
                return getattr(store, name)

            async def revision(self, unit_id: Any, period: Any) -> int:
                n: int = await store.revision(unit_id, period)
                async with asyncio.timeout(20):
                    await barrier.wait()
                return n

        return Store()

    async def __aenter__(self) -> _MeetFirst:
        await self._uow.__aenter__()
        return self

    async def __aexit__(self, *exc: Any) -> Any:
        return await self._uow.__aexit__(*exc)


RELEASES = "/api/trends/releases"


async def test_the_coordinator_releases_an_ended_half_year(client: httpx.AsyncClient):
    h = await as_person(client, "coordinator")
    r = await client.post(RELEASES, json={"period": str(last_half())}, headers=h)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["revision"] == 1 and body["audit"]["passed"]
    assert all(c["added"] and c["old"] is None for c in body["changeLog"])  # all cells new
    assert {t["table"] for t in body["tables"]} == {TABLE, "offences-by-age", "offences-by-area"}
    assert body["unitId"] == str(DEMO_UNIT) and body["releasedByName"]
    h = await as_person(client, "steering_reader")
    [listed] = (await client.get(RELEASES, headers=h)).json()
    assert listed["period"] == str(last_half()) and listed["revision"] == 1
    problem(await client.post(RELEASES, json={"period": "2020H1"}, headers=h), 403)
    h = await as_person(client, "body_member")
    problem(await client.get(RELEASES, headers=h), 403)


async def test_two_releases_of_the_same_period_at_once_one_wins(
    client: httpx.AsyncClient, container: Container, monkeypatch: pytest.MonkeyPatch
):
    # Both requests read the next revision before either stores it (a barrier in the unit of
    # work), so the database's UNIQUE (unit, table, period, revision) decides: one 201, one 409.
    barrier = asyncio.Barrier(2)
    inner = PgTrendsUnitOfWorkFactory(container.connections)
    slow = TrendsService(
        lambda unit: _MeetFirst(inner(unit), barrier), container.clock, HighsIntervalSolver()
    )
    monkeypatch.setitem(container.__dict__, "trends", slow)  # the container outlives the test
    h = await as_person(client, "coordinator")
    both = await asyncio.gather(
        *(client.post(RELEASES, json={"period": str(last_half())}, headers=h) for _ in range(2))
    )
    assert sorted(r.status_code for r in both) == [201, 409], [r.text for r in both]
    problem(next(r for r in both if r.status_code == 409), 409, "release-conflict")
    assert len((await client.get(RELEASES, headers=h)).json()) == 1


async def test_ongoing_and_bad_periods_are_refused(client: httpx.AsyncClient):
    h = await as_person(client, "unit_admin")
    for ongoing in (of_date(today(), Grain.HALF), of_date(today(), Grain.YEAR)):
        r = await client.post(RELEASES, json={"period": str(ongoing)}, headers=h)
        problem(r, 409, "period-not-ended")
    for bad in ("2024Q1", "2024H3", "", "x" * 100, None, 2024, "2024\x00H1"):
        problem(await client.post(RELEASES, json={"period": bad}, headers=h), 422)
    problem(await client.post(RELEASES, json={}, headers=h), 422)
    assert (await client.get(RELEASES, headers=h)).json() == []


async def test_new_events_make_revision_2_and_revision_1_stays(
    client: httpx.AsyncClient, admin_engine: AsyncEngine
):
    h = await as_person(client, "coordinator")
    period = last_half()
    assert (await client.post(RELEASES, json={"period": str(period)}, headers=h)).status_code == 201
    url = f"/api/trends/{TABLE}?period={period}"
    first = (await client.get(url, headers=h)).content
    async with admin_engine.begin() as conn:  # forty late records of new children
        await conn.execute(
            sa.text(
                "INSERT INTO knowledge_event_records (unit_id, external_id, category, area_code,"
                " age_band, occurred_on, subject_key, import_id, first_import_id)"
                " VALUES (:u, :id, 'violence', 'sentrum', '14-15', :d, :k, :j, :j)"
            ),
            [
                {
                    "u": DEMO_UNIT,
                    "id": f"LATE-{n:03d}",
                    "d": period.start + timedelta(days=n),
                    "k": f"late-child-{n:03d}",
                    "j": EVENTS_JOB,
                }
                for n in range(40)
            ],
        )
    r = await client.post(RELEASES, json={"period": str(period)}, headers=h)
    assert r.status_code == 201, r.text
    second = r.json()
    assert second["revision"] == 2
    changed = [c for c in second["changeLog"] if c["table"] == TABLE and not c["added"]]
    assert changed and all(c["old"] != c["new"] for c in changed)
    latest = await client.get(url, headers=h)
    assert latest.content != first and b'"revision":2' in latest.content
    assert_trend_a(published_values(latest.content))
    again = await client.get(url + "&revision=1", headers=h)
    assert again.content == first
    assert len((await client.get(RELEASES, headers=h)).json()) == 2
