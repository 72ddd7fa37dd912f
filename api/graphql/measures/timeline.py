"""GraphQL, measures context: a measure's timeline — its decision, stage changes, evaluations and
progress notes interleaved by time, each entry carrying the one record its kind names."""

from __future__ import annotations

import strawberry

from api.graphql.measures.records import Evaluation, LinkedDecision, ProgressNote, StageChange
from domain.measures import views as dv


@strawberry.type
class TimelineEntry:
    kind: str = strawberry.field(description="decision | stage | evaluation | note")
    at: str = strawberry.field(
        description="ISO 8601: a date-time for stage changes and notes; a date for the decision "
        "(its meeting's day) and evaluations (completed or due; 9999-12-31 when neither is set)."
    )
    decision: LinkedDecision | None
    stage_change: StageChange | None
    evaluation: Evaluation | None
    note: ProgressNote | None

    @classmethod
    def of(cls, e: dv.TimelineEntry) -> TimelineEntry:
        return cls(
            kind=e.kind,
            at=e.at.isoformat(),
            decision=LinkedDecision.of(e.decision) if e.decision else None,
            stage_change=StageChange.of(e.stage_change) if e.stage_change else None,
            evaluation=Evaluation.of(e.evaluation) if e.evaluation else None,
            note=ProgressNote.of(e.note) if e.note else None,
        )
