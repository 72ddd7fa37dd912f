"""REST knowledge room: an import's row errors — a JSON page and the whole report as CSV
(an attachment; quoted values are never logged)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response

from api.rest.errors import READ_ERRORS
from api.rest.inputs import CursorQ, Limit, page_request
from api.rest.knowledge.deps import CallerDep
from api.rest.knowledge.dtos.imports import RowErrorPage, RowErrorRead

router = APIRouter(prefix="/api", tags=["imports"])
CSV = "text/csv; charset=utf-8"


@router.get("/imports/{id}/errors", operation_id="imports-errors", responses=READ_ERRORS)
async def import_errors(
    id: UUID, call: CallerDep, limit: Limit = 50, cursor: CursorQ = None
) -> RowErrorPage:
    """The job's row errors by row and column (it keeps the first 1000; ``errorCount`` counts
    them all). Only those who may import see them: they quote cells of the file."""
    page = await call.svc.errors(call.p, id, page_request(limit, cursor))
    job = await call.svc.job(call.p, id)
    return RowErrorPage(
        items=[RowErrorRead.from_domain(e) for e in page.items],
        total=page.total,
        error_count=job.result.error_count if job.result else page.total,
        next_cursor=page.next_cursor,
    )


@router.get(
    "/imports/{id}/errors.csv",
    operation_id="imports-error-report",
    responses={
        **READ_ERRORS,
        200: {
            "description": "The error report: row, column, value, code, message.",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        },
    },
    response_class=Response,
)
async def error_report(id: UUID, call: CallerDep) -> Response:
    """The row errors as a CSV attachment (UTF-8 with BOM, ``;``-separated: opens in Excel)."""
    content = await call.svc.error_report_csv(call.p, id)
    return Response(
        content,
        media_type=CSV,
        headers={
            "Content-Disposition": f'attachment; filename="import-{id}-errors.csv"',
            "X-Content-Type-Options": "nosniff",
        },
    )
