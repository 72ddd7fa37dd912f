"""REST measures room: DTOs of a measure's append-only records — its stage history, its progress
notes — and of the timeline that lines them up with the decision and the evaluations."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal, Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input
from api.rest.measures.dtos import fields
from api.rest.measures.dtos.evaluations import EvaluationRead
from api.rest.measures.dtos.measures import DecisionRef, MeasureRead
from domain.measures import limits
from domain.measures.stage import Stage
from domain.measures.views import Timeline, TimelineEntry


class StageChangeRead(Dto):
    id: UUID
    sequence: int = Field(description="1, 2, 3 … per measure; 1 is the proposal.")
    from_stage: Stage | None = Field(description="null on the proposal.")
    to_stage: Stage
    at: datetime
    actor_person_id: UUID | None
    actor_name: str
    reason: str | None
    decision_id: UUID | None
    decision_label: str | None = Field(description="As the decision read when it was linked.")


class NoteRead(Dto):
    id: UUID
    measure_id: UUID
    at: datetime
    author_person_id: UUID | None
    author_name: str
    text: str


class NoteCreate(Input):
    text: str = fields.required_text(limits.TEXT_MAX)
    override_reason: str | None = fields.override_reason()


class TransitionCreate(Input):
    target: Stage
    reason: str | None = fields.text(
        limits.REASON_MAX, description="Required to reject or stop; recorded in the history."
    )
    decision_id: UUID | None = Field(
        default=None, description="To decide: a numbered decision of a coordinating body."
    )
    closing_note: str | None = fields.text(
        limits.TEXT_MAX, description="To conclude a measure whose evaluation is optional."
    )
    override_reason: str | None = fields.override_reason()


class TimelineEntryRead(Dto):
    kind: Literal["decision", "stage", "evaluation", "note"]
    at: datetime | date
    decision: DecisionRef | None
    stage_change: StageChangeRead | None
    evaluation: EvaluationRead | None
    note: NoteRead | None

    @classmethod
    def of(cls, e: TimelineEntry) -> Self:
        return cls(
            kind=e.kind,
            at=e.at,
            decision=DecisionRef.of(e.decision),
            stage_change=StageChangeRead.from_domain(e.stage_change) if e.stage_change else None,
            evaluation=EvaluationRead.of(e.evaluation) if e.evaluation else None,
            note=NoteRead.from_domain(e.note) if e.note else None,
        )


class TimelineRead(Dto):
    measure: MeasureRead
    entries: list[TimelineEntryRead] = Field(
        description="By time: the decision, stage changes, evaluations and notes interleaved."
    )

    @classmethod
    def of(cls, t: Timeline) -> Self:
        return cls(
            measure=MeasureRead.of(t.measure), entries=[TimelineEntryRead.of(e) for e in t.entries]
        )
