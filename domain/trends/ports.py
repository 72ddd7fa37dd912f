"""Trends domain room: the context's ports — the counting store (exact counts stay inside it),
frozen releases, the append-only pull log, the police-district resolver, the LP interval solver,
the clock and the unit of work."""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

from domain.knowledge.periods import Period
from domain.shared.pagination import Page, PageRequest
from domain.shared.ports import Clock as Clock  # re-exported for the context's use cases
from domain.shared.principal import Principal
from domain.trends.model import CellCount, Populations, PullRecord, Release, TableRelease, UnitRef
from domain.trends.specs import TableSpec
from domain.trends.system import LinearSystem


class TrendCounts(Protocol):
    """Exact counts of the unit's de-identified events; never returned by any door."""

    async def counts(self, unit_id: UUID, spec: TableSpec, period: Period) -> Sequence[CellCount]:
        """``COUNT(DISTINCT subject_key)`` per cell key of ``spec`` in ``period`` (dims in the
        spec's order: municipality number first, then the category, age band or area code),
        each child-period counted once under its primary category among ``spec.categories``
        (age band and area of its earliest event of that category). Zero cells may be left out."""
        ...

    async def populations(self, unit_id: UUID, period: Period) -> Populations:
        """The newest population vintage not after the period's year (else the oldest): residents
        per (municipality or area code, age band or ``"10-24"``) and every district area's
        municipality."""
        ...


class ReleaseStore(Protocol):
    """Frozen releases; nothing is updated or deleted."""

    async def add(self, release: Release) -> None:
        """Store every table's bodies; UNIQUE (unit, table, period, revision): a concurrent
        second release of the same revision raises ``ReleaseConflict``."""
        ...

    async def latest(self, unit_id: UUID, table: str, period: Period) -> TableRelease | None: ...

    async def get(
        self, unit_id: UUID, table: str, period: Period, revision: int
    ) -> TableRelease | None: ...

    async def revision(self, unit_id: UUID, period: Period) -> int:
        """The latest revision of the unit's release of ``period`` (0 if never released)."""
        ...

    async def releases(self, unit_id: UUID) -> Sequence[Release]:
        """Every release of the unit, newest period first, then newest revision first."""
        ...

    async def periods(self, unit_id: UUID) -> Sequence[Period]:
        """The unit's released periods, newest first."""
        ...


class PullLog(Protocol):
    """Append-only."""

    async def append(self, record: PullRecord) -> None: ...

    async def list(self, unit_id: UUID, page: PageRequest) -> Page[PullRecord]:
        """Newest first."""
        ...


class DistrictResolver(Protocol):
    async def readable_units(self, p: Principal) -> Sequence[UnitRef]:
        """The units ``p`` may pull from: a machine with ``samordna:trends.read`` → the units of
        its police district that registered its organisation with ``trends.read`` (a SECURITY
        DEFINER function); a person → their own unit. By name."""
        ...

    async def unit(self, unit_id: UUID) -> UnitRef:
        """The unit with its municipality numbers (``NotFound`` if there is none)."""
        ...


class IntervalSolver(Protocol):
    def bounds(self, system: LinearSystem, variable: int) -> tuple[float, float | None]:
        """Minimum and maximum of ``variable`` over the system's feasible set (``None``: no upper
        bound). Raises ``system.Infeasible`` when there is no feasible point."""
        ...


class TrendsUnitOfWork(Protocol):
    @property
    def counts(self) -> TrendCounts: ...

    @property
    def releases(self) -> ReleaseStore: ...

    @property
    def pulls(self) -> PullLog: ...

    @property
    def units(self) -> DistrictResolver: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...


class TrendsUnitOfWorkFactory(Protocol):
    def __call__(self, unit_id: UUID) -> TrendsUnitOfWork: ...
