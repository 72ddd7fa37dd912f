"""REST: the bodies on the three levels (steering, coordinating, executive)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.dtos import PageOf
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.inputs import CursorQ, Limit, page_request
from api.rest.organisation.deps import ServiceDep
from api.rest.organisation.dtos.bodies import BodyCreate, BodyRead, BodyUpdate
from api.rest.organisation.queries import Search
from domain.organisation.bodies import BodyChanges
from domain.organisation.filters import BodyFilter
from domain.organisation.model import Level

router = APIRouter(prefix="/api")


@router.get("/bodies", tags=["bodies"], operation_id="bodies-list", responses=READ_ERRORS)
async def list_bodies(
    p: PrincipalDep,
    svc: ServiceDep,
    q: Search = None,
    level: Level | None = None,
    limit: Limit = 50,
    cursor: CursorQ = None,
) -> PageOf[BodyRead]:
    """Bodies on the three levels, by name."""
    page = await svc.list_bodies(p, BodyFilter(q=q, level=level), page_request(limit, cursor))
    return PageOf[BodyRead].from_domain(page)


@router.post(
    "/bodies",
    tags=["bodies"],
    operation_id="bodies-create",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def create_body(
    body: BodyCreate, p: PrincipalDep, svc: ServiceDep, response: Response
) -> BodyRead:
    """Create a body (steering, coordinating or executive)."""
    x = await svc.create_body(p, **body.model_dump())
    set_etag(response, x.version)
    response.headers["Location"] = f"/api/bodies/{x.id}"
    return BodyRead.from_domain(x)


@router.get("/bodies/{id}", tags=["bodies"], operation_id="bodies-get", responses=READ_ERRORS)
async def get_body(id: UUID, p: PrincipalDep, svc: ServiceDep, response: Response) -> BodyRead:
    """One body."""
    x = await svc.get_body(p, id)
    set_etag(response, x.version)
    return BodyRead.from_domain(x)


@router.patch("/bodies/{id}", tags=["bodies"], operation_id="bodies-update", responses=WRITE_ERRORS)
async def update_body(
    id: UUID,
    body: BodyUpdate,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> BodyRead:
    """Change a body. Requires If-Match."""
    x = await svc.update_body(p, id, BodyChanges.from_mapping(body.changes()), version)
    set_etag(response, x.version)
    return BodyRead.from_domain(x)


@router.delete(
    "/bodies/{id}",
    tags=["bodies"],
    operation_id="bodies-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def delete_body(id: UUID, p: PrincipalDep, svc: ServiceDep, version: IfMatchDep) -> None:
    """Remove a body without memberships."""
    await svc.delete_body(p, id, version)
