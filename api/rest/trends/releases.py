"""REST trends room: releasing a period (coordinator or unit admin), the unit's releases and its
pull log."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from api.rest.dtos import PageOf
from api.rest.errors import READ_ERRORS, responses
from api.rest.inputs import CursorQ, Limit, page_request
from api.rest.trends.deps import CallerDep
from api.rest.trends.dtos import PullRead, ReleaseCreate, ReleaseRead

router = APIRouter(prefix="/api/trends", tags=["trends"])


@router.post(
    "/releases",
    operation_id="trends-release",
    status_code=status.HTTP_201_CREATED,
    responses=responses(401, 403, 409, 422),
)
async def release(body: ReleaseCreate, call: CallerDep, response: Response) -> ReleaseRead:
    """Build, audit and freeze every table of the period's grain as its next revision (409
    period-not-ended for a period not over; 409 release-conflict when released at the same time)."""
    r = await call.svc.release(call.p, body.period)
    response.headers["Location"] = f"/api/trends/releases?period={r.period}&revision={r.revision}"
    return ReleaseRead.of(r)


@router.get("/releases", operation_id="trends-list-releases", responses=READ_ERRORS)
async def list_releases(call: CallerDep) -> list[ReleaseRead]:
    """The unit's releases with their audit and change log."""
    return [ReleaseRead.of(r) for r in await call.svc.releases(call.p)]


@router.get("/pulls", operation_id="trends-list-pulls", responses=READ_ERRORS)
async def list_pulls(
    call: CallerDep, limit: Limit = 50, cursor: CursorQ = None
) -> PageOf[PullRead]:
    """The unit's pull log, newest first: who pulled which table, period and revision, and how
    many cells it released (coordinator and unit admin)."""
    page = await call.svc.pulls(call.p, page_request(limit, cursor))
    return PageOf[PullRead](
        items=[PullRead.of(x) for x in page.items], total=page.total, next_cursor=page.next_cursor
    )
