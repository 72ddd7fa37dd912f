"""OrganisationService: memberships added and updated (defaults, references, overlaps, chairs)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import uuid4

import pytest

from domain.organisation.memberships import MembershipChanges
from domain.organisation.model import Level, OrganisationType
from domain.organisation.service import OrganisationService
from domain.shared.errors import (
    Conflict,
    StaleVersion,
    ValidationFailed,
    VersionRequired,
)
from domain.shared.principal import BodyRole, Principal
from tests.fakes import FakeClock, FakeStore
from tests.unit.conftest import World


def fields(exc: pytest.ExceptionInfo[ValidationFailed]) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in exc.value.errors]


def days(n: int) -> timedelta:
    return timedelta(days=n)


# -- adding ------------------------------------------------------------------------------------


async def test_add_membership_defaults_organisation_and_start(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    m = await service.add_membership(
        coord, body_id=world.steering.id, person_id=world.teacher.id, role=BodyRole.MEMBER
    )
    assert (m.organisation_id, m.valid_from, m.valid_to, m.version) == (
        world.school.id,
        clock.today(),
        None,
        1,
    )
    assert (m.unit_id, m.body_id, m.person_id) == (
        coord.unit_id,
        world.steering.id,
        world.teacher.id,
    )
    assert await service.get_membership(coord, m.id) == m


async def test_add_membership_keeps_an_explicit_organisation_and_dates(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    start, end = clock.today() + days(10), clock.today() + days(375)
    m = await service.add_membership(
        coord,
        body_id=world.steering.id,
        person_id=world.teacher.id,
        role=BodyRole.OBSERVER,
        organisation_id=world.police.id,
        valid_from=start,
        valid_to=end,
    )
    assert (m.organisation_id, m.valid_from, m.valid_to, m.role) == (
        world.police.id,
        start,
        end,
        BodyRole.OBSERVER,
    )


async def test_add_membership_for_a_person_without_organisation(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    m = await service.add_membership(
        coord, body_id=world.coordinating.id, person_id=world.mayor.id, role=BodyRole.MEMBER
    )
    assert m.organisation_id is None


async def test_add_membership_names_every_unknown_reference(
    service: OrganisationService, coord: Principal, store: FakeStore, world: World
) -> None:
    before = dict(store.tables.memberships)
    with pytest.raises(ValidationFailed) as exc:
        await service.add_membership(
            coord, body_id=uuid4(), person_id=uuid4(), role=BodyRole.MEMBER, organisation_id=uuid4()
        )
    assert fields(exc) == [
        ("bodyId", "unknown"),
        ("personId", "unknown"),
        ("organisationId", "unknown"),
    ]
    assert store.tables.memberships == before


@pytest.mark.parametrize("which", ["body_id", "person_id", "organisation_id"])
async def test_add_membership_refers_only_to_the_units_own_rows(
    service: OrganisationService,
    coord: Principal,
    other_coord: Principal,
    world: World,
    which: str,
) -> None:
    theirs = {
        "body_id": (await service.create_body(other_coord, name="B", level=Level.EXECUTIVE)).id,
        "person_id": (await service.create_person(other_coord, name="P")).id,
        "organisation_id": (
            await service.create_organisation(other_coord, name="O", type=OrganisationType.NAV)
        ).id,
    }
    args: dict[str, Any] = {
        "body_id": world.coordinating.id,
        "person_id": world.mayor.id,
        "role": BodyRole.MEMBER,
    } | {which: theirs[which]}
    camel = {"body_id": "bodyId", "person_id": "personId", "organisation_id": "organisationId"}
    with pytest.raises(ValidationFailed) as exc:
        await service.add_membership(coord, **args)
    assert fields(exc) == [(camel[which], "unknown")]


async def test_add_membership_refuses_an_end_before_the_start(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    with pytest.raises(ValidationFailed) as exc:
        await service.add_membership(
            coord,
            body_id=world.coordinating.id,
            person_id=world.mayor.id,
            role=BodyRole.MEMBER,
            valid_to=clock.today() - days(1),
        )
    assert fields(exc) == [("validTo", "before-start")]


async def test_the_same_person_cannot_sit_twice_in_one_body_at_once(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    # The teacher has been a member since 100 days ago, open-ended.
    for role in (BodyRole.MEMBER, BodyRole.SECRETARY):
        with pytest.raises(Conflict):
            await service.add_membership(
                coord,
                body_id=world.coordinating.id,
                person_id=world.teacher.id,
                role=role,
                valid_from=clock.today() + days(200),
            )
    with pytest.raises(Conflict):  # a period that covers the existing start
        await service.add_membership(
            coord,
            body_id=world.coordinating.id,
            person_id=world.teacher.id,
            role=BodyRole.MEMBER,
            valid_from=clock.today() - days(200),
            valid_to=clock.today() - days(100),
        )


async def test_the_same_person_may_sit_in_another_body_or_another_period(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    await service.add_membership(
        coord, body_id=world.steering.id, person_id=world.teacher.id, role=BodyRole.MEMBER
    )
    earlier = await service.add_membership(
        coord,
        body_id=world.coordinating.id,
        person_id=world.teacher.id,
        role=BodyRole.MEMBER,
        valid_from=clock.today() - days(300),
        valid_to=clock.today() - days(101),
    )
    assert earlier.valid_to == clock.today() - days(101)


async def test_two_chairs_may_not_overlap(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    with pytest.raises(Conflict):
        await service.add_membership(
            coord,
            body_id=world.steering.id,
            person_id=world.officer.id,
            role=BodyRole.CHAIR,
            valid_from=clock.today() + days(365),
        )
    # Another role is fine; and a chair is fine in a body without one.
    await service.add_membership(
        coord, body_id=world.steering.id, person_id=world.officer.id, role=BodyRole.SECRETARY
    )
    await service.add_membership(
        coord, body_id=world.coordinating.id, person_id=world.mayor.id, role=BodyRole.CHAIR
    )


async def test_a_new_chair_may_follow_when_the_old_term_ended(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    ended = await service.end_membership(coord, world.mayor_chair.id, clock.today() - days(1), 1)
    assert ended.valid_to == clock.today() - days(1)
    new_chair = await service.add_membership(
        coord, body_id=world.steering.id, person_id=world.officer.id, role=BodyRole.CHAIR
    )
    assert new_chair.valid_from == clock.today()


async def test_replacing_a_chair_with_the_default_dates(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    await service.end_membership(coord, world.mayor_chair.id, None, 1)
    await service.add_membership(
        coord, body_id=world.steering.id, person_id=world.officer.id, role=BodyRole.CHAIR
    )


# -- updating ----------------------------------------------------------------------------------


async def test_update_membership(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    new = await service.update_membership(
        coord,
        world.teacher_member.id,
        MembershipChanges(role=BodyRole.SECRETARY, organisation_id=world.police.id),
        1,
    )
    assert (new.role, new.organisation_id, new.version) == (
        BodyRole.SECRETARY,
        world.police.id,
        2,
    )
    with pytest.raises(StaleVersion):
        await service.update_membership(
            coord, world.teacher_member.id, MembershipChanges(role=BodyRole.MEMBER), 1
        )
    with pytest.raises(VersionRequired):
        await service.update_membership(
            coord, world.teacher_member.id, MembershipChanges(role=BodyRole.MEMBER), None
        )


async def test_update_membership_to_a_second_chair_is_a_conflict(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    secretary = await service.add_membership(
        coord, body_id=world.steering.id, person_id=world.officer.id, role=BodyRole.SECRETARY
    )
    with pytest.raises(Conflict):
        await service.update_membership(
            coord, secretary.id, MembershipChanges(role=BodyRole.CHAIR), 1
        )
    # The chair itself may be edited without clashing with its own row.
    same = await service.update_membership(
        coord, world.mayor_chair.id, MembershipChanges(organisation_id=world.police.id), 1
    )
    assert same.role is BodyRole.CHAIR


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"person_id": "x"}, [("personId", "read-only")]),
        ({"body_id": "x"}, [("bodyId", "read-only")]),
        ({"valid_to": date(2000, 1, 1)}, [("validTo", "before-start")]),
        ({"organisation_id": "unknown"}, [("organisationId", "unknown")]),
    ],
)
async def test_update_membership_refuses_invalid_changes(
    service: OrganisationService,
    coord: Principal,
    world: World,
    changes: dict[str, Any],
    expected: list[tuple[str, str]],
) -> None:
    changes = {k: (uuid4() if v in ("x", "unknown") else v) for k, v in changes.items()}
    with pytest.raises(ValidationFailed) as exc:
        await service.update_membership(
            coord, world.teacher_member.id, MembershipChanges.from_mapping(changes), 1
        )
    assert fields(exc) == expected
    assert await service.get_membership(coord, world.teacher_member.id) == world.teacher_member
