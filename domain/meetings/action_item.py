"""Meetings domain room: action items (an owner, a due date, open | done | cancelled)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from domain.meetings.errors import IllegalTransition
from domain.meetings.limits import ACTION_TEXT_MAX
from domain.shared import validation as v
from domain.shared.documents import ActionStatus as ActionStatus
from domain.shared.errors import Errors

# An open item is done or cancelled; a closed one may be reopened (work turns out unfinished).
ACTION_TRANSITIONS: dict[ActionStatus, frozenset[ActionStatus]] = {
    ActionStatus.OPEN: frozenset({ActionStatus.DONE, ActionStatus.CANCELLED}),
    ActionStatus.DONE: frozenset({ActionStatus.OPEN}),
    ActionStatus.CANCELLED: frozenset({ActionStatus.OPEN}),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionItem:
    id: UUID
    unit_id: UUID
    meeting_id: UUID
    agenda_item_id: UUID
    text: str
    owner_person_id: UUID
    due: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    version: int = 1

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        v.text(e, "text", self.text, required=True, max_len=ACTION_TEXT_MAX)
        e.raise_if_any()

    def is_overdue(self, today: date) -> bool:
        """Open and past its due date (due today is not overdue yet)."""
        return self.status is ActionStatus.OPEN and self.due is not None and self.due < today

    def with_status(self, target: ActionStatus) -> ActionItem:
        if target not in ACTION_TRANSITIONS[self.status]:
            raise IllegalTransition(
                self.status, target, f"an item that is {self.status} cannot become {target}"
            )
        return replace(self, status=target, version=self.version + 1)
