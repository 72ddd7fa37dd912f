"""Meetings domain room: batch reads for the GraphQL DataLoaders — several meetings' rows at once,
each use case a constant number of statements whatever the list lengths, authorised per meeting
as the single reads are (a meeting the principal may not read contributes nothing)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import date
from typing import Protocol, TypeVar
from uuid import UUID

from domain.meetings import policies as pol
from domain.meetings.action_item import ActionItem
from domain.meetings.agenda_item import AgendaItem
from domain.meetings.attendance import Attendance, Quorum, quorum
from domain.meetings.base import UseCases
from domain.meetings.decision import Decision
from domain.meetings.meeting import Meeting
from domain.meetings.minutes import MinutesVersion
from domain.meetings.ports import MeetingsUnitOfWork
from domain.shared.principal import Principal

R = TypeVar("R")


class _OfMeeting(Protocol):
    @property
    def meeting_id(self) -> UUID: ...


_M = TypeVar("_M", bound=_OfMeeting)


def _grouped(
    ids: Sequence[UUID], rows: Sequence[R], key: Callable[[R], UUID]
) -> dict[UUID, list[R]]:
    out: dict[UUID, list[R]] = {i: [] for i in ids}
    for r in rows:
        if key(r) in out:
            out[key(r)].append(r)
    return out


class ReadUseCases(UseCases):
    def today(self) -> date:
        """The clock's date (Norwegian) the doors flag overdue action items against."""
        return self._clock.today()

    @staticmethod
    async def _readable_many(
        uow: MeetingsUnitOfWork, p: Principal, ids: Sequence[UUID]
    ) -> list[Meeting]:
        found = await uow.meetings.get_many(list(dict.fromkeys(ids)))
        return [m for m in found if pol.can_read_meetings(p, m.body_id)]

    async def _readable_ids(
        self, uow: MeetingsUnitOfWork, p: Principal, ids: Sequence[UUID]
    ) -> list[UUID]:
        """The ids among ``ids`` whose rows ``p`` may read: all of them for the unit's readers
        (another unit's or an unknown id finds no rows), else those of bodies ``p`` sits on —
        which takes a read of the meetings."""
        if pol.reads_every_body(p):
            return list(dict.fromkeys(ids))
        return [m.id for m in await self._readable_many(uow, p, ids)]

    async def meetings_by_id(self, p: Principal, ids: Sequence[UUID]) -> dict[UUID, Meeting]:
        async with self._open(p) as uow:
            return {m.id: m for m in await self._readable_many(uow, p, ids)}

    async def _rows_of_meetings(
        self,
        p: Principal,
        ids: Sequence[UUID],
        read: Callable[[MeetingsUnitOfWork, list[UUID]], Awaitable[Sequence[_M]]],
    ) -> dict[UUID, list[_M]]:
        """Rows of one repository for the meetings ``p`` may read, grouped by meeting."""
        async with self._open(p) as uow:
            mine = await self._readable_ids(uow, p, ids)
            rows = await read(uow, mine) if mine else []
        return _grouped(ids, rows, lambda r: r.meeting_id)

    async def agenda_of_meetings(
        self, p: Principal, ids: Sequence[UUID]
    ) -> dict[UUID, list[AgendaItem]]:
        return await self._rows_of_meetings(p, ids, lambda uow, m: uow.agenda.of_meetings(m))

    async def attendance_of_meetings(
        self, p: Principal, ids: Sequence[UUID]
    ) -> dict[UUID, list[Attendance]]:
        return await self._rows_of_meetings(p, ids, lambda uow, m: uow.attendance.of_meetings(m))

    async def decisions_of_meetings(
        self, p: Principal, ids: Sequence[UUID]
    ) -> dict[UUID, list[Decision]]:
        return await self._rows_of_meetings(p, ids, lambda uow, m: uow.decisions.of_meetings(m))

    async def actions_of_meetings(
        self, p: Principal, ids: Sequence[UUID]
    ) -> dict[UUID, list[ActionItem]]:
        return await self._rows_of_meetings(p, ids, lambda uow, m: uow.actions.of_meetings(m))

    async def minutes_of_meetings(
        self, p: Principal, ids: Sequence[UUID]
    ) -> dict[UUID, list[MinutesVersion]]:
        """Every version per meeting, oldest first; the restricted layer only for the body's
        members (``policies.can_see_restricted``), as ``minutes_versions``."""
        async with self._open(p) as uow:
            meetings = {m.id: m for m in await self._readable_many(uow, p, ids)}
            rows = await uow.minutes.versions_of_meetings(list(meetings)) if meetings else []
        seen = [
            v.as_seen(restricted=pol.can_see_restricted(p, meetings[v.meeting_id].body_id))
            for v in rows
        ]
        return _grouped(ids, seen, lambda v: v.meeting_id)

    async def quorums_of_meetings(self, p: Principal, ids: Sequence[UUID]) -> dict[UUID, Quorum]:
        """The quorum of each meeting on its date (rule: ``domain.meetings.attendance``)."""
        async with self._open(p) as uow:
            meetings = await self._readable_many(uow, p, ids)
            if not meetings:
                return {}
            bodies = list({m.body_id for m in meetings})
            views = await uow.memberships.views_of_bodies(bodies, None)
            rows = await uow.attendance.of_meetings([m.id for m in meetings])
        members = _grouped(bodies, [v.membership for v in views], lambda x: x.body_id)
        present = _grouped([m.id for m in meetings], rows, lambda r: r.meeting_id)
        return {m.id: quorum(members[m.body_id], present[m.id], m.day) for m in meetings}
