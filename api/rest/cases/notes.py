"""REST cases room: case notes (each decided per reader) and the author's answers to the duty
prompts a note showed."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.cases.deps import CallerDep
from api.rest.cases.dtos.notes import CaseNoteCreate, CaseNoteRead, DutyAnswerCreate, DutyAnswerRead
from api.rest.errors import READ_ERRORS, WRITE_ERRORS

router = APIRouter(prefix="/api", tags=["cases"])


@router.get("/cases/{id}/notes", operation_id="cases-notes", responses=READ_ERRORS)
async def list_notes(id: UUID, call: CallerDep) -> list[CaseNoteRead]:
    """The case's notes, each shown or withheld for you (every one read is logged)."""
    return [CaseNoteRead.of(n) for n in await call.svc.notes(call.p, id)]


@router.post(
    "/cases/{id}/notes",
    operation_id="cases-add-note",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def add_note(
    id: UUID, body: CaseNoteCreate, call: CallerDep, response: Response
) -> CaseNoteRead:
    """Write a note from the organisation you represent on the case (its source regime). Tagged
    suspected abuse, neglect or serious crime, it answers ``dutyPrompts``: your personal duties,
    with guidance; answer them at /api/case-notes/{id}/duty-answers."""
    v = await call.svc.add_note(call.p, id, body.to_domain())
    response.headers["Location"] = f"/api/cases/{id}/notes"
    return CaseNoteRead.of(v)


@router.post(
    "/case-notes/{id}/duty-answers",
    operation_id="case-notes-answer-duty",
    responses=WRITE_ERRORS,
)
async def answer_duty(id: UUID, body: DutyAnswerCreate, call: CallerDep) -> DutyAnswerRead:
    """Your answer to a duty your note prompted (the system records it; it decides nothing)."""
    return DutyAnswerRead.from_domain(
        await call.svc.answer_duty(call.p, id, body.duty, body.answer)
    )
