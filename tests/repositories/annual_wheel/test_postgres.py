"""The annual wheel on PostgreSQL only: two generations of a year at the same moment create each
task once; feed tokens are found by hash across units while row-level security still hides every
other row; row-level security forced on every wheel table."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from uuid import uuid4

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.annual_wheel.feed_tokens import PgFeedTokenLookup
from adapters.postgres.annual_wheel.tables import TENANT_TABLES
from adapters.postgres.annual_wheel.uow import PgAnnualWheelUnitOfWorkFactory
from adapters.postgres.database import DatabaseUrls, make_engine
from domain.annual_wheel.service import AnnualWheelService
from domain.shared.calendar import FeedScope, FeedToken, hash_feed_token
from domain.shared.errors import Conflict, NotFound
from tests.fakes.clock import FakeClock
from tests.fakes.principals import coordinator
from tests.repositories.annual_wheel.conftest import WheelBackend, template
from tests.repositories.conftest import Engines

KEY = b"k" * 32
AT = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


@pytest.fixture
def engines(request: pytest.FixtureRequest) -> Engines:
    """PostgreSQL only (overrides the tier's fake/postgres pair)."""
    return Engines(request.getfixturevalue("admin_engine"), request.getfixturevalue("app_engine"))


@pytest.fixture
async def wide(database: DatabaseUrls) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database.app, pool_size=4)
    yield engine
    await engine.dispose()


async def test_two_generations_at_once_create_each_task_once(
    wb: WheelBackend, wide: AsyncEngine
) -> None:
    months = range(1, 13)
    await wb.store(*(template(wb.unit, f"Oppgåve {m}", m) for m in months))
    service = AnnualWheelService(PgAnnualWheelUnitOfWorkFactory(wide), FakeClock(AT))
    p = coordinator(wb.unit)
    for year in (2027, 2028):  # two rounds
        first, second = await asyncio.gather(
            service.generate_year(p, year), service.generate_year(p, year)
        )
        assert len(first.created) + len(second.created) == 12
        assert first.existing + second.existing == 12
        async with wb.factory(wb.unit) as uow:
            assert len(await uow.tasks.of_year(year)) == 12
    again = await service.generate_year(p, 2027)
    assert (len(again.created), again.existing) == (0, 12)


def _token(unit: object, secret: str) -> FeedToken:
    return FeedToken(
        id=uuid4(),
        unit_id=unit,  # type: ignore[arg-type]
        scope=FeedScope.BODY,
        subject_id=uuid4(),
        token_hash=hash_feed_token(KEY, secret),
        created_at=AT,
    )


async def test_feed_tokens_are_found_by_hash_and_nothing_else_shows(
    wb: WheelBackend, app_engine: AsyncEngine
) -> None:
    mine, theirs = _token(wb.unit, "hemmeleg-a"), _token(wb.other, "hemmeleg-b")
    for t in (mine, theirs):
        async with wb.factory(t.unit_id) as uow:
            await uow.feed_tokens.add(t)  # type: ignore[attr-defined]
            await uow.commit()
    lookup = PgFeedTokenLookup(app_engine)
    assert await lookup.find(mine.token_hash) == mine  # no unit known yet
    assert await lookup.find(hash_feed_token(KEY, "gjetta")) is None
    async with wb.factory(wb.other) as uow:
        tokens = uow.feed_tokens  # type: ignore[attr-defined]
        assert await tokens.of_subject(FeedScope.BODY, mine.subject_id) == []
        assert await tokens.find(mine.token_hash) == mine  # by its hash, from another unit
        with pytest.raises(NotFound):
            await tokens.revoke(mine.id, AT)
    count = sa.text("SELECT count(*) FROM feed_token")
    async with app_engine.begin() as conn:  # naming a hash shows that row and no other
        assert (await conn.execute(count)).scalar_one() == 0
        await conn.execute(
            sa.text("SELECT set_config('samordna.feed_token_hash', :h, true)"),
            {"h": mine.token_hash},
        )
        assert (await conn.execute(count)).scalar_one() == 1
        update = sa.text("UPDATE feed_token SET revoked_at = now()")
        assert (await conn.execute(update)).rowcount == 0  # and it cannot be written that way
    async with wb.factory(wb.unit) as uow:
        tokens = uow.feed_tokens  # type: ignore[attr-defined]
        await tokens.revoke(mine.id, AT)
        with pytest.raises(Conflict):
            await tokens.add(_token(wb.unit, "hemmeleg-a"))
    async with wb.factory(wb.unit) as uow:
        tokens = uow.feed_tokens  # type: ignore[attr-defined]
        await tokens.revoke(mine.id, AT)
        await uow.commit()
    found = await lookup.find(mine.token_hash)
    assert found is not None and found.revoked_at == AT and not found.active


async def test_row_level_security_is_forced_on_every_wheel_table(
    admin_engine: AsyncEngine,
) -> None:
    query = sa.text(
        "SELECT c.relname, c.relrowsecurity AND c.relforcerowsecurity"
        " AND EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid)"
        " FROM pg_class c WHERE c.relname = ANY(:names)"
    )
    async with admin_engine.connect() as conn:
        found = dict((await conn.execute(query, {"names": list(TENANT_TABLES)})).all())
    assert found == dict.fromkeys(TENANT_TABLES, True)
