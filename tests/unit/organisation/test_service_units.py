"""OrganisationService: the unit record, reference data, establishment, health and the picture."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any
from uuid import uuid4

import pytest

from domain.organisation.health import CheckCode
from domain.organisation.memberships import MembershipChanges
from domain.organisation.model import Level, SltUnit, UnitKind
from domain.organisation.service import OrganisationService
from domain.organisation.units import EstablishmentChanges, UnitChanges
from domain.shared.errors import (
    Forbidden,
    StaleVersion,
    ValidationFailed,
    VersionRequired,
)
from domain.shared.principal import BodyRole, Principal
from tests import fakes
from tests.fakes import FakeClock
from tests.unit.conftest import World


def fields(exc: pytest.ExceptionInfo[ValidationFailed]) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in exc.value.errors]


# -- the unit record ---------------------------------------------------------------------------


async def test_unit_is_the_principals_own(
    service: OrganisationService, coord: Principal, unit: SltUnit, other_unit: SltUnit
) -> None:
    assert await service.unit(coord) == unit


async def test_unit_admin_renames_the_unit(service: OrganisationService, unit: SltUnit) -> None:
    admin = fakes.unit_admin(unit.id)
    new = await service.update_unit(
        admin, UnitChanges(name="SLT Drammen kommune", language="nn"), 1
    )
    assert (new.name, new.language, new.version) == ("SLT Drammen kommune", "nn", 2)
    assert await service.unit(admin) == new
    with pytest.raises(StaleVersion):
        await service.update_unit(admin, UnitChanges(name="Z"), 1)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"kind": UnitKind.INTER_MUNICIPAL}, [("kind", "read-only")]),
        ({"municipality_numbers": ("0301",)}, [("municipalityNumbers", "read-only")]),
        ({"language": "sv"}, [("language", "invalid")]),
        ({"name": ""}, [("name", "required")]),
    ],
)
async def test_update_unit_refuses_invalid_changes(
    service: OrganisationService,
    unit: SltUnit,
    changes: dict[str, Any],
    expected: list[tuple[str, str]],
) -> None:
    admin = fakes.unit_admin(unit.id)
    with pytest.raises(ValidationFailed) as exc:
        await service.update_unit(admin, UnitChanges.from_mapping(changes), 1)
    assert fields(exc) == expected
    assert await service.unit(admin) == unit


async def test_only_the_unit_admin_changes_the_unit(
    service: OrganisationService, coord: Principal, unit: SltUnit
) -> None:
    with pytest.raises(Forbidden):
        await service.update_unit(coord, UnitChanges(name="Kupp"), 1)
    with pytest.raises(VersionRequired):
        await service.update_unit(fakes.unit_admin(unit.id), UnitChanges(name="X"), None)


async def test_reference_data_is_readable(service: OrganisationService, coord: Principal) -> None:
    numbers = [m.number for m in await service.municipalities(coord)]
    assert numbers == sorted(numbers)
    assert "3301" in numbers
    assert "sor-ost" in {d.code for d in await service.police_districts(coord)}


# -- establishment -----------------------------------------------------------------------------


async def test_establishment_is_created_then_updated(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    first = await service.update_establishment(
        coord,
        EstablishmentChanges(
            municipal_decision_date=clock.today() - timedelta(days=30),
            municipal_decision_ref="PS 12/25",
            coordinator_person_id=world.teacher.id,
            coordinator_fte=Decimal("0.8"),
        ),
        0,
    )
    assert first.version == 1
    assert await service.establishment(coord) == first
    with pytest.raises(StaleVersion):
        await service.update_establishment(
            coord, EstablishmentChanges(police_contact_person_id=None), 0
        )
    second = await service.update_establishment(
        coord, EstablishmentChanges(police_contact_person_id=world.officer.id), 1
    )
    assert (second.version, second.coordinator_person_id, second.police_contact_person_id) == (
        2,
        world.teacher.id,
        world.officer.id,
    )


@pytest.mark.parametrize(
    ("field", "camel"),
    [
        ("coordinator_person_id", "coordinatorPersonId"),
        ("police_contact_person_id", "policeContactPersonId"),
    ],
)
async def test_establishment_persons_must_exist_in_the_unit(
    service: OrganisationService,
    coord: Principal,
    other_coord: Principal,
    field: str,
    camel: str,
) -> None:
    stranger = await service.create_person(other_coord, name="Utenbygds")
    for person_id in (uuid4(), stranger.id):
        with pytest.raises(ValidationFailed) as exc:
            await service.update_establishment(
                coord, EstablishmentChanges.from_mapping({field: person_id}), 0
            )
        assert fields(exc) == [(camel, "unknown")]
    assert (await service.establishment(coord)).version == 0


async def test_establishment_rules_apply_with_the_clock(
    service: OrganisationService, coord: Principal, clock: FakeClock
) -> None:
    with pytest.raises(ValidationFailed) as exc:
        await service.update_establishment(
            coord,
            EstablishmentChanges(police_confirmation_date=clock.today() + timedelta(days=1)),
            0,
        )
    assert fields(exc) == [("policeConfirmationDate", "in-future")]
    with pytest.raises(ValidationFailed) as exc:
        await service.update_establishment(
            coord, EstablishmentChanges.from_mapping({"unit_id": uuid4()}), 0
        )
    assert fields(exc) == [("unitId", "read-only")]
    with pytest.raises(VersionRequired):
        await service.update_establishment(coord, EstablishmentChanges(), None)


async def test_establishment_is_kept_by_admin_or_coordinator_only(
    service: OrganisationService, unit: SltUnit
) -> None:
    await service.update_establishment(
        fakes.unit_admin(unit.id), EstablishmentChanges(municipal_decision_ref="A"), 0
    )
    for p in (fakes.police_contact(unit.id), fakes.steering_reader(unit.id)):
        with pytest.raises(Forbidden):
            await service.update_establishment(
                p, EstablishmentChanges(municipal_decision_ref="B"), 1
            )
        assert (await service.establishment(p)).municipal_decision_ref == "A"


# -- health and the three-level picture --------------------------------------------------------


async def test_health_follows_the_stored_organisation(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    before = await service.health(coord)
    assert not before.ok
    assert {c.code for c in before.problems} >= {
        CheckCode.NOT_ESTABLISHED,
        CheckCode.NO_COORDINATOR,
        CheckCode.NO_POLICE_CONTACT,
        CheckCode.BODY_WITHOUT_CHAIR,  # the coordinating body has a member but no chair
        CheckCode.NO_EXECUTIVE_BODY,
    }
    await service.update_establishment(
        coord,
        EstablishmentChanges(
            municipal_decision_date=clock.today(),
            police_confirmation_date=clock.today(),
            coordinator_person_id=world.teacher.id,
            police_contact_person_id=world.officer.id,
        ),
        0,
    )
    await service.add_membership(
        coord, body_id=world.coordinating.id, person_id=world.officer.id, role=BodyRole.CHAIR
    )
    after = await service.health(coord)
    assert after.ok
    assert [c.code for c in after.problems] == [CheckCode.NO_EXECUTIVE_BODY]


async def test_health_uses_the_clock(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    await service.update_membership(
        coord,
        world.mayor_chair.id,
        MembershipChanges(valid_to=clock.today() + timedelta(days=90)),
        1,
    )
    assert CheckCode.MEMBERSHIP_EXPIRING not in {
        c.code for c in (await service.health(coord)).checks
    }
    clock.advance(days=30)
    expiring = [
        c for c in (await service.health(coord)).checks if c.code is CheckCode.MEMBERSHIP_EXPIRING
    ]
    assert [c.membership_id for c in expiring] == [world.mayor_chair.id]


async def test_picture_groups_bodies_by_level_with_chair_and_count(
    service: OrganisationService, coord: Principal, world: World, unit: SltUnit
) -> None:
    team = await service.create_body(coord, name="Ungdomsteam", level=Level.EXECUTIVE)
    picture = await service.picture(coord)
    assert picture.unit == unit
    assert list(picture.levels) == [Level.STEERING, Level.COORDINATING, Level.EXECUTIVE]
    [steering] = picture.levels[Level.STEERING]
    assert (steering.body, steering.chair_name, steering.member_count) == (
        world.steering,
        "Ola Ordfører",
        1,
    )
    [coordinating] = picture.levels[Level.COORDINATING]
    assert (coordinating.chair_person_id, coordinating.member_count) == (None, 1)
    [executive] = picture.levels[Level.EXECUTIVE]
    assert (executive.body, executive.member_count) == (team, 0)
