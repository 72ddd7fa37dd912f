"""Measure use cases on the fakes: proposing (history entry 1), references checked in the unit,
editing by proposer/owner/coordinator with versions, milestones arriving whole, removal only
while proposed, the free-text guard with its override, and tenancy."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.measures.changes import MeasureChanges, MilestoneInput
from domain.measures.errors import MeasureInLifecycle
from domain.measures.filters import MeasureFilter
from domain.measures.measure import Tier
from domain.measures.stage import Stage
from domain.shared.errors import (
    Forbidden,
    NotFound,
    StaleVersion,
    ValidationFailed,
    VersionRequired,
)
from domain.shared.pagination import PageRequest
from domain.shared.principal import BodyRole
from tests.fakes import coordinator, machine, person, police_contact, steering_reader
from tests.unit.measures.conftest import World

S = Stage


def codes(exc: ValidationFailed) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in exc.errors}


async def test_propose_starts_the_history(world: World) -> None:
    v = await world.propose(milestones=(MilestoneInput(title=" Oppstart "),))
    m = v.measure
    assert m.stage is S.PROPOSED and m.version == 1
    assert m.proposed_by == world.coord.person_id
    assert m.milestones[0].title == "Oppstart" and m.milestones[0].id is not None
    assert v.legal_targets == {S.ASSESSED, S.REJECTED}
    (first,) = await world.svc.history(world.coord, m.id)
    assert (first.from_stage, first.to_stage, first.sequence) == (None, S.PROPOSED, 1)
    assert first.actor_name == world.coord.display_name
    assert (await world.svc.get_measure(world.coord, m.id)).measure == m


async def test_propose_requires_title_problem_and_tier(world: World) -> None:
    with pytest.raises(ValidationFailed) as caught:
        await world.svc.propose_measure(world.coord, MeasureChanges(title="  "))
    assert {("title", "required"), ("problem", "required"), ("tier", "required")} <= codes(
        caught.value
    )
    with pytest.raises(ValidationFailed) as caught:
        await world.propose(tier="trinn-4")
    assert ("tier", "invalid") in codes(caught.value)
    assert world.store.tables.measures == {}


async def test_who_may_propose(world: World) -> None:
    u = world.unit.id
    member = person(u, body_roles={uuid4(): BodyRole.MEMBER})
    assert (await world.propose(member)).measure.proposed_by == member.person_id
    for p in (police_contact(u), steering_reader(u), machine(u), person(u)):
        with pytest.raises(Forbidden):
            await world.propose(p)


async def test_references_are_checked_in_the_unit(world: World) -> None:
    stranger = uuid4()
    with pytest.raises(ValidationFailed) as caught:
        await world.propose(
            owner_id=stranger,
            responsible_organisation_ids=(stranger,),
            partner_organisation_ids=(world.partner.id, uuid4()),
            focus_area_ids=(stranger,),
            goal_ids=(stranger,),
        )
    assert codes(caught.value) == {
        ("ownerId", "unknown"),
        ("responsibleOrganisationIds", "unknown"),
        ("partnerOrganisationIds", "unknown"),
        ("focusAreaIds", "unknown"),
        ("goalIds", "unknown"),
    }


async def test_a_goal_implies_its_focus_area(world: World) -> None:
    tree = await world.plan()
    fa = tree.plan.focus_areas[1]
    v = await world.propose(goal_ids=(fa.goals[0].id,), owner_id=world.owner.id)
    assert v.measure.focus_area_ids == (fa.id,)
    listed = await world.svc.list_measures(
        world.coord, MeasureFilter(focus_area_id=fa.id), PageRequest()
    )
    assert [x.measure.id for x in listed.items] == [v.measure.id]


async def test_update_names_the_version(world: World) -> None:
    v = await world.propose()
    id = v.measure.id
    with pytest.raises(VersionRequired):
        await world.svc.update_measure(world.coord, id, MeasureChanges(title="Ny"), None)
    new = await world.svc.update_measure(
        world.coord, id, MeasureChanges(title="Ny", description="Mer"), 1
    )
    assert (new.measure.title, new.measure.description, new.measure.version) == ("Ny", "Mer", 2)
    with pytest.raises(StaleVersion):
        await world.svc.update_measure(world.coord, id, MeasureChanges(title="Gammel"), 1)
    cleared = await world.svc.update_measure(world.coord, id, MeasureChanges(description=None), 2)
    assert cleared.measure.description is None


async def test_update_validates_and_writes_nothing_when_refused(world: World) -> None:
    v = await world.propose()
    with pytest.raises(ValidationFailed) as caught:
        await world.svc.update_measure(
            world.coord, v.measure.id, MeasureChanges(target_age_min=17, target_age_max=12), 1
        )
    assert ("targetAgeMax", "age-range") in codes(caught.value)
    assert (await world.svc.get_measure(world.coord, v.measure.id)).measure == v.measure


async def test_milestones_arrive_whole(world: World) -> None:
    v = await world.propose(milestones=(MilestoneInput(title="A"), MilestoneInput(title="B")))
    a, b = v.measure.milestones
    changes = MeasureChanges(
        milestones=(
            MilestoneInput(id=b.id, title="B", done_on=date(2026, 3, 1)),
            MilestoneInput(title="C"),
        )
    )
    new = await world.svc.update_measure(world.coord, v.measure.id, changes, 1)
    kept, added = new.measure.milestones
    assert kept.id == b.id and kept.done and added.id not in (a.id, b.id)
    assert new.progress == 0.5
    with pytest.raises(ValidationFailed) as caught:
        await world.svc.update_measure(
            world.coord,
            v.measure.id,
            MeasureChanges(milestones=(MilestoneInput(id=a.id, title="A"),)),
            2,
        )
    assert codes(caught.value) == {("milestones.0.id", "unknown")}
    tomorrow = MilestoneInput(id=b.id, title="B", done_on=date(2026, 3, 15))
    with pytest.raises(ValidationFailed) as caught:
        await world.svc.update_measure(
            world.coord, v.measure.id, MeasureChanges(milestones=(tomorrow,)), 2
        )
    assert codes(caught.value) == {("milestones.0.doneOn", "in-future")}
    world.clock.advance(days=-20)  # 22 February: the stored 1 March is "ahead" of this clock
    kept = MilestoneInput(id=b.id, title="B2", done_on=date(2026, 3, 1))
    new = MilestoneInput(title="D", done_on=date(2026, 3, 1))
    with pytest.raises(ValidationFailed) as caught:
        await world.svc.update_measure(
            world.coord, v.measure.id, MeasureChanges(milestones=(kept, new)), 2
        )
    assert codes(caught.value) == {("milestones.1.doneOn", "in-future")}
    stays = await world.svc.update_measure(
        world.coord, v.measure.id, MeasureChanges(milestones=(kept,)), 2
    )
    assert stays.measure.milestones[0].title == "B2"


async def test_proposer_and_owner_edit_by_stage(world: World) -> None:
    u = world.unit.id
    member = person(u, body_roles={uuid4(): BodyRole.MEMBER}, person_id=world.owner.id)
    v = await world.propose(member, new_or_trial=True, budget_nok=900_000)
    v = await world.svc.update_measure(member, v.measure.id, MeasureChanges(title="Endret"), 1)
    v = await world.to(v, S.ASSESSED)
    with pytest.raises(Forbidden):  # no longer the proposer's, not yet the owner's
        await world.svc.update_measure(
            member, v.measure.id, MeasureChanges(title="X"), v.measure.version
        )
    v = await world.to(v, S.DECIDED)
    v = await world.svc.update_measure(
        world.coord, v.measure.id, MeasureChanges(owner_id=world.owner.id), v.measure.version
    )
    v = await world.svc.update_measure(
        member,
        v.measure.id,
        MeasureChanges(budget_nok=950_000, transferable=True),
        v.measure.version,
    )
    assert v.measure.budget_nok == 950_000 and len(v.evaluation_triggers) == 3
    for lifting in (MeasureChanges(new_or_trial=False), MeasureChanges(budget_nok=9000)):
        with pytest.raises(Forbidden):  # lifting the evaluation duty is the coordinator's
            await world.svc.update_measure(member, v.measure.id, lifting, v.measure.version)
    assert v.legal_targets == frozenset()  # only managers move measures
    with pytest.raises(Forbidden):
        await world.svc.transition(member, v.measure.id, S.ACTIVE, v.measure.version)


async def test_delete_only_while_proposed(world: World) -> None:
    v = await world.propose()
    with pytest.raises(Forbidden):
        await world.svc.delete_measure(police_contact(world.unit.id), v.measure.id, 1)
    with pytest.raises(VersionRequired):
        await world.svc.delete_measure(world.coord, v.measure.id, None)
    await world.svc.delete_measure(world.coord, v.measure.id, 1)
    with pytest.raises(NotFound):
        await world.svc.get_measure(world.coord, v.measure.id)
    assert world.store.tables.stage_changes == {}
    w = await world.to(await world.propose(), S.ASSESSED)
    with pytest.raises(MeasureInLifecycle):
        await world.svc.delete_measure(world.coord, w.measure.id, w.measure.version)


async def test_reads_and_tenancy(world: World) -> None:
    v = await world.propose()
    u, other = world.unit.id, world.other.id
    for reader in (
        police_contact(u),
        steering_reader(u),
        person(u, body_roles={uuid4(): BodyRole.OBSERVER}),
    ):
        assert (await world.svc.get_measure(reader, v.measure.id)).measure.id == v.measure.id
    for outsider in (machine(u, ["samordna:organisation.read"]), person(u)):
        with pytest.raises(Forbidden):
            await world.svc.get_measure(outsider, v.measure.id)
    foreign = coordinator(other)
    with pytest.raises(NotFound):
        await world.svc.get_measure(foreign, v.measure.id)
    with pytest.raises(NotFound):
        await world.svc.update_measure(foreign, v.measure.id, MeasureChanges(title="X"), 1)
    with pytest.raises(NotFound):
        await world.svc.transition(foreign, v.measure.id, S.ASSESSED, 1)
    assert (await world.svc.list_measures(foreign, MeasureFilter(), PageRequest())).total == 0
    assert await world.svc.board(foreign, MeasureFilter()) == ()
    assert await world.svc.measures_by_id(foreign, [v.measure.id]) == {}
    assert (await world.svc.portfolio(foreign)).cells == ()


async def test_list_filters_and_pages(world: World) -> None:
    for i, tier in enumerate((Tier.UNIVERSAL, Tier.SELECTIVE, Tier.INDICATED)):
        await world.propose(title=f"Tiltak {i}", tier=tier)
    page = await world.svc.list_measures(world.coord, MeasureFilter(), PageRequest(limit=2))
    assert page.total == 3 and len(page.items) == 2 and page.next_cursor
    rest = await world.svc.list_measures(
        world.coord, MeasureFilter(), PageRequest.of(2, page.next_cursor)
    )
    assert [x.measure.title for x in (*page.items, *rest.items)] == [
        "Tiltak 0",
        "Tiltak 1",
        "Tiltak 2",
    ]
    only = await world.svc.board(world.coord, MeasureFilter(tier=Tier.INDICATED, q="tiltak"))
    assert [x.measure.title for x in only] == ["Tiltak 2"]
    assert await world.svc.board(world.coord, MeasureFilter(stages=frozenset({S.ACTIVE}))) == ()
