"""Meetings room: rows (asyncpg records, by column name) to the meetings context's domain objects
and back; the column lists the reads select. Nested values (a minutes version's items and
approval, a decision's number) are flattened here and nowhere else."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from adapters.postgres.organisation.base import plain_values
from domain.meetings.action_item import ActionItem, ActionStatus
from domain.meetings.agenda_item import AgendaItem, AgendaKind
from domain.meetings.approval import Approval, ApprovalKind
from domain.meetings.attendance import Attendance, Presence
from domain.meetings.decision import Decision, DecisionNumber
from domain.meetings.meeting import Meeting
from domain.meetings.minutes import ItemMinutes, MinutesVersion
from domain.meetings.status import DocumentationStatus, MeetingStatus

Row = Any


def columns(table: str, *names: str) -> str:
    return ", ".join(f"{table}.{n}" for n in names)


MEETING_COLUMNS = columns(
    "meeting", "id", "unit_id", "body_id", "starts_at", "ends_at", "place", "link", "status",
    "cancel_reason", "documentation_status", "archive_worthy", "version",
)  # fmt: skip
AGENDA_COLUMNS = columns(
    "agenda_item", "id", "unit_id", "meeting_id", "position", "title", "kind",
    "owner_person_id", "measure_id", "focus_area_id", "version",
)  # fmt: skip
ATTENDANCE_COLUMNS = columns(
    "attendance", "id", "unit_id", "meeting_id", "person_id", "presence",
    "substitute_for_person_id", "organisation_id", "version",
)  # fmt: skip
MINUTES_COLUMNS = columns(
    "minutes_version", "id", "unit_id", "meeting_id", "number", "written_at", "items",
    "approval_kind", "approved_at", "approval_recorded_by_person_id",
    "approval_chair_person_id", "approving_meeting_id", "correction_reason", "version",
)  # fmt: skip
DECISION_COLUMNS = columns(
    "decision", "id", "unit_id", "meeting_id", "agenda_item_id", "body_id", "text", "ordinal",
    "number_body_code", "number_sequence", "number_year", "version",
)  # fmt: skip
ACTION_COLUMNS = columns(
    "action_item", "id", "unit_id", "meeting_id", "agenda_item_id", "text", "owner_person_id",
    "due", "status", "version",
)  # fmt: skip


def _json(value: Any) -> Any:
    """JSONB as asyncpg hands it over: text unless a codec was set on the connection."""
    return json.loads(value) if isinstance(value, str) else value


def meeting(r: Row) -> Meeting:
    return Meeting(
        id=r["id"],
        unit_id=r["unit_id"],
        body_id=r["body_id"],
        starts_at=r["starts_at"],
        ends_at=r["ends_at"],
        place=r["place"],
        link=r["link"],
        status=MeetingStatus(r["status"]),
        cancel_reason=r["cancel_reason"],
        documentation_status=DocumentationStatus(r["documentation_status"]),
        archive_worthy=r["archive_worthy"],
        version=r["version"],
    )


def agenda_item(r: Row) -> AgendaItem:
    return AgendaItem(
        id=r["id"],
        unit_id=r["unit_id"],
        meeting_id=r["meeting_id"],
        position=r["position"],
        title=r["title"],
        kind=AgendaKind(r["kind"]),
        owner_person_id=r["owner_person_id"],
        measure_id=r["measure_id"],
        focus_area_id=r["focus_area_id"],
        version=r["version"],
    )


def attendance(r: Row) -> Attendance:
    return Attendance(
        id=r["id"],
        unit_id=r["unit_id"],
        meeting_id=r["meeting_id"],
        person_id=r["person_id"],
        presence=Presence(r["presence"]),
        substitute_for_person_id=r["substitute_for_person_id"],
        organisation_id=r["organisation_id"],
        version=r["version"],
    )


def minutes(r: Row) -> MinutesVersion:
    approval = None
    if r["approved_at"] is not None:
        approval = Approval(
            kind=ApprovalKind(r["approval_kind"]),
            approved_at=r["approved_at"],
            recorded_by_person_id=r["approval_recorded_by_person_id"],
            chair_person_id=r["approval_chair_person_id"],
            approving_meeting_id=r["approving_meeting_id"],
        )
    items = tuple(
        ItemMinutes(
            agenda_item_id=UUID(i["agenda_item_id"]),
            open_text=i["open_text"],
            restricted_text=i["restricted_text"],
        )
        for i in _json(r["items"])
    )
    return MinutesVersion(
        id=r["id"],
        unit_id=r["unit_id"],
        meeting_id=r["meeting_id"],
        written_at=r["written_at"],
        number=r["number"],
        items=items,
        approval=approval,
        correction_reason=r["correction_reason"],
        version=r["version"],
    )


def minutes_values(m: MinutesVersion) -> dict[str, Any]:
    a = m.approval
    return {
        "id": m.id,
        "unit_id": m.unit_id,
        "meeting_id": m.meeting_id,
        "number": m.number,
        "written_at": m.written_at,
        "items": [
            {
                "agenda_item_id": str(i.agenda_item_id),
                "open_text": i.open_text,
                "restricted_text": i.restricted_text,
            }
            for i in m.items
        ],
        "approval_kind": a.kind.value if a else None,
        "approved_at": a.approved_at if a else None,
        "approval_recorded_by_person_id": a.recorded_by_person_id if a else None,
        "approval_chair_person_id": a.chair_person_id if a else None,
        "approving_meeting_id": a.approving_meeting_id if a else None,
        "correction_reason": m.correction_reason,
        "version": m.version,
    }


def decision(r: Row) -> Decision:
    number = None
    if r["number_sequence"] is not None:
        number = DecisionNumber(
            body_code=r["number_body_code"], sequence=r["number_sequence"], year=r["number_year"]
        )
    return Decision(
        id=r["id"],
        unit_id=r["unit_id"],
        meeting_id=r["meeting_id"],
        agenda_item_id=r["agenda_item_id"],
        body_id=r["body_id"],
        text=r["text"],
        ordinal=r["ordinal"],
        number=number,
        version=r["version"],
    )


def decision_values(d: Decision) -> dict[str, Any]:
    values = plain_values(d)
    del values["number"]
    n = d.number
    values.update(
        number_body_code=n.body_code if n else None,
        number_sequence=n.sequence if n else None,
        number_year=n.year if n else None,
    )
    return values


def action_item(r: Row) -> ActionItem:
    return ActionItem(
        id=r["id"],
        unit_id=r["unit_id"],
        meeting_id=r["meeting_id"],
        agenda_item_id=r["agenda_item_id"],
        text=r["text"],
        owner_person_id=r["owner_person_id"],
        due=r["due"],
        status=ActionStatus(r["status"]),
        version=r["version"],
    )
