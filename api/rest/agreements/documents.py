"""REST: the agreement's signed document — uploaded as the raw request body (a PDF, judged by its
bytes, never by the name or Content-Type), read up to the limit and refused beyond it before
the rest is read; downloaded as an attachment of the stored type."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote
from uuid import UUID

from fastapi import APIRouter, Query, Request, Response, status

from api.rest.agreements.deps import ServiceDep
from api.rest.agreements.dtos import AgreementRead
from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.errors import READ_ERRORS, responses
from api.rest.inputs import QueryText
from domain.agreements import limits
from domain.agreements.document import too_large

router = APIRouter(prefix="/api", tags=["agreements"])

# The body limit middleware lets this path stream up to the document limit (and no further).
UPLOADS = ((r"/api/agreements/[^/]+/document", limits.DOCUMENT_MAX_BYTES),)
UPLOAD_ERRORS = responses(401, 403, 404, 409, 412, 413, 415, 422, 428)
Filename = Annotated[
    QueryText,
    Query(
        max_length=limits.FILENAME_MAX, description="Shown on download; not trusted for the type."
    ),
]
PDF_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": f"The signed PDF, at most {limits.DOCUMENT_MAX_BYTES} bytes.",
        "content": {
            media: {"schema": {"type": "string", "format": "binary"}}
            for media in (limits.PDF_MEDIA_TYPE, "application/octet-stream")
        },
    }
}


async def _body(request: Request) -> bytes:
    """The body, read chunk by chunk and abandoned as soon as it passes the limit."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.DOCUMENT_MAX_BYTES:
        raise too_large()
    chunks, seen = [], 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > limits.DOCUMENT_MAX_BYTES:
            raise too_large()
        chunks.append(chunk)
    return b"".join(chunks)


@router.put(
    "/agreements/{id}/document",
    operation_id="agreements-upload-document",
    responses=UPLOAD_ERRORS,
    openapi_extra=PDF_BODY,
)
async def upload_document(
    id: UUID,
    request: Request,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
    filename: Filename = None,
) -> AgreementRead:
    """Attach (or replace) the signed document: a PDF of at most 20 MB. Requires If-Match."""
    svc.may_upload(p)  # a caller who may not upload is refused before a byte is read
    a = await svc.upload_document(p, id, await _body(request), filename, version)
    set_etag(response, a.version)
    return AgreementRead.of(a, svc.today())


def disposition(filename: str) -> str:
    """RFC 6266: an ASCII fallback and the UTF-8 name."""
    ascii_name = filename.encode("ascii", "replace").decode()
    # A quote or backslash would end or escape the quoted fallback early.
    for unsafe in '?"\\':
        ascii_name = ascii_name.replace(unsafe, "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


@router.get(
    "/agreements/{id}/document",
    operation_id="agreements-download-document",
    responses={
        **READ_ERRORS,
        200: {
            "description": "The signed document.",
            "content": {limits.PDF_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}},
        },
    },
    response_class=Response,
)
async def download_document(id: UUID, p: PrincipalDep, svc: ServiceDep) -> Response:
    """The signed document, as an attachment of its stored type."""
    info, content = await svc.download_document(p, id)
    return Response(
        content,
        media_type=info.media_type,
        headers={
            "Content-Disposition": disposition(info.filename),
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.delete(
    "/agreements/{id}/document",
    operation_id="agreements-remove-document",
    status_code=status.HTTP_200_OK,
    responses=responses(401, 403, 404, 409, 412, 422, 428),
)
async def remove_document(
    id: UUID, p: PrincipalDep, svc: ServiceDep, version: IfMatchDep, response: Response
) -> AgreementRead:
    """Detach the signed document. Requires If-Match."""
    a = await svc.remove_document(p, id, version)
    set_etag(response, a.version)
    return AgreementRead.of(a, svc.today())
