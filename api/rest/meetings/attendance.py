"""REST meetings room: attendance — who was present, absent (with or without notice), substitutes."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path

from api.rest.deps import PrincipalDep
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.meetings.deps import ServiceDep
from api.rest.meetings.dtos.attendance import AttendanceRead, AttendanceSet

router = APIRouter(prefix="/api", tags=["attendance"])

PersonId = Annotated[UUID, Path(alias="personId", description="The person attending.")]


@router.get("/meetings/{id}/attendance", operation_id="attendance-list", responses=READ_ERRORS)
async def list_attendance(id: UUID, p: PrincipalDep, svc: ServiceDep) -> list[AttendanceRead]:
    """Everyone's recorded attendance at the meeting."""
    return [AttendanceRead.from_domain(a) for a in await svc.attendance(p, id)]


@router.put(
    "/meetings/{id}/attendance/{personId}",
    operation_id="attendance-record",
    responses=WRITE_ERRORS,
)
async def record_attendance(
    id: UUID, person_id: PersonId, body: AttendanceSet, p: PrincipalDep, svc: ServiceDep
) -> AttendanceRead:
    """Set one person's attendance (one row per person: recording again replaces it)."""
    x = await svc.record_attendance(p, id, person_id=person_id, **body.model_dump())
    return AttendanceRead.from_domain(x)
