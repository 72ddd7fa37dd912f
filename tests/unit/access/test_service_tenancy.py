"""OrganisationService as a whole: another unit's rows are simply not there; a failed use case commits nothing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import pytest

from domain.organisation.bodies import BodyChanges
from domain.organisation.filters import (
    BodyFilter,
    MembershipFilter,
    OrganisationFilter,
    PersonFilter,
)
from domain.organisation.memberships import MembershipChanges
from domain.organisation.model import SltUnit
from domain.organisation.organisations import OrganisationChanges
from domain.organisation.persons import PersonChanges
from domain.organisation.service import OrganisationService
from domain.organisation.units import EstablishmentChanges
from domain.shared.errors import Conflict, NotFound, ValidationFailed
from domain.shared.pagination import PageRequest
from domain.shared.principal import BodyRole, Principal
from tests.fakes import FakeStore, FakeUnitOfWorkFactory
from tests.unit.conftest import World

UseCase = Callable[[OrganisationService, Principal, World], Awaitable[Any]]
PAGE = PageRequest()

# -- tenancy -----------------------------------------------------------------------------------

FOREIGN: dict[str, UseCase] = {
    "get_organisation": lambda s, p, w: s.get_organisation(p, w.school.id),
    "update_organisation": lambda s, p, w: s.update_organisation(
        p, w.school.id, OrganisationChanges(name="X"), 1
    ),
    "delete_organisation": lambda s, p, w: s.delete_organisation(p, w.police.id, 1),
    "get_person": lambda s, p, w: s.get_person(p, w.mayor.id),
    "update_person": lambda s, p, w: s.update_person(p, w.mayor.id, PersonChanges(name="X"), 1),
    "delete_person": lambda s, p, w: s.delete_person(p, w.officer.id, 1),
    "get_body": lambda s, p, w: s.get_body(p, w.steering.id),
    "update_body": lambda s, p, w: s.update_body(p, w.steering.id, BodyChanges(name="X"), 1),
    "delete_body": lambda s, p, w: s.delete_body(p, w.steering.id, 1),
    "get_membership": lambda s, p, w: s.get_membership(p, w.mayor_chair.id),
    "update_membership": lambda s, p, w: s.update_membership(
        p, w.mayor_chair.id, MembershipChanges(role=BodyRole.MEMBER), 1
    ),
    "end_membership": lambda s, p, w: s.end_membership(p, w.mayor_chair.id, None, 1),
    "delete_membership": lambda s, p, w: s.delete_membership(p, w.mayor_chair.id, 1),
}


@pytest.mark.parametrize("action", list(FOREIGN))
async def test_another_units_ids_are_not_found(
    service: OrganisationService,
    store: FakeStore,
    uow_factory: FakeUnitOfWorkFactory,
    other_coord: Principal,
    world: World,
    action: str,
) -> None:
    before = store.tables.copy()
    with pytest.raises(NotFound):
        await FOREIGN[action](service, other_coord, world)
    assert uow_factory.opened[-1] == other_coord.unit_id
    assert store.tables == before


async def test_another_units_rows_are_invisible_in_lists_and_batches(
    service: OrganisationService, other_coord: Principal, world: World
) -> None:
    p = other_coord
    assert (await service.list_organisations(p, OrganisationFilter(), PAGE)).total == 0
    assert (await service.list_persons(p, PersonFilter(), PAGE)).total == 0
    assert (await service.list_bodies(p, BodyFilter(), PAGE)).total == 0
    assert (await service.list_memberships(p, MembershipFilter(), PAGE)).total == 0
    assert await service.organisations_by_id(p, [world.school.id]) == {}
    assert await service.persons_by_id(p, [world.mayor.id]) == {}
    assert await service.bodies_by_id(p, [world.steering.id]) == {}
    assert await service.memberships_of_bodies(p, [world.steering.id], None) == {
        world.steering.id: []
    }
    picture = await service.picture(p)
    assert all(summaries == [] for summaries in picture.levels.values())
    health = await service.health(p)
    assert {c.body_id for c in health.checks} == {None}


async def test_another_units_rows_cannot_be_referred_to(
    service: OrganisationService, other_coord: Principal, world: World
) -> None:
    with pytest.raises(ValidationFailed):
        await service.create_person(other_coord, name="X", organisation_id=world.school.id)
    with pytest.raises(ValidationFailed):
        await service.update_establishment(
            other_coord, EstablishmentChanges(coordinator_person_id=world.mayor.id), 0
        )


async def test_each_unit_keeps_its_own_unit_record_and_establishment(
    service: OrganisationService,
    coord: Principal,
    other_coord: Principal,
    unit: SltUnit,
    other_unit: SltUnit,
) -> None:
    assert await service.unit(coord) == unit
    assert await service.unit(other_coord) == other_unit
    await service.update_establishment(
        coord, EstablishmentChanges(municipal_decision_date=date(2024, 1, 1)), 0
    )
    assert (await service.establishment(other_coord)).version == 0
    assert (await service.establishment(coord)).version == 1


async def test_a_failed_use_case_commits_nothing(
    service: OrganisationService, coord: Principal, store: FakeStore, world: World
) -> None:
    before, commits = store.tables.copy(), store.commits
    with pytest.raises(
        Conflict
    ):  # a second chair: refused after the checks ran in the unit of work
        await service.add_membership(
            coord, body_id=world.steering.id, person_id=world.officer.id, role=BodyRole.CHAIR
        )
    assert (store.tables, store.commits) == (before, commits)


@pytest.mark.parametrize("kind", ["organisation", "person", "body"])
async def test_updates_trim_names_like_creates(
    service: OrganisationService, coord: Principal, world: World, kind: str
) -> None:
    renames: dict[str, Callable[[], Awaitable[Any]]] = {
        "organisation": lambda: service.update_organisation(
            coord, world.school.id, OrganisationChanges(name="  Fjell skole  "), 1
        ),
        "person": lambda: service.update_person(
            coord, world.mayor.id, PersonChanges(name=" Ola "), 1
        ),
        "body": lambda: service.update_body(
            coord, world.steering.id, BodyChanges(name=" Politirådet "), 1
        ),
    }
    new = await renames[kind]()
    assert new.name == new.name.strip()
