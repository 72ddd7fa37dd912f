"""OrganisationService: dated membership changes: a role from a given day, the chair handed over
in one step, extending a term; history is never rewritten."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import uuid4

import pytest

from domain.organisation.filters import MembershipFilter
from domain.organisation.memberships import MembershipChanges
from domain.organisation.model import SltUnit
from domain.organisation.service import OrganisationService
from domain.shared.errors import (
    Conflict,
    Forbidden,
    NotFound,
    StaleVersion,
    ValidationFailed,
    VersionRequired,
)
from domain.shared.pagination import PageRequest
from domain.shared.principal import BodyRole, Principal
from tests import fakes
from tests.fakes import FakeClock
from tests.unit.conftest import World


def fields(exc: pytest.ExceptionInfo[ValidationFailed]) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in exc.value.errors]


def days(n: int) -> timedelta:
    return timedelta(days=n)


# -- dated changes: a role from a given day, handing over the chair, history kept ---------------


async def history(service: OrganisationService, coord: Principal, body_id: Any) -> list[Any]:
    page = await service.list_memberships(coord, MembershipFilter(body_id=body_id), PageRequest())
    rows = sorted(page.items, key=lambda v: (v.person_name, v.membership.valid_from))
    return [
        (v.person_name, v.membership.role, v.membership.valid_from, v.membership.valid_to)
        for v in rows
    ]


async def test_hand_over_chair_ends_the_old_term_and_keeps_who_chaired_before(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    today = clock.today()
    new = await service.hand_over_chair(coord, world.steering.id, world.officer.id, today)
    assert (new.person_id, new.role, new.valid_from, new.valid_to) == (
        world.officer.id,
        BodyRole.CHAIR,
        today,
        None,
    )
    assert new.organisation_id == world.police.id
    assert await history(service, coord, world.steering.id) == [
        ("Ola Ordfører", BodyRole.CHAIR, world.mayor_chair.valid_from, today - days(1)),
        ("Ola Ordfører", BodyRole.MEMBER, today, None),
        ("Per Politi", BodyRole.CHAIR, today, None),
    ]


async def test_hand_over_chair_may_let_the_old_chair_leave(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    on = clock.today() + days(10)
    await service.hand_over_chair(coord, world.steering.id, world.officer.id, on, None)
    assert await history(service, coord, world.steering.id) == [
        ("Ola Ordfører", BodyRole.CHAIR, world.mayor_chair.valid_from, on - days(1)),
        ("Per Politi", BodyRole.CHAIR, on, None),
    ]


async def test_hand_over_chair_to_a_sitting_member_ends_their_member_term(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    today = clock.today()
    await service.hand_over_chair(coord, world.coordinating.id, world.teacher.id, today)
    assert await history(service, coord, world.coordinating.id) == [
        ("Tone Lærer", BodyRole.MEMBER, world.teacher_member.valid_from, today - days(1)),
        ("Tone Lærer", BodyRole.CHAIR, today, None),
    ]


async def test_hand_over_chair_refuses_the_sitting_chair_and_unknown_persons(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    with pytest.raises(ValidationFailed) as exc:
        await service.hand_over_chair(coord, world.steering.id, world.mayor.id, clock.today())
    assert fields(exc) == [("personId", "unchanged")]
    with pytest.raises(ValidationFailed) as exc:
        await service.hand_over_chair(coord, world.steering.id, uuid4(), clock.today())
    assert fields(exc) == [("personId", "unknown")]
    with pytest.raises(ValidationFailed) as exc:
        await service.hand_over_chair(
            coord, world.steering.id, world.officer.id, clock.today(), BodyRole.CHAIR
        )
    assert fields(exc) == [("previousChairRole", "invalid")]
    with pytest.raises(NotFound):
        await service.hand_over_chair(coord, uuid4(), world.officer.id, clock.today())
    # Nothing was written by the refused attempts.
    assert len(await history(service, coord, world.steering.id)) == 1


async def test_hand_over_chair_is_all_or_nothing(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    # The officer already sits from a future day on: the new chair term would overlap it.
    future = clock.today() + days(30)
    await service.add_membership(
        coord,
        body_id=world.steering.id,
        person_id=world.officer.id,
        role=BodyRole.OBSERVER,
        valid_from=future,
    )
    before = await history(service, coord, world.steering.id)
    with pytest.raises(Conflict):
        await service.hand_over_chair(coord, world.steering.id, world.officer.id, clock.today())
    assert await history(service, coord, world.steering.id) == before


async def test_hand_over_chair_needs_the_right_to_manage_the_body(
    service: OrganisationService, world: World, clock: FakeClock, unit: SltUnit
) -> None:
    reader = fakes.person(unit.id, body_roles={world.steering.id: BodyRole.MEMBER})
    with pytest.raises(Forbidden):
        await service.hand_over_chair(reader, world.steering.id, world.officer.id, clock.today())


async def test_change_role_from_a_date_keeps_the_earlier_role_on_record(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    on = clock.today() + days(5)
    new = await service.change_role(coord, world.teacher_member.id, BodyRole.DEPUTY, on, 1)
    assert (new.role, new.valid_from, new.valid_to, new.organisation_id) == (
        BodyRole.DEPUTY,
        on,
        None,
        world.school.id,
    )
    assert await history(service, coord, world.coordinating.id) == [
        ("Tone Lærer", BodyRole.MEMBER, world.teacher_member.valid_from, on - days(1)),
        ("Tone Lærer", BodyRole.DEPUTY, on, None),
    ]


async def test_change_role_on_the_first_day_corrects_the_term(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    start = world.teacher_member.valid_from
    new = await service.change_role(coord, world.teacher_member.id, BodyRole.SECRETARY, start, 1)
    assert (new.id, new.role, new.version) == (world.teacher_member.id, BodyRole.SECRETARY, 2)


async def test_change_role_refuses_what_it_cannot_do(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    m = world.teacher_member
    with pytest.raises(ValidationFailed) as exc:
        await service.change_role(coord, m.id, BodyRole.MEMBER, clock.today(), 1)
    assert fields(exc) == [("role", "unchanged")]
    with pytest.raises(ValidationFailed) as exc:
        await service.change_role(coord, m.id, BodyRole.DEPUTY, m.valid_from - days(1), 1)
    assert fields(exc) == [("on", "outside-term")]
    with pytest.raises(VersionRequired):
        await service.change_role(coord, m.id, BodyRole.DEPUTY, clock.today(), None)
    with pytest.raises(StaleVersion):
        await service.change_role(coord, m.id, BodyRole.DEPUTY, clock.today(), 7)
    # A second chair is refused with a pointer to the hand-over, not to an action that does not exist.
    member = await service.add_membership(
        coord, body_id=world.steering.id, person_id=world.officer.id, role=BodyRole.MEMBER
    )
    with pytest.raises(Conflict, match="hand over the chair"):
        await service.change_role(coord, member.id, BodyRole.CHAIR, clock.today() + days(1), 1)


async def test_extending_a_membership_changes_its_end(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    m = await service.end_membership(coord, world.teacher_member.id, clock.today() + days(3), 1)
    longer = await service.update_membership(
        coord, m.id, MembershipChanges(valid_to=clock.today() + days(365)), m.version
    )
    assert longer.valid_to == clock.today() + days(365)
    open_ended = await service.update_membership(
        coord, m.id, MembershipChanges(valid_to=None), longer.version
    )
    assert open_ended.valid_to is None
