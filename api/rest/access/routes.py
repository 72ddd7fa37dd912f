"""REST: access administration of the caller's unit (unit admins only) — accounts and their roles,
machine clients, and the log of every change."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status

from api.rest.access.schemas import (
    ORGANISATION_NUMBER,
    AccessChangeRead,
    AccountCreate,
    AccountRead,
    AccountUpdate,
    MachineClientCreate,
    MachineClientRead,
)
from api.rest.deps import IfMatchDep, PrincipalDep, container, set_etag
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from domain.access.service import CHANGES_MAX, AccessService, AccountChanges

router = APIRouter(prefix="/api/access")


async def access_service(request: Request) -> AccessService:  # async: no threadpool hop
    return container(request).access  # type: ignore[no-any-return]


AccessDep = Annotated[AccessService, Depends(access_service)]
OrgNumber = Annotated[str, Path(pattern=ORGANISATION_NUMBER, description="Organisation number.")]


@router.get("/accounts", tags=["access"], operation_id="access-accounts", responses=READ_ERRORS)
async def list_accounts(p: PrincipalDep, svc: AccessDep) -> list[AccountRead]:
    """Everyone with access to the unit, with their roles (unit admin only)."""
    return [AccountRead.from_domain(a) for a in await svc.accounts(p)]


@router.post(
    "/accounts",
    tags=["access"],
    operation_id="access-grant",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def grant(
    body: AccountCreate, p: PrincipalDep, svc: AccessDep, response: Response
) -> AccountRead:
    """Give a person access to the unit, by national identity number, with roles."""
    a = await svc.grant(
        p, identity_number=body.identity_number, roles=body.roles, person_id=body.person_id
    )
    set_etag(response, a.version)
    response.headers["Location"] = f"/api/access/accounts/{a.id}"
    return AccountRead.from_domain(a)


@router.get("/accounts/{id}", tags=["access"], operation_id="access-account", responses=READ_ERRORS)
async def get_account(id: UUID, p: PrincipalDep, svc: AccessDep, response: Response) -> AccountRead:
    """One account."""
    a = await svc.account(p, id)
    set_etag(response, a.version)
    return AccountRead.from_domain(a)


@router.patch(
    "/accounts/{id}", tags=["access"], operation_id="access-change", responses=WRITE_ERRORS
)
async def change(
    id: UUID,
    body: AccountUpdate,
    p: PrincipalDep,
    svc: AccessDep,
    version: IfMatchDep,
    response: Response,
) -> AccountRead:
    """Change an account's roles or linked person. The unit's last unit admin keeps the role."""
    a = await svc.change(p, id, AccountChanges.from_mapping(body.changes()), version)
    set_etag(response, a.version)
    return AccountRead.from_domain(a)


@router.delete(
    "/accounts/{id}",
    tags=["access"],
    operation_id="access-revoke",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def revoke(id: UUID, p: PrincipalDep, svc: AccessDep, version: IfMatchDep) -> None:
    """Take a person's access to the unit away. The unit's last unit admin cannot."""
    await svc.revoke(p, id, version)


@router.get(
    "/machine-clients", tags=["access"], operation_id="access-clients", responses=READ_ERRORS
)
async def list_clients(p: PrincipalDep, svc: AccessDep) -> list[MachineClientRead]:
    """Organisations whose machine tokens act in the unit, with their scopes."""
    return [MachineClientRead.from_domain(c) for c in await svc.clients(p)]


@router.post(
    "/machine-clients",
    tags=["access"],
    operation_id="access-registerClient",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def register_client(
    body: MachineClientCreate, p: PrincipalDep, svc: AccessDep, response: Response
) -> MachineClientRead:
    """Register an organisation (by organisation number) as a machine client with scopes."""
    c = await svc.register_client(
        p, organisation_number=body.organisation_number, name=body.name, scopes=body.scopes
    )
    set_etag(response, c.version)
    response.headers["Location"] = f"/api/access/machine-clients/{c.organisation_number}"
    return MachineClientRead.from_domain(c)


@router.get(
    "/machine-clients/{organisation_number}",
    tags=["access"],
    operation_id="access-client",
    responses=READ_ERRORS,
)
async def get_client(
    organisation_number: OrgNumber, p: PrincipalDep, svc: AccessDep, response: Response
) -> MachineClientRead:
    """One machine client."""
    c = await svc.client(p, organisation_number)
    set_etag(response, c.version)
    return MachineClientRead.from_domain(c)


@router.delete(
    "/machine-clients/{organisation_number}",
    tags=["access"],
    operation_id="access-revokeClient",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def revoke_client(
    organisation_number: OrgNumber, p: PrincipalDep, svc: AccessDep, version: IfMatchDep
) -> None:
    """Stop an organisation's machine tokens from acting in the unit."""
    await svc.revoke_client(p, organisation_number, version)


@router.get("/changes", tags=["access"], operation_id="access-changes", responses=READ_ERRORS)
async def changes(
    p: PrincipalDep,
    svc: AccessDep,
    limit: Annotated[int, Query(ge=1, le=CHANGES_MAX, description="How many, newest first.")] = 50,
) -> list[AccessChangeRead]:
    """The access log: who granted, changed or revoked what, and when (newest first)."""
    return [AccessChangeRead.from_domain(c) for c in await svc.changes(p, limit)]
