"""REST DTOs of bodies (steering, coordinating, executive)."""

from __future__ import annotations

from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import Bool, Int, optional
from domain.organisation import model as m

Name = Field(min_length=1, max_length=m.NAME_MAX)


class BodyRead(Dto):
    id: UUID
    name: str
    level: m.Level
    mandate: str | None
    is_politiraad: bool
    meeting_norm_per_year: int | None
    version: int

    @classmethod
    def from_domain(cls, b: m.Body) -> Self:
        return cls(
            id=b.id,
            name=b.name,
            level=b.level,
            mandate=b.mandate,
            is_politiraad=b.is_politiraad,
            meeting_norm_per_year=b.meeting_norm_per_year,
            version=b.version,
        )


class BodyCreate(Input):
    name: str = Name
    level: m.Level
    mandate: str | None = Field(default=None, max_length=m.TEXT_MAX)
    is_politiraad: Bool = False
    meeting_norm_per_year: Int | None = Field(
        default=None, description="Defaults by level: steering 4, coordinating 12, executive none."
    )


class BodyUpdate(Update):
    name: str = optional(min_length=1, max_length=m.NAME_MAX)
    level: m.Level = optional()
    mandate: str | None = Field(default=None, max_length=m.TEXT_MAX)
    is_politiraad: Bool = optional()
    meeting_norm_per_year: Int | None = None
