"""REST DTOs of the wheel's templates (its recurring tasks)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import NOT_BLANK, Bool, Int, in_range, optional, stated
from domain.annual_wheel.limits import TEXT_MAX, TITLE_MAX
from domain.annual_wheel.template import OwnerRole
from domain.organisation.model import Level


def _title() -> Any:
    return Field(min_length=1, max_length=TITLE_MAX, json_schema_extra=stated(pattern=NOT_BLANK))


def _month(**field: Any) -> Any:
    return in_range(1, 12, description="1 = January.", **field)


def _day() -> Any:
    return in_range(1, 31, default=None, description="Empty: the month's last day.")


class WheelTemplateRead(Dto):
    id: UUID
    title: str
    month: int
    day: int | None
    owner_role: OwnerRole
    body_level: Level | None
    description: str | None
    active: bool
    version: int


class WheelTemplateCreate(Input):
    title: str = _title()
    month: Int = _month()
    day: Int | None = _day()
    owner_role: OwnerRole
    body_level: Level | None = Field(
        default=None, description="Required for a chair or secretary; empty: the whole unit."
    )
    description: str | None = Field(default=None, max_length=TEXT_MAX)


class WheelTemplateUpdate(Update):
    title: str = optional(stated(pattern=NOT_BLANK), min_length=1, max_length=TITLE_MAX)
    month: Int = optional(stated(minimum=1, maximum=12))
    day: Int | None = _day()
    owner_role: OwnerRole = optional()
    body_level: Level | None = None
    description: str | None = Field(default=None, max_length=TEXT_MAX)
    active: Bool = optional()


class SeedRead(Dto):
    created: int = Field(description="Templates seeded; 0 when the unit already had a wheel.")
    templates: list[WheelTemplateRead]
