"""REST: the unit's agreements (samarbeidsavtaler, politirådsavtaler)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from api.rest.agreements.deps import ServiceDep
from api.rest.agreements.dtos import AgreementCreate, AgreementRead, AgreementUpdate
from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.dtos import PageOf
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.inputs import CursorQ, Limit, QueryText, page_request
from domain.agreements import limits
from domain.agreements.agreement import AgreementKind, AgreementStatus
from domain.agreements.agreements import AgreementChanges
from domain.agreements.filters import AgreementFilter

router = APIRouter(prefix="/api", tags=["agreements"])
Search = Annotated[QueryText, Query(max_length=limits.SEARCH_MAX, description="In the title.")]


@router.get("/agreements", operation_id="agreements-list", responses=READ_ERRORS)
async def list_agreements(
    p: PrincipalDep,
    svc: ServiceDep,
    q: Search = None,
    kind: AgreementKind | None = None,
    status: AgreementStatus | None = None,
    limit: Limit = 50,
    cursor: CursorQ = None,
) -> PageOf[AgreementRead]:
    """The unit's agreements by expiry (soonest first), with the status derived today."""
    page = await svc.list_agreements(
        p, AgreementFilter(q=q, kind=kind, status=status), page_request(limit, cursor)
    )
    today = svc.today()
    return PageOf[AgreementRead](
        items=[AgreementRead.of(a, today) for a in page.items],
        total=page.total,
        next_cursor=page.next_cursor,
    )


@router.post(
    "/agreements",
    operation_id="agreements-create",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def create_agreement(
    body: AgreementCreate, p: PrincipalDep, svc: ServiceDep, response: Response
) -> AgreementRead:
    """Register an agreement (the signed document is uploaded next, to its own address)."""
    a = await svc.create_agreement(p, **body.model_dump())
    set_etag(response, a.version)
    response.headers["Location"] = f"/api/agreements/{a.id}"
    return AgreementRead.of(a, svc.today())


@router.get("/agreements/{id}", operation_id="agreements-get", responses=READ_ERRORS)
async def get_agreement(
    id: UUID, p: PrincipalDep, svc: ServiceDep, response: Response
) -> AgreementRead:
    """One agreement."""
    a = await svc.get_agreement(p, id)
    set_etag(response, a.version)
    return AgreementRead.of(a, svc.today())


@router.patch("/agreements/{id}", operation_id="agreements-update", responses=WRITE_ERRORS)
async def update_agreement(
    id: UUID,
    body: AgreementUpdate,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> AgreementRead:
    """Change an agreement. Requires If-Match with the version you read."""
    a = await svc.update_agreement(p, id, AgreementChanges.from_mapping(body.changes()), version)
    set_etag(response, a.version)
    return AgreementRead.of(a, svc.today())


@router.delete(
    "/agreements/{id}",
    operation_id="agreements-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def delete_agreement(id: UUID, p: PrincipalDep, svc: ServiceDep, version: IfMatchDep) -> None:
    """Remove an agreement and its signed document."""
    await svc.delete_agreement(p, id, version)
