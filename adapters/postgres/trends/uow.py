"""Trends PostgreSQL room: the unit of work — one transaction on the request's connection (ADR
0011) bound to the caller's unit, with the counts, the release store, the pull log and the
district resolver on it. A police system's cross-unit reads and pull-log rows go through the
SECURITY DEFINER functions of migration 0015, never through a unit setting of another unit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import connection as tx
from adapters.postgres.organisation.sql import Reader
from adapters.postgres.transaction import PgTransaction, request_connections
from adapters.postgres.trends.counts import PgTrendCounts
from adapters.postgres.trends.pulls import PgPullLog
from adapters.postgres.trends.releases import Caller, PgReleaseStore
from adapters.postgres.trends.units import PgDistrictResolver

if TYPE_CHECKING:
    from domain.trends.ports import TrendsUnitOfWork, TrendsUnitOfWorkFactory


class PgTrendsUnitOfWork(PgTransaction):
    _counts: PgTrendCounts
    _releases: PgReleaseStore
    _pulls: PgPullLog
    _units: PgDistrictResolver

    def _bind(self) -> None:
        reader, caller = Reader(self.conn), Caller(self.unit_id)
        self._counts = PgTrendCounts(reader, self.unit_id)
        self._releases = PgReleaseStore(reader, caller)
        self._pulls = PgPullLog(reader, caller)
        self._units = PgDistrictResolver(reader, caller)

    @property
    def counts(self) -> PgTrendCounts:
        return self._counts

    @property
    def releases(self) -> PgReleaseStore:
        return self._releases

    @property
    def pulls(self) -> PgPullLog:
        return self._pulls

    @property
    def units(self) -> PgDistrictResolver:
        return self._units

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        return self


class PgTrendsUnitOfWorkFactory:
    def __init__(self, engine: AsyncEngine | tx.RequestConnections) -> None:
        self._connections = request_connections(engine)

    def __call__(self, unit_id: UUID) -> PgTrendsUnitOfWork:
        return PgTrendsUnitOfWork(self._connections, unit_id)


if TYPE_CHECKING:  # the adapter satisfies the port it stands in for
    _uow: TrendsUnitOfWork = PgTrendsUnitOfWork(None, UUID(int=0))  # type: ignore[arg-type]
    _factory: TrendsUnitOfWorkFactory = PgTrendsUnitOfWorkFactory(None)  # type: ignore[arg-type]
