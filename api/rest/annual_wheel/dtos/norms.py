"""REST DTOs of the meeting norms: each body against its norm in a year (warns, never forbids)."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto
from domain.annual_wheel.norms import NormStatus, NormWarning
from domain.organisation.model import Level


class NormRead(Dto):
    body_id: UUID
    body_name: str
    level: Level
    year: int
    norm: int | None = Field(description="Meetings a year; empty: no norm (executive level).")
    own_norm: bool = Field(description="The body's own norm; false: the handbook's default.")
    held: int
    planned: int = Field(description="Planned from today on.")
    needed: int = Field(description="Still to plan beyond held and planned.")
    possible: int = Field(description="The most the year can still reach.")
    unrecorded: int = Field(description="Planned dates passed without being recorded as held.")
    status: NormStatus
    warnings: list[NormWarning]
