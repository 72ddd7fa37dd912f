"""Access administration on PostgreSQL: accounts, machine clients and the access log of one unit,
in one transaction bound to that unit (row-level security applies), on the request's connection
like every unit of work (``adapters/postgres/transaction.py``, docs/adr/0011)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import connection as tx
from adapters.postgres.access.repositories import (
    PgAccessChangeLog,
    PgAccountRepository,
    PgMachineClientRepository,
    constraint_error,
)
from adapters.postgres.transaction import PgTransaction, request_connections

if TYPE_CHECKING:
    from domain.access.ports import AccessUnitOfWork, AccessUnitOfWorkFactory

_PERSON_NAME = sa.text("SELECT name FROM person WHERE unit_id = :u AND id = :id")


class PgAccessUnitOfWork(PgTransaction):
    """The transaction (``transaction.py``) with access's repositories; the last-admin trigger is
    deferred, so its refusal arrives at ``commit`` as ``LastUnitAdmin``."""

    accounts: PgAccountRepository
    clients: PgMachineClientRepository
    changes: PgAccessChangeLog
    constraint_error = staticmethod(constraint_error)

    def _bind(self) -> None:
        c, u = self.conn, self.unit_id
        self.accounts = PgAccountRepository(c, u)
        self.clients = PgMachineClientRepository(c, u)
        self.changes = PgAccessChangeLog(c, u)

    async def person_name(self, person_id: UUID) -> str | None:
        row = (await self.conn.execute(_PERSON_NAME, {"u": self.unit_id, "id": person_id})).first()
        return None if row is None else str(row.name)


class PgAccessUnitOfWorkFactory:
    def __init__(self, engine: AsyncEngine | tx.RequestConnections) -> None:
        self._connections = request_connections(engine)

    def __call__(self, unit_id: UUID) -> PgAccessUnitOfWork:
        return PgAccessUnitOfWork(self._connections, unit_id)


if TYPE_CHECKING:  # the adapter satisfies the port it stands in for
    _uow: AccessUnitOfWork = PgAccessUnitOfWork(None, UUID(int=0))  # type: ignore[arg-type]
    _factory: AccessUnitOfWorkFactory = PgAccessUnitOfWorkFactory(None)  # type: ignore[arg-type]
