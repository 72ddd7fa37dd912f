"""REST measures room: a measure's evaluations — planned when it becomes active, completed with
findings and a conclusion; removed only while not completed."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.deps import IfMatchDep, set_etag
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.measures.deps import CallerDep
from api.rest.measures.dtos.evaluations import EvaluationCreate, EvaluationRead, EvaluationUpdate
from domain.measures.evaluation import Evaluation

router = APIRouter(prefix="/api", tags=["evaluations"])
# ``{id:uuid}``: ``/api/evaluations/due`` and ``/reminders`` are never read as an id.


def read(response: Response, e: Evaluation) -> EvaluationRead:
    set_etag(response, e.version)
    return EvaluationRead.of(e)


@router.get("/measures/{id}/evaluations", operation_id="evaluations-list", responses=READ_ERRORS)
async def list_evaluations(id: UUID, call: CallerDep) -> list[EvaluationRead]:
    """The measure's evaluations by due date (none last)."""
    return [EvaluationRead.of(e) for e in await call.svc.evaluations_of(call.p, id)]


@router.post(
    "/measures/{id}/evaluations",
    operation_id="evaluations-add",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def add_evaluation(
    id: UUID, body: EvaluationCreate, call: CallerDep, response: Response
) -> EvaluationRead:
    """Add an evaluation to a measure (a conclusion needs findings). Free-text guard on the
    findings: 422 personal-data-found unless ``overrideReason``."""
    e = await call.svc.add_evaluation(call.p, id, body.to_changes(), body.override_reason)
    response.headers["Location"] = f"/api/evaluations/{e.id}"
    return read(response, e)


@router.get("/evaluations/{id:uuid}", operation_id="evaluations-get", responses=READ_ERRORS)
async def get_evaluation(id: UUID, call: CallerDep, response: Response) -> EvaluationRead:
    """One evaluation."""
    return read(response, await call.svc.get_evaluation(call.p, id))


@router.patch("/evaluations/{id:uuid}", operation_id="evaluations-update", responses=WRITE_ERRORS)
async def update_evaluation(
    id: UUID, body: EvaluationUpdate, call: CallerDep, version: IfMatchDep, response: Response
) -> EvaluationRead:
    """Change an evaluation; setting a conclusion completes it (``completedOn`` today unless
    given). Requires If-Match."""
    e = await call.svc.update_evaluation(
        call.p, id, body.to_changes(), version, body.override_reason
    )
    return read(response, e)


@router.delete(
    "/evaluations/{id:uuid}",
    operation_id="evaluations-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def delete_evaluation(id: UUID, call: CallerDep, version: IfMatchDep) -> None:
    """Remove an evaluation that is not completed. Requires If-Match."""
    await call.svc.delete_evaluation(call.p, id, version)
