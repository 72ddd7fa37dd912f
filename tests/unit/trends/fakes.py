"""Trends test room: an in-memory unit of work for TrendsService (counts from events through the
reference counter, releases, pull log, a district resolver) — the pure use-case tests' store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self
from uuid import UUID

from domain.knowledge.periods import Period
from domain.shared.errors import NotFound
from domain.shared.pagination import Page, PageRequest
from domain.shared.principal import Principal, Scope
from domain.trends.errors import ReleaseConflict
from domain.trends.model import CellCount, Populations, PullRecord, Release, TableRelease, UnitRef
from domain.trends.specs import TableSpec
from tests.unit.trends.support import Event, counts


@dataclass
class TrendsStore:
    units: dict[UUID, UnitRef] = field(default_factory=dict)
    events: dict[UUID, list[Event]] = field(default_factory=dict)
    pops: dict[UUID, Populations] = field(default_factory=dict)
    releases: list[Release] = field(default_factory=list)
    pulls: list[PullRecord] = field(default_factory=list)
    # machine organisation -> units that registered it with trends.read
    registered: dict[str, set[UUID]] = field(default_factory=dict)
    commits: int = 0


class FakeTrendsUnitOfWork:
    def __init__(self, store: TrendsStore, unit_id: UUID) -> None:
        self.s, self.unit_id = store, unit_id
        self.staged_releases: list[Release] = []
        self.staged_pulls: list[PullRecord] = []
        self._ports = FakePorts(store, self)

    @property
    def counts(self) -> FakePorts:
        return self._ports

    @property
    def releases(self) -> FakePorts:
        return self._ports

    @property
    def pulls(self) -> FakePorts:
        return self._ports

    @property
    def units(self) -> FakePorts:
        return self._ports

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.staged_releases, self.staged_pulls = [], []  # uncommitted work is lost

    async def commit(self) -> None:
        for r in self.staged_releases:
            if any(
                (o.unit.id, o.period, o.revision) == (r.unit.id, r.period, r.revision)
                for o in self.s.releases
            ):
                raise ReleaseConflict()
        self.s.releases += self.staged_releases
        self.s.pulls += self.staged_pulls
        self.s.commits += 1
        self.staged_releases, self.staged_pulls = [], []


class FakePorts:
    """Counts, release store, pull log and district resolver over the store; writes are staged
    on the unit of work until it commits."""

    def __init__(self, store: TrendsStore, uow: FakeTrendsUnitOfWork) -> None:
        self.s, self.uow = store, uow

    # TrendCounts
    async def counts(self, unit_id: UUID, spec: TableSpec, period: Period) -> Sequence[CellCount]:
        pops = self.s.pops[unit_id]
        muni = {**pops.areas, **{m: m for m in self.s.units[unit_id].municipalities}}
        return counts(spec, self.s.events.get(unit_id, []), period, muni)

    async def populations(self, unit_id: UUID, period: Period) -> Populations:
        return self.s.pops[unit_id]

    # ReleaseStore
    async def add(self, release: Release) -> None:
        self.uow.staged_releases.append(release)

    def _tables(self, unit_id: UUID, table: str, period: Period) -> list[TableRelease]:
        return [
            t
            for r in self.s.releases
            if r.unit.id == unit_id and r.period == period
            for t in r.tables
            if t.table == table
        ]

    async def latest(self, unit_id: UUID, table: str, period: Period) -> TableRelease | None:
        found = self._tables(unit_id, table, period)
        return max(found, key=lambda t: t.revision) if found else None

    async def get(
        self, unit_id: UUID, table: str, period: Period, revision: int
    ) -> TableRelease | None:
        return next(
            (t for t in self._tables(unit_id, table, period) if t.revision == revision), None
        )

    async def revision(self, unit_id: UUID, period: Period) -> int:
        return max(
            (r.revision for r in self.s.releases if r.unit.id == unit_id and r.period == period),
            default=0,
        )

    async def releases(self, unit_id: UUID) -> Sequence[Release]:
        mine = [r for r in self.s.releases if r.unit.id == unit_id]
        return sorted(mine, key=lambda r: (r.period.sort_key(), r.revision), reverse=True)

    async def periods(self, unit_id: UUID) -> Sequence[Period]:
        return sorted({r.period for r in self.s.releases if r.unit.id == unit_id}, reverse=True)

    # PullLog
    async def append(self, record: PullRecord) -> None:
        self.uow.staged_pulls.append(record)

    async def list(self, unit_id: UUID, page: PageRequest) -> Page[PullRecord]:
        mine = [p for p in reversed(self.s.pulls) if p.unit_id == unit_id]
        return Page(items=mine[: page.limit], total=len(mine), next_cursor=None)

    # DistrictResolver
    async def readable_units(self, p: Principal) -> Sequence[UnitRef]:
        if p.is_machine:
            if not p.has_scope(Scope.TRENDS_READ) or p.unit_id not in self.s.units:
                return []
            district = self.s.units[p.unit_id].police_district
            ids = self.s.registered.get(p.subject_key, set())
            return [
                u for u in self.s.units.values() if u.id in ids and u.police_district == district
            ]
        return [self.s.units[p.unit_id]] if p.unit_id in self.s.units else []

    async def unit(self, unit_id: UUID) -> UnitRef:
        if unit_id not in self.s.units:
            raise NotFound()
        return self.s.units[unit_id]


class FakeTrendsUnitOfWorkFactory:
    def __init__(self, store: TrendsStore) -> None:
        self.store = store

    def __call__(self, unit_id: UUID) -> FakeTrendsUnitOfWork:
        return FakeTrendsUnitOfWork(self.store, unit_id)
