"""REST measures room: action plans — the tree with progress, a draft's changes, adoption by a
steering body's decision (after which the tree is locked), removal of a draft."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.deps import IfMatchDep, set_etag
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.measures.deps import CallerDep
from api.rest.measures.dtos.plans import AdoptionCreate, PlanCreate, PlanRead, PlanUpdate
from domain.measures.views import PlanTree

router = APIRouter(prefix="/api", tags=["action-plans"])


def read(response: Response, t: PlanTree) -> PlanRead:
    set_etag(response, t.plan.version)
    return PlanRead.of(t)


@router.get("/action-plans", operation_id="action-plans-list", responses=READ_ERRORS)
async def list_plans(call: CallerDep) -> list[PlanRead]:
    """The unit's action plans, newest period first, each as its tree with progress."""
    return [PlanRead.of(t) for t in await call.svc.list_plans(call.p)]


@router.post(
    "/action-plans",
    operation_id="action-plans-create",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def create_plan(body: PlanCreate, call: CallerDep, response: Response) -> PlanRead:
    """Draft an action plan with its focus areas, goals and strategies."""
    t = await call.svc.create_plan(call.p, body.to_changes())
    response.headers["Location"] = f"/api/action-plans/{t.plan.id}"
    return read(response, t)


@router.get("/action-plans/{id}", operation_id="action-plans-get", responses=READ_ERRORS)
async def get_plan(id: UUID, call: CallerDep, response: Response) -> PlanRead:
    """One plan: focus areas → goals → measures, with progress rolled up."""
    return read(response, await call.svc.plan_tree(call.p, id))


@router.patch("/action-plans/{id}", operation_id="action-plans-update", responses=WRITE_ERRORS)
async def update_plan(
    id: UUID, body: PlanUpdate, call: CallerDep, version: IfMatchDep, response: Response
) -> PlanRead:
    """Change a draft plan (focus areas are sent whole; an item without id is new). An adopted
    plan is 409 plan-adopted. Requires If-Match."""
    return read(response, await call.svc.update_plan(call.p, id, body.to_changes(), version))


@router.post(
    "/action-plans/{id}/adoption", operation_id="action-plans-adopt", responses=WRITE_ERRORS
)
async def adopt_plan(
    id: UUID, body: AdoptionCreate, call: CallerDep, version: IfMatchDep, response: Response
) -> PlanRead:
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
