"""REST meetings room: DTOs of minutes versions (open and restricted layer per item), approval,
corrections."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input
from api.rest.meetings.dtos import fields
from domain.meetings import limits
from domain.meetings.approval import ApprovalKind


class ItemMinutesRead(Dto):
    agenda_item_id: UUID
    open_text: str
    restricted_text: str | None = Field(
        description="Members of the body only: null for everyone else (and when none is written)."
    )


class ApprovalRead(Dto):
    kind: ApprovalKind
    approved_at: datetime
    recorded_by_person_id: UUID | None
    chair_person_id: UUID | None
    approving_meeting_id: UUID | None


class MinutesVersionRead(Dto):
    id: UUID
    meeting_id: UUID
    number: int = Field(description="1 is the original; above 1 a correction.")
    written_at: datetime
    items: list[ItemMinutesRead]
    approval: ApprovalRead | None
    approved: bool
    correction_reason: str | None
    version: int = Field(description="The draft's version, for If-Match when writing an item.")


class ItemMinutesWrite(Input):
    open_text: str = Field(default="", max_length=limits.TEXT_MAX, description="The open summary.")
    restricted_text: str | None = fields.text(
        limits.TEXT_MAX, description="For the body's members only; never leaves the system."
    )
    override_reason: str | None = fields.override_reason()


class MinutesApprove(Input):
    kind: ApprovalKind = Field(
        description="chair: the chair on the meeting's date approves (only they may); "
        "next_meeting: a later held meeting of the body approved them (name it)."
    )
    approving_meeting_id: UUID | None = Field(
        default=None, description="The later meeting that approved them (next_meeting only)."
    )


class ItemMinutesCorrection(Input):
    agenda_item_id: UUID
    open_text: str = Field(default="", max_length=limits.TEXT_MAX)
    restricted_text: str | None = fields.text(limits.TEXT_MAX)


class MinutesCorrection(Input):
    reason: str = fields.reason()
    items: list[ItemMinutesCorrection] = Field(
        max_length=limits.AGENDA_ITEMS_MAX,
        description="The corrected version's texts, every item it keeps.",
    )
    override_reason: str | None = fields.override_reason()
