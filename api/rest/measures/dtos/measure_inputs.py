"""REST measures room: the measure's proposal and change, and the parts sent whole (milestones,
registry references, the evaluation plan), mapped onto the domain's ``MeasureChanges``."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Input, Update
from api.rest.inputs import Bool, IsoDate, optional
from api.rest.measures.dtos import fields
from api.rest.measures.dtos.fields import Age, Code, Hours, Nok, Weight
from domain.measures import limits
from domain.measures.changes import MeasureChanges, MilestoneInput
from domain.measures.measure import (
    Aspect,
    EvaluationPlan,
    Evidence,
    Performer,
    Registry,
    RegistryReference,
    Tier,
    Verdict,
)


class MilestoneIn(Input):
    id: UUID | None = Field(default=None, description="Left out: a new milestone.")
    title: str = fields.required_text(limits.TITLE_MAX)
    due_on: IsoDate | None = None
    done_on: IsoDate | None = Field(default=None, description="Set: the milestone is done.")
    weight: Weight = 1


class RegistryReferenceIn(Input):
    registry: Registry
    rating: str = fields.required_text(limits.SHORT_MAX)
    verdict: Verdict
    reviewed_on: IsoDate | None = None
    url: str | None = fields.text(limits.URL_MAX, description="An http(s) link to the entry.")


class EvaluationPlanIn(Input):
    aspects: list[Aspect] = Field(min_length=1, max_length=len(Aspect))
    method: str = fields.required_text(limits.SHORT_MAX)
    performer: Performer
    due_on: IsoDate
    performer_name: str | None = fields.text(limits.SHORT_MAX)


def _domain(name: str, value: Any) -> Any:
    """A sent field as the domain's change object holds it."""
    if name == "milestones":
        return tuple(MilestoneInput(**dict(m)) for m in value)
    if name == "registry_references":
        return tuple(RegistryReference(**dict(r)) for r in value)
    if name == "evaluation_plan" and value is not None:
        return EvaluationPlan(**{**dict(value), "aspects": frozenset(value.aspects)})
    return tuple(value) if isinstance(value, list) else value


def to_changes(body: Input, *also: str) -> MeasureChanges:
    """The fields the client sent (and ``also``), as the domain's change object."""
    names = (body.model_fields_set | set(also)) - {"override_reason"}
    return MeasureChanges.from_mapping({n: _domain(n, getattr(body, n)) for n in names})


class MeasureFields(Input):
    """Everything a measure has besides its title, problem and tier."""

    description: str | None = fields.text(limits.TEXT_MAX)
    target_group: str | None = fields.text(limits.TEXT_MAX)
    target_age_min: Age | None = None
    target_age_max: Age | None = Field(default=None, description="At least the minimum age.")
    focus_area_ids: list[UUID] = fields.items(limits.LIST_MAX)
    goal_ids: list[UUID] = fields.items(
        limits.LIST_MAX, description="A goal implies its focus area."
    )
    responsible_organisation_ids: list[UUID] = fields.items(limits.LIST_MAX)
    partner_organisation_ids: list[UUID] = fields.items(limits.LIST_MAX)
    owner_id: UUID | None = Field(default=None, description="The contact person who owns it.")
    budget_nok: Nok | None = None
    staff_hours: Hours | None = None
    start_on: IsoDate | None = None
    end_on: IsoDate | None = None
    milestones: list[MilestoneIn] = fields.items(limits.MILESTONES_MAX)
    risk_factors: list[Code] = fields.items(limits.LIST_MAX)
    protective_factors: list[Code] = fields.items(limits.LIST_MAX)
    evidence: Evidence = Evidence.UNKNOWN
    registry_references: list[RegistryReferenceIn] = fields.items(limits.LIST_MAX)
    evaluation_plan: EvaluationPlanIn | None = None
    new_or_trial: Bool = False
    transferable: Bool = False
    risk_of_negative_effects: Bool = False
    strategy_anchored: Bool = Field(
        default=False, description="In a regional or national strategy."
    )
    override_reason: str | None = fields.override_reason()


class MeasureCreate(MeasureFields):
    title: str = fields.required_text(limits.TITLE_MAX)
    problem: str = fields.required_text(limits.TEXT_MAX, "The problem it addresses.")
    tier: Tier

    def to_changes(self) -> MeasureChanges:
        return to_changes(self, "title", "problem", "tier")


class MeasureUpdate(Update):
    title: str = fields.new_text(limits.TITLE_MAX)
    problem: str = fields.new_text(limits.TEXT_MAX)
    tier: Tier = optional()
    description: str | None = fields.text(limits.TEXT_MAX)
    target_group: str | None = fields.text(limits.TEXT_MAX)
    target_age_min: Age | None = None
    target_age_max: Age | None = None
    focus_area_ids: list[UUID] = fields.new_items(limits.LIST_MAX)
    goal_ids: list[UUID] = fields.new_items(limits.LIST_MAX)
    responsible_organisation_ids: list[UUID] = fields.new_items(limits.LIST_MAX)
    partner_organisation_ids: list[UUID] = fields.new_items(limits.LIST_MAX)
    owner_id: UUID | None = None
    budget_nok: Nok | None = None
    staff_hours: Hours | None = None
    start_on: IsoDate | None = None
    end_on: IsoDate | None = None
    milestones: list[MilestoneIn] = fields.new_items(limits.MILESTONES_MAX)
    risk_factors: list[Code] = fields.new_items(limits.LIST_MAX)
    protective_factors: list[Code] = fields.new_items(limits.LIST_MAX)
    evidence: Evidence = optional()
    registry_references: list[RegistryReferenceIn] = fields.new_items(limits.LIST_MAX)
    evaluation_plan: EvaluationPlanIn | None = None
    new_or_trial: Bool = optional()
    transferable: Bool = optional()
    risk_of_negative_effects: Bool = optional()
    strategy_anchored: Bool = optional()
    override_reason: str | None = fields.override_reason()

    def to_changes(self) -> MeasureChanges:
        return to_changes(self)
