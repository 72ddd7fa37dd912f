"""Measures domain room: the typed change objects the front doors hand the use cases (every
field ``UNSET`` unless sent; ``None`` clears an optional one) and the inputs of the lists that
arrive whole — milestones, focus areas and goals: an item without an id is new, an item with an
id keeps it (an id the record does not hold is refused)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.measures.evaluation import Conclusion
from domain.measures.measure import (
    Aspect,
    EvaluationPlan,
    Evidence,
    Performer,
    RegistryReference,
    Tier,
)
from domain.measures.plan import Weighting
from domain.shared.changes import UNSET, Changes, Unset


@dataclass(frozen=True, slots=True, kw_only=True)
class MilestoneInput:
    id: UUID | None = None
    title: str
    due_on: date | None = None
    done_on: date | None = None
    weight: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class GoalInput:
    id: UUID | None = None
    title: str
    weight: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class FocusAreaInput:
    id: UUID | None = None
    title: str
    goals: tuple[GoalInput, ...] = ()
    strategies: tuple[str, ...] = ()
    weight: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureChanges(Changes):
    title: str | Unset = UNSET
    problem: str | Unset = UNSET
    tier: Tier | Unset = UNSET
    description: str | Unset | None = UNSET
    target_group: str | Unset | None = UNSET
    target_age_min: int | Unset | None = UNSET
    target_age_max: int | Unset | None = UNSET
    focus_area_ids: tuple[UUID, ...] | Unset = UNSET
    goal_ids: tuple[UUID, ...] | Unset = UNSET
    responsible_organisation_ids: tuple[UUID, ...] | Unset = UNSET
    partner_organisation_ids: tuple[UUID, ...] | Unset = UNSET
    owner_id: UUID | Unset | None = UNSET
    budget_nok: int | Unset | None = UNSET
    staff_hours: int | Unset | None = UNSET
    start_on: date | Unset | None = UNSET
    end_on: date | Unset | None = UNSET
    milestones: tuple[MilestoneInput, ...] | Unset = UNSET
    risk_factors: tuple[str, ...] | Unset = UNSET
    protective_factors: tuple[str, ...] | Unset = UNSET
    evidence: Evidence | Unset = UNSET
    registry_references: tuple[RegistryReference, ...] | Unset = UNSET
    evaluation_plan: EvaluationPlan | Unset | None = UNSET
    new_or_trial: bool | Unset = UNSET
    transferable: bool | Unset = UNSET
    risk_of_negative_effects: bool | Unset = UNSET
    strategy_anchored: bool | Unset = UNSET


@dataclass(frozen=True, slots=True, kw_only=True)
class EvaluationChanges(Changes):
    aspects: frozenset[Aspect] | Unset = UNSET
    performer: Performer | Unset = UNSET
    performer_name: str | Unset | None = UNSET
    method: str | Unset = UNSET
    due_on: date | Unset | None = UNSET
    findings: str | Unset | None = UNSET
    conclusion: Conclusion | Unset | None = UNSET
    completed_on: date | Unset | None = UNSET


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanChanges(Changes):
    title: str | Unset = UNSET
    description: str | Unset | None = UNSET
    period_start: date | Unset = UNSET
    period_end: date | Unset = UNSET
    weighting: Weighting | Unset = UNSET
    focus_areas: tuple[FocusAreaInput, ...] | Unset = UNSET
