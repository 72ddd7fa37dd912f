"""Meetings on PostgreSQL through the use case: secretaries approving several meetings of one body
at the same moment get decision numbers 1..n with no gap and no duplicate, each meeting's in
agenda order; an approval that fails gives its numbers back."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta
from typing import TypeVar
from uuid import UUID

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.database import DatabaseUrls, make_engine
from adapters.postgres.meetings.uow import PgMeetingsUnitOfWork, PgMeetingsUnitOfWorkFactory
from adapters.postgres.uow import PgUnitOfWorkFactory
from domain.meetings.guard import KernelGuard
from domain.meetings.meeting import Meeting
from domain.meetings.service import MeetingsService
from domain.meetings.status import MeetingStatus
from domain.shared.principal import BodyRole, Role
from tests.fakes.clock import FakeClock
from tests.fakes.principals import person
from tests.repositories.conftest import Engines
from tests.repositories.meetings import rows
from tests.repositories.meetings.conftest import MeetingsBackend
from tests.repositories.organisation import rows as org_rows

MEETINGS = 6
T = TypeVar("T")
BROKEN: ContextVar[bool] = ContextVar("BROKEN", default=False)


class BreakingUnitOfWork(PgMeetingsUnitOfWork):
    """Fails at commit inside a call marked ``BROKEN``: after the numbers were taken."""

    async def commit(self) -> None:
        if BROKEN.get():
            raise ConnectionError("the connection dropped before the commit")
        await super().commit()


class BreakingFactory(PgMeetingsUnitOfWorkFactory):
    def __call__(self, unit_id: UUID) -> PgMeetingsUnitOfWork:
        return BreakingUnitOfWork(self._connections, unit_id)


async def broken(call: Awaitable[T]) -> T:
    BROKEN.set(True)  # in this task's context only
    return await call


@pytest.fixture
def engines(request: pytest.FixtureRequest) -> Engines:
    """PostgreSQL only (overrides the tier's fake/postgres pair)."""
    return Engines(request.getfixturevalue("admin_engine"), request.getfixturevalue("app_engine"))


@pytest.fixture
async def wide(database: DatabaseUrls) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database.app, pool_size=MEETINGS)
    yield engine
    await engine.dispose()


async def _drafts(mb: MeetingsBackend, engines: Engines) -> list[tuple[Meeting, list[UUID]]]:
    """Meetings in minutes_draft, two items each, a decision under each (the second recorded
    first, so agenda order must decide the numbers), and the chair's membership."""
    chair = mb.here.persons[0]
    async with PgUnitOfWorkFactory(engines.app)(mb.here.unit) as uow:
        await uow.memberships.add(org_rows.membership(mb.here.body, chair, role=BodyRole.CHAIR))
        await uow.commit()
    made = []
    for n in range(MEETINGS):
        m = rows.meeting(mb.here.body, rows.START + timedelta(days=7 * n))
        m = m.moved_to(MeetingStatus.HELD).moved_to(MeetingStatus.MINUTES_DRAFT)
        first, second = rows.item(m, 1, "Sak ein"), rows.item(m, 2, "Sak to")
        d2, d1 = rows.decision(m, second, 1), rows.decision(m, first, 2)
        await mb.store(m, first, second, rows.minutes(m, first, second), d2, d1)
        made.append((m, [d1.id, d2.id]))
    return made


async def test_parallel_approvals_number_decisions_gaplessly_in_agenda_order(
    mb: MeetingsBackend, engines: Engines, wide: AsyncEngine
) -> None:
    made = await _drafts(mb, engines)
    clock = FakeClock(datetime(2026, 6, 1, 12, tzinfo=UTC))
    service = MeetingsService(BreakingFactory(wide), clock, KernelGuard())
    chair = person(mb.here.unit, Role.COORDINATOR, person_id=mb.here.persons[0].id)
    # One approval fails after taking its numbers: they come back to the others.
    failing = made[0][0]
    calls = [service.approve_by_chair(chair, m.id, m.version) for m, _ in made[1:]]
    calls.append(broken(service.approve_by_chair(chair, failing.id, failing.version)))
    results = await asyncio.gather(*calls, return_exceptions=True)
    assert isinstance(results[-1], ConnectionError)
    assert not [r for r in results[:-1] if isinstance(r, BaseException)]
    await service.approve_by_chair(chair, failing.id, failing.version)
    numbers = []
    async with PgMeetingsUnitOfWorkFactory(engines.app)(mb.here.unit) as uow:
        for m, (first, second) in made:
            got = {d.id: d.number for d in await uow.decisions.of_meeting(m.id)}
            a, b = got[first], got[second]
            assert a is not None and b is not None
            assert (a.year, a.sequence + 1) == (2026, b.sequence)  # agenda order, adjacent
            numbers += [a.sequence, b.sequence]
            assert (await uow.meetings.get(m.id)).status is MeetingStatus.MINUTES_APPROVED
    assert sorted(numbers) == list(range(1, 2 * MEETINGS + 1))
