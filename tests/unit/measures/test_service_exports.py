"""Measures unit tests room: what the exports read — the measure list and a plan's tree with the
names their rows show, in one unit of work, for readers only, within the unit."""

from __future__ import annotations

from uuid import uuid4

import pytest

from domain.measures.filters import MeasureFilter
from domain.measures.measure import Tier
from domain.measures.service import MeasureChanges
from domain.measures.stage import Stage
from domain.shared.errors import Forbidden, NotFound
from tests.fakes import coordinator, machine
from tests.unit.measures.conftest import World


async def _running(world: World, **kw: object) -> None:
    tree = await world.plan()
    goal = tree.plan.focus_areas[0].goals[0]
    v = await world.propose(goal_ids=(goal.id,), budget_nok=90_000, **kw)
    v = await world.to(v, Stage.ACTIVE)
    await world.svc.update_measure(
        world.coord,
        v.measure.id,
        MeasureChanges(partner_organisation_ids=(world.partner.id,)),
        v.measure.version,
    )


async def test_the_measure_export_names_owners_organisations_and_the_plan(world: World) -> None:
    await _running(world)
    await world.propose(title="Foreldrevandring", tier=Tier.UNIVERSAL)
    export = await world.svc.measure_export(world.coord, MeasureFilter())
    assert [v.measure.title for v in export.measures] == [
        "Foreldrevandring",
        "Natteravner i sentrum",
    ]
    n = export.names
    assert n.persons == {world.owner.id: "Ola Eiersen"}
    assert n.organisations == {
        world.org.id: "Drammen kommune",
        world.partner.id: "Drammen politistasjon",
    }
    assert set(n.focus_areas.values()) == {"Skole og fritid", "Rus"}
    assert set(n.goals.values()) == {"Mindre fravær", "Flere i fritid", "Senere debut"}
    assert n.of_organisations([uuid4(), world.org.id]) == ("Drammen kommune",)
    only = await world.svc.measure_export(world.coord, MeasureFilter(tier=Tier.UNIVERSAL))
    assert [v.measure.title for v in only.measures] == ["Foreldrevandring"]
    assert only.names.persons == {} and only.names.organisations == {}


async def test_the_plan_export_is_the_tree_with_its_measures_names(world: World) -> None:
    await _running(world)
    [tree] = await world.svc.list_plans(world.coord)
    export = await world.svc.plan_export(world.coord, tree.plan.id)
    assert export.tree.plan.id == tree.plan.id
    [measure] = export.tree.focus_areas[0].goals[0].measures
    assert measure.measure.title == "Natteravner i sentrum"
    assert export.names.organisations[world.org.id] == "Drammen kommune"
    assert export.names.persons == {world.owner.id: "Ola Eiersen"}


async def test_exports_are_for_readers_of_the_unit_only(world: World) -> None:
    await _running(world)
    [tree] = await world.svc.list_plans(world.coord)
    stranger = coordinator(world.other.id)
    with pytest.raises(NotFound):
        await world.svc.plan_export(stranger, tree.plan.id)
    assert (await world.svc.measure_export(stranger, MeasureFilter())).measures == ()
    robot = machine(world.unit.id)
    with pytest.raises(Forbidden):
        await world.svc.measure_export(robot, MeasureFilter())
    with pytest.raises(Forbidden):
        await world.svc.plan_export(robot, tree.plan.id)
