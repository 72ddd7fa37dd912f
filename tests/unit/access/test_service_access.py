"""OrganisationService as a whole: who may read and write."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID

import pytest

from domain.organisation.bodies import BodyChanges
from domain.organisation.filters import (
    BodyFilter,
    MembershipFilter,
    OrganisationFilter,
    PersonFilter,
)
from domain.organisation.memberships import MembershipChanges
from domain.organisation.model import Level, OrganisationType, SltUnit
from domain.organisation.organisations import OrganisationChanges
from domain.organisation.persons import PersonChanges
from domain.organisation.service import OrganisationService
from domain.organisation.units import EstablishmentChanges, UnitChanges
from domain.shared.errors import Forbidden
from domain.shared.pagination import PageRequest
from domain.shared.principal import BodyRole, Principal, Scope
from tests import fakes
from tests.fakes import FakeStore, FakeUnitOfWorkFactory
from tests.unit.conftest import World

UseCase = Callable[[OrganisationService, Principal, World], Awaitable[Any]]
PAGE = PageRequest()

READS: dict[str, UseCase] = {
    "unit": lambda s, p, w: s.unit(p),
    "municipalities": lambda s, p, w: s.municipalities(p),
    "police_districts": lambda s, p, w: s.police_districts(p),
    "establishment": lambda s, p, w: s.establishment(p),
    "health": lambda s, p, w: s.health(p),
    "picture": lambda s, p, w: s.picture(p),
    "list_organisations": lambda s, p, w: s.list_organisations(p, OrganisationFilter(), PAGE),
    "get_organisation": lambda s, p, w: s.get_organisation(p, w.school.id),
    "list_persons": lambda s, p, w: s.list_persons(p, PersonFilter(), PAGE),
    "get_person": lambda s, p, w: s.get_person(p, w.mayor.id),
    "list_bodies": lambda s, p, w: s.list_bodies(p, BodyFilter(), PAGE),
    "get_body": lambda s, p, w: s.get_body(p, w.steering.id),
    "list_memberships": lambda s, p, w: s.list_memberships(p, MembershipFilter(), PAGE),
    "get_membership": lambda s, p, w: s.get_membership(p, w.mayor_chair.id),
    "organisations_by_id": lambda s, p, w: s.organisations_by_id(p, [w.school.id]),
    "persons_by_id": lambda s, p, w: s.persons_by_id(p, [w.mayor.id]),
    "bodies_by_id": lambda s, p, w: s.bodies_by_id(p, [w.steering.id]),
    "memberships_of_bodies": lambda s, p, w: s.memberships_of_bodies(p, [w.steering.id], None),
}

WRITES: dict[str, UseCase] = {
    "update_unit": lambda s, p, w: s.update_unit(p, UnitChanges(name="Kupp"), 1),
    "update_establishment": lambda s, p, w: s.update_establishment(
        p, EstablishmentChanges(municipal_decision_ref="X"), 0
    ),
    "create_organisation": lambda s, p, w: s.create_organisation(
        p, name="Ny", type=OrganisationType.OTHER
    ),
    "update_organisation": lambda s, p, w: s.update_organisation(
        p, w.school.id, OrganisationChanges(name="X"), 1
    ),
    "delete_organisation": lambda s, p, w: s.delete_organisation(p, w.police.id, 1),
    "create_person": lambda s, p, w: s.create_person(p, name="Ny"),
    "update_person": lambda s, p, w: s.update_person(p, w.mayor.id, PersonChanges(name="X"), 1),
    "delete_person": lambda s, p, w: s.delete_person(p, w.officer.id, 1),
    "create_body": lambda s, p, w: s.create_body(p, name="Ny", level=Level.EXECUTIVE),
    "update_body": lambda s, p, w: s.update_body(p, w.steering.id, BodyChanges(name="X"), 1),
    "delete_body": lambda s, p, w: s.delete_body(p, w.steering.id, 1),
    "add_membership": lambda s, p, w: s.add_membership(
        p, body_id=w.coordinating.id, person_id=w.officer.id, role=BodyRole.MEMBER
    ),
    "update_membership": lambda s, p, w: s.update_membership(
        p, w.teacher_member.id, MembershipChanges(role=BodyRole.OBSERVER), 1
    ),
    "end_membership": lambda s, p, w: s.end_membership(p, w.teacher_member.id, None, 1),
    "delete_membership": lambda s, p, w: s.delete_membership(p, w.teacher_member.id, 1),
}

NO_READ: dict[str, Callable[[UUID, World], Principal]] = {
    "no_role": lambda u, w: fakes.person(u),
    "machine_no_scope": lambda u, w: fakes.machine(u),
    "machine_other_scopes": lambda u, w: fakes.machine(u, [Scope.TRENDS_READ, Scope.IMPORT_WRITE]),
}

READ_ONLY: dict[str, Callable[[UUID, World], Principal]] = {
    "police_contact": lambda u, w: fakes.police_contact(u),
    "steering_reader": lambda u, w: fakes.steering_reader(u),
    "member": lambda u, w: fakes.body_member(u, w.coordinating.id, BodyRole.MEMBER),
    "observer": lambda u, w: fakes.body_member(u, w.coordinating.id, BodyRole.OBSERVER),
    "chair_elsewhere": lambda u, w: fakes.body_member(u, w.steering.id, BodyRole.CHAIR),
    "machine_org_read": lambda u, w: fakes.machine(u, [Scope.ORGANISATION_READ]),
}


@pytest.mark.parametrize("who", list(NO_READ))
@pytest.mark.parametrize("action", list(READS))
async def test_reads_are_forbidden_without_a_right_to_read(
    service: OrganisationService,
    uow_factory: FakeUnitOfWorkFactory,
    unit: SltUnit,
    world: World,
    action: str,
    who: str,
) -> None:
    p = NO_READ[who](unit.id, world)
    opened = len(uow_factory.opened)
    with pytest.raises(Forbidden):
        await READS[action](service, p, world)
    assert len(uow_factory.opened) == opened  # refused before any data was touched


@pytest.mark.parametrize("who", list(READ_ONLY))
@pytest.mark.parametrize("action", list(READS))
async def test_readers_may_read(
    service: OrganisationService, unit: SltUnit, world: World, action: str, who: str
) -> None:
    result = await READS[action](service, READ_ONLY[who](unit.id, world), world)
    assert result is not None
    if isinstance(result, dict):
        assert result  # the batch reads found the requested row


@pytest.mark.parametrize("who", list(NO_READ) + list(READ_ONLY))
@pytest.mark.parametrize("action", list(WRITES))
async def test_writes_are_forbidden_without_a_right_to_manage(
    service: OrganisationService,
    store: FakeStore,
    unit: SltUnit,
    world: World,
    action: str,
    who: str,
) -> None:
    p = {**NO_READ, **READ_ONLY}[who](unit.id, world)
    before, commits = store.tables.copy(), store.commits
    with pytest.raises(Forbidden):
        await WRITES[action](service, p, world)
    assert store.commits == commits
    assert store.tables == before


@pytest.mark.parametrize("action", list(WRITES))
async def test_the_coordinator_or_admin_may_write(
    service: OrganisationService, store: FakeStore, unit: SltUnit, world: World, action: str
) -> None:
    # The unit record is the admin's; everything else the coordinator's.
    p = fakes.unit_admin(unit.id) if action == "update_unit" else fakes.coordinator(unit.id)
    if action in PREPARE:  # a delete needs its target free of references first
        await PREPARE[action](service, p, world)
    commits = store.commits
    await WRITES[action](service, p, world)
    assert store.commits == commits + 1


PREPARE: dict[str, UseCase] = {
    "delete_organisation": lambda s, p, w: s.update_person(
        p, w.officer.id, PersonChanges(organisation_id=None), 1
    ),
    "delete_body": lambda s, p, w: s.delete_membership(p, w.mayor_chair.id, 1),
}


@pytest.mark.parametrize(
    "create",
    [
        lambda s, p: s.create_organisation(p, name="", type=OrganisationType.OTHER),
        lambda s, p: s.create_person(p, name="", email="nope"),
        lambda s, p: s.create_body(p, name="", level=Level.EXECUTIVE, is_politiraad=True),
    ],
    ids=["organisation", "person", "body"],
)
async def test_forbidden_comes_before_validation(
    service: OrganisationService, unit: SltUnit, create: Callable[..., Awaitable[Any]]
) -> None:
    # An outsider learns nothing about the rules from a refusal: 403, not 422.
    with pytest.raises(Forbidden):
        await create(service, fakes.police_contact(unit.id))
