"""OrganisationService: memberships ended and removed, body-level rights, reads."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

import pytest

from domain.organisation.bodies import BodyChanges
from domain.organisation.filters import MembershipFilter
from domain.organisation.memberships import MembershipChanges
from domain.organisation.model import Level, Membership, SltUnit
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
from tests.fakes import FakeClock, FakeStore
from tests.unit.conftest import World


def fields(exc: pytest.ExceptionInfo[ValidationFailed]) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in exc.value.errors]


def days(n: int) -> timedelta:
    return timedelta(days=n)


# -- ending and removing -----------------------------------------------------------------------


async def test_end_membership_keeps_the_history(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    ended = await service.end_membership(coord, world.teacher_member.id, None, 1)
    # Ending "now": the last day was yesterday, so a successor can start today.
    assert (ended.valid_to, ended.version) == (clock.today() - days(1), 2)
    assert ended.valid_from == world.teacher_member.valid_from
    assert await service.get_membership(coord, world.teacher_member.id) == ended
    everyone = await service.list_memberships(
        coord, MembershipFilter(body_id=world.coordinating.id), PageRequest()
    )
    assert [v.membership for v in everyone.items] == [ended]
    current = await service.list_memberships(
        coord,
        MembershipFilter(body_id=world.coordinating.id, active_on=clock.today()),
        PageRequest(),
    )
    assert current.items == []


async def test_end_membership_on_a_given_date(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    on = clock.today() + days(30)
    ended = await service.end_membership(coord, world.teacher_member.id, on, 1)
    assert ended.valid_to == on
    # A scheduled end can still be brought forward: the membership has not ended yet.
    sooner = await service.end_membership(coord, world.teacher_member.id, None, 2)
    assert sooner.valid_to == clock.today() - days(1)


async def test_ending_an_ended_membership_is_a_conflict(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    await service.end_membership(coord, world.teacher_member.id, clock.today() - days(5), 1)
    with pytest.raises(Conflict):
        await service.end_membership(coord, world.teacher_member.id, None, 2)
    stored = await service.get_membership(coord, world.teacher_member.id)
    assert (stored.valid_to, stored.version) == (clock.today() - days(5), 2)


async def test_an_ended_membership_cannot_be_ended_again_earlier(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    await service.end_membership(coord, world.teacher_member.id, clock.today() - days(5), 1)
    with pytest.raises(Conflict):
        await service.end_membership(coord, world.teacher_member.id, clock.today() - days(50), 2)


async def test_end_membership_before_its_start_is_invalid(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    with pytest.raises(ValidationFailed) as exc:
        await service.end_membership(coord, world.teacher_member.id, clock.today() - days(101), 1)
    assert fields(exc) == [("validTo", "before-start")]


async def test_end_membership_checks_the_version(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    with pytest.raises(VersionRequired):
        await service.end_membership(coord, world.teacher_member.id, None, None)
    with pytest.raises(StaleVersion):
        await service.end_membership(coord, world.teacher_member.id, None, 5)
    with pytest.raises(NotFound):
        await service.end_membership(coord, uuid4(), None, 1)


async def test_delete_membership(
    service: OrganisationService, coord: Principal, world: World
) -> None:
    with pytest.raises(StaleVersion):
        await service.delete_membership(coord, world.teacher_member.id, 2)
    await service.delete_membership(coord, world.teacher_member.id, 1)
    with pytest.raises(NotFound):
        await service.get_membership(coord, world.teacher_member.id)


# -- body-level rights -------------------------------------------------------------------------


@pytest.mark.parametrize("role", [BodyRole.CHAIR, BodyRole.SECRETARY])
async def test_chair_or_secretary_keeps_their_own_bodys_memberships(
    service: OrganisationService, world: World, unit: SltUnit, role: BodyRole
) -> None:
    p = fakes.body_member(unit.id, world.coordinating.id, role)
    m = await service.add_membership(
        p, body_id=world.coordinating.id, person_id=world.officer.id, role=BodyRole.MEMBER
    )
    m = await service.update_membership(p, m.id, MembershipChanges(role=BodyRole.OBSERVER), 1)
    m = await service.end_membership(p, m.id, None, 2)
    await service.delete_membership(p, m.id, 3)


@pytest.mark.parametrize("role", [BodyRole.CHAIR, BodyRole.SECRETARY])
async def test_chair_or_secretary_may_not_touch_another_body(
    service: OrganisationService, world: World, unit: SltUnit, store: FakeStore, role: BodyRole
) -> None:
    p = fakes.body_member(unit.id, world.coordinating.id, role)
    before = dict(store.tables.memberships)
    with pytest.raises(Forbidden):
        await service.add_membership(
            p, body_id=world.steering.id, person_id=world.officer.id, role=BodyRole.MEMBER
        )
    with pytest.raises(Forbidden):
        await service.update_membership(
            p, world.mayor_chair.id, MembershipChanges(role=BodyRole.MEMBER), 1
        )
    with pytest.raises(Forbidden):
        await service.end_membership(p, world.mayor_chair.id, None, 1)
    with pytest.raises(Forbidden):
        await service.delete_membership(p, world.mayor_chair.id, 1)
    assert store.tables.memberships == before


async def test_a_chair_may_not_manage_the_rest_of_the_organisation(
    service: OrganisationService, world: World, unit: SltUnit
) -> None:
    p = fakes.body_member(unit.id, world.coordinating.id, BodyRole.CHAIR)
    with pytest.raises(Forbidden):
        await service.create_person(p, name="Ny person")
    with pytest.raises(Forbidden):
        await service.update_body(p, world.coordinating.id, BodyChanges(name="Vår gruppe"), 1)
    with pytest.raises(Forbidden):
        await service.create_body(p, name="Ny gruppe", level=Level.EXECUTIVE)


@pytest.mark.parametrize("role", [BodyRole.MEMBER, BodyRole.OBSERVER])
async def test_ordinary_members_read_but_do_not_manage_memberships(
    service: OrganisationService, world: World, unit: SltUnit, role: BodyRole
) -> None:
    p = fakes.body_member(unit.id, world.coordinating.id, role)
    assert await service.get_membership(p, world.teacher_member.id) == world.teacher_member
    with pytest.raises(Forbidden):
        await service.add_membership(
            p, body_id=world.coordinating.id, person_id=world.officer.id, role=BodyRole.MEMBER
        )
    with pytest.raises(Forbidden):
        await service.end_membership(p, world.teacher_member.id, None, 1)


# -- reads -------------------------------------------------------------------------------------


async def test_list_memberships_filters_and_names(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    later = await service.add_membership(
        coord,
        body_id=world.steering.id,
        person_id=world.officer.id,
        role=BodyRole.SECRETARY,
        valid_from=clock.today() + days(10),
    )
    page = PageRequest()

    async def listed(f: MembershipFilter) -> list[Membership]:
        return [v.membership for v in (await service.list_memberships(coord, f, page)).items]

    views = (await service.list_memberships(coord, MembershipFilter(), page)).items
    assert [(v.person_name, v.body_name, v.organisation_name) for v in views] == [
        ("Ola Ordfører", "Politirådet", None),
        ("Per Politi", "Politirådet", "Politiet Sør-Øst"),
        ("Tone Lærer", "Koordineringsgruppa", "Fjell skole"),
    ]
    assert await listed(MembershipFilter(body_id=world.steering.id)) == [world.mayor_chair, later]
    assert await listed(MembershipFilter(person_id=world.teacher.id)) == [world.teacher_member]
    assert await listed(MembershipFilter(role=BodyRole.CHAIR)) == [world.mayor_chair]
    assert await listed(MembershipFilter(active_on=clock.today())) == [
        world.mayor_chair,
        world.teacher_member,
    ]


async def test_memberships_of_bodies_groups_by_body(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    empty = uuid4()
    await service.end_membership(coord, world.teacher_member.id, clock.today() - days(1), 1)
    grouped = await service.memberships_of_bodies(
        coord, [world.steering.id, world.coordinating.id, empty], clock.today()
    )
    assert {k: [v.membership.id for v in vs] for k, vs in grouped.items()} == {
        world.steering.id: [world.mayor_chair.id],
        world.coordinating.id: [],
        empty: [],
    }
    everything = await service.memberships_of_bodies(coord, [world.coordinating.id], None)
    assert [v.membership.id for v in everything[world.coordinating.id]] == [world.teacher_member.id]


async def test_ending_now_a_membership_that_began_today_keeps_one_day(
    service: OrganisationService, coord: Principal, world: World, clock: FakeClock
) -> None:
    fresh = await service.add_membership(
        coord, body_id=world.steering.id, person_id=world.officer.id, role=BodyRole.MEMBER
    )
    ended = await service.end_membership(coord, fresh.id, None, 1)
    assert (ended.valid_from, ended.valid_to) == (clock.today(), clock.today())
