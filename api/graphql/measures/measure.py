"""GraphQL, measures context: the measure's type — its fields and derived facts as the domain's
view gives them, and the nested reads (owner, organisations, timeline, history, notes,
evaluations), each through a DataLoader so a list of measures costs a constant number of
statements."""

from __future__ import annotations

import asyncio
from datetime import date
from uuid import UUID

import strawberry

from api.graphql.measures.context import cut, loaders
from api.graphql.measures.enums import EvaluationTrigger, Evidence, Stage, Tier
from api.graphql.measures.records import (
    Evaluation,
    EvaluationPlan,
    LinkedDecision,
    Milestone,
    ProgressNote,
    RegistryReference,
    StageChange,
)
from api.graphql.measures.timeline import TimelineEntry
from api.graphql.organisation.context import loaders as org_loaders
from api.graphql.organisation.organisations import Organisation
from api.graphql.organisation.persons import Person
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.resolvers import I
from domain.measures import views as dv
from domain.measures.reads import timeline_of
from domain.measures.stage import Stage as DStage


@strawberry.type
class Measure:
    id: UUID
    title: str
    problem: str
    tier: Tier  # type: ignore[valid-type]
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
    milestones: list[Milestone]
    risk_factors: list[str]
    protective_factors: list[str]
    evidence: Evidence  # type: ignore[valid-type]
    registry_references: list[RegistryReference]
    registry_warning: bool = strawberry.field(
        description="A registry rates the approach ineffective or harmful."
    )
    evaluation_plan: EvaluationPlan | None
    new_or_trial: bool
    transferable: bool
    risk_of_negative_effects: bool
    strategy_anchored: bool
    stage: Stage  # type: ignore[valid-type]
    decision_id: UUID | None
    closing_note: str | None
    proposed_by: UUID | None
    version: int
    evaluation_triggers: list[EvaluationTrigger]  # type: ignore[valid-type]
    evaluation_required: bool
    decision: LinkedDecision | None = strawberry.field(
        description="The coordinating body's decision that decided it."
    )
    legal_targets: list[Stage] = strawberry.field(  # type: ignore[valid-type]
        description="Where it may go next by the lifecycle's table (preconditions aside)."
    )
    progress: float = strawberry.field(description="Share of milestone weight done, 0..1.")
    view: strawberry.Private[dv.MeasureView]

    @strawberry.field(description="The contact person who owns the measure.")
    async def owner(self, info: I) -> Person | None:
        if self.owner_id is None:
            return None
        p = await org_loaders(info.context).person.load(self.owner_id)
        return Person.of(p) if p else None

    @strawberry.field
    async def responsible_organisations(self, info: I) -> list[Organisation]:
        found = await org_loaders(info.context).organisation.load_many(
            self.responsible_organisation_ids
        )
        return [Organisation.of(o) for o in found if o]

    @strawberry.field
    async def partner_organisations(self, info: I) -> list[Organisation]:
        found = await org_loaders(info.context).organisation.load_many(
            self.partner_organisation_ids
        )
        return [Organisation.of(o) for o in found if o]

    @strawberry.field(description="Decision → stage changes → evaluations → notes, by time.")
    async def timeline(self, info: I, limit: int | None = None) -> list[TimelineEntry]:
        # Built from the same batches as history, notes and evaluations (asked together, they
        # are read once): the domain's pure timeline rule over the view this type was made of.
        load = loaders(info.context)
        steps, evaluations, notes = await asyncio.gather(
            load.history.load(self.id), load.evaluations.load(self.id), load.notes.load(self.id)
        )
        t = timeline_of(self.view, steps, evaluations, notes)
        return cut([TimelineEntry.of(e) for e in t.entries], limit)

    @strawberry.field(description="The stage history, first the proposal.")
    async def history(self, info: I, limit: int | None = None) -> list[StageChange]:
        rows = await loaders(info.context).history.load(self.id)
        return cut([StageChange.of(x) for x in rows], limit)

    @strawberry.field(description="Progress notes, newest first.")
    async def notes(self, info: I, limit: int | None = None) -> list[ProgressNote]:
        rows = await loaders(info.context).notes.load(self.id)
        return cut([ProgressNote.of(x) for x in rows], limit)

    @strawberry.field(description="Evaluations by due date (none last).")
    async def evaluations(self, info: I, limit: int | None = None) -> list[Evaluation]:
        rows = await loaders(info.context).evaluations.load(self.id)
        return cut([Evaluation.of(x) for x in rows], limit)

    @classmethod
    def of(cls, v: dv.MeasureView) -> Measure:
        m = v.measure
        return from_domain(
            cls,
            m,
            milestones=[Milestone.of(x) for x in m.milestones],
            registry_references=[RegistryReference.of(x) for x in m.registry_references],
            evaluation_plan=EvaluationPlan.of(m.evaluation_plan) if m.evaluation_plan else None,
            evaluation_triggers=list(v.evaluation_triggers),
            evaluation_required=v.evaluation_required,
            decision=LinkedDecision.of(v.decision) if v.decision else None,
            legal_targets=sorted(v.legal_targets, key=list(DStage).index),
            progress=v.progress,
            view=v,
        )
