"""REST knowledge room: indicator definitions — list, create, read, change, delete (ETag/If-Match)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from api.rest.deps import IfMatchDep, set_etag
from api.rest.dtos import PageOf
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.inputs import CursorQ, Limit, QueryText, page_request
from api.rest.knowledge.deps import CallerDep
from api.rest.knowledge.dtos.indicators import IndicatorCreate, IndicatorRead, IndicatorUpdate
from api.rest.knowledge.dtos.vocab import Category, Source
from domain.knowledge import limits
from domain.knowledge.filters import IndicatorFilter
from domain.knowledge.model import Indicator

router = APIRouter(prefix="/api", tags=["knowledge"])
Search = Annotated[QueryText, Query(max_length=limits.NAME_MAX, description="In code or name.")]
Factor = Annotated[QueryText, Query(max_length=limits.CODE_MAX, description="A factor code.")]


def read(response: Response, i: Indicator) -> IndicatorRead:
    set_etag(response, i.version)
    return IndicatorRead.from_domain(i)


@router.get("/indicators", operation_id="knowledge-list-indicators", responses=READ_ERRORS)
async def list_indicators(
    call: CallerDep,
    category: Category | None = None,
    source: Source | None = None,
    factor: Factor = None,
    q: Search = None,
    limit: Limit = 50,
    cursor: CursorQ = None,
) -> PageOf[IndicatorRead]:
    """The unit's indicator definitions by code, filtered by category, source, factor or words
    of the code or name."""
    f = IndicatorFilter(category=category, source=source, factor=factor or None, search=q or None)
    page = await call.svc.indicators(call.p, f, page_request(limit, cursor))
    return PageOf[IndicatorRead](
        items=[IndicatorRead.from_domain(i) for i in page.items],
        total=page.total,
        next_cursor=page.next_cursor,
    )


@router.post(
    "/indicators",
    operation_id="knowledge-create-indicator",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def create_indicator(
    body: IndicatorCreate, call: CallerDep, response: Response
) -> IndicatorRead:
    """Define an indicator (409 indicator-code-taken when the unit has the code)."""
    i = await call.svc.create_indicator(call.p, body.to_draft())
    response.headers["Location"] = f"/api/indicators/{i.id}"
    return read(response, i)


@router.get("/indicators/{id}", operation_id="knowledge-get-indicator", responses=READ_ERRORS)
async def get_indicator(id: UUID, call: CallerDep, response: Response) -> IndicatorRead:
    """One indicator definition."""
    return read(response, await call.svc.indicator(call.p, id))


@router.patch("/indicators/{id}", operation_id="knowledge-update-indicator", responses=WRITE_ERRORS)
async def update_indicator(
    id: UUID, body: IndicatorUpdate, call: CallerDep, version: IfMatchDep, response: Response
) -> IndicatorRead:
    """Change an indicator definition (lists are sent whole). Requires If-Match."""
    i = await call.svc.update_indicator(call.p, id, body.to_change(), version)
    return read(response, i)


@router.delete(
    "/indicators/{id}",
    operation_id="knowledge-delete-indicator",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def delete_indicator(id: UUID, call: CallerDep, version: IfMatchDep) -> None:
    """Remove an indicator without observations (else 409 indicator-in-use). Requires If-Match."""
    await call.svc.delete_indicator(call.p, id, version)
