"""Fakes room: the annual-wheel context's ports (``domain/annual_wheel/ports.py``) and the kernel's
feed-token port in memory.

``FakeAnnualWheelStore`` is a ``FakeStore`` whose tables also hold templates, tasks and meeting
dates, so the organisation fakes (bodies, memberships, establishment) and the wheel's share one
snapshot per unit of work: ``commit`` publishes both, leaving without it drops both. The task
repository keeps the database's rule: one task per (unit, template, year), ``add_if_absent``
inserting only a new key.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

from domain.annual_wheel.ports import (
    AnnualWheelUnitOfWork,
    AnnualWheelUnitOfWorkFactory,
    MeetingDate,
    MeetingDates,
    WheelTaskRepository,
    WheelTemplateRepository,
)
from domain.annual_wheel.task import WheelTask
from domain.annual_wheel.template import WheelTemplate
from domain.organisation.ports import (
    BodyRepository,
    EstablishmentRepository,
    MembershipRepository,
)
from domain.shared.calendar import FeedScope, FeedToken, FeedTokenRepository
from domain.shared.errors import Conflict, NotFound, StaleVersion
from tests.fakes.memberships import FakeMembershipRepository
from tests.fakes.organisation import (
    FakeBodyRepository,
    FakeEntityRepository,
    FakeEstablishmentRepository,
)
from tests.fakes.snapshot import SnapshotUnitOfWork
from tests.fakes.store import FakeStore, Tables


@dataclasses.dataclass
class WheelTables(Tables):
    templates: dict[UUID, WheelTemplate] = dataclasses.field(default_factory=dict)
    tasks: dict[UUID, WheelTask] = dataclasses.field(default_factory=dict)
    meeting_dates: dict[UUID, list[MeetingDate]] = dataclasses.field(default_factory=dict)

    def copy(self) -> WheelTables:
        return WheelTables(
            **{f.name: copy.copy(getattr(self, f.name)) for f in dataclasses.fields(self)}
        )


class FakeAnnualWheelStore(FakeStore):
    def __init__(self) -> None:
        super().__init__()
        self.tables: WheelTables = WheelTables()

    def meeting(self, unit_id: UUID, body_id: UUID, on: date, *, held: bool) -> None:
        """Seed a meeting date (the meetings context's tables stand behind the real port)."""
        dates = self.tables.meeting_dates.setdefault(unit_id, [])
        dates.append(MeetingDate(body_id=body_id, on=on, held=held))


class FakeWheelTemplateRepository(FakeEntityRepository):  # type: ignore[type-arg]
    table, noun = "templates", "template"

    async def all(self) -> Sequence[WheelTemplate]:
        return sorted(self._mine(), key=lambda t: (t.month, t.day or 32, t.title, str(t.id)))


class FakeWheelTaskRepository:
    def __init__(self, uow: FakeAnnualWheelUnitOfWork) -> None:
        self._uow = uow

    def _mine(self) -> list[WheelTask]:
        return [t for t in self._uow.tables.tasks.values() if t.unit_id == self._uow.unit_id]

    async def get(self, id: UUID) -> WheelTask:
        found = self._uow.tables.tasks.get(id)
        if found is None or found.unit_id != self._uow.unit_id:
            raise NotFound(f"No task with id {id}.")
        return found

    async def of_year(self, year: int) -> Sequence[WheelTask]:
        rows = [t for t in self._mine() if t.year == year]
        return sorted(rows, key=lambda t: (t.due, t.title, str(t.id)))

    async def add_if_absent(self, task: WheelTask) -> bool:
        assert task.unit_id == self._uow.unit_id, "task written into another unit"
        if task.template_id not in self._uow.tables.templates:
            raise Conflict("No such template.")  # the foreign key
        if any(t.template_id == task.template_id and t.year == task.year for t in self._mine()):
            return False
        self._uow.tables.tasks[task.id] = task
        return True

    async def update(self, task: WheelTask, expected_version: int) -> None:
        stored = await self.get(task.id)
        if stored.version != expected_version:
            raise StaleVersion("Someone else changed this in the meantime.")
        self._uow.tables.tasks[task.id] = task

    async def of_template(self, template_id: UUID) -> bool:
        return any(t.template_id == template_id for t in self._mine())


class FakeMeetingDates:
    def __init__(self, uow: FakeAnnualWheelUnitOfWork) -> None:
        self._uow = uow

    async def of_year(self, year: int) -> Sequence[MeetingDate]:
        dates = self._uow.tables.meeting_dates.get(self._uow.unit_id, [])
        return [d for d in dates if d.on.year == year]


class FakeAnnualWheelUnitOfWork(SnapshotUnitOfWork[FakeAnnualWheelStore, WheelTables]):
    """One 'transaction' of the annual wheel over a copy of the store, published on ``commit``."""

    def __init__(self, store: FakeAnnualWheelStore, unit_id: UUID) -> None:
        self.store = store
        self.unit_id = unit_id
        self.tables: WheelTables = store.tables.copy()
        self.templates: WheelTemplateRepository = FakeWheelTemplateRepository(self)  # type: ignore[arg-type]
        self.tasks: WheelTaskRepository = FakeWheelTaskRepository(self)
        self.meeting_dates: MeetingDates = FakeMeetingDates(self)
        self.bodies: BodyRepository = FakeBodyRepository(self)  # type: ignore[arg-type]
        self.memberships: MembershipRepository = FakeMembershipRepository(self)  # type: ignore[arg-type]
        self.establishments: EstablishmentRepository = FakeEstablishmentRepository(self)  # type: ignore[arg-type]


class FakeAnnualWheelUnitOfWorkFactory:
    def __init__(self, store: FakeAnnualWheelStore | None = None) -> None:
        self.store = store or FakeAnnualWheelStore()

    def __call__(self, unit_id: UUID) -> FakeAnnualWheelUnitOfWork:
        return FakeAnnualWheelUnitOfWork(self.store, unit_id)


class FakeFeedTokenRepository:
    """Feed tokens across units, looked up by exact hash (as the SECURITY DEFINER lookup will)."""

    def __init__(self) -> None:
        self.rows: dict[UUID, FeedToken] = {}

    async def add(self, token: FeedToken) -> None:
        if any(t.token_hash == token.token_hash for t in self.rows.values()):
            raise Conflict("Token hash already stored.")
        self.rows[token.id] = token

    async def find(self, token_hash: str) -> FeedToken | None:
        return next((t for t in self.rows.values() if t.token_hash == token_hash), None)

    async def of_subject(self, scope: FeedScope, subject_id: UUID) -> Sequence[FeedToken]:
        rows = [t for t in self.rows.values() if t.scope is scope and t.subject_id == subject_id]
        return sorted(rows, key=lambda t: t.created_at)

    async def revoke(self, id: UUID, at: datetime) -> None:
        if id not in self.rows:
            raise NotFound(f"No feed token with id {id}.")
        self.rows[id] = self.rows[id].revoke(at)


if TYPE_CHECKING:  # the fakes must satisfy the ports they stand in for
    _uow: AnnualWheelUnitOfWork = FakeAnnualWheelUnitOfWork(FakeAnnualWheelStore(), uuid4())
    _factory: AnnualWheelUnitOfWorkFactory = FakeAnnualWheelUnitOfWorkFactory()
    _tokens: FeedTokenRepository = FakeFeedTokenRepository()
