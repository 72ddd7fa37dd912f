"""REST meetings room: DTOs of the meeting itself (plan, change, cancel, read) and its quorum."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import Bool, optional
from api.rest.meetings.dtos import fields
from domain.meetings import limits
from domain.meetings.status import DocumentationStatus, MeetingStatus


class MeetingRead(Dto):
    id: UUID
    body_id: UUID
    starts_at: datetime
    ends_at: datetime
    place: str | None
    link: str | None
    status: MeetingStatus
    cancel_reason: str | None
    documentation_status: DocumentationStatus
    archive_worthy: bool
    year: int = Field(description="The year (in Norway) its decisions are numbered in.")
    version: int


class MeetingCreate(Input):
    body_id: UUID
    starts_at: fields.Instant = Field(
        description="With its offset, e.g. 2026-03-02T10:00:00+01:00."
    )
    ends_at: fields.Instant = Field(description="After the start, at most 24 hours later.")
    place: str | None = fields.text(limits.PLACE_MAX, description="A place, a link, or both.")
    link: str | None = fields.text(limits.LINK_MAX, description="An https:// meeting link.")


class MeetingUpdate(Update):
    starts_at: fields.Instant = optional()
    ends_at: fields.Instant = optional()
    place: str | None = fields.text(limits.PLACE_MAX)
    link: str | None = fields.text(limits.LINK_MAX)
    documentation_status: DocumentationStatus = optional()
    archive_worthy: Bool = optional()


class MeetingCancel(Input):
    reason: str = fields.reason()


class QuorumRead(Dto):
    voting_members: int = Field(description="Chair, deputy and members on the meeting's date.")
    present: int = Field(description="Seats filled (a substitute fills an absent member's seat).")
    required: int
    reached: bool
