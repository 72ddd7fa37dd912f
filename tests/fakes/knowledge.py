"""Fakes room: the knowledge context's ports (``domain/knowledge/ports.py``) in memory.

``FakeKnowledgeStore`` holds every unit's rows; each import kind's target table is a dict keyed
by (unit id, *key) as the kind declares it (``KINDS[kind].key``), so the fake pipeline
(``tests.fakes.knowledge_pipeline``) and the repositories share one shape. A unit of work works on
a copy and publishes it on ``commit``; it sees only its unit's rows."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from domain.knowledge.kinds import KindSpec
from domain.knowledge.model import ColumnMapping, ImportJob, ImportKind, ImportResult, RowError
from domain.knowledge.views import MeasureRef
from tests.fakes.knowledge_repos import (
    FakeAreaRepository,
    FakeImportJobRepository,
    FakeIndicatorRepository,
    FakeMappingRepository,
    FakeObservationRepository,
    _Repo,
)
from tests.fakes.snapshot import SnapshotUnitOfWork

Key = tuple[Any, ...]


@dataclasses.dataclass
class KnowledgeTables:
    rows: dict[ImportKind, dict[Key, Any]] = dataclasses.field(
        default_factory=lambda: {k: {} for k in ImportKind}
    )
    provenance: dict[tuple[ImportKind, Key], UUID] = dataclasses.field(default_factory=dict)
    undo_log: dict[UUID, list[tuple[Key, Any]]] = dataclasses.field(default_factory=dict)
    jobs: dict[UUID, ImportJob] = dataclasses.field(default_factory=dict)
    commit_order: list[UUID] = dataclasses.field(default_factory=list)  # jobs, as committed
    errors: dict[UUID, list[RowError]] = dataclasses.field(default_factory=dict)
    mappings: dict[tuple[UUID, ImportKind, str], ColumnMapping] = dataclasses.field(
        default_factory=dict
    )

    def copy(self) -> KnowledgeTables:
        out = copy.copy(self)
        out.rows = {k: dict(v) for k, v in self.rows.items()}
        for name in ("provenance", "undo_log", "jobs", "commit_order", "errors", "mappings"):
            setattr(out, name, copy.copy(getattr(self, name)))
        return out


class FakeKnowledgeStore:
    def __init__(self) -> None:
        self.tables = KnowledgeTables()
        self.municipalities: dict[UUID, frozenset[str]] = {}
        self.measures: dict[UUID, list[MeasureRef]] = {}
        self.commits = 0

    def of_unit(self, tables: KnowledgeTables, kind: ImportKind, unit: UUID) -> list[Any]:
        return [v for k, v in tables.rows[kind].items() if k[0] == unit]


class FakeImportUndo(_Repo):
    async def rollback(self, job: ImportJob, spec: KindSpec) -> ImportResult:
        rows, deleted, restored = self._rows(spec.kind), 0, 0
        for key, previous in reversed(self._uow.tables.undo_log.get(job.id, [])):
            if previous is None:
                rows.pop(key, None)
                self._uow.tables.provenance.pop((spec.kind, key), None)
                deleted += 1
            else:
                rows[key] = previous[0]
                self._uow.tables.provenance[(spec.kind, key)] = previous[1]
                restored += 1
        return ImportResult(inserted=deleted, updated=restored)


class FakeMeasureTargets(_Repo):
    async def targeting(self, factors: Sequence[str]) -> Sequence[MeasureRef]:
        refs = self._uow.store.measures.get(self._uow.unit_id, [])
        return sorted((m for m in refs if set(m.factors) & set(factors)), key=lambda m: m.title)


class FakeKnowledgeUnitOfWork(SnapshotUnitOfWork[FakeKnowledgeStore, KnowledgeTables]):
    def __init__(self, store: FakeKnowledgeStore, unit_id: UUID) -> None:
        self.store, self.unit_id = store, unit_id
        self.tables = store.tables.copy()
        self.indicators = FakeIndicatorRepository(self)
        self.areas = FakeAreaRepository(self)
        self.observations = FakeObservationRepository(self)
        self.jobs = FakeImportJobRepository(self)
        self.mappings = FakeMappingRepository(self)
        self.undo = FakeImportUndo(self)
        self.measure_targets = FakeMeasureTargets(self)


class FakeKnowledgeUnitOfWorkFactory:
    def __init__(self, store: FakeKnowledgeStore | None = None) -> None:
        self.store = store or FakeKnowledgeStore()

    def __call__(self, unit_id: UUID) -> FakeKnowledgeUnitOfWork:
        return FakeKnowledgeUnitOfWork(self.store, unit_id)
