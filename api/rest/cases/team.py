"""REST cases room: the case's team — add a seat, remove one (the case lead)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.cases.deps import CallerDep
from api.rest.cases.dtos.team import MemberCreate, MemberRead
from api.rest.errors import WRITE_ERRORS

router = APIRouter(prefix="/api", tags=["cases"])


@router.post(
    "/cases/{id}/members",
    operation_id="cases-add-member",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def add_member(
    id: UUID, body: MemberCreate, call: CallerDep, response: Response
) -> MemberRead:
    """Add a person of the unit (they will see the case) or a named private-network member,
    with the organisation they represent (the case lead)."""
    v = await call.svc.add_member(call.p, id, body.to_domain())
    response.headers["Location"] = f"/api/cases/{id}"
    return MemberRead.of(v)


@router.delete(
    "/cases/{id}/members/{member_id}",
    operation_id="cases-remove-member",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def remove_member(id: UUID, member_id: UUID, call: CallerDep) -> None:
    """Remove a seat (the case lead; the last lead stays: 409 last-lead)."""
    await call.svc.remove_member(call.p, id, member_id)
