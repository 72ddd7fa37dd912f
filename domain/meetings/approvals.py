"""Meetings domain room: use cases of approval — by the chair or at the next meeting, decision
numbers given on approval, corrections as new versions, distribution, and reading the versions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from uuid import UUID, uuid4

from domain.meetings import policies as pol
from domain.meetings.approval import Approval, ApprovalKind
from domain.meetings.base import UseCases
from domain.meetings.decision import Decision, DecisionNumber, body_code
from domain.meetings.errors import IllegalTransition, MinutesLocked, NotChair
from domain.meetings.meeting import Meeting
from domain.meetings.minutes import ItemMinutes, MinutesVersion
from domain.meetings.ports import MeetingsUnitOfWork
from domain.meetings.status import APPROVED, MeetingStatus, require_status
from domain.shared.changes import expect_version
from domain.shared.errors import ValidationFailed
from domain.shared.principal import Principal

S = MeetingStatus
_HAPPENED = frozenset({S.HELD, S.MINUTES_DRAFT, S.MINUTES_APPROVED, S.DISTRIBUTED})
NOT_CHAIR = "Only the person who chaired the body on the meeting's date may do this."


class ApprovalUseCases(UseCases):
    async def approve_by_chair(
        self, p: Principal, meeting_id: UUID, expected_version: int | None
    ) -> MinutesVersion:
        """The chair on the meeting's date (a chair membership active that day) approves."""
        async with self._open(p) as uow:
            meeting = await self._readable(uow, p, meeting_id)
            await self._require_chair(uow, p, meeting)
            approval = Approval(
                kind=ApprovalKind.CHAIR,
                approved_at=self._clock.now(),
                recorded_by_person_id=p.person_id,
                chair_person_id=p.person_id,
            )
            return await self._approve(uow, meeting, approval, expected_version)

    async def approve_at_next_meeting(
        self,
        p: Principal,
        meeting_id: UUID,
        approving_meeting_id: UUID,
        expected_version: int | None,
    ) -> MinutesVersion:
        """A later meeting of the same body, which has been held, approved the minutes; whoever
        manages the body's meetings records it with that meeting's id."""
        async with self._open(p) as uow:
            meeting = await self._managed(uow, p, meeting_id)
            later = await uow.meetings.get(approving_meeting_id)
            if later.body_id != meeting.body_id or later.starts_at <= meeting.starts_at:
                raise ValidationFailed.single(
                    "approvingMeetingId", "not-a-later-meeting", "A later meeting of the same body."
                )
            if later.status not in _HAPPENED:
                raise IllegalTransition(
                    meeting.status, S.MINUTES_APPROVED, "the approving meeting has not been held"
                )
            approval = Approval(
                kind=ApprovalKind.NEXT_MEETING,
                approved_at=self._clock.now(),
                recorded_by_person_id=p.person_id,
                approving_meeting_id=later.id,
            )
            approved = await self._approve(uow, meeting, approval, expected_version)
        # Recorded by a manager who may have no seat: the restricted layer only for members.
        return approved.as_seen(restricted=pol.can_see_restricted(p, meeting.body_id))

    async def correct_minutes(
        self,
        p: Principal,
        meeting_id: UUID,
        items: Sequence[ItemMinutes],
        reason: str,
        override_reason: str | None = None,
    ) -> MinutesVersion:
        """A new version of approved minutes, with a reason, made and approved by the chair on
        the meeting's date; the earlier versions stay as they are."""
        async with self._open(p) as uow:
            meeting = await self._readable(uow, p, meeting_id)
            require_status(meeting.status, APPROVED, "correcting minutes")
            await self._require_chair(uow, p, meeting)
            current = await uow.minutes.current(meeting_id)
            assert current is not None  # approved minutes exist in these statuses
            agenda = {i.id for i in await uow.agenda.of_meeting(meeting_id)}
            if any(i.agenda_item_id not in agenda for i in items):
                raise ValidationFailed.single("items", "unknown", "No such item on this agenda.")
            texts: dict[str, str | None] = {
                f"items.{n}.openText": i.open_text for n, i in enumerate(items)
            }
            texts |= {f"items.{n}.restrictedText": i.restricted_text for n, i in enumerate(items)}
            await self._screen(uow, p, meeting, texts, override_reason)
            approval = Approval(
                kind=ApprovalKind.CHAIR,
                approved_at=self._clock.now(),
                recorded_by_person_id=p.person_id,
                chair_person_id=p.person_id,
            )
            new = current.corrected(
                id=uuid4(), items=tuple(items), reason=reason, approval=approval
            )
            await uow.minutes.add(new)
            await uow.commit()
        return new

    async def minutes_versions(self, p: Principal, meeting_id: UUID) -> Sequence[MinutesVersion]:
        """Every version, oldest first; the restricted layer only for the body's members."""
        async with self._open(p) as uow:
            meeting = await self._readable(uow, p, meeting_id)
            restricted = pol.can_see_restricted(p, meeting.body_id)
            return [
                v.as_seen(restricted=restricted) for v in await uow.minutes.versions(meeting_id)
            ]

    async def decisions(self, p: Principal, meeting_id: UUID) -> Sequence[Decision]:
        async with self._open(p) as uow:
            await self._readable(uow, p, meeting_id)
            return await uow.decisions.of_meeting(meeting_id)

    @staticmethod
    async def _require_chair(uow: MeetingsUnitOfWork, p: Principal, meeting: Meeting) -> None:
        memberships = await uow.memberships.of_body(meeting.body_id)
        if not (p.is_person and pol.chaired_on(memberships, p.person_id, meeting.day)):
            raise NotChair(NOT_CHAIR)

    @staticmethod
    async def _approve(
        uow: MeetingsUnitOfWork, meeting: Meeting, approval: Approval, expected_version: int | None
    ) -> MinutesVersion:
        """One transaction: the meeting approved, the draft approved, the decisions numbered in
        agenda order from the body's gapless counter for the meeting's year."""
        expected = expect_version(meeting.version, expected_version)
        moved = meeting.moved_to(S.MINUTES_APPROVED)
        draft = await uow.minutes.current(meeting.id)
        if draft is None or draft.approved:
            raise MinutesLocked("There is no draft to approve.")
        body = await uow.bodies.get(meeting.body_id)
        code = body_code(body.name)
        order = {i.id: i.position for i in await uow.agenda.of_meeting(meeting.id)}
        decisions = sorted(
            (d for d in await uow.decisions.of_meeting(meeting.id) if d.number is None),
            key=lambda d: (order.get(d.agenda_item_id, 0), d.ordinal),
        )
        for d in decisions:
            seq = await uow.decisions.next_decision_number(meeting.body_id, meeting.year)
            number = DecisionNumber(body_code=code, sequence=seq, year=meeting.year)
            await uow.decisions.update(replace(d, number=number, version=d.version + 1), d.version)
        approved = draft.approved_by(approval)
        await uow.meetings.update(moved, expected)
        await uow.minutes.update(approved, draft.version)
        await uow.commit()
        return approved
