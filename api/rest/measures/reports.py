"""REST measures room: an evaluation's report — uploaded as the raw request body (PDF, DOCX or
ODT, judged by its bytes, never by the name or Content-Type), read up to the limit and refused
beyond it before the rest is read; downloaded as an attachment of the stored type."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response

from api.rest.deps import IfMatchDep, set_etag
from api.rest.errors import READ_ERRORS, responses
from api.rest.inputs import QueryText
from api.rest.measures.deps import CallerDep
from api.rest.measures.dtos.evaluations import EvaluationRead
from domain.measures import policies
from domain.measures.errors import ReportTooLarge
from domain.measures.limits import FILENAME_MAX, REPORT_MAX_BYTES
from domain.measures.reports import DOCX, ODT, PDF
from domain.shared.policies import require

router = APIRouter(prefix="/api", tags=["evaluations"])

MEDIA_TYPES = (PDF, DOCX, ODT)
# The body limit middleware lets this path stream up to the report limit (and no further).
UPLOADS = ((r"/api/evaluations/[^/]+/report", REPORT_MAX_BYTES),)
UPLOAD_ERRORS = responses(401, 403, 404, 409, 412, 413, 415, 422, 428)
Filename = Annotated[
    QueryText,
    Query(max_length=FILENAME_MAX, description="Shown on download; not trusted for the type."),
]
BINARY = {"schema": {"type": "string", "format": "binary"}}
REPORT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": f"The report: PDF, DOCX or ODT, at most {REPORT_MAX_BYTES} bytes.",
        "content": dict.fromkeys((*MEDIA_TYPES, "application/octet-stream"), BINARY),
    }
}


def _too_large() -> ReportTooLarge:
    return ReportTooLarge(f"A report may be at most 20 MiB ({REPORT_MAX_BYTES} bytes).")


async def _body(request: Request) -> bytes:
    """The body, read chunk by chunk and abandoned as soon as it passes the limit."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > REPORT_MAX_BYTES:
        raise _too_large()
    chunks, seen = [], 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > REPORT_MAX_BYTES:
            raise _too_large()
        chunks.append(chunk)
    return b"".join(chunks)


@router.put(
    "/evaluations/{id}/report",
    operation_id="evaluations-upload-report",
    responses=UPLOAD_ERRORS,
    openapi_extra=REPORT_BODY,
)
async def upload_report(
    id: UUID,
    request: Request,
    call: CallerDep,
    version: IfMatchDep,
    response: Response,
    filename: Filename = None,
) -> EvaluationRead:
    """Attach (or replace) the evaluation's report: PDF, DOCX or ODT of at most 20 MiB.
    Requires If-Match."""
    # A caller who reads no measures is refused before a byte is read (the use case decides
    # whether this reader may follow the measure up).
    require(policies.can_read(call.p), "attach an evaluation's report")
    content = await _body(request)
    e = await call.svc.attach_report(call.p, id, filename, content, version)
    set_etag(response, e.version)
    return EvaluationRead.of(e)


def disposition(filename: str) -> str:
    """RFC 6266: an ASCII fallback and the UTF-8 name."""
    ascii_name = filename.encode("ascii", "replace").decode()
    for unsafe in '?"\\':  # a quote or backslash would end or escape the quoted fallback
        ascii_name = ascii_name.replace(unsafe, "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


@router.get(
    "/evaluations/{id}/report",
    operation_id="evaluations-download-report",
    responses={
        **READ_ERRORS,
        200: {"description": "The report.", "content": dict.fromkeys(MEDIA_TYPES, BINARY)},
    },
    response_class=Response,
)
async def download_report(id: UUID, call: CallerDep) -> Response:
    """The report, as an attachment of its stored type."""
    info, content = await call.svc.report(call.p, id)
    return Response(
        content,
        media_type=info.media_type,
        headers={
            "Content-Disposition": disposition(info.filename),
            "X-Content-Type-Options": "nosniff",
        },
    )
