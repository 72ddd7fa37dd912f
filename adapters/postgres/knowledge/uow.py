"""Knowledge PostgreSQL room: the knowledge context's unit of work — one transaction on the request's
connection (``adapters/postgres/transaction.py``, ``samordna.unit_id`` set for row-level
security), its repositories, the rollback of an import and the measures read for the picture."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import connection as tx
from adapters.postgres.knowledge.indicators import PgIndicatorRepository
from adapters.postgres.knowledge.jobs import PgImportJobRepository, PgMappingRepository
from adapters.postgres.knowledge.reads import (
    PgAreaRepository,
    PgMeasureTargets,
    PgObservationRepository,
)
from adapters.postgres.knowledge.undo import PgImportUndo
from adapters.postgres.transaction import PgTransaction, request_connections

if TYPE_CHECKING:
    from domain.knowledge.ports import KnowledgeUnitOfWork, KnowledgeUnitOfWorkFactory


class PgKnowledgeUnitOfWork(PgTransaction):
    indicators: PgIndicatorRepository
    areas: PgAreaRepository
    observations: PgObservationRepository
    jobs: PgImportJobRepository
    mappings: PgMappingRepository
    undo: PgImportUndo
    measure_targets: PgMeasureTargets

    def _bind(self) -> None:
        c, u = self.conn, self.unit_id
        self.indicators = PgIndicatorRepository(c, u)
        self.areas = PgAreaRepository(c, u)
        self.observations = PgObservationRepository(c, u)
        self.jobs = PgImportJobRepository(c, u)
        self.mappings = PgMappingRepository(c, u)
        self.undo = PgImportUndo(c, u)
        self.measure_targets = PgMeasureTargets(c, u)


class PgKnowledgeUnitOfWorkFactory:
    def __init__(self, engine: AsyncEngine | tx.RequestConnections) -> None:
        self._connections = request_connections(engine)

    def __call__(self, unit_id: UUID) -> PgKnowledgeUnitOfWork:
        return PgKnowledgeUnitOfWork(self._connections, unit_id)


if TYPE_CHECKING:  # the adapter satisfies the port it stands in for
    _uow: KnowledgeUnitOfWork = PgKnowledgeUnitOfWork(None, UUID(int=0))  # type: ignore[arg-type]
    _factory: KnowledgeUnitOfWorkFactory = PgKnowledgeUnitOfWorkFactory(None)  # type: ignore[arg-type]
