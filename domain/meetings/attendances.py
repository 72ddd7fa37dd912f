"""Meetings domain room: use cases of attendance (record a person's presence) and the quorum shown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from uuid import UUID, uuid4

from domain.meetings.attendance import Attendance, Presence, Quorum, quorum
from domain.meetings.base import UseCases
from domain.meetings.limits import ATTENDANCE_MAX
from domain.meetings.status import MeetingStatus, require_status
from domain.shared.errors import ValidationFailed
from domain.shared.principal import Principal

S = MeetingStatus
# Notice of absence comes before the meeting; presence is recorded at it and while writing minutes.
RECORDABLE = frozenset({S.PLANNED, S.HELD, S.MINUTES_DRAFT})


class AttendanceUseCases(UseCases):
    async def record_attendance(
        self,
        p: Principal,
        meeting_id: UUID,
        *,
        person_id: UUID,
        presence: Presence,
        substitute_for_person_id: UUID | None = None,
        organisation_id: UUID | None = None,
    ) -> Attendance:
        """Sets one person's attendance (the row is created or replaced: one per person)."""
        async with self._open(p) as uow:
            meeting = await self._managed(uow, p, meeting_id)
            require_status(meeting.status, RECORDABLE, "recording attendance")
            rows = await uow.attendance.of_meeting(meeting_id)
            current = next((a for a in rows if a.person_id == person_id), None)
            if current is None and len(rows) >= ATTENDANCE_MAX:
                raise ValidationFailed.single(
                    "personId",
                    "too-many",
                    f"At most {ATTENDANCE_MAX} attendees.",
                    {"max": ATTENDANCE_MAX},
                )
            if current is None:
                row = Attendance(
                    id=uuid4(),
                    unit_id=p.unit_id,
                    meeting_id=meeting_id,
                    person_id=person_id,
                    presence=presence,
                    substitute_for_person_id=substitute_for_person_id,
                    organisation_id=organisation_id,
                )
                row.check()
                await uow.attendance.add(row)
            else:
                row = replace(
                    current,
                    presence=presence,
                    substitute_for_person_id=substitute_for_person_id,
                    organisation_id=organisation_id,
                    version=current.version + 1,
                )
                row.check()
                await uow.attendance.update(row, current.version)
            await uow.commit()
        return row

    async def attendance(self, p: Principal, meeting_id: UUID) -> Sequence[Attendance]:
        async with self._open(p) as uow:
            await self._readable(uow, p, meeting_id)
            return await uow.attendance.of_meeting(meeting_id)

    async def quorum(self, p: Principal, meeting_id: UUID) -> Quorum:
        """The quorum on the meeting's date (rule: ``domain.meetings.attendance``)."""
        async with self._open(p) as uow:
            meeting = await self._readable(uow, p, meeting_id)
            memberships = await uow.memberships.of_body(meeting.body_id)
            rows = await uow.attendance.of_meeting(meeting_id)
            return quorum(memberships, rows, meeting.day)
