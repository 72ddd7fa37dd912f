"""REST meetings room: decisions — recorded under an agenda item while the minutes are a draft,
numbered per body and year ("KOG 12/2026") when they are approved."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.meetings.deps import ServiceDep
from api.rest.meetings.dtos.records import DecisionCreate, DecisionRead, DecisionUpdate

router = APIRouter(prefix="/api", tags=["decisions"])


@router.get("/meetings/{id}/decisions", operation_id="decisions-list", responses=READ_ERRORS)
async def list_decisions(id: UUID, p: PrincipalDep, svc: ServiceDep) -> list[DecisionRead]:
    """The meeting's decisions in the order they were recorded."""
    return [DecisionRead.of(d) for d in await svc.decisions(p, id)]


@router.post(
    "/meetings/{id}/decisions",
    operation_id="decisions-record",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def record_decision(
    id: UUID, body: DecisionCreate, p: PrincipalDep, svc: ServiceDep, response: Response
) -> DecisionRead:
    """A decision under an agenda item of draft minutes (free-text guard: 422
    personal-data-found unless ``overrideReason``)."""
    d = await svc.record_decision(p, id, body.agenda_item_id, body.text, body.override_reason)
    set_etag(response, d.version)
    response.headers["Location"] = f"/api/decisions/{d.id}"
    return DecisionRead.of(d)


@router.patch("/decisions/{id}", operation_id="decisions-update", responses=WRITE_ERRORS)
async def update_decision(
    id: UUID,
    body: DecisionUpdate,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> DecisionRead:
    """Change a draft decision's text. Requires If-Match."""
    d = await svc.update_decision(p, id, body.text, version, body.override_reason)
    set_etag(response, d.version)
    return DecisionRead.of(d)


@router.delete(
    "/decisions/{id}",
    operation_id="decisions-remove",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def remove_decision(id: UUID, p: PrincipalDep, svc: ServiceDep, version: IfMatchDep) -> None:
    """Remove a draft decision (it had no number yet: no gap). Requires If-Match."""
    await svc.remove_decision(p, id, version)
