"""REST meetings room: action items — add, change, move the status, remove; "my action items"."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.meetings.deps import ServiceDep, TodayDep
from api.rest.meetings.dtos.records import (
    ActionItemCreate,
    ActionItemRead,
    ActionItemUpdate,
    ActionStatusSet,
)
from domain.meetings.service import ActionItemChanges

router = APIRouter(prefix="/api", tags=["action-items"])


@router.get("/me/action-items", operation_id="action-items-mine", responses=READ_ERRORS)
async def my_action_items(
    p: PrincipalDep, svc: ServiceDep, today: TodayDep
) -> list[ActionItemRead]:
    """The caller's own action items across the unit, by due date; overdue ones flagged."""
    return [ActionItemRead.of(a, today) for a in await svc.my_action_items(p)]


@router.get("/meetings/{id}/action-items", operation_id="action-items-list", responses=READ_ERRORS)
async def list_action_items(
    id: UUID, p: PrincipalDep, svc: ServiceDep, today: TodayDep
) -> list[ActionItemRead]:
    """The meeting's action items; overdue ones flagged."""
    return [ActionItemRead.of(a, today) for a in await svc.action_items(p, id)]


@router.post(
    "/meetings/{id}/action-items",
    operation_id="action-items-add",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def add_action_item(
    id: UUID,
    body: ActionItemCreate,
    p: PrincipalDep,
    svc: ServiceDep,
    today: TodayDep,
    response: Response,
) -> ActionItemRead:
    """An action item under an agenda item of draft minutes (free-text guard: 422
    personal-data-found unless ``overrideReason``)."""
    a = await svc.add_action_item(
        p,
        id,
        body.agenda_item_id,
        text=body.text,
        owner_person_id=body.owner_person_id,
        due=body.due,
        override_reason=body.override_reason,
    )
    set_etag(response, a.version)
    response.headers["Location"] = f"/api/action-items/{a.id}"
    return ActionItemRead.of(a, today)


@router.patch("/action-items/{id}", operation_id="action-items-update", responses=WRITE_ERRORS)
async def update_action_item(
    id: UUID,
    body: ActionItemUpdate,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    today: TodayDep,
    response: Response,
) -> ActionItemRead:
    """Change a draft's action item (text, owner, due date). Requires If-Match."""
    fields = body.changes()
    override = fields.pop("override_reason", None)
    changes = ActionItemChanges.from_mapping(fields)
    a = await svc.update_action_item(p, id, changes, version, override)
    set_etag(response, a.version)
    return ActionItemRead.of(a, today)


@router.post(
    "/action-items/{id}/status", operation_id="action-items-set-status", responses=WRITE_ERRORS
)
async def set_status(
    id: UUID,
    body: ActionStatusSet,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    today: TodayDep,
    response: Response,
) -> ActionItemRead:
    """open → done | cancelled, and back to open; by its owner or whoever manages the body's
    meetings, also after approval. Requires If-Match."""
    a = await svc.set_action_status(p, id, body.status, version)
    set_etag(response, a.version)
    return ActionItemRead.of(a, today)


@router.delete(
    "/action-items/{id}",
    operation_id="action-items-remove",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def remove_action_item(
    id: UUID, p: PrincipalDep, svc: ServiceDep, version: IfMatchDep
) -> None:
    """Remove a draft's action item. Requires If-Match."""
    await svc.remove_action_item(p, id, version)
