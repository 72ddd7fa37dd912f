"""REST: the wheel's templates — list, create, change (If-Match), remove, seed from the handbook."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.annual_wheel.deps import ServiceDep
from api.rest.annual_wheel.dtos.templates import (
    SeedRead,
    WheelTemplateCreate,
    WheelTemplateRead,
    WheelTemplateUpdate,
)
from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from domain.annual_wheel.service import TemplateChanges

router = APIRouter(prefix="/api/annual-wheel", tags=["annual-wheel"])


@router.get("/templates", operation_id="wheel-templates-list", responses=READ_ERRORS)
async def list_templates(p: PrincipalDep, svc: ServiceDep) -> list[WheelTemplateRead]:
    """The unit's templates by month, day (none last) and title."""
    return [WheelTemplateRead.from_domain(t) for t in await svc.list_templates(p)]


@router.post(
    "/templates",
    operation_id="wheel-templates-create",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def create_template(
    body: WheelTemplateCreate, p: PrincipalDep, svc: ServiceDep, response: Response
) -> WheelTemplateRead:
    """Add a recurring task to the wheel."""
    x = await svc.create_template(p, **body.model_dump())
    set_etag(response, x.version)
    response.headers["Location"] = f"/api/annual-wheel/templates/{x.id}"
    return WheelTemplateRead.from_domain(x)


@router.post("/templates/seed", operation_id="wheel-templates-seed", responses=WRITE_ERRORS)
async def seed_templates(p: PrincipalDep, svc: ServiceDep) -> SeedRead:
    """The handbook's default wheel, for a unit without templates (otherwise nothing is added)."""
    seeded = await svc.seed_handbook(p)
    return SeedRead(
        created=len(seeded), templates=[WheelTemplateRead.from_domain(t) for t in seeded]
    )


@router.patch("/templates/{id:uuid}", operation_id="wheel-templates-update", responses=WRITE_ERRORS)
async def update_template(
    id: UUID,
    body: WheelTemplateUpdate,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> WheelTemplateRead:
    """Change a template (years already generated keep their tasks). Requires If-Match."""
    changes = TemplateChanges.from_mapping(body.changes())
    x = await svc.update_template(p, id, changes, version)
    set_etag(response, x.version)
    return WheelTemplateRead.from_domain(x)


@router.delete(
    "/templates/{id:uuid}",
    operation_id="wheel-templates-delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def delete_template(id: UUID, p: PrincipalDep, svc: ServiceDep, version: IfMatchDep) -> None:
    """Remove a template no year was generated from (else deactivate it). Requires If-Match."""
    await svc.delete_template(p, id, version)
