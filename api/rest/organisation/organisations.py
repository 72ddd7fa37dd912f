"""REST: the organisations of the unit (services, schools, police …)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.dtos import PageOf
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.inputs import CursorQ, Limit, page_request
from api.rest.organisation.deps import ServiceDep
from api.rest.organisation.dtos.organisations import (
    OrganisationCreate,
    OrganisationRead,
    OrganisationUpdate,
)
from api.rest.organisation.queries import Search
from domain.organisation.filters import OrganisationFilter
from domain.organisation.model import OrganisationType
from domain.organisation.organisations import OrganisationChanges

router = APIRouter(prefix="/api")


@router.get(
    "/organisations",
    tags=["organisations"],
    operation_id="organisations-list",
    responses=READ_ERRORS,
)
async def list_organisations(
    p: PrincipalDep,
    svc: ServiceDep,
    q: Search = None,
    type: OrganisationType | None = None,
    active: bool | None = None,
    limit: Limit = 50,
    cursor: CursorQ = None,
) -> PageOf[OrganisationRead]:
    """Organisations (services, schools, police …) of the unit, by name."""
    page = await svc.list_organisations(
        p, OrganisationFilter(q=q, type=type, active=active), page_request(limit, cursor)
    )
    return PageOf[OrganisationRead].from_domain(page)


@router.post(
    "/organisations",
    tags=["organisations"],
    operation_id="organisations-create",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def create_organisation(
    body: OrganisationCreate, p: PrincipalDep, svc: ServiceDep, response: Response
) -> OrganisationRead:
    """Register an organisation."""
    o = await svc.create_organisation(p, **body.model_dump())
    set_etag(response, o.version)
    response.headers["Location"] = f"/api/organisations/{o.id}"
    return OrganisationRead.from_domain(o)


@router.get(
    "/organisations/{id}",
    tags=["organisations"],
    operation_id="organisations-get",
    responses=READ_ERRORS,
)
async def get_organisation(
    id: UUID, p: PrincipalDep, svc: ServiceDep, response: Response
) -> OrganisationRead:
    """One organisation."""
    o = await svc.get_organisation(p, id)
    set_etag(response, o.version)
    return OrganisationRead.from_domain(o)


@router.patch(
    "/organisations/{id}",
    tags=["organisations"],
    operation_id="organisations-update",
    responses=WRITE_ERRORS,
)
async def update_organisation(
    id: UUID,
    body: OrganisationUpdate,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> OrganisationRead:
    """Change an organisation. Requires If-Match with the version you read."""
    o = await svc.update_organisation(
        p, id, OrganisationChanges.from_mapping(body.changes()), version
    )
    set_etag(response, o.version)
    return OrganisationRead.from_domain(o)


@router.delete(
    "/organisations/{id}",
    tags=["organisations"],
    operation_id="organisations-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def delete_organisation(
    id: UUID, p: PrincipalDep, svc: ServiceDep, version: IfMatchDep
) -> None:
    """Remove an organisation nobody refers to (otherwise mark it inactive)."""
    await svc.delete_organisation(p, id, version)
