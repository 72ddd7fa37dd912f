"""REST: a year's wheel (list and twelve month sectors), generating a year, a task's status."""

from __future__ import annotations

from collections.abc import Mapping
from uuid import UUID

from fastapi import APIRouter, Response

from api.rest.annual_wheel.deps import FeedServiceDep, ServiceDep, YearPath
from api.rest.annual_wheel.dtos.tasks import (
    GenerateRead,
    MonthSectorRead,
    TaskStatusUpdate,
    WheelEntryRead,
    WheelRead,
    WheelTaskRead,
)
from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from domain.annual_wheel.circle import WheelView

router = APIRouter(prefix="/api/annual-wheel", tags=["annual-wheel"])


def wheel_read(view: WheelView, names: Mapping[UUID, str]) -> WheelRead:
    placed = {pt.task.id: pt for s in view.sectors for pt in s.tasks}
    return WheelRead(
        year=view.year,
        tasks=[
            WheelEntryRead(
                **WheelTaskRead.from_domain(t).model_dump(),
                angle=placed[t.id].angle,
                overdue=placed[t.id].overdue,
                owner_name=names.get(t.owner_person_id) if t.owner_person_id else None,
            )
            for t in view.tasks
        ],
        sectors=[
            MonthSectorRead(
                month=s.month,
                start_angle=s.start_angle,
                end_angle=s.end_angle,
                open_count=s.open_count,
                overdue_count=s.overdue_count,
                task_ids=[pt.task.id for pt in s.tasks],
            )
            for s in view.sectors
        ],
    )


@router.get("/years/{year}", operation_id="wheel-year-get", responses=READ_ERRORS)
async def get_wheel(year: YearPath, p: PrincipalDep, feeds: FeedServiceDep) -> WheelRead:
    """The year's tasks as a list (by due date) and as twelve month sectors for the circle, each
    with its owner's name."""
    view, names = await feeds.wheel_with_owners(p, year)
    return wheel_read(view, names)


@router.post("/years/{year}/generate", operation_id="wheel-year-generate", responses=WRITE_ERRORS)
async def generate_year(year: YearPath, p: PrincipalDep, svc: ServiceDep) -> GenerateRead:
    """Every active template's task for the year. Idempotent: a second call creates nothing."""
    g = await svc.generate_year(p, year)
    return GenerateRead(
        year=g.year,
        created=len(g.created),
        existing=g.existing,
        tasks=[WheelTaskRead.from_domain(t) for t in g.created],
    )


@router.patch("/tasks/{id}", operation_id="wheel-tasks-update", responses=WRITE_ERRORS)
async def set_task_status(
    id: UUID,
    body: TaskStatusUpdate,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> WheelTaskRead:
    """Mark a task done, cancelled or open again (its owner, the coordinator). Requires If-Match."""
    x = await svc.set_task_status(p, id, body.status, version)
    set_etag(response, x.version)
    return WheelTaskRead.from_domain(x)
