"""REST cases room: the case itself — my cases, open one, read it (every item shown or withheld),
change it, close it, delete it (retention), and the cases due for deletion."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.cases.deps import CallerDep
from api.rest.cases.dtos.cases import (
    CaseCreate,
    CaseRead,
    CaseSummaryRead,
    CaseUpdate,
    ClosureCreate,
)
from api.rest.cases.dtos.records import RetentionDueRead
from api.rest.deps import IfMatchDep, set_etag
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from domain.cases.views import CaseView

router = APIRouter(prefix="/api", tags=["cases"])
# ``{id:uuid}``: /api/cases/retention is never read as an id.


def read(response: Response, v: CaseView) -> CaseRead:
    set_etag(response, v.case.version)
    return CaseRead.of(v)


@router.get("/cases", operation_id="cases-list", responses=READ_ERRORS)
async def my_cases(call: CallerDep) -> list[CaseSummaryRead]:
    """The cases whose team you are on (nobody else sees that a case exists)."""
    return [CaseSummaryRead.of(s) for s in await call.svc.my_cases(call.p)]


@router.post(
    "/cases",
    operation_id="cases-open",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def open_case(body: CaseCreate, call: CallerDep, response: Response) -> CaseRead:
    """Open a case on an executive body where you have a seat; you become its lead. A steering
    or coordinating body is a 409 case-body-not-executive."""
    v = await call.svc.open_case(call.p, body.to_domain())
    response.headers["Location"] = f"/api/cases/{v.case.id}"
    return read(response, v)


@router.get("/cases/retention", operation_id="cases-retention", responses=READ_ERRORS)
async def retention_due(call: CallerDep) -> list[RetentionDueRead]:
    """Closed cases past the unit's retention period (the unit admin's and the leads')."""
    return [RetentionDueRead.of(r) for r in await call.svc.retention_due(call.p)]


@router.get("/cases/{id:uuid}", operation_id="cases-get", responses=READ_ERRORS)
async def get_case(id: UUID, call: CallerDep, response: Response) -> CaseRead:
    """The case: each item shown with why you may see it, or withheld with the reason. Every
    item read is logged. Not on the team (and no break-glass): 404."""
    return read(response, await call.svc.case_view(call.p, id))


@router.patch("/cases/{id:uuid}", operation_id="cases-update", responses=WRITE_ERRORS)
async def update_case(
    id: UUID, body: CaseUpdate, call: CallerDep, version: IfMatchDep, response: Response
) -> CaseRead:
    """Change the kind or dates (the case lead). Requires If-Match."""
    return read(response, await call.svc.update_case(call.p, id, body.to_changes(), version))


@router.post("/cases/{id:uuid}/closure", operation_id="cases-close", responses=WRITE_ERRORS)
async def close_case(
    id: UUID, body: ClosureCreate, call: CallerDep, version: IfMatchDep, response: Response
) -> CaseRead:
    """Close the case with a reason (the case lead). Requires If-Match."""
    return read(response, await call.svc.close_case(call.p, id, body.reason, version))


@router.delete(
    "/cases/{id:uuid}",
    operation_id="cases-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def delete_case(id: UUID, call: CallerDep, version: IfMatchDep) -> None:
    """Delete a closed case for good (retention; the lead or the unit admin): only a
    de-identified statistics row and the access-log entry remain. Requires If-Match."""
    await call.svc.delete_case(call.p, id, version)
