"""REST meetings room: DTOs of decisions and action items."""

from __future__ import annotations

from datetime import date
from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import IsoDate, optional
from api.rest.meetings.dtos import fields
from domain.meetings import limits
from domain.meetings.action_item import ActionItem, ActionStatus
from domain.meetings.decision import Decision


class DecisionRead(Dto):
    id: UUID
    meeting_id: UUID
    agenda_item_id: UUID
    body_id: UUID
    text: str
    ordinal: int
    number: str | None = Field(
        description='E.g. "KOG 12/2026"; null until the minutes are approved.'
    )
    sequence: int | None = Field(description="The number within the body and year.")
    version: int

    @classmethod
    def of(cls, d: Decision) -> Self:
        return cls(
            id=d.id,
            meeting_id=d.meeting_id,
            agenda_item_id=d.agenda_item_id,
            body_id=d.body_id,
            text=d.text,
            ordinal=d.ordinal,
            number=d.number.label if d.number else None,
            sequence=d.number.sequence if d.number else None,
            version=d.version,
        )


class DecisionCreate(Input):
    agenda_item_id: UUID
    text: str = fields.required_text(limits.TEXT_MAX)
    override_reason: str | None = fields.override_reason()


class DecisionUpdate(Input):
    text: str = fields.required_text(limits.TEXT_MAX)
    override_reason: str | None = fields.override_reason()


class ActionItemRead(Dto):
    id: UUID
    meeting_id: UUID
    agenda_item_id: UUID
    text: str
    owner_person_id: UUID
    due: date | None
    status: ActionStatus
    overdue: bool = Field(description="Open and past its due date (Norwegian calendar day).")
    version: int

    @classmethod
    def of(cls, a: ActionItem, today: date) -> Self:
        return cls.model_validate(
            {**{k: getattr(a, k) for k in _ACTION_FIELDS}, "overdue": a.is_overdue(today)}
        )


_ACTION_FIELDS = (
    "id",
    "meeting_id",
    "agenda_item_id",
    "text",
    "owner_person_id",
    "due",
    "status",
    "version",
)


class ActionItemCreate(Input):
    agenda_item_id: UUID
    text: str = fields.required_text(limits.ACTION_TEXT_MAX)
    owner_person_id: UUID
    due: IsoDate | None = None
    override_reason: str | None = fields.override_reason()


class ActionItemUpdate(Update):
    text: str = fields.new_text(limits.ACTION_TEXT_MAX)
    owner_person_id: UUID = optional()
    due: IsoDate | None = None
    override_reason: str | None = fields.override_reason()


class ActionStatusSet(Input):
    status: ActionStatus
