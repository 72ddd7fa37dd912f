"""Meetings on PostgreSQL only: what the database guarantees beyond the contract cases — gapless
decision numbers under parallel approvals, the trigger that keeps approved minutes as they are
even past the adapter, row-level security forced on every table, references within the unit and
the deferred agenda position checked at commit."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from uuid import UUID

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.database import DatabaseUrls, make_engine
from adapters.postgres.meetings.tables import TENANT_TABLES
from adapters.postgres.meetings.uow import PgMeetingsUnitOfWorkFactory
from domain.shared.errors import Conflict, ValidationFailed
from tests.repositories.conftest import Engines
from tests.repositories.meetings import rows
from tests.repositories.meetings.conftest import MeetingsBackend

PARALLEL = 20


@pytest.fixture
def engines(request: pytest.FixtureRequest) -> Engines:
    """PostgreSQL only (overrides the tier's fake/postgres pair)."""
    return Engines(request.getfixturevalue("admin_engine"), request.getfixturevalue("app_engine"))


@pytest.fixture
async def wide(database: DatabaseUrls) -> AsyncEngine:
    """The app role with room for every parallel transaction on a connection of its own."""
    engine = make_engine(database.app, pool_size=PARALLEL)
    yield engine  # type: ignore[misc]
    await engine.dispose()


async def _allocate(
    factory: PgMeetingsUnitOfWorkFactory, unit: UUID, body: UUID, *, keep: bool
) -> int:
    async with factory(unit) as uow:
        number = await uow.decisions.next_decision_number(body, 2026)
        await asyncio.sleep(0.005)  # hold the counter row a moment: the others queue on it
        if keep:
            await uow.commit()
        return number


async def test_parallel_approvals_number_decisions_without_gaps_or_duplicates(
    mb: MeetingsBackend, wide: AsyncEngine
) -> None:
    factory = PgMeetingsUnitOfWorkFactory(wide)
    unit, body = mb.here.unit, mb.here.body.id
    for round_ in range(2):
        numbers = await asyncio.gather(
            *(_allocate(factory, unit, body, keep=True) for _ in range(PARALLEL))
        )
        first = round_ * PARALLEL + 1
        assert sorted(numbers) == list(range(first, first + PARALLEL))


async def test_a_rolled_back_allocation_leaves_no_gap(
    mb: MeetingsBackend, wide: AsyncEngine
) -> None:
    factory = PgMeetingsUnitOfWorkFactory(wide)
    unit, body = mb.here.unit, mb.here.body.id
    assert await _allocate(factory, unit, body, keep=False) == 1
    assert await _allocate(factory, unit, body, keep=True) == 1
    # In parallel, every fourth rolls back: the committed numbers are still 2..16 exactly.
    kept = [i % 4 != 3 for i in range(PARALLEL)]
    await asyncio.gather(*(_allocate(factory, unit, body, keep=k) for k in kept))
    assert await _allocate(factory, unit, body, keep=False) == 2 + sum(kept)


async def test_the_trigger_refuses_updating_approved_minutes_past_the_adapter(
    mb: MeetingsBackend, admin_engine: AsyncEngine
) -> None:
    m = rows.meeting(mb.here.body)
    i = rows.item(m, 1)
    draft = rows.minutes(m, i)
    approved = replace(draft, id=rows.uuid4(), number=2, correction_reason="Retting")
    approved = replace(approved, approval=rows.chair_approval(mb.here.persons[0].id))
    await mb.store(m, i, draft, approved)
    change = sa.text("UPDATE minutes_version SET items = '[]'::jsonb WHERE id = :id")
    async with admin_engine.begin() as conn:  # the owner, a superuser: triggers still fire
        await conn.execute(change, {"id": draft.id})  # a draft may change
    with pytest.raises(IntegrityError) as caught:
        async with admin_engine.begin() as conn:
            await conn.execute(change, {"id": approved.id})
    cause = caught.value.orig.__cause__  # type: ignore[union-attr]
    assert getattr(cause, "constraint_name", None) == "tg_minutes_version_approved"


async def test_row_level_security_is_forced_on_every_meetings_table(
    admin_engine: AsyncEngine,
) -> None:
    query = sa.text(
        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,"
        " EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid) AS policy"
        " FROM pg_class c WHERE c.relname = ANY(:names)"
    )
    async with admin_engine.connect() as conn:
        found = (await conn.execute(query, {"names": list(TENANT_TABLES)})).all()
    assert sorted(r[0] for r in found) == sorted(TENANT_TABLES)
    assert all(r[1] and r[2] and r[3] for r in found), found


async def test_the_app_role_sees_and_writes_only_its_unit(
    mb: MeetingsBackend, app_engine: AsyncEngine
) -> None:
    m = rows.meeting(mb.here.body)
    await mb.store(m)
    count = sa.text("SELECT count(*) FROM meeting")
    unit = sa.text("SELECT set_config('samordna.unit_id', :u, true)")
    async with app_engine.begin() as conn:  # forgetting every filter: still only this unit
        await conn.execute(unit, {"u": str(mb.there.unit)})
        assert (await conn.execute(count)).scalar_one() == 0
        await conn.execute(unit, {"u": str(mb.here.unit)})
        assert (await conn.execute(count)).scalar_one() == 1
    async with app_engine.begin() as conn:  # no unit set: nothing at all
        assert (await conn.execute(count)).scalar_one() == 0
    other = rows.meeting(mb.there.body)
    with pytest.raises(Exception, match="row-level security"):
        async with mb.factory(mb.here.unit) as uow:  # a row of another unit: refused
            await uow.meetings.add(other)


async def test_references_stay_inside_the_unit(mb: MeetingsBackend) -> None:
    m = replace(rows.meeting(mb.there.body), unit_id=mb.here.unit)  # the other unit's body
    with pytest.raises(ValidationFailed):
        async with mb.factory(mb.here.unit) as uow:
            await uow.meetings.add(m)


async def test_a_duplicate_agenda_position_is_refused_at_commit(mb: MeetingsBackend) -> None:
    m = rows.meeting(mb.here.body)
    a, b = rows.item(m, 1), rows.item(m, 2)
    await mb.store(m, a, b)
    async with mb.factory(mb.here.unit) as uow:
        await uow.agenda.update(replace(b, position=1, version=2), 1)  # accepted for now
        with pytest.raises(Conflict, match="cannot share a position"):
            await uow.commit()
