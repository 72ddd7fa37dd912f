"""REST: the organisation registries — organisations, persons, bodies, memberships."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from api.rest.deps import IfMatchDep, PrincipalDep, ServiceDep, set_etag
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.inputs import IsoDate, QueryText
from api.rest.organisation.schemas import (
    BodyCreate,
    BodyRead,
    BodyUpdate,
    MembershipCreate,
    MembershipEnd,
    MembershipRead,
    MembershipUpdate,
    OrganisationCreate,
    OrganisationRead,
    OrganisationUpdate,
    PageOf,
    PersonCreate,
    PersonRead,
    PersonUpdate,
)
from domain.organisation.filters import (
    SEARCH_MAX,
    BodyFilter,
    MembershipFilter,
    OrganisationFilter,
    PersonFilter,
)
from domain.organisation.model import Level, OrganisationType
from domain.shared.pagination import MAX_LIMIT, PageRequest
from domain.shared.principal import BodyRole

router = APIRouter(prefix="/api")

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
CursorQ = Annotated[QueryText, Query(description="From the previous page's `nextCursor`.")]
Search = Annotated[QueryText, Query(max_length=SEARCH_MAX, description="Search in names.")]


def _page(limit: int, cursor: str | None) -> PageRequest:
    return PageRequest.of(limit, cursor)


# -- organisations ----------------------------------------------------------------------------


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
        p, OrganisationFilter(q=q, type=type, active=active), _page(limit, cursor)
    )
    return PageOf[OrganisationRead](
        items=[OrganisationRead.from_domain(o) for o in page.items],
        total=page.total,
        next_cursor=page.next_cursor,
    )


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
    o = await svc.update_organisation(p, id, body.changes(), version)
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


# -- persons ----------------------------------------------------------------------------------


@router.get("/persons", tags=["persons"], operation_id="persons-list", responses=READ_ERRORS)
async def list_persons(
    p: PrincipalDep,
    svc: ServiceDep,
    q: Search = None,
    organisation_id: Annotated[UUID | None, Query(alias="organisationId")] = None,
    organisation_type: Annotated[
        OrganisationType | None,
        Query(alias="organisationType", description="Only persons of that kind of organisation."),
    ] = None,
    limit: Limit = 50,
    cursor: CursorQ = None,
) -> PageOf[PersonRead]:
    """Staff and representatives, by name. Never young people under follow-up."""
    page = await svc.list_persons(
        p,
        PersonFilter(q=q, organisation_id=organisation_id, organisation_type=organisation_type),
        _page(limit, cursor),
    )
    return PageOf[PersonRead](
        items=[PersonRead.from_domain(x) for x in page.items],
        total=page.total,
        next_cursor=page.next_cursor,
    )


@router.post(
    "/persons",
    tags=["persons"],
    operation_id="persons-create",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def create_person(
    body: PersonCreate, p: PrincipalDep, svc: ServiceDep, response: Response
) -> PersonRead:
    """Register a person."""
    x = await svc.create_person(p, **body.model_dump())
    set_etag(response, x.version)
    response.headers["Location"] = f"/api/persons/{x.id}"
    return PersonRead.from_domain(x)


@router.get("/persons/{id}", tags=["persons"], operation_id="persons-get", responses=READ_ERRORS)
async def get_person(id: UUID, p: PrincipalDep, svc: ServiceDep, response: Response) -> PersonRead:
    """One person."""
    x = await svc.get_person(p, id)
    set_etag(response, x.version)
    return PersonRead.from_domain(x)


@router.patch(
    "/persons/{id}", tags=["persons"], operation_id="persons-update", responses=WRITE_ERRORS
)
async def update_person(
    id: UUID,
    body: PersonUpdate,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> PersonRead:
    """Change a person. Requires If-Match."""
    x = await svc.update_person(p, id, body.changes(), version)
    set_etag(response, x.version)
    return PersonRead.from_domain(x)


@router.delete(
    "/persons/{id}",
    tags=["persons"],
    operation_id="persons-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def delete_person(id: UUID, p: PrincipalDep, svc: ServiceDep, version: IfMatchDep) -> None:
    """Remove a person without memberships or roles."""
    await svc.delete_person(p, id, version)


# -- bodies -----------------------------------------------------------------------------------


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
    page = await svc.list_bodies(p, BodyFilter(q=q, level=level), _page(limit, cursor))
    return PageOf[BodyRead](
        items=[BodyRead.from_domain(x) for x in page.items],
        total=page.total,
        next_cursor=page.next_cursor,
    )


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
    x = await svc.update_body(p, id, body.changes(), version)
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


# -- memberships ------------------------------------------------------------------------------


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
    page = await svc.list_memberships(p, f, _page(limit, cursor))
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
    x = await svc.update_membership(p, id, body.changes(), version)
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
