"""Fakes room: the meetings context's ports (``domain/meetings/ports.py``) in memory.

``FakeMeetingsStore`` is a ``FakeStore`` whose tables also hold the meetings context's rows, so the
organisation fakes (bodies, memberships) and the meetings fakes share one snapshot per unit of work:
``commit`` publishes both, leaving without it drops both. The repositories keep the ports'
contracts and the database's rules: one attendance row per person, approved minutes never
updated, the gapless decision counter per (body, year) rolled back with its transaction.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast
from uuid import UUID, uuid4

from domain.meetings.action_item import ActionItem
from domain.meetings.agenda_item import AgendaItem
from domain.meetings.attendance import Attendance
from domain.meetings.decision import Decision
from domain.meetings.errors import MinutesLocked
from domain.meetings.guard import OverrideRecord
from domain.meetings.meeting import Meeting
from domain.meetings.minutes import MinutesVersion
from domain.meetings.ports import (
    ActionItemRepository,
    AgendaRepository,
    AttendanceRepository,
    DecisionRepository,
    MeetingRepository,
    MeetingsUnitOfWork,
    MeetingsUnitOfWorkFactory,
    MinutesRepository,
    OverrideLog,
)
from domain.organisation.ports import (
    BodyRepository,
    MembershipRepository,
    OrganisationRepository,
    PersonRepository,
)
from domain.shared.errors import Conflict, StaleVersion
from domain.shared.free_text import Finding, GuardResult, Kind
from tests.fakes.memberships import FakeMembershipRepository
from tests.fakes.organisation import (
    FakeBodyRepository,
    FakeEntityRepository,
    FakeOrganisationRepository,
    FakePersonRepository,
)
from tests.fakes.snapshot import SnapshotUnitOfWork
from tests.fakes.store import FakeStore, Tables


@dataclasses.dataclass
class MeetingsTables(Tables):
    meetings: dict[UUID, Meeting] = dataclasses.field(default_factory=dict)
    agenda: dict[UUID, AgendaItem] = dataclasses.field(default_factory=dict)
    attendance: dict[UUID, Attendance] = dataclasses.field(default_factory=dict)
    minutes: dict[UUID, MinutesVersion] = dataclasses.field(default_factory=dict)
    decisions: dict[UUID, Decision] = dataclasses.field(default_factory=dict)
    actions: dict[UUID, ActionItem] = dataclasses.field(default_factory=dict)
    overrides: list[OverrideRecord] = dataclasses.field(default_factory=list)
    counters: dict[tuple[UUID, int], int] = dataclasses.field(default_factory=dict)

    def copy(self) -> MeetingsTables:
        return MeetingsTables(
            **{f.name: copy.copy(getattr(self, f.name)) for f in dataclasses.fields(self)}
        )


class FakeMeetingsStore(FakeStore):
    def __init__(self) -> None:
        super().__init__()
        self.tables: MeetingsTables = MeetingsTables()


class _Repo(FakeEntityRepository):  # type: ignore[type-arg]
    def _of_meeting(self, meeting_id: UUID) -> list:  # type: ignore[type-arg]
        return [r for r in self._mine() if r.meeting_id == meeting_id]

    async def of_meeting(self, meeting_id: UUID) -> Sequence:  # type: ignore[type-arg]
        return self._of_meeting(meeting_id)

    async def of_meetings(self, meeting_ids: Sequence[UUID]) -> list:  # type: ignore[type-arg]
        """Each meeting's rows in ``of_meeting``'s order, meetings in uuid text order (PostgreSQL's)."""
        out: list = []  # type: ignore[type-arg]
        for meeting_id in sorted(set(meeting_ids), key=str):
            out.extend(await self.of_meeting(meeting_id))
        return out


class FakeMeetingRepository(_Repo):
    table, noun = "meetings", "meeting"

    async def of_body(self, body_id: UUID) -> Sequence[Meeting]:
        return sorted((m for m in self._mine() if m.body_id == body_id), key=lambda m: m.starts_at)


class FakeAgendaRepository(_Repo):
    table, noun = "agenda", "agenda item"

    async def of_meeting(self, meeting_id: UUID) -> Sequence[AgendaItem]:
        return sorted(self._of_meeting(meeting_id), key=lambda i: i.position)


class FakeAttendanceRepository(_Repo):
    table, noun = "attendance", "attendance"

    def _check(self, item: Attendance) -> None:
        if any(
            a.person_id == item.person_id and a.id != item.id
            for a in self._of_meeting(item.meeting_id)
        ):
            raise Conflict("The person's attendance is already recorded.")

    async def of_meeting(self, meeting_id: UUID) -> Sequence[Attendance]:
        return self._of_meeting(meeting_id)


class FakeDecisionRepository(_Repo):
    table, noun = "decisions", "decision"

    def _check(self, item: Decision) -> None:
        if item.number is not None and any(
            d.number == item.number and d.body_id == item.body_id and d.id != item.id
            for d in self._mine()
        ):
            raise Conflict("The decision number is taken.")  # unique (body, year, sequence)

    async def of_meeting(self, meeting_id: UUID) -> Sequence[Decision]:
        return sorted(self._of_meeting(meeting_id), key=lambda d: d.ordinal)

    async def next_decision_number(self, body_id: UUID, year: int) -> int:
        counters = cast(MeetingsTables, self._uow.tables).counters
        counters[(body_id, year)] = counters.get((body_id, year), 0) + 1
        return counters[(body_id, year)]


class FakeActionItemRepository(_Repo):
    table, noun = "actions", "action item"

    async def of_meeting(self, meeting_id: UUID) -> Sequence[ActionItem]:
        return self._of_meeting(meeting_id)

    async def of_owner(self, person_id: UUID) -> Sequence[ActionItem]:
        mine = (a for a in self._mine() if a.owner_person_id == person_id)
        return sorted(mine, key=lambda a: (a.due is None, a.due, str(a.id)))


class FakeMinutesRepository:
    def __init__(self, uow: FakeMeetingsUnitOfWork) -> None:
        self._uow = uow

    def _rows(self) -> dict[UUID, MinutesVersion]:
        return self._uow.tables.minutes

    async def versions(self, meeting_id: UUID) -> Sequence[MinutesVersion]:
        rows = (
            v
            for v in self._rows().values()
            if v.meeting_id == meeting_id and v.unit_id == self._uow.unit_id
        )
        return sorted(rows, key=lambda v: v.number)

    async def versions_of_meetings(self, meeting_ids: Sequence[UUID]) -> Sequence[MinutesVersion]:
        out: list[MinutesVersion] = []
        for meeting_id in sorted(set(meeting_ids), key=str):
            out.extend(await self.versions(meeting_id))
        return out

    async def current(self, meeting_id: UUID) -> MinutesVersion | None:
        versions = await self.versions(meeting_id)
        return versions[-1] if versions else None

    async def add(self, item: MinutesVersion) -> None:
        assert item.unit_id == self._uow.unit_id
        if any(v.number == item.number for v in await self.versions(item.meeting_id)):
            raise Conflict("That minutes version exists.")
        self._rows()[item.id] = item

    async def update(self, item: MinutesVersion, expected_version: int) -> None:
        stored = self._rows().get(item.id)
        assert stored is not None and stored.unit_id == self._uow.unit_id
        if stored.approved:
            raise MinutesLocked("Approved minutes are never updated.")  # the trigger's job
        if stored.version != expected_version:
            raise StaleVersion("Someone else changed this in the meantime.")
        self._rows()[item.id] = item


class FakeOverrideLog:
    def __init__(self, uow: FakeMeetingsUnitOfWork) -> None:
        self._uow = uow

    async def record(self, entry: OverrideRecord) -> None:
        self._uow.tables.overrides.append(entry)


class FakeMeetingsUnitOfWork(SnapshotUnitOfWork[FakeMeetingsStore, MeetingsTables]):
    """One 'transaction' of the meetings context over a copy of the store, published on ``commit``."""

    def __init__(self, store: FakeMeetingsStore, unit_id: UUID) -> None:
        self.store = store
        self.unit_id = unit_id
        self.tables: MeetingsTables = store.tables.copy()
        self.meetings: MeetingRepository = FakeMeetingRepository(self)  # type: ignore[arg-type]
        self.agenda: AgendaRepository = FakeAgendaRepository(self)  # type: ignore[arg-type]
        self.attendance: AttendanceRepository = FakeAttendanceRepository(self)  # type: ignore[arg-type]
        self.minutes: MinutesRepository = FakeMinutesRepository(self)
        self.decisions: DecisionRepository = FakeDecisionRepository(self)  # type: ignore[arg-type]
        self.actions: ActionItemRepository = FakeActionItemRepository(self)  # type: ignore[arg-type]
        self.overrides: OverrideLog = FakeOverrideLog(self)
        self.bodies: BodyRepository = FakeBodyRepository(self)  # type: ignore[arg-type]
        self.memberships: MembershipRepository = FakeMembershipRepository(self)  # type: ignore[arg-type]
        self.persons: PersonRepository = FakePersonRepository(self)  # type: ignore[arg-type]
        self.organisations: OrganisationRepository = FakeOrganisationRepository(self)  # type: ignore[arg-type]


class FakeMeetingsUnitOfWorkFactory:
    def __init__(self, store: FakeMeetingsStore | None = None) -> None:
        self.store = store or FakeMeetingsStore()

    def __call__(self, unit_id: UUID) -> FakeMeetingsUnitOfWork:
        return FakeMeetingsUnitOfWork(self.store, unit_id)


class FakeGuard:
    """A guard that finds what a test tells it to: every occurrence of each ``marker``."""

    def __init__(self, *markers: str) -> None:
        self.markers = markers
        self.calls: list[tuple[str, str | None]] = []
        self.prepared: list[UUID] = []

    async def prepare(self, unit_id: UUID) -> None:
        self.prepared.append(unit_id)

    def check(self, text: str, *, level: str | None, unit_id: UUID | None = None) -> GuardResult:
        self.calls.append((text, level))
        found = [
            Finding(kind=Kind.IDENTITY_NUMBER, start=i, end=i + len(m), matched=m, score=1.0)
            for m in self.markers
            if (i := text.find(m)) >= 0
        ]
        return GuardResult(findings=tuple(found))


if TYPE_CHECKING:  # the fakes must satisfy the ports they stand in for
    _uow: MeetingsUnitOfWork = FakeMeetingsUnitOfWork(FakeMeetingsStore(), uuid4())
    _factory: MeetingsUnitOfWorkFactory = FakeMeetingsUnitOfWorkFactory()
