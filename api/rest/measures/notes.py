"""REST measures room: a measure's progress notes (append-only, newest first)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.measures.deps import CallerDep
from api.rest.measures.dtos.records import NoteCreate, NoteRead

router = APIRouter(prefix="/api", tags=["measures"])


@router.get("/measures/{id}/notes", operation_id="measures-notes", responses=READ_ERRORS)
async def list_notes(id: UUID, call: CallerDep) -> list[NoteRead]:
    """The measure's progress notes, newest first."""
    return [NoteRead.from_domain(n) for n in await call.svc.progress_notes(call.p, id)]


@router.post(
    "/measures/{id}/notes",
    operation_id="measures-add-note",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def add_note(id: UUID, body: NoteCreate, call: CallerDep, response: Response) -> NoteRead:
    """Add a progress note (never changed afterwards). Free-text guard: 422
    personal-data-found unless ``overrideReason``."""
    n = await call.svc.add_progress_note(call.p, id, body.text, body.override_reason)
    response.headers["Location"] = f"/api/measures/{id}/notes"
    return NoteRead.from_domain(n)
