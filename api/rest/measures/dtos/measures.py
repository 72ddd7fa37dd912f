"""REST measures room: the measure's read — every field with the lifecycle's derived facts (where
it may go next, why evaluation is required, progress, the deciding decision)."""

from __future__ import annotations

from datetime import date
from typing import Any, Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto
from domain.measures.measure import (
    Aspect,
    EvaluationPlan,
    EvaluationTrigger,
    Evidence,
    Performer,
    Registry,
    Tier,
    Verdict,
)
from domain.measures.stage import DecisionFacts, Stage
from domain.measures.views import MeasureView


class MilestoneRead(Dto):
    id: UUID
    title: str
    due_on: date | None
    done_on: date | None
    weight: int
    done: bool


class RegistryReferenceRead(Dto):
    registry: Registry
    rating: str = Field(description='As the registry says it: "Nivå 3", "Model Plus".')
    verdict: Verdict
    reviewed_on: date | None
    url: str | None
    warns: bool = Field(description="The registry rates the approach ineffective or harmful.")


class EvaluationPlanRead(Dto):
    aspects: list[Aspect]
    method: str
    performer: Performer
    performer_name: str | None
    due_on: date


class DecisionRef(Dto):
    """The coordinating body's decision that decided the measure (or the steering body's that
    adopted a plan), as the meetings context records it."""

    id: UUID
    label: str | None = Field(description='E.g. "KOG 3/2026"; null until the minutes are approved.')
    body_id: UUID
    body_name: str
    body_level: str
    meeting_id: UUID
    meeting_date: date
    approved: bool

    @classmethod
    def of(cls, d: DecisionFacts | None) -> Self | None:
        return None if d is None else cls.from_domain(d)


class MeasureRead(Dto):
    id: UUID
    title: str
    problem: str
    tier: Tier
    description: str | None
    target_group: str | None
    target_age_min: int | None
    target_age_max: int | None
    focus_area_ids: list[UUID]
    goal_ids: list[UUID]
    responsible_organisation_ids: list[UUID]
    partner_organisation_ids: list[UUID]
    owner_id: UUID | None
    budget_nok: int | None
    staff_hours: int | None
    start_on: date | None
    end_on: date | None
    milestones: list[MilestoneRead]
    risk_factors: list[str]
    protective_factors: list[str]
    evidence: Evidence
    registry_references: list[RegistryReferenceRead]
    registry_warning: bool = Field(
        description="A registry rates the approach ineffective or harmful."
    )
    evaluation_plan: EvaluationPlanRead | None
    new_or_trial: bool
    transferable: bool
    risk_of_negative_effects: bool
    strategy_anchored: bool
    stage: Stage
    legal_targets: list[Stage] = Field(description="Where the lifecycle's table lets it go next.")
    evaluation_triggers: list[EvaluationTrigger] = Field(
        description="Why evaluation is required (empty: optional)."
    )
    evaluation_required: bool
    progress: float = Field(description="Share of milestone weight done, 0..1.")
    decision_id: UUID | None
    decision: DecisionRef | None
    closing_note: str | None
    proposed_by: UUID | None
    version: int

    @classmethod
    def of(cls, v: MeasureView) -> Self:
        m = v.measure
        values: dict[str, Any] = {name: getattr(m, name) for name in _PLAIN} | {
            "milestones": [MilestoneRead.from_domain(x) for x in m.milestones],
            "registry_references": [
                RegistryReferenceRead.from_domain(r) for r in m.registry_references
            ],
            "registry_warning": m.registry_warning,
            "evaluation_plan": _plan(m.evaluation_plan),
            "legal_targets": sorted(v.legal_targets, key=_ORDER.index),
            "evaluation_triggers": list(v.evaluation_triggers),
            "evaluation_required": v.evaluation_required,
            "progress": v.progress,
            "decision": DecisionRef.of(v.decision),
        }
        return cls.model_validate(values)


_ORDER = list(Stage)
_PLAIN = [
    "id",
    "title",
    "problem",
    "tier",
    "description",
    "target_group",
    "target_age_min",
    "target_age_max",
    "focus_area_ids",
    "goal_ids",
    "responsible_organisation_ids",
    "partner_organisation_ids",
    "owner_id",
    "budget_nok",
    "staff_hours",
    "start_on",
    "end_on",
    "risk_factors",
    "protective_factors",
    "evidence",
    "new_or_trial",
    "transferable",
    "risk_of_negative_effects",
    "strategy_anchored",
    "stage",
    "decision_id",
    "closing_note",
    "proposed_by",
    "version",
]


def _plan(p: EvaluationPlan | None) -> EvaluationPlanRead | None:
    if p is None:
        return None
    return EvaluationPlanRead(
        aspects=sorted(p.aspects, key=list(Aspect).index),
        method=p.method,
        performer=p.performer,
        performer_name=p.performer_name,
        due_on=p.due_on,
    )
