"""GraphQL, annual-wheel context: a year's wheel (tasks with their owners, twelve month sectors),
generating a year, a task's status, and the bodies' meeting norms."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

import strawberry

from api.graphql.annual_wheel.context import NormStatus, NormWarning, OwnerRole, TaskStatus, wheel
from api.graphql.organisation.bodies import Body
from api.graphql.organisation.context import loaders as org_loaders
from api.graphql.organisation.enums import Level
from api.graphql.organisation.persons import Person
from api.graphql.shared.problems import Problems
from api.graphql.shared.resolvers import I, guard
from domain.annual_wheel import circle
from domain.annual_wheel.service import BodyCompliance, Generated
from domain.annual_wheel.task import WheelTask as DTask


@strawberry.type
class WheelTask:
    id: UUID
    template_id: UUID
    year: int
    title: str
    due: date
    owner_role: OwnerRole  # type: ignore[valid-type]
    body_level: Level | None  # type: ignore[valid-type]
    body_id: UUID | None
    owner_person_id: UUID | None
    description: str | None
    status: TaskStatus  # type: ignore[valid-type]
    version: int
    angle: float | None = strawberry.field(description="Degrees clockwise from the top.")
    overdue: bool | None = None

    @strawberry.field(description="Who owns the task (empty: no coordinator on record).")
    async def owner(self, info: I) -> Person | None:
        if self.owner_person_id is None:
            return None
        found = await org_loaders(info.context).person.load(self.owner_person_id)
        return Person.of(found) if found else None

    @classmethod
    def of(cls, t: DTask, placed: circle.PlacedTask | None = None) -> WheelTask:
        return cls(
            id=t.id, template_id=t.template_id, year=t.year, title=t.title, due=t.due,
            owner_role=t.owner_role, body_level=t.body_level, body_id=t.body_id,
            owner_person_id=t.owner_person_id, description=t.description, status=t.status,
            version=t.version, angle=placed.angle if placed else None,
            overdue=placed.overdue if placed else None,
        )  # fmt: skip


@strawberry.type
class MonthSector:
    month: int
    start_angle: float
    end_angle: float
    open_count: int
    overdue_count: int
    tasks: list[WheelTask]


@strawberry.type
class Wheel:
    year: int
    tasks: list[WheelTask]
    sectors: list[MonthSector]


@strawberry.type
class GeneratedYear:
    year: int
    created: int
    existing: int
    tasks: list[WheelTask]

    @classmethod
    def of(cls, g: Generated) -> GeneratedYear:
        return cls(
            year=g.year, created=len(g.created), existing=g.existing,
            tasks=[WheelTask.of(t) for t in g.created],
        )  # fmt: skip


@strawberry.type
class BodyNorm:
    body: Body
    year: int
    norm: int | None
    own_norm: bool
    held: int
    planned: int
    needed: int
    possible: int
    unrecorded: int
    status: NormStatus  # type: ignore[valid-type]
    warnings: list[NormWarning]  # type: ignore[valid-type]

    @classmethod
    def of(cls, b: BodyCompliance) -> BodyNorm:
        c = b.compliance
        return cls(
            body=Body.of(b.body), year=c.year, norm=c.norm,
            own_norm=b.body.meeting_norm_per_year is not None, held=c.held, planned=c.planned,
            needed=c.needed, possible=c.possible, unrecorded=c.unrecorded, status=c.status,
            warnings=list(c.warnings),
        )  # fmt: skip


WheelTaskResult = Annotated[WheelTask | Problems, strawberry.union("WheelTaskResult")]
GenerateResult = Annotated[GeneratedYear | Problems, strawberry.union("GenerateYearResult")]


def wheel_of(view: circle.WheelView) -> Wheel:
    sectors = [
        MonthSector(
            month=s.month,
            start_angle=s.start_angle,
            end_angle=s.end_angle,
            open_count=s.open_count,
            overdue_count=s.overdue_count,
            tasks=[WheelTask.of(pt.task, pt) for pt in s.tasks],
        )
        for s in view.sectors
    ]
    return Wheel(year=view.year, tasks=[t for s in sectors for t in s.tasks], sectors=sectors)


@strawberry.type
class WheelQuery:
    @strawberry.field(description="The year's tasks as a list and as twelve month sectors.")
    async def wheel(self, info: I, year: int) -> Wheel:
        return wheel_of(await wheel(info.context).wheel(info.context.principal, year))

    @strawberry.field(description="Every body against its meeting norm in the year (warns only).")
    async def meeting_norms(self, info: I, year: int) -> list[BodyNorm]:
        found = await wheel(info.context).norm_compliance(info.context.principal, year)
        return [BodyNorm.of(b) for b in found]


@strawberry.type
class WheelMutation:
    @strawberry.mutation(description="Every active template's task for the year; idempotent.")
    async def generate_wheel_year(self, info: I, year: int) -> GenerateResult:
        c = info.context
        return await guard(wheel(c).generate_year(c.principal, year), GeneratedYear.of)

    @strawberry.mutation
    async def set_wheel_task_status(
        self,
        info: I,
        id: UUID,
        version: int,
        status: TaskStatus,  # type: ignore[valid-type]
    ) -> WheelTaskResult:
        c = info.context
        return await guard(
            wheel(c).set_task_status(c.principal, id, status, version), lambda t: WheelTask.of(t)
        )
