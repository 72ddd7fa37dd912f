"""Meetings room: the meetings context's unit of work — the PostgreSQL unit of work
(``adapters/postgres/uow.py``: the request's connection, ``samordna.unit_id`` set) with the
meetings repositories on the same connection, beside the bodies and memberships it reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self
from uuid import UUID

from adapters.postgres.meetings.actions import PgActionItemRepository
from adapters.postgres.meetings.agenda import PgAgendaRepository
from adapters.postgres.meetings.attendance import PgAttendanceRepository
from adapters.postgres.meetings.constraints import domain_error
from adapters.postgres.meetings.decisions import PgDecisionRepository
from adapters.postgres.meetings.meetings import PgMeetingRepository
from adapters.postgres.meetings.minutes import PgMinutesRepository
from adapters.postgres.meetings.overrides import PgOverrideLog
from adapters.postgres.uow import PgUnitOfWork, PgUnitOfWorkFactory

if TYPE_CHECKING:
    from domain.meetings.ports import MeetingsUnitOfWork, MeetingsUnitOfWorkFactory


class PgMeetingsUnitOfWork(PgUnitOfWork):
    meetings: PgMeetingRepository
    agenda: PgAgendaRepository
    attendance: PgAttendanceRepository
    minutes: PgMinutesRepository
    decisions: PgDecisionRepository
    actions: PgActionItemRepository
    overrides: PgOverrideLog
    constraint_error = staticmethod(domain_error)  # uq_agenda_item_position is deferred

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        c, u = self.conn, self.unit_id
        self.meetings = PgMeetingRepository(c, u)
        self.agenda = PgAgendaRepository(c, u)
        self.attendance = PgAttendanceRepository(c, u)
        self.minutes = PgMinutesRepository(c, u)
        self.decisions = PgDecisionRepository(c, u)
        self.actions = PgActionItemRepository(c, u)
        self.overrides = PgOverrideLog(c, u)
        return self


class PgMeetingsUnitOfWorkFactory(PgUnitOfWorkFactory):
    def __call__(self, unit_id: UUID) -> PgMeetingsUnitOfWork:
        return PgMeetingsUnitOfWork(self._connections, unit_id)


if TYPE_CHECKING:  # the adapter satisfies the port it stands in for
    _uow: MeetingsUnitOfWork = PgMeetingsUnitOfWork(None, UUID(int=0))  # type: ignore[arg-type]
    _factory: MeetingsUnitOfWorkFactory = PgMeetingsUnitOfWorkFactory(None)  # type: ignore[arg-type]
