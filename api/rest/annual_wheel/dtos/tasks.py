"""REST DTOs of the year's wheel: its tasks as a list and as twelve month sectors, and generation."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input
from domain.annual_wheel.task import TaskStatus
from domain.annual_wheel.template import OwnerRole
from domain.organisation.model import Level


class WheelTaskRead(Dto):
    id: UUID
    template_id: UUID
    year: int
    title: str
    due: date
    owner_role: OwnerRole
    body_level: Level | None
    body_id: UUID | None
    owner_person_id: UUID | None = Field(description="Empty: no coordinator on record yet.")
    description: str | None
    status: TaskStatus
    version: int


class WheelEntryRead(WheelTaskRead):
    owner_name: str | None = Field(
        description="The owner's name, as the unit's person list has it."
    )
    angle: float = Field(description="Degrees clockwise from the top (January starts at 0).")
    overdue: bool = Field(description="Open and due before today.")


class MonthSectorRead(Dto):
    month: int
    start_angle: float
    end_angle: float
    open_count: int
    overdue_count: int
    task_ids: list[UUID] = Field(description="The month's tasks, by due date (ids in `tasks`).")


class WheelRead(Dto):
    year: int
    tasks: list[WheelEntryRead] = Field(description="The list, by due date.")
    sectors: list[MonthSectorRead] = Field(description="Always twelve, January first.")


class GenerateRead(Dto):
    year: int
    created: int = Field(description="Tasks created by this call.")
    existing: int = Field(
        description="Tasks of the year that were there already (left as they were)."
    )
    tasks: list[WheelTaskRead] = Field(description="The tasks this call created.")


class TaskStatusUpdate(Input):
    status: TaskStatus
