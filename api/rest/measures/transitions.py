"""REST measures room: the lifecycle — a stage change (guarded by the edge table's preconditions),
the append-only history, and the timeline from decision to evaluations."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response

from api.rest.deps import IfMatchDep
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.measures.deps import CallerDep
from api.rest.measures.dtos.measures import MeasureRead
from api.rest.measures.dtos.records import StageChangeRead, TimelineRead, TransitionCreate
from api.rest.measures.measures import read

router = APIRouter(prefix="/api", tags=["measures"])


@router.post(
    "/measures/{id}/transitions", operation_id="measures-transition", responses=WRITE_ERRORS
)
async def transition(
    id: UUID, body: TransitionCreate, call: CallerDep, version: IfMatchDep, response: Response
) -> MeasureRead:
    """Move the measure to ``target``. An unmet precondition is a 409 illegal-transition whose
    ``preconditionCodes`` name each one; a concurrent change is a 412. Requires If-Match."""
    v = await call.svc.transition(
        call.p,
        id,
        body.target,
        version,
        reason=body.reason,
        decision_id=body.decision_id,
        closing_note=body.closing_note,
        override_reason=body.override_reason,
    )
    return read(response, v)


@router.get("/measures/{id}/history", operation_id="measures-history", responses=READ_ERRORS)
async def history(id: UUID, call: CallerDep) -> list[StageChangeRead]:
    """Every stage change, first the proposal: who, when, why, which decision."""
    return [StageChangeRead.from_domain(c) for c in await call.svc.history(call.p, id)]


@router.get("/measures/{id}/timeline", operation_id="measures-timeline", responses=READ_ERRORS)
async def timeline(id: UUID, call: CallerDep) -> TimelineRead:
    """The measure with its decision, stage changes, evaluations and notes in time order."""
    return TimelineRead.of(await call.svc.timeline(call.p, id))
