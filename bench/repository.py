"""The repository read path (Core rows mapped to domain dataclasses) against loading SQLModel ORM
objects for the same rows, each in its own unit of work as the app role (row-level security on)."""

from __future__ import annotations

from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.postgres.database import make_engine
from adapters.postgres.tables import PersonRow
from adapters.postgres.uow import PgUnitOfWorkFactory
from bench.env import UNIT, BenchEnv
from bench.measure import Figure, timed

ROWS = 1_000


async def run(env: BenchEnv, *, seconds: float = 1.5) -> tuple[list[Figure], list[str]]:
    engine = make_engine(env.urls.app, pool_size=2)
    uows = PgUnitOfWorkFactory(engine)
    ids: list[UUID] = env.person_ids[:ROWS]
    one = ids[0]

    async def core_many() -> None:
        async with uows(UNIT) as uow:
            assert len(await uow.persons.get_many(ids)) == ROWS

    async def orm_many() -> None:
        async with uows(UNIT) as uow:
            q = sa.select(PersonRow).where(PersonRow.unit_id == UNIT, PersonRow.id.in_(ids))  # type: ignore[attr-defined]
            orm = AsyncSession(bind=uow.conn)
            assert len((await orm.execute(q)).scalars().all()) == ROWS

    async def core_one() -> None:
        async with uows(UNIT) as uow:
            await uow.persons.get(one)

    async def orm_one() -> None:
        async with uows(UNIT) as uow:
            q = sa.select(PersonRow).where(PersonRow.unit_id == UNIT, PersonRow.id == one)
            assert (await AsyncSession(bind=uow.conn).execute(q)).scalar_one() is not None

    try:
        figs = [
            await timed(f"Repo: {ROWS} persons, Core->domain", core_many, seconds=seconds),
            await timed(f"Repo: {ROWS} persons, SQLModel ORM", orm_many, seconds=seconds),
            await timed("Repo: 1 person, Core->domain", core_one, seconds=seconds / 2),
            await timed("Repo: 1 person, SQLModel ORM", orm_one, seconds=seconds / 2),
        ]
    finally:
        await engine.dispose()
    many = figs[1].median_ms / figs[0].median_ms
    single = figs[3].median_ms / figs[2].median_ms
    notes = [
        f"Core rows -> domain is {many:.1f}x faster than SQLModel ORM objects for {ROWS} rows "
        f"and {single:.1f}x for one row (each timing includes BEGIN, set_config and ROLLBACK)."
    ]
    return figs, notes
