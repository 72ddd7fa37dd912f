"""REST routes of the dated membership changes: a new role from a day, handing over a body's chair."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response

from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.errors import WRITE_ERRORS
from api.rest.organisation.deps import ServiceDep
from api.rest.organisation.dtos.memberships import (
    ChairHandover,
    MembershipRead,
    MembershipRoleChange,
)

router = APIRouter(prefix="/api")


@router.post(
    "/memberships/{id}/role-change",
    tags=["memberships"],
    operation_id="memberships-change-role",
    responses=WRITE_ERRORS,
)
async def change_role(
    id: UUID,
    body: MembershipRoleChange,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> MembershipRead:
    """A new role from a given day: the current term ends the day before and a new term starts,
    so the earlier role stays on record. Returns the new term. Requires If-Match."""
    x = await svc.change_role(p, id, body.role, body.on, version)
    set_etag(response, x.version)
    return MembershipRead.from_view(await svc.get_membership_view(p, x.id))


@router.post(
    "/bodies/{id}/chair-handover",
    tags=["bodies"],
    operation_id="bodies-hand-over-chair",
    responses=WRITE_ERRORS,
)
async def hand_over_chair(
    id: UUID, body: ChairHandover, p: PrincipalDep, svc: ServiceDep, response: Response
) -> MembershipRead:
    """Hand the chair over in one step: the current chair's term ends the day before, they go on
    in ``previousChairRole`` if given, and the new chair's term starts. Returns the new chair's term."""
    x = await svc.hand_over_chair(p, id, body.person_id, body.on, body.previous_chair_role)
    set_etag(response, x.version)
    return MembershipRead.from_view(await svc.get_membership_view(p, x.id))
