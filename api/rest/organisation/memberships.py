"""REST: memberships — a person in a body in a role, for a period."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.dtos import PageOf
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.inputs import CursorQ, IsoDate, Limit, page_request
from api.rest.organisation.deps import ServiceDep
from api.rest.organisation.dtos.memberships import (
    MembershipCreate,
    MembershipEnd,
    MembershipRead,
    MembershipUpdate,
)
from domain.organisation.filters import MembershipFilter
from domain.organisation.memberships import MembershipChanges
from domain.shared.principal import BodyRole

router = APIRouter(prefix="/api")


@router.get(
    "/memberships", tags=["memberships"], operation_id="memberships-list", responses=READ_ERRORS
)
async def list_memberships(
    p: PrincipalDep,
    svc: ServiceDep,
    body_id: Annotated[UUID | None, Query(alias="bodyId")] = None,
    person_id: Annotated[UUID | None, Query(alias="personId")] = None,
    organisation_id: Annotated[
        UUID | None, Query(alias="organisationId", description="The organisation represented.")
    ] = None,
    role: BodyRole | None = None,
    active_on: Annotated[
        IsoDate | None, Query(alias="activeOn", description="Only memberships valid that day.")
    ] = None,
    limit: Limit = 50,
    cursor: CursorQ = None,
) -> PageOf[MembershipRead]:
    """Memberships with person, body and organisation names, by person name."""
    f = MembershipFilter(
        body_id=body_id,
        person_id=person_id,
        organisation_id=organisation_id,
        role=role,
        active_on=active_on,
    )
    page = await svc.list_memberships(p, f, page_request(limit, cursor))
    return PageOf[MembershipRead](
        items=[MembershipRead.from_view(v) for v in page.items],
        total=page.total,
        next_cursor=page.next_cursor,
    )


@router.post(
    "/memberships",
    tags=["memberships"],
    operation_id="memberships-create",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def create_membership(
    body: MembershipCreate, p: PrincipalDep, svc: ServiceDep, response: Response
) -> MembershipRead:
    """Add a person to a body in a role."""
    x = await svc.add_membership(p, **body.model_dump())
    set_etag(response, x.version)
    response.headers["Location"] = f"/api/memberships/{x.id}"
    return MembershipRead.from_view(await svc.get_membership_view(p, x.id))


@router.get(
    "/memberships/{id}", tags=["memberships"], operation_id="memberships-get", responses=READ_ERRORS
)
async def get_membership(
    id: UUID, p: PrincipalDep, svc: ServiceDep, response: Response
) -> MembershipRead:
    """One membership."""
    v = await svc.get_membership_view(p, id)
    set_etag(response, v.membership.version)
    return MembershipRead.from_view(v)


@router.patch(
    "/memberships/{id}",
    tags=["memberships"],
    operation_id="memberships-update",
    responses=WRITE_ERRORS,
)
async def update_membership(
    id: UUID,
    body: MembershipUpdate,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> MembershipRead:
    """Change role, organisation represented or period. Requires If-Match."""
    x = await svc.update_membership(p, id, MembershipChanges.from_mapping(body.changes()), version)
    set_etag(response, x.version)
    return MembershipRead.from_view(await svc.get_membership_view(p, x.id))


@router.post(
    "/memberships/{id}/end",
    tags=["memberships"],
    operation_id="memberships-end",
    responses=WRITE_ERRORS,
)
async def end_membership(
    id: UUID,
    body: MembershipEnd,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> MembershipRead:
    """End a membership (keeps the history). Requires If-Match."""
    x = await svc.end_membership(p, id, body.on, version)
    set_etag(response, x.version)
    return MembershipRead.from_view(await svc.get_membership_view(p, x.id))


@router.delete(
    "/memberships/{id}",
    tags=["memberships"],
    operation_id="memberships-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def delete_membership(
    id: UUID, p: PrincipalDep, svc: ServiceDep, version: IfMatchDep
) -> None:
    """Remove a membership registered by mistake (to end one, use /end)."""
    await svc.delete_membership(p, id, version)
