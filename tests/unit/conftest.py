"""Fixtures for the domain's unit tests: a fake store with two units, a fake clock, the service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest

from domain.organisation.model import (
    Body,
    Level,
    Membership,
    Organisation,
    OrganisationType,
    Person,
    SltUnit,
    UnitKind,
)
from domain.organisation.service import OrganisationService
from domain.shared.principal import BodyRole, Principal
from tests.fakes import FakeClock, FakeStore, FakeUnitOfWorkFactory, coordinator


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


@pytest.fixture
def unit(store: FakeStore) -> SltUnit:
    return store.seed_unit()


@pytest.fixture
def other_unit(store: FakeStore) -> SltUnit:
    return store.seed_unit(
        name="SLT Indre Sogn",
        kind=UnitKind.INTER_MUNICIPAL,
        municipality_numbers=("4640", "4644"),
        police_district="vest",
    )


@pytest.fixture
def uow_factory(store: FakeStore) -> FakeUnitOfWorkFactory:
    return FakeUnitOfWorkFactory(store)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def service(uow_factory: FakeUnitOfWorkFactory, clock: FakeClock) -> OrganisationService:
    return OrganisationService(uow_factory, clock)


@pytest.fixture
def coord(unit: SltUnit) -> Principal:
    return coordinator(unit.id)


@pytest.fixture
def other_coord(other_unit: SltUnit) -> Principal:
    return coordinator(other_unit.id)


@dataclass(frozen=True)
class World:
    """A small organisation made through the use cases: two organisations, three persons,
    a steering body chaired by the mayor and a coordinating body with the coordinator as chair."""

    school: Organisation
    police: Organisation
    mayor: Person
    teacher: Person
    officer: Person
    steering: Body
    coordinating: Body
    mayor_chair: Membership
    teacher_member: Membership


@pytest.fixture
async def world(service: OrganisationService, coord: Principal, clock: FakeClock) -> World:
    s, p = service, coord
    school = await s.create_organisation(
        p, name="Fjell skole", type=OrganisationType.SCHOOL, municipality_number="3301"
    )
    police = await s.create_organisation(p, name="Politiet Sør-Øst", type=OrganisationType.POLICE)
    mayor = await s.create_person(p, name="Ola Ordfører", title="Ordfører")
    teacher = await s.create_person(p, name="Tone Lærer", organisation_id=school.id)
    officer = await s.create_person(p, name="Per Politi", organisation_id=police.id)
    steering = await s.create_body(p, name="Politirådet", level=Level.STEERING, is_politiraad=True)
    coordinating = await s.create_body(p, name="Koordineringsgruppa", level=Level.COORDINATING)
    start = clock.today() - timedelta(days=100)
    mayor_chair = await s.add_membership(
        p, body_id=steering.id, person_id=mayor.id, role=BodyRole.CHAIR, valid_from=start
    )
    teacher_member = await s.add_membership(
        p, body_id=coordinating.id, person_id=teacher.id, role=BodyRole.MEMBER, valid_from=start
    )
    return World(
        school=school,
        police=police,
        mayor=mayor,
        teacher=teacher,
        officer=officer,
        steering=steering,
        coordinating=coordinating,
        mayor_chair=mayor_chair,
        teacher_member=teacher_member,
    )
