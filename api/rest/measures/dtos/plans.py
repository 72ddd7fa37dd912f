"""REST measures room: DTOs of action plans — the tree with progress rolled up from its measures,
the plan's proposal and change (its focus areas and goals sent whole), and its adoption."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import IsoDate, optional
from api.rest.measures.dtos import fields
from api.rest.measures.dtos.fields import Strategy, Weight
from api.rest.measures.dtos.measures import DecisionRef
from domain.measures import limits
from domain.measures.changes import FocusAreaInput, GoalInput, PlanChanges
from domain.measures.plan import ActionPlan, PlanStatus, Weighting
from domain.measures.stage import Stage
from domain.measures.views import MeasureView, PlanTree


class PlanMeasureRead(Dto):
    """A measure as the plan page lists it under a goal (the detail is ``/api/measures/{id}``)."""

    id: UUID
    title: str
    stage: Stage
    progress: float


def _measure(v: MeasureView) -> dict[str, Any]:
    m = v.measure
    # Text, not UUID and enum: ``to_json`` writes strings far faster (see ``cards.card``).
    return {"id": str(m.id), "title": m.title, "stage": m.stage.value, "progress": v.progress}


def plan_body(t: PlanTree) -> dict[str, Any]:
    """``PlanRead`` of ``t`` as the wire writes it: plain dicts, serialised once by the route
    (2,000 measures under a plan are 2,000 rows; no per-row validation)."""
    p: ActionPlan = t.plan
    decision = DecisionRef.of(t.decision)
    return {
        "id": p.id,
        "title": p.title,
        "description": p.description,
        "periodStart": p.period_start,
        "periodEnd": p.period_end,
        "weighting": p.weighting,
        "adopted": p.adopted,
        "status": t.status,
        "decisionId": p.decision_id,
        "decision": None if decision is None else decision.model_dump(mode="json", by_alias=True),
        "progress": t.progress,
        "focusAreas": [
            {
                "id": n.focus_area.id,
                "title": n.focus_area.title,
                "strategies": list(n.focus_area.strategies),
                "weight": n.focus_area.weight,
                "progress": n.progress,
                "goals": [
                    {
                        "id": g.goal.id,
                        "title": g.goal.title,
                        "weight": g.goal.weight,
                        "progress": g.progress,
                        "measures": [_measure(v) for v in g.measures],
                    }
                    for g in n.goals
                ],
            }
            for n in t.focus_areas
        ],
        "version": p.version,
    }


class GoalNodeRead(Dto):
    id: UUID
    title: str
    weight: int
    progress: float = Field(description="Of its measures, weighted as the plan says; 0..1.")
    measures: list[PlanMeasureRead]


class FocusAreaNodeRead(Dto):
    id: UUID
    title: str
    strategies: list[str]
    weight: int
    progress: float
    goals: list[GoalNodeRead]


class PlanSummaryRead(Dto):
    id: UUID
    title: str
    period_start: date
    period_end: date
    adopted: bool
    decision_id: UUID | None
    version: int


class PlanRead(Dto):
    id: UUID
    title: str
    description: str | None
    period_start: date
    period_end: date
    weighting: Weighting
    adopted: bool
    status: PlanStatus = Field(description="expired: adopted and its period has ended.")
    decision_id: UUID | None
    decision: DecisionRef | None = Field(description="The steering body's adopting decision.")
    progress: float
    focus_areas: list[FocusAreaNodeRead]
    version: int


class GoalIn(Input):
    id: UUID | None = Field(default=None, description="Left out: a new goal.")
    title: str = fields.required_text(limits.TITLE_MAX)
    weight: Weight = 1


class FocusAreaIn(Input):
    id: UUID | None = Field(default=None, description="Left out: a new focus area.")
    title: str = fields.required_text(limits.TITLE_MAX)
    goals: list[GoalIn] = fields.items(limits.GOALS_MAX)
    strategies: list[Strategy] = fields.items(limits.STRATEGIES_MAX)
    weight: Weight = 1


class PlanCreate(Input):
    title: str = fields.required_text(limits.TITLE_MAX)
    description: str | None = fields.text(limits.TEXT_MAX)
    period_start: IsoDate
    period_end: IsoDate = Field(description="After the start (a plan often runs four years).")
    weighting: Weighting = Weighting.EQUAL
    focus_areas: list[FocusAreaIn] = fields.items(limits.FOCUS_AREAS_MAX)

    def to_changes(self) -> PlanChanges:
        return _changes(self, {"title", "period_start", "period_end"})


class PlanUpdate(Update):
    title: str = fields.new_text(limits.TITLE_MAX)
    description: str | None = fields.text(limits.TEXT_MAX)
    period_start: IsoDate = optional()
    period_end: IsoDate = optional()
    weighting: Weighting = optional()
    focus_areas: list[FocusAreaIn] = fields.new_items(limits.FOCUS_AREAS_MAX)

    def to_changes(self) -> PlanChanges:
        return _changes(self, set())


class AdoptionCreate(Input):
    decision_id: UUID = Field(
        description="A numbered decision of a steering body's approved minutes."
    )


def _area(f: FocusAreaIn) -> FocusAreaInput:
    return FocusAreaInput(
        id=f.id,
        title=f.title,
        goals=tuple(GoalInput(id=g.id, title=g.title, weight=g.weight) for g in f.goals),
        strategies=tuple(f.strategies),
        weight=f.weight,
    )


def _changes(body: Input, also: set[str]) -> PlanChanges:
    values = {n: getattr(body, n) for n in body.model_fields_set | also}
    if "focus_areas" in values:
        values["focus_areas"] = tuple(_area(f) for f in values["focus_areas"])
    return PlanChanges.from_mapping(values)
