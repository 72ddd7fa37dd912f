"""The meetings context's ports: its repositories, the free-text guard, the override log and its
unit of work, as Protocols. Bodies and memberships are read through the organisation context's
own ports (the meetings context never writes them)."""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

from domain.meetings.action_item import ActionItem
from domain.meetings.agenda_item import AgendaItem
from domain.meetings.attendance import Attendance
from domain.meetings.decision import Decision
from domain.meetings.guard import FreeTextGuard as FreeTextGuard
from domain.meetings.guard import OverrideRecord
from domain.meetings.meeting import Meeting
from domain.meetings.minutes import MinutesVersion
from domain.organisation.ports import (
    BodyRepository,
    MembershipRepository,
    OrganisationRepository,
    PersonRepository,
)
from domain.shared.ports import Clock as Clock  # re-exported for the context's use cases
from domain.shared.ports import EntityRepository


class MeetingRepository(EntityRepository[Meeting], Protocol):
    async def of_body(self, body_id: UUID) -> Sequence[Meeting]:
        """The body's meetings by start time."""
        ...


class AgendaRepository(EntityRepository[AgendaItem], Protocol):
    async def of_meeting(self, meeting_id: UUID) -> Sequence[AgendaItem]:
        """The meeting's items by position. Positions are unique per meeting (a deferrable
        constraint in PostgreSQL, so a reorder can swap positions inside one transaction)."""
        ...

    async def of_meetings(self, meeting_ids: Sequence[UUID]) -> Sequence[AgendaItem]:
        """The agenda items of several meetings at once (for DataLoaders), in ``of_meeting``'s order
        within each meeting; unknown ids contribute nothing."""
        ...


class AttendanceRepository(EntityRepository[Attendance], Protocol):
    async def of_meeting(self, meeting_id: UUID) -> Sequence[Attendance]:
        """One row per person and meeting; a second ``add`` for the same pair raises ``Conflict``."""
        ...

    async def of_meetings(self, meeting_ids: Sequence[UUID]) -> Sequence[Attendance]:
        """The attendance rows of several meetings at once (for DataLoaders), in ``of_meeting``'s order
        within each meeting; unknown ids contribute nothing."""
        ...


class MinutesRepository(Protocol):
    """Every version of a meeting's minutes is kept. ``update`` changes a draft only: a stored
    approved version is never updated (the adapter refuses with ``MinutesLocked``, and in
    PostgreSQL a trigger refuses it a second time); ``add`` of a number already stored for the
    meeting raises ``Conflict``."""

    async def current(self, meeting_id: UUID) -> MinutesVersion | None:
        """The highest-numbered version, or None before minutes are started."""
        ...

    async def versions(self, meeting_id: UUID) -> Sequence[MinutesVersion]:
        """Every version, oldest first."""
        ...

    async def versions_of_meetings(self, meeting_ids: Sequence[UUID]) -> Sequence[MinutesVersion]:
        """Every version of several meetings at once (for DataLoaders), oldest first per meeting."""
        ...

    async def add(self, item: MinutesVersion) -> None: ...

    async def update(self, item: MinutesVersion, expected_version: int) -> None: ...


class DecisionRepository(EntityRepository[Decision], Protocol):
    async def of_meeting(self, meeting_id: UUID) -> Sequence[Decision]: ...

    async def of_meetings(self, meeting_ids: Sequence[UUID]) -> Sequence[Decision]:
        """The decisions of several meetings at once (for DataLoaders), in ``of_meeting``'s order
        within each meeting; unknown ids contribute nothing."""
        ...

    async def next_decision_number(self, body_id: UUID, year: int) -> int:
        """The next sequence number of ``body_id``'s decisions in ``year``: 1, 2, 3 … without gaps.

        Contract: the number is taken from a counter row per (body, year) in the SAME transaction
        as the unit of work (``INSERT … ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last``),
        so the row stays locked until commit: two approvals at the same moment queue on it, and a
        rolled-back approval gives its number back. A unique constraint on (body, year, sequence)
        guarantees it a second time. Never a sequence object: sequences leave gaps on rollback.
        """
        ...


class ActionItemRepository(EntityRepository[ActionItem], Protocol):
    async def of_meeting(self, meeting_id: UUID) -> Sequence[ActionItem]: ...

    async def of_meetings(self, meeting_ids: Sequence[UUID]) -> Sequence[ActionItem]:
        """The action items of several meetings at once (for DataLoaders), in ``of_meeting``'s order
        within each meeting; unknown ids contribute nothing."""
        ...

    async def of_owner(self, person_id: UUID) -> Sequence[ActionItem]:
        """A person's action items across the unit, by due date (the "my action items" list)."""
        ...


class OverrideLog(Protocol):
    """Where overrides of the guard are recorded (who, when, which field, kinds and counts —
    never the text). Appended in the same transaction as the save it allowed."""

    async def record(self, entry: OverrideRecord) -> None: ...


class MeetingsUnitOfWork(Protocol):
    """One transaction bound to one SLT unit. The use case calls ``commit``; leaving without it rolls back."""

    @property
    def meetings(self) -> MeetingRepository: ...

    @property
    def agenda(self) -> AgendaRepository: ...

    @property
    def attendance(self) -> AttendanceRepository: ...

    @property
    def minutes(self) -> MinutesRepository: ...

    @property
    def decisions(self) -> DecisionRepository: ...

    @property
    def actions(self) -> ActionItemRepository: ...

    @property
    def overrides(self) -> OverrideLog: ...

    @property
    def bodies(self) -> BodyRepository: ...

    @property
    def memberships(self) -> MembershipRepository: ...

    @property
    def persons(self) -> PersonRepository:
        """Read only: the names open minutes print."""
        ...

    @property
    def organisations(self) -> OrganisationRepository:
        """Read only: the organisations attendees represented."""
        ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...


class MeetingsUnitOfWorkFactory(Protocol):
    def __call__(self, unit_id: UUID) -> MeetingsUnitOfWork: ...
