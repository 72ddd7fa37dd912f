"""Fixtures for the annual wheel's unit tests: a fake store shared with the organisation fakes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import uuid4

import pytest

from domain.annual_wheel.service import AnnualWheelService
from domain.organisation.model import Body, Establishment, Level, Membership, Person, SltUnit
from domain.shared.principal import BodyRole, Principal
from tests.fakes import (
    FakeAnnualWheelStore,
    FakeAnnualWheelUnitOfWorkFactory,
    FakeClock,
    coordinator,
)


@pytest.fixture
def store() -> FakeAnnualWheelStore:
    return FakeAnnualWheelStore()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 14, 9, 30, tzinfo=UTC))


@pytest.fixture
def wheel(store: FakeAnnualWheelStore, clock: FakeClock) -> AnnualWheelService:
    return AnnualWheelService(FakeAnnualWheelUnitOfWorkFactory(store), clock)


@pytest.fixture
def coord(unit: SltUnit) -> Principal:
    return coordinator(unit.id)


def body(unit: SltUnit, name: str, level: Level, norm: int | None = None) -> Body:
    return Body(id=uuid4(), unit_id=unit.id, name=name, level=level, meeting_norm_per_year=norm)


def person(unit: SltUnit, name: str) -> Person:
    return Person(id=uuid4(), unit_id=unit.id, name=name)


def seat(b: Body, p: Person, role: BodyRole, start: date, end: date | None = None) -> Membership:
    return Membership(
        id=uuid4(),
        unit_id=b.unit_id,
        body_id=b.id,
        person_id=p.id,
        role=role,
        valid_from=start,
        valid_to=end,
    )


def establish(store: FakeAnnualWheelStore, unit: SltUnit, coordinator_: Person) -> None:
    store.put(Establishment(unit_id=unit.id, coordinator_person_id=coordinator_.id, version=1))
