"""Action plans and the decision register through the ports, on the fakes and on PostgreSQL
alike: a plan's tree round trip, an update that replaces the tree keeping ids, the ids measures
link to; a numbered decision of approved minutes is approved with its label, a draft one not."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any
from uuid import uuid4

import pytest

from domain.measures.measure import Measure
from domain.measures.plan import ActionPlan, FocusArea, Goal, Weighting
from domain.shared.errors import Conflict, InUse, NotFound, StaleVersion, ValidationFailed
from tests.repositories.measures.conftest import MeasureBackend


async def test_plan_tree_round_trip_and_list_newest_first(mb: MeasureBackend) -> None:
    old = mb.plan(title="2021-2024", period_start=date(2021, 1, 1), period_end=date(2024, 12, 31))
    new = mb.plan(description="Vedtatt plan", weighting=Weighting.BUDGET)
    async with mb.factory(mb.unit) as uow:
        await uow.plans.add(old)
        await uow.plans.add(new)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        assert await uow.plans.get(new.id) == new
        assert list(await uow.plans.list()) == [new, old]
        assert await uow.plans.focus_area_ids() == {f.id for p in (old, new) for f in p.focus_areas}
        assert await uow.plans.goal_ids() == {
            g.id: f.id for p in (old, new) for f in p.focus_areas for g in f.goals
        }
    async with mb.factory(mb.other) as uow:
        assert list(await uow.plans.list()) == []
        assert await uow.plans.focus_area_ids() == frozenset()
        with pytest.raises(NotFound):
            await uow.plans.get(new.id)


async def test_update_replaces_the_tree_keeping_ids(mb: MeasureBackend) -> None:
    p = mb.plan()
    async with mb.factory(mb.unit) as uow:
        await uow.plans.add(p)
        await uow.commit()
    first, second = p.focus_areas
    kept = dataclasses.replace(
        second,
        title="Omdøpt",
        goals=(*second.goals[1:], Goal(id=uuid4(), title="Nytt mål")),
        strategies=("A", "B"),
    )
    added = FocusArea(id=uuid4(), title="Nytt område")
    q = dataclasses.replace(p, focus_areas=(kept, added), title="Revidert", version=2)
    async with mb.factory(mb.unit) as uow:
        await uow.plans.update(q, 1)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        assert await uow.plans.get(p.id) == q
        assert first.id not in await uow.plans.focus_area_ids()
        with pytest.raises(StaleVersion):
            await uow.plans.update(dataclasses.replace(q, version=3), 1)
        with pytest.raises(StaleVersion):
            await uow.plans.delete(p.id, 1)
        await uow.plans.delete(p.id, 2)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        assert list(await uow.plans.list()) == []
        assert await uow.plans.goal_ids() == {}


async def test_adopted_plan_keeps_its_decision(mb: MeasureBackend) -> None:
    d = await mb.decide(mb.steering, number=4, on=date(2025, 2, 3))
    p = mb.plan(adopted=True, decision_id=d)
    async with mb.factory(mb.unit) as uow:
        await uow.plans.add(p)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        got = await uow.plans.get(p.id)
        assert (got.adopted, got.decision_id) == (True, d)


async def test_numbered_decision_is_approved_with_its_label(mb: MeasureBackend) -> None:
    numbered = await mb.decide(mb.coordinating, number=3, on=date(2026, 3, 12), text="Tiltaket")
    draft = await mb.decide(mb.coordinating, number=None, on=date(2026, 4, 9))
    async with mb.factory(mb.unit) as uow:
        facts = await uow.decisions.get(numbered)
        assert facts.approved and facts.label == "KG 3/2026"
        assert (facts.body_id, facts.body_name, facts.body_level) == (
            mb.coordinating.id,
            "Koordinerende gruppe",
            "coordinating",
        )
        assert facts.meeting_date == date(2026, 3, 12)  # the Oslo date of a late meeting
        assert facts.text == "Tiltaket"
        pending = await uow.decisions.get(draft)
        assert (pending.approved, pending.label) == (False, None)
        assert {f.id for f in await uow.decisions.get_many([numbered, draft, uuid4()])} == {
            numbered,
            draft,
        }
        with pytest.raises(NotFound):
            await uow.decisions.get(uuid4())
    async with mb.factory(mb.other) as uow:
        with pytest.raises(NotFound):
            await uow.decisions.get(numbered)
        assert list(await uow.decisions.list(None)) == []


async def test_list_offers_numbered_decisions_of_a_level_newest_first(mb: MeasureBackend) -> None:
    older = await mb.decide(mb.coordinating, number=1, on=date(2026, 1, 15))
    newer = await mb.decide(mb.coordinating, number=2, on=date(2026, 2, 12))
    await mb.decide(mb.coordinating, number=None, on=date(2026, 3, 12))
    steering = await mb.decide(mb.steering, number=1, on=date(2026, 2, 1))
    async with mb.factory(mb.unit) as uow:
        assert [f.id for f in await uow.decisions.list("coordinating")] == [newer, older]
        assert [f.id for f in await uow.decisions.list("steering")] == [steering]
        assert [f.id for f in await uow.decisions.list(None)] == [newer, steering, older]
        assert all(f.approved for f in await uow.decisions.list(None))


async def _committed(mb: MeasureBackend, write: Callable[[Any], Awaitable[None]]) -> None:
    """One write and the commit (PostgreSQL checks the deferred triggers only there)."""
    async with mb.factory(mb.unit) as uow:
        await write(uow)
        await uow.commit()


async def test_a_measure_names_only_focus_areas_and_goals_that_exist(mb: MeasureBackend) -> None:
    p = await mb.stored_plan()
    theirs = dataclasses.replace(mb.plan(), unit_id=mb.other)
    async with mb.factory(mb.other) as uow:
        await uow.plans.add(theirs)
        await uow.commit()
    for links in (
        {"focus_area_ids": (uuid4(),)},
        {"goal_ids": (uuid4(),)},
        {"focus_area_ids": (theirs.focus_areas[0].id,)},  # another unit's
    ):
        m = mb.measure(**links)

        async def add(uow: Any, m: Measure = m) -> None:
            await uow.measures.add(m)

        with pytest.raises((Conflict, ValidationFailed)):
            await _committed(mb, add)
    fa = p.focus_areas[0]
    await mb.store(mb.measure(focus_area_ids=(fa.id,), goal_ids=(fa.goals[0].id,)))


async def test_a_focus_area_or_goal_a_measure_serves_stays(mb: MeasureBackend) -> None:
    p = await mb.stored_plan()
    fa = p.focus_areas[0]
    await mb.store(mb.measure(focus_area_ids=(fa.id,), goal_ids=(fa.goals[0].id,)))
    renamed = dataclasses.replace(fa, title="Nytt navn", strategies=("Ny strategi",))
    kept = dataclasses.replace(p, focus_areas=(renamed,), version=2)  # the other area goes
    await _committed(mb, lambda uow: uow.plans.update(kept, 1))
    for tree in ((), (dataclasses.replace(renamed, goals=renamed.goals[1:]),)):
        cut = dataclasses.replace(kept, focus_areas=tree, version=3)

        async def cut_tree(uow: Any, cut: ActionPlan = cut) -> None:
            await uow.plans.update(cut, 2)

        with pytest.raises(InUse):
            await _committed(mb, cut_tree)
    with pytest.raises(InUse):
        await _committed(mb, lambda uow: uow.plans.delete(p.id, 2))
    async with mb.factory(mb.unit) as uow:
        assert await uow.plans.get(p.id) == kept
