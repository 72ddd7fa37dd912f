"""OrganisationService: persons."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest

from domain.organisation.filters import PersonFilter
from domain.organisation.model import Establishment
from domain.organisation.persons import PersonChanges
from domain.organisation.service import OrganisationService
from domain.organisation.units import EstablishmentChanges
from domain.shared.errors import Conflict, NotFound, StaleVersion, ValidationFailed, VersionRequired
from domain.shared.pagination import PageRequest
from domain.shared.principal import Principal
from tests.fakes import FakeStore
from tests.unit.conftest import World


def fields(exc: pytest.ExceptionInfo[ValidationFailed]) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in exc.value.errors]


# -- persons -----------------------------------------------------------------------------------


async def test_create_person(service: OrganisationService, coord: Principal, world: World) -> None:
    p = await service.create_person(
        coord,
        name=" Siri Helsesykepleier ",
        title="Helsesykepleier",
        organisation_id=world.school.id,
        email="siri@drammen.kommune.no",
        phone="+47 912 34 567",
    )
    assert (p.name, p.organisation_id, p.version) == ("Siri Helsesykepleier", world.school.id, 1)
    assert await service.get_person(coord, p.id) == p


async def test_create_person_blank_optionals_become_none(
    service: OrganisationService, coord: Principal
) -> None:
    p = await service.create_person(coord, name="Nils", title="", email="", phone="")
    assert (p.title, p.email, p.phone) == (None, None, None)


async def test_create_person_with_unknown_organisation(
    service: OrganisationService, coord: Principal, store: FakeStore
) -> None:
    with pytest.raises(ValidationFailed) as exc:
        await service.create_person(coord, name="Nils", organisation_id=uuid4())
    assert fields(exc) == [("organisationId", "unknown")]
    assert store.tables.persons == {}


async def test_create_person_reports_all_field_errors(
    service: OrganisationService, coord: Principal
) -> None:
    with pytest.raises(ValidationFailed) as exc:
        await service.create_person(coord, name="", email="nope", phone="12")
    assert fields(exc) == [
        ("name", "required"),
        ("email", "invalid-email"),
        ("phone", "invalid-phone"),
    ]


async def test_update_person(service: OrganisationService, coord: Principal, world: World) -> None:
    new = await service.update_person(
        coord, world.teacher.id, PersonChanges(organisation_id=world.police.id, title="Lektor"), 1
    )
    assert (new.organisation_id, new.title, new.version) == (world.police.id, "Lektor", 2)
    with pytest.raises(StaleVersion):
        await service.update_person(coord, world.teacher.id, PersonChanges(title="X"), 1)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"organisation_id": uuid4()}, [("organisationId", "unknown")]),
        ({"email": "x@y"}, [("email", "invalid-email")]),
        ({"id": None}, [("id", "read-only")]),
    ],
)
async def test_update_person_refuses_invalid_changes(
    service: OrganisationService,
    coord: Principal,
    world: World,
    changes: dict[str, Any],
    expected: list[tuple[str, str]],
) -> None:
    with pytest.raises(ValidationFailed) as exc:
        await service.update_person(coord, world.teacher.id, PersonChanges.from_mapping(changes), 1)
    assert fields(exc) == expected
    assert await service.get_person(coord, world.teacher.id) == world.teacher


async def test_delete_person(service: OrganisationService, coord: Principal, world: World) -> None:
    with pytest.raises(VersionRequired):
        await service.delete_person(coord, world.officer.id, None)
    await service.delete_person(coord, world.officer.id, 1)
    with pytest.raises(NotFound):
        await service.get_person(coord, world.officer.id)


async def test_delete_person_with_a_membership_is_a_conflict(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    with pytest.raises(Conflict):
        await service.delete_person(coord, world.teacher.id, 1)
    # Even an ended membership is history that refers to the person.
    await service.end_membership(coord, world.teacher_member.id, None, 1)
    with pytest.raises(Conflict):
        await service.delete_person(coord, world.teacher.id, 1)
    await service.delete_membership(coord, world.teacher_member.id, 2)
    await service.delete_person(coord, world.teacher.id, 1)


@pytest.mark.parametrize("role", ["coordinator_person_id", "police_contact_person_id"])
async def test_delete_person_named_in_the_establishment_is_a_conflict(
    service: OrganisationService, coord: Principal, world: World, role: str
) -> None:
    await service.update_establishment(
        coord, EstablishmentChanges.from_mapping({role: world.officer.id}), 0
    )
    with pytest.raises(Conflict):
        await service.delete_person(coord, world.officer.id, 1)


async def test_list_persons_searches_name_title_and_email(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    await service.create_person(coord, name="Anne", email="anne@ppt.example.no")
    page = PageRequest()

    async def names(f: PersonFilter) -> list[str]:
        return [p.name for p in (await service.list_persons(coord, f, page)).items]

    assert await names(PersonFilter()) == ["Anne", "Ola Ordfører", "Per Politi", "Tone Lærer"]
    assert await names(PersonFilter(q="ordfører")) == ["Ola Ordfører"]
    assert await names(PersonFilter(q="PPT")) == ["Anne"]
    assert await names(PersonFilter(organisation_id=world.police.id)) == ["Per Politi"]


async def test_persons_by_id(service: OrganisationService, coord: Principal, world: World) -> None:
    found = await service.persons_by_id(coord, [world.mayor.id, world.teacher.id])
    assert found == {world.mayor.id: world.mayor, world.teacher.id: world.teacher}


async def test_establishment_starts_empty(service: OrganisationService, coord: Principal) -> None:
    assert await service.establishment(coord) == Establishment(unit_id=coord.unit_id)
