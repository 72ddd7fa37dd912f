"""The annual-wheel context's ports: its repositories, the meeting dates it counts, and its unit of
work, as Protocols. Bodies, memberships and the coordinator are read through the organisation
context's own ports (the wheel never writes them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

from domain.annual_wheel.task import WheelTask
from domain.annual_wheel.template import WheelTemplate
from domain.organisation.ports import (
    BodyRepository,
    EstablishmentRepository,
    MembershipRepository,
)
from domain.shared.ports import Clock as Clock  # re-exported for the context's use cases
from domain.shared.ports import EntityRepository


class WheelTemplateRepository(EntityRepository[WheelTemplate], Protocol):
    async def all(self) -> Sequence[WheelTemplate]:
        """The unit's templates by month, day (none last) and title."""
        ...


class WheelTaskRepository(Protocol):
    """Generated tasks. At most one per (template, year): the id derives from that pair and the
    table has a unique (unit, template, year) besides."""

    async def get(self, id: UUID) -> WheelTask: ...

    async def of_year(self, year: int) -> Sequence[WheelTask]:
        """The unit's tasks of ``year`` by due date and title."""
        ...

    async def add_if_absent(self, task: WheelTask) -> bool:
        """Insert unless a task for the same (template, year) exists; True when inserted.
        Contract: one statement (``INSERT … ON CONFLICT DO NOTHING RETURNING``), so two
        generations at the same moment create each task once and neither fails."""
        ...

    async def update(self, task: WheelTask, expected_version: int) -> None: ...

    async def of_template(self, template_id: UUID) -> bool:
        """True when any year has a task of ``template_id``."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingDate:
    body_id: UUID
    on: date
    held: bool  # recorded as held (held, minutes written, approved or distributed)


class MeetingDates(Protocol):
    """The dates of the unit's meetings (read from the meetings context's tables by the adapter)."""

    async def of_year(self, year: int) -> Sequence[MeetingDate]:
        """Every meeting dated in ``year`` (local date), cancelled meetings left out."""
        ...


class AnnualWheelUnitOfWork(Protocol):
    """One transaction bound to one SLT unit. The use case calls ``commit``; leaving without it rolls back."""

    @property
    def templates(self) -> WheelTemplateRepository: ...

    @property
    def tasks(self) -> WheelTaskRepository: ...

    @property
    def meeting_dates(self) -> MeetingDates: ...

    @property
    def bodies(self) -> BodyRepository: ...

    @property
    def memberships(self) -> MembershipRepository: ...

    @property
    def establishments(self) -> EstablishmentRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...


class AnnualWheelUnitOfWorkFactory(Protocol):
    def __call__(self, unit_id: UUID) -> AnnualWheelUnitOfWork: ...
