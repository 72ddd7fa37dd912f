"""REST: the persons of the unit (staff and representatives)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.dtos import PageOf
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.inputs import CursorQ, Limit, page_request
from api.rest.organisation.deps import CallerDep, ServiceDep
from api.rest.organisation.dtos.persons import PersonCreate, PersonRead, PersonUpdate
from api.rest.organisation.queries import Search
from domain.organisation.filters import PersonFilter
from domain.organisation.model import OrganisationType
from domain.organisation.persons import PersonChanges

router = APIRouter(prefix="/api")
JSON = "application/json"


@router.get(
    "/persons",
    tags=["persons"],
    operation_id="persons-list",
    responses=READ_ERRORS,
    response_model=PageOf[PersonRead],
)
async def list_persons(
    call: CallerDep,
    q: Search = None,
    organisation_id: Annotated[UUID | None, Query(alias="organisationId")] = None,
    organisation_type: Annotated[
        OrganisationType | None,
        Query(alias="organisationType", description="Only persons of that kind of organisation."),
    ] = None,
    limit: Limit = 50,
    cursor: CursorQ = None,
) -> Response:
    """Staff and representatives, by name. Never young people under follow-up."""
    page = await call.svc.list_persons(
        call.p,
        PersonFilter(q=q, organisation_id=organisation_id, organisation_type=organisation_type),
        page_request(limit, cursor),
    )
    # As ``get_person``: the body FastAPI would write for ``response_model``, serialised once.
    return Response(
        PageOf[PersonRead].from_domain(page).model_dump_json(by_alias=True), media_type=JSON
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


@router.get(
    "/persons/{id}",
    tags=["persons"],
    operation_id="persons-get",
    responses=READ_ERRORS,
    response_model=PersonRead,
)
async def get_person(id: UUID, call: CallerDep) -> Response:
    """One person."""
    x = await call.svc.get_person(call.p, id)
    # The body FastAPI would write for ``response_model`` (same serialiser, same bytes), built
    # once: no second validation, no response parameter to merge. The ETag goes last, as there.
    answer = Response(PersonRead.from_domain(x).model_dump_json(by_alias=True), media_type=JSON)
    set_etag(answer, x.version)
    return answer


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
    x = await svc.update_person(p, id, PersonChanges.from_mapping(body.changes()), version)
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
