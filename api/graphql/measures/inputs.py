"""GraphQL, measures context: the inputs of measures, evaluations and plans, mapped onto the
domain's typed change objects (a field not sent is not changed; null clears it)."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any
from uuid import UUID

import strawberry

from api.graphql.measures.enums import (
    Aspect,
    Conclusion,
    Evidence,
    Performer,
    Registry,
    Stage,
    Tier,
    Verdict,
    Weighting,
)
from api.graphql.shared.resolvers import required, sent
from domain.measures import changes as ds
from domain.measures import measure as dm
from domain.shared.changes import Changes


@strawberry.input
class MilestoneInput:
    id: UUID | None = strawberry.field(default=None, description="Null: a new milestone.")
    title: str
    due_on: date | None = None
    done_on: date | None = None
    weight: int = 1


@strawberry.input
class RegistryReferenceInput:
    registry: Registry  # type: ignore[valid-type]
    rating: str
    verdict: Verdict  # type: ignore[valid-type]
    reviewed_on: date | None = None
    url: str | None = None


@strawberry.input
class EvaluationPlanInput:
    aspects: list[Aspect]  # type: ignore[valid-type]
    method: str
    performer: Performer  # type: ignore[valid-type]
    due_on: date
    performer_name: str | None = None


@strawberry.input
class MeasureInput:
    title: str | None = strawberry.UNSET
    problem: str | None = strawberry.UNSET
    tier: Tier | None = strawberry.UNSET  # type: ignore[valid-type]
    description: str | None = strawberry.UNSET
    target_group: str | None = strawberry.UNSET
    target_age_min: int | None = strawberry.UNSET
    target_age_max: int | None = strawberry.UNSET
    focus_area_ids: list[UUID] | None = strawberry.UNSET
    goal_ids: list[UUID] | None = strawberry.UNSET
    responsible_organisation_ids: list[UUID] | None = strawberry.UNSET
    partner_organisation_ids: list[UUID] | None = strawberry.UNSET
    owner_id: UUID | None = strawberry.UNSET
    budget_nok: int | None = strawberry.UNSET
    staff_hours: int | None = strawberry.UNSET
    start_on: date | None = strawberry.UNSET
    end_on: date | None = strawberry.UNSET
    milestones: list[MilestoneInput] | None = strawberry.UNSET
    risk_factors: list[str] | None = strawberry.UNSET
    protective_factors: list[str] | None = strawberry.UNSET
    evidence: Evidence | None = strawberry.UNSET  # type: ignore[valid-type]
    registry_references: list[RegistryReferenceInput] | None = strawberry.UNSET
    evaluation_plan: EvaluationPlanInput | None = strawberry.UNSET
    new_or_trial: bool | None = strawberry.UNSET
    transferable: bool | None = strawberry.UNSET
    risk_of_negative_effects: bool | None = strawberry.UNSET
    strategy_anchored: bool | None = strawberry.UNSET


@strawberry.input
class MeasureFilterInput:
    stages: list[Stage] | None = None  # type: ignore[valid-type]
    tier: Tier | None = None  # type: ignore[valid-type]
    focus_area_id: UUID | None = None
    goal_id: UUID | None = None
    owner_id: UUID | None = None
    without_owner: bool = False
    q: str | None = None


@strawberry.input
class EvaluationInput:
    aspects: list[Aspect] | None = strawberry.UNSET  # type: ignore[valid-type]
    performer: Performer | None = strawberry.UNSET  # type: ignore[valid-type]
    performer_name: str | None = strawberry.UNSET
    method: str | None = strawberry.UNSET
    due_on: date | None = strawberry.UNSET
    findings: str | None = strawberry.UNSET
    conclusion: Conclusion | None = strawberry.UNSET  # type: ignore[valid-type]
    completed_on: date | None = strawberry.UNSET


@strawberry.input
class GoalInput:
    id: UUID | None = strawberry.field(default=None, description="Null: a new goal.")
    title: str
    weight: int = 1


@strawberry.input
class FocusAreaInput:
    id: UUID | None = strawberry.field(default=None, description="Null: a new focus area.")
    title: str
    goals: list[GoalInput] = strawberry.field(default_factory=list)
    strategies: list[str] = strawberry.field(default_factory=list)
    weight: int = 1


@strawberry.input
class ActionPlanInput:
    title: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    period_start: date | None = strawberry.UNSET
    period_end: date | None = strawberry.UNSET
    weighting: Weighting | None = strawberry.UNSET  # type: ignore[valid-type]
    focus_areas: list[FocusAreaInput] | None = strawberry.UNSET


def _tuple(v: Any) -> Any:
    return tuple(v) if isinstance(v, list) else v


def _values(inp: object, changes: type[Changes]) -> dict[str, Any]:
    """The fields sent; null on a field the domain never leaves empty is a ``required`` error."""
    v = {k: _tuple(x) for k, x in sent(inp).items()}
    never_none = {f.name for f in fields(changes) if "None" not in str(f.type)}
    required(v, *(k for k in v if k in never_none))
    return v


def measure_changes(inp: MeasureInput) -> ds.MeasureChanges:
    v = _values(inp, ds.MeasureChanges)
    if v.get("milestones") is not None:
        v["milestones"] = tuple(ds.MilestoneInput(**vars(m)) for m in v["milestones"])
    if v.get("registry_references") is not None:
        v["registry_references"] = tuple(
            dm.RegistryReference(**vars(r)) for r in v["registry_references"]
        )
    if v.get("evaluation_plan") is not None:
        plan = dict(vars(v["evaluation_plan"]))
        plan["aspects"] = frozenset(plan["aspects"])
        v["evaluation_plan"] = dm.EvaluationPlan(**plan)
    return ds.MeasureChanges.from_mapping(v)


def evaluation_changes(inp: EvaluationInput) -> ds.EvaluationChanges:
    v = _values(inp, ds.EvaluationChanges)
    if v.get("aspects") is not None:
        v["aspects"] = frozenset(v["aspects"])
    return ds.EvaluationChanges.from_mapping(v)


def plan_changes(inp: ActionPlanInput) -> ds.PlanChanges:
    v = _values(inp, ds.PlanChanges)
    if v.get("focus_areas") is not None:
        v["focus_areas"] = tuple(
            ds.FocusAreaInput(
                id=f.id,
                title=f.title,
                goals=tuple(ds.GoalInput(**vars(g)) for g in f.goals),
                strategies=tuple(f.strategies),
                weight=f.weight,
            )
            for f in v["focus_areas"]
        )
    return ds.PlanChanges.from_mapping(v)
