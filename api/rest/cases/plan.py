"""REST cases room: the youth plan — add a commitment, change it, record a breach."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.cases.deps import CallerDep
from api.rest.cases.dtos.plan import (
    BreachCreate,
    CommitmentCreate,
    CommitmentRead,
    CommitmentUpdate,
)
from api.rest.deps import IfMatchDep, set_etag
from api.rest.errors import WRITE_ERRORS
from domain.cases.views import CommitmentView

router = APIRouter(prefix="/api", tags=["cases"])


def read(response: Response, v: CommitmentView) -> CommitmentRead:
    set_etag(response, v.version)
    return CommitmentRead.of(v)


@router.post(
    "/cases/{id}/commitments",
    operation_id="cases-add-commitment",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def add_commitment(
    id: UUID, body: CommitmentCreate, call: CallerDep, response: Response
) -> CommitmentRead:
    """Add a commitment to the youth plan with its responsible organisation."""
    v = await call.svc.add_commitment(call.p, id, body.to_domain())
    response.headers["Location"] = f"/api/cases/{id}"
    return read(response, v)


@router.patch("/commitments/{id}", operation_id="commitments-update", responses=WRITE_ERRORS)
async def update_commitment(
    id: UUID, body: CommitmentUpdate, call: CallerDep, version: IfMatchDep, response: Response
) -> CommitmentRead:
    """Change a commitment's description, status, responsible organisation or dates. Requires
    If-Match with the commitment's version."""
    return read(response, await call.svc.update_commitment(call.p, id, body.to_changes(), version))


@router.post(
    "/commitments/{id}/breaches",
    operation_id="commitments-add-breach",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def record_breach(
    id: UUID, body: BreachCreate, call: CallerDep, response: Response
) -> CommitmentRead:
    """Record a breach of the commitment with its consequence (the commitment turns breached)."""
    return read(response, await call.svc.record_breach(call.p, id, body.to_domain()))
