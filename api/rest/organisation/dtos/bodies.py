"""REST DTOs of bodies (steering, coordinating, executive)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import Bool, Int, in_range, optional
from api.rest.organisation.dtos import fields
from domain.organisation.limits import MEETING_NORM_MAX, MEETING_NORM_MIN, TEXT_MAX
from domain.organisation.model import Level


def meeting_norm(description: str | None = None) -> Any:
    return in_range(MEETING_NORM_MIN, MEETING_NORM_MAX, default=None, description=description)


class BodyRead(Dto):
    id: UUID
    name: str
    level: Level
    mandate: str | None
    is_politiraad: bool
    meeting_norm_per_year: int | None
    version: int


class BodyCreate(Input):
    name: str = fields.name()
    level: Level
    mandate: str | None = fields.text(TEXT_MAX)
    is_politiraad: Bool = False
    meeting_norm_per_year: Int | None = meeting_norm(
        "Defaults by level: steering 4, coordinating 12, executive none."
    )


class BodyUpdate(Update):
    name: str = fields.new_name()
    level: Level = optional()
    mandate: str | None = fields.text(TEXT_MAX)
    is_politiraad: Bool = optional()
    meeting_norm_per_year: Int | None = meeting_norm()
