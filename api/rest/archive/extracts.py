"""REST archive room: the Noark 5 deposit extract — start a job for a period, follow its progress,
download the zip. The job runs as a task of its own (its own connections, not the request's)."""

from __future__ import annotations

import asyncio
import contextvars
import logging
from urllib.parse import quote
from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.archive.deps import CallerDep
from api.rest.archive.dtos import ExtractCreate, ExtractJobRead
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from domain.archive.service import ArchiveService

router = APIRouter(prefix="/api/archive", tags=["archive"])
log = logging.getLogger("samordna.archive")
_RUNNING: set[asyncio.Task[object]] = set()  # held so a running job is not collected


async def _run(svc: ArchiveService, unit_id: UUID, job_id: UUID) -> object:
    try:
        return await svc.run_extract(unit_id, job_id)
    except Exception:  # run_extract records failures on the job; this is the last resort
        log.exception("archive extract job failed")
        return None


def spawn(svc: ArchiveService, unit_id: UUID, job_id: UUID) -> None:
    """Run the job outside the request's context: it takes connections of its own."""
    task = asyncio.create_task(_run(svc, unit_id, job_id), context=contextvars.Context())
    _RUNNING.add(task)
    task.add_done_callback(_RUNNING.discard)


@router.post(
    "/extracts",
    operation_id="archive-extracts-start",
    status_code=status.HTTP_202_ACCEPTED,
    responses=WRITE_ERRORS,
)
async def start_extract(body: ExtractCreate, call: CallerDep, response: Response) -> ExtractJobRead:
    """Start a deposit extract (arkivuttrekk) of the unit's finished records whose date lies in
    [from, to]; follow it at ``Location``."""
    job = await call.svc.start_extract(call.p, body.start, body.end)
    spawn(call.svc, job.unit_id, job.id)
    response.headers["Location"] = f"/api/archive/extracts/{job.id}"
    return ExtractJobRead.of(job)


@router.get("/extracts/{id}", operation_id="archive-extracts-get", responses=READ_ERRORS)
async def get_extract(id: UUID, call: CallerDep) -> ExtractJobRead:
    """The job: queued, running (done of total records), done (size) or failed."""
    return ExtractJobRead.of(await call.svc.extract_job(call.p, id))


@router.get(
    "/extracts/{id}/download",
    operation_id="archive-extracts-download",
    responses={
        **READ_ERRORS,
        200: {
            "description": "The deposit extract as a zip.",
            "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
        },
    },
    response_class=Response,
)
async def download_extract(id: UUID, call: CallerDep) -> Response:
    """The finished zip (arkivstruktur.xml, arkivuttrekk.xml, endringslogg.xml, the XSDs and
    DOKUMENT/); 404 until the job is done."""
    job, content = await call.svc.extract_content(call.p, id)
    name = job.filename
    return Response(
        content,
        media_type="application/zip",
        headers={
            "Content-Disposition": f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}",
            "X-Content-Type-Options": "nosniff",
        },
    )
