"""The unit of work's contract: a commit makes the writes visible to the next transaction, leaving
without one (or with an error) keeps nothing; on PostgreSQL, row-level security binds every
statement of a unit of work to its unit, and the binding ends with the transaction."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from uuid import UUID

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.postgres.database import DatabaseUrls
from adapters.postgres.uow import PgUnitOfWorkFactory
from domain.organisation.filters import OrganisationFilter, PersonFilter
from domain.organisation.ports import UnitOfWork
from domain.shared.errors import NotFound
from domain.shared.pagination import PageRequest
from tests.repositories.conftest import Backend
from tests.repositories.organisation import rows

ON_POSTGRES = pytest.mark.parametrize("engines", ["postgres"], indirect=True)


async def names(b: Backend, unit: UUID | None = None) -> list[str]:
    async with b.factory(unit or b.unit) as uow:
        return [o.name for o in await uow.organisations.get_many(list(await ids(uow)))]


async def ids(uow: UnitOfWork) -> list[UUID]:
    return [o.id for o in (await uow.organisations.list(OrganisationFilter(), PageRequest())).items]


async def test_a_commit_makes_the_writes_visible_and_not_before(backend: Backend) -> None:
    kept = rows.org(backend.unit, "Beholdt")
    async with backend.factory(backend.unit) as writer:
        await writer.organisations.add(kept)
        assert await names(backend) == []  # another transaction does not see it yet
        await writer.commit()
    assert await names(backend) == ["Beholdt"]


async def test_leaving_without_commit_undoes_every_write(backend: Backend) -> None:
    a, b = rows.org(backend.unit, "A"), rows.org(backend.unit, "B")
    await backend.store(a, b)
    async with backend.factory(backend.unit) as uow:
        await uow.organisations.add(rows.org(backend.unit, "C"))
        await uow.organisations.update(replace(a, name="A2", version=2), 1)
        await uow.organisations.delete(b.id, 1)
    assert sorted(await names(backend)) == ["A", "B"]


async def test_an_error_rolls_back_and_is_raised(backend: Backend) -> None:
    async def half_way() -> None:
        async with backend.factory(backend.unit) as uow:
            await uow.organisations.add(rows.org(backend.unit, "Halvveis"))
            raise RuntimeError("mid-way")

    with pytest.raises(RuntimeError, match="mid-way"):
        await half_way()
    assert await names(backend) == []


async def test_units_of_work_of_two_units_see_their_own(backend: Backend) -> None:
    await backend.store(rows.org(backend.unit, "Vår"))
    await backend.store(rows.org(backend.other, "Deres"), unit=backend.other)
    assert await names(backend) == ["Vår"]
    assert await names(backend, backend.other) == ["Deres"]


def _connection(uow: Any) -> Any:
    """The unit of work's own connection (a Core connection, or the session of older code), to
    send the SQL a careless repository might: without any unit filter."""
    return getattr(uow, "conn", None) or uow.session


@ON_POSTGRES
async def test_row_level_security_binds_the_unit_of_work(backend: Backend) -> None:
    await backend.store(rows.person(backend.unit), rows.person(backend.unit))
    await backend.store(rows.person(backend.other), unit=backend.other)
    async with backend.factory(backend.unit) as uow:
        conn = _connection(uow)
        units = (await conn.execute(sa.text("SELECT DISTINCT unit_id FROM person"))).scalars()
        setting = (
            await conn.execute(sa.text("SELECT current_setting('samordna.unit_id', true)"))
        ).scalar_one()
        assert list(units) == [backend.unit]
        assert setting == str(backend.unit)


@ON_POSTGRES
async def test_a_row_for_another_unit_is_refused(backend: Backend) -> None:
    async with backend.factory(backend.unit) as uow:
        with pytest.raises(Exception, match="row-level security"):
            await uow.persons.add(rows.person(backend.other))
    async with backend.factory(backend.other) as uow:
        assert (await uow.persons.list(PersonFilter(), PageRequest())).total == 0


@ON_POSTGRES
async def test_the_unit_ends_with_the_transaction(backend: Backend, database: DatabaseUrls) -> None:
    # One pooled connection, so the next transaction surely runs on the same one.
    engine = create_async_engine(database.app, pool_size=1, max_overflow=0)
    try:
        factory = PgUnitOfWorkFactory(engine)
        their = rows.org(backend.other, "Deres")
        await backend.store(their, unit=backend.other)
        async with factory(backend.unit) as uow:
            with pytest.raises(NotFound):
                await uow.organisations.get(their.id)
        async with engine.connect() as conn:
            setting = (
                await conn.execute(sa.text("SELECT current_setting('samordna.unit_id', true)"))
            ).scalar_one()
            visible = (await conn.execute(sa.text("SELECT count(*) FROM organisation"))).scalar()
        assert setting in (None, "")
        assert visible == 0  # without a unit, row-level security shows nothing at all
    finally:
        await engine.dispose()
