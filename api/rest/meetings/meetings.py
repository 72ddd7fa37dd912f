"""REST meetings room: the meeting itself — a body's meetings, plan, read, change, hold, cancel, quorum."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.dtos import PageOf
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.inputs import CursorQ, Limit, page_request
from api.rest.meetings.deps import ServiceDep
from api.rest.meetings.dtos.meetings import (
    MeetingCancel,
    MeetingCreate,
    MeetingRead,
    MeetingUpdate,
    QuorumRead,
)
from api.rest.meetings.listing import page_of
from domain.meetings.meeting import Meeting
from domain.meetings.service import MeetingChanges
from domain.meetings.status import MeetingStatus

router = APIRouter(prefix="/api", tags=["meetings"])

Year = Annotated[int | None, Query(ge=2000, le=2100, description="Only meetings in this year.")]


def read(response: Response, m: Meeting) -> MeetingRead:
    set_etag(response, m.version)
    return MeetingRead.from_domain(m)


@router.get("/meetings", operation_id="meetings-list", responses=READ_ERRORS)
async def list_meetings(
    p: PrincipalDep,
    svc: ServiceDep,
    body_id: Annotated[UUID, Query(alias="bodyId", description="The body whose meetings.")],
    year: Year = None,
    status: MeetingStatus | None = None,
    limit: Limit = 50,
    cursor: CursorQ = None,
) -> PageOf[MeetingRead]:
    """A body's meetings by start time, optionally of one year or in one status. Another unit's
    body has none (as through GraphQL)."""
    req = page_request(limit, cursor)
    page = page_of(await svc.meetings_of_body(p, body_id), year=year, status=status, request=req)
    return PageOf[MeetingRead].from_domain(page)


@router.post(
    "/meetings",
    operation_id="meetings-create",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def plan_meeting(
    body: MeetingCreate, p: PrincipalDep, svc: ServiceDep, response: Response
) -> MeetingRead:
    """Plan a meeting of a body (status planned)."""
    m = await svc.plan_meeting(p, **body.model_dump())
    response.headers["Location"] = f"/api/meetings/{m.id}"
    return read(response, m)


@router.get("/meetings/{id}", operation_id="meetings-get", responses=READ_ERRORS)
async def get_meeting(
    id: UUID, p: PrincipalDep, svc: ServiceDep, response: Response
) -> MeetingRead:
    """One meeting."""
    return read(response, await svc.get_meeting(p, id))


@router.patch("/meetings/{id}", operation_id="meetings-update", responses=WRITE_ERRORS)
async def update_meeting(
    id: UUID,
    body: MeetingUpdate,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> MeetingRead:
    """Move a planned meeting (time, place, link); the documentation status and archive-worthy
    flag whenever. Requires If-Match."""
    changes = MeetingChanges.from_mapping(body.changes())
    return read(response, await svc.update_meeting(p, id, changes, version))


@router.post("/meetings/{id}/hold", operation_id="meetings-hold", responses=WRITE_ERRORS)
async def hold_meeting(
    id: UUID, p: PrincipalDep, svc: ServiceDep, version: IfMatchDep, response: Response
) -> MeetingRead:
    """Record that a planned meeting took place (once it has begun). Requires If-Match."""
    return read(response, await svc.hold_meeting(p, id, version))


@router.post("/meetings/{id}/cancel", operation_id="meetings-cancel", responses=WRITE_ERRORS)
async def cancel_meeting(
    id: UUID,
    body: MeetingCancel,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> MeetingRead:
    """Cancel a planned meeting, with a reason. Requires If-Match."""
    return read(response, await svc.cancel_meeting(p, id, body.reason, version))


@router.get("/meetings/{id}/quorum", operation_id="meetings-quorum", responses=READ_ERRORS)
async def get_quorum(id: UUID, p: PrincipalDep, svc: ServiceDep) -> QuorumRead:
    """Whether more than half of the voting members on the meeting's date are present."""
    return QuorumRead.from_domain(await svc.quorum(p, id))
