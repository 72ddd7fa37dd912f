"""REST meetings room: the agenda — list, add, change, remove and reorder items."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.meetings.deps import ServiceDep
from api.rest.meetings.dtos.agenda import (
    AgendaItemCreate,
    AgendaItemRead,
    AgendaItemUpdate,
    AgendaOrder,
)
from domain.meetings.service import AgendaItemChanges

router = APIRouter(prefix="/api", tags=["agenda"])


@router.get("/meetings/{id}/agenda", operation_id="agenda-list", responses=READ_ERRORS)
async def list_agenda(id: UUID, p: PrincipalDep, svc: ServiceDep) -> list[AgendaItemRead]:
    """The meeting's agenda in order."""
    items = await svc.agenda(p, id)
    return [AgendaItemRead.from_domain(i) for i in sorted(items, key=lambda i: i.position)]


@router.post(
    "/meetings/{id}/agenda",
    operation_id="agenda-add",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def add_agenda_item(
    id: UUID, body: AgendaItemCreate, p: PrincipalDep, svc: ServiceDep, response: Response
) -> AgendaItemRead:
    """A new item at the end of the agenda. Its title passes the free-text guard (422
    personal-data-found; send ``overrideReason`` to save anyway)."""
    x = await svc.add_agenda_item(p, id, **body.model_dump())
    set_etag(response, x.version)
    response.headers["Location"] = f"/api/agenda-items/{x.id}"
    return AgendaItemRead.from_domain(x)


@router.put("/meetings/{id}/agenda/order", operation_id="agenda-reorder", responses=WRITE_ERRORS)
async def reorder_agenda(
    id: UUID, body: AgendaOrder, p: PrincipalDep, svc: ServiceDep
) -> list[AgendaItemRead]:
    """The agenda in a new order, in one request: name every item once."""
    items = await svc.reorder_agenda(p, id, body.order)
    return [AgendaItemRead.from_domain(i) for i in items]


@router.patch("/agenda-items/{id}", operation_id="agenda-update", responses=WRITE_ERRORS)
async def update_agenda_item(
    id: UUID,
    body: AgendaItemUpdate,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> AgendaItemRead:
    """Change an item's title, kind, owner or links. Requires If-Match."""
    fields = body.changes()
    override = fields.pop("override_reason", None)
    changes = AgendaItemChanges.from_mapping(fields)
    x = await svc.update_agenda_item(p, id, changes, version, override)
    set_etag(response, x.version)
    return AgendaItemRead.from_domain(x)


@router.delete(
    "/agenda-items/{id}",
    operation_id="agenda-remove",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def remove_agenda_item(
    id: UUID, p: PrincipalDep, svc: ServiceDep, version: IfMatchDep
) -> None:
    """Remove an item with nothing recorded under it; the items after it close up. Requires If-Match."""
    await svc.remove_agenda_item(p, id, version)
