"""Meetings domain room: use cases of the meeting itself (plan, change, hold, cancel, read)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid4

from domain.meetings import policies as pol
from domain.meetings.base import UseCases
from domain.meetings.errors import IllegalTransition
from domain.meetings.meeting import Meeting
from domain.meetings.status import DocumentationStatus, MeetingStatus, require_status
from domain.shared.changes import UNSET, Changes, Unset, apply, expect_version
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.policies import require
from domain.shared.principal import Principal

_WHEN_AND_WHERE = frozenset({"starts_at", "ends_at", "place", "link"})


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingChanges(Changes):
    starts_at: datetime | Unset = UNSET
    ends_at: datetime | Unset = UNSET
    place: str | Unset | None = UNSET
    link: str | Unset | None = UNSET
    documentation_status: DocumentationStatus | Unset = UNSET
    archive_worthy: bool | Unset = UNSET


class MeetingUseCases(UseCases):
    async def plan_meeting(
        self,
        p: Principal,
        *,
        body_id: UUID,
        starts_at: datetime,
        ends_at: datetime,
        place: str | None = None,
        link: str | None = None,
    ) -> Meeting:
        require(pol.can_manage_meetings(p, body_id), "plan this body's meetings")
        meeting = Meeting(
            id=uuid4(),
            unit_id=p.unit_id,
            body_id=body_id,
            starts_at=starts_at,
            ends_at=ends_at,
            place=(place or "").strip() or None,
            link=(link or "").strip() or None,
        )
        meeting.check()
        async with self._open(p) as uow:
            try:
                await uow.bodies.get(body_id)
            except NotFound:
                raise ValidationFailed.single(
                    "bodyId", "unknown", "No such body in this unit."
                ) from None
            await uow.meetings.add(meeting)
            await uow.commit()
        return meeting

    async def update_meeting(
        self, p: Principal, id: UUID, changes: MeetingChanges, expected_version: int | None
    ) -> Meeting:
        """Time and place change while the meeting is planned; the documentation status and the
        archive-worthy flag whenever."""
        async with self._open(p) as uow:
            meeting = await self._managed(uow, p, id)
            expected = expect_version(meeting.version, expected_version)
            if _WHEN_AND_WHERE & changes.set_fields().keys():
                require_status(meeting.status, frozenset({MeetingStatus.PLANNED}), "moving it")
            new = apply(meeting, changes.trimmed())
            new.check()
            await uow.meetings.update(new, expected)
            await uow.commit()
        return new

    async def get_meeting(self, p: Principal, id: UUID) -> Meeting:
        async with self._open(p) as uow:
            return await self._readable(uow, p, id)

    async def meetings_of_body(self, p: Principal, body_id: UUID) -> Sequence[Meeting]:
        require(pol.can_read_meetings(p, body_id), "see this body's meetings")
        async with self._open(p) as uow:
            return await uow.meetings.of_body(body_id)

    async def hold_meeting(self, p: Principal, id: UUID, expected_version: int | None) -> Meeting:
        """Record that the meeting took place: it must be planned and have begun."""
        async with self._open(p) as uow:
            meeting = await self._managed(uow, p, id)
            expected = expect_version(meeting.version, expected_version)
            if meeting.status is MeetingStatus.PLANNED and self._clock.now() < meeting.starts_at:
                raise IllegalTransition(
                    meeting.status, MeetingStatus.HELD, "the meeting has not begun yet"
                )
            new = meeting.moved_to(MeetingStatus.HELD)
            await uow.meetings.update(new, expected)
            await uow.commit()
        return new

    async def cancel_meeting(
        self, p: Principal, id: UUID, reason: str, expected_version: int | None
    ) -> Meeting:
        async with self._open(p) as uow:
            meeting = await self._managed(uow, p, id)
            expected = expect_version(meeting.version, expected_version)
            new = meeting.cancelled(reason)
            await uow.meetings.update(new, expected)
            await uow.commit()
        return new
