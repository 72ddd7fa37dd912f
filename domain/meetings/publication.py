"""Meetings domain room: what leaves the system — an approved minutes version mapped into the
kernel's ``OpenMinutes`` (open layer only: it has no field for restricted text), for mail, PDF
and archive. The mapping is pure; the use case gathers the names it needs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from uuid import UUID

from domain.meetings.action_item import ActionItem
from domain.meetings.agenda_item import AgendaItem
from domain.meetings.approval import ApprovalKind
from domain.meetings.attendance import Attendance
from domain.meetings.base import UseCases
from domain.meetings.decision import Decision
from domain.meetings.errors import IllegalTransition
from domain.meetings.meeting import OSLO, Meeting
from domain.meetings.minutes import MinutesVersion
from domain.meetings.ports import MeetingsUnitOfWork
from domain.meetings.status import APPROVED
from domain.shared import documents as doc
from domain.shared.errors import NotFound
from domain.shared.principal import Principal

DIGITAL = "Digitalt møte"  # the PDF is Norwegian; a link is not printed (it may admit anyone)
UNKNOWN = "(ukjent)"


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """Everything one approved version's open minutes are built from."""

    meeting: Meeting
    body_name: str
    version: MinutesVersion
    agenda: Sequence[AgendaItem]
    decisions: Sequence[Decision]
    actions: Sequence[ActionItem]
    attendance: Sequence[Attendance]
    names: Mapping[UUID, str]  # person and organisation ids → names


def open_minutes(r: Record) -> doc.OpenMinutes:
    """The open layer of ``r.version``: summaries, numbered decisions, action items, attendees."""
    if r.version.approval is None:
        raise IllegalTransition("minutes_draft", "distributed", "only approved minutes leave")

    def name(id: UUID | None) -> str | None:
        return None if id is None else r.names.get(id, UNKNOWN)

    texts = r.version.open_layer()
    items = tuple(
        doc.AgendaItem(
            number=a.position,
            title=a.title,
            kind=a.kind,
            summary=texts.get(a.id, ""),
            decisions=tuple(
                doc.Decision(
                    body_code=d.number.body_code,
                    number=d.number.sequence,
                    year=d.number.year,
                    text=d.text,
                )
                for d in r.decisions
                if d.agenda_item_id == a.id and d.number is not None
            ),
            action_items=tuple(
                doc.ActionItem(
                    text=x.text,
                    owner=name(x.owner_person_id) or UNKNOWN,
                    due=x.due,
                    status=x.status,
                )
                for x in r.actions
                if x.agenda_item_id == a.id
            ),
        )
        for a in sorted(r.agenda, key=lambda a: a.position)
    )
    attendees = tuple(
        doc.Attendee(
            name=name(x.person_id) or UNKNOWN,
            presence=x.presence,
            organisation=name(x.organisation_id),
            substitute_for=name(x.substitute_for_person_id),
        )
        for x in sorted(r.attendance, key=lambda x: name(x.person_id) or "")
    )
    approval = r.version.approval
    if approval.kind is ApprovalKind.CHAIR:
        approved_by = name(approval.chair_person_id)
    else:
        approved_by = "Godkjent i neste møte"
    return doc.OpenMinutes(
        body_name=r.body_name,
        starts_at=r.meeting.starts_at,
        ends_at=r.meeting.ends_at,
        place=r.meeting.place or DIGITAL,
        attendees=attendees,
        items=items,
        version=r.version.number,
        correction_reason=r.version.correction_reason,
        approved_on=approval.approved_at.astimezone(OSLO).date(),
        approved_by=approved_by,
    )


class PublicationUseCases(UseCases):
    async def open_minutes(
        self, p: Principal, meeting_id: UUID, number: int | None = None
    ) -> doc.OpenMinutes:
        """The open minutes of version ``number`` (default: the newest) of approved minutes;
        whoever may read the meeting may have them — they hold nothing restricted."""
        async with self._open(p) as uow:
            meeting = await self._readable(uow, p, meeting_id)
            if meeting.status not in APPROVED:
                raise IllegalTransition(
                    meeting.status, "distributed", "only approved minutes leave"
                )
            return await gather_open_minutes(uow, meeting, number)


async def gather_open_minutes(
    uow: MeetingsUnitOfWork, meeting: Meeting, number: int | None
) -> doc.OpenMinutes:
    """The open minutes of version ``number`` (default: the newest) of ``meeting``, read in
    ``uow`` (the caller has authorised and checked the status)."""
    versions = await uow.minutes.versions(meeting.id)
    chosen = (
        versions[-1] if number is None else next((v for v in versions if v.number == number), None)
    )
    if chosen is None:
        raise NotFound(f"No minutes version {number}.")
    body = await uow.bodies.get(meeting.body_id)
    attendance = await uow.attendance.of_meeting(meeting.id)
    actions = await uow.actions.of_meeting(meeting.id)
    people = {x.person_id for x in attendance} | {x.owner_person_id for x in actions}
    people |= {x.substitute_for_person_id for x in attendance if x.substitute_for_person_id}
    if chosen.approval and chosen.approval.chair_person_id:
        people.add(chosen.approval.chair_person_id)
    orgs = {x.organisation_id for x in attendance if x.organisation_id}
    names = {x.id: x.name for x in await uow.persons.get_many(sorted(people, key=str))}
    names |= {x.id: x.name for x in await uow.organisations.get_many(sorted(orgs, key=str))}
    return open_minutes(
        Record(
            meeting=meeting,
            body_name=body.name,
            version=chosen,
            agenda=await uow.agenda.of_meeting(meeting.id),
            decisions=await uow.decisions.of_meeting(meeting.id),
            actions=actions,
            attendance=attendance,
            names=names,
        )
    )
