"""Fakes room: the knowledge context's repositories over ``FakeKnowledgeStore`` (one unit's rows,
the PostgreSQL repositories' orders and rules: unique indicator codes, versions, in-use)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid5

from domain.knowledge.errors import IndicatorCodeTaken, IndicatorInUse
from domain.knowledge.filters import IndicatorFilter, ObservationFilter
from domain.knowledge.model import (
    Area,
    AreaPopulation,
    ColumnMapping,
    ImportJob,
    ImportKind,
    Indicator,
    JobProgress,
    JobStatus,
    Observation,
    RowError,
)
from domain.shared.errors import NotFound, StaleVersion
from domain.shared.pagination import Page, PageRequest
from tests.fakes.paging import contains, keyset_page

if TYPE_CHECKING:
    from tests.fakes.knowledge import FakeKnowledgeUnitOfWork

K = ImportKind
Key = tuple[Any, ...]


class _Repo:
    def __init__(self, uow: FakeKnowledgeUnitOfWork) -> None:
        self._uow = uow

    def _rows(self, kind: ImportKind) -> dict[Key, Any]:
        return self._uow.tables.rows[kind]

    def _mine(self, kind: ImportKind) -> list[Any]:
        return self._uow.store.of_unit(self._uow.tables, kind, self._uow.unit_id)


class FakeIndicatorRepository(_Repo):
    async def get(self, id: UUID) -> Indicator:
        for i in self._mine(K.INDICATORS):
            if i.id == id:
                return i  # type: ignore[no-any-return]
        raise NotFound(f"No indicator with id {id}.")

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[Indicator]:
        return [i for i in self._mine(K.INDICATORS) if i.id in set(ids)]

    async def add(self, item: Indicator) -> None:
        key = (self._uow.unit_id, item.code)
        if key in self._rows(K.INDICATORS):
            raise IndicatorCodeTaken()
        self._rows(K.INDICATORS)[key] = item

    async def update(self, item: Indicator, expected_version: int) -> None:
        old = await self.get(item.id)
        if old.version != expected_version:
            raise StaleVersion()
        rows = self._rows(K.INDICATORS)
        new_key = (self._uow.unit_id, item.code)
        if item.code != old.code and new_key in rows:
            raise IndicatorCodeTaken()
        del rows[(self._uow.unit_id, old.code)]
        rows[new_key] = item

    async def delete(self, id: UUID, expected_version: int) -> None:
        old = await self.get(id)
        if old.version != expected_version:
            raise StaleVersion()
        if await self.in_use(id):
            raise IndicatorInUse()
        del self._rows(K.INDICATORS)[(self._uow.unit_id, old.code)]

    async def list(self, f: IndicatorFilter, page: PageRequest) -> Page[Indicator]:
        rows = [
            i
            for i in self._mine(K.INDICATORS)
            if (f.category is None or i.category == f.category)
            and (f.source is None or i.source == f.source)
            and (f.factor is None or f.factor in i.factors)
            and (not f.search or contains(i.code, f.search) or contains(i.name, f.search))
        ]
        return keyset_page(rows, lambda i: i.code, lambda i: i.id, page)

    async def by_codes(self, codes: Sequence[str]) -> Sequence[Indicator]:
        rows = [i for i in self._mine(K.INDICATORS) if not codes or i.code in codes]
        return sorted(rows, key=lambda i: i.code)

    async def in_use(self, indicator_id: UUID) -> bool:
        code = (await self.get(indicator_id)).code
        return any(o.indicator_code == code for o in self._mine(K.OBSERVATIONS))


class FakeAreaRepository(_Repo):
    async def list(self) -> Sequence[Area]:
        return sorted(self._mine(K.AREAS), key=lambda a: a.code)

    async def populations(self) -> Sequence[AreaPopulation]:
        return sorted(self._mine(K.POPULATIONS), key=lambda p: (p.area_code, p.year, p.age_band))


def observation_key(o: Observation) -> str:
    return "\x00".join(
        (o.indicator_code, o.area_code, o.period.start.isoformat(), o.cohort, o.gender)
    )


def matches(o: Observation, f: ObservationFilter) -> bool:
    return (
        (not f.indicator_codes or o.indicator_code in f.indicator_codes)
        and (not f.area_codes or o.area_code in f.area_codes)
        and (not f.cohorts or o.cohort in f.cohorts)
        and (not f.genders or o.gender in f.genders)
        and (f.period_from is None or o.period.start >= f.period_from.start)
        and (f.period_to is None or o.period.end <= f.period_to.end)
    )


_NS = UUID("6f1c3a52-0c1e-4f5e-9a53-3d1f2b7e9c01")


class FakeObservationRepository(_Repo):
    def _matching(self, f: ObservationFilter) -> list[Observation]:
        rows = [o for o in self._mine(K.OBSERVATIONS) if matches(o, f)]
        return sorted(rows, key=lambda o: (observation_key(o), str(o.period)))

    async def list(self, f: ObservationFilter, page: PageRequest) -> Page[Observation]:
        return keyset_page(
            self._matching(f), observation_key, lambda o: uuid5(_NS, observation_key(o)), page
        )

    async def all(self, f: ObservationFilter, limit: int) -> Sequence[Observation]:
        return self._matching(f)[:limit]


class FakeImportJobRepository(_Repo):
    async def add(self, job: ImportJob) -> None:
        assert job.unit_id == self._uow.unit_id, "a job of another unit"
        self._uow.tables.jobs[job.id] = job

    async def get(self, job_id: UUID) -> ImportJob:
        job = self._uow.tables.jobs.get(job_id)
        if job is None or job.unit_id != self._uow.unit_id:
            raise NotFound(f"No import with id {job_id}.")
        return job

    async def update(self, job: ImportJob, expected_version: int) -> None:
        if (await self.get(job.id)).version != expected_version:
            raise StaleVersion()
        self._uow.tables.jobs[job.id] = job

    def _jobs(self) -> list[ImportJob]:
        return [j for j in self._uow.tables.jobs.values() if j.unit_id == self._uow.unit_id]

    async def list(self, page: PageRequest) -> Page[ImportJob]:
        def newest_first(j: ImportJob) -> str:
            return f"{10**15 - int(j.created_at.timestamp() * 1000):016d}"

        return keyset_page(self._jobs(), newest_first, lambda j: j.id, page)

    async def latest_committed(self, kind: ImportKind) -> ImportJob | None:
        for job_id in reversed(self._uow.tables.commit_order):
            j = self._uow.tables.jobs[job_id]
            if (
                j.unit_id == self._uow.unit_id
                and j.kind is kind
                and j.status is JobStatus.COMMITTED
            ):
                return j
        return None

    async def heartbeat(self, job_id: UUID, progress: JobProgress, at: datetime) -> None:
        job = await self.get(job_id)
        self._uow.tables.jobs[job_id] = dataclasses.replace(job, progress=progress, heartbeat_at=at)

    async def put_errors(self, job_id: UUID, errors: Sequence[RowError]) -> None:
        await self.get(job_id)
        self._uow.tables.errors[job_id] = list(errors)

    async def all_errors(self, job_id: UUID) -> Sequence[RowError]:
        await self.get(job_id)
        return sorted(
            self._uow.tables.errors.get(job_id, []), key=lambda e: (e.row, e.column or "")
        )

    async def errors(self, job_id: UUID, page: PageRequest) -> Page[RowError]:
        rows = list(enumerate(await self.all_errors(job_id)))
        got = keyset_page(rows, lambda r: f"{r[0]:08d}", lambda r: UUID(int=r[0]), page)
        return Page(items=[e for _, e in got.items], total=got.total, next_cursor=got.next_cursor)


class FakeMappingRepository(_Repo):
    async def list(self, kind: ImportKind) -> Sequence[ColumnMapping]:
        rows = [
            m
            for (u, k, _), m in self._uow.tables.mappings.items()
            if u == self._uow.unit_id and k is kind
        ]
        return sorted(rows, key=lambda m: m.source_name)

    async def get(self, kind: ImportKind, source_name: str) -> ColumnMapping | None:
        return self._uow.tables.mappings.get((self._uow.unit_id, kind, source_name))

    async def save(self, mapping: ColumnMapping, expected_version: int | None) -> None:
        key = (self._uow.unit_id, mapping.kind, mapping.source_name)
        old = self._uow.tables.mappings.get(key)
        if (old is None) != (expected_version is None) or (old and old.version != expected_version):
            raise StaleVersion()
        self._uow.tables.mappings[key] = mapping
