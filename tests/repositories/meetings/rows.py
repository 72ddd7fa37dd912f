"""Repository tier, meetings: small builders of valid meetings rows for the contract cases."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from domain.meetings.action_item import ActionItem
from domain.meetings.agenda_item import AgendaItem, AgendaKind
from domain.meetings.approval import Approval, ApprovalKind
from domain.meetings.attendance import Attendance, Presence
from domain.meetings.decision import Decision
from domain.meetings.meeting import Meeting
from domain.meetings.minutes import ItemMinutes, MinutesVersion
from domain.organisation.model import Body

START = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def meeting(body: Body, starts: datetime = START, **kw: Any) -> Meeting:
    m = Meeting(
        id=uuid4(),
        unit_id=body.unit_id,
        body_id=body.id,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        place="Rådhuset, møterom 2",
        **kw,
    )
    m.check()
    return m


def item(m: Meeting, position: int, title: str = "Orientering", **kw: Any) -> AgendaItem:
    return AgendaItem(
        id=uuid4(),
        unit_id=m.unit_id,
        meeting_id=m.id,
        position=position,
        title=title,
        kind=kw.pop("kind", AgendaKind.DISCUSSION),
        **kw,
    )


def attendance(m: Meeting, person_id: UUID, **kw: Any) -> Attendance:
    return Attendance(
        id=uuid4(),
        unit_id=m.unit_id,
        meeting_id=m.id,
        person_id=person_id,
        presence=kw.pop("presence", Presence.PRESENT),
        **kw,
    )


def minutes(m: Meeting, *items: AgendaItem, number: int = 1, **kw: Any) -> MinutesVersion:
    texts = tuple(
        ItemMinutes(agenda_item_id=i.id, open_text=f"Referat {i.title}", restricted_text="Intern")
        for i in items
    )
    return MinutesVersion(
        id=uuid4(),
        unit_id=m.unit_id,
        meeting_id=m.id,
        written_at=START,
        number=number,
        items=texts,
        **kw,
    )


def chair_approval(person_id: UUID) -> Approval:
    return Approval(
        kind=ApprovalKind.CHAIR,
        approved_at=START + timedelta(days=3),
        recorded_by_person_id=person_id,
        chair_person_id=person_id,
    )


def decision(m: Meeting, i: AgendaItem, ordinal: int = 1, **kw: Any) -> Decision:
    return Decision(
        id=uuid4(),
        unit_id=m.unit_id,
        meeting_id=m.id,
        agenda_item_id=i.id,
        body_id=m.body_id,
        text=kw.pop("text", "Gruppa sluttar seg til planen."),
        ordinal=ordinal,
        **kw,
    )


def action(
    m: Meeting, i: AgendaItem, owner: UUID, due: date | None = None, **kw: Any
) -> ActionItem:
    return ActionItem(
        id=uuid4(),
        unit_id=m.unit_id,
        meeting_id=m.id,
        agenda_item_id=i.id,
        text=kw.pop("text", "Kalle inn til arbeidsmøte."),
        owner_person_id=owner,
        due=due,
        **kw,
    )
