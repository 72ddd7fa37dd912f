"""REST meetings room: the open minutes as JSON (open layer only: no restricted field exists here)."""

from __future__ import annotations

from datetime import date, datetime

from api.rest.dtos import Dto
from domain.meetings.action_item import ActionStatus
from domain.meetings.agenda_item import AgendaKind
from domain.meetings.attendance import Presence


class OpenAttendee(Dto):
    name: str
    presence: Presence
    organisation: str | None
    substitute_for: str | None


class OpenDecision(Dto):
    body_code: str
    number: int
    year: int
    text: str


class OpenActionItem(Dto):
    text: str
    owner: str
    due: date | None
    status: ActionStatus


class OpenAgendaItem(Dto):
    number: int
    title: str
    kind: AgendaKind
    summary: str
    decisions: list[OpenDecision]
    action_items: list[OpenActionItem]


class OpenMinutesRead(Dto):
    body_name: str
    starts_at: datetime
    ends_at: datetime | None
    place: str
    attendees: list[OpenAttendee]
    items: list[OpenAgendaItem]
    version: int
    correction_reason: str | None
    approved_on: date | None
    approved_by: str | None
