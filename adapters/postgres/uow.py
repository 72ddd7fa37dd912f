"""The PostgreSQL unit of work: one transaction, bound to one SLT unit for row-level security."""

from __future__ import annotations

from types import TracebackType
from typing import Self
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from adapters.postgres.constraints import domain_error
from adapters.postgres.organisation import repositories as r


class PgUnitOfWork:
    """Opens a session, begins, and sets ``samordna.unit_id`` with ``SET LOCAL`` semantics
    (``set_config(..., true)``) so every statement, even one that forgets its filter, sees only
    this unit. Leaving without ``commit`` rolls back."""

    session: AsyncSession
    units: r.PgUnitRepository
    establishments: r.PgEstablishmentRepository
    organisations: r.PgOrganisationRepository
    persons: r.PgPersonRepository
    bodies: r.PgBodyRepository
    memberships: r.PgMembershipRepository
    reference: r.PgReferenceData

    def __init__(self, sessions: async_sessionmaker[AsyncSession], unit_id: UUID) -> None:
        self._sessions = sessions
        self.unit_id = unit_id
        self._committed = False

    async def __aenter__(self) -> Self:
        self.session = self._sessions()
        await self.session.begin()
        await self.session.execute(
            sa.text("SELECT set_config('samordna.unit_id', :u, true)"), {"u": str(self.unit_id)}
        )
        s, u = self.session, self.unit_id
        self.units = r.PgUnitRepository(s, u)
        self.establishments = r.PgEstablishmentRepository(s, u)
        self.organisations = r.PgOrganisationRepository(s, u)
        self.persons = r.PgPersonRepository(s, u)
        self.bodies = r.PgBodyRepository(s, u)
        self.memberships = r.PgMembershipRepository(s, u)
        self.reference = r.PgReferenceData(s)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if not self._committed:
                await self.session.rollback()
        finally:
            await self.session.close()

    async def commit(self) -> None:
        try:
            await self.session.commit()
        except IntegrityError as exc:  # a deferred constraint is checked only now
            raise domain_error(exc) from None
        self._committed = True


class PgUnitOfWorkFactory:
    def __init__(self, engine: AsyncEngine) -> None:
        self._sessions = async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)

    def __call__(self, unit_id: UUID) -> PgUnitOfWork:
        return PgUnitOfWork(self._sessions, unit_id)
