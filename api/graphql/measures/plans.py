"""GraphQL, measures context: action plans as trees (focus areas → goals → measures, each with
its rolled-up progress), and the mutations that create, change, adopt and delete one."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

import strawberry

from api.graphql.measures.context import cut, svc
from api.graphql.measures.enums import PlanStatus, Weighting
from api.graphql.measures.inputs import ActionPlanInput, plan_changes
from api.graphql.measures.measure import Measure
from api.graphql.measures.problems import answer
from api.graphql.measures.records import LinkedDecision
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.problems import Deleted, DeleteResult, Problems
from api.graphql.shared.resolvers import I, required, sent
from domain.measures import views as dv


@strawberry.type
class Goal:
    id: UUID
    title: str
    weight: int
    progress: float
    views: strawberry.Private[tuple[dv.MeasureView, ...]]

    @strawberry.field(description="The ids of the measures serving the goal, by title.")
    def measure_ids(self) -> list[UUID]:
        return [v.measure.id for v in self.views]

    @strawberry.field(
        description="The measures serving the goal, by title (a whole tree of measures is a "
        "costly query: give each level a `limit`, or read `measureIds` and the measures apart)."
    )
    def measures(self, limit: int | None = None) -> list[Measure]:
        return cut([Measure.of(v) for v in self.views], limit)

    @classmethod
    def of(cls, n: dv.GoalNode) -> Goal:
        return from_domain(cls, n.goal, progress=n.progress, views=n.measures)


@strawberry.type
class FocusArea:
    id: UUID
    title: str
    strategies: list[str]
    weight: int
    progress: float
    nodes: strawberry.Private[tuple[dv.GoalNode, ...]]

    @strawberry.field
    def goals(self, limit: int | None = None) -> list[Goal]:
        return cut([Goal.of(g) for g in self.nodes], limit)

    @classmethod
    def of(cls, n: dv.FocusAreaNode) -> FocusArea:
        return from_domain(cls, n.focus_area, progress=n.progress, nodes=n.goals)


@strawberry.type
class ActionPlan:
    id: UUID
    title: str
    description: str | None
    period_start: date
    period_end: date
    weighting: Weighting  # type: ignore[valid-type]
    adopted: bool
    decision_id: UUID | None
    version: int
    status: PlanStatus  # type: ignore[valid-type]
    progress: float
    decision: LinkedDecision | None = strawberry.field(
        description="The steering body's decision that adopted it."
    )
    nodes: strawberry.Private[tuple[dv.FocusAreaNode, ...]]

    @strawberry.field(
        description="The tree: focus areas → goals → measures, each with its progress (0..1)."
    )
    def focus_areas(self, limit: int | None = None) -> list[FocusArea]:
        return cut([FocusArea.of(f) for f in self.nodes], limit)

    @classmethod
    def of(cls, t: dv.PlanTree) -> ActionPlan:
        return from_domain(
            cls,
            t.plan,
            status=t.status,
            progress=t.progress,
            decision=LinkedDecision.of(t.decision) if t.decision else None,
            nodes=t.focus_areas,
        )


ActionPlanResult = Annotated[ActionPlan | Problems, strawberry.union("ActionPlanResult")]


@strawberry.type
class PlanQuery:
    @strawberry.field(description="The unit's action plans, newest period first, as trees.")
    async def action_plans(self, info: I) -> list[ActionPlan]:
        c = info.context
        return [ActionPlan.of(t) for t in await svc(c).list_plans(c.principal)]

    @strawberry.field
    async def action_plan(self, info: I, id: UUID) -> ActionPlan:
        c = info.context
        return ActionPlan.of(await svc(c).plan_tree(c.principal, id))


@strawberry.type
class PlanMutation:
    @strawberry.mutation(description="A draft action plan with its focus areas and goals.")
    async def create_action_plan(self, info: I, input: ActionPlanInput) -> ActionPlanResult:
        c = info.context

        async def run() -> dv.PlanTree:
            required(sent(input), "title", "period_start", "period_end")
            return await svc(c).create_plan(c.principal, plan_changes(input))

        return await answer(run(), ActionPlan.of)

    @strawberry.mutation(description="Change a draft plan (an adopted plan's tree is locked).")
    async def update_action_plan(
        self, info: I, id: UUID, expected_version: int, input: ActionPlanInput
    ) -> ActionPlanResult:
        c = info.context

        async def run() -> dv.PlanTree:
            return await svc(c).update_plan(c.principal, id, plan_changes(input), expected_version)

        return await answer(run(), ActionPlan.of)

    @strawberry.mutation(
        description="Adopt a plan by a steering body's numbered decision of approved minutes."
    )
    async def adopt_action_plan(
        self, info: I, id: UUID, expected_version: int, decision_id: UUID
    ) -> ActionPlanResult:
        c = info.context
        call = svc(c).adopt_plan(c.principal, id, decision_id, expected_version)
        return await answer(call, ActionPlan.of)

    @strawberry.mutation(description="Delete a draft plan.")
    async def delete_plan(self, info: I, id: UUID, expected_version: int) -> DeleteResult:
        c = info.context
        call = svc(c).delete_plan(c.principal, id, expected_version)
        return await answer(call, lambda _: Deleted(id=id))
