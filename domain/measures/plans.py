"""Measures domain room: use cases of action plans — the tree with progress (one read of the
plans, one of the measures), create, change while a draft, adopt by a steering body's numbered
decision of approved minutes (after which the tree is locked), remove while a draft. Focus areas
and goals arrive whole: new ones get ids, kept ones keep theirs; one that measures still point to
is not removed."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any
from uuid import UUID, uuid4

from domain.measures.base import UseCases
from domain.measures.changes import FocusAreaInput, PlanChanges
from domain.measures.errors import PlanLocked
from domain.measures.filters import MeasureFilter
from domain.measures.other_checks import typed_plan
from domain.measures.plan import ActionPlan, FocusArea, Goal
from domain.measures.ports import MeasuresUnitOfWork
from domain.measures.progress import rollup
from domain.measures.stage import DecisionFacts
from domain.measures.views import FocusAreaNode, GoalNode, PlanTree
from domain.shared.changes import expect_version
from domain.shared.errors import Errors, InUse
from domain.shared.principal import Principal


def _tree(inputs: Sequence[FocusAreaInput], old: ActionPlan | None) -> tuple[FocusArea, ...]:
    known_areas = {fa.id for fa in old.focus_areas} if old else set()
    known_goals = set(old.goal_ids()) if old else set()
    e = Errors()
    out = []
    for i, fa in enumerate(inputs):
        if fa.id is not None and fa.id not in known_areas:
            e.add(f"focusAreas.{i}.id", "unknown", "No such focus area in this plan.")
        goals = []
        for j, g in enumerate(fa.goals):
            if g.id is not None and g.id not in known_goals:
                e.add(f"focusAreas.{i}.goals.{j}.id", "unknown", "No such goal in this plan.")
            goals.append(Goal(id=g.id or uuid4(), title=_strip(g.title), weight=g.weight))
        out.append(
            FocusArea(
                id=fa.id or uuid4(),
                title=_strip(fa.title),
                goals=tuple(goals),
                strategies=tuple(_strip(s) for s in fa.strategies),
                weight=fa.weight,
            )
        )
    e.raise_if_any()
    return tuple(out)


def _strip(s: str) -> str:
    return s.strip() if isinstance(s, str) else s


def _fields(changes: PlanChanges, old: ActionPlan | None) -> dict[str, Any]:
    sent = changes.trimmed().set_fields()
    if "focus_areas" in sent:
        sent["focus_areas"] = _tree(sent["focus_areas"], old)
    return sent


class PlanUseCases(UseCases):
    async def _trees(
        self, uow: MeasuresUnitOfWork, p: Principal, plans: Sequence[ActionPlan]
    ) -> tuple[PlanTree, ...]:
        if not plans:
            return ()
        goals = {g for pl in plans for g in pl.goal_ids()}
        measures = [m for m in await uow.measures.all(MeasureFilter()) if goals & set(m.goal_ids)]
        views = {v.measure.id: v for v in await self._views(uow, p, measures)}
        ids = [pl.decision_id for pl in plans if pl.decision_id is not None]
        decisions = {d.id: d for d in await uow.decisions.get_many(ids)} if ids else {}
        today = self._clock.today()
        out = []
        for plan in plans:
            r = rollup(plan, measures)
            areas = tuple(
                FocusAreaNode(
                    focus_area=fa,
                    progress=r.focus_areas[fa.id],
                    goals=tuple(
                        GoalNode(
                            goal=g,
                            progress=r.goals[g.id],
                            measures=tuple(views[m.id] for m in r.measures_of_goal[g.id]),
                        )
                        for g in fa.goals
                    ),
                )
                for fa in plan.focus_areas
            )
            decision = decisions.get(plan.decision_id) if plan.decision_id else None
            out.append(
                PlanTree(
                    plan=plan,
                    status=plan.status(today),
                    progress=r.plan,
                    decision=decision,
                    focus_areas=areas,
                )
            )
        return tuple(out)

    async def list_plans(self, p: Principal) -> tuple[PlanTree, ...]:
        async with self._read(p) as uow:
            return await self._trees(uow, p, await uow.plans.list())

    async def plan_tree(self, p: Principal, id: UUID) -> PlanTree:
        async with self._read(p) as uow:
            return (await self._trees(uow, p, [await uow.plans.get(id)]))[0]

    async def create_plan(self, p: Principal, changes: PlanChanges) -> PlanTree:
        uow_ = self._manage(p, "keep this unit's action plans")
        values: dict[str, Any] = {"title": "", "period_start": None, "period_end": None}
        plan = ActionPlan(id=uuid4(), unit_id=p.unit_id, **(values | _fields(changes, None)))
        plan = typed_plan(plan)
        plan.check()
        async with uow_ as uow:
            await uow.plans.add(plan)
            tree = (await self._trees(uow, p, [plan]))[0]
            await uow.commit()
        return tree

    async def update_plan(
        self, p: Principal, id: UUID, changes: PlanChanges, expected_version: int | None
    ) -> PlanTree:
        async with self._manage(p, "keep this unit's action plans") as uow:
            old = await uow.plans.get(id)
            _draft(old)
            expected = expect_version(old.version, expected_version)
            new = dataclasses.replace(old, **_fields(changes, old), version=old.version + 1)
            new = typed_plan(new)
            new.check()
            await _still_referred(uow, old, new)
            await uow.plans.update(new, expected)
            tree = (await self._trees(uow, p, [new]))[0]
            await uow.commit()
        return tree

    async def adopt_plan(
        self, p: Principal, id: UUID, decision_id: UUID | None, expected_version: int | None
    ) -> PlanTree:
        async with self._manage(p, "adopt action plans") as uow:
            old = await uow.plans.get(id)
            _draft(old)
            expected = expect_version(old.version, expected_version)
            _adoptable(old, await self._decision(uow, decision_id))
            new = dataclasses.replace(
                old, adopted=True, decision_id=decision_id, version=old.version + 1
            )
            await uow.plans.update(new, expected)
            tree = (await self._trees(uow, p, [new]))[0]
            await uow.commit()
        return tree

    async def delete_plan(self, p: Principal, id: UUID, expected_version: int | None) -> None:
        async with self._manage(p, "keep this unit's action plans") as uow:
            old = await uow.plans.get(id)
            _draft(old)
            expected = expect_version(old.version, expected_version)
            await _still_referred(uow, old, None)
            await uow.plans.delete(id, expected)
            await uow.commit()


def _draft(plan: ActionPlan) -> None:
    if plan.adopted:
        raise PlanLocked("The plan is adopted: its tree is what the steering body decided.")


def _adoptable(plan: ActionPlan, d: DecisionFacts | None) -> None:
    e = Errors()
    if d is None:
        e.add("decisionId", "required", "A steering body's decision adopts the plan.")
    else:
        if not d.approved or d.label is None:
            e.add("decisionId", "not-approved", "The decision's minutes are not approved yet.")
        if d.body_level != "steering":
            e.add("decisionId", "not-steering", "Only a steering body's decision adopts a plan.")
    if not plan.focus_areas:
        e.add("focusAreas", "required", "An adopted plan has at least one focus area.")
    e.raise_if_any()


async def _still_referred(uow: MeasuresUnitOfWork, old: ActionPlan, new: ActionPlan | None) -> None:
    """Refuse removing a focus area or goal that a measure still points to."""
    kept = {fa.id for fa in new.focus_areas} | set(new.goal_ids()) if new else set()
    gone = ({fa.id for fa in old.focus_areas} | set(old.goal_ids())) - kept
    if not gone:
        return
    for m in await uow.measures.all(MeasureFilter()):
        if gone & {*m.focus_area_ids, *m.goal_ids}:
            raise InUse("A measure still serves a focus area or goal being removed.")
