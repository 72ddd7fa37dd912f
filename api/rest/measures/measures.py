"""REST measures room: the measure itself — list, propose, read, change and delete (while proposed)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.deps import IfMatchDep, set_etag
from api.rest.dtos import PageOf
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.inputs import CursorQ, Limit, page_request
from api.rest.measures.deps import CallerDep
from api.rest.measures.dtos.measure_inputs import MeasureCreate, MeasureUpdate
from api.rest.measures.dtos.measures import MeasureRead
from api.rest.measures.filters import FilterDep
from domain.measures.views import MeasureView

router = APIRouter(prefix="/api", tags=["measures"])
# ``{id:uuid}``: the fixed siblings (board, portfolio, attention, export.csv) are never read as an
# id, so another method on them is a 405 with their own Allow header, not a 422 of this route.


def read(response: Response, v: MeasureView) -> MeasureRead:
    set_etag(response, v.measure.version)
    return MeasureRead.of(v)


@router.get("/measures", operation_id="measures-list", responses=READ_ERRORS)
async def list_measures(
    call: CallerDep, f: FilterDep, limit: Limit = 50, cursor: CursorQ = None
) -> PageOf[MeasureRead]:
    """The unit's measures by title, filtered by stage (repeatable), tier, focus area, goal,
    owner, without owner, or words of the title."""
    page = await call.svc.list_measures(call.p, f, page_request(limit, cursor))
    return PageOf[MeasureRead](
        items=[MeasureRead.of(v) for v in page.items],
        total=page.total,
        next_cursor=page.next_cursor,
    )


@router.post(
    "/measures",
    operation_id="measures-propose",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def propose_measure(body: MeasureCreate, call: CallerDep, response: Response) -> MeasureRead:
    """Propose a measure (stage proposed; the history's first entry). Free-text guard: 422
    personal-data-found unless ``overrideReason``."""
    v = await call.svc.propose_measure(call.p, body.to_changes(), body.override_reason)
    response.headers["Location"] = f"/api/measures/{v.measure.id}"
    return read(response, v)


@router.get("/measures/{id:uuid}", operation_id="measures-get", responses=READ_ERRORS)
async def get_measure(id: UUID, call: CallerDep, response: Response) -> MeasureRead:
    """One measure, with where it may go next, why evaluation is required and its progress."""
    return read(response, await call.svc.get_measure(call.p, id))


@router.patch("/measures/{id:uuid}", operation_id="measures-update", responses=WRITE_ERRORS)
async def update_measure(
    id: UUID, body: MeasureUpdate, call: CallerDep, version: IfMatchDep, response: Response
) -> MeasureRead:
    """Change a measure's fields (lists are sent whole). The stage changes only through
    transitions. Requires If-Match."""
    v = await call.svc.update_measure(call.p, id, body.to_changes(), version, body.override_reason)
    return read(response, v)


@router.delete(
    "/measures/{id:uuid}",
    operation_id="measures-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def delete_measure(id: UUID, call: CallerDep, version: IfMatchDep) -> None:
    """Remove a measure while it is proposed (later: 409 measure-in-lifecycle; stop or reject it
    instead). Requires If-Match."""
    await call.svc.delete_measure(call.p, id, version)
