"""REST trends room: the catalogue and pulling one frozen table — the stored bytes as they were
released (ETag = sha256, never cached: every pull is logged), no ad-hoc filters."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from api.rest.errors import responses
from api.rest.trends.deps import CallerDep
from api.rest.trends.dtos import PERIOD, CatalogueRead
from domain.trends.queries import refuse_filters

router = APIRouter(prefix="/api/trends", tags=["trends"])

TableCode = Annotated[str, Path(max_length=64, description="A table code from the catalogue.")]
PeriodQ = Annotated[str, Query(min_length=4, max_length=16, description=PERIOD)]
UnitQ = Annotated[UUID | None, Query(description="The unit; default the caller's own.")]
RevisionQ = Annotated[int | None, Query(ge=1, le=1_000_000, description="Default: the latest.")]
FormatQ = Annotated[
    Literal["json", "csv"] | None,
    Query(description="Default json, or csv when the Accept header asks for text/csv."),
]
PULL_RESPONSES = {
    **responses(400, 401, 403, 404, 422),
    200: {
        "description": "The frozen body, byte-identical on every pull.",
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "text/csv": {"schema": {"type": "string"}},
        },
        "headers": {"ETag": {"description": "The body's sha256.", "schema": {"type": "string"}}},
    },
}


@router.get("", operation_id="trends-catalogue", responses=responses(401, 403))
async def catalogue(call: CallerDep) -> CatalogueRead:
    """The fixed TREND-A tables and the units the caller may pull from with their released
    periods (a police system: the units of its district that registered it)."""
    return CatalogueRead.of(await call.svc.catalogue(call.p))


async def no_filters(request: Request, _: CallerDep) -> None:
    """After authentication, before any parameter is validated: the domain's filter rule over
    every parameter as sent (repeats included)."""
    refuse_filters(name for name, _ in request.query_params.multi_items())


def _format(asked: str | None, accept: str) -> str:
    if asked is not None:
        return asked
    return "csv" if "text/csv" in accept.lower() else "json"


@router.get(
    "/{table}",
    operation_id="trends-pull",
    responses=PULL_RESPONSES,
    response_class=Response,
    dependencies=[Depends(no_filters)],
)
async def pull(
    table: TableCode,
    request: Request,
    call: CallerDep,
    period: PeriodQ,
    unit: UnitQ = None,
    revision: RevisionQ = None,
    format: FormatQ = None,
) -> Response:
    """One table of a released period (latest revision unless asked) as stored when it was
    released; the pull is logged in the unit's pull log. Any other query parameter is an
    ad-hoc filter: 400 trend-filter-refused. A unit the caller may not read: 404."""
    fmt = _format(format, request.headers.get("accept", ""))
    body = await call.svc.pull(call.p, table, unit, period, revision, fmt)
    return Response(
        body.content,
        media_type=body.media_type,
        headers={
            "ETag": f'"{body.etag}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )
