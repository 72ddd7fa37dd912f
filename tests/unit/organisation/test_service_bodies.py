"""OrganisationService: bodies on three levels."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest

from domain.organisation.bodies import BodyChanges
from domain.organisation.filters import BodyFilter
from domain.organisation.model import Level
from domain.organisation.service import OrganisationService
from domain.shared.errors import (
    Conflict,
    NotFound,
    StaleVersion,
    ValidationFailed,
    VersionRequired,
)
from domain.shared.pagination import PageRequest
from domain.shared.principal import Principal
from tests.fakes import FakeStore
from tests.unit.conftest import World


def fields(exc: pytest.ExceptionInfo[ValidationFailed]) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in exc.value.errors]


# -- bodies ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "norm"), [(Level.STEERING, 4), (Level.COORDINATING, 12), (Level.EXECUTIVE, None)]
)
async def test_create_body_defaults_the_meeting_norm_by_level(
    service: OrganisationService, coord: Principal, level: Level, norm: int | None
) -> None:
    body = await service.create_body(coord, name=f" {level.value} ", level=level)
    assert (body.name, body.meeting_norm_per_year, body.version) == (level.value, norm, 1)
    assert await service.get_body(coord, body.id) == body


async def test_create_body_keeps_an_explicit_meeting_norm(
    service: OrganisationService, coord: Principal
) -> None:
    body = await service.create_body(
        coord, name="Oppstart", level=Level.STEERING, meeting_norm_per_year=8, mandate=""
    )
    assert (body.meeting_norm_per_year, body.mandate) == (8, None)


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({"level": Level.COORDINATING, "is_politiraad": True}, [("isPolitiraad", "steering-only")]),
        ({"meeting_norm_per_year": 0}, [("meetingNormPerYear", "out-of-range")]),
        ({"meeting_norm_per_year": 400}, [("meetingNormPerYear", "out-of-range")]),
        ({"name": ""}, [("name", "required")]),
    ],
)
async def test_create_body_refuses_invalid_input(
    service: OrganisationService,
    coord: Principal,
    store: FakeStore,
    kw: dict[str, Any],
    expected: list[tuple[str, str]],
) -> None:
    args: dict[str, Any] = {"name": "Gruppe", "level": Level.STEERING} | kw
    with pytest.raises(ValidationFailed) as exc:
        await service.create_body(coord, **args)
    assert fields(exc) == expected
    assert store.tables.bodies == {}


async def test_update_body(service: OrganisationService, coord: Principal, world: World) -> None:
    new = await service.update_body(
        coord,
        world.coordinating.id,
        BodyChanges(mandate="Samordne tiltak", meeting_norm_per_year=10),
        1,
    )
    assert (new.mandate, new.meeting_norm_per_year, new.version) == ("Samordne tiltak", 10, 2)
    with pytest.raises(StaleVersion):
        await service.update_body(coord, world.coordinating.id, BodyChanges(name="X"), 1)
    with pytest.raises(VersionRequired):
        await service.update_body(coord, world.coordinating.id, BodyChanges(name="X"), None)


async def test_a_politiraad_cannot_be_moved_below_the_steering_level(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    with pytest.raises(ValidationFailed) as exc:
        await service.update_body(
            coord, world.steering.id, BodyChanges(level=Level.COORDINATING), 1
        )
    assert fields(exc) == [("isPolitiraad", "steering-only")]
    assert await service.get_body(coord, world.steering.id) == world.steering


async def test_update_body_refuses_read_only_fields(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    with pytest.raises(ValidationFailed) as exc:
        await service.update_body(
            coord, world.steering.id, BodyChanges.from_mapping({"unit_id": uuid4()}), 1
        )
    assert fields(exc) == [("unitId", "read-only")]


async def test_delete_body_without_memberships(
    service: OrganisationService, coord: Principal
) -> None:
    body = await service.create_body(coord, name="Ungdomsteam", level=Level.EXECUTIVE)
    with pytest.raises(StaleVersion):
        await service.delete_body(coord, body.id, 2)
    await service.delete_body(coord, body.id, 1)
    with pytest.raises(NotFound):
        await service.get_body(coord, body.id)


async def test_delete_body_with_memberships_is_a_conflict(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    with pytest.raises(Conflict):
        await service.delete_body(coord, world.steering.id, 1)
    # Ended memberships are history: they still block deleting the body.
    await service.end_membership(coord, world.mayor_chair.id, None, 1)
    with pytest.raises(Conflict):
        await service.delete_body(coord, world.steering.id, 1)
    await service.delete_membership(coord, world.mayor_chair.id, 2)
    await service.delete_body(coord, world.steering.id, 1)


async def test_list_bodies(service: OrganisationService, coord: Principal, world: World) -> None:
    await service.create_body(coord, name="Ungdomsteam", level=Level.EXECUTIVE)
    page = PageRequest()

    async def names(f: BodyFilter) -> list[str]:
        return [b.name for b in (await service.list_bodies(coord, f, page)).items]

    assert await names(BodyFilter()) == ["Koordineringsgruppa", "Politirådet", "Ungdomsteam"]
    assert await names(BodyFilter(level=Level.STEERING)) == ["Politirådet"]
    assert await names(BodyFilter(q="TEAM")) == ["Ungdomsteam"]


async def test_bodies_by_id(service: OrganisationService, coord: Principal, world: World) -> None:
    assert await service.bodies_by_id(coord, [world.steering.id]) == {
        world.steering.id: world.steering
    }
