"""GraphQL, measures context: the value types a measure carries and the records beside it —
milestones, registry references, the evaluation plan, the linked decision, stage changes,
progress notes and evaluations (each mapped once from the domain)."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import strawberry

from api.graphql.measures.enums import Aspect, Conclusion, Performer, Registry, Stage, Verdict
from api.graphql.shared.mapping import from_domain
from domain.measures import evaluation as de
from domain.measures import history as dh
from domain.measures import measure as dm
from domain.measures import stage as ds


@strawberry.type
class Milestone:
    id: UUID
    title: str
    due_on: date | None
    done_on: date | None
    weight: int
    done: bool

    @classmethod
    def of(cls, x: dm.Milestone) -> Milestone:
        return from_domain(cls, x)


@strawberry.type
class RegistryReference:
    registry: Registry  # type: ignore[valid-type]
    rating: str = strawberry.field(description='As the registry says it, e.g. "Nivå 3".')
    verdict: Verdict  # type: ignore[valid-type]
    reviewed_on: date | None
    url: str | None
    warns: bool = strawberry.field(
        description="The registry rates the approach ineffective or harmful: show a warning."
    )

    @classmethod
    def of(cls, x: dm.RegistryReference) -> RegistryReference:
        return from_domain(cls, x)


@strawberry.type
class EvaluationPlan:
    aspects: list[Aspect]  # type: ignore[valid-type]
    method: str
    performer: Performer  # type: ignore[valid-type]
    due_on: date
    performer_name: str | None

    @classmethod
    def of(cls, x: dm.EvaluationPlan) -> EvaluationPlan:
        return from_domain(cls, x)


@strawberry.type
class LinkedDecision:
    """A decision of the meetings context as the measures context links it ("KG 3/2026")."""

    id: UUID
    label: str | None = strawberry.field(description="Null until the minutes are approved.")
    body_id: UUID
    body_name: str
    body_level: str = strawberry.field(description="steering | coordinating | executive")
    meeting_id: UUID
    meeting_date: date
    approved: bool
    text: str

    @classmethod
    def of(cls, x: ds.DecisionFacts) -> LinkedDecision:
        return from_domain(cls, x)


@strawberry.type
class StageChange:
    id: UUID
    measure_id: UUID
    from_stage: Stage | None  # type: ignore[valid-type]
    to_stage: Stage  # type: ignore[valid-type]
    at: datetime
    actor_person_id: UUID | None
    actor_name: str
    reason: str | None
    decision_id: UUID | None
    decision_label: str | None
    sequence: int

    @classmethod
    def of(cls, x: dh.StageChange) -> StageChange:
        return from_domain(cls, x)


@strawberry.type
class ProgressNote:
    id: UUID
    measure_id: UUID
    at: datetime
    author_person_id: UUID | None
    author_name: str
    text: str

    @classmethod
    def of(cls, x: dh.ProgressNote) -> ProgressNote:
        return from_domain(cls, x)


@strawberry.type
class ReportInfo:
    """The attached report's metadata; its bytes travel over REST only."""

    filename: str
    media_type: str
    size: int
    sha256: str
    uploaded_at: datetime


@strawberry.type
class Evaluation:
    id: UUID
    measure_id: UUID
    aspects: list[Aspect]  # type: ignore[valid-type]
    performer: Performer  # type: ignore[valid-type]
    performer_name: str | None
    method: str
    due_on: date | None
    findings: str | None
    conclusion: Conclusion | None  # type: ignore[valid-type]
    completed_on: date | None
    completed: bool
    report: ReportInfo | None
    version: int

    @classmethod
    def of(cls, x: de.Evaluation) -> Evaluation:
        r = x.report
        return from_domain(cls, x, report=from_domain(ReportInfo, r) if r else None)
