"""The organisation's typed change objects: each names exactly the changeable fields of its
aggregate, refuses the rest as read-only, and a required field sent as null is a ``required`` error."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from domain.organisation.bodies import BodyChanges
from domain.organisation.memberships import MembershipChanges
from domain.organisation.model import (
    Body,
    Establishment,
    Membership,
    Organisation,
    Person,
    SltUnit,
)
from domain.organisation.organisations import OrganisationChanges
from domain.organisation.persons import PersonChanges
from domain.organisation.service import OrganisationService
from domain.organisation.units import EstablishmentChanges, UnitChanges
from domain.shared.changes import Changes
from domain.shared.errors import ValidationFailed
from domain.shared.principal import Principal
from tests import fakes
from tests.unit.conftest import World

PAIRS: list[tuple[type[Changes], type[Any]]] = [
    (UnitChanges, SltUnit),
    (EstablishmentChanges, Establishment),
    (OrganisationChanges, Organisation),
    (PersonChanges, Person),
    (BodyChanges, Body),
    (MembershipChanges, Membership),
]
NEVER_CHANGED = {"id", "unit_id", "version"}


@pytest.mark.parametrize(("changes", "entity"), PAIRS, ids=lambda c: c.__name__)
def test_a_change_object_names_only_fields_of_its_entity(
    changes: type[Changes], entity: type[Any]
) -> None:
    declared = {f.name for f in dataclasses.fields(entity)}
    assert changes.names() <= declared - NEVER_CHANGED
    assert changes().set_fields() == {}


@pytest.mark.parametrize(
    ("changes", "read_only"),
    [
        (UnitChanges, ["kind", "municipality_numbers", "police_district"]),
        (EstablishmentChanges, ["unit_id"]),
        (OrganisationChanges, ["unit_id"]),
        (PersonChanges, ["unit_id"]),
        (BodyChanges, ["unit_id"]),
        (MembershipChanges, ["body_id", "person_id", "unit_id"]),
    ],
    ids=lambda c: getattr(c, "__name__", ""),
)
def test_the_fixed_fields_are_read_only(changes: type[Changes], read_only: list[str]) -> None:
    for name in [*read_only, "id", "version"]:
        with pytest.raises(ValidationFailed) as exc:
            changes.from_mapping({name: "x"})
        head, *rest = name.split("_")
        camel = head + "".join(p.title() for p in rest)
        assert [(e.field, e.code) for e in exc.value.errors] == [(camel, "read-only")]


Update = Callable[[OrganisationService, Principal, World], Awaitable[object]]
NULLS: dict[str, tuple[Update, str]] = {
    "unit name": (
        lambda s, p, w: s.update_unit(
            fakes.unit_admin(p.unit_id), UnitChanges.from_mapping({"name": None}), 1
        ),
        "name",
    ),
    "organisation name": (
        lambda s, p, w: s.update_organisation(
            p, w.school.id, OrganisationChanges.from_mapping({"name": None}), 1
        ),
        "name",
    ),
    "organisation type": (
        lambda s, p, w: s.update_organisation(
            p, w.school.id, OrganisationChanges.from_mapping({"type": None}), 1
        ),
        "type",
    ),
    "organisation active": (
        lambda s, p, w: s.update_organisation(
            p, w.school.id, OrganisationChanges.from_mapping({"active": None}), 1
        ),
        "active",
    ),
    "person name": (
        lambda s, p, w: s.update_person(
            p, w.mayor.id, PersonChanges.from_mapping({"name": None}), 1
        ),
        "name",
    ),
    "body name": (
        lambda s, p, w: s.update_body(
            p, w.steering.id, BodyChanges.from_mapping({"name": None}), 1
        ),
        "name",
    ),
    "body level": (
        lambda s, p, w: s.update_body(
            p, w.coordinating.id, BodyChanges.from_mapping({"level": None}), 1
        ),
        "level",
    ),
    "membership role": (
        lambda s, p, w: s.update_membership(
            p, w.teacher_member.id, MembershipChanges.from_mapping({"role": None}), 1
        ),
        "role",
    ),
    "membership start": (
        lambda s, p, w: s.update_membership(
            p, w.teacher_member.id, MembershipChanges.from_mapping({"valid_from": None}), 1
        ),
        "validFrom",
    ),
}


@pytest.mark.parametrize("case", sorted(NULLS))
async def test_a_required_field_sent_as_null_is_required(
    service: OrganisationService, coord: Principal, world: World, case: str
) -> None:
    update, field = NULLS[case]
    with pytest.raises(ValidationFailed) as exc:
        await update(service, coord, world)
    assert (field, "required") in {(e.field, e.code) for e in exc.value.errors}


async def test_an_optional_field_sent_as_null_is_cleared(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    new = await service.update_person(coord, world.mayor.id, PersonChanges(title=None), 1)
    assert (new.title, new.version) == (None, 2)
    body = await service.update_body(
        coord, world.steering.id, BodyChanges(meeting_norm_per_year=None), 1
    )
    assert (body.meeting_norm_per_year, body.version) == (None, 2)


async def test_a_refused_change_stores_nothing(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    with pytest.raises(ValidationFailed):
        await service.update_body(
            coord, world.steering.id, BodyChanges.from_mapping({"name": None}), 1
        )
    assert await service.get_body(coord, world.steering.id) == world.steering
