"""Agreements room: the agreements' unit of work — one transaction on the request's connection
(``adapters/postgres/transaction.py``), the agreements, their documents and the organisation
repository (the parties) on the same connection."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import connection as tx
from adapters.postgres.agreements import mapping
from adapters.postgres.agreements.agreements import PgAgreementRepository
from adapters.postgres.agreements.documents import PgDocumentStore
from adapters.postgres.organisation.organisations import PgOrganisationRepository
from adapters.postgres.transaction import PgTransaction, request_connections

if TYPE_CHECKING:
    from domain.agreements.ports import AgreementsUnitOfWork, AgreementsUnitOfWorkFactory


class PgAgreementsUnitOfWork(PgTransaction):
    agreements: PgAgreementRepository
    documents: PgDocumentStore
    organisations: PgOrganisationRepository
    constraint_error = staticmethod(mapping.domain_error)

    def _bind(self) -> None:
        c, u = self.conn, self.unit_id
        self.agreements = PgAgreementRepository(c, u)
        self.documents = PgDocumentStore(c, u)
        self.organisations = PgOrganisationRepository(c, u)


class PgAgreementsUnitOfWorkFactory:
    def __init__(self, engine: AsyncEngine | tx.RequestConnections) -> None:
        self._connections = request_connections(engine)

    def __call__(self, unit_id: UUID) -> PgAgreementsUnitOfWork:
        return PgAgreementsUnitOfWork(self._connections, unit_id)


if TYPE_CHECKING:  # the adapter satisfies the port it stands in for
    _uow: AgreementsUnitOfWork = PgAgreementsUnitOfWork(None, UUID(int=0))  # type: ignore[arg-type]
    _factory: AgreementsUnitOfWorkFactory = PgAgreementsUnitOfWorkFactory(None)  # type: ignore[arg-type]
