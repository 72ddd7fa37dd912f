"""Repository tier, annual wheel: the contract cases run on the fakes
(``tests/fakes/annual_wheel.py``) and on PostgreSQL (``adapters/postgres/annual_wheel``) through
the ports only. Each test gets two fresh units with a body in each."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest
import sqlalchemy as sa

from adapters.postgres.annual_wheel.uow import PgAnnualWheelUnitOfWorkFactory
from adapters.postgres.meetings.uow import PgMeetingsUnitOfWorkFactory
from adapters.postgres.uow import PgUnitOfWorkFactory
from domain.annual_wheel.ports import AnnualWheelUnitOfWorkFactory
from domain.annual_wheel.template import OwnerRole, WheelTemplate
from domain.meetings.meeting import OSLO, Meeting
from domain.meetings.status import MeetingStatus
from domain.organisation.model import Body
from domain.organisation.ports import UnitOfWorkFactory
from tests.fakes import (
    FakeAnnualWheelStore,
    FakeAnnualWheelUnitOfWorkFactory,
    FakeUnitOfWorkFactory,
)
from tests.repositories.conftest import OTHER_NAME, UNIT_NAME, Engines, _pg_units
from tests.repositories.organisation import rows as org_rows


def template(
    unit: UUID, title: str, month: int, day: int | None = None, **kw: Any
) -> WheelTemplate:
    t = WheelTemplate(
        id=uuid4(),
        unit_id=unit,
        title=title,
        month=month,
        day=day,
        owner_role=kw.pop("owner_role", OwnerRole.COORDINATOR),
        **kw,
    )
    t.check()
    return t


@dataclass
class WheelBackend:
    name: str
    factory: AnnualWheelUnitOfWorkFactory
    unit: UUID
    other: UUID
    body: Body
    engines: Engines | None
    store_: FakeAnnualWheelStore | None

    async def store(self, *items: WheelTemplate, unit: UUID | None = None) -> None:
        async with self.factory(unit or self.unit) as uow:
            for item in items:
                await uow.templates.add(item)
            await uow.commit()

    async def meeting(self, starts: datetime, status: MeetingStatus) -> None:
        """A meeting of the body (for the fake: the date it stands for)."""
        if self.store_ is not None:
            on = starts.astimezone(OSLO).date()
            held = status not in (MeetingStatus.PLANNED, MeetingStatus.CANCELLED)
            if status is not MeetingStatus.CANCELLED:
                self.store_.meeting(self.unit, self.body.id, on, held=held)
            return
        assert self.engines is not None
        m = Meeting(
            id=uuid4(),
            unit_id=self.unit,
            body_id=self.body.id,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            place="Rådhuset",
            status=status,
            cancel_reason="Avlyst" if status is MeetingStatus.CANCELLED else None,
        )
        async with PgMeetingsUnitOfWorkFactory(self.engines.app)(self.unit) as uow:
            await uow.meetings.add(m)
            await uow.commit()


async def _body(org: UnitOfWorkFactory, unit: UUID) -> Body:
    body = org_rows.body(unit, "Styringsgruppa")
    async with org(unit) as uow:
        await uow.bodies.add(body)
        await uow.commit()
    return body


@pytest.fixture
async def wb(engines: Engines | None) -> AsyncIterator[WheelBackend]:
    if engines is None:
        store = FakeAnnualWheelStore()
        unit = store.seed_unit(name=UNIT_NAME, police_district="vest").id
        other = store.seed_unit(name=OTHER_NAME, police_district="vest").id
        body = await _body(FakeUnitOfWorkFactory(store), unit)
        factory = FakeAnnualWheelUnitOfWorkFactory(store)
        yield WheelBackend("fake", factory, unit, other, body, None, store)
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
        body = await _body(PgUnitOfWorkFactory(engines.app), unit)
        factory = PgAnnualWheelUnitOfWorkFactory(engines.app)
        yield WheelBackend("postgres", factory, unit, other, body, engines, None)
    finally:
        async with engines.admin.begin() as conn:
            await conn.execute(
                sa.text("DELETE FROM slt_unit WHERE id IN (:a, :b)"), {"a": unit, "b": other}
            )
