"""Measures room: the measures context's unit of work — one transaction on the request's
connection (``adapters/postgres/transaction.py``, ``samordna.unit_id`` set for row-level
security), its repositories, the decision register and the organisation context's
organisations, persons and establishment (owners, coordinators) on the same connection."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import connection as tx
from adapters.postgres.measures.constraints import domain_error
from adapters.postgres.measures.decisions import PgDecisionRegister
from adapters.postgres.measures.evaluations import PgEvaluationRepository, PgReportStore
from adapters.postgres.measures.measures import PgMeasureRepository
from adapters.postgres.measures.plans import PgPlanRepository
from adapters.postgres.measures.records import (
    PgMeasureOverrideLog,
    PgMeasureSettings,
    PgProgressNotes,
    PgStageHistory,
)
from adapters.postgres.organisation.organisations import PgOrganisationRepository
from adapters.postgres.organisation.persons import PgPersonRepository
from adapters.postgres.organisation.units import PgEstablishmentRepository
from adapters.postgres.transaction import PgTransaction, request_connections

if TYPE_CHECKING:
    from domain.measures.ports import MeasuresUnitOfWork, MeasuresUnitOfWorkFactory


class PgMeasuresUnitOfWork(PgTransaction):
    measures: PgMeasureRepository
    history: PgStageHistory
    notes: PgProgressNotes
    evaluations: PgEvaluationRepository
    reports: PgReportStore
    plans: PgPlanRepository
    decisions: PgDecisionRegister
    settings: PgMeasureSettings
    overrides: PgMeasureOverrideLog
    organisations: PgOrganisationRepository
    persons: PgPersonRepository
    establishments: PgEstablishmentRepository
    constraint_error = staticmethod(domain_error)

    def _bind(self) -> None:
        c, u = self.conn, self.unit_id
        self.measures = PgMeasureRepository(c, u)
        self.history = PgStageHistory(c, u)
        self.notes = PgProgressNotes(c, u)
        self.evaluations = PgEvaluationRepository(c, u)
        self.reports = PgReportStore(c, u)
        self.plans = PgPlanRepository(c, u)
        self.decisions = PgDecisionRegister(c, u)
        self.settings = PgMeasureSettings(c, u)
        self.overrides = PgMeasureOverrideLog(c, u)
        self.organisations = PgOrganisationRepository(c, u)
        self.persons = PgPersonRepository(c, u)
        self.establishments = PgEstablishmentRepository(c, u)


class PgMeasuresUnitOfWorkFactory:
    def __init__(self, engine: AsyncEngine | tx.RequestConnections) -> None:
        self._connections = request_connections(engine)

    def __call__(self, unit_id: UUID) -> PgMeasuresUnitOfWork:
        return PgMeasuresUnitOfWork(self._connections, unit_id)


if TYPE_CHECKING:  # the adapter satisfies the port it stands in for
    _uow: MeasuresUnitOfWork = PgMeasuresUnitOfWork(None, UUID(int=0))  # type: ignore[arg-type]
    _factory: MeasuresUnitOfWorkFactory = PgMeasuresUnitOfWorkFactory(None)  # type: ignore[arg-type]
