"""REST meetings room: DTOs of attendance (one row per person and meeting)."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input
from domain.meetings.attendance import Presence


class AttendanceRead(Dto):
    id: UUID
    meeting_id: UUID
    person_id: UUID
    presence: Presence
    substitute_for_person_id: UUID | None
    organisation_id: UUID | None
    version: int


class AttendanceSet(Input):
    presence: Presence
    substitute_for_person_id: UUID | None = Field(
        default=None, description="The absent member this person stands in for (present only)."
    )
    organisation_id: UUID | None = Field(
        default=None, description="The organisation the person represented."
    )
