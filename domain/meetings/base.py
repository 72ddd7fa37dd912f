"""Meetings domain room: the base every use-case class shares (authorise, open a unit of work,
screen free text through the guard and record overrides).

Each use case authorises, opens one unit of work, applies the rules and commits. Both front
doors (REST, GraphQL) call the use cases and nothing else, so they share rules and authorisation.
"""

from __future__ import annotations

from collections.abc import Mapping
from uuid import UUID

from domain.meetings import policies as pol
from domain.meetings.guard import OverrideRecord, screen
from domain.meetings.meeting import Meeting
from domain.meetings.ports import (
    Clock,
    FreeTextGuard,
    MeetingsUnitOfWork,
    MeetingsUnitOfWorkFactory,
)
from domain.meetings.status import WRITABLE, require_status
from domain.shared.policies import require
from domain.shared.principal import Principal


class UseCases:
    def __init__(
        self, uow_factory: MeetingsUnitOfWorkFactory, clock: Clock, guard: FreeTextGuard
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._guard = guard

    def _open(self, p: Principal) -> MeetingsUnitOfWork:
        return self._uow(p.unit_id)

    @staticmethod
    async def _readable(uow: MeetingsUnitOfWork, p: Principal, meeting_id: UUID) -> Meeting:
        """The meeting, once ``p`` may read its body's meetings (another unit's: ``NotFound``)."""
        meeting = await uow.meetings.get(meeting_id)
        require(pol.can_read_meetings(p, meeting.body_id), "see this body's meetings")
        return meeting

    @staticmethod
    async def _managed(uow: MeetingsUnitOfWork, p: Principal, meeting_id: UUID) -> Meeting:
        """The meeting, once ``p`` may manage its body's meetings."""
        meeting = await uow.meetings.get(meeting_id)
        require(pol.can_manage_meetings(p, meeting.body_id), "change this body's meetings")
        return meeting

    async def _drafting(self, uow: MeetingsUnitOfWork, p: Principal, meeting_id: UUID) -> Meeting:
        """The meeting whose minutes ``p`` is writing: managed, and its minutes a draft."""
        meeting = await self._managed(uow, p, meeting_id)
        require_status(meeting.status, WRITABLE, "writing minutes")
        return meeting

    async def _screen(
        self,
        uow: MeetingsUnitOfWork,
        p: Principal,
        meeting: Meeting,
        texts: Mapping[str, str | None],
        override_reason: str | None,
    ) -> None:
        """The guard over ``texts`` at the body's level; blocks (``PersonalDataFound``) or records
        each override in the same transaction as the save."""
        body = await uow.bodies.get(meeting.body_id)
        await self._guard.prepare(p.unit_id)  # the unit's registered names, in this transaction
        overrides = screen(
            self._guard,
            texts,
            level=body.level.value,
            override_reason=override_reason,
            unit_id=p.unit_id,
        )
        for o in overrides:
            await uow.overrides.record(
                OverrideRecord(
                    override=o,
                    meeting_id=meeting.id,
                    person_id=p.person_id,
                    subject_key=p.subject_key,
                    at=self._clock.now(),
                )
            )
