"""REST measures room: action plans — the tree with progress, a draft's changes, adoption by a
steering body's decision (after which the tree is locked), removal of a draft."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.deps import IfMatchDep, set_etag
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.measures.deps import CallerDep
from api.rest.measures.dtos.cards import json_response
from api.rest.measures.dtos.plans import (
    AdoptionCreate,
    PlanCreate,
    PlanRead,
    PlanUpdate,
    plan_body,
)
from domain.measures.views import PlanTree

router = APIRouter(prefix="/api", tags=["action-plans"])


def read(response: Response, t: PlanTree) -> Response:
    """The tree (``PlanRead``) with its ETag, serialised once (``plan_body``)."""
    set_etag(response, t.plan.version)
    out = json_response(plan_body(t), response)
    out.status_code = response.status_code or status.HTTP_200_OK
    return out


@router.get(
    "/action-plans",
    operation_id="action-plans-list",
    responses=READ_ERRORS,
    response_model=list[PlanRead],
)
async def list_plans(call: CallerDep) -> Response:
    """The unit's action plans, newest period first, each as its tree with progress."""
    return json_response([plan_body(t) for t in await call.svc.list_plans(call.p)])


@router.post(
    "/action-plans",
    operation_id="action-plans-create",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
    response_model=PlanRead,
)
async def create_plan(body: PlanCreate, call: CallerDep, response: Response) -> Response:
    """Draft an action plan with its focus areas, goals and strategies."""
    t = await call.svc.create_plan(call.p, body.to_changes())
    response.headers["Location"] = f"/api/action-plans/{t.plan.id}"
    response.status_code = status.HTTP_201_CREATED
    return read(response, t)


@router.get(
    "/action-plans/{id}",
    operation_id="action-plans-get",
    responses=READ_ERRORS,
    response_model=PlanRead,
)
async def get_plan(id: UUID, call: CallerDep, response: Response) -> Response:
    """One plan: focus areas → goals → measures, with progress rolled up."""
    return read(response, await call.svc.plan_tree(call.p, id))


@router.patch(
    "/action-plans/{id}",
    operation_id="action-plans-update",
    responses=WRITE_ERRORS,
    response_model=PlanRead,
)
async def update_plan(
    id: UUID, body: PlanUpdate, call: CallerDep, version: IfMatchDep, response: Response
) -> Response:
    """Change a draft plan (focus areas are sent whole; an item without id is new). An adopted
    plan is 409 plan-adopted. Requires If-Match."""
    return read(response, await call.svc.update_plan(call.p, id, body.to_changes(), version))


@router.post(
    "/action-plans/{id}/adoption",
    operation_id="action-plans-adopt",
    responses=WRITE_ERRORS,
    response_model=PlanRead,
)
async def adopt_plan(
    id: UUID, body: AdoptionCreate, call: CallerDep, version: IfMatchDep, response: Response
) -> Response:
    """Adopt the plan by a numbered decision of a steering body's approved minutes. Requires
    If-Match."""
    return read(response, await call.svc.adopt_plan(call.p, id, body.decision_id, version))


@router.delete(
    "/action-plans/{id}",
    operation_id="action-plans-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def delete_plan(id: UUID, call: CallerDep, version: IfMatchDep) -> None:
    """Remove a draft plan. Requires If-Match."""
    await call.svc.delete_plan(call.p, id, version)
