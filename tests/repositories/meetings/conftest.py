"""Repository tier, meetings: the contract cases run on the fakes (``tests/fakes/meetings.py``)
and on PostgreSQL (``adapters/postgres/meetings``) through the ports only. Each test gets two
fresh units with a body and three persons in each, made through the organisation context."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid4

import pytest
import sqlalchemy as sa

from adapters.postgres.meetings.uow import PgMeetingsUnitOfWorkFactory
from adapters.postgres.uow import PgUnitOfWorkFactory
from domain.meetings.action_item import ActionItem
from domain.meetings.agenda_item import AgendaItem
from domain.meetings.attendance import Attendance
from domain.meetings.decision import Decision
from domain.meetings.meeting import Meeting
from domain.meetings.minutes import MinutesVersion
from domain.meetings.ports import MeetingsUnitOfWork, MeetingsUnitOfWorkFactory
from domain.organisation.model import Body, Person, UnitKind
from domain.organisation.ports import UnitOfWorkFactory
from tests.fakes import FakeMeetingsStore, FakeMeetingsUnitOfWorkFactory, FakeUnitOfWorkFactory
from tests.repositories.conftest import OTHER_NAME, UNIT_NAME, Engines, _pg_units
from tests.repositories.meetings import rows
from tests.repositories.organisation import rows as org_rows


@dataclass
class Setting:
    """One unit's body and persons (invented names)."""

    unit: UUID
    body: Body
    persons: tuple[Person, ...]


@dataclass
class MeetingsBackend:
    name: str
    factory: MeetingsUnitOfWorkFactory
    here: Setting
    there: Setting

    async def store(self, *items: Any, unit: UUID | None = None) -> None:
        """Add the rows through the repositories in one committed unit of work."""
        async with self.factory(unit or self.here.unit) as uow:
            for item in items:
                await repository(uow, item).add(item)
            await uow.commit()


def repository(uow: MeetingsUnitOfWork, item: Any) -> Any:
    match item:
        case Meeting():
            return uow.meetings
        case AgendaItem():
            return uow.agenda
        case Attendance():
            return uow.attendance
        case MinutesVersion():
            return uow.minutes
        case Decision():
            return uow.decisions
        case ActionItem():
            return uow.actions
    raise TypeError(f"no repository for {item!r}")


async def _setting(org: UnitOfWorkFactory, unit: UUID) -> Setting:
    body = org_rows.body(unit, "Koordineringsgruppa")
    persons = tuple(
        org_rows.person(unit, n) for n in ("Kari Testesen", "Ola Prøvesen", "Siri Eksempel")
    )
    async with org(unit) as uow:
        await uow.bodies.add(body)
        for p in persons:
            await uow.persons.add(p)
        await uow.commit()
    return Setting(unit, body, persons)


@pytest.fixture
async def mb(engines: Engines | None) -> AsyncIterator[MeetingsBackend]:
    if engines is None:
        store = FakeMeetingsStore()
        unit = store.seed_unit(name=UNIT_NAME, police_district="vest").id
        other = store.seed_unit(
            name=OTHER_NAME,
            kind=UnitKind.INTER_MUNICIPAL,
            municipality_numbers=("4640", "4644"),
            police_district="vest",
        ).id
        org = FakeUnitOfWorkFactory(store)
        here, there = await _setting(org, unit), await _setting(org, other)
        yield MeetingsBackend("fake", FakeMeetingsUnitOfWorkFactory(store), here, there)
        return
    unit, other = uuid4(), uuid4()
    await _pg_units(
        engines.admin,
        [
            (unit, UNIT_NAME, "municipality", ["3301"]),
            (other, OTHER_NAME, "inter_municipal", ["4640", "4644"]),
        ],
    )
    try:
        org_pg = PgUnitOfWorkFactory(engines.app)
        here, there = await _setting(org_pg, unit), await _setting(org_pg, other)
        factory = PgMeetingsUnitOfWorkFactory(engines.app)
        yield MeetingsBackend("postgres", factory, here, there)
    finally:
        async with engines.admin.begin() as conn:
            await conn.execute(
                sa.text("DELETE FROM slt_unit WHERE id IN (:a, :b)"), {"a": unit, "b": other}
            )


__all__ = ["MeetingsBackend", "Setting", "rows"]
