"""REST meetings room: DTOs of agenda items and the agenda's order."""

from __future__ import annotations

from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import optional
from api.rest.meetings.dtos import fields
from domain.meetings import limits
from domain.meetings.agenda_item import AgendaKind


class AgendaItemRead(Dto):
    id: UUID
    meeting_id: UUID
    position: int
    title: str
    kind: AgendaKind
    owner_person_id: UUID | None
    measure_id: UUID | None
    focus_area_id: UUID | None
    version: int


class AgendaItemCreate(Input):
    title: str = fields.required_text(limits.TITLE_MAX)
    kind: AgendaKind = AgendaKind.INFORMATION
    owner_person_id: UUID | None = None
    measure_id: UUID | None = None
    focus_area_id: UUID | None = None
    override_reason: str | None = fields.override_reason()


class AgendaItemUpdate(Update):
    title: str = fields.new_text(limits.TITLE_MAX)
    kind: AgendaKind = optional()
    owner_person_id: UUID | None = None
    measure_id: UUID | None = None
    focus_area_id: UUID | None = None
    override_reason: str | None = fields.override_reason()


class AgendaOrder(Input):
    order: list[UUID] = Field(
        max_length=limits.AGENDA_ITEMS_MAX,
        description="Every agenda item's id exactly once, in the new order.",
    )
