"""Action plans through the use cases: the tree with ids kept and new, progress rolled up from the
measures, adoption by a steering body's approved decision, the lock after adoption, removal of
a draft, focus areas and goals that measures still serve, roles and tenancy."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from domain.measures.changes import (
    FocusAreaInput,
    GoalInput,
    MeasureChanges,
    MilestoneInput,
    PlanChanges,
)
from domain.measures.errors import PlanLocked
from domain.measures.plan import PlanStatus, Weighting
from domain.measures.stage import Stage
from domain.shared.errors import Forbidden, InUse, NotFound, StaleVersion, ValidationFailed
from tests.fakes import coordinator, police_contact
from tests.unit.measures.conftest import World

S = Stage


def inputs(tree_plan) -> tuple[FocusAreaInput, ...]:  # type: ignore[no-untyped-def]
    return tuple(
        FocusAreaInput(
            id=fa.id,
            title=fa.title,
            goals=tuple(GoalInput(id=g.id, title=g.title, weight=g.weight) for g in fa.goals),
            strategies=fa.strategies,
            weight=fa.weight,
        )
        for fa in tree_plan.focus_areas
    )


async def test_create_and_edit_a_draft_keeping_ids(world: World) -> None:
    tree = await world.plan()
    plan = tree.plan
    assert tree.status is PlanStatus.DRAFT and tree.progress == 0.0 and plan.version == 1
    assert [len(n.goals) for n in tree.focus_areas] == [2, 1]
    kept = inputs(plan)
    changed = (replace(kept[0], title="Skole"), FocusAreaInput(title="Nærmiljø", weight=2))
    new = await world.svc.update_plan(
        world.coord, plan.id, PlanChanges(focus_areas=changed, weighting=Weighting.BUDGET), 1
    )
    assert new.plan.focus_areas[0].id == plan.focus_areas[0].id
    assert new.plan.focus_areas[0].goals == plan.focus_areas[0].goals
    assert new.plan.focus_areas[1].id not in {fa.id for fa in plan.focus_areas}
    assert new.plan.weighting is Weighting.BUDGET and new.plan.version == 2
    with pytest.raises(StaleVersion):
        await world.svc.update_plan(world.coord, plan.id, PlanChanges(title="X"), 1)
    with pytest.raises(ValidationFailed) as caught:
        await world.svc.update_plan(
            world.coord,
            plan.id,
            PlanChanges(focus_areas=(FocusAreaInput(id=plan.id, title="?"),)),
            2,
        )
    assert caught.value.errors[0].field == "focusAreas.0.id"
    with pytest.raises(ValidationFailed) as caught:
        await world.plan(period_end=date(2024, 1, 1))
    assert caught.value.errors[0].field == "periodEnd"


async def test_progress_rolls_up_the_tree(world: World) -> None:
    tree = await world.plan()
    school, drugs = tree.plan.focus_areas
    g1 = school.goals[0]
    stones = (MilestoneInput(title="A", done_on=date(2026, 1, 1)), MilestoneInput(title="B"))
    a = await world.to(
        await world.propose(title="A", goal_ids=(g1.id,), milestones=stones), S.DECIDED
    )
    b = await world.to(
        await world.propose(title="B", goal_ids=(g1.id, drugs.goals[0].id)), S.DECIDED
    )
    await world.propose(title="Bare forslag", goal_ids=(g1.id,), milestones=stones[:1])
    tree = await world.svc.plan_tree(world.coord, tree.plan.id)
    node = tree.focus_areas[0].goals[0]
    assert [m.measure.title for m in node.measures] == ["A", "B", "Bare forslag"]
    assert node.progress == 0.25  # A: 0.5, B: 0 (the proposal does not count yet)
    assert tree.focus_areas[0].progress == 0.25  # the second goal has no measures
    assert tree.focus_areas[1].progress == 0.0
    assert tree.progress == pytest.approx(0.125)
    done = MeasureChanges(milestones=(MilestoneInput(title="Alt", done_on=date(2026, 2, 1)),))
    await world.svc.update_measure(world.coord, b.measure.id, done, b.measure.version)
    tree = await world.svc.plan_tree(world.coord, tree.plan.id)
    assert tree.focus_areas[0].goals[0].progress == 0.75
    assert tree.progress == pytest.approx((0.75 + 1.0) / 2)
    assert a.measure.focus_area_ids == (school.id,)


async def test_adoption_needs_an_approved_steering_decision(world: World) -> None:
    tree = await world.plan()
    plan, u = tree.plan, world.unit.id
    coordinating = world.store.decision(u)
    draft = world.store.decision(u, level="steering", approved=False)
    steering = world.store.decision(u, level="steering", body_name="Styringsgruppa", number=4)
    for bad, code in (
        (None, "required"),
        (coordinating.id, "not-steering"),
        (draft.id, "not-approved"),
    ):
        with pytest.raises(ValidationFailed) as caught:
            await world.svc.adopt_plan(world.coord, plan.id, bad, 1)
        assert caught.value.errors[0].code == code
    with pytest.raises(Forbidden):
        await world.svc.adopt_plan(police_contact(u), plan.id, steering.id, 1)
    adopted = await world.svc.adopt_plan(world.coord, plan.id, steering.id, 1)
    assert adopted.status is PlanStatus.ADOPTED and adopted.plan.decision_id == steering.id
    assert adopted.decision is not None and adopted.decision.label == "S 4/2026"
    with pytest.raises(PlanLocked):
        await world.svc.update_plan(world.coord, plan.id, PlanChanges(title="Ny"), 2)
    with pytest.raises(PlanLocked):
        await world.svc.adopt_plan(world.coord, plan.id, steering.id, 2)
    with pytest.raises(PlanLocked):
        await world.svc.delete_plan(world.coord, plan.id, 2)
    world.clock.advance(days=365 * 3)
    assert (await world.svc.plan_tree(world.coord, plan.id)).status is PlanStatus.EXPIRED


async def test_an_empty_plan_is_not_adopted(world: World) -> None:
    tree = await world.plan(focus_areas=())
    steering = world.store.decision(world.unit.id, level="steering")
    with pytest.raises(ValidationFailed) as caught:
        await world.svc.adopt_plan(world.coord, tree.plan.id, steering.id, 1)
    assert caught.value.errors[0].field == "focusAreas"


async def test_removal_and_goals_still_served(world: World) -> None:
    tree = await world.plan()
    plan = tree.plan
    goal = plan.focus_areas[1].goals[0]
    v = await world.propose(goal_ids=(goal.id,))
    with pytest.raises(InUse):
        await world.svc.update_plan(
            world.coord, plan.id, PlanChanges(focus_areas=inputs(plan)[:1]), 1
        )
    with pytest.raises(InUse):
        await world.svc.delete_plan(world.coord, plan.id, 1)
    await world.svc.update_measure(
        world.coord, v.measure.id, MeasureChanges(goal_ids=(), focus_area_ids=()), 1
    )
    await world.svc.delete_plan(world.coord, plan.id, 1)
    with pytest.raises(NotFound):
        await world.svc.plan_tree(world.coord, plan.id)


async def test_roles_and_tenancy(world: World) -> None:
    tree = await world.plan()
    reader = police_contact(world.unit.id)
    assert [t.plan.id for t in await world.svc.list_plans(reader)] == [tree.plan.id]
    with pytest.raises(Forbidden):
        await world.svc.create_plan(reader, PlanChanges(title="X"))
    foreign = coordinator(world.other.id)
    assert await world.svc.list_plans(foreign) == ()
    with pytest.raises(NotFound):
        await world.svc.plan_tree(foreign, tree.plan.id)
    with pytest.raises(NotFound):
        await world.svc.update_plan(foreign, tree.plan.id, PlanChanges(title="X"), 1)
    with pytest.raises(ValidationFailed):  # another unit's goal is unknown here
        await world.svc.propose_measure(
            foreign,
            MeasureChanges(
                title="T",
                problem="P",
                tier="universal",
                goal_ids=(tree.plan.focus_areas[0].goals[0].id,),
            ),  # type: ignore[arg-type]
        )
