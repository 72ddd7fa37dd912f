"""The PostgreSQL unit of work of organisation: one transaction on a Core connection, bound to one
SLT unit for row-level security (``transaction.py``). Inside a request it runs on the request's
connection (``connection.py``)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import connection as tx
from adapters.postgres.organisation import repositories as r
from adapters.postgres.transaction import PgTransaction, request_connections


class PgUnitOfWork(PgTransaction):
    """Organisation's unit of work: the transaction (``transaction.py``) with its repositories."""

    units: r.PgUnitRepository
    establishments: r.PgEstablishmentRepository
    organisations: r.PgOrganisationRepository
    persons: r.PgPersonRepository
    bodies: r.PgBodyRepository
    memberships: r.PgMembershipRepository
    reference: r.PgReferenceData

    def _bind(self) -> None:
        c, u = self.conn, self.unit_id
        self.units = r.PgUnitRepository(c, u)
        self.establishments = r.PgEstablishmentRepository(c, u)
        self.organisations = r.PgOrganisationRepository(c, u)
        self.persons = r.PgPersonRepository(c, u)
        self.bodies = r.PgBodyRepository(c, u)
        self.memberships = r.PgMembershipRepository(c, u)
        self.reference = r.PgReferenceData(c)


class PgUnitOfWorkFactory:
    def __init__(self, engine: AsyncEngine | tx.RequestConnections) -> None:
        self._connections = request_connections(engine)

    def __call__(self, unit_id: UUID) -> PgUnitOfWork:
        return PgUnitOfWork(self._connections, unit_id)
