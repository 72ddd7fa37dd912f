"""OrganisationService: organisations (create, read, list, update, delete, conflicts)."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest

from domain.organisation.filters import OrganisationFilter
from domain.organisation.model import OrganisationType
from domain.organisation.organisations import OrganisationChanges
from domain.organisation.persons import PersonChanges
from domain.organisation.service import OrganisationService
from domain.shared.errors import Conflict, NotFound, StaleVersion, ValidationFailed, VersionRequired
from domain.shared.pagination import PageRequest
from domain.shared.principal import BodyRole, Principal
from tests.fakes import FakeStore
from tests.unit.conftest import World


def fields(exc: pytest.ExceptionInfo[ValidationFailed]) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in exc.value.errors]


# -- organisations -----------------------------------------------------------------------------


async def test_create_organisation(
    service: OrganisationService, coord: Principal, store: FakeStore
) -> None:
    org = await service.create_organisation(
        coord,
        name="  Drammen barnevern  ",
        type=OrganisationType.CHILD_WELFARE,
        organisation_number="974760673",
        municipality_number="3301",
    )
    assert (org.name, org.version, org.unit_id, org.active) == (
        "Drammen barnevern",
        1,
        coord.unit_id,
        True,
    )
    assert await service.get_organisation(coord, org.id) == org
    assert store.commits == 1


async def test_create_organisation_blank_optionals_become_none(
    service: OrganisationService, coord: Principal
) -> None:
    org = await service.create_organisation(
        coord, name="NAV", type=OrganisationType.NAV, organisation_number="", municipality_number=""
    )
    assert (org.organisation_number, org.municipality_number) == (None, None)


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({"name": "  "}, [("name", "required")]),
        ({"organisation_number": "974760674"}, [("organisationNumber", "org-number-invalid")]),
        ({"municipality_number": "9999"}, [("municipalityNumber", "unknown")]),
    ],
)
async def test_create_organisation_refuses_invalid_input(
    service: OrganisationService,
    coord: Principal,
    store: FakeStore,
    kw: dict[str, Any],
    expected: list[tuple[str, str]],
) -> None:
    args: dict[str, Any] = {"name": "Skole", "type": OrganisationType.SCHOOL} | kw
    with pytest.raises(ValidationFailed) as exc:
        await service.create_organisation(coord, **args)
    assert fields(exc) == expected
    assert store.commits == 0
    assert store.tables.organisations == {}


async def test_update_organisation(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    new = await service.update_organisation(
        coord, world.school.id, OrganisationChanges(name="Fjell ungdomsskole", active=False), 1
    )
    assert (new.name, new.active, new.version) == ("Fjell ungdomsskole", False, 2)
    assert await service.get_organisation(coord, world.school.id) == new


async def test_update_organisation_needs_the_current_version(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    with pytest.raises(VersionRequired):
        await service.update_organisation(
            coord, world.school.id, OrganisationChanges(name="X"), None
        )
    await service.update_organisation(coord, world.school.id, OrganisationChanges(name="X"), 1)
    with pytest.raises(StaleVersion):
        await service.update_organisation(coord, world.school.id, OrganisationChanges(name="Y"), 1)
    assert (await service.get_organisation(coord, world.school.id)).name == "X"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"unit_id": None}, [("unitId", "read-only")]),
        ({"version": 7}, [("version", "read-only")]),
        ({"name": ""}, [("name", "required")]),
        ({"organisation_number": "123"}, [("organisationNumber", "org-number-invalid")]),
        ({"municipality_number": "0000"}, [("municipalityNumber", "unknown")]),
    ],
)
async def test_update_organisation_refuses_invalid_changes(
    service: OrganisationService,
    coord: Principal,
    world: World,
    changes: dict[str, Any],
    expected: list[tuple[str, str]],
) -> None:
    with pytest.raises(ValidationFailed) as exc:
        await service.update_organisation(
            coord, world.school.id, OrganisationChanges.from_mapping(changes), 1
        )
    assert fields(exc) == expected
    assert await service.get_organisation(coord, world.school.id) == world.school


async def test_delete_unused_organisation(service: OrganisationService, coord: Principal) -> None:
    org = await service.create_organisation(
        coord, name="Frivilligsentralen", type=OrganisationType.VOLUNTEER
    )
    with pytest.raises(VersionRequired):
        await service.delete_organisation(coord, org.id, None)
    with pytest.raises(StaleVersion):
        await service.delete_organisation(coord, org.id, 2)
    await service.delete_organisation(coord, org.id, 1)
    with pytest.raises(NotFound):
        await service.get_organisation(coord, org.id)


async def test_delete_organisation_of_a_person_is_a_conflict(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    with pytest.raises(Conflict):
        await service.delete_organisation(coord, world.school.id, 1)
    assert await service.get_organisation(coord, world.school.id) == world.school


async def test_delete_organisation_represented_in_a_membership_is_a_conflict(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    # The mayor has no organisation of their own but represents the police organisation here.
    await service.add_membership(
        coord,
        body_id=world.coordinating.id,
        person_id=world.mayor.id,
        role=BodyRole.OBSERVER,
        organisation_id=world.police.id,
    )
    await service.update_person(coord, world.officer.id, PersonChanges(organisation_id=None), 1)
    with pytest.raises(Conflict):
        await service.delete_organisation(coord, world.police.id, 1)


async def test_delete_missing_organisation_is_not_found(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    with pytest.raises(NotFound):
        await service.delete_organisation(coord, uuid4(), 1)


async def test_list_organisations_filters(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    await service.create_organisation(
        coord, name="Gamle skole", type=OrganisationType.SCHOOL, active=False
    )
    page = PageRequest()

    async def names(f: OrganisationFilter) -> list[str]:
        return [o.name for o in (await service.list_organisations(coord, f, page)).items]

    assert await names(OrganisationFilter()) == ["Fjell skole", "Gamle skole", "Politiet Sør-Øst"]
    assert await names(OrganisationFilter(q="SKOLE")) == ["Fjell skole", "Gamle skole"]
    assert await names(OrganisationFilter(type=OrganisationType.POLICE)) == ["Politiet Sør-Øst"]
    assert await names(OrganisationFilter(active=False)) == ["Gamle skole"]
    assert await names(OrganisationFilter(q="skole", active=True)) == ["Fjell skole"]


async def test_list_organisations_pages_by_lower_name(
    service: OrganisationService, coord: Principal
) -> None:
    for name in ["beta", "Alfa", "delta", "Charlie", "echo"]:
        await service.create_organisation(coord, name=name, type=OrganisationType.OTHER)
    seen: list[str] = []
    cursor: str | None = None
    while True:
        page = await service.list_organisations(
            coord, OrganisationFilter(), PageRequest.of(2, cursor)
        )
        assert page.total == 5
        assert len(page.items) <= 2
        seen += [o.name for o in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == ["Alfa", "beta", "Charlie", "delta", "echo"]


async def test_organisations_by_id_skips_missing(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    found = await service.organisations_by_id(coord, [world.school.id, uuid4()])
    assert found == {world.school.id: world.school}
