"""REST knowledge room: bulk imports — the multipart upload (streamed to the spool, never held
whole), the job resource (status, progress, result, error, ignored columns), history, commit and
rollback (If-Match). The job runs on the app's import runner; clients poll ``Location``."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, Response, status

from api.rest.deps import IfMatchDep, set_etag
from api.rest.dtos import PageOf
from api.rest.errors import READ_ERRORS, WRITE_ERRORS, responses
from api.rest.inputs import CursorQ, Limit, page_request
from api.rest.knowledge.deps import CallerDep
from api.rest.knowledge.dtos.imports import ImportJobRead
from api.rest.knowledge.form import FIELD_MAX, upload_form
from api.rest.knowledge.multipart import FormStream
from domain.knowledge import policies
from domain.knowledge.errors import FileProblem, FileRejected
from domain.knowledge.model import ImportFormat, ImportJob, ImportKind, ImportMode
from domain.shared.policies import require

router = APIRouter(prefix="/api", tags=["imports"])

FORM_SLACK = 1024 * 1024  # the form's fields and part headers around the file
UPLOAD_ERRORS = responses(401, 403, 409, 413, 422)


def uploads(max_bytes: int) -> tuple[tuple[str, int], ...]:
    """The body limit middleware lets the upload stream up to the import limit and its form;
    the spool refuses the file itself past ``max_bytes`` (``import-too-large``)."""
    return ((r"/api/imports", max_bytes + 2 * FORM_SLACK),)


UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "multipart/form-data; the text fields first, then the file.",
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["kind", "file"],
                    "properties": {
                        "kind": {"type": "string", "enum": [k.value for k in ImportKind]},
                        "format": {
                            "type": "string",
                            "enum": [f.value for f in ImportFormat],
                            "description": "Left out: from the file name's extension.",
                        },
                        "source": {
                            "type": "string",
                            "maxLength": 100,
                            "description": "The source's name: its saved mapping applies.",
                        },
                        "mapping": {
                            "type": "string",
                            "description": "JSON object: target column → the file's header.",
                        },
                        "mode": {
                            "type": "string",
                            "enum": [m.value for m in ImportMode],
                            "default": "preview",
                        },
                        "file": {"type": "string", "format": "binary"},
                    },
                },
                "encoding": {"file": {"contentType": "application/octet-stream"}},
            }
        },
    }
}


def _max_bytes(request: Request) -> int:
    return int(request.app.state.container.settings.import_max_bytes)


def _schedule(request: Request, job: ImportJob) -> None:
    request.app.state.container.import_runner.schedule(job)


def read(response: Response, job: ImportJob) -> ImportJobRead:
    set_etag(response, job.version)
    return ImportJobRead.of(job)


@router.post(
    "/imports",
    operation_id="imports-upload",
    status_code=status.HTTP_202_ACCEPTED,
    responses=UPLOAD_ERRORS,
    openapi_extra=UPLOAD_BODY,
)
async def upload(request: Request, call: CallerDep, response: Response) -> ImportJobRead:
    """Upload a file to import (CSV, JSON Lines or XLSX): a preview (default) or a commit job
    runs in the background. The header is checked at once (422 import-columns); poll the job at
    ``Location`` until it is previewed, committed or failed."""
    require(policies.can_import(call.p), "import")  # refused before a byte is read
    limit = _max_bytes(request)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + FORM_SLACK:
        raise FileRejected(FileProblem.TOO_LARGE, f"A file may be at most {limit} bytes.")
    form = FormStream(request, FIELD_MAX)
    f = upload_form(await form.fields(), form.filename or "")
    job = await call.svc.upload(
        call.p, f.kind, f.format, f.filename, form.file_chunks(), f.mapping, f.source_name, f.mode
    )
    _schedule(request, job)
    response.headers["Location"] = f"/api/imports/{job.id}"
    return read(response, job)


@router.get("/imports", operation_id="imports-list", responses=READ_ERRORS)
async def list_imports(
    call: CallerDep, limit: Limit = 50, cursor: CursorQ = None
) -> PageOf[ImportJobRead]:
    """The unit's import history, newest first."""
    page = await call.svc.jobs(call.p, page_request(limit, cursor))
    return PageOf[ImportJobRead](
        items=[ImportJobRead.of(j) for j in page.items],
        total=page.total,
        next_cursor=page.next_cursor,
    )


@router.get("/imports/{id}", operation_id="imports-get", responses=READ_ERRORS)
async def get_import(id: UUID, call: CallerDep, response: Response) -> ImportJobRead:
    """One import job: status, progress, result, the file-level error, ignored columns."""
    return read(response, await call.svc.job(call.p, id))


@router.post(
    "/imports/{id}/commit",
    operation_id="imports-commit",
    status_code=status.HTTP_202_ACCEPTED,
    responses=WRITE_ERRORS,
)
async def commit_import(
    id: UUID, request: Request, call: CallerDep, version: IfMatchDep, response: Response
) -> ImportJobRead:
    """Commit a previewed import without row errors: it runs again on the same file and
    writes (409 import-not-ready otherwise). Requires If-Match."""
    job = await call.svc.commit(call.p, id, version)
    _schedule(request, job)
    return read(response, job)


@router.post(
    "/imports/{id}/retry",
    operation_id="imports-retry",
    status_code=status.HTTP_202_ACCEPTED,
    responses=WRITE_ERRORS,
)
async def retry_import(
    id: UUID, request: Request, call: CallerDep, version: IfMatchDep, response: Response
) -> ImportJobRead:
    """Run an interrupted import again on its kept file (nothing of it was written; 409
    import-not-ready otherwise). Requires If-Match."""
    job = await call.svc.retry(call.p, id, version)
    _schedule(request, job)
    return read(response, job)


@router.post("/imports/{id}/rollback", operation_id="imports-rollback", responses=WRITE_ERRORS)
async def rollback_import(
    id: UUID, call: CallerDep, version: IfMatchDep, response: Response
) -> ImportJobRead:
    """Undo a committed import: rows it inserted go, rows it updated get their previous
    values. Only the latest committed import of its kind (409 import-not-latest names the
    later one). Requires If-Match."""
    return read(response, await call.svc.rollback(call.p, id, version))
