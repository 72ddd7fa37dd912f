"""Meetings domain room: how minutes were approved — by the chair, or at the next meeting."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from domain.shared.errors import Errors


class ApprovalKind(enum.StrEnum):
    CHAIR = "chair"  # the chair on the meeting's date signs them off
    NEXT_MEETING = "next_meeting"  # a later meeting of the same body approves them


@dataclass(frozen=True, slots=True, kw_only=True)
class Approval:
    """Who approved a minutes version and when: the chair's person id, or the approving meeting."""

    kind: ApprovalKind
    approved_at: datetime
    recorded_by_person_id: UUID | None = None
    chair_person_id: UUID | None = None
    approving_meeting_id: UUID | None = None

    def __post_init__(self) -> None:
        e = Errors()
        if self.kind is ApprovalKind.CHAIR and self.chair_person_id is None:
            e.add("chairPersonId", "required", "A chair's approval names the chair.")
        if self.kind is ApprovalKind.NEXT_MEETING and self.approving_meeting_id is None:
            e.add("approvingMeetingId", "required", "Name the meeting that approved the minutes.")
        if self.approved_at.tzinfo is None:
            e.add("approvedAt", "naive-datetime", "Times must carry their offset.")
        e.raise_if_any()
