"""Repository tier: every contract case runs twice, on the fakes (``tests/fakes``) and on the real
PostgreSQL unit of work, through the ports' public surface only (``uow.persons.get(...)``,
``await uow.commit()``), so the fakes the unit tests trust keep the database's word.

Each test gets two fresh, empty SLT units: no demo data, no reset, no clean-up between tests
beyond deleting its own units (row-level security keeps everyone else's rows out of sight).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid4

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.access.admin import PgAccessUnitOfWorkFactory
from adapters.postgres.database import DatabaseUrls, make_engine
from adapters.postgres.uow import PgUnitOfWorkFactory
from domain.access.ports import AccessUnitOfWorkFactory
from domain.organisation.model import Body, Membership, Organisation, Person, UnitKind
from domain.organisation.ports import UnitOfWork, UnitOfWorkFactory
from tests.fakes import FakeAccessUnitOfWorkFactory, FakeStore, FakeUnitOfWorkFactory

UNIT_NAME, OTHER_NAME = "SLT Drammen", "SLT Indre Sogn"


@dataclass
class Backend:
    """A unit-of-work factory and two units of one backend; ``store`` writes through it."""

    name: str
    factory: UnitOfWorkFactory
    unit: UUID
    other: UUID
    access: AccessUnitOfWorkFactory

    async def store(self, *items: Any, unit: UUID | None = None) -> None:
        """Add the rows through the repositories in one committed unit of work."""
        async with self.factory(unit or self.unit) as uow:
            for item in items:
                await repository(uow, item).add(item)
            await uow.commit()


def repository(uow: UnitOfWork, item: Any) -> Any:
    match item:
        case Organisation():
            return uow.organisations
        case Person():
            return uow.persons
        case Body():
            return uow.bodies
        case Membership():
            return uow.memberships
    raise TypeError(f"no repository for {item!r}")


@pytest.fixture(scope="session")
async def app_engine(database: DatabaseUrls) -> AsyncIterator[AsyncEngine]:
    """The service's role (row-level security applies), with a pool of its own."""
    engine = make_engine(database.app, pool_size=2)
    yield engine
    await engine.dispose()


async def _pg_units(admin: AsyncEngine, units: Iterable[tuple[UUID, str, str, list[str]]]) -> None:
    async with admin.begin() as conn:
        for id, name, kind, numbers in units:
            await conn.execute(
                sa.text(
                    "INSERT INTO slt_unit (id, name, kind, police_district)"
                    " VALUES (:id, :name, :kind, 'vest')"
                ),
                {"id": id, "name": name, "kind": kind},
            )
            for position, number in enumerate(numbers):
                await conn.execute(
                    sa.text(
                        "INSERT INTO slt_unit_municipality (unit_id, municipality_number, position)"
                        " VALUES (:id, :n, :p)"
                    ),
                    {"id": id, "n": number, "p": position},
                )


@dataclass
class Engines:
    admin: AsyncEngine  # the owner, to make and remove units
    app: AsyncEngine  # the service's role


@pytest.fixture(params=["fake", "postgres"])
def engines(request: pytest.FixtureRequest) -> Engines | None:
    """None for the fakes. Resolved here, outside the event loop: the migrations run their own,
    and pytest-asyncio sets an async fixture up only from a synchronous caller."""
    if request.param == "fake":
        return None
    return Engines(request.getfixturevalue("admin_engine"), request.getfixturevalue("app_engine"))


@pytest.fixture
async def backend(engines: Engines | None) -> AsyncIterator[Backend]:
    if engines is None:
        store = FakeStore()
        unit = store.seed_unit(name=UNIT_NAME, police_district="vest")
        other = store.seed_unit(
            name=OTHER_NAME,
            kind=UnitKind.INTER_MUNICIPAL,
            municipality_numbers=("4640", "4644"),
            police_district="vest",
        )
        access = FakeAccessUnitOfWorkFactory(store)
        yield Backend("fake", FakeUnitOfWorkFactory(store), unit.id, other.id, access)
        return
    mine, theirs = uuid4(), uuid4()
    await _pg_units(
        engines.admin,
        [
            (mine, UNIT_NAME, "municipality", ["3301"]),
            (theirs, OTHER_NAME, "inter_municipal", ["4640", "4644"]),
        ],
    )
    try:
        access_pg = PgAccessUnitOfWorkFactory(engines.app)
        yield Backend("postgres", PgUnitOfWorkFactory(engines.app), mine, theirs, access_pg)
    finally:
        async with engines.admin.begin() as conn:
            await conn.execute(
                sa.text("DELETE FROM slt_unit WHERE id IN (:a, :b)"), {"a": mine, "b": theirs}
            )
